#include "MqttConnection.h"

#include "TopicFilter.h"

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

} // namespace ConfigDeck::Transport
