// Import from Alibaba Cloud into a workspace through the stand-in: the CSV import's preview, the
// all-or-nothing rule on a bad row, DeviceSecrets only when asked (sealed: never in plain text in the file
// or its -wal), online state, and a refresh that adds and updates but keeps every device's local state.
#include "cloud/AccountProfile.h"
#include "cloud/CloudFleetImport.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"
#include "support/OpenApiStandIn.h"
#include "support/WorkspaceChecks.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using Cloud::CloudFleetImport;
using TestSupport::OpenApiStandIn;

class TestCloudFleetImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void importsProductsAndDevices();
    void secretsOnlyWhenAsked();
    void refreshKeepsLocalState();
    void badRowImportsNothing();
    void apiErrorImportsNothing();

private:
    // Fetches and returns the preview (a failed test when the fetch failed).
    std::optional<Store::CsvImport::Preview> fetch(const CloudFleetImport::Options& options);

    OpenApiStandIn m_standIn;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Store::Workspace> m_workspace;
    std::unique_ptr<Cloud::OpenApiClient> m_client;
    std::unique_ptr<CloudFleetImport> m_import;
};

void TestCloudFleetImport::initTestCase()
{
    QVERIFY2(m_standIn.start(OpenApiStandIn::makeFleet(2, 60)), qPrintable(m_standIn.errorString()));
}

void TestCloudFleetImport::init()
{
    QVERIFY(m_standIn.setFleet(OpenApiStandIn::makeFleet(2, 60)));
    m_path =
        m_dir.filePath(QStringLiteral("%1.configdeck").arg(QLatin1StringView(QTest::currentTestFunction())));
    auto opened = Store::Workspace::open(m_path);
    QVERIFY(opened);
    m_workspace = std::move(opened).value();
    m_workspace->keys().setSealer(std::make_shared<Store::SecretSealer>(Store::SecretSealer::randomKey()));
    Cloud::AccountProfile profile;
    profile.regionId = m_standIn.options().regionId;
    profile.accessKeyId = m_standIn.options().accessKeyId;
    profile.openApiUrl = m_standIn.baseUrl();
    profile.caFile = m_standIn.caFile();
    QVERIFY(Cloud::AccountProfile::save(*m_workspace, profile,
                                        QByteArrayView(m_standIn.options().accessKeySecret)));
    const auto secret = Cloud::AccountProfile::openSecret(*m_workspace);
    QVERIFY(secret);
    m_client = std::make_unique<Cloud::OpenApiClient>(&m_network, profile, (*secret)->view());
}

void TestCloudFleetImport::cleanup()
{
    m_import.reset();
    m_client.reset();
    m_workspace.reset();
}

std::optional<Store::CsvImport::Preview> TestCloudFleetImport::fetch(const CloudFleetImport::Options& options)
{
    m_import = std::make_unique<CloudFleetImport>(*m_workspace, *m_client, options);
    QSignalSpy finished(m_import.get(), &CloudFleetImport::finished);
    m_import->fetch();
    if (!finished.wait(30000) || !finished.first().first().toString().isEmpty()) {
        QTest::qFail(finished.isEmpty() ? "no answer" : qPrintable(finished.first().first().toString()),
                     __FILE__, __LINE__);
        return std::nullopt;
    }
    auto preview = m_import->preview();
    if (!preview) {
        QTest::qFail(qPrintable(preview.error().message()), __FILE__, __LINE__);
        return std::nullopt;
    }
    return std::move(preview).value();
}

