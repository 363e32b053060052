#include "RolesRig.h"
#include "alink/AlinkCodec.h"
#include "alink/ReplyCodeCatalog.h"
#include "alink/Topic.h"
#include "transfer/Sha256Stream.h"

#include <QSignalSpy>
#include <QTest>

using namespace ConfigDeck;
using namespace ConfigDeck::Roles;
using Alink::Topic;
using Alink::TopicKind;

namespace {

const QByteArray kConfig = "{\n  \"reportInterval\": 60,\n  \"server\": \"mqtt.example.com\"\n}\n";

QString pushReplyTopic(const QString& pk, const QString& dn)
{
    return Topic(TopicKind::ConfigPushReply, pk, dn).toString();
}

} // namespace

class TestPlatformService : public QObject
{
    Q_OBJECT

private slots:
    void getIsAnsweredAndVerified();
    void getRefusals_data();
    void getRefusals();
    void pushAndReplyAreForwarded();
    void badWireInputChangesNothing_data();
    void badWireInputChangesNothing();
    void duplicateAndStrayReplies();
    void alibabaLimits();
    void alibabaLimitsOfOneProduct();
    void verifyNamesTheProblem_data();
    void verifyNamesTheProblem();
};

void TestPlatformService::getIsAnsweredAndVerified()
{
    Tests::RolesRig rig;
    QVERIFY(rig.startPlatform());
    const auto published = rig.platform->publishConfig(QStringLiteral("pkA"), kConfig);
    QVERIFY(published);
    rig.addDevices(QStringLiteral("pkA"), 1);
    QVERIFY(rig.startFleet());

    DeviceAgent* agent = rig.fleet->agent(QStringLiteral("pkA"), QStringLiteral("dev-0000"));
    QSignalSpy finished(agent, &DeviceAgent::exchangeFinished);
    QSignalSpy answered(rig.platform.get(), &PlatformService::getAnswered);
    QVERIFY(agent->requestConfig());
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(1).toInt(), 200);
    QCOMPARE(answered.first().at(2).toInt(), 200);
    QCOMPARE(agent->held().content, kConfig);
    QCOMPARE(agent->held().sha256, published->sha256);
    QCOMPARE(agent->held().configId, published->configId);
    QCOMPARE(agent->state(), Store::ConfigState::Applied);
    QCOMPARE(rig.fileServer.requestCount(), 1u);
}

void TestPlatformService::getRefusals_data()
{
    QTest::addColumn<QString>("case_");
    QTest::addColumn<int>("code");
    QTest::addRow("switched off") << "off" << 6713;
    QTest::addRow("nothing published") << "empty" << 6710;
    QTest::addRow("unknown device") << "device" << 6100;
    QTest::addRow("unknown product") << "product" << 6250;
}

void TestPlatformService::getRefusals()
{
    QFETCH(QString, case_);
    QFETCH(int, code);
    Tests::RolesRig rig;
    QVERIFY(rig.startPlatform());
    QString productKey = QStringLiteral("pkA");
    if (case_ != QLatin1String("empty"))
        QVERIFY(rig.platform->publishConfig(productKey, kConfig));
    rig.addDevices(productKey, 1);
    if (case_ == QLatin1String("off"))
        rig.platform->setRemoteConfigEnabled(productKey, false);
    if (case_ == QLatin1String("device")) {
        PlatformProduct product = *rig.platform->product(productKey);
        product.devices = {QStringLiteral("someone-else")};
        rig.platform->setProduct(product);
    }
    if (case_ == QLatin1String("product")) {
        // The same device identity under a product the platform does not know.
        rig.fleet = std::make_unique<FleetSimulator>(
            [&rig](QObject* parent) { return rig.makeConnection(parent); },
            [&rig](const Alink::DeviceIdentity&) { return rig.options(QStringLiteral("stranger")); },
            &rig.network);
        rig.fleet->addDevices({SimulatedDevice{{QStringLiteral("pkZ"), QStringLiteral("dev-0000"), {}}, {}}});
        productKey = QStringLiteral("pkZ");
    }
    QVERIFY(rig.startFleet());
    DeviceAgent* agent = rig.fleet->agent(productKey, QStringLiteral("dev-0000"));
    QSignalSpy finished(agent, &DeviceAgent::exchangeFinished);
    QVERIFY(agent->requestConfig());
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(1).toInt(), code);
    QCOMPARE(agent->state(), Store::ConfigState::Failed);
    // The reason is the catalog's meaning, which says what to do.
    QCOMPARE(finished.first().at(2).toString(),
             Alink::ReplyCodeCatalog::lookup(code, Alink::ReplySource::Platform).displayMeaning());
    QCOMPARE(rig.fileServer.requestCount(), 0u);
}

