// Two `configdeck-cli platform` processes on one real Mosquitto, each with its own file server. On one
// workspace (an SQLite file, or a PostgreSQL database) they sign download URLs with the workspace's key, so a
// URL process A gave a device downloads from process B (as behind one host name); on two workspaces B
// refuses A's URL as the cloud's object storage does (403, an XML <Error>).
#include "PlatformProcess.h"
#include "alink/AlinkCodec.h"
#include "alink/Topic.h"
#include "session/WorkspaceKey.h"
#include "store/Workspace.h"
#include "support/MosquittoFixture.h"
#include "support/PostgresFixture.h"
#include "transport/MosquittoConnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ConfigDeck;
using Alink::Topic;
using Alink::TopicKind;
using TestSupport::MosquittoFixture;
using TestSupport::PostgresFixture;

namespace {

const QString kProduct = QStringLiteral("a1Signing");
const QString kDevice = QStringLiteral("dev-0000");
const QString kPassphrase = QStringLiteral("url signing test passphrase");
const QByteArray kConfig = R"({"reportInterval":60,"server":"mqtt.example.com"})";

using Platform = PlatformProcess;

struct Download
{
    int status = 0;
    QByteArray body;
};

Download download(const QUrl& url)
{
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url)));
    if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, 10000))
        return {};
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

} // namespace

class TestSharedUrlSigning : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void urlOfOneProcessDownloadsFromTheOther_data();
    void urlOfOneProcessDownloadsFromTheOther();

private:
    // A workspace at `location` with its key under kPassphrase; false (test failed) when not made.
    bool makeWorkspace(const QString& location, const QString& password);
    // databasePassword: for a workspace on PostgreSQL, given as PGPASSWORD (not in the URL).
    void startPlatform(Platform& platform, const QString& workspace, const QString& databasePassword);

    std::unique_ptr<MosquittoFixture> m_broker;
    std::unique_ptr<PostgresFixture> m_postgres;
    std::unique_ptr<QTemporaryDir> m_dir;
    Platform m_platforms[2];
    std::unique_ptr<Transport::MosquittoConnection> m_fleet; // plays dev-0000: sends its get, gets replies
    QList<Alink::ConfigGetReply> m_replies;
};

void TestSharedUrlSigning::init()
{
    m_broker = std::make_unique<MosquittoFixture>();
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    m_dir = std::make_unique<QTemporaryDir>();
    QFile config(m_dir->filePath(QStringLiteral("config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(kConfig);
    config.close();
    QFile passphrase(m_dir->filePath(QStringLiteral("passphrase.txt")));
    QVERIFY(passphrase.open(QIODevice::WriteOnly));
    passphrase.write(kPassphrase.toUtf8() + '\n');
    passphrase.close();
    m_replies.clear();

    m_fleet = std::make_unique<Transport::MosquittoConnection>();
    QSignalSpy subscribed(m_fleet.get(), &Transport::MqttConnection::subscribed);
    connect(m_fleet.get(), &Transport::MqttConnection::messageReceived, this,
            [this](const QString&, const QByteArray& payload) {
                const auto reply = Alink::AlinkCodec::decodeGetReply(payload);
                QVERIFY(reply);
                m_replies << *reply;
            });
    QVERIFY(!m_fleet->subscribe(Topic(TopicKind::ConfigGetReply, kProduct, kDevice).toString(), 1));
    Transport::MqttConnectOptions options;
    options.host = m_broker->host();
    options.port = m_broker->port();
    options.clientId = kProduct + u'.' + kDevice;
    QVERIFY(!m_fleet->connectToBroker(options));
    QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 10000);
}

void TestSharedUrlSigning::cleanup()
{
    for (Platform& platform : m_platforms) {
        if (platform.process->state() != QProcess::NotRunning) {
            platform.process->kill();
            platform.process->waitForFinished(5000);
        }
        platform = Platform();
    }
    m_fleet.reset();
    m_broker.reset();
}

bool TestSharedUrlSigning::makeWorkspace(const QString& location, const QString& password)
{
    auto opened = Store::Workspace::open(location, Store::Workspace::OpenMode::CreateOrOpen, password);
    if (!opened) {
        QTest::qFail(qPrintable(opened.error().message()), __FILE__, __LINE__);
        return false;
    }
    const auto created =
        Session::WorkspaceKey::create(**opened, Session::WorkspaceProtection::withPassphrase(kPassphrase));
    if (!created) {
        QTest::qFail(qPrintable(created.error().message()), __FILE__, __LINE__);
        return false;
    }
    return true;
}

void TestSharedUrlSigning::startPlatform(Platform& platform, const QString& workspace,
                                         const QString& databasePassword)
{
    if (!databasePassword.isEmpty()) { // libpq takes the password from the environment
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), databasePassword);
        platform.process->setProcessEnvironment(environment);
    }
    platform.process->start(QStringLiteral(CONFIGDECK_CLI),
                            {QStringLiteral("platform"), QStringLiteral("--broker"),
                             QStringLiteral("mqtt://%1:%2").arg(m_broker->host()).arg(m_broker->port()),
                             QStringLiteral("--product"), kProduct, QStringLiteral("--config"),
                             m_dir->filePath(QStringLiteral("config.json")), QStringLiteral("--devices"),
                             QStringLiteral("1"), QStringLiteral("--workspace"), workspace,
                             QStringLiteral("--passphrase-file"),
                             m_dir->filePath(QStringLiteral("passphrase.txt")), QStringLiteral("--json")});
    QVERIFY(platform.process->waitForStarted());
    QTRY_VERIFY2_WITH_TIMEOUT((platform.read(), !platform.last(QStringLiteral("connected")).isEmpty()),
                              qPrintable(QString::fromUtf8(platform.process->readAllStandardError())), 20000);
    QVERIFY(platform.fileServerPort() > 0);
}

