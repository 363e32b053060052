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

    // Why a subscription filter is invalid, or nothing. A shared subscription ($share/GROUP/FILTER) needs a
    // valid group name and a valid filter after it.
    static std::optional<Alink::AlinkError> validate(QStringView filter);

    // The filter of a shared subscription: "$share/GROUP/FILTER" (MQTT 5 section 4.8.2; Mosquitto >= 1.6,
    // EMQX, HiveMQ and VerneMQ accept it from MQTT 3.1.1 clients too). The broker hands each message that
    // matches FILTER to one subscriber of the group, and delivers it under its real topic.
    static QString shared(const QString& group, const QString& filter);
    // Why a name cannot be a shared subscription's group (empty, '/', '+', '#', NUL), or nothing.
    static std::optional<Alink::AlinkError> validateShareName(QStringView group);

    // Why a topic name cannot be published to (empty, wildcards, NUL, too long), or nothing.
    static std::optional<Alink::AlinkError> validateTopic(QStringView topic);
};

} // namespace ConfigDeck::Transport