void TestPlatformService::pushAndReplyAreForwarded()
{
    Tests::RolesRig rig;
    QVERIFY(rig.startPlatform());
    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkA"), kConfig));
    rig.addDevices(QStringLiteral("pkA"), 3);
    QVERIFY(rig.startFleet());

    // A business server listening on the data-exchange channel.
    std::unique_ptr<Transport::MqttConnection> business(rig.makeConnection(nullptr));
    QVERIFY(!business->subscribe(Topic::filter(TopicKind::DownlinkReplyMessage, QStringLiteral("pkA"))));
    QVERIFY(!business->connectToBroker(rig.options(QStringLiteral("business"))));
    QTRY_VERIFY(business->isConnected());
    QSignalSpy forwarded(business.get(), &Transport::MqttConnection::messageReceived);

    QSignalSpy replied(rig.platform.get(), &PlatformService::pushReplied);
    QSignalSpy states(rig.platform.get(), &PlatformService::deviceStateChanged);
    const auto tickets = rig.platform->push(QStringLiteral("pkA"));
    QVERIFY2(tickets, qPrintable(tickets ? QString() : tickets.error().message()));
    QCOMPARE(tickets->size(), 3);
    QTRY_COMPARE(replied.size(), 3);
    for (const auto& call : replied)
        QCOMPARE(call.at(3).toInt(), 200);
    QCOMPARE(rig.platform->pendingCount(), 0);
    QTRY_COMPARE(forwarded.size(), 3);
    const auto reply = Alink::AlinkCodec::decodePushReply(forwarded.first().at(1).toByteArray());
    QVERIFY(reply);
    QCOMPARE(reply->code, 200);
    // The last state of each device: applied, with the configuration's hash.
    const auto last = states.last().first().value<Store::DeviceStateUpdate>();
    QCOMPARE(last.state, Store::ConfigState::Applied);
    QCOMPARE(*last.sha256, rig.platform->product(QStringLiteral("pkA"))->config->sha256);
}

void TestPlatformService::badWireInputChangesNothing_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("reasonPart");

    const QString get =
        Topic(TopicKind::ConfigGet, QStringLiteral("pkA"), QStringLiteral("dev-0000")).toString();
    const QString reply = pushReplyTopic(QStringLiteral("pkA"), QStringLiteral("dev-0000"));
    QTest::addRow("garbage get") << get << QByteArray("\x00\xff garbage", 10) << "not JSON";
    QTest::addRow("get without id") << get << QByteArray("{\"version\":\"1.0\"}") << "id: is missing";
    QTest::addRow("garbage reply") << reply << QByteArray("{{{") << "not JSON";
    QTest::addRow("reply without code") << reply << QByteArray("{\"id\":\"1\"}") << "code: is missing";
    QTest::addRow("reply to unknown id")
        << reply << QByteArray("{\"id\":\"99999\",\"code\":200}") << "no push with id 99999";
    QTest::addRow("reply for another device")
        << pushReplyTopic(QStringLiteral("pkA"), QStringLiteral("other"))
        << QByteArray("{\"id\":\"1\",\"code\":200}") << "pkA/other";
}

