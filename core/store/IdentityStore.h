#pragma once

#include "WorkspacePart.h"
#include "alink/DeviceKey.h"

#include <QHash>

#include <functional>

namespace ConfigDeck::Store {

class DeviceStateStore;
class KeyStore;

// Who is in the workspace: products and devices, each device's sealed DeviceSecret, note and labels.
// A secret is sealed with associated data "ProductKey/DeviceName". Removing devices takes their state
// with them (device_state, held_versions), so the snapshots for undo also read and restore that part.
class IdentityStore final : public WorkspacePart
{
public:
    IdentityStore(QString connectionName, const KeyStore& keys, DeviceStateStore& states);

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

    // Changes by hand that can be taken back (the console's undo).
    // What removeDevices() would take away with these devices (their rollout outcomes are not kept).
    Alink::Expected<QList<DeviceSnapshot>> deviceSnapshots(const QList<Alink::DeviceKey>& devices) const;
    // Removes the devices with their labels, state, held versions and rollout outcomes, then the products
    // named (with any devices they still have), in one transaction. Their messages stay in the log.
    Status removeDevices(const QList<Alink::DeviceKey>& devices, const QStringList& productKeys = {});
    // Puts products (added or updated) and devices back as they were, in one transaction.
    Status restore(const QList<ProductRecord>& products, const QList<DeviceSnapshot>& devices);
    // The secret as stored (sealed), and storing such a secret back: it must open for this device.
    Alink::Expected<QByteArray> sealedDeviceSecret(const QString& productKey,
                                                   const QString& deviceName) const;
    Status setSealedDeviceSecret(const QString& productKey, const QString& deviceName,
                                 const QByteArray& sealed);

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
    struct ImportOptions
    {
        // A device the workspace has is updated instead of refused: its secret when the source gives one
        // (an empty secret keeps the stored one); its row, state, held versions and labels stay.
        bool updateExisting = false;
        QHash<QString, QString> productNames; // ProductKey -> name, written when not empty
        QHash<QString, bool> online;          // "ProductKey/DeviceName" -> online, into the device's state
    };
    // Adds the products that are missing and every device the source gives, in one transaction: all or
    // nothing. Returns the number of devices added (or updated, with updateExisting).
    Alink::Expected<qsizetype> importDevices(const QStringList& productKeys, const NextImportedDevice& next,
                                             const ImportOptions& options);
    Alink::Expected<qsizetype> importDevices(const QStringList& productKeys, const NextImportedDevice& next)
    {
        return importDevices(productKeys, next, ImportOptions());
    }

    // Streams the devices of one product (all products when productKey is empty) in the order they were
    // added, with each DeviceSecret opened when withSecrets (the workspace must then be unlocked; secret is
    // empty otherwise). Stops at the first error, of the read or of visit.
    using DeviceVisitor =
        std::function<Status(const QString& productKey, const QString& deviceName, const QByteArray& secret)>;
    Status forEachDevice(const QString& productKey, bool withSecrets, const DeviceVisitor& visit) const;

private:
    Alink::Expected<qint64> productRowId(const QString& productKey) const;
    Status ensureProduct(const QString& productKey, qint64* id);
    // Within the caller's transaction.
    Status storeProduct(const ProductRecord& product);
    Status insertDevices(const QList<DeviceRecord>& devices, const QList<QByteArray>& secrets);
    // Inserts one device with its sealed secret (may be empty), note and labels; returns its row id.
    Alink::Expected<qint64> insertDevice(qint64 productRow, const DeviceRecord& device,
                                         const QByteArray& sealed);
    Alink::Expected<qint64> existingDevice(const QString& productKey, const QString& deviceName) const;
    // Runs change on an existing device's row in one transaction.
    Status changeDevice(const QString& productKey, const QString& deviceName,
                        const std::function<Status(qint64 deviceRow)>& change);
    // One statement on an existing device's row: its parameters are value (unless invalid), then the row id.
    Status execOnDevice(const QString& productKey, const QString& deviceName, const QString& sql,
                        const QVariant& value, const QString& failure);

    const KeyStore& m_keys;
    DeviceStateStore& m_states;
};

} // namespace ConfigDeck::Store
