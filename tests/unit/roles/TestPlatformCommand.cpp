// `configdeck-cli platform --push` run as a process against a real Mosquitto, with devices played here:
// every forwarded push_reply reaches the broker before the command exits, and the summary is the last line.
#include "alink/AlinkCodec.h"
#include "alink/Topic.h"
#include "session/WorkspaceKey.h"
#include "store/Workspace.h"
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

namespace {

// Devices on the broker that answer every push with 200 at once; returned once all are subscribed (empty
// when they could not be).
std::vector<std::unique_ptr<Transport::MosquittoConnection>>
startDevices(const QString& product, int deviceCount, Transport::MqttConnectOptions options)
{
    std::vector<std::unique_ptr<Transport::MosquittoConnection>> devices;
    auto subscribed = std::make_shared<int>(0);
    for (int i = 0; i < deviceCount; ++i) {
        const QString deviceName = QStringLiteral("dev-%1").arg(i, 4, 10, QLatin1Char('0'));
        auto device = std::make_unique<Transport::MosquittoConnection>();
        Transport::MosquittoConnection* connection = device.get();
        QObject::connect(connection, &Transport::MqttConnection::subscribed, connection,
                         [subscribed] { ++*subscribed; });
        QObject::connect(
            connection, &Transport::MqttConnection::messageReceived, connection,
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
        if (connection->subscribe(Topic(TopicKind::ConfigPush, product, deviceName).toString(), 1))
            return {};
        options.clientId = product + u'.' + deviceName;
        if (connection->connectToBroker(options))
            return {};
        devices.push_back(std::move(device));
    }
    if (!QTest::qWaitFor([subscribed, deviceCount] { return *subscribed == deviceCount; }, 20000))
        return {};
    return devices;
}

QString writeConfig(const QTemporaryDir& dir)
{
    QFile config(dir.filePath(QStringLiteral("config.json")));
    if (!config.open(QIODevice::WriteOnly))
        return {};
    config.write(R"({"reportInterval":60})");
    return config.fileName();
}

} // namespace

class TestPlatformCommand : public QObject
{
    Q_OBJECT

private slots:
    void pushForwardsEveryReplyBeforeExit();
    void rolloutIsRecordedWithItsOperator();
    void emptyOperatorIsRefused();
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
    const auto devices = startDevices(product, deviceCount, options);
    QVERIFY(devices.size() == size_t(deviceCount));
    QTRY_COMPARE_WITH_TIMEOUT(observerReady.size(), 1, 10000);

    QTemporaryDir dir;
    const QString config = writeConfig(dir);
    QVERIFY(!config.isEmpty());

