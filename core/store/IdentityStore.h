#pragma once

#include "WorkspacePart.h"

#include <functional>

namespace ConfigDeck::Store {

class KeyStore;

// Who is in the workspace: products and devices, each device's sealed DeviceSecret, note and labels.
// A secret is sealed with associated data "ProductKey/DeviceName".
class IdentityStore final : public WorkspacePart
{
public:
    IdentityStore(QString connectionName, const KeyStore& keys);

    // Products
    Status upsertProduct(const ProductRecord& product);
    Alink::Expected<std::optional<ProductRecord>> product(const QString& productKey) const;
    Alink::Expected<QList<ProductRecord>> products() const;
    Status removeProduct(const QString& productKey); // also removes its devices

    // Devices
    Status addDevice(const DeviceRecord& device, const QByteArray& secret);
    Status addDevices(const QList<DeviceRecord>& devices, const QList<QByteArray>& secrets);
    Alink::Expected<std::optional<DeviceRecord>> device(const QString& productKey,
                                                        const QString& deviceName) const;
    Alink::Expected<QList<DeviceRecord>> devices(const QString& productKey = {}, qint64 limit = -1,
                                                 qint64 offset = 0) const;
    // The names of a product's devices, in the order they were added.
    Alink::Expected<QStringList> deviceNames(const QString& productKey) const;
    Alink::Expected<qint64> deviceCount(const QString& productKey = {}) const;
    Alink::Expected<QByteArray> deviceSecret(const QString& productKey, const QString& deviceName) const;
    Status setDeviceSecret(const QString& productKey, const QString& deviceName, const QByteArray& secret);
    Status setDeviceNote(const QString& productKey, const QString& deviceName, const QString& note);
    Status setDeviceLabels(const QString& productKey, const QString& deviceName, const QStringList& labels);
    Status removeDevice(const QString& productKey, const QString& deviceName);

    // A bulk import (CsvImport): the source hands over one device at a time, its secret in plain text.
    struct ImportedDevice
    {
        QByteArrayView productKey;
        QByteArrayView deviceName; // ASCII
        QByteArrayView secret;
        qsizetype line = 0; // where it comes from, for errors
    };
    // Fills the device and returns true while there is one, false at the end; an error cancels the import.
    using NextImportedDevice = std::function<Alink::Expected<bool>(ImportedDevice& device)>;
    // Adds the products that are missing and every device the source gives, in one transaction: all or
    // nothing. Returns the number of devices added.
    Alink::Expected<qsizetype> importDevices(const QStringList& productKeys, const NextImportedDevice& next);

    // Streams the devices of one product (all products when productKey is empty) in the order they were
    // added, with each DeviceSecret opened when withSecrets (the workspace must then be unlocked; secret is
    // empty otherwise). Stops at the first error, of the read or of visit.
    using DeviceVisitor =
        std::function<Status(const QString& productKey, const QString& deviceName, const QByteArray& secret)>;
    Status forEachDevice(const QString& productKey, bool withSecrets, const DeviceVisitor& visit) const;

private:
    Alink::Expected<qint64> productRowId(const QString& productKey) const;
    Status ensureProduct(const QString& productKey, qint64* id);
    Status insertDevices(const QList<DeviceRecord>& devices, const QList<QByteArray>& secrets);
    Alink::Expected<qint64> existingDevice(const QString& productKey, const QString& deviceName) const;

    const KeyStore& m_keys;
};

} // namespace ConfigDeck::Store