void TestPlatformService::badWireInputChangesNothing()
{
    QFETCH(QString, topic);
    QFETCH(QByteArray, payload);
    QFETCH(QString, reasonPart);

    Tests::RolesRig rig;
    QVERIFY(rig.startPlatform());
    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkA"), kConfig));
    std::unique_ptr<Transport::MqttConnection> intruder(rig.makeConnection(nullptr));
    QVERIFY(!intruder->connectToBroker(rig.options(QStringLiteral("intruder"))));
    QTRY_VERIFY(intruder->isConnected());

    QSignalSpy errors(rig.platform.get(), &PlatformService::wireError);
    QSignalSpy states(rig.platform.get(), &PlatformService::deviceStateChanged);
    QSignalSpy logged(rig.platform.get(), &PlatformService::messageLogged);
    QVERIFY(intruder->publish(topic, payload, 1));
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(errors.first().at(0).toString(), topic);
    QVERIFY2(errors.first().at(1).toString().contains(reasonPart),
             qPrintable(errors.first().at(1).toString()));
    QCOMPARE(states.size(), 0);
    QCOMPARE(logged.size(), 1); // it is in the message log, as received
    QCOMPARE(rig.platform->pendingCount(), 0);
}

void TestPlatformService::duplicateAndStrayReplies()
{
    Tests::RolesRig rig;
    QVERIFY(rig.startPlatform());
    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkA"), kConfig));
    PlatformProduct product = *rig.platform->product(QStringLiteral("pkA"));
    product.devices = {QStringLiteral("dev-0000")};
    rig.platform->setProduct(product);
    // A hand-driven device: takes the push, replies twice.
    std::unique_ptr<Transport::MqttConnection> device(rig.makeConnection(nullptr));
    QVERIFY(!device->subscribe(
        Topic::filter(TopicKind::ConfigPush, QStringLiteral("pkA"), QStringLiteral("dev-0000"))));
    QVERIFY(!device->connectToBroker(rig.options(QStringLiteral("pkA.dev-0000"))));
    QTRY_VERIFY(device->isConnected());
    QSignalSpy pushes(device.get(), &Transport::MqttConnection::messageReceived);
    QVERIFY(rig.platform->push(QStringLiteral("pkA")));
    QTRY_COMPARE(pushes.size(), 1);
    const auto push = Alink::AlinkCodec::decodePush(pushes.first().at(1).toByteArray());
    QVERIFY(push);

    QSignalSpy replied(rig.platform.get(), &PlatformService::pushReplied);
    QSignalSpy errors(rig.platform.get(), &PlatformService::wireError);
    // The 3.x SDK's brace-less form is accepted.
    const QByteArray braceless =
        QStringLiteral("\"id\":%1,\"code\":\"100003\",\"data\":{}").arg(push->id).toUtf8();
    QVERIFY(device->publish(pushReplyTopic(QStringLiteral("pkA"), QStringLiteral("dev-0000")), braceless, 1));
    QTRY_COMPARE(replied.size(), 1);
    QCOMPARE(replied.first().at(3).toInt(), 100003);
    QVERIFY(device->publish(pushReplyTopic(QStringLiteral("pkA"), QStringLiteral("dev-0000")), braceless, 1));
    QTRY_COMPARE(errors.size(), 1);
    QVERIFY(errors.first().at(1).toString().contains(QStringLiteral("duplicate")));
    QCOMPARE(replied.size(), 1);
}

