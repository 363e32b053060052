#include "MqttReason.h"

#include <mosquitto.h>

namespace ConfigDeck::Transport {

namespace {

struct ReasonText
{
    int code;
    const char* text;
};

// MQTT 3.1.1 section 3.2.2.3.
constexpr ReasonText kConnack311[] = {
    {1, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "unacceptable protocol version")},
    {2, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "client identifier rejected")},
    {3, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "server unavailable")},
    {4, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "bad user name or password")},
    {5, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "not authorized")},
};

// MQTT 5 section 2.4 (the codes a CONNACK or DISCONNECT carries).
constexpr ReasonText kReason5[] = {
    {0x04, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "disconnected with will message")},
    {0x80, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "unspecified error")},
    {0x81, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "malformed packet")},
    {0x82, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "protocol error")},
    {0x83, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "implementation specific error")},
    {0x84, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "unsupported protocol version")},
    {0x85, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "client identifier not valid")},
    {0x86, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "bad user name or password")},
    {0x87, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "not authorized")},
    {0x88, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "server unavailable")},
    {0x89, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "server busy")},
    {0x8A, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "banned")},
    {0x8B, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "server shutting down")},
    {0x8C, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "bad authentication method")},
    {0x8D, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "keep-alive timeout")},
    {0x8E, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason",
                             "session taken over by another client with the same client ID")},
    {0x90, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "topic name invalid")},
    {0x95, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "packet too large")},
    {0x97, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "quota exceeded")},
    {0x99, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "payload format invalid")},
    {0x9A, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "retain not supported")},
    {0x9B, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "QoS not supported")},
    {0x9C, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "use another server")},
    {0x9D, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "server moved")},
    {0x9F, QT_TRANSLATE_NOOP("ConfigDeck::Transport::MqttReason", "connection rate exceeded")},
};

template <std::size_t N>
const char* find(const ReasonText (&table)[N], int code)
{
    for (const auto& entry : table) {
        if (entry.code == code)
            return entry.text;
    }
    return nullptr;
}

} // namespace

QString MqttReason::describe(MqttProtocol protocol, int code)
{
    if (code == 0)
        return tr("accepted");
    // Mosquitto answers an MQTT 3.1.1 client with a 3.1.1 code, but a 5 client can get either kind
    // back from a 3.1.1-only broker; the ranges do not overlap, so look in both.
    if (const char* text = code < 0x80 ? find(kConnack311, code) : find(kReason5, code))
        return tr(text);
    if (protocol == MqttProtocol::V5 || code >= 0x80)
        return QString::fromUtf8(mosquitto_reason_string(code));
    return tr("unknown return code %1").arg(code);
}

QString MqttReason::refusal(MqttProtocol protocol, int code)
{
    return tr("The broker refused the connection: %1 (code %2).").arg(describe(protocol, code)).arg(code);
}

bool MqttReason::isTransient(MqttProtocol, int code)
{
    switch (code) {
    case 3:    // 3.1.1 server unavailable
    case 0x80: // unspecified error
    case 0x83: // implementation specific error
    case 0x88: // server unavailable
    case 0x89: // server busy
    case 0x8B: // server shutting down
    case 0x97: // quota exceeded
    case 0x9F: // connection rate exceeded
        return true;
    default:
        return false;
    }
}

} // namespace ConfigDeck::Transport
