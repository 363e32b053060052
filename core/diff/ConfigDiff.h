#pragma once

#include "DiffInput.h"
#include "DiffResult.h"
#include "JsonDiff.h"
#include "LineDiff.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace ConfigDeck::Diff {

struct ConfigDiffOptions
{
    LineDiffOptions line;
    JsonDiffOptions json;
    bool structural = true; // a JSON structural diff when both versions are JSON
};

// Everything a diff view needs for two versions of a configuration file.
struct ConfigDiffResult
{
    ContentKind oldKind = ContentKind::Text;
    ContentKind newKind = ContentKind::Text;

    // Set when either version is not text; then there is no line or structural diff.
    std::optional<BinaryComparison> binary;
    // The line diff (when both are text).
    DiffResult lines;
    // The structural diff, when both versions parse as JSON.
    std::optional<JsonDiffResult> structural;
    // Why there is no structural diff although the versions look like JSON (a parse error with its
    // line and column), empty otherwise.
    QString structuralNote;

    bool isBinary() const { return binary.has_value(); }
    bool isIdentical() const { return binary ? binary->identical : lines.isIdentical(); }
};

class ConfigDiff final
{
    Q_DECLARE_TR_FUNCTIONS(ConfigDiff)

public:
    static ConfigDiffResult compare(const QByteArray& oldBytes, const QByteArray& newBytes,
                                    const ConfigDiffOptions& options = {});

    // Does the text look like a JSON document (its first non-blank character opens an object or array)?
    static bool looksLikeJson(QByteArrayView text);
};

} // namespace ConfigDeck::Diff