void TestCloudFleetImport::importsProductsAndDevices()
{
    const auto preview = fetch({});
    QVERIFY(preview);
    QCOMPARE(preview->rowCount, 120);
    QCOMPARE(preview->errorRowCount, 0);
    QCOMPARE(preview->existingRowCount, 0);
    QCOMPARE(preview->newProducts, QStringList({QStringLiteral("a1Prod0Key"), QStringLiteral("a1Prod1Key")}));
    QCOMPARE(preview->firstRows.first().deviceName, QStringLiteral("dev-0-0000"));
    QVERIFY(preview->canCommit());
    QCOMPARE(m_workspace->identities().deviceCount().value(), 0); // the preview wrote nothing

    const auto imported = m_import->commit(*preview);
    QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));
    QCOMPARE(*imported, 120);
    QCOMPARE(m_workspace->identities().deviceCount().value(), 120);
    const auto product = m_workspace->identities().product(QStringLiteral("a1Prod1Key"));
    QCOMPARE(product->value().name, QStringLiteral("Product 1"));
    // Online state as BatchGetDeviceState said it.
    QCOMPARE(m_workspace->deviceStates()
                 .state(QStringLiteral("a1Prod0Key"), QStringLiteral("dev-0-0003"))
                 ->value()
                 .online,
             true);
    QCOMPARE(m_workspace->deviceStates()
                 .state(QStringLiteral("a1Prod0Key"), QStringLiteral("dev-0-0004"))
                 ->value()
                 .online,
             false);
    // Without asking for secrets, none is fetched or stored.
    const QStringList actions = [&] {
        QStringList list;
        for (const QJsonValue& action : m_standIn.stats().value(QStringLiteral("actions")).toArray())
            list.append(action.toString());
        return list;
    }();
    QVERIFY(!actions.contains(QStringLiteral("BatchQueryDeviceDetail")));
    QVERIFY(!m_workspace->identities()
                 .device(QStringLiteral("a1Prod0Key"), QStringLiteral("dev-0-0001"))
                 ->value()
                 .hasSecret);
}

void TestCloudFleetImport::secretsOnlyWhenAsked()
{
    CloudFleetImport::Options options;
    options.withSecrets = true;
    const auto preview = fetch(options);
    QVERIFY(preview);
    QVERIFY(m_import->commit(*preview));
    const auto secret =
        m_workspace->identities().deviceSecret(QStringLiteral("a1Prod1Key"), QStringLiteral("dev-1-0042"));
    QVERIFY(secret);
    QCOMPARE(*secret, QByteArray("Sec1x42yZ0123456789abcdefABCDEF"));
    TestSupport::verifyNoPlainSecrets(m_path, {QByteArray("Sec1x42yZ0123456789abcdefABCDEF"),
                                               QByteArray("Sec0x0yZ0123456789abcdefABCDEF"),
                                               m_standIn.options().accessKeySecret});
}

