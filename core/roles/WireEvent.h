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

} // namespace ConfigDeck::Roles