void TestPlatformService::alibabaLimits()
{
    Tests::RolesRig rig;
    PlatformSettings settings;
    settings.alibabaLimits = true;
    rig.platform->setSettings(settings);
    QVERIFY(rig.startPlatform());

    const auto notJson = rig.platform->publishConfig(QStringLiteral("pkA"), "key = value\n");
    QVERIFY(!notJson);
    QVERIFY(notJson.error().message().contains(QStringLiteral("must be JSON")));
    const auto tooLarge =
        rig.platform->publishConfig(QStringLiteral("pkA"), "{\"blob\":\"" + QByteArray(70000, 'x') + "\"}");
    QVERIFY(!tooLarge);
    QVERIFY(tooLarge.error().message().contains(QStringLiteral("65536")));
    QVERIFY(!rig.platform->product(QStringLiteral("pkA")) ||
            !rig.platform->product(QStringLiteral("pkA"))->config);

    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkA"), kConfig));
    rig.addDevices(QStringLiteral("pkA"), 4);
    QVERIFY(rig.startFleet());

    const auto single = rig.platform->push(QStringLiteral("pkA"), {QStringLiteral("dev-0001")});
    QVERIFY(!single);
    QVERIFY(single.error().message().contains(QStringLiteral("whole product")));

    QSignalSpy replied(rig.platform.get(), &PlatformService::pushReplied);
    QVERIFY(rig.platform->push(QStringLiteral("pkA")));
    QTRY_COMPARE(replied.size(), 4);
    const auto again = rig.platform->push(QStringLiteral("pkA"));
    QVERIFY(!again);
    QVERIFY2(again.error().message().contains(QStringLiteral("next push is allowed in 60 min")),
             qPrintable(again.error().message()));

    // Without the cooldown the same file still goes out only once.
    settings.pushCooldown = std::chrono::seconds(0);
    rig.platform->setSettings(settings);
    const auto sameFile = rig.platform->push(QStringLiteral("pkA"));
    QVERIFY(!sameFile);
    QVERIFY(sameFile.error().message().contains(QStringLiteral("already pushed")));
    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkA"), "{\"reportInterval\":30}"));
    QVERIFY(rig.platform->push(QStringLiteral("pkA")));

    // Limits off: single devices and any file.
    settings.alibabaLimits = false;
    rig.platform->setSettings(settings);
    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkA"), "key = value\n"));
    QVERIFY(rig.platform->push(QStringLiteral("pkA"), {QStringLiteral("dev-0001")}));
}

void TestPlatformService::alibabaLimitsOfOneProduct()
{
    Tests::RolesRig rig; // the session's setting is off
    QVERIFY(rig.startPlatform());
    PlatformProduct limited;
    limited.productKey = QStringLiteral("pkA");
    limited.alibabaLimits = true;
    rig.platform->setProduct(limited);
    rig.addDevices(QStringLiteral("pkA"), 2);
    rig.addDevices(QStringLiteral("pkB"), 2);

    const auto notJson = rig.platform->publishConfig(QStringLiteral("pkA"), "key = value\n");
    QVERIFY(!notJson);
    QVERIFY(notJson.error().message().contains(QStringLiteral("must be JSON")));
    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkA"), kConfig));
    const auto single = rig.platform->checkPush(QStringLiteral("pkA"), {QStringLiteral("dev-0001")});
    QVERIFY(single);
    QVERIFY(single->message().contains(QStringLiteral("whole product")));

    // The other product is not limited.
    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkB"), "key = value\n"));
    QVERIFY(!rig.platform->checkPush(QStringLiteral("pkB"), {QStringLiteral("dev-0001")}));
}

void TestPlatformService::verifyNamesTheProblem_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reasonPart");

    QTest::addRow("good") << QByteArray(kConfig) << 200 << "";
    QTest::addRow("short") << kConfig.left(10) << int(Alink::ReplyCodeCatalog::SizeMismatch)
                           << QStringLiteral("expected %1 bytes, got 10").arg(kConfig.size());
    QTest::addRow("long") << kConfig + "x" << int(Alink::ReplyCodeCatalog::FileTooLarge) << "got more";
    QByteArray corrupt = kConfig;
    corrupt[5] = 'X';
    QTest::addRow("corrupt") << corrupt << int(Alink::ReplyCodeCatalog::SignMismatch)
                             << "sign mismatch: expected";
}

void TestPlatformService::verifyNamesTheProblem()
{
    QFETCH(QByteArray, content);
    QFETCH(int, code);
    QFETCH(QString, reasonPart);
    Alink::ConfigFile file;
    file.configSize = kConfig.size();
    file.sign = Transfer::Sha256Stream::hash(kConfig).toUpper();
    const auto [actualCode, reason] = DeviceAgent::verify(file, content);
    QCOMPARE(actualCode, code);
    QVERIFY2(reason.contains(reasonPart), qPrintable(reason));
}

QTEST_GUILESS_MAIN(TestPlatformService)
#include "TestPlatformService.moc"
