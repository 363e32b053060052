// AmqpSubscription against the AMQP 1.0 stand-in (tests/support/amqp_standin.py over TLS): it signs in with
// the documented SASL PLAIN credentials, receives status and push-reply messages, says in words why it was
// refused, reconnects after the server was killed and restarted, and stops cleanly at any moment.
#include "cloud/AmqpSubscription.h"
#include "support/AmqpStandInFixture.h"
#include "support/TestCertificates.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace ConfigDeck;
using Cloud::AmqpMessage;
using Cloud::AmqpSubscription;
using TestSupport::AmqpStandInFixture;

namespace {

AmqpSubscription::Settings settingsFor(const AmqpStandInFixture& standIn)
{
    AmqpSubscription::Settings settings;
    settings.host = standIn.host();
    settings.port = standIn.port();
    settings.accessKeyId = standIn.options().accessKeyId;
    settings.accessKeySecret = standIn.options().accessKeySecret;
    settings.consumerGroupId = standIn.options().consumerGroups.constFirst();
    settings.iotInstanceId = standIn.options().instanceId;
    settings.clientId = QStringLiteral("configdeck-test");
    settings.caCertificateFile = standIn.caFile();
    settings.reconnect.minDelayMs = 100;
    settings.reconnect.maxDelayMs = 400;
    settings.reconnect.jitter = 0;
    return settings;
}

QStringList topicsOf(const QSignalSpy& spy)
{
    QStringList topics;
    for (const auto& arguments : spy)
        topics << arguments.at(0).value<AmqpMessage>().messageId;
    return topics;
}

} // namespace

class TestAmqpSubscription : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void settingsAreChecked_data();
    void settingsAreChecked();
    void connectsAndReceives();
    void idleTimeoutIsAdvertisedAsSet_data();
    void idleTimeoutIsAdvertisedAsSet();
    void creditWindowKeepsEveryMessageInOrder();
    void oversizedMessagesAreDropped();
    void refusalIsExplained_data();
    void refusalIsExplained();
    void tlsVerificationFailureIsExplained();
    void unreachableHostIsExplained();
    void reconnectsAfterTheServerWasKilledAndRestarted();
    void serverDroppingTheConnectionRedeliversNothingTwice();
    void stopsCleanlyAtAnyMoment();
    void describesConditions_data();
    void describesConditions();
};

void TestAmqpSubscription::initTestCase()
{
    if (const auto why = AmqpStandInFixture::unavailable())
        QFAIL(qPrintable(*why));
}

void TestAmqpSubscription::settingsAreChecked_data()
{
    QTest::addColumn<QString>("field");
    QTest::addRow("host") << QStringLiteral("host");
    QTest::addRow("accessKeySecret") << QStringLiteral("accessKeySecret");
    QTest::addRow("consumerGroupId") << QStringLiteral("consumerGroupId");
    QTest::addRow("idleTimeout short") << QStringLiteral("idleTimeout");
    QTest::addRow("idleTimeout long") << QStringLiteral("idleTimeout");
    QTest::addRow("clientId separator") << QStringLiteral("clientId");
}

void TestAmqpSubscription::settingsAreChecked()
{
    QFETCH(QString, field);
    AmqpSubscription::Settings settings;
    settings.host = QStringLiteral("localhost");
    settings.accessKeyId = QStringLiteral("id");
    settings.accessKeySecret = "secret";
    settings.consumerGroupId = QStringLiteral("DEFAULT_GROUP");
    settings.clientId = QStringLiteral("c");
    QVERIFY(!settings.validate());
    const QByteArray tag = QTest::currentDataTag();
    if (tag == "host")
        settings.host.clear();
    else if (tag == "accessKeySecret")
        settings.accessKeySecret.clear();
    else if (tag == "consumerGroupId")
        settings.consumerGroupId.clear();
    else if (tag == "idleTimeout short")
        settings.idleTimeout = std::chrono::seconds(29);
    else if (tag == "idleTimeout long")
        settings.idleTimeout = std::chrono::seconds(301);
    else
        settings.clientId = QStringLiteral("a|b");
    AmqpSubscription subscription;
    const auto error = subscription.start(settings);
    QVERIFY(error);
    QCOMPARE(error->field, field);
    QCOMPARE(subscription.state(), AmqpSubscription::State::Stopped);
}

