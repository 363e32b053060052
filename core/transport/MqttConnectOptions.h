#pragma once

#include "alink/AlinkError.h"

#include <QString>

#include <optional>

namespace ConfigDeck::Transport {

enum class MqttProtocol
{
    V311, // MQTT 3.1.1 (what the Alibaba Cloud IoT Platform speaks)
    V5,
};

struct MqttTlsOptions
{
    bool enabled = false;
    QString caFile;   // PEM bundle of trusted roots; empty = the operating system's roots
    QString certFile; // optional client certificate (PEM), needs keyFile
    QString keyFile;  // its unencrypted private key (PEM)
    // There is deliberately no "insecure" switch: the broker's certificate and host name are always verified.
};

// Automatic reconnection: delay = min(maxMs, minMs * 2^attempt), then +/- jitter * delay at random, so that a
// fleet that lost its broker at the same moment does not come back at the same moment.
struct MqttReconnectOptions
{
    bool enabled = true;
    int minDelayMs = 1000;
    int maxDelayMs = 60000;
    double jitter = 0.2; // 0..1
    // A connection counts as established, and the delays start again from minDelayMs, only once it has
    // lasted this long: a broker that accepts and then drops a client (two clients with one client ID) must
    // not cause a reconnect storm.
    int stableAfterMs = 10000;
};

struct MqttConnectOptions
{
    Q_DECLARE_TR_FUNCTIONS(MqttConnectOptions)

public:
    QString host;
    quint16 port = 1883;
    QString clientId; // empty: the broker assigns one (needs cleanSession)
    QString username;
    QString password;
    bool cleanSession = true;
    int keepAliveSeconds = 60; // 0 = off, else 5..65535 (libmosquitto's range)
    MqttProtocol protocol = MqttProtocol::V311;
    MqttTlsOptions tls;
    MqttReconnectOptions reconnect;
    // Larger incoming messages are dropped before they are copied anywhere (messageDropped() says so).
    // Alink messages are small; the Alibaba Cloud IoT Platform caps them at 256 KB.
    qint64 maxIncomingPayloadBytes = kDefaultMaxIncomingPayloadBytes;

    static constexpr qint64 kDefaultMaxIncomingPayloadBytes = 256 * 1024;

    // A client ID no other running instance uses: prefix, a dash and random hex digits.
    static QString uniqueClientId(const QString& prefix);
    // A client ID that stays the same for the life of this process (across reconnects) and that no other
    // process uses, on this machine or another: prefix, host name, process id and random hex digits, so
    // that N platform processes on one broker never take each other's session, and the broker's log says
    // which process a client is.
    static QString processClientId(const QString& prefix);

    // Why these options cannot be used, or nothing. checkHost: false for the in-process broker, which has
    // none.
    std::optional<Alink::AlinkError> validate(bool checkHost = true) const;
};

} // namespace ConfigDeck::Transport
