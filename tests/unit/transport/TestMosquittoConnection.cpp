#include "support/MosquittoFixture.h"
#include "transport/MosquittoConnection.h"

#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace ConfigDeck::Transport;
using ConfigDeck::TestSupport::MosquittoFixture;
using ConfigDeck::TestSupport::TestCertificates;

namespace {

MqttConnectOptions optionsFor(const MosquittoFixture& broker, const QString& clientId)
{
    MqttConnectOptions options;
    options.host = broker.host();
    options.port = broker.port();
    options.clientId = clientId;
    options.keepAliveSeconds = 10;
    options.reconnect.minDelayMs = 100;
    options.reconnect.maxDelayMs = 400;
    return options;
}

QString joined(const QSignalSpy& spy)
{
    QStringList texts;
    for (const auto& arguments : spy)
        texts.append(arguments.at(0).toString());
    return texts.join(u'|');
}

} // namespace

class TestMosquittoConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void roundTrip_data();
    void roundTrip();
    void authentication_data();
    void authentication();
    void tlsWithTestCa();
    void tlsWithWrongCa();
    void tlsClientCertificateWithSystemCas();
    void connectionRefusedInWords();
    void rejectsBadOptions();
    void reconnectsAfterBrokerRestart();
    void manyClients();
    void burstIsAcknowledged();
    void deleteLaterFromSlot();
    void oversizedMessageIsDropped();
    void flushesBeforeDisconnecting_data();
    void flushesBeforeDisconnecting();
    void duplicateClientIdDoesNotStorm();
    void uniqueClientIds();

private:
    std::unique_ptr<MosquittoFixture> m_plain;
    std::unique_ptr<MosquittoFixture> m_auth;
    std::unique_ptr<MosquittoFixture> m_tls;
};

void TestMosquittoConnection::initTestCase()
{
    m_plain = std::make_unique<MosquittoFixture>();
    QVERIFY2(m_plain->start(), qPrintable(m_plain->errorString()));

    MosquittoFixture::Options authOptions;
    authOptions.allowAnonymous = false;
    authOptions.users.insert(QStringLiteral("alice"), QStringLiteral("s3cret"));
    m_auth = std::make_unique<MosquittoFixture>(authOptions);
    QVERIFY2(m_auth->start(), qPrintable(m_auth->errorString()));

    MosquittoFixture::Options tlsOptions;
    tlsOptions.tls = true;
    m_tls = std::make_unique<MosquittoFixture>(tlsOptions);
    QVERIFY2(m_tls->start(), qPrintable(m_tls->errorString()));
}

void TestMosquittoConnection::cleanupTestCase()
{
    m_plain.reset();
    m_auth.reset();
    m_tls.reset();
}

void TestMosquittoConnection::roundTrip_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("qos");
    QTest::addRow("3.1.1 qos 0") << int(MqttProtocol::V311) << 0;
    QTest::addRow("3.1.1 qos 1") << int(MqttProtocol::V311) << 1;
    QTest::addRow("5 qos 0") << int(MqttProtocol::V5) << 0;
    QTest::addRow("5 qos 1") << int(MqttProtocol::V5) << 1;
}

