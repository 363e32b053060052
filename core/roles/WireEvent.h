#pragma once

#include "alink/Topic.h"
#include "store/StoreTypes.h"

#include <QDateTime>

namespace ConfigDeck::Roles {

// Builds the message-log entry of one Alink message in or out; both roles log through it.
Store::MessageLogEntry logEntry(Store::MessageDirection direction, const QString& topic,
                                const QByteArray& payload, const QString& productKey,
                                const QString& deviceName, const QString& messageId = {},
                                std::optional<int> code = std::nullopt,
                                std::optional<int> latencyMs = std::nullopt);

// What a device's push_reply says about it: 200 applied, any other code failed, the device's code, online.
// Both the platform service (which knows the pushed version and adds it) and the account's server-side
// subscription build the update through it.
Store::DeviceStateUpdate pushReplyUpdate(const QString& productKey, const QString& deviceName, int code,
                                         const QDateTime& time);

} // namespace ConfigDeck::Roles
