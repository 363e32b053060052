#include "transport/TopicFilter.h"

#include <QTest>

using namespace ConfigDeck::Transport;
using namespace Qt::StringLiterals;

class TestTopicFilter : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void validate_data();
    void validate();
    void validateTopic_data();
    void validateTopic();
    void sharedFilter();
};

void TestTopicFilter::matches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("expected");

    // Exact names.
    QTest::addRow("exact") << "a/b/c"
                           << "a/b/c" << true;
    QTest::addRow("exact differs") << "a/b/c"
                                   << "a/b/d" << false;
    QTest::addRow("case matters") << "a/B"
                                  << "a/b" << false;
    QTest::addRow("filter longer") << "a/b/c"
                                   << "a/b" << false;
    QTest::addRow("topic longer") << "a/b"
                                  << "a/b/c" << false;
    QTest::addRow("prefix is not a level") << "a/b"
                                           << "a/bc" << false;
    QTest::addRow("spaces are characters") << "a b/c"
                                           << "a b/c" << true;

    // '+' matches exactly one level, which may be empty.
    QTest::addRow("plus one level") << "a/+/c"
                                    << "a/b/c" << true;
    QTest::addRow("plus empty level") << "a/+/c"
                                      << "a//c" << true;
    QTest::addRow("plus not two levels") << "a/+/c"
                                         << "a/b/x/c" << false;
    QTest::addRow("plus not zero levels") << "a/+"
                                          << "a" << false;
    QTest::addRow("plus trailing empty") << "a/+"
                                         << "a/" << true;
    QTest::addRow("plus alone") << "+"
                                << "a" << true;
    QTest::addRow("plus alone vs two levels") << "+"
                                              << "a/b" << false;
    QTest::addRow("plus alone vs slash") << "+"
                                         << "/" << false;
    QTest::addRow("plus plus vs slash") << "+/+"
                                        << "/" << true;
    QTest::addRow("leading empty level") << "/+"
                                         << "/a" << true;
    QTest::addRow("plus vs leading empty") << "+/a"
                                           << "/a" << true;
    QTest::addRow("plus last") << "sys/+/+/thing/config/push"
                               << "sys/pk/dn/thing/config/push" << true;
    QTest::addRow("alink get filter") << "/sys/+/+/thing/config/get"
                                      << "/sys/a1B2/dev-1/thing/config/get" << true;
    QTest::addRow("alink get vs get_reply") << "/sys/+/+/thing/config/get"
                                            << "/sys/a1B2/dev-1/thing/config/get_reply" << false;

    // '#' matches the rest, including the parent level.
    QTest::addRow("hash everything") << "#"
                                     << "a/b/c" << true;
    QTest::addRow("hash single") << "#"
                                 << "a" << true;
    QTest::addRow("hash slash") << "#"
                                << "/" << true;
    QTest::addRow("hash rest") << "a/#"
                               << "a/b/c" << true;
    QTest::addRow("hash parent") << "a/#"
                                 << "a" << true;
    QTest::addRow("hash parent trailing slash") << "a/#"
                                                << "a/" << true;
    QTest::addRow("hash other root") << "a/#"
                                     << "b/c" << false;
    QTest::addRow("hash after plus") << "+/#"
                                     << "a" << true;
    QTest::addRow("hash after plus deep") << "+/b/#"
                                          << "a/b/c/d" << true;
    QTest::addRow("hash leading empty") << "/#"
                                        << "/a/b" << true;
    QTest::addRow("hash leading empty parent") << "/#"
                                               << "/" << true;
    QTest::addRow("hash needs leading empty") << "/#"
                                              << "a" << false;

    // '$' topics are not matched by wildcards in the first level.
    QTest::addRow("dollar hash") << "#"
                                 << "$SYS/broker/uptime" << false;
    QTest::addRow("dollar plus") << "+/broker/uptime"
                                 << "$SYS/broker/uptime" << false;
    QTest::addRow("dollar explicit") << "$SYS/#"
                                     << "$SYS/broker/uptime" << true;
    QTest::addRow("dollar explicit plus") << "$SYS/+/uptime"
                                          << "$SYS/broker/uptime" << true;
    QTest::addRow("dollar in later level") << "a/+"
                                           << "a/$b" << true;
    QTest::addRow("dollar later hash") << "a/#"
                                       << "a/$b/c" << true;

    // Invalid input never matches.
    QTest::addRow("empty filter") << ""
                                  << "a" << false;
    QTest::addRow("empty topic") << "a"
                                 << "" << false;
    QTest::addRow("wildcard in topic") << "a/+"
                                       << "a/+" << false;
    QTest::addRow("hash in topic") << "#"
                                   << "a/#" << false;
    QTest::addRow("hash not last") << "a/#/c"
                                   << "a/b/c" << false;
    QTest::addRow("partial plus") << "a/b+"
                                  << "a/b+" << false;
    QTest::addRow("unicode level") << u"设备/+"_s << u"设备/温度"_s << true;
}

