#pragma once

#include "AccountMessage.h"
#include "alink/AlinkError.h"
#include "transport/ReconnectBackoff.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

namespace ConfigDeck::Cloud {

// The account's server-side subscription on Alibaba Cloud IoT Platform: an AMQP 1.0 client (Qpid Proton
// C++) over TLS, signed in with SASL PLAIN as the documentation describes (AmqpCredentials), idle-time-out
// within 30-300 s, one receiver link opened as soon as the connection is. Proton's container runs on a
// thread of its own; work goes in through its work queue and results come out as queued calls on this
// object's thread, so the Qt event loop never waits for the network. stop() and the destructor join the
// thread.
//
// A message is accepted (settled) only after messageReceived() has returned, and the receiver's credit is
// given back one by one as messages are taken, so at most creditWindow messages are in flight and a message
// not yet taken when the connection drops is delivered again. Refused or broken connections are retried with
// back-off (ReconnectBackoff: the delays start again only after a connection lasted), saying why in words.
class AmqpSubscription final : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        Q_DECLARE_TR_FUNCTIONS(AmqpSubscription)

    public:
        QString host; // e.g. iot-06z00ax1o4ly.amqp.iothub.aliyuncs.com
        quint16 port = 5671;
        QString accessKeyId;
        QByteArray accessKeySecret; // copied into the subscription's own buffer, which it wipes
        QString consumerGroupId;
        QString iotInstanceId; // may be empty for an old public instance
        QString clientId;      // shown in the console's list of clients; e.g. the host name
        QString
            caCertificateFile; // PEM roots that verify the server; empty: the shipped GlobalSign Root CA R1
        std::chrono::seconds idleTimeout = std::chrono::seconds(60); // 30..300
        qint64 maxMessageBytes = 256 * 1024; // larger messages are accepted and dropped (messageDropped)
        int creditWindow = 64;               // messages in flight at most
        Transport::MqttReconnectOptions reconnect;

        static constexpr std::chrono::seconds kMinIdleTimeout{30};
        static constexpr std::chrono::seconds kMaxIdleTimeout{300};

        // Why these settings cannot be used, naming the field, or nothing.
        std::optional<Alink::AlinkError> validate() const;
    };

    enum class State
    {
        Stopped,
        Connecting,
        Connected,
        Retrying
    };
    Q_ENUM(State)

    explicit AmqpSubscription(QObject* parent = nullptr);
    ~AmqpSubscription() override; // stops

    // Starts connecting (stopping a previous subscription first); an error, and nothing started, when the
    // settings cannot be used.
    std::optional<Alink::AlinkError> start(const Settings& settings);
    void stop();

    State state() const { return m_state; }
    // "connecting", "connected", "retrying in 5 s: <why>", "stopped".
    QString stateText() const { return m_stateText; }
    // Why the last connection was refused or lost, in words; empty when none was.
    QString lastError() const { return m_lastError; }
    int retryInSeconds() const { return m_retryInSeconds; }

    // The words for an AMQP error condition (or a transport error) with which a connection ended.
    static QString describeError(const QString& conditionName, const QString& description);

signals:
    void stateChanged(ConfigDeck::Cloud::AmqpSubscription::State state, const QString& text);
    void messageReceived(const ConfigDeck::Cloud::AmqpMessage& message);
    // A message that was not handed on (too large, no topic): why.
    void messageDropped(const QString& reason);
    // The connection was refused or lost: why, in words.
    void connectionError(const QString& message);

private:
    class Worker;
    friend class Worker;

    void attempt();
    void setState(State state, const QString& text);
    // Called on this object's thread (queued from the worker); generation tells stale news from current.
    void onLinkOpened(quint64 generation);
    void onMessage(quint64 generation, quint64 deliveryId, const AmqpMessage& message);
    void onDropped(quint64 generation, quint64 deliveryId, const QString& reason);
    void onDisconnected(quint64 generation, const QString& conditionName, const QString& description);
    void settle(quint64 deliveryId);

    Settings m_settings; // its accessKeySecret stays empty: the secret lives in m_secret
    QByteArray m_secret; // detached, wiped at stop()
    std::unique_ptr<Worker> m_worker;
    quint64 m_generation = 0;
    Transport::ReconnectBackoff m_backoff;
    QTimer m_retryTimer;
    QTimer m_connectTimer; // the receiver link must open within kConnectTimeout
    State m_state = State::Stopped;
    QString m_stateText;
    QString m_lastError;
    int m_retryInSeconds = 0;
};

} // namespace ConfigDeck::Cloud
