#include "JsonDiff.h"

#include "DiffLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace ConfigDeck::Diff {

namespace {

QString escapePointerToken(const QString& key)
{
    QString token = key;
    token.replace(u'~', u"~0"_s);
    token.replace(u'/', u"~1"_s);
    return token;
}

bool isPlainIdentifier(const QString& key)
{
    if (key.isEmpty())
        return false;
    const auto isStart = [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
    };
    if (!isStart(key.front()))
        return false;
    return std::all_of(key.cbegin(), key.cend(),
                       [&](QChar c) { return isStart(c) || (c >= u'0' && c <= u'9') || c == u'-'; });
}

// Path so far, in the three spellings: JSON Pointer, display, and the pointer with indices as "*"
// (for JsonDiffOptions::arrayKeys).
struct Path
{
    QString pointer;
    QString display;
    QString pattern;

    Path key(const QString& name) const
    {
        const QString token = u'/' + escapePointerToken(name);
        QString shown;
        if (isPlainIdentifier(name))
            shown = display.isEmpty() ? name : display + u'.' + name;
        else
            shown = display + u'[' + JsonDiff::toCompactJson(QJsonValue(name)) + u']';
        return {pointer + token, shown, pattern + token};
    }
    Path index(qsizetype i) const
    {
        const QString number = QString::number(i);
        return {pointer + u'/' + number, display + u'[' + number + u']', pattern + u"/*"_s};
    }
    Path keyed(qsizetype i, const QString& field, const QString& keyJson) const
    {
        return {pointer + u'/' + QString::number(i), display + u'[' + field + u'=' + keyJson + u']',
                pattern + u"/*"_s};
    }
    QString shown() const { return display.isEmpty() ? u"$"_s : display; }
};

// The identity of an array element's key value (not for display: that is toCompactJson).
QString keyIdentity(const QJsonValue& key)
{
    switch (key.type()) {
    case QJsonValue::String:
        return u's' + key.toString();
    case QJsonValue::Double:
        // Integers by value (64-bit ids beyond 2^53 stay apart), others as doubles; 1 and 1.0 are one key.
        if (key.toInteger(0) == key.toInteger(1))
            return u'n' + QString::number(key.toInteger());
        return u'n' + QString::number(key.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return key.toBool() ? u"true"_s : u"false"_s;
    default:
        return u"null"_s;
    }
}

class Comparer
{
public:
    explicit Comparer(const JsonDiffOptions& options)
        : m_options(options)
    {
    }

    JsonDiffResult take() { return std::move(m_result); }

    void compare(const QJsonValue& a, const QJsonValue& b, const Path& path)
    {
        if (a.type() != b.type()) {
            add(JsonChangeKind::TypeChanged, path, a, b);
            return;
        }
        // Qt's deep comparison is much cheaper than the walk below, and most of a new version is unchanged.
        // Its number semantics are the ones documented: integers exactly, an integer and a decimal as
        // doubles.
        if (a == b)
            return;
        switch (a.type()) {
        case QJsonValue::Object:
            compareObjects(a.toObject(), b.toObject(), path);
            break;
        case QJsonValue::Array:
            compareArrays(a.toArray(), b.toArray(), path);
            break;
        default:
            add(JsonChangeKind::Changed, path, a, b);
            break;
        }
    }

private:
    void add(JsonChangeKind kind, const Path& path, const QJsonValue& a, const QJsonValue& b)
    {
        JsonChange change;
        change.kind = kind;
        change.pointer = path.pointer;
        change.displayPath = path.shown();
        if (kind != JsonChangeKind::Added)
            change.oldValue = JsonDiff::toCompactJson(a);
        if (kind != JsonChangeKind::Removed)
            change.newValue = JsonDiff::toCompactJson(b);
        switch (kind) {
        case JsonChangeKind::Added:
            ++m_result.added;
            break;
        case JsonChangeKind::Removed:
            ++m_result.removed;
            break;
        case JsonChangeKind::Changed:
        case JsonChangeKind::TypeChanged:
            ++m_result.changed;
            break;
        }
        m_result.changes.append(std::move(change));
    }

    void compareObjects(const QJsonObject& a, const QJsonObject& b, const Path& path)
    {
        // QJsonObject keeps its keys sorted: walk both in step.
        auto ia = a.constBegin();
        auto ib = b.constBegin();
        while (ia != a.constEnd() || ib != b.constEnd()) {
            const QString keyA = ia != a.constEnd() ? ia.key() : QString();
            const QString keyB = ib != b.constEnd() ? ib.key() : QString();
            if (ib == b.constEnd() || (ia != a.constEnd() && keyA < keyB)) {
                add(JsonChangeKind::Removed, path.key(keyA), ia.value(), {});
                ++ia;
            } else if (ia == a.constEnd() || keyB < keyA) {
                add(JsonChangeKind::Added, path.key(keyB), {}, ib.value());
                ++ib;
            } else {
                const QJsonValue valueA = ia.value();
                const QJsonValue valueB = ib.value();
                if (valueA != valueB) // the path is only worth building for a change
                    compare(valueA, valueB, path.key(keyA));
                ++ia;
                ++ib;
            }
        }
    }

    QString keyFieldFor(const Path& path) const
    {
        auto it = m_options.arrayKeys.constFind(path.pointer);
        if (it == m_options.arrayKeys.constEnd())
            it = m_options.arrayKeys.constFind(path.pattern);
        return it != m_options.arrayKeys.constEnd() ? it.value() : m_options.defaultArrayKey;
    }

    // Key value (keyIdentity) -> index, or nothing when the array cannot be matched by this field.
    static std::optional<QHash<QString, qsizetype>> keyIndex(const QJsonArray& array, const QString& field)
    {
        QHash<QString, qsizetype> index;
        index.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue element = array.at(i);
            if (!element.isObject())
                return std::nullopt;
            const QJsonValue key = element.toObject().value(field);
            if (key.isUndefined() || key.isObject() || key.isArray())
                return std::nullopt;
            const QString text = keyIdentity(key);
            if (index.contains(text))
                return std::nullopt;
            index.insert(text, i);
        }
        return index;
    }

    void compareArrays(const QJsonArray& a, const QJsonArray& b, const Path& path)
    {
        const QString field = keyFieldFor(path);
        if (!field.isEmpty()) {
            const auto oldIndex = keyIndex(a, field);
            const auto newIndex = oldIndex ? keyIndex(b, field) : std::nullopt;
            if (oldIndex && newIndex) {
                compareKeyed(a, b, *newIndex, field, path);
                return;
            }
            qCDebug(lcDiff) << "array" << path.pointer << "compared by index: not every element has a unique"
                            << field;
        }
        const qsizetype common = std::min(a.size(), b.size());
        for (qsizetype i = 0; i < common; ++i) {
            const QJsonValue valueA = a.at(i);
            const QJsonValue valueB = b.at(i);
            if (valueA != valueB)
                compare(valueA, valueB, path.index(i));
        }
        for (qsizetype i = common; i < a.size(); ++i)
            add(JsonChangeKind::Removed, path.index(i), a.at(i), {});
        for (qsizetype i = common; i < b.size(); ++i)
            add(JsonChangeKind::Added, path.index(i), {}, b.at(i));
    }

    // Elements matched by key value: a moved element is not a change. Removed ones carry their old
    // index in the pointer, the others their new index.
    void compareKeyed(const QJsonArray& a, const QJsonArray& b, const QHash<QString, qsizetype>& newIndex,
                      const QString& field, const Path& path)
    {
        QSet<QString> seen;
        seen.reserve(a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QJsonValue element = a.at(i);
            const QJsonValue key = element.toObject().value(field);
            const QString identity = keyIdentity(key);
            seen.insert(identity);
            const auto found = newIndex.constFind(identity);
            if (found == newIndex.constEnd()) {
                add(JsonChangeKind::Removed, path.keyed(i, field, JsonDiff::toCompactJson(key)), element, {});
            } else {
                const QJsonValue other = b.at(found.value());
                if (element != other) // the path is only worth building for a changed element
                    compare(element, other, path.keyed(found.value(), field, JsonDiff::toCompactJson(key)));
            }
        }
        for (qsizetype i = 0; i < b.size(); ++i) {
            const QJsonValue element = b.at(i);
            const QJsonValue key = element.toObject().value(field);
            if (!seen.contains(keyIdentity(key)))
                add(JsonChangeKind::Added, path.keyed(i, field, JsonDiff::toCompactJson(key)), {}, element);
        }
    }

    const JsonDiffOptions& m_options;
    JsonDiffResult m_result;
};

} // namespace

