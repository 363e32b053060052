#include "alink/Topic.h"

#include <QTest>

using namespace ConfigDeck::Alink;

class TestTopic : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void rejects_data();
    void rejects();
    void replyTopics();
    void filters();
};

void TestTopic::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("productKey");
    QTest::addColumn<QString>("deviceName");

    QTest::addRow("get") << "/sys/a1B2c3/dev-01/thing/config/get" << int(TopicKind::ConfigGet) << "a1B2c3"
                         << "dev-01";
    QTest::addRow("get_reply") << "/sys/a1B2c3/dev-01/thing/config/get_reply"
                               << int(TopicKind::ConfigGetReply) << "a1B2c3"
                               << "dev-01";
    QTest::addRow("push") << "/sys/pk/dev@x.y:z/thing/config/push" << int(TopicKind::ConfigPush) << "pk"
                          << "dev@x.y:z";
    QTest::addRow("push_reply") << "/sys/pk/dev_1/thing/config/push_reply" << int(TopicKind::ConfigPushReply)
                                << "pk"
                                << "dev_1";
    QTest::addRow("data exchange") << "/pk/dev1/thing/downlink/reply/message"
                                   << int(TopicKind::DownlinkReplyMessage) << "pk"
                                   << "dev1";
    // A device literally named "sys" on the data-exchange topic is still {pk}/{dn}.
    QTest::addRow("device named thing")
        << "/sys/pk/thing/thing/config/get" << int(TopicKind::ConfigGet) << "pk"
        << "thing";
}

void TestTopic::roundTrip()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, productKey);
    QFETCH(QString, deviceName);

    const auto parsed = Topic::parse(text);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message()));
    QCOMPARE(int(parsed->kind()), kind);
    QCOMPARE(parsed->productKey(), productKey);
    QCOMPARE(parsed->deviceName(), deviceName);
    QVERIFY(parsed->isValid());
    QCOMPARE(parsed->toString(), text);
    QCOMPARE(Topic(TopicKind(kind), productKey, deviceName).toString(), text);
}

void TestTopic::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasonPart");

    QTest::addRow("empty") << ""
                           << "is empty";
    QTest::addRow("other topic") << "/sys/pk/dn/thing/event/property/post"
                                 << "not a remote-configuration topic";
    QTest::addRow("no leading slash") << "sys/pk/dn/thing/config/get"
                                      << "not a remote-configuration topic";
    QTest::addRow("empty product") << "/sys//dn/thing/config/get"
                                   << "ProductKey is empty";
    QTest::addRow("empty device") << "/sys/pk//thing/config/get"
                                  << "DeviceName is empty";
    QTest::addRow("plus in product") << "/sys/+/dn/thing/config/get"
                                     << "ProductKey contains '+'";
    QTest::addRow("hash in device") << "/sys/pk/#/thing/config/push"
                                    << "DeviceName contains '#'";
    QTest::addRow("extra level") << "/sys/pk/a/b/thing/config/get"
                                 << "not a remote-configuration topic";
    QTest::addRow("suffix typo") << "/sys/pk/dn/thing/config/gett"
                                 << "not a remote-configuration topic";
    QTest::addRow("trailing slash") << "/sys/pk/dn/thing/config/get/"
                                    << "not a remote-configuration topic";
}

void TestTopic::rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, reasonPart);

    const auto parsed = Topic::parse(text);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().field, QStringLiteral("topic"));
    QVERIFY2(parsed.error().message().contains(reasonPart), qPrintable(parsed.error().message()));
}

void TestTopic::replyTopics()
{
    const Topic get(TopicKind::ConfigGet, QStringLiteral("pk"), QStringLiteral("dn"));
    QCOMPARE(get.replyTopic()->toString(), QStringLiteral("/sys/pk/dn/thing/config/get_reply"));
    const Topic push(TopicKind::ConfigPush, QStringLiteral("pk"), QStringLiteral("dn"));
    QCOMPARE(push.replyTopic()->toString(), QStringLiteral("/sys/pk/dn/thing/config/push_reply"));
    QVERIFY(!Topic(TopicKind::ConfigPushReply, QStringLiteral("pk"), QStringLiteral("dn")).replyTopic());
    QVERIFY(!Topic(TopicKind::DownlinkReplyMessage, QStringLiteral("pk"), QStringLiteral("dn")).replyTopic());
}

void TestTopic::filters()
{
    QCOMPARE(Topic::filter(TopicKind::ConfigGet), QStringLiteral("/sys/+/+/thing/config/get"));
    QCOMPARE(Topic::filter(TopicKind::ConfigPushReply, QStringLiteral("pk")),
             QStringLiteral("/sys/pk/+/thing/config/push_reply"));
    QCOMPARE(Topic::filter(TopicKind::DownlinkReplyMessage, QStringLiteral("pk"), QStringLiteral("dn")),
             QStringLiteral("/pk/dn/thing/downlink/reply/message"));
    QVERIFY(!Topic(TopicKind::ConfigGet, QStringLiteral("+"), QStringLiteral("dn")).isValid());
}

QTEST_GUILESS_MAIN(TestTopic)
#include "TestTopic.moc"