void TestTopicFilter::matches()
{
    QFETCH(QString, filter);
    QFETCH(QString, topic);
    QFETCH(bool, expected);
    QCOMPARE(TopicFilter::matches(filter, topic), expected);
}

void TestTopicFilter::validate_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("error"); // empty: valid; else a part of the message

    QTest::addRow("plain") << "a/b"
                           << "";
    QTest::addRow("plus") << "a/+/c"
                          << "";
    QTest::addRow("hash") << "a/#"
                          << "";
    QTest::addRow("hash alone") << "#"
                                << "";
    QTest::addRow("plus alone") << "+"
                                << "";
    QTest::addRow("plus hash") << "+/#"
                               << "";
    QTest::addRow("empty levels") << "//"
                                  << "";
    QTest::addRow("leading slash") << "/a"
                                   << "";
    QTest::addRow("dollar") << "$SYS/#"
                            << "";
    QTest::addRow("shared") << "$share/platform//sys/+/+/thing/config/get"
                            << "";
    QTest::addRow("shared hash") << "$share/g/#"
                                 << "";
    QTest::addRow("shared without filter") << "$share/g"
                                           << "has no filter";
    QTest::addRow("shared empty filter") << "$share/g/"
                                         << "has no filter";
    QTest::addRow("shared empty group") << "$share//a"
                                        << "is empty";
    QTest::addRow("shared wildcard group") << "$share/+/a"
                                           << "cannot contain";
    QTest::addRow("shared bad filter") << "$share/g/a/#/b"
                                       << "level 2";
    QTest::addRow("max length") << QString(65535, u'a') << "";
    QTest::addRow("empty") << ""
                           << "is empty";
    QTest::addRow("hash not last") << "a/#/c"
                                   << "level 2";
    QTest::addRow("hash inside level") << "a/b#"
                                       << "level 2 is \"b#\"";
    QTest::addRow("hash then slash") << "#/"
                                     << "level 1";
    QTest::addRow("plus inside level") << "a/b+/c"
                                       << "'+' must stand alone in a level, but level 2 is \"b+\"";
    QTest::addRow("plus prefix") << "+a"
                                 << "level 1";
    QTest::addRow("nul") << QStringLiteral("a/b%1").arg(QChar(u'\0')) << "NUL";
    QTest::addRow("too long") << QString(65536, u'a') << "longer than 65535 bytes";
    QTest::addRow("too long in utf8") << QString(30000, QChar(0x4E2D)) << "longer than 65535 bytes";
}

void TestTopicFilter::validate()
{
    QFETCH(QString, filter);
    QFETCH(QString, error);
    const auto result = TopicFilter::validate(filter);
    if (error.isEmpty()) {
        QVERIFY2(!result, qPrintable(result ? result->message() : QString()));
        return;
    }
    QVERIFY(result.has_value());
    QCOMPARE(result->field, QStringLiteral("filter"));
    QVERIFY2(result->message().contains(error), qPrintable(result->message()));
}

void TestTopicFilter::validateTopic_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QString>("error");

    QTest::addRow("plain") << "/sys/pk/dn/thing/config/push"
                           << "";
    QTest::addRow("empty levels") << "a//b/"
                                  << "";
    QTest::addRow("dollar") << "$SYS/x"
                            << "";
    QTest::addRow("empty") << ""
                           << "is empty";
    QTest::addRow("plus") << "a/+"
                          << "wildcards";
    QTest::addRow("hash") << "a/#"
                          << "wildcards";
    QTest::addRow("hash inside") << "a/b#c"
                                 << "wildcards";
    QTest::addRow("nul") << QStringLiteral("a%1").arg(QChar(u'\0')) << "NUL";
    QTest::addRow("too long") << QString(65536, u'x') << "longer than 65535 bytes";
}

void TestTopicFilter::validateTopic()
{
    QFETCH(QString, topic);
    QFETCH(QString, error);
    const auto result = TopicFilter::validateTopic(topic);
    if (error.isEmpty()) {
        QVERIFY2(!result, qPrintable(result ? result->message() : QString()));
        return;
    }
    QVERIFY(result.has_value());
    QCOMPARE(result->field, QStringLiteral("topic"));
    QVERIFY2(result->message().contains(error), qPrintable(result->message()));
}

void TestTopicFilter::sharedFilter()
{
    const QString shared =
        TopicFilter::shared(QStringLiteral("g1"), QStringLiteral("/sys/+/+/thing/config/get"));
    QCOMPARE(shared, QStringLiteral("$share/g1//sys/+/+/thing/config/get"));
    QVERIFY(!TopicFilter::validate(shared));
    QVERIFY(!TopicFilter::validateShareName(u"platform-eu"));
    for (const auto* bad : {u"", u"a/b", u"a+", u"#"}) {
        const auto error = TopicFilter::validateShareName(QStringView(bad));
        QVERIFY2(error.has_value(), qPrintable(QString::fromUtf16(bad)));
        QCOMPARE(error->field, QStringLiteral("shareGroup"));
    }
}

QTEST_GUILESS_MAIN(TestTopicFilter)
#include "TestTopicFilter.moc"
