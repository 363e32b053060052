#pragma once

#include "alink/AlinkError.h"
#include "transport/MqttConnectOptions.h"

namespace ConfigDeck::Transport {

// Reads a broker address as operators write it: mqtt://host:port, mqtts://host:port (TLS), or host[:port],
// each with an optional user[:password]@ (percent-encoded) before the host.
class BrokerAddress
{
    Q_DECLARE_TR_FUNCTIONS(BrokerAddress)

public:
    static Alink::Expected<Transport::MqttConnectOptions> parse(const QString& text);

    // An address split at its user info: the address as written without "user:password@", and the user
    // name and password it held (decoded). Settings keep `address`; the password goes where it is sealed.
    struct Credentials
    {
        QString address;
        QString username;
        QString password;
        bool hasUserInfo = false;
    };
    static Credentials splitCredentials(const QString& text);
    // The address with its password (if any) replaced by "<redacted>", for the status bar and logs.
    static QString withoutPassword(const QString& text);
};

} // namespace ConfigDeck::Transport
