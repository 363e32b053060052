#include "InProcessConnection.h"

#include "InProcessBroker.h"
#include "MqttReason.h"
#include "TopicFilter.h"
#include "TransportLog.h"

#include <QTimer>

namespace ConfigDeck::Transport {

InProcessConnection::InProcessConnection(InProcessBroker* broker, QObject* parent)
    : MqttConnection(parent)
    , m_broker(broker)
    , m_reconnectTimer(new QTimer(this))
{
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &InProcessConnection::startAttempt);
}

InProcessConnection::~InProcessConnection()
{
    if (m_epoch != 0 && m_broker)
        m_broker->detach(m_sessionId, m_epoch);
}

std::optional<Alink::AlinkError> InProcessConnection::connectToBroker(const MqttConnectOptions& options)
{
    if (state() != State::Disconnected)
        return Alink::AlinkError{{},
                                 tr("The connection is %1; disconnect it first.").arg(stateName(state()))};
    if (auto error = options.validate(false))
        return error;
    m_options = options;
    m_backoff.setOptions(options.reconnect);
    m_backoff.reset();
    m_userDisconnect = false;
    setState(State::Connecting);
    m_reconnectTimer->start(0); // the outcome always arrives from the event loop
    return std::nullopt;
}

void InProcessConnection::startAttempt()
{
    if (state() == State::Disconnected || state() == State::Connected)
        return;
    if (!m_broker) {
        endConnection(tr("The in-process broker is gone."), false);
        return;
    }
    QString clientId;
    QString failure;
    quint64 epoch = 0;
    const int code = m_broker->attach(this, m_options, &clientId, &epoch, &failure);
    if (code < 0) {
        endConnection(failure, true);
        return;
    }
    if (code > 0) {
        endConnection(MqttReason::refusal(m_options.protocol, code),
                      MqttReason::isTransient(m_options.protocol, code));
        return;
    }
    m_epoch = epoch;
    m_sessionId = clientId;
    m_backoff.connectionEstablished();
    QHash<QString, int> granted;
    for (auto it = m_subscriptions.cbegin(); it != m_subscriptions.cend(); ++it)
        granted.insert(it.key(), m_broker->subscribe(m_sessionId, m_epoch, it.key(), it.value()));

    const QPointer<InProcessConnection> self(this);
    setState(State::Connected);
    if (!self)
        return;
    emit connected();
    for (auto it = granted.cbegin(); self && epoch == m_epoch && it != granted.cend(); ++it)
        emit subscribed(it.key(), it.value());
}

void InProcessConnection::endConnection(const QString& reason, bool transient)
{
    m_epoch = 0;
    const bool retry = !m_userDisconnect && transient && m_options.reconnect.enabled;
    const QPointer<InProcessConnection> self(this);
    if (!reason.isEmpty()) {
        qCDebug(lcTransport).noquote() << m_options.clientId << reason;
        emit errorOccurred(reason);
        if (!self)
            return;
    }
    setState(retry ? State::Reconnecting : State::Disconnected);
    if (!self)
        return;
    emit disconnected(reason);
    if (!self)
        return;
    if (retry && state() == State::Reconnecting && !m_reconnectTimer->isActive())
        m_reconnectTimer->start(m_backoff.nextDelayMs());
}

void InProcessConnection::disconnectFromBroker()
{
    m_reconnectTimer->stop();
    if (state() == State::Disconnected)
        return;
    m_userDisconnect = true;
    if (m_epoch != 0 && m_broker)
        m_broker->detach(m_sessionId, m_epoch);
    m_epoch = 0;
    const QPointer<InProcessConnection> self(this);
    setState(State::Disconnected);
    if (!self)
        return;
    emit disconnected(QString());
}

std::optional<Alink::AlinkError> InProcessConnection::subscribe(const QString& filter, int qos)
{
    if (auto error = checkSubscribe(filter, qos))
        return error;
    m_subscriptions.insert(filter, qos);
    if (isConnected()) {
        const quint64 epoch = m_epoch;
        QMetaObject::invokeMethod(
            this,
            [this, epoch, filter, qos] {
                if (epoch != m_epoch || !m_broker)
                    return;
                emit subscribed(filter, m_broker->subscribe(m_sessionId, epoch, filter, qos));
            },
            Qt::QueuedConnection);
    }
    return std::nullopt;
}

std::optional<Alink::AlinkError> InProcessConnection::unsubscribe(const QString& filter)
{
    if (auto error = TopicFilter::validate(filter))
        return error;
    if (!m_subscriptions.remove(filter))
        return Alink::AlinkError{QStringLiteral("filter"), tr("there is no subscription to %1").arg(filter)};
    if (isConnected()) {
        const quint64 epoch = m_epoch;
        QMetaObject::invokeMethod(
            this,
            [this, epoch, filter] {
                if (epoch == m_epoch && m_broker)
                    m_broker->unsubscribe(m_sessionId, epoch, filter);
            },
            Qt::QueuedConnection);
    }
    return std::nullopt;
}

Alink::Expected<int> InProcessConnection::publish(const QString& topic, const QByteArray& payload, int qos,
                                                  bool retain)
{
    if (auto error = checkPublish(topic, qos))
        return *error;
    if (!isConnected())
        return notConnectedError(topic);
    m_lastMessageId = m_lastMessageId % 65535 + 1; // MQTT message IDs are 1..65535
    const int mid = m_lastMessageId;
    const quint64 epoch = m_epoch;
    ++m_inFlight;
    QMetaObject::invokeMethod(
        this,
        [this, epoch, topic, payload, qos, retain, mid] {
            --m_inFlight;
            if (epoch != m_epoch || !m_broker)
                return; // the connection went down before the message left: lost, as on a network
            m_broker->publish(m_sessionId, epoch, topic, payload, qos, retain);
            if (qos == 1)
                emit published(mid);
            else
                checkFlush();
        },
        Qt::QueuedConnection);
    return mid;
}

void InProcessConnection::receive(quint64 epoch, const QString& topic, const QByteArray& payload)
{
    if (epoch == m_epoch && epoch != 0 && admitIncoming(topic, payload.size()))
        emit messageReceived(topic, payload);
}

void InProcessConnection::droppedByBroker(quint64 epoch, const QString& reason)
{
    if (epoch != m_epoch || epoch == 0)
        return;
    endConnection(reason, true);
}

} // namespace ConfigDeck::Transport
