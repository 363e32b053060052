#include "CloudFleetImport.h"

#include "CloudLog.h"
#include "store/Workspace.h"

namespace ConfigDeck::Cloud {

using Alink::Expected;
using Store::CsvImport;

CloudFleetImport::CloudFleetImport(Store::Workspace& workspace, OpenApiClient& client, const Options& options,
                                   QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_client(client)
    , m_options(options)
{
    connect(&m_client, &OpenApiClient::progress, this, &CloudFleetImport::progress);
}

void CloudFleetImport::fetch()
{
    m_fleet = Fleet();
    m_fetching = true;
    emit progress(tr("Reading the products…"));
    m_client.queryProducts([this](Expected<QList<OpenApiClient::Product>> products) {
        if (!products) {
            fail(products.error());
            return;
        }
        for (const OpenApiClient::Product& product : std::as_const(*products)) {
            if (m_options.productKeys.isEmpty() || m_options.productKeys.contains(product.productKey))
                m_fleet.products.append(product);
        }
        for (const QString& wanted : std::as_const(m_options.productKeys)) {
            const bool found = std::any_of(m_fleet.products.cbegin(), m_fleet.products.cend(),
                                           [&](const auto& product) { return product.productKey == wanted; });
            if (!found) {
                fail(Alink::AlinkError{
                    QStringLiteral("productKey"),
                    tr("The account has no product %1 in this region or instance.").arg(wanted), -1});
                return;
            }
        }
        fetchProduct(0);
    });
}

void CloudFleetImport::fetchProduct(qsizetype index)
{
    if (index >= m_fleet.products.size()) {
        m_fetching = false;
        qCInfo(lcCloud) << "fetched" << m_fleet.products.size() << "products," << m_fleet.devices.size()
                        << "devices";
        emit finished(QString());
        return;
    }
    const QString productKey = m_fleet.products.at(index).productKey;
    emit progress(tr("Reading the devices of %1…").arg(productKey));
    m_client.queryDevices(
        productKey, [this, index, productKey](Expected<QList<OpenApiClient::Device>> devices) {
            if (!devices) {
                fail(devices.error());
                return;
            }
            m_fleet.devices.append(*devices);
            QStringList names;
            for (const OpenApiClient::Device& device : std::as_const(*devices)) {
                names.append(device.deviceName);
                m_fleet.states.insert(deviceKey(productKey, device.deviceName), device.status);
            }
            auto afterSecrets = [this, index, productKey, names] {
                if (!m_options.withOnlineState || names.isEmpty()) {
                    fetchProduct(index + 1);
                    return;
                }
                m_client.queryDeviceStates(
                    productKey, names, [this, index, productKey](Expected<QHash<QString, QString>> states) {
                        if (!states) {
                            fail(states.error());
                            return;
                        }
                        for (auto it = states->cbegin(); it != states->cend(); ++it)
                            m_fleet.states.insert(deviceKey(productKey, it.key()), it.value());
                        fetchProduct(index + 1);
                    });
            };
            if (!m_options.withSecrets || names.isEmpty()) {
                afterSecrets();
                return;
            }
            emit progress(tr("Reading the DeviceSecrets of %1…").arg(productKey));
            m_client.queryDeviceSecrets(
                productKey, names,
                [this, productKey, afterSecrets](Expected<QHash<QString, QByteArray>> secrets) {
                    if (!secrets) {
                        fail(secrets.error());
                        return;
                    }
                    for (auto it = secrets->cbegin(); it != secrets->cend(); ++it)
                        m_fleet.secrets.insert(deviceKey(productKey, it.key()), it.value());
                    afterSecrets();
                });
        });
}

void CloudFleetImport::fail(const Alink::AlinkError& error)
{
    m_fetching = false;
    emit finished(error.message());
}

void CloudFleetImport::cancel()
{
    m_client.cancel();
}

Expected<CsvImport::Preview> CloudFleetImport::preview(int previewRows) const
{
    QByteArray records = CsvImport::record(CsvImport::columnName(CsvImport::ProductKey),
                                           CsvImport::columnName(CsvImport::DeviceName),
                                           CsvImport::columnName(CsvImport::DeviceSecret));
    CsvImport::Extras extras;
    for (const OpenApiClient::Product& product : m_fleet.products)
        extras.productNames.insert(product.productKey, product.name);
    for (const OpenApiClient::Device& device : m_fleet.devices) {
        const QString key = deviceKey(device.productKey, device.deviceName);
        records.append('\n');
        records.append(CsvImport::record(device.productKey, device.deviceName,
                                         QString::fromUtf8(m_fleet.secrets.value(key))));
        if (m_options.withOnlineState) {
            const QString status = m_fleet.states.value(key);
            if (!status.isEmpty())
                extras.online.insert(key, status == QLatin1String("ONLINE"));
        }
    }
    CsvImport::Options options;
    options.mode = CsvImport::Mode::Refresh;
    options.secretRequired = m_options.withSecrets;
    auto checked = CsvImport(m_workspace).previewRecords(records, previewRows, options);
    if (!checked)
        return checked;
    // Products without devices are products all the same.
    for (const OpenApiClient::Product& product : m_fleet.products) {
        if (!checked->productKeys.contains(product.productKey)) {
            checked->productKeys.append(product.productKey);
            const auto known = m_workspace.identities().product(product.productKey);
            if (!known)
                return known.error();
            if (!known->has_value())
                checked->newProducts.append(product.productKey);
        }
    }
    checked->extras = std::move(extras);
    return checked;
}

Expected<qsizetype> CloudFleetImport::commit(const CsvImport::Preview& preview) const
{
    return CsvImport(m_workspace).commit(preview);
}

} // namespace ConfigDeck::Cloud
