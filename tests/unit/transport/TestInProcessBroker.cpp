#include "transport/InProcessBroker.h"
#include "transport/InProcessConnection.h"
#include "transport/TopicFilter.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ConfigDeck::Transport;

namespace {

MqttConnectOptions optionsFor(const QString& clientId, bool cleanSession = true)
{
    MqttConnectOptions options;
    options.clientId = clientId;
    options.cleanSession = cleanSession;
    options.reconnect.minDelayMs = 10;
    options.reconnect.maxDelayMs = 50;
    return options;
}

QStringList topicsOf(const QSignalSpy& spy)
{
    QStringList topics;
    for (const auto& arguments : spy)
        topics.append(arguments.at(0).toString());
    return topics;
}

} // namespace

class TestInProcessBroker : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void roundTrip_data();
    void roundTrip();
    void deliveryIsQueued();
    void routing_data();
    void routing();
    void overlappingSubscriptionsDeliverOnce();
    void retainedMessages();
    void cleanSessionForgets();
    void persistentSessionKeepsQos1();
    void clientIdTakeover();
    void refusal_data();
    void refusal();
    void dropAndReconnectResubscribes();
    void brokerOffline();
    void clientOffline();
    void unsubscribeStopsDelivery();
    void rejectsBadInput();
    void brokerDeleted();

private:
    std::unique_ptr<InProcessConnection> connectedClient(const QString& clientId, bool cleanSession = true);

    std::unique_ptr<InProcessBroker> m_broker;
};

void TestInProcessBroker::init()
{
    m_broker = std::make_unique<InProcessBroker>();
}

void TestInProcessBroker::cleanup()
{
    m_broker.reset();
}

std::unique_ptr<InProcessConnection> TestInProcessBroker::connectedClient(const QString& clientId,
                                                                          bool cleanSession)
{
    auto client = std::make_unique<InProcessConnection>(m_broker.get());
    const auto error = client->connectToBroker(optionsFor(clientId, cleanSession));
    if (error)
        qWarning() << error->message();
    return client;
}

void TestInProcessBroker::roundTrip_data()
{
    QTest::addColumn<int>("qos");
    QTest::addRow("qos 0") << 0;
    QTest::addRow("qos 1") << 1;
}

void TestInProcessBroker::roundTrip()
{
    QFETCH(int, qos);
    auto sender = connectedClient(QStringLiteral("sender"));
    auto receiver = connectedClient(QStringLiteral("receiver"));
    QSignalSpy connected(receiver.get(), &MqttConnection::connected);
    QSignalSpy states(receiver.get(), &MqttConnection::stateChanged);
    QCOMPARE(receiver->state(), MqttConnection::State::Connecting);
    QTRY_COMPARE(connected.size(), 1);
    QTRY_VERIFY(sender->isConnected());
    QCOMPARE(states.size(), 1);
    QCOMPARE(states.at(0).at(0).value<MqttConnection::State>(), MqttConnection::State::Connected);

    QSignalSpy subscribed(receiver.get(), &MqttConnection::subscribed);
    QVERIFY(!receiver->subscribe(QStringLiteral("dev/+/cmd"), qos));
    QTRY_COMPARE(subscribed.size(), 1);
    QCOMPARE(subscribed.at(0).at(0).toString(), QStringLiteral("dev/+/cmd"));
    QCOMPARE(subscribed.at(0).at(1).toInt(), qos);

    QSignalSpy received(receiver.get(), &MqttConnection::messageReceived);
    QSignalSpy published(sender.get(), &MqttConnection::published);
    const auto mid = sender->publish(QStringLiteral("dev/7/cmd"), QByteArrayLiteral("{\"on\":1}"), qos);
    QVERIFY(mid.hasValue());
    QVERIFY(*mid >= 1 && *mid <= 65535);
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("dev/7/cmd"));
    QCOMPARE(received.at(0).at(1).toByteArray(), QByteArrayLiteral("{\"on\":1}"));
    if (qos == 1) {
        QTRY_COMPARE(published.size(), 1);
        QCOMPARE(published.at(0).at(0).toInt(), *mid);
    } else {
        QTest::qWait(20);
        QCOMPARE(published.size(), 0); // published() is the QoS 1 acknowledgement
    }
    const auto next = sender->publish(QStringLiteral("dev/7/cmd"), QByteArray(), qos);
    QVERIFY(next.hasValue());
    QVERIFY(*next != *mid);
}

