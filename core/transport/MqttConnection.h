#pragma once

#include "MqttConnectOptions.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>
#include <optional>

class QTimer;

namespace ConfigDeck::Transport {

// One MQTT client session, however it is carried (libmosquitto over TCP/TLS, or the in-process broker).
// Everything is asynchronous and happens on the thread that owns the object, through its event loop.
//
// Subscriptions are remembered and sent again after every (re)connect, so a caller subscribes once.
// disconnected(reason) comes whenever a connection or a connection attempt ends; reason is empty when
// disconnectFromBroker() asked for it, else it says in words what happened (the broker's refusal, a TLS
// failure, a lost connection), and errorOccurred() carries the same sentence.
// Incoming messages larger than options().maxIncomingPayloadBytes are dropped before they are copied
// anywhere; messageDropped() says which and why, and messageReceived() never sees them. Do not delete a
// connection from a slot connected to its signals: use deleteLater().
class MqttConnection : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Disconnected,
        Connecting,
        Connected,
        Reconnecting, // lost or failed, waiting for the next automatic attempt or in it
    };
    Q_ENUM(State)

    explicit MqttConnection(QObject* parent = nullptr);
    ~MqttConnection() override;

    // Starts connecting; the outcome is connected() or disconnected(). Returns why the options cannot be
    // used (and changes nothing), also when the connection is not Disconnected.
    virtual std::optional<Alink::AlinkError> connectToBroker(const MqttConnectOptions& options) = 0;
    // Ends the session and any automatic reconnection; disconnected("") follows unless already Disconnected.
    // Messages not yet written or acknowledged are lost: see disconnectWhenFlushed().
    virtual void disconnectFromBroker() = 0;
    // Waits until every message published so far has been written and every QoS 1 message acknowledged
    // (or maxWait passed, or the connection ended for good), then disconnects and emits flushed() with
    // the number of QoS 1 messages still unacknowledged (0 when nothing was lost).
    void disconnectWhenFlushed(std::chrono::milliseconds maxWait);

    // Remembers the subscription and sends it now if connected; subscribed() confirms it.
    virtual std::optional<Alink::AlinkError> subscribe(const QString& filter, int qos = 1) = 0;
    virtual std::optional<Alink::AlinkError> unsubscribe(const QString& filter) = 0;

    // Sends a message when connected and returns its message ID (published(id) follows for QoS 1 when the
    // broker acknowledged it), or why it was not sent.
    virtual Alink::Expected<int> publish(const QString& topic, const QByteArray& payload, int qos = 0,
                                         bool retain = false) = 0;

    // QoS 1 messages sent and not yet acknowledged by the broker.
    virtual int unacknowledgedCount() const = 0;
    // Messages accepted by publish() that may not have left yet (unwritten or unacknowledged).
    virtual bool hasUnsentMessages() const = 0;

    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    const MqttConnectOptions& options() const { return m_options; }
    // Filter -> requested QoS.
    const QHash<QString, int>& subscriptions() const { return m_subscriptions; }

    static QString stateName(State state);

signals:
    void stateChanged(ConfigDeck::Transport::MqttConnection::State state);
    void connected();
    void disconnected(const QString& reason);
    void messageReceived(const QString& topic, const QByteArray& payload);
    void published(int messageId);
    void subscribed(const QString& filter, int grantedQos);
    void errorOccurred(const QString& message);
    // An incoming message was dropped unread; reason says why in words.
    void messageDropped(const QString& topic, qint64 payloadSize, const QString& reason);
    // disconnectWhenFlushed() is done; unacknowledged messages were given up.
    void flushed(int unacknowledged);

protected:
    void setState(State state);
    std::optional<Alink::AlinkError> checkSubscribe(const QString& filter, int qos) const;
    std::optional<Alink::AlinkError> checkPublish(const QString& topic, int qos) const;
    Alink::AlinkError notConnectedError(const QString& topic) const;
    // Whether an incoming message of this size may be taken; when not, logs and emits messageDropped().
    bool admitIncoming(const QString& topic, qint64 payloadSize);
    // Implementations call this when a message was written or acknowledged, so a flush can end sooner.
    void checkFlush();

    MqttConnectOptions m_options;
    QHash<QString, int> m_subscriptions;

private:
    void endFlush();

    State m_state = State::Disconnected;
    QTimer* m_flushTimer = nullptr; // active while disconnectWhenFlushed() waits
    QDeadlineTimer m_flushDeadline;
};

} // namespace ConfigDeck::Transport
