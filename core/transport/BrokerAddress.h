#pragma once

#include "alink/AlinkError.h"
#include "transport/MqttConnectOptions.h"

namespace ConfigDeck::Transport {

// Reads a broker address as operators write it: mqtt://host:port, mqtts://host:port (TLS), or host[:port].
class BrokerAddress
{
    Q_DECLARE_TR_FUNCTIONS(BrokerAddress)

public:
    static Alink::Expected<Transport::MqttConnectOptions> parse(const QString& text);
};

} // namespace ConfigDeck::Transport
