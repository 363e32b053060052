#include "Topic.h"

#include <array>

namespace ConfigDeck::Alink {

namespace {

struct KindPattern
{
    TopicKind kind;
    QLatin1StringView prefix; // before {pk}/{dn}
    QLatin1StringView suffix; // after {pk}/{dn}
};

constexpr std::array kPatterns{
    KindPattern{TopicKind::ConfigGet, QLatin1StringView("/sys/"), QLatin1StringView("/thing/config/get")},
    KindPattern{TopicKind::ConfigGetReply, QLatin1StringView("/sys/"),
                QLatin1StringView("/thing/config/get_reply")},
    KindPattern{TopicKind::ConfigPush, QLatin1StringView("/sys/"), QLatin1StringView("/thing/config/push")},
    KindPattern{TopicKind::ConfigPushReply, QLatin1StringView("/sys/"),
                QLatin1StringView("/thing/config/push_reply")},
    KindPattern{TopicKind::DownlinkReplyMessage, QLatin1StringView("/"),
                QLatin1StringView("/thing/downlink/reply/message")},
};

const KindPattern& patternOf(TopicKind kind)
{
    for (const auto& p : kPatterns) {
        if (p.kind == kind)
            return p;
    }
    Q_UNREACHABLE();
}

} // namespace

Topic::Topic(TopicKind kind, QString productKey, QString deviceName)
    : m_kind(kind)
    , m_productKey(std::move(productKey))
    , m_deviceName(std::move(deviceName))
{
}

QString Topic::toString() const
{
    const auto& p = patternOf(m_kind);
    return p.prefix + m_productKey + QLatin1Char('/') + m_deviceName + p.suffix;
}

std::optional<Topic> Topic::replyTopic() const
{
    switch (m_kind) {
    case TopicKind::ConfigGet:
        return Topic(TopicKind::ConfigGetReply, m_productKey, m_deviceName);
    case TopicKind::ConfigPush:
        return Topic(TopicKind::ConfigPushReply, m_productKey, m_deviceName);
    default:
        return std::nullopt;
    }
}

std::optional<AlinkError> Topic::validateSegment(QStringView segment, const QString& field)
{
    if (segment.isEmpty())
        return AlinkError{field, tr("is empty"), -1};
    for (const QChar c : segment) {
        if (c == QLatin1Char('/') || c == QLatin1Char('+') || c == QLatin1Char('#') || c.isNull())
            return AlinkError{field, tr("contains '%1', which cannot stand in an MQTT topic level").arg(c),
                              -1};
    }
    return std::nullopt;
}

Expected<Topic> Topic::parse(QStringView topic)
{
    const QString field = QStringLiteral("topic");
    if (topic.isEmpty())
        return AlinkError{field, tr("is empty"), -1};

    for (const auto& p : kPatterns) {
        if (!topic.startsWith(p.prefix) || !topic.endsWith(p.suffix))
            continue;
        const QStringView middle =
            topic.mid(p.prefix.size(), topic.size() - p.prefix.size() - p.suffix.size());
        const qsizetype slash = middle.indexOf(QLatin1Char('/'));
        if (slash < 0 || middle.indexOf(QLatin1Char('/'), slash + 1) >= 0)
            continue; // not {pk}/{dn}: maybe another pattern fits, else unknown
        const QStringView productKey = middle.left(slash);
        const QStringView deviceName = middle.mid(slash + 1);
        if (auto error = validateSegment(productKey, QStringLiteral("productKey")))
            return AlinkError{field, tr("ProductKey %1").arg(error->reason), -1};
        if (auto error = validateSegment(deviceName, QStringLiteral("deviceName")))
            return AlinkError{field, tr("DeviceName %1").arg(error->reason), -1};
        return Topic(p.kind, productKey.toString(), deviceName.toString());
    }
    return AlinkError{field, tr("'%1' is not a remote-configuration topic").arg(topic), -1};
}

QString Topic::filter(TopicKind kind, const QString& productKey, const QString& deviceName)
{
    const QString plus = QStringLiteral("+");
    return Topic(kind, productKey.isEmpty() ? plus : productKey, deviceName.isEmpty() ? plus : deviceName)
        .toString();
}

QString Topic::kindName(TopicKind kind)
{
    switch (kind) {
    case TopicKind::ConfigGet:
        return QStringLiteral("thing/config/get");
    case TopicKind::ConfigGetReply:
        return QStringLiteral("thing/config/get_reply");
    case TopicKind::ConfigPush:
        return QStringLiteral("thing/config/push");
    case TopicKind::ConfigPushReply:
        return QStringLiteral("thing/config/push_reply");
    case TopicKind::DownlinkReplyMessage:
        return QStringLiteral("thing/downlink/reply/message");
    }
    Q_UNREACHABLE();
}

} // namespace ConfigDeck::Alink
