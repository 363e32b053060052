#include "ConfigDiff.h"

#include "DiffLog.h"

namespace ConfigDeck::Diff {

bool ConfigDiff::looksLikeJson(QByteArrayView text)
{
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3);
    const QByteArrayView trimmed = text.trimmed();
    return trimmed.startsWith('{') || trimmed.startsWith('[');
}

ConfigDiffResult ConfigDiff::compare(const QByteArray& oldBytes, const QByteArray& newBytes,
                                     const ConfigDiffOptions& options)
{
    ConfigDiffResult result;
    result.oldKind = DiffInput::classify(oldBytes);
    result.newKind = DiffInput::classify(newBytes);
    if (result.oldKind == ContentKind::Binary || result.newKind == ContentKind::Binary) {
        result.binary = DiffInput::compareBinary(oldBytes, newBytes);
        qCDebug(lcDiff) << "binary comparison:" << result.binary->note;
        return result;
    }

    result.lines = LineDiff::compare(oldBytes, newBytes, options.line);

    if (!options.structural)
        return result;
    const bool oldJson = looksLikeJson(oldBytes);
    const bool newJson = looksLikeJson(newBytes);
    if (!oldJson && !newJson)
        return result;
    if (oldJson != newJson) {
        result.structuralNote = oldJson ? tr("No structural diff: the new version is not a JSON document.")
                                        : tr("No structural diff: the old version is not a JSON document.");
        return result;
    }
    auto structural = JsonDiff::compare(oldBytes, newBytes, options.json);
    if (structural)
        result.structural = std::move(structural).value();
    else
        result.structuralNote = tr("No structural diff: %1").arg(structural.error().message());
    return result;
}

} // namespace ConfigDeck::Diff
