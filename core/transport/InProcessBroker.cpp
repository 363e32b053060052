#include "InProcessBroker.h"

#include "InProcessConnection.h"
#include "TopicFilter.h"
#include "TransportLog.h"

#include <QList>

#include <unordered_map>

namespace ConfigDeck::Transport {

// The subscription tree: one node per filter level. "+" and "#" are ordinary child keys, which is unambiguous
// because a topic name never contains them.
struct InProcessBroker::Node
{
    std::unordered_map<QString, std::unique_ptr<Node>> children;
    QHash<QString, int> subscribers; // client ID -> QoS of the filter that ends here

    const Node* child(const QString& key) const
    {
        const auto it = children.find(key);
        return it == children.end() ? nullptr : it->second.get();
    }
    bool isEmpty() const { return children.empty() && subscribers.isEmpty(); }
};

namespace {

constexpr qsizetype kMaxQueuedPerSession = 10000; // an offline persistent session keeps at most this many

const QString kPlus = QStringLiteral("+");
const QString kHash = QStringLiteral("#");

template <typename Functor>
void post(InProcessConnection* client, Functor&& functor)
{
    QMetaObject::invokeMethod(client, std::forward<Functor>(functor), Qt::QueuedConnection);
}

} // namespace

InProcessBroker::InProcessBroker(QObject* parent)
    : QObject(parent)
    , m_root(std::make_unique<Node>())
{
}

InProcessBroker::~InProcessBroker()
{
    for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
        if (InProcessConnection* client = it->client) {
            const quint64 epoch = it->epoch;
            post(client, [client, epoch] {
                client->droppedByBroker(epoch,
                                        InProcessConnection::tr("The in-process broker was shut down."));
            });
        }
    }
}

void InProcessBroker::setAuthenticator(Authenticator authenticator)
{
    m_authenticator = std::move(authenticator);
}

void InProcessBroker::setOnline(bool online)
{
    m_online = online;
    if (online)
        return;
    for (const QString& clientId : connectedClients())
        kick(clientId, tr("The connection to the in-process broker was lost (the broker is offline)."));
}

void InProcessBroker::setClientOffline(const QString& clientId, bool offline)
{
    if (!offline) {
        m_offlineClients.remove(clientId);
        return;
    }
    m_offlineClients.insert(clientId);
    dropClient(clientId);
}

bool InProcessBroker::dropClient(const QString& clientId)
{
    const auto it = m_sessions.constFind(clientId);
    if (it == m_sessions.cend() || !it->client)
        return false;
    kick(clientId, tr("The connection to the in-process broker was lost."));
    return true;
}

QStringList InProcessBroker::connectedClients() const
{
    QStringList ids;
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        if (it->client)
            ids.append(it.key());
    }
    return ids;
}

bool InProcessBroker::hasSession(const QString& clientId) const
{
    return m_sessions.contains(clientId);
}

std::optional<QByteArray> InProcessBroker::retainedMessage(const QString& topic) const
{
    const auto it = m_retained.constFind(topic);
    if (it == m_retained.cend())
        return std::nullopt;
    return it->payload;
}

int InProcessBroker::attach(InProcessConnection* client, const MqttConnectOptions& options, QString* clientId,
                            quint64* epoch, QString* failure)
{
    if (!m_online) {
        *failure = tr("Cannot reach the in-process broker: it is offline.");
        return -1;
    }
    if (!options.clientId.isEmpty() && m_offlineClients.contains(options.clientId)) {
        *failure = tr("Cannot reach the in-process broker: the network of %1 is down.").arg(options.clientId);
        return -1;
    }
    if (m_authenticator) {
        if (const int code = m_authenticator(options); code != 0)
            return code;
    }
    const QString id =
        options.clientId.isEmpty() ? QStringLiteral("auto-%1").arg(++m_nextAutoId) : options.clientId;
    if (auto it = m_sessions.find(id); it != m_sessions.end() && it->client)
        kick(id, tr("Another client connected with the same client ID %1.").arg(id));
    if (options.cleanSession)
        removeSession(id);

    Session& session = m_sessions[id];
    session.client = client;
    session.epoch = ++m_nextEpoch;
    session.clean = options.cleanSession;
    *clientId = id;
    *epoch = session.epoch;

    const QList<Pending> queued = std::exchange(session.queued, {});
    for (const Pending& message : queued)
        deliver(session, message.topic, message.payload, false);
    emit clientConnected(id);
    return 0;
}

InProcessBroker::Session* InProcessBroker::liveSession(const QString& clientId, quint64 epoch)
{
    const auto it = m_sessions.find(clientId);
    if (it == m_sessions.end() || it->epoch != epoch || !it->client)
        return nullptr;
    return &it.value();
}

void InProcessBroker::detach(const QString& clientId, quint64 epoch)
{
    Session* session = liveSession(clientId, epoch);
    if (!session)
        return;
    session->client = nullptr;
    if (session->clean)
        removeSession(clientId);
    emit clientDisconnected(clientId, QString());
}