void TestInProcessBroker::deliveryIsQueued()
{
    auto client = connectedClient(QStringLiteral("echo"));
    QTRY_VERIFY(client->isConnected());
    QSignalSpy subscribed(client.get(), &MqttConnection::subscribed);
    QVERIFY(!client->subscribe(QStringLiteral("ping/#"), 0));
    QTRY_COMPARE(subscribed.size(), 1);

    // A slot that publishes again must not be re-entered: each delivery comes from the event loop.
    int depth = 0;
    int maxDepth = 0;
    int received = 0;
    connect(client.get(), &MqttConnection::messageReceived, this,
            [&](const QString& topic, const QByteArray&) {
                ++depth;
                maxDepth = std::max(maxDepth, depth);
                ++received;
                if (topic.count(u'/') < 5)
                    QVERIFY(client->publish(topic + QStringLiteral("/x"), QByteArray()).hasValue());
                --depth;
            });
    QVERIFY(client->publish(QStringLiteral("ping/a"), QByteArray()).hasValue());
    QCOMPARE(received, 0); // not inside publish()
    QTRY_COMPARE(received, 5);
    QCOMPARE(maxDepth, 1);
}

void TestInProcessBroker::routing_data()
{
    QTest::addColumn<QString>("filter");
    const QStringList filters{QStringLiteral("#"),     QStringLiteral("+"),     QStringLiteral("a/#"),
                              QStringLiteral("a/+"),   QStringLiteral("a/+/c"), QStringLiteral("+/+"),
                              QStringLiteral("/+"),    QStringLiteral("/#"),    QStringLiteral("$SYS/#"),
                              QStringLiteral("+/b/#"), QStringLiteral("a/b/c"), QStringLiteral("a//c"),
                              QStringLiteral("+/#"),   QStringLiteral("$SYS/+")};
    for (const QString& filter : filters)
        QTest::addRow("%s", qPrintable(filter)) << filter;
}

void TestInProcessBroker::routing()
{
    // The broker's subscription tree must agree with TopicFilter::matches on every topic.
    QFETCH(QString, filter);
    const QStringList topics{QStringLiteral("a"),     QStringLiteral("a/"),    QStringLiteral("a/b"),
                             QStringLiteral("a/b/c"), QStringLiteral("a//c"),  QStringLiteral("/"),
                             QStringLiteral("/a"),    QStringLiteral("b/b/x"), QStringLiteral("$SYS/uptime"),
                             QStringLiteral("$SYS"),  QStringLiteral("x/b"),   QStringLiteral("a/b/c/d")};
    auto subscriber = connectedClient(QStringLiteral("sub"));
    auto publisher = connectedClient(QStringLiteral("pub"));
    QTRY_VERIFY(subscriber->isConnected() && publisher->isConnected());
    QSignalSpy subscribed(subscriber.get(), &MqttConnection::subscribed);
    QVERIFY(!subscriber->subscribe(filter, 0));
    QTRY_COMPARE(subscribed.size(), 1);
    QSignalSpy received(subscriber.get(), &MqttConnection::messageReceived);
    QStringList expected;
    for (const QString& topic : topics) {
        QVERIFY(publisher->publish(topic, topic.toUtf8()).hasValue());
        if (TopicFilter::matches(filter, topic))
            expected.append(topic);
    }
    QVERIFY(!expected.isEmpty());
    QTRY_COMPARE(received.size(), expected.size());
    QTest::qWait(10);
    QCOMPARE(topicsOf(received), expected);
}

