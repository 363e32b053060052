#include "TopicFilter.h"

namespace ConfigDeck::Transport {

namespace {

constexpr qsizetype kMaxBytes = 65535; // the length field of an MQTT string

std::optional<Alink::AlinkError> commonChecks(QStringView text, const QString& field)
{
    if (text.isEmpty())
        return Alink::AlinkError{field, TopicFilter::tr("is empty")};
    if (text.contains(QChar(u'\0')))
        return Alink::AlinkError{field, TopicFilter::tr("contains a NUL character")};
    if (text.toUtf8().size() > kMaxBytes)
        return Alink::AlinkError{field, TopicFilter::tr("is longer than %1 bytes").arg(kMaxBytes)};
    return std::nullopt;
}

} // namespace

bool TopicFilter::matches(QStringView filter, QStringView topic)
{
    if (filter.isEmpty() || topic.isEmpty() || topic.contains(u'+') || topic.contains(u'#'))
        return false;
    if (topic.front() == u'$' && (filter.front() == u'+' || filter.front() == u'#'))
        return false;

    const qsizetype filterSize = filter.size();
    const qsizetype topicSize = topic.size();
    qsizetype f = 0; // start of the current filter level
    qsizetype t = 0; // start of the current topic level; topicSize + 1 once the topic has no more levels
    for (;;) {
        qsizetype fEnd = filter.indexOf(u'/', f);
        const bool lastFilterLevel = fEnd < 0;
        if (lastFilterLevel)
            fEnd = filterSize;
        const QStringView filterLevel = filter.sliced(f, fEnd - f);
        if (filterLevel == u"#")
            return lastFilterLevel; // the rest, including no level at all; '#' elsewhere is invalid
        if (t > topicSize)
            return false; // the filter wants a level the topic does not have
        qsizetype tEnd = topic.indexOf(u'/', t);
        const bool lastTopicLevel = tEnd < 0;
        if (lastTopicLevel)
            tEnd = topicSize;
        const QStringView topicLevel = topic.sliced(t, tEnd - t);
        if (filterLevel == u"+") {
            // one level, possibly empty
        } else if (filterLevel.contains(u'+') || filterLevel != topicLevel) {
            return false;
        }
        if (lastFilterLevel)
            return lastTopicLevel;
        f = fEnd + 1;
        t = lastTopicLevel ? topicSize + 1 : tEnd + 1;
    }
}

QString TopicFilter::shared(const QString& group, const QString& filter)
{
    return QStringLiteral("$share/") + group + u'/' + filter;
}

std::optional<Alink::AlinkError> TopicFilter::validateShareName(QStringView group)
{
    const QString field = QStringLiteral("shareGroup");
    if (auto error = commonChecks(group, field))
        return error;
    if (group.contains(u'/') || group.contains(u'+') || group.contains(u'#'))
        return Alink::AlinkError{field,
                                 tr("a shared subscription's group name cannot contain '/', '+' or '#'")};
    return std::nullopt;
}

std::optional<Alink::AlinkError> TopicFilter::validate(QStringView filter)
{
    const QString field = QStringLiteral("filter");
    if (auto error = commonChecks(filter, field))
        return error;
    static constexpr QStringView kSharePrefix = u"$share/";
    if (filter.startsWith(kSharePrefix)) {
        const QStringView rest = filter.sliced(kSharePrefix.size());
        const qsizetype slash = rest.indexOf(u'/');
        if (slash < 0 || slash + 1 == rest.size())
            return Alink::AlinkError{
                field,
                tr("a shared subscription is $share/GROUP/FILTER, but \"%1\" has no filter").arg(filter)};
        if (auto error = validateShareName(rest.first(slash)))
            return Alink::AlinkError{field, error->reason};
        filter = rest.sliced(slash + 1);
    }
    qsizetype start = 0;
    int level = 1;
    for (;;) {
        qsizetype end = filter.indexOf(u'/', start);
        const bool last = end < 0;
        if (last)
            end = filter.size();
        const QStringView text = filter.sliced(start, end - start);
        if (text.contains(u'#') && (text != u"#" || !last))
            return Alink::AlinkError{
                field,
                tr("'#' must stand alone in the last level, but level %1 is \"%2\"").arg(level).arg(text)};
        if (text.contains(u'+') && text != u"+")
            return Alink::AlinkError{
                field, tr("'+' must stand alone in a level, but level %1 is \"%2\"").arg(level).arg(text)};
        if (last)
            return std::nullopt;
        start = end + 1;
        ++level;
    }
}

std::optional<Alink::AlinkError> TopicFilter::validateTopic(QStringView topic)
{
    const QString field = QStringLiteral("topic");
    if (auto error = commonChecks(topic, field))
        return error;
    if (topic.contains(u'+') || topic.contains(u'#'))
        return Alink::AlinkError{field, tr("a topic name cannot contain the wildcards '+' or '#'")};
    return std::nullopt;
}

} // namespace ConfigDeck::Transport
