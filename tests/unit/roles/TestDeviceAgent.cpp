// The device agent's limits, over the in-process broker: a download is capped whatever configSize the
// platform claims, and the downloads running at once are bounded.
#include "alink/AlinkCodec.h"
#include "alink/ReplyCodeCatalog.h"
#include "alink/Topic.h"
#include "roles/DeviceAgent.h"
#include "transfer/Downloader.h"
#include "transport/InProcessBroker.h"
#include "transport/InProcessConnection.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace ConfigDeck;
using Alink::ReplyCodeCatalog;
using Alink::Topic;
using Alink::TopicKind;

namespace {

const QString kProduct = QStringLiteral("a1Limits");
const QString kDevice = QStringLiteral("dev-0001");

// Accepts connections, counts them, and never answers: a download to it runs until canceled.
class SilentServer final : public QTcpServer
{
public:
    SilentServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                ++m_connections;
                socket->setParent(this);
            }
        });
    }
    int connections() const { return m_connections; }

private:
    int m_connections = 0;
};

} // namespace

class TestDeviceAgent : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void claimAboveTheLimitIsRefusedUnread();
    void concurrentDownloadsAreBounded();

private:
    QByteArray push(const QString& id, qint64 configSize) const;
    QList<QPair<QString, int>> replies() const;

    std::unique_ptr<Transport::InProcessBroker> m_broker;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Transfer::Downloader> m_downloader;
    std::unique_ptr<SilentServer> m_server;
    Transport::InProcessConnection* m_platform = nullptr;
    Roles::DeviceAgent* m_agent = nullptr;
    QList<QByteArray> m_replyPayloads;
};

void TestDeviceAgent::init()
{
    m_broker = std::make_unique<Transport::InProcessBroker>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_downloader = std::make_unique<Transfer::Downloader>(m_network.get());
    m_server = std::make_unique<SilentServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost));

    m_platform = new Transport::InProcessConnection(m_broker.get(), this);
    m_replyPayloads.clear();
    connect(m_platform, &Transport::MqttConnection::messageReceived, this,
            [this](const QString&, const QByteArray& payload) { m_replyPayloads << payload; });
    Transport::MqttConnectOptions options;
    options.clientId = QStringLiteral("platform");
    QVERIFY(!m_platform->subscribe(Topic(TopicKind::ConfigPushReply, kProduct, kDevice).toString(), 1));
    QVERIFY(!m_platform->connectToBroker(options));

    auto* deviceConnection = new Transport::InProcessConnection(m_broker.get());
    m_agent = new Roles::DeviceAgent({kProduct, kDevice, {}}, deviceConnection, m_downloader.get(), this);
    deviceConnection->setParent(m_agent);
    QSignalSpy subscribed(deviceConnection, &Transport::MqttConnection::subscribed);
    options.clientId = kProduct + u'.' + kDevice;
    QVERIFY(!m_agent->start(options));
    QTRY_VERIFY(subscribed.size() >= 1);
    QTRY_VERIFY(m_platform->isConnected());
}

void TestDeviceAgent::cleanup()
{
    delete m_agent;
    m_agent = nullptr;
    delete m_platform;
    m_platform = nullptr;
    m_downloader.reset();
    m_network.reset();
    m_server.reset();
    m_broker.reset();
}

QByteArray TestDeviceAgent::push(const QString& id, qint64 configSize) const
{
    Alink::ConfigPush message;
    message.id = id;
    message.params.configId = QStringLiteral("cfg-%1").arg(id);
    message.params.configSize = configSize;
    message.params.sign = QString(64, QLatin1Char('a'));
    message.params.url = QStringLiteral("http://127.0.0.1:%1/file.json").arg(m_server->serverPort());
    return *Alink::AlinkCodec::encode(message);
}

QList<QPair<QString, int>> TestDeviceAgent::replies() const
{
    QList<QPair<QString, int>> result;
    for (const QByteArray& payload : m_replyPayloads) {
        const auto reply = Alink::AlinkCodec::decodePushReply(payload);
        if (reply)
            result.append({reply->id, reply->code});
    }
    return result;
}

void TestDeviceAgent::claimAboveTheLimitIsRefusedUnread()
{
    Roles::AgentSettings settings;
    settings.maxDownloadBytes = Transfer::DownloadRequest::kAlibabaMaxSize;
    m_agent->setSettings(settings);
    QSignalSpy finished(m_agent, &Roles::DeviceAgent::exchangeFinished);
    const QString pushTopic = Topic(TopicKind::ConfigPush, kProduct, kDevice).toString();
    QVERIFY(m_platform->publish(pushTopic, push(QStringLiteral("1"), 512 * 1024 * 1024), 1));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(1).toInt(), int(ReplyCodeCatalog::FileTooLarge));
    QVERIFY2(
        finished.at(0).at(2).toString().contains(QLatin1StringView("more than this device accepts (65536 "
                                                                   "bytes)")),
        qPrintable(finished.at(0).at(2).toString()));
    QTRY_COMPARE(replies(),
                 (QList<QPair<QString, int>>{{QStringLiteral("1"), ReplyCodeCatalog::FileTooLarge}}));
    QCOMPARE(m_server->connections(), 0); // the lie cost no connection and no memory
}

void TestDeviceAgent::concurrentDownloadsAreBounded()
{
    Roles::AgentSettings settings;
    settings.maxConcurrentDownloads = 2;
    m_agent->setSettings(settings);
    QSignalSpy finished(m_agent, &Roles::DeviceAgent::exchangeFinished);
    const QString pushTopic = Topic(TopicKind::ConfigPush, kProduct, kDevice).toString();
    for (int i = 1; i <= 5; ++i)
        QVERIFY(m_platform->publish(pushTopic, push(QString::number(i), 1000), 1));
    // Two downloads hang on the silent server; the other three are answered busy at once.
    QTRY_COMPARE(finished.size(), 3);
    for (const auto& arguments : std::as_const(finished))
        QCOMPARE(arguments.at(1).toInt(), int(ReplyCodeCatalog::DeviceBusy));
    QTRY_COMPARE(replies().size(), 3);
    QTRY_COMPARE(m_server->connections(), 2);
    QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("3"));
}

QTEST_GUILESS_MAIN(TestDeviceAgent)
#include "TestDeviceAgent.moc"