void TestAmqpSubscription::connectsAndReceives()
{
    AmqpStandInFixture standIn;
    QVERIFY2(standIn.start(), qPrintable(standIn.errorString()));
    AmqpSubscription subscription;
    QSignalSpy states(&subscription, &AmqpSubscription::stateChanged);
    QSignalSpy received(&subscription, &AmqpSubscription::messageReceived);
    QVERIFY(!subscription.start(settingsFor(standIn)));
    QCOMPARE(subscription.state(), AmqpSubscription::State::Connecting);
    QTRY_COMPARE_WITH_TIMEOUT(subscription.state(), AmqpSubscription::State::Connected, 10000);
    QVERIFY2(standIn.waitFor(QStringLiteral("AUTHORIZED configdeck-test")), qPrintable(standIn.output()));
    QVERIFY(standIn.waitFor(QStringLiteral("LINK configdeck-test")));

    const QDateTime lastTime(QDate(2026, 12, 7), QTime(6, 0, 1, 250), QTimeZone::utc());
    QVERIFY(standIn.sendStatus(QStringLiteral("a1pk"), QStringLiteral("dev1"), true, lastTime,
                               QStringLiteral("s1")));
    QVERIFY(standIn.sendPushReply(QStringLiteral("a1pk"), QStringLiteral("dev1"), 100003,
                                  QStringLiteral("77"), QStringLiteral("r1")));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 10000);
    const auto status = received.at(0).at(0).value<AmqpMessage>();
    QCOMPARE(status.topic, QStringLiteral("/as/mqtt/status/a1pk/dev1"));
    QCOMPARE(status.messageId, QStringLiteral("s1"));
    QVERIFY(status.generateTimeMs > 0);
    QVERIFY(status.body.contains("\"utcLastTime\":\"2026-12-07T06:00:01.250Z\""));
    const auto reply = received.at(1).at(0).value<AmqpMessage>();
    QCOMPARE(reply.topic, QStringLiteral("/a1pk/dev1/thing/downlink/reply/message"));
    QVERIFY(reply.body.contains("\"code\":100003"));
    // Accepted only once taken.
    QVERIFY2(standIn.waitFor(QStringLiteral("ACCEPTED r1")), qPrintable(standIn.output()));
    QVERIFY(standIn.waitFor(QStringLiteral("ACCEPTED s1")));

    subscription.stop();
    QCOMPARE(subscription.state(), AmqpSubscription::State::Stopped);
    QCOMPARE(states.constLast().at(0).value<AmqpSubscription::State>(), AmqpSubscription::State::Stopped);
    QVERIFY(standIn.waitFor(QStringLiteral("CLOSED configdeck-test")));
}

void TestAmqpSubscription::idleTimeoutIsAdvertisedAsSet_data()
{
    QTest::addColumn<int>("seconds");
    QTest::addRow("minimum") << 30;
    QTest::addRow("maximum") << 300;
}

void TestAmqpSubscription::idleTimeoutIsAdvertisedAsSet()
{
    // The stand-in refuses an idle-time-out outside 30,000..300,000 ms, as the platform does.
    QFETCH(int, seconds);
    AmqpStandInFixture standIn;
    QVERIFY2(standIn.start(), qPrintable(standIn.errorString()));
    auto settings = settingsFor(standIn);
    settings.idleTimeout = std::chrono::seconds(seconds);
    AmqpSubscription subscription;
    QVERIFY(!subscription.start(settings));
    QTRY_COMPARE_WITH_TIMEOUT(subscription.state(), AmqpSubscription::State::Connected, 10000);
    QVERIFY2(standIn.output().contains(QStringLiteral("IDLE %1").arg(seconds * 1000)),
             qPrintable(standIn.output()));
}

