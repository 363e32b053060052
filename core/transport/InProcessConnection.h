#pragma once

#include "MqttConnection.h"
#include "ReconnectBackoff.h"

#include <QPointer>

class QTimer;

namespace ConfigDeck::Transport {

class InProcessBroker;

// MqttConnection to an InProcessBroker on the same thread. Host, port and TLS in the options are ignored;
// client ID, user name, password (for the broker's authenticator), clean session and reconnection apply.
class InProcessConnection final : public MqttConnection
{
    Q_OBJECT

public:
    explicit InProcessConnection(InProcessBroker* broker, QObject* parent = nullptr);
    ~InProcessConnection() override;

    std::optional<Alink::AlinkError> connectToBroker(const MqttConnectOptions& options) override;
    void disconnectFromBroker() override;
    std::optional<Alink::AlinkError> subscribe(const QString& filter, int qos = 1) override;
    std::optional<Alink::AlinkError> unsubscribe(const QString& filter) override;
    Alink::Expected<int> publish(const QString& topic, const QByteArray& payload, int qos = 0,
                                 bool retain = false) override;
    int unacknowledgedCount() const override { return m_inFlight; }
    bool hasUnsentMessages() const override { return m_inFlight > 0; }

    // The client ID the broker knows this connection by (assigned when the options had none).
    QString sessionClientId() const { return m_sessionId; }

private:
    friend class InProcessBroker;

    void startAttempt();
    void endConnection(const QString& reason, bool transient);
    // From the broker, always through the event loop.
    void receive(quint64 epoch, const QString& topic, const QByteArray& payload);
    void droppedByBroker(quint64 epoch, const QString& reason);

    QPointer<InProcessBroker> m_broker;
    QTimer* m_reconnectTimer = nullptr;
    ReconnectBackoff m_backoff;
    quint64 m_epoch = 0; // of the current broker connection; 0 while not connected
    QString m_sessionId;
    int m_lastMessageId = 0;
    int m_inFlight = 0; // published, not yet handed to the broker
    bool m_userDisconnect = false;
};

} // namespace ConfigDeck::Transport
