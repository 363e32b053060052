#pragma once

#include "alink/AlinkError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <variant>

namespace ConfigDeck::Cloud {

// One message of the account's server-side subscription: the application properties topic, messageId and
// generateTime (ms since the epoch), and the body (JSON for the device status and downlink reply topics).
struct AmqpMessage
{
    QString topic;
    QString messageId;
    qint64 generateTimeMs = 0;
    QByteArray body;
};

// /as/mqtt/status/{pk}/{dn}: a device went online or offline. lastTime (the device's last communication
// before the change) orders them: the platform may deliver an older status after a newer one.
struct DeviceStatusEvent
{
    QString productKey;
    QString deviceName;
    bool online = false;
    QDateTime lastTime;
    QDateTime time;
};

// /{pk}/{dn}/thing/downlink/reply/message carrying /sys/{pk}/{dn}/thing/config/push_reply: a device answered
// a configuration push with this code.
struct PushReplyEvent
{
    QString productKey;
    QString deviceName;
    QString requestId;
    int code = 0;
    QString message;
    QDateTime time;
};

// Anything else subscribed (other downlink replies, property posts, ...): logged and ignored.
struct OtherEvent
{
    QString topic;
};

using AccountEvent = std::variant<DeviceStatusEvent, PushReplyEvent, OtherEvent>;

class AccountMessage
{
    Q_DECLARE_TR_FUNCTIONS(AccountMessage)

public:
    // What the message says. A status or downlink reply whose JSON cannot be read, or whose fields contradict
    // its topic, is an error naming the field; nothing else is made of it.
    static Alink::Expected<AccountEvent> parse(const AmqpMessage& message);
    // The platform's time fields: "2018-08-31T07:32:28.195Z" (utc*) or "2018-08-31 15:32:28.195" (UTC+8).
    static QDateTime parseUtcTime(const QString& text);
    static QDateTime parseChinaTime(const QString& text);
};

} // namespace ConfigDeck::Cloud