void TestAmqpSubscription::creditWindowKeepsEveryMessageInOrder()
{
    AmqpStandInFixture standIn;
    QVERIFY2(standIn.start(), qPrintable(standIn.errorString()));
    AmqpSubscription subscription;
    QSignalSpy received(&subscription, &AmqpSubscription::messageReceived);
    auto settings = settingsFor(standIn);
    settings.creditWindow = 2;
    QVERIFY(!subscription.start(settings));
    QStringList expected;
    for (int i = 0; i < 25; ++i) {
        expected << QStringLiteral("m%1").arg(i);
        QVERIFY(standIn.sendPushReply(QStringLiteral("a1pk"), QStringLiteral("dev%1").arg(i), 200,
                                      QString::number(i), expected.constLast()));
    }
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 25, 20000);
    QCOMPARE(topicsOf(received), expected);
    QVERIFY(standIn.waitFor(QStringLiteral("ACCEPTED m24")));
}

void TestAmqpSubscription::oversizedMessagesAreDropped()
{
    AmqpStandInFixture standIn;
    QVERIFY2(standIn.start(), qPrintable(standIn.errorString()));
    AmqpSubscription subscription;
    QSignalSpy received(&subscription, &AmqpSubscription::messageReceived);
    QSignalSpy dropped(&subscription, &AmqpSubscription::messageDropped);
    auto settings = settingsFor(standIn);
    settings.maxMessageBytes = 1024;
    QVERIFY(!subscription.start(settings));
    const QByteArray large = "{\"padding\":\"" + QByteArray(4096, 'x') + "\"}";
    QVERIFY(standIn.send(QStringLiteral("/a1pk/dev1/user/large"), QStringLiteral("big"), large));
    QVERIFY(standIn.sendPushReply(QStringLiteral("a1pk"), QStringLiteral("dev1"), 200, QStringLiteral("1"),
                                  QStringLiteral("small")));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
    QCOMPARE(received.at(0).at(0).value<AmqpMessage>().messageId, QStringLiteral("small"));
    QCOMPARE(dropped.size(), 1);
    QVERIFY2(dropped.at(0).at(0).toString().contains(QStringLiteral("exceeds the limit of 1024 bytes")),
             qPrintable(dropped.at(0).at(0).toString()));
    // Accepted all the same: it would be dropped again on every delivery.
    QVERIFY(standIn.waitFor(QStringLiteral("ACCEPTED big")));
}

void TestAmqpSubscription::refusalIsExplained_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("words");
    QTest::addColumn<QString>("serverSaid");
    QTest::addRow("wrong secret") << QStringLiteral("secret")
                                  << QStringLiteral("wrong AccessKey ID or AccessKey Secret")
                                  << QStringLiteral("REFUSED auth failed: the signature does not match");
    QTest::addRow("wrong key id") << QStringLiteral("keyId")
                                  << QStringLiteral("wrong AccessKey ID or AccessKey Secret")
                                  << QStringLiteral("REFUSED auth failed: the AccessKey ID");
    QTest::addRow("unknown group") << QStringLiteral("group") << QStringLiteral("consumer group is unknown")
                                   << QStringLiteral("REFUSED auth failed: consumer group");
    QTest::addRow("clock skew") << QStringLiteral("skew") << QStringLiteral("clock skew")
                                << QStringLiteral("REFUSED auth failed: the timestamp");
}

void TestAmqpSubscription::refusalIsExplained()
{
    QFETCH(QString, change);
    QFETCH(QString, words);
    QFETCH(QString, serverSaid);
    AmqpStandInFixture::Options options;
    if (change == QLatin1String("skew"))
        options.maxSkewSeconds = -1; // no client clock is close enough
    AmqpStandInFixture standIn(options);
    QVERIFY2(standIn.start(), qPrintable(standIn.errorString()));
    auto settings = settingsFor(standIn);
    if (change == QLatin1String("secret"))
        settings.accessKeySecret = "not-the-secret";
    else if (change == QLatin1String("keyId"))
        settings.accessKeyId = QStringLiteral("LTAI5tSomeoneElse");
    else if (change == QLatin1String("group"))
        settings.consumerGroupId = QStringLiteral("NO_SUCH_GROUP");
    AmqpSubscription subscription;
    QSignalSpy errors(&subscription, &AmqpSubscription::connectionError);
    QSignalSpy received(&subscription, &AmqpSubscription::messageReceived);
    QVERIFY(!subscription.start(settings));
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
    QVERIFY2(standIn.waitFor(serverSaid + QLatin1Char(' ')) || standIn.output().contains(serverSaid),
             qPrintable(standIn.output()));
    const QString error = errors.at(0).at(0).toString();
    QVERIFY2(error.contains(words), qPrintable(error));
    QCOMPARE(subscription.lastError(), error);
    // It keeps trying, with back-off, and says so.
    QTRY_COMPARE_WITH_TIMEOUT(subscription.state(), AmqpSubscription::State::Retrying, 5000);
    QVERIFY2(subscription.stateText().contains(words), qPrintable(subscription.stateText()));
    QVERIFY(subscription.stateText().contains(QStringLiteral("retrying in")));
    QTRY_VERIFY_WITH_TIMEOUT(errors.size() >= 2, 10000);
    QCOMPARE(received.size(), 0);
}

