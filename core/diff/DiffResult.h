#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace ConfigDeck::Diff {

enum class LineOp : quint8
{
    Equal,
    Delete, // only in the old version
    Insert, // only in the new version
};

// One line of the edit script. Line numbers are 1-based; 0 on the side the line is not in.
struct DiffLine
{
    LineOp op = LineOp::Equal;
    int oldLine = 0;
    int newLine = 0;

    bool operator==(const DiffLine&) const = default;
};

// A unified-diff hunk: "@@ -oldStart,oldCount +newStart,newCount @@". As in GNU diff, a side with no
// lines names the line before the hunk (0 at the start of the file). The hunk's lines are
// DiffResult::lines()[firstOp, firstOp + opCount).
struct DiffHunk
{
    int oldStart = 0;
    int oldCount = 0;
    int newStart = 0;
    int newCount = 0;
    qsizetype firstOp = 0;
    qsizetype opCount = 0;

    QByteArray header() const;
    bool operator==(const DiffHunk&) const = default;
};

// The line diff of two texts: the full edit script (every line of both, in order, deletions before
// insertions inside a change) and the hunks at the chosen context. A value type; it keeps both texts
// (implicitly shared) so that lines can be shown and the unified diff written without the inputs.
// Lines are split on '\n' only: a '\r' stays part of its line, so CRLF against LF is a change.
class DiffResult
{
public:
    DiffResult() = default;
    DiffResult(QByteArray oldText, QList<qsizetype> oldStarts, QByteArray newText, QList<qsizetype> newStarts,
               QList<DiffLine> lines, int context);

    const QList<DiffLine>& lines() const { return m_lines; }
    // Hunks at the context the diff was made with (LineDiffOptions::context).
    const QList<DiffHunk>& hunks() const { return m_hunks; }
    int context() const { return m_context; }
    // Hunks at another context (0 allowed), e.g. for a view with a context slider.
    QList<DiffHunk> hunks(int context) const;

    bool isIdentical() const { return m_inserted == 0 && m_deleted == 0; }
    int insertedCount() const { return m_inserted; }
    int deletedCount() const { return m_deleted; }
    int oldLineCount() const { return int(m_oldStarts.size()) - 1; }
    int newLineCount() const { return int(m_newStarts.size()) - 1; }

    // The raw bytes of a 1-based line, with its '\n' when it has one (and any '\r' before it).
    QByteArrayView oldLine(int line) const { return lineOf(m_oldText, m_oldStarts, line); }
    QByteArrayView newLine(int line) const { return lineOf(m_newText, m_newStarts, line); }
    // A line for display: UTF-8 decoded, without its '\n' ('\r' kept, the view decides how to show it).
    QString oldLineText(int line) const;
    QString newLineText(int line) const;

    const QByteArray& oldText() const { return m_oldText; }
    const QByteArray& newText() const { return m_newText; }

    // The standard unified diff (as `diff -u`, without timestamps), that GNU patch applies to the old
    // text to give the new one byte for byte: lines are copied raw (CRLF kept) and a last line without
    // a newline gets "\ No newline at end of file". Empty when the texts are identical.
    // Context lines are written as they are in the old text. A negative context: the diff's own.
    QByteArray toUnifiedDiff(const QString& oldName, const QString& newName, int context = -1) const;

private:
    static QByteArrayView lineOf(const QByteArray& text, const QList<qsizetype>& starts, int line);

    QByteArray m_oldText;
    QByteArray m_newText;
    QList<qsizetype> m_oldStarts; // start offset of each line, plus one past the end
    QList<qsizetype> m_newStarts;
    QList<DiffLine> m_lines;
    QList<DiffHunk> m_hunks;
    int m_context = 3;
    int m_inserted = 0;
    int m_deleted = 0;
};

} // namespace ConfigDeck::Diff
