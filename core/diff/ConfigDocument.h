#pragma once

#include "alink/AlinkError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace ConfigDeck::Store {
class Workspace;
}

namespace ConfigDeck::Diff {

// Where and why a text is not valid JSON (1-based line and column in characters).
struct JsonProblem
{
    Q_DECLARE_TR_FUNCTIONS(JsonProblem)

public:
    int line = 0;
    int column = 0;
    qsizetype offset = -1; // byte offset the parser stopped at
    QString message;       // what the parser found wrong

    // "line 3, column 14: missing value separator"
    QString text() const;
};

// What saving a version did: the version's SHA-256, and whether those bytes were already a version
// (the store is content-addressed, so nothing new was made).
struct SavedVersion
{
    QString sha256;
    bool alreadyExisted = false;
};

// The logic of the configuration editor, QtCore only: JSON validation with line and column, an
// order-preserving pretty-print, the size against Alibaba's 64 KB limit, and saving as a version.
class ConfigDocument final
{
    Q_DECLARE_TR_FUNCTIONS(ConfigDocument)

public:
    // Alibaba Cloud IoT Platform: a remote configuration file is JSON of at most 64 KB.
    static constexpr qint64 kAlibabaSizeLimit = 64 * 1024;

    explicit ConfigDocument(QByteArray content = {})
        : m_content(std::move(content))
    {
    }

    const QByteArray& content() const { return m_content; }
    void setContent(QByteArray content) { m_content = std::move(content); }
    qint64 size() const { return m_content.size(); }

    // The first JSON syntax error, or nothing when the content is a JSON object or array.
    std::optional<JsonProblem> validate() const;
    static std::optional<JsonProblem> validate(const QByteArray& json);

    // The content re-indented (4 spaces, one member or element a line), keeping key order, number
    // spelling and string escapes exactly as written. Invalid JSON gives its problem instead.
    Alink::Expected<QByteArray> prettyPrinted() const;

    bool exceedsLimit(bool alibabaLimits) const { return alibabaLimits && size() > kAlibabaSizeLimit; }
    // "12.3 KB of 64 KB" with Alibaba limits, "12.3 KB" without.
    QString sizeText(bool alibabaLimits) const;
    // Why the content cannot be saved as a version (empty, invalid JSON, over the limit), or empty.
    // Without Alibaba limits any non-empty file can be saved, JSON or not.
    QString whyNotSavable(bool alibabaLimits) const;

    // Stores the content as a version of the product (origin Edited). The same bytes twice are one
    // version: then alreadyExisted is set and the existing version's label is kept.
    Alink::Expected<SavedVersion> saveAsVersion(Store::Workspace& workspace, const QString& productKey,
                                                const QString& label, bool alibabaLimits) const;

    // "1 KB" = 1024 bytes, one decimal below 100 KB: "812 bytes", "12.3 KB", "1.5 MB".
    static QString formatSize(qint64 bytes);

private:
    QByteArray m_content;
};

} // namespace ConfigDeck::Diff
