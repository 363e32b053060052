// Three `configdeck-cli platform` processes on one real Mosquitto. With --share-group they share the devices'
// configuration requests through an MQTT shared subscription: every get is answered exactly once, each
// process answers some, and when one is killed (SIGKILL) half-way the others answer the rest. Without it,
// every process answers every get: three replies to each request.
#include "PlatformProcess.h"
#include "alink/AlinkCodec.h"
#include "alink/Topic.h"
#include "support/MosquittoFixture.h"
#include "transport/MosquittoConnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace ConfigDeck;
using Alink::Topic;
using Alink::TopicKind;
using TestSupport::MosquittoFixture;

namespace {

constexpr int kProcesses = 3;
constexpr int kDevices = 30;
const QString kProduct = QStringLiteral("a1Shared");

QString deviceName(int index)
{
    return QStringLiteral("dev-%1").arg(index % kDevices, 4, 10, QLatin1Char('0'));
}

using Platform = PlatformProcess;

} // namespace

class TestSharedPlatform : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sharedGroupAnswersEachGetOnceAndSurvivesAKill();
    void withoutGroupEveryProcessAnswersEveryGet();
    void badGroupNameIsRefused();

private:
    // Starts kProcesses platforms (with --share-group when group is not empty) and waits until each is
    // connected and subscribed.
    void startPlatforms(const QString& group);
    // Sends gets with ids first..last (each to one device of the fleet) and waits until each has a reply.
    void requestConfigs(int first, int last);
    void stopPlatforms();

    std::unique_ptr<MosquittoFixture> m_broker;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::vector<Platform> m_platforms;
    std::unique_ptr<Transport::MosquittoConnection> m_fleet;    // plays the devices: sends their gets
    std::unique_ptr<Transport::MosquittoConnection> m_observer; // counts the replies per request id
    QHash<QString, int> m_replies;                              // request id -> get_reply messages seen
};