void TestAmqpSubscription::tlsVerificationFailureIsExplained()
{
    AmqpStandInFixture standIn;
    QVERIFY2(standIn.start(), qPrintable(standIn.errorString()));
    QTemporaryDir otherDir;
    QString error;
    const auto otherCa = TestSupport::TestCertificates::create(otherDir.path(), &error);
    QVERIFY2(otherCa, qPrintable(error));
    auto settings = settingsFor(standIn);
    settings.caCertificateFile = otherCa->caCertificate; // a CA that did not sign the server's certificate
    AmqpSubscription subscription;
    QSignalSpy errors(&subscription, &AmqpSubscription::connectionError);
    QVERIFY(!subscription.start(settings));
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
    QVERIFY2(errors.at(0).at(0).toString().contains(QStringLiteral("TLS certificate could not be verified")),
             qPrintable(errors.at(0).at(0).toString()));
    QCOMPARE(standIn.countOf(QStringLiteral("AUTHORIZED configdeck-test")), 0);
}

void TestAmqpSubscription::unreachableHostIsExplained()
{
    AmqpStandInFixture standIn;
    QVERIFY2(standIn.start(), qPrintable(standIn.errorString()));
    auto settings = settingsFor(standIn);
    standIn.kill(); // nobody listens on its port now
    AmqpSubscription subscription;
    QSignalSpy errors(&subscription, &AmqpSubscription::connectionError);
    QVERIFY(!subscription.start(settings));
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
    QVERIFY2(errors.at(0).at(0).toString().contains(QStringLiteral("cannot be reached")),
             qPrintable(errors.at(0).at(0).toString()));
}

void TestAmqpSubscription::reconnectsAfterTheServerWasKilledAndRestarted()
{
    AmqpStandInFixture standIn;
    QVERIFY2(standIn.start(), qPrintable(standIn.errorString()));
    AmqpSubscription subscription;
    QSignalSpy received(&subscription, &AmqpSubscription::messageReceived);
    QSignalSpy errors(&subscription, &AmqpSubscription::connectionError);
    QVERIFY(!subscription.start(settingsFor(standIn)));
    QVERIFY(standIn.sendPushReply(QStringLiteral("a1pk"), QStringLiteral("dev1"), 200, QStringLiteral("1"),
                                  QStringLiteral("before")));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);

    standIn.kill();
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(subscription.state(), AmqpSubscription::State::Retrying, 5000);
    QVERIFY2(standIn.restart(), qPrintable(standIn.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(subscription.state(), AmqpSubscription::State::Connected, 15000);
    QVERIFY(standIn.sendPushReply(QStringLiteral("a1pk"), QStringLiteral("dev1"), 100001, QStringLiteral("2"),
                                  QStringLiteral("after1")));
    QVERIFY(standIn.sendStatus(QStringLiteral("a1pk"), QStringLiteral("dev1"), false,
                               QDateTime::currentDateTimeUtc(), QStringLiteral("after2")));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 3, 10000);
    QCOMPARE(topicsOf(received),
             (QStringList{QStringLiteral("before"), QStringLiteral("after1"), QStringLiteral("after2")}));
}