    QProcess cli;
    // Without --operator, the account's name.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("USER"), QStringLiteral("dave"));
    cli.setProcessEnvironment(environment);
    cli.start(QStringLiteral(CONFIGDECK_CLI),
              {QStringLiteral("platform"), QStringLiteral("--broker"),
               QStringLiteral("mqtt://%1:%2").arg(broker.host()).arg(broker.port()),
               QStringLiteral("--product"), product, QStringLiteral("--config"), config,
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
    QCOMPARE(summary.value(QStringLiteral("operator")).toString(), QStringLiteral("dave"));

    // Every reply was forwarded, the last one included.
    QTRY_COMPARE_WITH_TIMEOUT(forwarded.size(), deviceCount, 10000);
    forwarded.removeDuplicates();
    QCOMPARE(forwarded.size(), deviceCount);
}

void TestPlatformCommand::rolloutIsRecordedWithItsOperator()
{
    constexpr int deviceCount = 3;
    const QString product = QStringLiteral("a1Audit");
    const QString passphrase = QStringLiteral("platform operator test passphrase");
    QTemporaryDir dir;
    const QString workspacePath = dir.filePath(QStringLiteral("team.configdeck"));
    {
        auto opened = Store::Workspace::open(workspacePath);
        QVERIFY(opened);
        auto created =
            Session::WorkspaceKey::create(**opened, Session::WorkspaceProtection::withPassphrase(passphrase));
        QVERIFY(created);
        (*opened)->keys().setSealer(created->sealer);
        for (int i = 0; i < deviceCount; ++i)
            QVERIFY((*opened)->identities().addDevice(
                {product, QStringLiteral("dev-%1").arg(i, 4, 10, QLatin1Char('0'))},
                "5e2b7c9a0d1f4e3b8a6c2d9e0f1a2b3c"));
    }
    QFile passphraseFile(dir.filePath(QStringLiteral("passphrase.txt")));
    QVERIFY(passphraseFile.open(QIODevice::WriteOnly));
    passphraseFile.write(passphrase.toUtf8() + '\n');
    passphraseFile.close();
    const QString config = writeConfig(dir);
    QVERIFY(!config.isEmpty());

    MosquittoFixture broker;
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    Transport::MqttConnectOptions options;
    options.host = broker.host();
    options.port = broker.port();
    const auto devices = startDevices(product, deviceCount, options);
    QVERIFY(devices.size() == size_t(deviceCount));

    QProcess cli;
    cli.start(QStringLiteral(CONFIGDECK_CLI),
              {QStringLiteral("platform"), QStringLiteral("--broker"),
               QStringLiteral("mqtt://%1:%2").arg(broker.host()).arg(broker.port()),
               QStringLiteral("--product"), product, QStringLiteral("--config"), config,
               QStringLiteral("--devices"), QString::number(deviceCount), QStringLiteral("--rollout"),
               QStringLiteral("--timeout"), QStringLiteral("30"), QStringLiteral("--workspace"),
               workspacePath, QStringLiteral("--passphrase-file"), passphraseFile.fileName(),
               QStringLiteral("--operator"), QStringLiteral("carol"), QStringLiteral("--json")});
    QVERIFY(cli.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 40000);
    const QByteArray errors = cli.readAllStandardError();
    QVERIFY2(cli.exitCode() == 0, errors.constData());
    const QList<QByteArray> lines = cli.readAllStandardOutput().trimmed().split('\n');
    const QJsonObject summary = QJsonDocument::fromJson(lines.last()).object();
    QCOMPARE(summary.value(QStringLiteral("operator")).toString(), QStringLiteral("carol"));
    QCOMPARE(summary.value(QStringLiteral("succeeded")).toInt(), deviceCount);

    // The workspace holds carol's rollout and every message of it as hers.
    auto opened = Store::Workspace::open(workspacePath, Store::Workspace::OpenMode::OpenExisting);
    QVERIFY(opened);
    const auto rollouts = (*opened)->rollouts().list();
    QVERIFY(rollouts);
    QCOMPARE(rollouts->size(), 1);
    QCOMPARE(rollouts->first().operatorName, QStringLiteral("carol"));
    QCOMPARE(rollouts->first().state, Store::RolloutState::Completed);
    QCOMPARE(rollouts->first().productKey, product);
    const auto entries = (*opened)->messageLog().entries(product);
    QVERIFY(entries);
    int pushes = 0;
    int replies = 0;
    for (const Store::MessageLogEntry& entry : *entries) {
        QCOMPARE(entry.operatorName, QStringLiteral("carol"));
        pushes += entry.topic.endsWith(QLatin1StringView("/thing/config/push")) ? 1 : 0;
        replies += entry.topic.endsWith(QLatin1StringView("/thing/config/push_reply")) ? 1 : 0;
    }
    QCOMPARE(pushes, deviceCount);
    QCOMPARE(replies, deviceCount);
}

void TestPlatformCommand::emptyOperatorIsRefused()
{
    QProcess cli;
    cli.start(QStringLiteral(CONFIGDECK_CLI),
              {QStringLiteral("platform"), QStringLiteral("--product"), QStringLiteral("a1x"),
               QStringLiteral("--operator"), QStringLiteral(" ")});
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitCode(), 2);
    const QString errors = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(errors.contains(QStringLiteral("--operator")), qPrintable(errors));
}

QTEST_GUILESS_MAIN(TestPlatformCommand)
#include "TestPlatformCommand.moc"
