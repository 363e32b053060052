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

Store::DeviceStateUpdate pushReplyUpdate(const QString& productKey, const QString& deviceName, int code,
                                         const QDateTime& time)
{
    Store::DeviceStateUpdate update;
    update.productKey = productKey;
    update.deviceName = deviceName;
    update.state = code == 200 ? Store::ConfigState::Applied : Store::ConfigState::Failed;
    update.lastReplyCode = code;
    update.replySource = Alink::ReplySource::Device;
    update.lastMessageTime = time;
    update.online = true;
    return update;
}

} // namespace ConfigDeck::Roles