void TestSharedUrlSigning::urlOfOneProcessDownloadsFromTheOther_data()
{
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<bool>("sameWorkspace");
    QTest::addRow("sqlite, one workspace") << false << true;
    QTest::addRow("sqlite, two workspaces") << false << false;
    QTest::addRow("postgresql, one workspace") << true << true;
    QTest::addRow("postgresql, two workspaces") << true << false;
}

void TestSharedUrlSigning::urlOfOneProcessDownloadsFromTheOther()
{
    QFETCH(bool, postgres);
    QFETCH(bool, sameWorkspace);
    QString locations[2];
    if (postgres) {
        if (!m_postgres) { // one server for the PostgreSQL rows
            m_postgres = std::make_unique<PostgresFixture>();
            QVERIFY2(m_postgres->start(), qPrintable(m_postgres->errorString()));
        }
        static int databases = 0;
        for (QString& location : locations) {
            const QString name = QStringLiteral("signing%1").arg(++databases);
            QVERIFY2(m_postgres->createDatabase(name), qPrintable(m_postgres->errorString()));
            location = m_postgres->url(name);
        }
    } else {
        locations[0] = m_dir->filePath(QStringLiteral("a.configdeck"));
        locations[1] = m_dir->filePath(QStringLiteral("b.configdeck"));
    }
    if (sameWorkspace)
        locations[1] = locations[0];
    for (const QString& location : QSet<QString>{locations[0], locations[1]})
        QVERIFY(makeWorkspace(location, postgres ? m_postgres->password() : QString()));
    const QString password = postgres ? m_postgres->password() : QString();
    startPlatform(m_platforms[0], locations[0], password);
    startPlatform(m_platforms[1], locations[1], password);
    if (QTest::currentTestFailed())
        return;
    const QString keyA =
        m_platforms[0].last(QStringLiteral("url-signing")).value(QStringLiteral("accessKeyId")).toString();
    const QString keyB =
        m_platforms[1].last(QStringLiteral("url-signing")).value(QStringLiteral("accessKeyId")).toString();
    QVERIFY(!keyA.isEmpty() && !keyB.isEmpty());
    QCOMPARE(keyA == keyB, sameWorkspace);
    QTest::qWait(500); // the subscriptions follow the CONNACK

    // dev-0000 asks for its configuration; without a share group both processes answer, each with a URL to
    // its own file server.
    const auto get = Alink::AlinkCodec::encode(
        Alink::ConfigGetRequest{QStringLiteral("1"), QStringLiteral("product"), QStringLiteral("file")});
    QVERIFY(get);
    QVERIFY(m_fleet->publish(Topic(TopicKind::ConfigGet, kProduct, kDevice).toString(), *get, 1).hasValue());
    QTRY_COMPARE_WITH_TIMEOUT(m_replies.size(), 2, 15000);
    QUrl urlOf[2];
    for (const Alink::ConfigGetReply& reply : m_replies) {
        QCOMPARE(reply.code, 200);
        QVERIFY(reply.data);
        const QUrl url(reply.data->url);
        for (int i = 0; i < 2; ++i) {
            if (url.port() == m_platforms[i].fileServerPort())
                urlOf[i] = url;
        }
    }
    QVERIFY2(urlOf[0].isValid() && urlOf[1].isValid(), "each process answered with a URL of its own server");

    // Each process's URL at its own server, then at the other's.
    for (int from = 0; from < 2; ++from) {
        const Download own = download(urlOf[from]);
        QCOMPARE(own.status, 200);
        QCOMPARE(own.body, kConfig);
        QUrl atOther = urlOf[from];
        atOther.setPort(m_platforms[1 - from].fileServerPort());
        const Download other = download(atOther);
        if (sameWorkspace) {
            QCOMPARE(other.status, 200);
            QCOMPARE(other.body, kConfig);
        } else {
            QCOMPARE(other.status, 403);
            QVERIFY2(other.body.contains("<Error>") && other.body.contains("<Code>InvalidAccessKeyId</Code>"),
                     other.body.constData());
        }
    }
}

QTEST_GUILESS_MAIN(TestSharedUrlSigning)
#include "TestSharedUrlSigning.moc"
