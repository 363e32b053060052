// `configdeck-cli platform --push` run as a process against a real Mosquitto, with devices played here:
// every forwarded push_reply reaches the broker before the command exits, and the summary is the last line.
#include "alink/AlinkCodec.h"
#include "alink/Topic.h"
#include "support/MosquittoFixture.h"
#include "transport/MosquittoConnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace ConfigDeck;
using Alink::Topic;
using Alink::TopicKind;
using TestSupport::MosquittoFixture;

class TestPlatformCommand : public QObject
{
    Q_OBJECT

private slots:
    void pushForwardsEveryReplyBeforeExit();
};

void TestPlatformCommand::pushForwardsEveryReplyBeforeExit()
{
    constexpr int deviceCount = 20;
    const QString product = QStringLiteral("a1Flush");
    MosquittoFixture broker;
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    Transport::MqttConnectOptions options;
    options.host = broker.host();
    options.port = broker.port();

    // What a business server sees on the data-exchange channel.
    Transport::MosquittoConnection observer;
    QSignalSpy observerReady(&observer, &Transport::MqttConnection::subscribed);
    QStringList forwarded;
    connect(&observer, &Transport::MqttConnection::messageReceived, this,
            [&forwarded](const QString& topic, const QByteArray&) { forwarded << topic; });
    QVERIFY(!observer.subscribe(Topic::filter(TopicKind::DownlinkReplyMessage), 1));
    options.clientId = QStringLiteral("observer");
    QVERIFY(!observer.connectToBroker(options));

    // Devices that answer every push with 200 at once.
    std::vector<std::unique_ptr<Transport::MosquittoConnection>> devices;
    int subscribed = 0;
    for (int i = 0; i < deviceCount; ++i) {
        const QString deviceName = QStringLiteral("dev-%1").arg(i, 4, 10, QLatin1Char('0'));
        auto device = std::make_unique<Transport::MosquittoConnection>();
        Transport::MosquittoConnection* connection = device.get();
        connect(connection, &Transport::MqttConnection::subscribed, this, [&subscribed] { ++subscribed; });
        connect(connection, &Transport::MqttConnection::messageReceived, this,
                [connection, product, deviceName](const QString&, const QByteArray& payload) {
                    const auto push = Alink::AlinkCodec::decodePush(payload);
                    QVERIFY(push);
                    const auto reply = Alink::AlinkCodec::encode(Alink::ConfigPushReply{push->id, 200, {}});
                    QVERIFY(reply);
                    QVERIFY(connection
                                ->publish(Topic(TopicKind::ConfigPushReply, product, deviceName).toString(),
                                          *reply, 1)
                                .hasValue());
                });
        QVERIFY(!connection->subscribe(Topic(TopicKind::ConfigPush, product, deviceName).toString(), 1));
        options.clientId = product + u'.' + deviceName;
        QVERIFY(!connection->connectToBroker(options));
        devices.push_back(std::move(device));
    }
    QTRY_COMPARE_WITH_TIMEOUT(subscribed, deviceCount, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(observerReady.size(), 1, 10000);

    QTemporaryDir dir;
    QFile config(dir.filePath(QStringLiteral("config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"reportInterval":60})");
    config.close();

    QProcess cli;
    cli.start(QStringLiteral(CONFIGDECK_CLI),
              {QStringLiteral("platform"), QStringLiteral("--broker"),
               QStringLiteral("mqtt://%1:%2").arg(broker.host()).arg(broker.port()),
               QStringLiteral("--product"), product, QStringLiteral("--config"), config.fileName(),
               QStringLiteral("--devices"), QString::number(deviceCount), QStringLiteral("--push"),
               QStringLiteral("--timeout"), QStringLiteral("30"), QStringLiteral("--json")});
    QVERIFY(cli.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 40000);
    const QByteArray errors = cli.readAllStandardError();
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QVERIFY2(cli.exitCode() == 0, errors.constData());

    const QList<QByteArray> lines = cli.readAllStandardOutput().trimmed().split('\n');
    QVERIFY(!lines.isEmpty());
    for (const QByteArray& line : lines)
        QVERIFY2(!line.contains("\"event\":\"wire-error\""), line.constData());
    QVERIFY2(!errors.contains("wire-error") && !errors.contains("not connected"), errors.constData());
    const QJsonObject summary = QJsonDocument::fromJson(lines.last()).object();
    QCOMPARE(summary.value(QStringLiteral("event")).toString(), QStringLiteral("summary"));
    QCOMPARE(summary.value(QStringLiteral("replies")).toInt(), deviceCount);
    QCOMPARE(summary.value(QStringLiteral("wireErrors")).toInt(), 0);

    // Every reply was forwarded, the last one included.
    QTRY_COMPARE_WITH_TIMEOUT(forwarded.size(), deviceCount, 10000);
    forwarded.removeDuplicates();
    QCOMPARE(forwarded.size(), deviceCount);
}

QTEST_GUILESS_MAIN(TestPlatformCommand)
#include "TestPlatformCommand.moc"
