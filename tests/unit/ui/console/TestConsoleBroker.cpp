// The console as the platform on a real Mosquitto broker: a plain TCP connection with devices on the same
// broker answering a push, a TLS connection verified with the broker's CA, an untrusted broker shown in
// words where the user is looking, and the file server on HTTPS with the certificate from the settings.
#include "ConnectionDialog.h"
#include "MainWindow.h"
#include "MessageLogModel.h"
#include "roles/FleetSimulator.h"
#include "session/ConsoleSession.h"
#include "session/DemoSeed.h"
#include "store/FleetModel.h"
#include "store/Workspace.h"
#include "support/MosquittoFixture.h"
#include "support/StoredValue.h"
#include "transfer/DownloadJob.h"
#include "transfer/Downloader.h"
#include "transfer/FileServer.h"
#include "transport/MosquittoConnection.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using namespace ConfigDeck::Ui;
using TestSupport::MosquittoFixture;
using TestSupport::TestCertificates;

class TestConsoleBroker : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void platformOnBrokerPushesToDevicesOnTheBroker();
    void tlsWithTheBrokersCaConnects();
    void untrustedBrokerIsShownInWords();
    void fileServerOnHttpsIsVerifiedByDevices();

private:
    // A window on a new workspace (seeded like the Demo) switched to broker mode with these settings.
    std::unique_ptr<MainWindow> openOnBroker(const QString& url, bool tls, const QString& caFile,
                                             const QString& fileServerCertificate = {},
                                             const QString& fileServerKey = {});
    QTemporaryDir m_dir;
    QTemporaryDir m_settingsDir;
    int m_workspaces = 0;
};

void TestConsoleBroker::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfigDeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestConsoleBroker"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

std::unique_ptr<MainWindow> TestConsoleBroker::openOnBroker(const QString& url, bool tls,
                                                            const QString& caFile,
                                                            const QString& fileServerCertificate,
                                                            const QString& fileServerKey)
{
    auto window = std::make_unique<MainWindow>();
    window->resize(1280, 800);
    window->show();
    Session::ConsoleSession::Options options;
    options.create = Session::WorkspaceProtection::withPassphrase(QStringLiteral("lab bench passphrase"));
    options.workspacePath = m_dir.filePath(QStringLiteral("lab-%1.configdeck").arg(++m_workspaces));
    if (!window->openSession(options))
        return nullptr;
    // A workspace of one's own starts empty: the lab gets the Demo's products, devices and versions.
    if (!window->session()->ensureSeeded())
        return nullptr;
    Session::SessionSettings settings = window->session()->settings();
    settings.mode = Session::SessionMode::Broker;
    settings.brokerUrl = url;
    settings.tls = tls;
    settings.caFile = caFile;
    settings.fileServerCertificate = fileServerCertificate;
    settings.fileServerKey = fileServerKey;
    if (!window->session()->applySettings(settings))
        return nullptr;
    return window;
}

