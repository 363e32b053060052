#pragma once

#include "alink/AlinkError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace ConfigDeck::Diff {

enum class JsonChangeKind
{
    Added,       // only in the new document
    Removed,     // only in the old document
    Changed,     // a scalar with another value
    TypeChanged, // another JSON type (string -> number, object -> array, ...)
};

struct JsonChange
{
    JsonChangeKind kind = JsonChangeKind::Changed;
    QString pointer;     // RFC 6901 JSON Pointer: "/devices/0/name" ("" is the whole document)
    QString displayPath; // for people: "devices[0].name", "devices[id=\"fan\"].name", "$" for the root
    QString oldValue;    // compact JSON text; empty for Added
    QString newValue;    // compact JSON text; empty for Removed

    bool operator==(const JsonChange&) const = default;
};

struct JsonDiffOptions
{
    // Arrays whose elements are matched by a key field rather than by index: array pointer -> field,
    // e.g. {"/devices", "id"}. An array index in the pointer may be written "*" ("/groups/*/members").
    QHash<QString, QString> arrayKeys;
    // A key field for every other array ("id", "name"); empty: by index.
    QString defaultArrayKey;
    // A keyed array is only matched by key when every element is an object holding the field with a
    // scalar value, unique within the array; otherwise it is compared by index.
};

struct JsonDiffResult
{
    Q_DECLARE_TR_FUNCTIONS(JsonDiffResult)

public:
    QList<JsonChange> changes; // in document order, keys sorted
    int changed = 0;           // Changed and TypeChanged
    int added = 0;
    int removed = 0;

    bool isIdentical() const { return changes.isEmpty(); }
    // "3 changed, 1 added, 0 removed", translated with plural forms.
    QString summary() const;
};

// Structural diff of two JSON documents: insensitive to key order and whitespace, objects compared key by
// key, arrays by index or by a key field (JsonDiffOptions), so that moving an element is not a change.
//
// Parsing is QJsonDocument's, with what that implies: of duplicate keys the last one wins; numbers are
// kept as 64-bit integers when they are integers in that range, as doubles otherwise, so integers beyond
// +-2^63 and decimals with more than ~17 significant digits lose precision. Two integers compare exactly,
// an integer and a decimal as doubles (1 equals 1.0).
// A document whose top level is a scalar ("3", "\"text\"") is accepted.
class JsonDiff final
{
    Q_DECLARE_TR_FUNCTIONS(JsonDiff)

public:
    // Parses a document; invalid JSON gives an error naming line and column (and the byte offset).
    // `what` names the document in the error ("old version").
    static Alink::Expected<QJsonValue> parse(const QByteArray& json, const QString& what = {});

    static Alink::Expected<JsonDiffResult> compare(const QByteArray& oldJson, const QByteArray& newJson,
                                                   const JsonDiffOptions& options = {});
    static JsonDiffResult compare(const QJsonValue& oldValue, const QJsonValue& newValue,
                                  const JsonDiffOptions& options = {});

    // Compact JSON text of any value, scalars included.
    static QString toCompactJson(const QJsonValue& value);
    // 1-based line and column (in characters) of a byte offset in UTF-8 text.
    static std::pair<int, int> lineAndColumn(const QByteArray& text, qsizetype offset);
};

} // namespace ConfigDeck::Diff