void TestMosquittoConnection::roundTrip()
{
    QFETCH(int, protocol);
    QFETCH(int, qos);
    MosquittoConnection sender;
    MosquittoConnection receiver;
    MqttConnectOptions senderOptions = optionsFor(*m_plain, QStringLiteral("sender"));
    MqttConnectOptions receiverOptions = optionsFor(*m_plain, QStringLiteral("receiver"));
    senderOptions.protocol = receiverOptions.protocol = MqttProtocol(protocol);

    QSignalSpy connected(&receiver, &MqttConnection::connected);
    QSignalSpy subscribed(&receiver, &MqttConnection::subscribed);
    QSignalSpy received(&receiver, &MqttConnection::messageReceived);
    QSignalSpy errors(&receiver, &MqttConnection::errorOccurred);
    // Subscribing before connecting: remembered and sent once connected.
    QVERIFY(!receiver.subscribe(QStringLiteral("/sys/+/+/thing/config/push"), qos));
    QVERIFY(!receiver.connectToBroker(receiverOptions));
    QCOMPARE(receiver.state(), MqttConnection::State::Connecting);
    QVERIFY(!sender.connectToBroker(senderOptions));
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
    QVERIFY2(errors.isEmpty(), qPrintable(joined(errors)));
    QTRY_COMPARE(subscribed.size(), 1);
    QCOMPARE(subscribed.at(0).at(0).toString(), QStringLiteral("/sys/+/+/thing/config/push"));
    QCOMPARE(subscribed.at(0).at(1).toInt(), qos);
    QTRY_VERIFY(sender.isConnected());

    QSignalSpy published(&sender, &MqttConnection::published);
    QByteArray payload(70000, 'x'); // bigger than one socket write
    payload.prepend("{\"id\":\"1\"}");
    const auto mid = sender.publish(QStringLiteral("/sys/pk/dn/thing/config/push"), payload, qos);
    QVERIFY2(mid.hasValue(), qPrintable(mid ? QString() : mid.error().message()));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
    QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("/sys/pk/dn/thing/config/push"));
    QCOMPARE(received.at(0).at(1).toByteArray(), payload);
    if (qos == 1) {
        QTRY_COMPARE(published.size(), 1);
        QCOMPARE(published.at(0).at(0).toInt(), *mid);
    }

    // Unsubscribed: nothing more arrives.
    QVERIFY(!receiver.unsubscribe(QStringLiteral("/sys/+/+/thing/config/push")));
    QTest::qWait(100);
    QVERIFY(sender.publish(QStringLiteral("/sys/pk/dn/thing/config/push"), QByteArrayLiteral("late"), qos)
                .hasValue());
    QTest::qWait(200);
    QCOMPARE(received.size(), 1);

    QSignalSpy disconnected(&receiver, &MqttConnection::disconnected);
    receiver.disconnectFromBroker();
    QCOMPARE(receiver.state(), MqttConnection::State::Disconnected);
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(disconnected.at(0).at(0).toString(), QString()); // asked for: no reason
}

void TestMosquittoConnection::authentication_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("accepted");

    QTest::addRow("right password 3.1.1") << int(MqttProtocol::V311) << "alice"
                                          << "s3cret" << true;
    QTest::addRow("right password 5") << int(MqttProtocol::V5) << "alice"
                                      << "s3cret" << true;
    QTest::addRow("wrong password 3.1.1") << int(MqttProtocol::V311) << "alice"
                                          << "guess" << false;
    QTest::addRow("wrong password 5") << int(MqttProtocol::V5) << "alice"
                                      << "guess" << false;
    QTest::addRow("unknown user") << int(MqttProtocol::V311) << "mallory"
                                  << "s3cret" << false;
    QTest::addRow("anonymous") << int(MqttProtocol::V311) << ""
                               << "" << false;
}

void TestMosquittoConnection::authentication()
{
    QFETCH(int, protocol);
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(bool, accepted);

    MosquittoConnection client;
    MqttConnectOptions options = optionsFor(*m_auth, QStringLiteral("auth-client"));
    options.protocol = MqttProtocol(protocol);
    options.username = username;
    options.password = password;
    QSignalSpy connected(&client, &MqttConnection::connected);
    QSignalSpy disconnected(&client, &MqttConnection::disconnected);
    QSignalSpy errors(&client, &MqttConnection::errorOccurred);
    QVERIFY(!client.connectToBroker(options));
    if (accepted) {
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
        QVERIFY2(errors.isEmpty(), qPrintable(joined(errors)));
        return;
    }
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 10000);
    QCOMPARE(connected.size(), 0);
    const QString reason = disconnected.at(0).at(0).toString();
    QVERIFY2(reason.contains(QStringLiteral("refused")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("bad user name or password")) ||
                 reason.contains(QStringLiteral("not authorized")),
             qPrintable(reason));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).toString(), reason);
    // A refused login is not retried: only new settings can fix it.
    QCOMPARE(client.state(), MqttConnection::State::Disconnected);
    QTest::qWait(300);
    QCOMPARE(disconnected.size(), 1);
}