void TestConsoleBroker::platformOnBrokerPushesToDevicesOnTheBroker()
{
    MosquittoFixture broker;
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    auto window = openOnBroker(QStringLiteral("mqtt://127.0.0.1:%1").arg(broker.port()), false, {});
    QVERIFY(window);
    QCOMPARE(window->session()->mode(), Session::SessionMode::Broker);
    QVERIFY(!window->session()->broker()); // no in-process broker, no simulated fleet
    QVERIFY(!window->session()->fleet());
    QTRY_VERIFY2_WITH_TIMEOUT(window->connectionText().contains(QStringLiteral("Connected")),
                              qPrintable(window->connectionText() + u'|' + window->bannerText()), 10000);
    QVERIFY2(window->bannerText().isEmpty(), qPrintable(window->bannerText()));

    // The thermostats run elsewhere (here: device agents on their own libmosquitto connections).
    const QString product = QStringLiteral("a1Thermo");
    Store::Workspace* workspace = window->session()->workspace();
    QList<Roles::SimulatedDevice> devices;
    for (const Store::DeviceRecord& record : storedValue(workspace->identities().devices(product))) {
        Roles::SimulatedDevice device;
        device.identity = {
            record.productKey, record.deviceName,
            QString::fromUtf8(*workspace->identities().deviceSecret(record.productKey, record.deviceName))};
        devices << device;
    }
    QCOMPARE(devices.size(), Session::DemoSeed::kDevicesPerProduct);
    QNetworkAccessManager network;
    Roles::FleetSimulator fleet([](QObject* parent) { return new Transport::MosquittoConnection(parent); },
                                [&broker](const Alink::DeviceIdentity& identity) {
                                    Transport::MqttConnectOptions options;
                                    options.host = broker.host();
                                    options.port = broker.port();
                                    options.clientId = identity.productKey + u'.' + identity.deviceName;
                                    return options;
                                },
                                &network);
    fleet.addDevices(devices);
    fleet.start();
    QTRY_COMPARE_WITH_TIMEOUT(fleet.connectedCount(), int(devices.size()), 20000);

    const qsizetype logged = window->messageLogModel()->rowCount();
    window->pushToProduct(product);
    QVERIFY2(window->bannerText().isEmpty(), qPrintable(window->bannerText()));
    Store::FleetModel* model = window->fleetModel();
    auto everyoneAnswered = [&] {
        for (const Roles::SimulatedDevice& device : devices) {
            const Store::FleetModel::Row& row =
                model->rowAt(model->rowOf(product, device.identity.deviceName));
            if (!row.hasCode || row.lastCode != 200)
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(everyoneAnswered(), 30000);
    // Each device verified and applied the published version; the log holds each push and its reply.
    const QString published = storedValue(window->session()->publishedSha256(product));
    for (const Roles::SimulatedDevice& device : devices)
        QTRY_COMPARE(
            storedValue(workspace->deviceStates().state(product, device.identity.deviceName))->sha256,
            published);
    QVERIFY(window->messageLogModel()->rowCount() >= logged + 2 * devices.size());
    QTRY_VERIFY(window->countsText().contains(QStringLiteral("30 with a code")));
}

void TestConsoleBroker::tlsWithTheBrokersCaConnects()
{
    MosquittoFixture::Options options;
    options.tls = true;
    MosquittoFixture broker(options);
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    auto window =
        openOnBroker(QStringLiteral("mqtts://127.0.0.1:%1").arg(broker.tlsPort()), true, broker.caFile());
    QVERIFY(window);
    QTRY_VERIFY2_WITH_TIMEOUT(
        window->connectionText().contains(QStringLiteral("Connected")),
        qPrintable(window->connectionText() + u'|' + window->bannerText() + u'|' + broker.log().right(1500)),
        10000);
    QVERIFY2(window->bannerText().isEmpty(), qPrintable(window->bannerText()));
    // The settings, CA file included, are the workspace's.
    const auto stored = storedValue(Session::SessionSettings::load(*window->session()->workspace()));
    QCOMPARE(stored.caFile, broker.caFile());
    QVERIFY(stored.tls);
}

void TestConsoleBroker::untrustedBrokerIsShownInWords()
{
    MosquittoFixture::Options options;
    options.tls = true;
    MosquittoFixture broker(options);
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    QTemporaryDir otherDir;
    QString error;
    const auto otherCa = TestCertificates::create(otherDir.path(), &error);
    QVERIFY2(otherCa, qPrintable(error));
    auto window = openOnBroker(QStringLiteral("mqtts://127.0.0.1:%1").arg(broker.tlsPort()), true,
                               otherCa->caCertificate);
    QVERIFY(window);
    QTRY_VERIFY2_WITH_TIMEOUT(window->bannerText().contains(QStringLiteral("not trusted")),
                              qPrintable(window->bannerText() + u'|' + window->connectionText()), 10000);
    QVERIFY(window->bannerText().contains(QStringLiteral("TLS")));
    QVERIFY(!window->connectionText().contains(QStringLiteral("Connected")));
    // The console keeps working with what it has.
    QCOMPARE(window->fleetModel()->rowCount(), 2 * Session::DemoSeed::kDevicesPerProduct);
}

void TestConsoleBroker::fileServerOnHttpsIsVerifiedByDevices()
{
    MosquittoFixture broker;
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    QTemporaryDir pkiDir;
    QString error;
    const auto pki = TestCertificates::create(pkiDir.path(), &error); // the lab's own CA
    QVERIFY2(pki, qPrintable(error));

    // Half an identity is refused with the field named, and changes nothing.
    Session::SessionSettings halfDone;
    halfDone.mode = Session::SessionMode::Broker;
    halfDone.fileServerCertificate = pki->serverCertificate;
    QVERIFY(halfDone.validate());
    QCOMPARE(halfDone.validate()->field, QStringLiteral("fileServerKey"));
    ConnectionDialog dialog(halfDone);
    QCOMPARE(dialog.settings().fileServerCertificate, pki->serverCertificate);
    dialog.accept();
    QVERIFY2(dialog.errorText().contains(QStringLiteral("certificate and its key")),
             qPrintable(dialog.errorText()));
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    halfDone.fileServerKey = pki->caCertificate; // not a key
    QVERIFY(halfDone.validate());
    QCOMPARE(halfDone.validate()->field, QStringLiteral("fileServerKey"));

    auto window = openOnBroker(QStringLiteral("mqtt://127.0.0.1:%1").arg(broker.port()), false, {},
                               pki->serverCertificate, pki->serverKey);
    QVERIFY(window);
    QVERIFY2(window->bannerText().isEmpty(), qPrintable(window->bannerText()));
    Transfer::FileServer* files = window->session()->fileServer();
    QVERIFY(files->isHttps());
    QVERIFY(files->isListening());
    const auto stored = storedValue(Session::SessionSettings::load(*window->session()->workspace()));
    QCOMPARE(stored.fileServerCertificate, pki->serverCertificate);
    QCOMPARE(stored.fileServerKey, pki->serverKey);

    const QString product = QStringLiteral("a1Thermo");
    const QString published = storedValue(window->session()->publishedSha256(product));
    QVERIFY(!published.isEmpty());
    const auto content = window->session()->platform()->content(published);
    QVERIFY(content);
    Transfer::DownloadRequest request;
    request.url = files->signedUrl(published, QStringLiteral("config.json"));
    QCOMPARE(request.url.scheme(), QStringLiteral("https"));
    request.expectedSize = content->size();
    request.expectedSign = published;
    // Each device has its own network stack (no connection or TLS session carried from one to the other).
    const auto download = [](const Transfer::DownloadRequest& what) {
        QNetworkAccessManager network;
        Transfer::Downloader downloader(&network);
        Transfer::DownloadJob* job = downloader.download(what);
        QSignalSpy finished(job, &Transfer::DownloadJob::finished);
        if (!finished.wait(20000))
            return Transfer::DownloadResult{};
        return finished.at(0).at(0).value<Transfer::DownloadResult>();
    };

    // A device trusting the lab CA verifies the certificate and the file.
    request.caCertificates = QSslCertificate::fromPath(pki->caCertificate);
    QCOMPARE(request.caCertificates.size(), 1);
    Transfer::DownloadResult result = download(request);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.sha256, published);

    // One trusting only the system's roots refuses the server.
    request.caCertificates.clear();
    result = download(request);
    QVERIFY(!result.ok());
    QVERIFY2(result.message.contains(QStringLiteral("certificate"), Qt::CaseInsensitive) ||
                 result.message.contains(QStringLiteral("TLS"), Qt::CaseInsensitive),
             qPrintable(result.message));
}

QTEST_MAIN(TestConsoleBroker)
#include "TestConsoleBroker.moc"
