#pragma once

#include "MqttConnectOptions.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace ConfigDeck::Transport {

class InProcessConnection;

// An MQTT broker inside the process, for Demo mode and tests: no sockets. Its clients are
// InProcessConnection objects on the same thread. It keeps MQTT's rules where they matter to ConfigDeck:
// topic-filter matching (see TopicFilter), QoS 0/1 delivery always through the event loop (never inside the
// publisher's call), retained messages, clean and persistent sessions (QoS 1 messages wait for an offline
// persistent session), and client-ID takeover: a second client with the same client ID disconnects the first,
// as the Alibaba Cloud IoT Platform does. Refusals and network trouble can be simulated.
class InProcessBroker final : public QObject
{
    Q_OBJECT

public:
    // Decides on a login: 0 accepts, anything else is the CONNACK code to refuse with (1..5 as in MQTT 3.1.1,
    // or an MQTT 5 reason code >= 0x80 such as 0x86 bad user name or password).
    using Authenticator = std::function<int(const MqttConnectOptions& options)>;

    explicit InProcessBroker(QObject* parent = nullptr);
    ~InProcessBroker() override;

    void setAuthenticator(Authenticator authenticator);

    // Offline: every client loses its connection and new attempts fail, as if the broker were down.
    void setOnline(bool online);
    bool isOnline() const { return m_online; }
    // One client's network is down (true): it is dropped now and its attempts fail until set back.
    void setClientOffline(const QString& clientId, bool offline);
    // Simulates one network loss of a connected client (it reconnects if its options say so).
    bool dropClient(const QString& clientId);

    QStringList connectedClients() const;
    bool hasSession(const QString& clientId) const;
    std::optional<QByteArray> retainedMessage(const QString& topic) const;
    qsizetype retainedCount() const { return m_retained.size(); }

signals:
    void clientConnected(const QString& clientId);
    void clientDisconnected(const QString& clientId, const QString& reason);
    // Every message a client published, after it was routed; receivers = how many sessions got it.
    void messageRouted(const QString& topic, const QByteArray& payload, int qos, bool retain, int receivers);

private:
    friend class InProcessConnection;
    struct Node;
    struct Pending
    {
        QString topic;
        QByteArray payload;
    };
    struct Session
    {
        InProcessConnection* client = nullptr; // null while offline (persistent sessions only)
        quint64 epoch = 0;                     // changes with every connection of this session
        bool clean = true;
        QHash<QString, int> subscriptions;
        QList<Pending> queued; // QoS 1 messages for an offline persistent session
    };
    struct Retained
    {
        QByteArray payload;
        int qos = 0;
    };

    // For InProcessConnection. attach() returns 0 (accepted), a CONNACK code, or -1 when the network is down
    // (failure says why).
    int attach(InProcessConnection* client, const MqttConnectOptions& options, QString* clientId,
               quint64* epoch, QString* failure);
    void detach(const QString& clientId, quint64 epoch);
    int subscribe(const QString& clientId, quint64 epoch, const QString& filter, int qos);
    void unsubscribe(const QString& clientId, quint64 epoch, const QString& filter);
    void publish(const QString& clientId, quint64 epoch, const QString& topic, const QByteArray& payload,
                 int qos, bool retain);

    Session* liveSession(const QString& clientId, quint64 epoch);
    void kick(const QString& clientId, const QString& reason);
    void removeSession(const QString& clientId);
    void deliver(Session& session, const QString& topic, const QByteArray& payload, bool retained);

    void addToTree(const QString& filter, const QString& clientId, int qos);
    void removeFromTree(const QString& filter, const QString& clientId);
    void collect(const Node& node, const QStringList& levels, qsizetype index,
                 QHash<QString, int>& out) const;

    Authenticator m_authenticator;
    bool m_online = true;
    QSet<QString> m_offlineClients;
    QHash<QString, Session> m_sessions;
    QHash<QString, Retained> m_retained;
    std::unique_ptr<Node> m_root;
    quint64 m_nextEpoch = 0;
    quint64 m_nextAutoId = 0;
};

} // namespace ConfigDeck::Transport