void TestMosquittoConnection::tlsWithTestCa()
{
    MosquittoConnection client;
    MqttConnectOptions options = optionsFor(*m_tls, QStringLiteral("tls-client"));
    options.port = m_tls->tlsPort();
    options.tls.enabled = true;
    options.tls.caFile = m_tls->caFile();
    QSignalSpy connected(&client, &MqttConnection::connected);
    QSignalSpy errors(&client, &MqttConnection::errorOccurred);
    QSignalSpy subscribed(&client, &MqttConnection::subscribed);
    QSignalSpy received(&client, &MqttConnection::messageReceived);
    QVERIFY(!client.subscribe(QStringLiteral("tls/echo"), 1));
    QVERIFY(!client.connectToBroker(options));
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
    QVERIFY2(errors.isEmpty(), qPrintable(joined(errors) + m_tls->log().right(2000)));
    QTRY_COMPARE(subscribed.size(), 1);
    const QByteArray payload(100000, 'z'); // several TLS records
    QVERIFY(client.publish(QStringLiteral("tls/echo"), payload, 1).hasValue());
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
    QCOMPARE(received.at(0).at(1).toByteArray(), payload);

    // The same by host name: the certificate names localhost too.
    MosquittoConnection byName;
    options.host = QStringLiteral("localhost");
    options.clientId = QStringLiteral("tls-by-name");
    QSignalSpy byNameConnected(&byName, &MqttConnection::connected);
    QVERIFY(!byName.connectToBroker(options));
    QTRY_COMPARE_WITH_TIMEOUT(byNameConnected.size(), 1, 10000);
}

void TestMosquittoConnection::tlsWithWrongCa()
{
    QTemporaryDir otherDir;
    QString error;
    const auto otherCa = TestCertificates::create(otherDir.path(), &error);
    QVERIFY2(otherCa, qPrintable(error));

    MosquittoConnection client;
    MqttConnectOptions options = optionsFor(*m_tls, QStringLiteral("tls-wrong-ca"));
    options.port = m_tls->tlsPort();
    options.tls.enabled = true;
    options.tls.caFile = otherCa->caCertificate;
    QSignalSpy connected(&client, &MqttConnection::connected);
    QSignalSpy disconnected(&client, &MqttConnection::disconnected);
    QSignalSpy errors(&client, &MqttConnection::errorOccurred);
    QVERIFY(!client.connectToBroker(options));
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 10000);
    const QString reason = disconnected.at(0).at(0).toString();
    QVERIFY2(reason.contains(QStringLiteral("TLS")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("not trusted")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("certificate verify failed")), qPrintable(reason));
    QCOMPARE(joined(errors), reason);
    QCOMPARE(client.state(), MqttConnection::State::Disconnected); // not retried against an untrusted broker
    QTest::qWait(300);
    QCOMPARE(connected.size(), 0);

    // The operating system's roots do not know the test CA either (and TLS is really used without a CA file).
    MosquittoConnection systemRoots;
    options.tls.caFile.clear();
    options.clientId = QStringLiteral("tls-system-roots");
    QSignalSpy systemDisconnected(&systemRoots, &MqttConnection::disconnected);
    QVERIFY(!systemRoots.connectToBroker(options));
    QTRY_COMPARE_WITH_TIMEOUT(systemDisconnected.size(), 1, 10000);
    const QString systemReason = systemDisconnected.at(0).at(0).toString();
    QVERIFY2(systemReason.contains(QStringLiteral("certificate verify failed")), qPrintable(systemReason));
    QCOMPARE(systemRoots.state(), MqttConnection::State::Disconnected);

    // TLS against the plain port: the broker does not speak TLS there.
    MosquittoConnection plainPort;
    options.port = m_tls->port();
    options.tls.caFile = m_tls->caFile();
    options.reconnect.enabled = false;
    QSignalSpy plainDisconnected(&plainPort, &MqttConnection::disconnected);
    QVERIFY(!plainPort.connectToBroker(options));
    QTRY_COMPARE_WITH_TIMEOUT(plainDisconnected.size(), 1, 10000);
    const QString plainReason = plainDisconnected.at(0).at(0).toString();
    QVERIFY2(plainReason.contains(QStringLiteral("TLS")), qPrintable(plainReason));
    QVERIFY(!plainPort.isConnected());
}

