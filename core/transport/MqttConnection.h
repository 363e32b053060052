#pragma once

#include "MqttConnectOptions.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

namespace ConfigDeck::Transport {

// One MQTT client session, however it is carried (libmosquitto over TCP/TLS, or the in-process broker).
// Everything is asynchronous and happens on the thread that owns the object, through its event loop.
//
// Subscriptions are remembered and sent again after every (re)connect, so a caller subscribes once.
// disconnected(reason) comes whenever a connection or a connection attempt ends; reason is empty when
// disconnectFromBroker() asked for it, else it says in words what happened (the broker's refusal, a TLS
// failure, a lost connection), and errorOccurred() carries the same sentence.
// Do not delete a connection from a slot connected to its signals: use deleteLater().
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
    virtual void disconnectFromBroker() = 0;

    // Remembers the subscription and sends it now if connected; subscribed() confirms it.
    virtual std::optional<Alink::AlinkError> subscribe(const QString& filter, int qos = 1) = 0;
    virtual std::optional<Alink::AlinkError> unsubscribe(const QString& filter) = 0;

    // Sends a message when connected and returns its message ID (published(id) follows for QoS 1 when the
    // broker acknowledged it), or why it was not sent.
    virtual Alink::Expected<int> publish(const QString& topic, const QByteArray& payload, int qos = 0,
                                         bool retain = false) = 0;

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

protected:
    void setState(State state);
    std::optional<Alink::AlinkError> checkSubscribe(const QString& filter, int qos) const;
    std::optional<Alink::AlinkError> checkPublish(const QString& topic, int qos) const;
    Alink::AlinkError notConnectedError(const QString& topic) const;

    MqttConnectOptions m_options;
    QHash<QString, int> m_subscriptions;

private:
    State m_state = State::Disconnected;
};

} // namespace ConfigDeck::Transport