void TestInProcessBroker::overlappingSubscriptionsDeliverOnce()
{
    auto client = connectedClient(QStringLiteral("overlap"));
    QTRY_VERIFY(client->isConnected());
    QSignalSpy subscribed(client.get(), &MqttConnection::subscribed);
    QVERIFY(!client->subscribe(QStringLiteral("a/#"), 0));
    QVERIFY(!client->subscribe(QStringLiteral("a/+"), 1));
    QVERIFY(!client->subscribe(QStringLiteral("a/b"), 1));
    QTRY_COMPARE(subscribed.size(), 3);
    QSignalSpy received(client.get(), &MqttConnection::messageReceived);
    QVERIFY(client->publish(QStringLiteral("a/b"), QByteArrayLiteral("once"), 1).hasValue());
    QTRY_COMPARE(received.size(), 1);
    QTest::qWait(20);
    QCOMPARE(received.size(), 1);
}

void TestInProcessBroker::retainedMessages()
{
    auto publisher = connectedClient(QStringLiteral("pub"));
    QTRY_VERIFY(publisher->isConnected());
    QVERIFY(publisher->publish(QStringLiteral("cfg/a"), QByteArrayLiteral("A1"), 1, true).hasValue());
    QVERIFY(publisher->publish(QStringLiteral("cfg/a"), QByteArrayLiteral("A2"), 1, true).hasValue());
    QVERIFY(publisher->publish(QStringLiteral("cfg/b"), QByteArrayLiteral("B"), 0, true).hasValue());
    QVERIFY(publisher->publish(QStringLiteral("cfg/c"), QByteArrayLiteral("not kept"), 0, false).hasValue());
    QTRY_COMPARE(m_broker->retainedCount(), 2);
    QCOMPARE(m_broker->retainedMessage(QStringLiteral("cfg/a")).value(), QByteArrayLiteral("A2"));

    auto late = connectedClient(QStringLiteral("late"));
    QTRY_VERIFY(late->isConnected());
    QSignalSpy received(late.get(), &MqttConnection::messageReceived);
    QSignalSpy subscribed(late.get(), &MqttConnection::subscribed);
    QVERIFY(!late->subscribe(QStringLiteral("cfg/+"), 1));
    QTRY_COMPARE(received.size(), 2);
    QCOMPARE(subscribed.size(), 1); // the subscription is confirmed before its retained messages arrive
    QStringList topics = topicsOf(received);
    topics.sort();
    QCOMPARE(topics, (QStringList{QStringLiteral("cfg/a"), QStringLiteral("cfg/b")}));
    for (const auto& arguments : received) {
        if (arguments.at(0).toString() == QStringLiteral("cfg/a"))
            QCOMPARE(arguments.at(1).toByteArray(), QByteArrayLiteral("A2"));
    }

    // An empty retained message clears the topic.
    QVERIFY(publisher->publish(QStringLiteral("cfg/a"), QByteArray(), 1, true).hasValue());
    QTRY_COMPARE(m_broker->retainedCount(), 1);
    QVERIFY(!m_broker->retainedMessage(QStringLiteral("cfg/a")));
}

void TestInProcessBroker::cleanSessionForgets()
{
    auto client = connectedClient(QStringLiteral("clean"));
    QTRY_VERIFY(client->isConnected());
    QVERIFY(m_broker->hasSession(QStringLiteral("clean")));
    client->disconnectFromBroker();
    QCOMPARE(client->state(), MqttConnection::State::Disconnected);
    QVERIFY(!m_broker->hasSession(QStringLiteral("clean")));
}

