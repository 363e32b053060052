#pragma once

#include "MqttConnectOptions.h"

namespace ConfigDeck::Transport {

// Exponential back-off with jitter for automatic reconnection (see MqttReconnectOptions).
class ReconnectBackoff
{
public:
    void setOptions(const MqttReconnectOptions& options) { m_options = options; }

    // The delay before the next attempt; each call counts one more failed attempt.
    int nextDelayMs();
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }

private:
    MqttReconnectOptions m_options;
    int m_attempt = 0;
};

} // namespace ConfigDeck::Transport
