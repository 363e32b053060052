#pragma once

#include "MqttConnectOptions.h"

#include <QCoreApplication>
#include <QString>

namespace ConfigDeck::Transport {

// Broker answers in words: CONNACK return codes (MQTT 3.1.1) and reason codes (MQTT 5).
class MqttReason
{
    Q_DECLARE_TR_FUNCTIONS(MqttReason)

public:
    // "bad user name or password" etc. for a CONNACK code; MQTT 5 codes the table lacks come from
    // mosquitto_reason_string (English).
    static QString describe(MqttProtocol protocol, int code);

    // The full sentence for a refused connection, with the code.
    static QString refusal(MqttProtocol protocol, int code);

    // Whether trying again later can help (server unavailable or busy), as opposed to a refusal that only a
    // change of settings fixes (bad password, not authorized, rejected client ID, ...).
    static bool isTransient(MqttProtocol protocol, int code);
};

} // namespace ConfigDeck::Transport