void TestMosquittoConnection::tlsClientCertificateWithSystemCas()
{
    MosquittoFixture::Options brokerOptions;
    brokerOptions.tls = true;
    brokerOptions.extraConfig = QStringLiteral("require_certificate true");
    MosquittoFixture broker(brokerOptions);
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    QString certificate;
    QString key;
    QString error;
    QVERIFY2(broker.certificates()->issue(QStringLiteral("client"), QStringLiteral("tls-client-cert"), {},
                                          true, &certificate, &key, &error),
             qPrintable(error));

    // The system's CA store, as OpenSSL reads it, is made to hold the test CA: no CA file is given.
    const QByteArray previous = qgetenv("SSL_CERT_FILE");
    qputenv("SSL_CERT_FILE", QFile::encodeName(broker.caFile()));
    const auto restore = qScopeGuard([&] {
        if (previous.isEmpty())
            qunsetenv("SSL_CERT_FILE");
        else
            qputenv("SSL_CERT_FILE", previous);
    });
    MosquittoConnection client;
    MqttConnectOptions options = optionsFor(broker, QStringLiteral("tls-client-cert"));
    options.port = broker.tlsPort();
    options.tls.enabled = true;
    options.tls.certFile = certificate;
    options.tls.keyFile = key;
    options.reconnect.enabled = false;
    QSignalSpy connected(&client, &MqttConnection::connected);
    QSignalSpy errors(&client, &MqttConnection::errorOccurred);
    const auto refused = client.connectToBroker(options);
    QVERIFY2(!refused, qPrintable(refused ? refused->message() : QString()));
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
    QVERIFY2(errors.isEmpty(), qPrintable(joined(errors)));

    // Without the certificate the broker refuses the client: the certificate above was really sent.
    MosquittoConnection anonymous;
    options.tls.certFile.clear();
    options.tls.keyFile.clear();
    options.clientId = QStringLiteral("tls-no-client-cert");
    QSignalSpy anonymousDisconnected(&anonymous, &MqttConnection::disconnected);
    QVERIFY(!anonymous.connectToBroker(options));
    QTRY_COMPARE_WITH_TIMEOUT(anonymousDisconnected.size(), 1, 10000);
    QVERIFY(!anonymous.isConnected());
}

void TestMosquittoConnection::connectionRefusedInWords()
{
    MosquittoConnection client;
    MqttConnectOptions options = optionsFor(*m_plain, QStringLiteral("nobody-listens"));
    options.port = MosquittoFixture::freePort();
    QSignalSpy disconnected(&client, &MqttConnection::disconnected);
    QSignalSpy states(&client, &MqttConnection::stateChanged);
    QVERIFY(!client.connectToBroker(options));
    QTRY_VERIFY_WITH_TIMEOUT(disconnected.size() >= 2, 10000); // retried with back-off
    const QString reason = disconnected.at(0).at(0).toString();
    QVERIFY2(reason.contains(QStringLiteral("Connection refused")), qPrintable(reason));
    QVERIFY2(reason.contains(QString::number(options.port)), qPrintable(reason));
    QCOMPARE(client.state(), MqttConnection::State::Reconnecting);
    client.disconnectFromBroker();
    QCOMPARE(client.state(), MqttConnection::State::Disconnected);
    const qsizetype count = disconnected.size();
    QTest::qWait(500);
    QCOMPARE(disconnected.size(), count); // no more attempts
}