void TestInProcessBroker::persistentSessionKeepsQos1()
{
    auto device = connectedClient(QStringLiteral("device-1"), false);
    auto platform = connectedClient(QStringLiteral("platform"));
    QTRY_VERIFY(device->isConnected() && platform->isConnected());
    QSignalSpy subscribed(device.get(), &MqttConnection::subscribed);
    QVERIFY(!device->subscribe(QStringLiteral("push/device-1"), 1));
    QTRY_COMPARE(subscribed.size(), 1);
    device->disconnectFromBroker();
    QVERIFY(m_broker->hasSession(QStringLiteral("device-1")));

    QVERIFY(platform->publish(QStringLiteral("push/device-1"), QByteArrayLiteral("q1"), 1).hasValue());
    QVERIFY(platform->publish(QStringLiteral("push/device-1"), QByteArrayLiteral("q0"), 0).hasValue());
    QSignalSpy routed(m_broker.get(), &InProcessBroker::messageRouted);
    QTRY_COMPARE(routed.size(), 2);

    QSignalSpy received(device.get(), &MqttConnection::messageReceived);
    QVERIFY(!device->connectToBroker(optionsFor(QStringLiteral("device-1"), false)));
    QTRY_COMPARE(received.size(), 1); // only the QoS 1 message waited
    QCOMPARE(received.at(0).at(1).toByteArray(), QByteArrayLiteral("q1"));
}

void TestInProcessBroker::clientIdTakeover()
{
    auto first = connectedClient(QStringLiteral("pk.dn"));
    QTRY_VERIFY(first->isConnected());
    MqttConnectOptions options = optionsFor(QStringLiteral("pk.dn"));
    options.reconnect.enabled = false;
    first->disconnectFromBroker();
    QVERIFY(!first->connectToBroker(options));
    QTRY_VERIFY(first->isConnected());

    QSignalSpy firstDisconnected(first.get(), &MqttConnection::disconnected);
    auto second = connectedClient(QStringLiteral("pk.dn"));
    QTRY_VERIFY(second->isConnected());
    QTRY_COMPARE(firstDisconnected.size(), 1);
    const QString reason = firstDisconnected.at(0).at(0).toString();
    QVERIFY2(reason.contains(QStringLiteral("same client ID")), qPrintable(reason));
    QCOMPARE(first->state(), MqttConnection::State::Disconnected);
    QCOMPARE(m_broker->connectedClients(), QStringList{QStringLiteral("pk.dn")});

    // Messages now go to the second client only.
    QSignalSpy subscribed(second.get(), &MqttConnection::subscribed);
    QVERIFY(!second->subscribe(QStringLiteral("t"), 0));
    QTRY_COMPARE(subscribed.size(), 1);
    QSignalSpy firstReceived(first.get(), &MqttConnection::messageReceived);
    QSignalSpy secondReceived(second.get(), &MqttConnection::messageReceived);
    QVERIFY(second->publish(QStringLiteral("t"), QByteArrayLiteral("x")).hasValue());
    QTRY_COMPARE(secondReceived.size(), 1);
    QCOMPARE(firstReceived.size(), 0);
}

void TestInProcessBroker::refusal_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("words");
    QTest::addColumn<bool>("retries");

    QTest::addRow("bad password 3.1.1")
        << int(MqttProtocol::V311) << 4 << "bad user name or password" << false;
    QTest::addRow("not authorized 3.1.1") << int(MqttProtocol::V311) << 5 << "not authorized" << false;
    QTest::addRow("identifier rejected")
        << int(MqttProtocol::V311) << 2 << "client identifier rejected" << false;
    QTest::addRow("protocol version")
        << int(MqttProtocol::V311) << 1 << "unacceptable protocol version" << false;
    QTest::addRow("server unavailable") << int(MqttProtocol::V311) << 3 << "server unavailable" << true;
    QTest::addRow("bad password 5") << int(MqttProtocol::V5) << 0x86 << "bad user name or password" << false;
    QTest::addRow("banned 5") << int(MqttProtocol::V5) << 0x8A << "banned" << false;
    QTest::addRow("server busy 5") << int(MqttProtocol::V5) << 0x89 << "server busy" << true;
}