QString JsonDiffResult::summary() const
{
    //: The three parts of the JSON diff summary, e.g. "3 changed, 1 added, 0 removed"
    return tr("%1, %2, %3")
        .arg(tr("%n changed", nullptr, changed), tr("%n added", nullptr, added),
             tr("%n removed", nullptr, removed));
}

QString JsonDiff::toCompactJson(const QJsonValue& value)
{
    if (value.isUndefined())
        return {};
    // QJsonDocument only writes arrays and objects: write [value] and take the brackets off.
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(QByteArrayView(text).sliced(1, text.size() - 2));
}

std::pair<int, int> JsonDiff::lineAndColumn(const QByteArray& text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    const QByteArrayView before = QByteArrayView(text).first(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const int line = int(before.count('\n')) + 1;
    const int column = int(QString::fromUtf8(before.sliced(lineStart)).toUcs4().size()) + 1;
    return {line, column};
}

Alink::Expected<QJsonValue> JsonDiff::parse(const QByteArray& json, const QString& what)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error == QJsonParseError::NoError) {
        if (document.isArray())
            return QJsonValue(document.array());
        return QJsonValue(document.object());
    }
    QJsonParseError reported = error;
    // QJsonDocument wants an object or an array on top; JSON also allows a scalar there.
    const QByteArray trimmed = json.trimmed();
    if (!trimmed.isEmpty() && !trimmed.startsWith('{') && !trimmed.startsWith('[')) {
        QJsonParseError wrappedError;
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + json + ']', &wrappedError);
        if (wrappedError.error == QJsonParseError::NoError && wrapped.array().size() == 1)
            return wrapped.array().at(0);
        if (wrappedError.error != QJsonParseError::NoError) {
            reported = wrappedError;
            reported.offset = std::clamp<int>(wrappedError.offset - 1, 0, int(json.size()));
        }
    }
    const auto [line, column] = lineAndColumn(json, reported.offset);
    Alink::AlinkError failure;
    failure.field = what;
    //: %1 line, %2 column, %3 what the parser found wrong (Qt's message, in English)
    failure.reason =
        tr("invalid JSON at line %1, column %2: %3").arg(line).arg(column).arg(reported.errorString());
    failure.offset = reported.offset;
    return failure;
}

Alink::Expected<JsonDiffResult> JsonDiff::compare(const QByteArray& oldJson, const QByteArray& newJson,
                                                  const JsonDiffOptions& options)
{
    const auto oldValue = parse(oldJson, tr("old version"));
    if (!oldValue)
        return oldValue.error();
    const auto newValue = parse(newJson, tr("new version"));
    if (!newValue)
        return newValue.error();
    return compare(*oldValue, *newValue, options);
}

JsonDiffResult JsonDiff::compare(const QJsonValue& oldValue, const QJsonValue& newValue,
                                 const JsonDiffOptions& options)
{
    Comparer comparer(options);
    comparer.compare(oldValue, newValue, Path{});
    return comparer.take();
}

} // namespace ConfigDeck::Diff