void TestMosquittoConnection::rejectsBadOptions()
{
    MosquittoConnection client;
    MqttConnectOptions options = optionsFor(*m_plain, QStringLiteral("x"));
    options.host.clear();
    QCOMPARE(client.connectToBroker(options)->field, QStringLiteral("host"));
    options = optionsFor(*m_plain, QStringLiteral("x"));
    options.tls.enabled = true;
    options.tls.caFile = QStringLiteral("/nonexistent/ca.pem");
    const auto caError = client.connectToBroker(options);
    QVERIFY(caError);
    QCOMPARE(caError->field, QStringLiteral("tls.caFile"));
    QVERIFY(caError->message().contains(QStringLiteral("does not exist")));
    options.tls.caFile = m_tls->caFile();
    options.tls.certFile = m_tls->certificates()->serverCertificate;
    QCOMPARE(client.connectToBroker(options)->field, QStringLiteral("tls.keyFile"));
    options = optionsFor(*m_plain, QStringLiteral("x"));
    options.reconnect.maxDelayMs = 10;
    QCOMPARE(client.connectToBroker(options)->field, QStringLiteral("reconnect.maxDelayMs"));
    QCOMPARE(client.state(), MqttConnection::State::Disconnected);
    QVERIFY(!client.publish(QStringLiteral("a"), QByteArray()));
}

void TestMosquittoConnection::reconnectsAfterBrokerRestart()
{
    MosquittoFixture broker;
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    MosquittoConnection device;
    MosquittoConnection platform;
    QSignalSpy subscribed(&device, &MqttConnection::subscribed);
    QSignalSpy connected(&device, &MqttConnection::connected);
    QSignalSpy disconnected(&device, &MqttConnection::disconnected);
    QSignalSpy received(&device, &MqttConnection::messageReceived);
    QVERIFY(!device.subscribe(QStringLiteral("/sys/pk/dev/thing/config/push"), 1));
    QVERIFY(!device.connectToBroker(optionsFor(broker, QStringLiteral("pk.dev"))));
    QVERIFY(!platform.connectToBroker(optionsFor(broker, QStringLiteral("platform"))));
    QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 10000);
    QTRY_VERIFY(platform.isConnected());

    broker.kill();
    QTRY_COMPARE_WITH_TIMEOUT(device.state(), MqttConnection::State::Reconnecting, 10000);
    QVERIFY(disconnected.size() >= 1);
    QVERIFY2(!disconnected.at(0).at(0).toString().isEmpty(), "a lost connection says why");
    QTest::qWait(500); // a few failed attempts while the broker is down
    QCOMPARE(device.state(), MqttConnection::State::Reconnecting);

    QVERIFY2(broker.restart(), qPrintable(broker.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 2, 10000); // the subscription was sent again
    QTRY_VERIFY_WITH_TIMEOUT(platform.isConnected(), 15000);

    QVERIFY(
        platform
            .publish(QStringLiteral("/sys/pk/dev/thing/config/push"), QByteArrayLiteral("after restart"), 1)
            .hasValue());
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
    QCOMPARE(received.at(0).at(1).toByteArray(), QByteArrayLiteral("after restart"));
}

