#pragma once

#include "alink/AlinkError.h"

#include <QStringView>

#include <optional>

namespace ConfigDeck::Transport {

// MQTT topic names and filters (MQTT 3.1.1 section 4.7, same in MQTT 5): `+` matches exactly one level
// (which may be empty), `#` matches the rest including the parent level itself ("a/#" matches "a"),
// and topics starting with `$` are not matched by a wildcard in the first level.
class TopicFilter
{
    Q_DECLARE_TR_FUNCTIONS(TopicFilter)

public:
    // Whether a valid filter matches a valid topic name; false when either is invalid.
    static bool matches(QStringView filter, QStringView topic);

    // Why a subscription filter is invalid, or nothing.
    static std::optional<Alink::AlinkError> validate(QStringView filter);

    // Why a topic name cannot be published to (empty, wildcards, NUL, too long), or nothing.
    static std::optional<Alink::AlinkError> validateTopic(QStringView topic);
};

} // namespace ConfigDeck::Transport