void InProcessBroker::kick(const QString& clientId, const QString& reason)
{
    const auto it = m_sessions.find(clientId);
    if (it == m_sessions.end() || !it->client)
        return;
    InProcessConnection* client = it->client;
    const quint64 epoch = it->epoch;
    it->client = nullptr;
    if (it->clean)
        removeSession(clientId);
    post(client, [client, epoch, reason] { client->droppedByBroker(epoch, reason); });
    emit clientDisconnected(clientId, reason);
}

void InProcessBroker::removeSession(const QString& clientId)
{
    const auto it = m_sessions.find(clientId);
    if (it == m_sessions.end())
        return;
    for (auto sub = it->subscriptions.cbegin(); sub != it->subscriptions.cend(); ++sub)
        removeFromTree(sub.key(), clientId);
    m_sessions.erase(it);
}

int InProcessBroker::subscribe(const QString& clientId, quint64 epoch, const QString& filter, int qos)
{
    Session* session = liveSession(clientId, epoch);
    if (!session || TopicFilter::validate(filter))
        return 0x80; // failure, as in a SUBACK
    session->subscriptions.insert(filter, qos);
    addToTree(filter, clientId, qos);
    // Retained messages go to each new subscription (MQTT 3.3.1.3).
    for (auto it = m_retained.cbegin(); it != m_retained.cend(); ++it) {
        if (TopicFilter::matches(filter, it.key()))
            deliver(*session, it.key(), it->payload, true);
    }
    return qos;
}

void InProcessBroker::unsubscribe(const QString& clientId, quint64 epoch, const QString& filter)
{
    Session* session = liveSession(clientId, epoch);
    if (!session || !session->subscriptions.remove(filter))
        return;
    removeFromTree(filter, clientId);
}

void InProcessBroker::publish(const QString& clientId, quint64 epoch, const QString& topic,
                              const QByteArray& payload, int qos, bool retain)
{
    if (!liveSession(clientId, epoch) || TopicFilter::validateTopic(topic))
        return;
    if (retain) {
        if (payload.isEmpty())
            m_retained.remove(topic); // an empty retained message clears the topic
        else
            m_retained.insert(topic, Retained{payload, qos});
    }
    QHash<QString, int> receivers; // client ID -> highest QoS among its matching subscriptions
    collect(*m_root, topic.split(u'/'), 0, receivers);
    int delivered = 0;
    for (auto it = receivers.cbegin(); it != receivers.cend(); ++it) {
        const auto session = m_sessions.find(it.key());
        if (session == m_sessions.end())
            continue;
        if (session->client) {
            deliver(*session, topic, payload, false);
            ++delivered;
        } else if (!session->clean && std::min(qos, it.value()) >= 1 &&
                   session->queued.size() < kMaxQueuedPerSession) {
            session->queued.append(Pending{topic, payload});
            ++delivered;
        }
    }
    emit messageRouted(topic, payload, qos, retain, delivered);
}

void InProcessBroker::deliver(Session& session, const QString& topic, const QByteArray& payload, bool)
{
    InProcessConnection* client = session.client;
    const quint64 epoch = session.epoch;
    post(client, [client, epoch, topic, payload] { client->receive(epoch, topic, payload); });
}

void InProcessBroker::addToTree(const QString& filter, const QString& clientId, int qos)
{
    Node* node = m_root.get();
    for (const QString& level : filter.split(u'/')) {
        auto& child = node->children[level];
        if (!child)
            child = std::make_unique<Node>();
        node = child.get();
    }
    node->subscribers.insert(clientId, qos);
}

void InProcessBroker::removeFromTree(const QString& filter, const QString& clientId)
{
    const QStringList levels = filter.split(u'/');
    // Walk down remembering the path, then prune nodes that became empty.
    QList<std::pair<Node*, QString>> path;
    Node* node = m_root.get();
    for (const QString& level : levels) {
        const auto it = node->children.find(level);
        if (it == node->children.end())
            return;
        path.append({node, level});
        node = it->second.get();
    }
    node->subscribers.remove(clientId);
    for (qsizetype i = path.size() - 1; i >= 0; --i) {
        auto& [parent, key] = path[i];
        const auto it = parent->children.find(key);
        if (!it->second->isEmpty())
            break;
        parent->children.erase(it);
    }
}

void InProcessBroker::collect(const Node& node, const QStringList& levels, qsizetype index,
                              QHash<QString, int>& out) const
{
    auto merge = [&out](const Node* from) {
        if (!from)
            return;
        for (auto it = from->subscribers.cbegin(); it != from->subscribers.cend(); ++it) {
            int& qos = out[it.key()];
            qos = std::max(qos, it.value());
        }
    };
    if (index == levels.size()) {
        merge(&node);
        merge(node.child(kHash)); // "a/#" also matches "a"
        return;
    }
    // Wildcards in the first level do not match topics starting with '$' (MQTT 4.7.2).
    const bool dollar = index == 0 && levels.front().startsWith(u'$');
    if (!dollar) {
        merge(node.child(kHash));
        if (const Node* plus = node.child(kPlus))
            collect(*plus, levels, index + 1, out);
    }
    if (const Node* exact = node.child(levels.at(index)))
        collect(*exact, levels, index + 1, out);
}

} // namespace ConfigDeck::Transport