void TestMosquittoConnection::manyClients()
{
    constexpr int count = 200;
    std::vector<std::unique_ptr<MosquittoConnection>> clients;
    int connectedCount = 0;
    int subscribedCount = 0;
    QList<int> receivedBy(count, 0);
    for (int i = 0; i < count; ++i) {
        auto client = std::make_unique<MosquittoConnection>();
        connect(client.get(), &MqttConnection::connected, this, [&connectedCount] { ++connectedCount; });
        connect(client.get(), &MqttConnection::subscribed, this, [&subscribedCount] { ++subscribedCount; });
        connect(client.get(), &MqttConnection::messageReceived, this,
                [&receivedBy, i](const QString& topic, const QByteArray& payload) {
                    if (topic == QStringLiteral("fleet/%1/in").arg(i) &&
                        payload.toInt() == (i + count - 1) % count)
                        ++receivedBy[i];
                });
        QVERIFY(!client->subscribe(QStringLiteral("fleet/%1/in").arg(i), 1));
        QVERIFY(!client->connectToBroker(optionsFor(*m_plain, QStringLiteral("fleet-%1").arg(i))));
        clients.push_back(std::move(client));
    }
    QTRY_COMPARE_WITH_TIMEOUT(connectedCount, count, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(subscribedCount, count, 20000);
    // Each client sends to the next one around the ring.
    for (int i = 0; i < count; ++i) {
        const auto mid =
            clients[i]->publish(QStringLiteral("fleet/%1/in").arg((i + 1) % count), QByteArray::number(i), 1);
        QVERIFY(mid.hasValue());
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(receivedBy.cbegin(), receivedBy.cend(), [](int n) { return n == 1; }), 20000);
    for (auto& client : clients)
        client->disconnectFromBroker();
}

void TestMosquittoConnection::burstIsAcknowledged()
{
    // Far more than fits in the socket buffers at once: the write notifier must drain the rest, and
    // libmosquitto's wake-up byte per queued packet must not block a client that never reads it.
    // (Not more: libmosquitto walks its whole outgoing list on every PUBACK, so a burst costs O(n^2).)
    constexpr int count = 5000;
    MosquittoConnection sender;
    QSignalSpy connected(&sender, &MqttConnection::connected);
    QVERIFY(!sender.connectToBroker(optionsFor(*m_plain, QStringLiteral("burst"))));
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
    int acknowledged = 0;
    connect(&sender, &MqttConnection::published, this, [&acknowledged] { ++acknowledged; });
    const QByteArray payload(200, 'b');
    for (int i = 0; i < count; ++i)
        QVERIFY(sender.publish(QStringLiteral("burst/%1").arg(i % 10), payload, 1).hasValue());
    QTRY_COMPARE_WITH_TIMEOUT(acknowledged, count, 30000);
}

void TestMosquittoConnection::deleteLaterFromSlot()
{
    auto* client = new MosquittoConnection;
    QPointer<MosquittoConnection> guard(client);
    QSignalSpy subscribed(client, &MqttConnection::subscribed);
    connect(client, &MqttConnection::messageReceived, client, [client] { client->deleteLater(); });
    QVERIFY(!client->subscribe(QStringLiteral("self/#"), 1));
    QVERIFY(!client->connectToBroker(optionsFor(*m_plain, QStringLiteral("self-deleting"))));
    QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 10000);
    for (int i = 0; i < 5; ++i)
        QVERIFY(client->publish(QStringLiteral("self/%1").arg(i), QByteArray(100, 'p'), 1).hasValue());
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 10000);
}

void TestMosquittoConnection::oversizedMessageIsDropped()
{
    MosquittoConnection receiver;
    MosquittoConnection sender;
    MqttConnectOptions options = optionsFor(*m_plain, QStringLiteral("small-receiver"));
    options.maxIncomingPayloadBytes = 1024;
    QSignalSpy subscribed(&receiver, &MqttConnection::subscribed);
    QSignalSpy received(&receiver, &MqttConnection::messageReceived);
    QSignalSpy dropped(&receiver, &MqttConnection::messageDropped);
    QVERIFY(!receiver.subscribe(QStringLiteral("cap/#"), 1));
    QVERIFY(!receiver.connectToBroker(options));
    QVERIFY(!sender.connectToBroker(optionsFor(*m_plain, QStringLiteral("big-sender"))));
    QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(sender.isConnected(), 10000);

    QVERIFY(sender.publish(QStringLiteral("cap/big"), QByteArray(300 * 1024, 'x'), 1).hasValue());
    QVERIFY(sender.publish(QStringLiteral("cap/fits"), QByteArray(1024, 'y'), 1).hasValue());
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
    QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("cap/fits"));
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.at(0).at(0).toString(), QStringLiteral("cap/big"));
    QCOMPARE(dropped.at(0).at(1).toLongLong(), 300 * 1024);
    QCOMPARE(dropped.at(0).at(2).toString(),
             QStringLiteral(
                 "the message has 307200 bytes, more than the 1024 bytes allowed; it was dropped unread"));
    QVERIFY(receiver.isConnected()); // one bad message does not cost the connection

    MqttConnectOptions invalid = options;
    invalid.maxIncomingPayloadBytes = 0;
    QVERIFY(invalid.validate().has_value());
}

void TestMosquittoConnection::flushesBeforeDisconnecting_data()
{
    QTest::addColumn<int>("qos");
    QTest::addRow("QoS 1") << 1;
    QTest::addRow("QoS 0") << 0;
}

