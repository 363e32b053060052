#pragma once

#include "OpenApiClient.h"
#include "store/CsvImport.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QStringList>

namespace ConfigDeck::Store {
class Workspace;
}

namespace ConfigDeck::Cloud {

// Import from Alibaba Cloud: reads the account's products and devices (and, when asked, their
// DeviceSecrets and online state) through the OpenAPI, then hands them to CsvImport as records, so that the
// preview, the per-row result and the all-or-nothing commit are the CSV import's own. The import refreshes:
// new products and devices are added, known ones updated (name, secret when fetched, online state), and
// nothing the workspace keeps about a device (state, held versions, labels, rollouts) is dropped.
class CloudFleetImport final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        bool withSecrets = false;    // BatchQueryDeviceDetail: only when the operator asks for them
        bool withOnlineState = true; // BatchGetDeviceState
        QStringList productKeys;     // empty: every product of the account
    };

    struct Fleet
    {
        QList<OpenApiClient::Product> products;
        QList<OpenApiClient::Device> devices;
        QHash<QString, QByteArray> secrets; // "ProductKey/DeviceName" -> DeviceSecret
        QHash<QString, QString> states;     // "ProductKey/DeviceName" -> ONLINE, OFFLINE, ...
    };

    CloudFleetImport(Store::Workspace& workspace, OpenApiClient& client, const Options& options,
                     QObject* parent = nullptr);

    // Reads the fleet from the platform; finished() tells when it is done (or failed, or was cancelled).
    void fetch();
    void cancel();
    bool isFetching() const { return m_fetching; }
    const Fleet& fleet() const { return m_fleet; }

    // The fetched fleet checked against the workspace as CsvImport checks records; writes nothing.
    Alink::Expected<Store::CsvImport::Preview>
    preview(int previewRows = Store::CsvImport::kDefaultPreviewRows) const;
    // All rows of a preview without errors in one transaction, or none: the number of devices added or
    // refreshed.
    Alink::Expected<qsizetype> commit(const Store::CsvImport::Preview& preview) const;

    static QString deviceKey(const QString& productKey, const QString& deviceName)
    {
        return productKey + u'/' + deviceName;
    }

signals:
    void progress(const QString& text);
    // error is empty when the fleet was read completely.
    void finished(const QString& error);

private:
    void fetchProduct(qsizetype index);
    void fail(const Alink::AlinkError& error);

    Store::Workspace& m_workspace;
    OpenApiClient& m_client;
    Options m_options;
    Fleet m_fleet;
    bool m_fetching = false;
};

} // namespace ConfigDeck::Cloud