void TestInProcessBroker::refusal()
{
    QFETCH(int, protocol);
    QFETCH(int, code);
    QFETCH(QString, words);
    QFETCH(bool, retries);

    QString seenPassword;
    m_broker->setAuthenticator([&](const MqttConnectOptions& options) {
        seenPassword = options.password;
        return code;
    });
    InProcessConnection client(m_broker.get());
    MqttConnectOptions options = optionsFor(QStringLiteral("dev"));
    options.username = QStringLiteral("dev&pk");
    options.password = QStringLiteral("wrong");
    options.protocol = MqttProtocol(protocol);
    options.reconnect.minDelayMs = 5000; // one attempt within this test
    options.reconnect.maxDelayMs = 10000;
    QSignalSpy errors(&client, &MqttConnection::errorOccurred);
    QSignalSpy disconnected(&client, &MqttConnection::disconnected);
    QSignalSpy connected(&client, &MqttConnection::connected);
    QVERIFY(!client.connectToBroker(options));
    QTRY_COMPARE(disconnected.size(), 1);
    QCOMPARE(connected.size(), 0);
    QCOMPARE(seenPassword, QStringLiteral("wrong"));
    const QString reason = disconnected.at(0).at(0).toString();
    QVERIFY2(reason.contains(words), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("refused")), qPrintable(reason));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).toString(), reason);
    QCOMPARE(client.state(),
             retries ? MqttConnection::State::Reconnecting : MqttConnection::State::Disconnected);
}

void TestInProcessBroker::dropAndReconnectResubscribes()
{
    auto device = connectedClient(QStringLiteral("dev"));
    auto platform = connectedClient(QStringLiteral("platform"));
    QTRY_VERIFY(device->isConnected() && platform->isConnected());
    QSignalSpy subscribed(device.get(), &MqttConnection::subscribed);
    QVERIFY(!device->subscribe(QStringLiteral("push/dev"), 1));
    QTRY_COMPARE(subscribed.size(), 1);

    QSignalSpy states(device.get(), &MqttConnection::stateChanged);
    QSignalSpy disconnected(device.get(), &MqttConnection::disconnected);
    QVERIFY(m_broker->dropClient(QStringLiteral("dev")));
    QVERIFY(!m_broker->dropClient(QStringLiteral("nobody")));
    QTRY_COMPARE(disconnected.size(), 1);
    QVERIFY(disconnected.at(0).at(0).toString().contains(QStringLiteral("lost")));
    QTRY_VERIFY(device->isConnected());
    QCOMPARE(states.at(0).at(0).value<MqttConnection::State>(), MqttConnection::State::Reconnecting);
    QTRY_COMPARE(subscribed.size(), 2); // sent again after the reconnect

    QSignalSpy received(device.get(), &MqttConnection::messageReceived);
    QVERIFY(platform->publish(QStringLiteral("push/dev"), QByteArrayLiteral("again"), 1).hasValue());
    QTRY_COMPARE(received.size(), 1);
}

void TestInProcessBroker::brokerOffline()
{
    auto a = connectedClient(QStringLiteral("a"));
    auto b = connectedClient(QStringLiteral("b"));
    QTRY_VERIFY(a->isConnected() && b->isConnected());
    QSignalSpy errors(a.get(), &MqttConnection::errorOccurred);
    m_broker->setOnline(false);
    QTRY_COMPARE(a->state(), MqttConnection::State::Reconnecting);
    QTRY_COMPARE(b->state(), MqttConnection::State::Reconnecting);
    QTRY_VERIFY(errors.size() >= 2); // the loss, then at least one failed attempt
    QVERIFY(errors.at(1).at(0).toString().contains(QStringLiteral("offline")));
    QVERIFY(m_broker->connectedClients().isEmpty());
    m_broker->setOnline(true);
    QTRY_VERIFY(a->isConnected() && b->isConnected());
}