void TestMosquittoConnection::flushesBeforeDisconnecting()
{
    // Published and then at once disconnected, as a command does on its last event: nothing is lost.
    QFETCH(int, qos);
    constexpr int count = 300;
    MosquittoConnection listener;
    QSignalSpy subscribed(&listener, &MqttConnection::subscribed);
    QSignalSpy received(&listener, &MqttConnection::messageReceived);
    QVERIFY(!listener.subscribe(QStringLiteral("flush/#"), 1));
    QVERIFY(!listener.connectToBroker(optionsFor(*m_plain, QStringLiteral("flush-listener"))));
    QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 10000);

    MosquittoConnection sender;
    QSignalSpy flushed(&sender, &MqttConnection::flushed);
    QSignalSpy disconnected(&sender, &MqttConnection::disconnected);
    QVERIFY(!sender.connectToBroker(optionsFor(*m_plain, QStringLiteral("flush-sender"))));
    QTRY_VERIFY_WITH_TIMEOUT(sender.isConnected(), 10000);
    const QByteArray payload(2000, 'f');
    for (int i = 0; i < count; ++i)
        QVERIFY(sender.publish(QStringLiteral("flush/%1").arg(i), payload, qos).hasValue());
    if (qos == 1)
        QVERIFY(sender.hasUnsentMessages()); // no acknowledgement can have been read yet
    sender.disconnectWhenFlushed(std::chrono::seconds(10));
    QTRY_COMPARE_WITH_TIMEOUT(flushed.size(), 1, 15000);
    QCOMPARE(flushed.at(0).at(0).toInt(), 0);
    QCOMPARE(sender.state(), MqttConnection::State::Disconnected);
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(disconnected.at(0).at(0).toString(), QString()); // asked for, not lost
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), count, 10000);
}

void TestMosquittoConnection::duplicateClientIdDoesNotStorm()
{
    // Two clients with one client ID: the broker accepts each and drops the other. Count the connects in
    // a few seconds, once with the old behaviour (any CONNACK starts the delays over) and once as it is.
    auto countConnects = [this](int stableAfterMs) {
        MqttConnectOptions options = optionsFor(*m_plain, QStringLiteral("twin-%1").arg(stableAfterMs));
        options.reconnect.minDelayMs = 100;
        options.reconnect.maxDelayMs = 5000;
        options.reconnect.stableAfterMs = stableAfterMs;
        MosquittoConnection first;
        MosquittoConnection second;
        int connects = 0;
        for (MosquittoConnection* client : {&first, &second}) {
            connect(client, &MqttConnection::connected, this, [&connects] { ++connects; });
            if (client->connectToBroker(options))
                return -1;
        }
        QTest::qWait(4000);
        first.disconnectFromBroker();
        second.disconnectFromBroker();
        return connects;
    };
    const int storm = countConnects(0);
    const int calm = countConnects(10000);
    qInfo("connects in 4 s: %d when every CONNACK resets the back-off, %d when only a lasting one does",
          storm, calm);
    QVERIFY(calm >= 2);
    // 100, 200, 400, 800, 1600 ms apart at most (with 20% jitter): a handful each, not one per 100 ms.
    QVERIFY2(calm <= 14, qPrintable(QString::number(calm)));
    QVERIFY2(storm > 2 * calm, qPrintable(QStringLiteral("%1 vs %2").arg(storm).arg(calm)));
}

void TestMosquittoConnection::uniqueClientIds()
{
    const QString first = MqttConnectOptions::uniqueClientId(QStringLiteral("configdeck-platform"));
    const QString second = MqttConnectOptions::uniqueClientId(QStringLiteral("configdeck-platform"));
    QVERIFY(first.startsWith(QLatin1StringView("configdeck-platform-")));
    QCOMPARE(first.size(), QStringLiteral("configdeck-platform-").size() + 12);
    QVERIFY(first != second);
}

QTEST_GUILESS_MAIN(TestMosquittoConnection)
#include "TestMosquittoConnection.moc"
