#include "WireEvent.h"

namespace ConfigDeck::Roles {

Store::MessageLogEntry logEntry(Store::MessageDirection direction, const QString& topic,
                                const QByteArray& payload, const QString& productKey,
                                const QString& deviceName, const QString& messageId, std::optional<int> code,
                                std::optional<int> latencyMs)
{
    Store::MessageLogEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.productKey = productKey;
    entry.deviceName = deviceName;
    entry.direction = direction;
    entry.topic = topic;
    entry.messageId = messageId;
    entry.code = code;
    entry.latencyMs = latencyMs;
    entry.payload = payload;
    return entry;
}

} // namespace ConfigDeck::Roles
