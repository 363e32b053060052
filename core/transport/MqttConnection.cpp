#include "MqttConnection.h"

#include "TopicFilter.h"
#include "TransportLog.h"

#include <QTimer>

namespace ConfigDeck::Transport {

MqttConnection::MqttConnection(QObject* parent)
    : QObject(parent)
{
}

MqttConnection::~MqttConnection() = default;

QString MqttConnection::stateName(State state)
{
    switch (state) {
    case State::Disconnected:
        return tr("disconnected");
    case State::Connecting:
        return tr("connecting");
    case State::Connected:
        return tr("connected");
    case State::Reconnecting:
        return tr("reconnecting");
    }
    return {};
}

void MqttConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

std::optional<Alink::AlinkError> MqttConnection::checkSubscribe(const QString& filter, int qos) const
{
    if (auto error = TopicFilter::validate(filter))
        return error;
    if (qos < 0 || qos > 1)
        return Alink::AlinkError{QStringLiteral("qos"), tr("the QoS must be 0 or 1, not %1").arg(qos)};
    return std::nullopt;
}

std::optional<Alink::AlinkError> MqttConnection::checkPublish(const QString& topic, int qos) const
{
    if (auto error = TopicFilter::validateTopic(topic))
        return error;
    if (qos < 0 || qos > 1)
        return Alink::AlinkError{QStringLiteral("qos"), tr("the QoS must be 0 or 1, not %1").arg(qos)};
    return std::nullopt;
}

Alink::AlinkError MqttConnection::notConnectedError(const QString& topic) const
{
    return Alink::AlinkError{{},
                             tr("Not connected to the broker (%1): the message to %2 was not sent.")
                                 .arg(stateName(m_state), topic)};
}

bool MqttConnection::admitIncoming(const QString& topic, qint64 payloadSize)
{
    if (payloadSize <= m_options.maxIncomingPayloadBytes)
        return true;
    const QString reason =
        tr("the message has %1 bytes, more than the %2 bytes allowed; it was dropped unread")
            .arg(payloadSize)
            .arg(m_options.maxIncomingPayloadBytes);
    qCWarning(lcTransport).noquote() << m_options.clientId << topic << reason;
    emit messageDropped(topic, payloadSize, reason);
    return false;
}

void MqttConnection::disconnectWhenFlushed(std::chrono::milliseconds maxWait)
{
    if (!m_flushTimer) {
        m_flushTimer = new QTimer(this);
        m_flushTimer->setSingleShot(true);
        connect(m_flushTimer, &QTimer::timeout, this, &MqttConnection::endFlush);
        // A write or an acknowledgement may be the last one; a lost connection may end the wait.
        connect(this, &MqttConnection::published, this, &MqttConnection::checkFlush);
        connect(this, &MqttConnection::stateChanged, this, &MqttConnection::checkFlush);
    }
    m_flushDeadline = QDeadlineTimer(maxWait);
    m_flushTimer->start(maxWait);
    checkFlush();
}

void MqttConnection::checkFlush()
{
    if (!m_flushTimer || !m_flushTimer->isActive())
        return;
    // While reconnecting, libmosquitto sends unacknowledged messages again: wait for that, within maxWait.
    // Ends from the event loop, never inside a library callback that is still using the connection.
    if (m_state == State::Disconnected || !hasUnsentMessages())
        m_flushTimer->start(0);
}

void MqttConnection::endFlush()
{
    // A message published after the check that started this turn is waited for as well.
    if (m_state != State::Disconnected && hasUnsentMessages() && !m_flushDeadline.hasExpired()) {
        m_flushTimer->start(std::chrono::milliseconds(m_flushDeadline.remainingTime()));
        return;
    }
    m_flushTimer->stop();
    const int unacknowledged = unacknowledgedCount();
    if (unacknowledged > 0)
        qCWarning(lcTransport) << m_options.clientId << "disconnects with" << unacknowledged
                               << "unacknowledged messages";
    disconnectFromBroker();
    emit flushed(unacknowledged);
}

} // namespace ConfigDeck::Transport
