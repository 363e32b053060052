#pragma once

#include "MqttConnectOptions.h"

#include <QElapsedTimer>

namespace ConfigDeck::Transport {

// Exponential back-off with jitter for automatic reconnection (see MqttReconnectOptions).
class ReconnectBackoff
{
public:
    void setOptions(const MqttReconnectOptions& options) { m_options = options; }

    // The delay before the next attempt; each call counts one more failed attempt. When the connection
    // that just ended had lasted stableAfterMs, the count starts again first.
    int nextDelayMs();
    // A CONNACK arrived: the count starts again only if this connection lasts (see nextDelayMs).
    void connectionEstablished() { m_connectedSince.start(); }
    void reset()
    {
        m_attempt = 0;
        m_connectedSince.invalidate();
    }
    int attempts() const { return m_attempt; }

private:
    MqttReconnectOptions m_options;
    int m_attempt = 0;
    QElapsedTimer m_connectedSince;
};

} // namespace ConfigDeck::Transport
