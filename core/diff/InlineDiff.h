#pragma once

#include <QList>
#include <QStringView>

namespace ConfigDeck::Diff {

class DiffResult;
struct DiffHunk;

// A changed stretch of a line, in UTF-16 code units of the QString shown (QTextCharFormat ranges).
struct InlineRange
{
    qsizetype offset = 0;
    qsizetype length = 0;

    bool operator==(const InlineRange&) const = default;
};

struct InlineDiffResult
{
    QList<InlineRange> oldRanges; // what to highlight in the old line
    QList<InlineRange> newRanges; // and in the new line
};

// A deleted line shown against the inserted line that replaced it (1-based line numbers).
struct LinePair
{
    int oldLine = 0;
    int newLine = 0;

    bool operator==(const LinePair&) const = default;
};

// Intra-line highlighting for a changed pair of lines. The lines are split into words (runs of letters,
// digits and '_'), whitespace runs and single punctuation characters, and diffed with dtl at that
// granularity. A short replaced stretch ("timeout1" -> "timeout2") is refined to characters when
// that keeps most of it in common, so only the "1" and the "2" light up rather than the whole word.
class InlineDiff final
{
public:
    static InlineDiffResult compare(QStringView oldLine, QStringView newLine);

    // The tokens compare() diffs, views into text, covering it exactly.
    static QList<QStringView> tokenize(QStringView text);

    // Within each run of changes in the hunk, the i-th deleted line with the i-th inserted line, in order;
    // the lines left over on the longer side have no partner (shown as wholly deleted or inserted).
    static QList<LinePair> pairChangedLines(const DiffResult& diff, const DiffHunk& hunk);
    // The same over all hunks of the diff.
    static QList<LinePair> pairChangedLines(const DiffResult& diff);

    // A replaced stretch up to this many UTF-16 units on each side is considered for character refinement.
    static constexpr qsizetype kCharacterRefineLimit = 32;
};

} // namespace ConfigDeck::Diff