void TestAmqpSubscription::serverDroppingTheConnectionRedeliversNothingTwice()
{
    AmqpStandInFixture standIn;
    QVERIFY2(standIn.start(), qPrintable(standIn.errorString()));
    AmqpSubscription subscription;
    QSignalSpy received(&subscription, &AmqpSubscription::messageReceived);
    QSignalSpy errors(&subscription, &AmqpSubscription::connectionError);
    QVERIFY(!subscription.start(settingsFor(standIn)));
    QVERIFY(standIn.sendPushReply(QStringLiteral("a1pk"), QStringLiteral("dev1"), 200, QStringLiteral("1"),
                                  QStringLiteral("one")));
    QVERIFY(standIn.waitFor(QStringLiteral("ACCEPTED one")));
    QVERIFY(standIn.dropConnections());
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
    QVERIFY2(errors.at(0).at(0).toString().contains(QStringLiteral("the server closed the connection")),
             qPrintable(errors.at(0).at(0).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(subscription.state(), AmqpSubscription::State::Connected, 10000);
    QVERIFY(standIn.sendPushReply(QStringLiteral("a1pk"), QStringLiteral("dev1"), 200, QStringLiteral("2"),
                                  QStringLiteral("two")));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 10000);
    QTest::qWait(200);
    QCOMPARE(topicsOf(received), (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
}

void TestAmqpSubscription::stopsCleanlyAtAnyMoment()
{
    AmqpStandInFixture standIn;
    QVERIFY2(standIn.start(), qPrintable(standIn.errorString()));
    // Destroyed while connecting, right after start, while connected with messages in flight, and while
    // waiting to retry: every time the container's thread is joined and nothing arrives afterwards.
    for (int wait : {0, 5, 50, 300}) {
        auto subscription = std::make_unique<AmqpSubscription>();
        QVERIFY(!subscription->start(settingsFor(standIn)));
        QVERIFY(standIn.sendPushReply(QStringLiteral("a1pk"), QStringLiteral("dev1"), 200,
                                      QString::number(wait), QStringLiteral("w%1").arg(wait)));
        QTest::qWait(wait);
        subscription.reset();
        QTest::qWait(20); // anything still queued for the destroyed object must not run
    }
    AmqpSubscription restarted;
    QSignalSpy received(&restarted, &AmqpSubscription::messageReceived);
    auto settings = settingsFor(standIn);
    QVERIFY(!restarted.start(settings));
    QVERIFY(!restarted.start(settings)); // a second start replaces the first
    QTRY_COMPARE_WITH_TIMEOUT(restarted.state(), AmqpSubscription::State::Connected, 10000);
    // Whatever the destroyed ones did not accept is delivered here.
    QTRY_VERIFY_WITH_TIMEOUT(standIn.countOf(QStringLiteral("ACCEPTED w300")) == 1, 10000);
    restarted.stop();
    restarted.stop();
    QCOMPARE(restarted.state(), AmqpSubscription::State::Stopped);
}

void TestAmqpSubscription::describesConditions_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("words");
    QTest::addRow("sasl") << QStringLiteral("amqp:unauthorized-access")
                          << QStringLiteral("Authentication failed [mech=PLAIN]")
                          << QStringLiteral("wrong AccessKey");
    QTest::addRow("tls") << QStringLiteral("amqp:connection:framing-error")
                         << QStringLiteral("SSL Failure: certificate verify failed") << QStringLiteral("TLS");
    QTest::addRow("refused") << QStringLiteral("proton:io")
                             << QStringLiteral("connection refused - connect to 127.0.0.1:1")
                             << QStringLiteral("cannot be reached");
    QTest::addRow("dns") << QStringLiteral("proton:io") << QStringLiteral("Name or service not known")
                         << QStringLiteral("cannot be reached");
    QTest::addRow("closed") << QString() << QString() << QStringLiteral("the server closed the connection");
    QTest::addRow("other") << QStringLiteral("amqp:internal-error") << QStringLiteral("busy")
                           << QStringLiteral("busy (amqp:internal-error)");
}

void TestAmqpSubscription::describesConditions()
{
    QFETCH(QString, name);
    QFETCH(QString, description);
    QFETCH(QString, words);
    const QString text = AmqpSubscription::describeError(name, description);
    QVERIFY2(text.contains(words), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestAmqpSubscription)
#include "TestAmqpSubscription.moc"
