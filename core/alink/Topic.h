#pragma once

#include "AlinkError.h"

#include <QString>

#include <optional>

namespace ConfigDeck::Alink {

enum class TopicKind
{
    ConfigGet,            // device -> platform
    ConfigGetReply,       // platform -> device
    ConfigPush,           // platform -> device
    ConfigPushReply,      // device -> platform
    DownlinkReplyMessage, // platform -> business server (data exchange)
};

// One of the remote-configuration topics of one device. Build with the constructor, read with parse().
class Topic
{
    Q_DECLARE_TR_FUNCTIONS(Topic)

public:
    Topic(TopicKind kind, QString productKey, QString deviceName);

    TopicKind kind() const { return m_kind; }
    const QString& productKey() const { return m_productKey; }
    const QString& deviceName() const { return m_deviceName; }

    QString toString() const;
    bool isValid() const
    {
        return !validateSegment(m_productKey, {}).has_value() &&
               !validateSegment(m_deviceName, {}).has_value();
    }

    // The topic a reply to a message on this topic goes to (get -> get_reply, push -> push_reply).
    // The data-exchange topic carries replies, so it has none; neither do replies.
    std::optional<Topic> replyTopic() const;

    static Expected<Topic> parse(QStringView topic);

    // A subscription filter for a kind; an empty ProductKey or DeviceName becomes the `+` wildcard.
    static QString filter(TopicKind kind, const QString& productKey = {}, const QString& deviceName = {});

    static QString kindName(TopicKind kind);

    // Why a ProductKey or DeviceName cannot stand in a topic, or nothing when it can.
    static std::optional<AlinkError> validateSegment(QStringView segment, const QString& field);

    bool operator==(const Topic&) const = default;

private:
    TopicKind m_kind;
    QString m_productKey;
    QString m_deviceName;
};

} // namespace ConfigDeck::Alink
