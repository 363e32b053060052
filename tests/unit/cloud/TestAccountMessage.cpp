// AccountMessage and AccountFeed: what the server-side subscription's messages mean (status with lastTime
// order, push replies and their codes, other topics, malformed bodies) and the updates they make.
#include "cloud/AccountFeed.h"
#include "cloud/AccountMessage.h"
#include "store/StoreTypes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace ConfigDeck;
using Cloud::AccountFeed;
using Cloud::AccountMessage;
using Cloud::AmqpMessage;

namespace {

AmqpMessage statusMessage(const QString& pk, const QString& dn, const QString& status,
                          const QString& utcLastTime, const QString& lastTime = {})
{
    QJsonObject body{{QStringLiteral("status"), status},
                     {QStringLiteral("productKey"), pk},
                     {QStringLiteral("deviceName"), dn},
                     {QStringLiteral("time"), QStringLiteral("2026-12-07 14:00:00.000")},
                     {QStringLiteral("utcTime"), QStringLiteral("2026-12-07T06:00:00.000Z")},
                     {QStringLiteral("clientIp"), QStringLiteral("203.0.113.7")}};
    if (!utcLastTime.isEmpty())
        body.insert(QStringLiteral("utcLastTime"), utcLastTime);
    if (!lastTime.isEmpty())
        body.insert(QStringLiteral("lastTime"), lastTime);
    return {QStringLiteral("/as/mqtt/status/%1/%2").arg(pk, dn), QStringLiteral("m-status"), 0,
            QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

AmqpMessage replyMessage(const QString& pk, const QString& dn, const QJsonValue& code,
                         const QString& innerTopic = {})
{
    const QJsonObject body{
        {QStringLiteral("gmtCreate"), 1796623200000LL},
        {QStringLiteral("productKey"), pk},
        {QStringLiteral("deviceName"), dn},
        {QStringLiteral("requestId"), QStringLiteral("1234")},
        {QStringLiteral("code"), code},
        {QStringLiteral("message"), QStringLiteral("success")},
        {QStringLiteral("topic"), innerTopic.isEmpty()
                                      ? QStringLiteral("/sys/%1/%2/thing/config/push_reply").arg(pk, dn)
                                      : innerTopic},
        {QStringLiteral("data"), QJsonObject()}};
    return {QStringLiteral("/%1/%2/thing/downlink/reply/message").arg(pk, dn), QStringLiteral("m-reply"), 0,
            QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

} // namespace

class TestAccountMessage : public QObject
{
    Q_OBJECT

private slots:
    void readsAStatus();
    void readsTheChinaTimeWhenThereIsNoUtcTime();
    void readsAPushReply_data();
    void readsAPushReply();
    void otherTopicsAreOther();
    void malformedMessagesAreErrors_data();
    void malformedMessagesAreErrors();

    void feedBuildsTheSameUpdateAsThePlatform_data();
    void feedBuildsTheSameUpdateAsThePlatform();
    void feedIgnoresAnOlderStatus();
    void feedIgnoresUnknownDevicesAndSaysSoOnce();
    void feedRejectsMalformedMessagesChangingNothing();
    void feedKeepsItsOtherLogBounded();
};

void TestAccountMessage::readsAStatus()
{
    const auto event = AccountMessage::parse(statusMessage(QStringLiteral("a1pk"), QStringLiteral("dev1"),
                                                           QStringLiteral("online"),
                                                           QStringLiteral("2026-12-07T05:59:58.123Z")));
    QVERIFY2(event, qPrintable(event ? QString() : event.error().message()));
    const auto* status = std::get_if<Cloud::DeviceStatusEvent>(&*event);
    QVERIFY(status);
    QCOMPARE(status->productKey, QStringLiteral("a1pk"));
    QCOMPARE(status->deviceName, QStringLiteral("dev1"));
    QVERIFY(status->online);
    QCOMPARE(status->lastTime, QDateTime(QDate(2026, 12, 7), QTime(5, 59, 58, 123), QTimeZone::utc()));
    QCOMPARE(status->time, QDateTime(QDate(2026, 12, 7), QTime(6, 0), QTimeZone::utc()));
}

void TestAccountMessage::readsTheChinaTimeWhenThereIsNoUtcTime()
{
    // lastTime is the platform's local time, UTC+8.
    const auto event = AccountMessage::parse(statusMessage(QStringLiteral("a1pk"), QStringLiteral("dev1"),
                                                           QStringLiteral("offline"), QString(),
                                                           QStringLiteral("2026-12-07 13:59:58.123")));
    QVERIFY(event);
    const auto& status = std::get<Cloud::DeviceStatusEvent>(*event);
    QVERIFY(!status.online);
    QCOMPARE(status.lastTime, QDateTime(QDate(2026, 12, 7), QTime(5, 59, 58, 123), QTimeZone::utc()));
}

void TestAccountMessage::readsAPushReply_data()
{
    QTest::addColumn<int>("code");
    QTest::addRow("applied") << 200;
    QTest::addRow("device-defined") << 100003;
    QTest::addRow("platform") << 6713;
}

void TestAccountMessage::readsAPushReply()
{
    QFETCH(int, code);
    const auto event =
        AccountMessage::parse(replyMessage(QStringLiteral("a1pk"), QStringLiteral("dev1"), code));
    QVERIFY2(event, qPrintable(event ? QString() : event.error().message()));
    const auto& reply = std::get<Cloud::PushReplyEvent>(*event);
    QCOMPARE(reply.productKey, QStringLiteral("a1pk"));
    QCOMPARE(reply.deviceName, QStringLiteral("dev1"));
    QCOMPARE(reply.code, code);
    QCOMPARE(reply.requestId, QStringLiteral("1234"));
    QCOMPARE(reply.time, QDateTime::fromMSecsSinceEpoch(1796623200000LL, QTimeZone::utc()));
}

void TestAccountMessage::otherTopicsAreOther()
{
    // A reply to another downlink (a property set) and a property post are not configuration replies.
    const auto propertySet =
        AccountMessage::parse(replyMessage(QStringLiteral("a1pk"), QStringLiteral("dev1"), 200,
                                           QStringLiteral("/sys/a1pk/dev1/thing/service/property/set")));
    QVERIFY(propertySet);
    QVERIFY(std::holds_alternative<Cloud::OtherEvent>(*propertySet));
    const auto post = AccountMessage::parse(
        {QStringLiteral("/a1pk/dev1/thing/event/property/post"), QStringLiteral("m"), 0, "{}"});
    QVERIFY(post);
    QCOMPARE(std::get<Cloud::OtherEvent>(*post).topic,
             QStringLiteral("/a1pk/dev1/thing/event/property/post"));
}

void TestAccountMessage::malformedMessagesAreErrors_data()
{
    QTest::addColumn<AmqpMessage>("message");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reasonPart");

    QTest::addRow("status not JSON") << AmqpMessage{QStringLiteral("/as/mqtt/status/a1pk/dev1"),
                                                    {},
                                                    0,
                                                    "{\"status\":"}
                                     << QString() << QStringLiteral("not valid JSON");
    QTest::addRow("status not object")
        << AmqpMessage{QStringLiteral("/as/mqtt/status/a1pk/dev1"), {}, 0, "[1]"} << QString()
        << QStringLiteral("not a JSON object");
    QTest::addRow("status word") << statusMessage(QStringLiteral("a1pk"), QStringLiteral("dev1"),
                                                  QStringLiteral("sleeping"),
                                                  QStringLiteral("2026-12-07T05:00:00Z"))
                                 << QStringLiteral("status") << QStringLiteral("sleeping");
    QTest::addRow("status without lastTime")
        << statusMessage(QStringLiteral("a1pk"), QStringLiteral("dev1"), QStringLiteral("online"), QString())
        << QStringLiteral("lastTime") << QStringLiteral("not a time");
    QTest::addRow("status topic") << AmqpMessage{QStringLiteral("/as/mqtt/status/a1pk"), {}, 0, "{}"}
                                  << QStringLiteral("topic") << QStringLiteral("does not name");
    QTest::addRow("status other device")
        << AmqpMessage{QStringLiteral("/as/mqtt/status/a1pk/dev2"),
                       {},
                       0,
                       statusMessage(QStringLiteral("a1pk"), QStringLiteral("dev1"), QStringLiteral("online"),
                                     QStringLiteral("2026-12-07T05:00:00Z"))
                           .body}
        << QStringLiteral("deviceName") << QStringLiteral("dev2");
    QTest::addRow("reply code text") << replyMessage(QStringLiteral("a1pk"), QStringLiteral("dev1"),
                                                     QStringLiteral("200"))
                                     << QStringLiteral("code") << QStringLiteral("integer");
    QTest::addRow("reply code fraction")
        << replyMessage(QStringLiteral("a1pk"), QStringLiteral("dev1"), 200.5) << QStringLiteral("code")
        << QStringLiteral("integer");
    QTest::addRow("reply of another device")
        << replyMessage(QStringLiteral("a1pk"), QStringLiteral("dev1"), 200,
                        QStringLiteral("/sys/a1pk/dev9/thing/config/push_reply"))
        << QStringLiteral("topic") << QStringLiteral("dev9");
    QTest::addRow("reply not JSON") << AmqpMessage{QStringLiteral("/a1pk/dev1/thing/downlink/reply/message"),
                                                   {},
                                                   0,
                                                   "code=200"}
                                    << QString() << QStringLiteral("not valid JSON");
}

void TestAccountMessage::malformedMessagesAreErrors()
{
    QFETCH(AmqpMessage, message);
    QFETCH(QString, field);
    QFETCH(QString, reasonPart);
    const auto event = AccountMessage::parse(message);
    QVERIFY(!event);
    QCOMPARE(event.error().field, field);
    QVERIFY2(event.error().message().contains(reasonPart), qPrintable(event.error().message()));
}

void TestAccountMessage::feedBuildsTheSameUpdateAsThePlatform_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<Store::ConfigState>("state");
    QTest::addRow("200 applied") << 200 << Store::ConfigState::Applied;
    QTest::addRow("device code failed") << 100003 << Store::ConfigState::Failed;
}

void TestAccountMessage::feedBuildsTheSameUpdateAsThePlatform()
{
    QFETCH(int, code);
    QFETCH(Store::ConfigState, state);
    AccountFeed feed;
    QSignalSpy updates(&feed, &AccountFeed::deviceStateChanged);
    QSignalSpy logged(&feed, &AccountFeed::messageLogged);
    QSignalSpy replied(&feed, &AccountFeed::pushReplied);
    const AmqpMessage message = replyMessage(QStringLiteral("a1pk"), QStringLiteral("dev1"), code);
    feed.take(message);
    QCOMPARE(updates.size(), 1);
    const auto update = updates.at(0).at(0).value<Store::DeviceStateUpdate>();
    QCOMPARE(update.productKey, QStringLiteral("a1pk"));
    QCOMPARE(update.deviceName, QStringLiteral("dev1"));
    QCOMPARE(update.state, std::optional(state));
    QCOMPARE(update.lastReplyCode, std::optional(code));
    QCOMPARE(update.replySource, std::optional(Alink::ReplySource::Device));
    QCOMPARE(update.online, std::optional(true));
    QCOMPARE(update.lastMessageTime,
             std::optional(QDateTime::fromMSecsSinceEpoch(1796623200000LL, QTimeZone::utc())));
    QVERIFY(!update.sha256); // the subscription does not say which version was pushed

    QCOMPARE(logged.size(), 1);
    const auto entry = logged.at(0).at(0).value<Store::MessageLogEntry>();
    QCOMPARE(entry.direction, Store::MessageDirection::In);
    QCOMPARE(entry.topic, message.topic);
    QCOMPARE(entry.payload, message.body);
    QCOMPARE(entry.messageId, QStringLiteral("1234"));
    QCOMPARE(entry.code, std::optional(code));
    QCOMPARE(replied.size(), 1);
    QCOMPARE(replied.at(0).at(2).toInt(), code);
}

void TestAccountMessage::feedIgnoresAnOlderStatus()
{
    AccountFeed feed;
    QSignalSpy statuses(&feed, &AccountFeed::statusChanged);
    QSignalSpy updates(&feed, &AccountFeed::deviceStateChanged);
    // Online (last seen 06:00:02), then a late offline from before it (06:00:01): the device is online.
    feed.take(statusMessage(QStringLiteral("a1pk"), QStringLiteral("dev1"), QStringLiteral("online"),
                            QStringLiteral("2026-12-07T06:00:02.000Z")));
    feed.take(statusMessage(QStringLiteral("a1pk"), QStringLiteral("dev1"), QStringLiteral("offline"),
                            QStringLiteral("2026-12-07T06:00:01.000Z")));
    QCOMPARE(statuses.size(), 1);
    QCOMPARE(statuses.at(0).at(2).toBool(), true);
    QCOMPARE(feed.staleStatuses(), 1);
    // A newer offline is taken; another device has its own order.
    feed.take(statusMessage(QStringLiteral("a1pk"), QStringLiteral("dev1"), QStringLiteral("offline"),
                            QStringLiteral("2026-12-07T06:00:03.000Z")));
    feed.take(statusMessage(QStringLiteral("a1pk"), QStringLiteral("dev2"), QStringLiteral("online"),
                            QStringLiteral("2026-12-07T05:00:00.000Z")));
    QCOMPARE(statuses.size(), 3);
    QCOMPARE(statuses.at(1).at(2).toBool(), false);
    QCOMPARE(updates.size(), 3);
    QCOMPARE(updates.at(1).at(0).value<Store::DeviceStateUpdate>().online, std::optional(false));
    QVERIFY(!updates.at(1).at(0).value<Store::DeviceStateUpdate>().state); // status says nothing of config
}

void TestAccountMessage::feedIgnoresUnknownDevicesAndSaysSoOnce()
{
    AccountFeed feed([](const QString& pk, const QString& dn) {
        return pk == QLatin1String("a1pk") && dn == QLatin1String("dev1");
    });
    QSignalSpy unknown(&feed, &AccountFeed::unknownDevice);
    QSignalSpy updates(&feed, &AccountFeed::deviceStateChanged);
    QSignalSpy logged(&feed, &AccountFeed::messageLogged);
    feed.take(replyMessage(QStringLiteral("a1pk"), QStringLiteral("stranger"), 200));
    feed.take(statusMessage(QStringLiteral("a1pk"), QStringLiteral("stranger"), QStringLiteral("online"),
                            QStringLiteral("2026-12-07T06:00:00.000Z")));
    feed.take(replyMessage(QStringLiteral("a1pk"), QStringLiteral("dev1"), 200));
    QCOMPARE(unknown.size(), 1);
    QCOMPARE(unknown.at(0).at(1).toString(), QStringLiteral("stranger"));
    QCOMPARE(feed.unknownDeviceMessages(), 2);
    QCOMPARE(updates.size(), 1);
    QCOMPARE(logged.size(), 1);
    QCOMPARE(feed.otherLog().size(), 1);
    QVERIFY(feed.otherLog().constFirst().contains(QStringLiteral("a1pk/stranger")));
}

void TestAccountMessage::feedRejectsMalformedMessagesChangingNothing()
{
    AccountFeed feed;
    QSignalSpy rejected(&feed, &AccountFeed::messageRejected);
    QSignalSpy updates(&feed, &AccountFeed::deviceStateChanged);
    QSignalSpy logged(&feed, &AccountFeed::messageLogged);
    feed.take(
        {QStringLiteral("/a1pk/dev1/thing/downlink/reply/message"), QStringLiteral("m"), 0, "{\"code\":"});
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.at(0).at(0).toString(), QStringLiteral("/a1pk/dev1/thing/downlink/reply/message"));
    QVERIFY2(rejected.at(0).at(1).toString().contains(QStringLiteral("JSON")),
             qPrintable(rejected.at(0).at(1).toString()));
    QCOMPARE(updates.size(), 0);
    QCOMPARE(logged.size(), 0);
    QCOMPARE(feed.rejectedMessages(), 1);
}

void TestAccountMessage::feedKeepsItsOtherLogBounded()
{
    AccountFeed feed;
    feed.setMaxOtherLog(3);
    QSignalSpy updates(&feed, &AccountFeed::deviceStateChanged);
    for (int i = 0; i < 10; ++i)
        feed.take({QStringLiteral("/a1pk/dev1/user/topic%1").arg(i), QStringLiteral("m"), 0, "{}"});
    QCOMPARE(feed.otherLog().size(), 3);
    QVERIFY(feed.otherLog().constLast().contains(QStringLiteral("topic9")));
    QVERIFY(feed.otherLog().constFirst().contains(QStringLiteral("topic7")));
    QCOMPARE(updates.size(), 0);
}

QTEST_GUILESS_MAIN(TestAccountMessage)
#include "TestAccountMessage.moc"
