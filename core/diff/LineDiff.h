#pragma once

#include "DiffResult.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace ConfigDeck::Diff {

struct LineDiffOptions
{
    int context = 3; // unchanged lines around each change in the hunks
    // Compare lines without their line ending ("\r\n", "\n", none) and trailing spaces and tabs,
    // like `diff --strip-trailing-cr -Z`. The unified diff then copies context lines from the old text,
    // so patching gives the new text up to those ignored differences.
    bool ignoreLineEndingsAndTrailingWhitespace = false;
};

// Line diff of two texts with dtl (Wu, Manber, Myers O(NP)). Each distinct line is first mapped to an
// integer; lines that occur once in each text and in the same order anchor the alignment (as in git's
// patience diff), and dtl diffs the int sequences between anchors after cutting their common head and
// tail. A 5 MB JSON file with a few hundred scattered edits diffs in about 50 ms of CPU, with the same
// hunks as GNU diff (tests/bench/diff). A stretch between anchors that needs over 40,000 line edits (two
// unrelated files) is shown as wholly replaced rather than aligned, which O(NP) would take seconds for.
class LineDiff final
{
public:
    static DiffResult compare(const QByteArray& oldText, const QByteArray& newText,
                              const LineDiffOptions& options = {});

    // The start offset of each line plus one past the end: "a\nb" -> {0, 2, 3}, "a\n" -> {0, 2}, "" -> {0}.
    static QList<qsizetype> lineStarts(QByteArrayView text);
};

} // namespace ConfigDeck::Diff