void TestSharedPlatform::init()
{
    m_broker = std::make_unique<MosquittoFixture>();
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    m_dir = std::make_unique<QTemporaryDir>();
    QFile config(m_dir->filePath(QStringLiteral("config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"reportInterval":60})");
    config.close();
    m_replies.clear();

    Transport::MqttConnectOptions options;
    options.host = m_broker->host();
    options.port = m_broker->port();
    m_observer = std::make_unique<Transport::MosquittoConnection>();
    QSignalSpy observing(m_observer.get(), &Transport::MqttConnection::subscribed);
    connect(m_observer.get(), &Transport::MqttConnection::messageReceived, this,
            [this](const QString&, const QByteArray& payload) {
                const auto reply = Alink::AlinkCodec::decodeGetReply(payload);
                QVERIFY(reply);
                QCOMPARE(reply->code, 200);
                ++m_replies[reply->id];
            });
    QVERIFY(!m_observer->subscribe(Topic::filter(TopicKind::ConfigGetReply), 1));
    options.clientId = QStringLiteral("observer");
    QVERIFY(!m_observer->connectToBroker(options));
    m_fleet = std::make_unique<Transport::MosquittoConnection>();
    QSignalSpy fleetConnected(m_fleet.get(), &Transport::MqttConnection::connected);
    options.clientId = QStringLiteral("fleet");
    QVERIFY(!m_fleet->connectToBroker(options));
    QTRY_COMPARE_WITH_TIMEOUT(observing.size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(fleetConnected.size(), 1, 10000);
}

void TestSharedPlatform::cleanup()
{
    for (Platform& platform : m_platforms) {
        if (platform.process->state() != QProcess::NotRunning) {
            platform.process->kill();
            platform.process->waitForFinished(5000);
        }
    }
    m_platforms.clear();
    m_fleet.reset();
    m_observer.reset();
    m_broker.reset();
}

void TestSharedPlatform::startPlatforms(const QString& group)
{
    m_platforms.resize(kProcesses);
    for (Platform& platform : m_platforms) {
        QStringList arguments{QStringLiteral("platform"),
                              QStringLiteral("--broker"),
                              QStringLiteral("mqtt://%1:%2").arg(m_broker->host()).arg(m_broker->port()),
                              QStringLiteral("--product"),
                              kProduct,
                              QStringLiteral("--config"),
                              m_dir->filePath(QStringLiteral("config.json")),
                              QStringLiteral("--devices"),
                              QString::number(kDevices),
                              QStringLiteral("--json")};
        if (!group.isEmpty())
            arguments << QStringLiteral("--share-group") << group;
        platform.process->start(QStringLiteral(CONFIGDECK_CLI), arguments);
        QVERIFY(platform.process->waitForStarted());
    }
    for (Platform& platform : m_platforms) {
        QTRY_VERIFY_WITH_TIMEOUT((platform.read(), platform.count(QStringLiteral("connected")) == 1), 15000);
        QCOMPARE(platform.last(QStringLiteral("connected")).value(QStringLiteral("shareGroup")).toString(),
                 group);
    }
    // Each process has a client ID of its own, so none takes another's session.
    QSet<QString> clientIds;
    for (const Platform& platform : m_platforms)
        clientIds.insert(
            platform.last(QStringLiteral("connected")).value(QStringLiteral("clientId")).toString());
    QCOMPARE(clientIds.size(), kProcesses);
    // The subscriptions follow the CONNACK: give the broker a moment to take them.
    QTest::qWait(500);
}

void TestSharedPlatform::requestConfigs(int first, int last)
{
    for (int id = first; id <= last; ++id) {
        const auto payload = Alink::AlinkCodec::encode(
            Alink::ConfigGetRequest{QString::number(id), QStringLiteral("product"), QStringLiteral("file")});
        QVERIFY(payload);
        QVERIFY(
            m_fleet->publish(Topic(TopicKind::ConfigGet, kProduct, deviceName(id)).toString(), *payload, 1)
                .hasValue());
    }
    const auto allAnswered = [this, first, last] {
        for (int id = first; id <= last; ++id) {
            if (!m_replies.contains(QString::number(id)))
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allAnswered(), 30000);
}

void TestSharedPlatform::stopPlatforms()
{
    for (Platform& platform : m_platforms) {
        if (platform.process->state() == QProcess::NotRunning)
            continue;
        platform.process->terminate(); // SIGTERM: the summary, then exit
        QVERIFY(platform.process->waitForFinished(15000));
        platform.read();
    }
}

void TestSharedPlatform::sharedGroupAnswersEachGetOnceAndSurvivesAKill()
{
    constexpr int half = 150;
    startPlatforms(QStringLiteral("g"));
    if (QTest::currentTestFailed())
        return;

    requestConfigs(1, half);
    for (Platform& platform : m_platforms) {
        platform.read();
        QVERIFY2(platform.count(QStringLiteral("get")) > 0, "a process of the group answered no get");
    }
    Platform& killed = m_platforms.front();
    const int answeredByKilled = killed.count(QStringLiteral("get"));
    killed.process->kill(); // SIGKILL: no goodbye to the broker
    QVERIFY(killed.process->waitForFinished(5000));
    killed.read();
    QCOMPARE(killed.count(QStringLiteral("get")), answeredByKilled);
    // The broker sees the socket close and stops handing it messages.
    QTest::qWait(500);

    requestConfigs(half + 1, 2 * half);
    QTest::qWait(1000); // a duplicate would have arrived by now
    QCOMPARE(m_replies.size(), 2 * half);
    for (auto it = m_replies.cbegin(); it != m_replies.cend(); ++it)
        QVERIFY2(it.value() == 1,
                 qPrintable(QStringLiteral("get %1 answered %2 times").arg(it.key()).arg(it.value())));

    stopPlatforms();
    int answered = answeredByKilled;
    for (size_t i = 1; i < m_platforms.size(); ++i) {
        const QJsonObject summary = m_platforms[i].last(QStringLiteral("summary"));
        QVERIFY2(!summary.isEmpty(), "a surviving process printed no summary");
        QCOMPARE(summary.value(QStringLiteral("shareGroup")).toString(), QStringLiteral("g"));
        const int gets = summary.value(QStringLiteral("gets")).toInt();
        QCOMPARE(gets, m_platforms[i].count(QStringLiteral("get")));
        QVERIFY2(gets > answeredByKilled / 2, "a survivor took no share of the second half");
        answered += gets;
    }
    QCOMPARE(answered, 2 * half);
    qInfo("gets per process: %d (killed after the first %d), %d, %d", answeredByKilled, half,
          m_platforms[1].count(QStringLiteral("get")), m_platforms[2].count(QStringLiteral("get")));
}

void TestSharedPlatform::withoutGroupEveryProcessAnswersEveryGet()
{
    constexpr int requests = 30;
    startPlatforms(QString());
    if (QTest::currentTestFailed())
        return;
    requestConfigs(1, requests);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(m_replies.cbegin(), m_replies.cend(), [](int count) { return count == kProcesses; }),
        15000);
    QTest::qWait(500);
    QCOMPARE(m_replies.size(), requests);
    for (auto it = m_replies.cbegin(); it != m_replies.cend(); ++it)
        QCOMPARE(it.value(), kProcesses);
    stopPlatforms();
    for (const Platform& platform : m_platforms)
        QCOMPARE(platform.last(QStringLiteral("summary")).value(QStringLiteral("gets")).toInt(), requests);
}

void TestSharedPlatform::badGroupNameIsRefused()
{
    QProcess cli;
    cli.start(QStringLiteral(CONFIGDECK_CLI),
              {QStringLiteral("platform"), QStringLiteral("--broker"),
               QStringLiteral("mqtt://%1:%2").arg(m_broker->host()).arg(m_broker->port()),
               QStringLiteral("--product"), kProduct, QStringLiteral("--share-group"),
               QStringLiteral("a/b")});
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitCode(), 2);
    const QString errors = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(errors.contains(QStringLiteral("--share-group")) && errors.contains(QStringLiteral("'/'")),
             qPrintable(errors));
}

QTEST_GUILESS_MAIN(TestSharedPlatform)
#include "TestSharedPlatform.moc"