void TestCloudFleetImport::refreshKeepsLocalState()
{
    auto first = fetch({});
    QVERIFY(first);
    QVERIFY(m_import->commit(*first));
    const QString pk = QStringLiteral("a1Prod0Key");
    const QString dn = QStringLiteral("dev-0-0005");
    // Local state the platform knows nothing of.
    QVERIFY(m_workspace->identities().setDeviceLabels(pk, dn, {QStringLiteral("lab")}));
    QVERIFY(m_workspace->identities().setDeviceNote(pk, dn, QStringLiteral("on the bench")));
    Store::DeviceStateUpdate update;
    update.productKey = pk;
    update.deviceName = dn;
    update.configId = QStringLiteral("cfg-7");
    update.sha256 = QString(64, u'a');
    update.state = Store::ConfigState::Applied;
    update.lastReplyCode = 200;
    QVERIFY(m_workspace->deviceStates().apply({update}));
    // A device the platform no longer lists stays too.
    QVERIFY(m_workspace->identities().addDevice(
        Store::DeviceRecord{pk, QStringLiteral("local-only"), {}, {}, false}, "LocalSecret-123"));

    // The platform: a renamed product, a new device, dev-0-0005 now online, and secrets fetched this time.
    QJsonObject fleet = OpenApiStandIn::makeFleet(2, 60);
    QJsonArray products = fleet.value(QStringLiteral("products")).toArray();
    QJsonObject product0 = products.at(0).toObject();
    product0.insert(QStringLiteral("name"), QStringLiteral("Renamed"));
    QJsonArray devices = product0.value(QStringLiteral("devices")).toArray();
    QJsonObject device5 = devices.at(5).toObject();
    device5.insert(QStringLiteral("status"), QStringLiteral("ONLINE"));
    devices.replace(5, device5);
    devices.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("dev-new-1")},
                               {QStringLiteral("secret"), QStringLiteral("NewSecret-0123456789")},
                               {QStringLiteral("status"), QStringLiteral("OFFLINE")}});
    product0.insert(QStringLiteral("devices"), devices);
    products.replace(0, product0);
    fleet.insert(QStringLiteral("products"), products);
    QVERIFY(m_standIn.setFleet(fleet));

    CloudFleetImport::Options options;
    options.withSecrets = true;
    const auto refresh = fetch(options);
    QVERIFY(refresh);
    QCOMPARE(refresh->rowCount, 121);
    QCOMPARE(refresh->existingRowCount, 120);
    QCOMPARE(refresh->errorRowCount, 0);
    QVERIFY2(refresh->summary().contains(QLatin1String("1 new device")), qPrintable(refresh->summary()));
    QVERIFY(refresh->newProducts.isEmpty());
    const auto imported = m_import->commit(*refresh);
    QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message()));

    QCOMPARE(m_workspace->identities().deviceCount().value(), 122);
    QCOMPARE(m_workspace->identities().product(pk)->value().name, QStringLiteral("Renamed"));
    const auto device = m_workspace->identities().device(pk, dn)->value();
    QCOMPARE(device.labels, QStringList({QStringLiteral("lab")}));
    QCOMPARE(device.note, QStringLiteral("on the bench"));
    QVERIFY(device.hasSecret);
    const auto state = m_workspace->deviceStates().state(pk, dn)->value();
    QCOMPARE(state.configId, QStringLiteral("cfg-7"));
    QCOMPARE(state.state, Store::ConfigState::Applied);
    QCOMPARE(state.lastReplyCode, std::optional<int>(200));
    QCOMPARE(state.online, true);
    QCOMPARE(m_workspace->deviceStates().heldVersions(pk, dn)->size(), 1);
    QCOMPARE(m_workspace->identities().deviceSecret(pk, QStringLiteral("local-only")).value(),
             QByteArray("LocalSecret-123"));
    QCOMPARE(m_workspace->identities().deviceSecret(pk, QStringLiteral("dev-new-1")).value(),
             QByteArray("NewSecret-0123456789"));
}

void TestCloudFleetImport::badRowImportsNothing()
{
    QJsonObject fleet = OpenApiStandIn::makeFleet(1, 10);
    QJsonArray products = fleet.value(QStringLiteral("products")).toArray();
    QJsonObject product = products.at(0).toObject();
    QJsonArray devices = product.value(QStringLiteral("devices")).toArray();
    devices.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("bad name!")}});
    product.insert(QStringLiteral("devices"), devices);
    products.replace(0, product);
    fleet.insert(QStringLiteral("products"), products);
    QVERIFY(m_standIn.setFleet(fleet));

    const auto preview = fetch({});
    QVERIFY(preview);
    QCOMPARE(preview->rowCount, 11);
    QCOMPARE(preview->errorRowCount, 1);
    QVERIFY(!preview->canCommit());
    QVERIFY2(preview->errors.first().message.contains(QLatin1String("bad name!")),
             qPrintable(preview->errors.first().message));
    QVERIFY(!m_import->commit(*preview));
    QCOMPARE(m_workspace->identities().deviceCount().value(), 0);
    QVERIFY(m_workspace->identities().products()->isEmpty());
}

void TestCloudFleetImport::apiErrorImportsNothing()
{
    QVERIFY(m_standIn.failNext(QStringLiteral("Forbidden.RAM"), 403));
    m_import = std::make_unique<CloudFleetImport>(*m_workspace, *m_client, CloudFleetImport::Options());
    QSignalSpy finished(m_import.get(), &CloudFleetImport::finished);
    m_import->fetch();
    QVERIFY(finished.wait(30000));
    const QString error = finished.first().first().toString();
    QVERIFY2(error.contains(QLatin1String("Forbidden.RAM")) &&
                 error.contains(QLatin1String("AliyunIOTReadOnlyAccess")),
             qPrintable(error));
    QCOMPARE(m_workspace->identities().deviceCount().value(), 0);
}

QTEST_GUILESS_MAIN(TestCloudFleetImport)
#include "TestCloudFleetImport.moc"