void TestInProcessBroker::clientOffline()
{
    auto a = connectedClient(QStringLiteral("a"));
    auto b = connectedClient(QStringLiteral("b"));
    QTRY_VERIFY(a->isConnected() && b->isConnected());
    m_broker->setClientOffline(QStringLiteral("a"), true);
    QTRY_COMPARE(a->state(), MqttConnection::State::Reconnecting);
    QTest::qWait(100);
    QCOMPARE(a->state(), MqttConnection::State::Reconnecting);
    QVERIFY(b->isConnected());
    m_broker->setClientOffline(QStringLiteral("a"), false);
    QTRY_VERIFY(a->isConnected());
}

void TestInProcessBroker::unsubscribeStopsDelivery()
{
    auto client = connectedClient(QStringLiteral("c"));
    QTRY_VERIFY(client->isConnected());
    QSignalSpy subscribed(client.get(), &MqttConnection::subscribed);
    QVERIFY(!client->subscribe(QStringLiteral("x/#"), 0));
    QTRY_COMPARE(subscribed.size(), 1);
    QVERIFY(!client->unsubscribe(QStringLiteral("x/#")));
    QVERIFY(client->unsubscribe(QStringLiteral("x/#")).has_value()); // not subscribed any more
    QVERIFY(client->subscriptions().isEmpty());
    QSignalSpy received(client.get(), &MqttConnection::messageReceived);
    QVERIFY(client->publish(QStringLiteral("x/y"), QByteArray()).hasValue());
    QTest::qWait(30);
    QCOMPARE(received.size(), 0);
}

void TestInProcessBroker::rejectsBadInput()
{
    InProcessConnection client(m_broker.get());
    const auto notConnected = client.publish(QStringLiteral("a"), QByteArray());
    QVERIFY(!notConnected);
    QVERIFY2(notConnected.error().message().contains(QStringLiteral("Not connected")),
             qPrintable(notConnected.error().message()));

    MqttConnectOptions persistentWithoutId;
    persistentWithoutId.cleanSession = false;
    const auto idError = client.connectToBroker(persistentWithoutId);
    QVERIFY(idError);
    QCOMPARE(idError->field, QStringLiteral("clientId"));
    QCOMPARE(client.state(), MqttConnection::State::Disconnected);

    MqttConnectOptions badKeepAlive = optionsFor(QStringLiteral("k"));
    badKeepAlive.keepAliveSeconds = 3;
    QCOMPARE(client.connectToBroker(badKeepAlive)->field, QStringLiteral("keepAliveSeconds"));

    QVERIFY(!client.connectToBroker(optionsFor(QString()))); // the broker assigns an ID
    QTRY_VERIFY(client.isConnected());
    QVERIFY(client.sessionClientId().startsWith(QStringLiteral("auto-")));
    QVERIFY(client.connectToBroker(optionsFor(QStringLiteral("again"))).has_value()); // already connected

    const auto wildcard = client.publish(QStringLiteral("a/+"), QByteArray());
    QVERIFY(!wildcard);
    QCOMPARE(wildcard.error().field, QStringLiteral("topic"));
    const auto qos2 = client.publish(QStringLiteral("a"), QByteArray(), 2);
    QVERIFY(!qos2);
    QCOMPARE(qos2.error().field, QStringLiteral("qos"));
    QCOMPARE(client.subscribe(QStringLiteral("a/#/b"))->field, QStringLiteral("filter"));
    QVERIFY(client.subscriptions().isEmpty()); // nothing changed
}

void TestInProcessBroker::brokerDeleted()
{
    auto client = connectedClient(QStringLiteral("orphan"));
    QTRY_VERIFY(client->isConnected());
    QSignalSpy disconnected(client.get(), &MqttConnection::disconnected);
    m_broker.reset();
    QTRY_VERIFY(disconnected.size() >= 1);
    QTRY_COMPARE(client->state(), MqttConnection::State::Disconnected);
    QVERIFY(disconnected.last().at(0).toString().contains(QStringLiteral("broker")));
}

QTEST_GUILESS_MAIN(TestInProcessBroker)
#include "TestInProcessBroker.moc"
