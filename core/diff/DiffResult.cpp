#include "DiffResult.h"

#include <algorithm>

namespace ConfigDeck::Diff {

namespace {

// GNU diff's range notation: the count is left out when it is 1.
void appendRange(QByteArray& out, char sign, int start, int count)
{
    out += ' ';
    out += sign;
    out += QByteArray::number(start);
    if (count != 1) {
        out += ',';
        out += QByteArray::number(count);
    }
}

} // namespace

QByteArray DiffHunk::header() const
{
    QByteArray out("@@");
    appendRange(out, '-', oldStart, oldCount);
    appendRange(out, '+', newStart, newCount);
    out += " @@";
    return out;
}

DiffResult::DiffResult(QByteArray oldText, QList<qsizetype> oldStarts, QByteArray newText,
                       QList<qsizetype> newStarts, QList<DiffLine> lines, int context)
    : m_oldText(std::move(oldText))
    , m_newText(std::move(newText))
    , m_oldStarts(std::move(oldStarts))
    , m_newStarts(std::move(newStarts))
    , m_lines(std::move(lines))
    , m_context(std::max(0, context))
{
    for (const DiffLine& line : std::as_const(m_lines)) {
        if (line.op == LineOp::Insert)
            ++m_inserted;
        else if (line.op == LineOp::Delete)
            ++m_deleted;
    }
    m_hunks = hunks(m_context);
}

QList<DiffHunk> DiffResult::hunks(int context) const
{
    context = std::max(0, context);
    QList<DiffHunk> result;
    const qsizetype count = m_lines.size();
    const auto isChange = [this](qsizetype i) { return m_lines[i].op != LineOp::Equal; };

    qsizetype i = 0;
    qsizetype cursor = 0; // ops before the cursor have been counted into oldSeen / newSeen
    int oldSeen = 0;
    int newSeen = 0;
    while (i < count) {
        while (i < count && !isChange(i))
            ++i;
        if (i == count)
            break;
        // [i, changeEnd) is the first change of a new hunk; take in following changes as long as
        // the equal lines between them are at most 2 * context (GNU diff joins those hunks too).
        const qsizetype first = std::max<qsizetype>(i - context, cursor);
        qsizetype changeEnd = i;
        for (;;) {
            while (changeEnd < count && isChange(changeEnd))
                ++changeEnd;
            qsizetype next = changeEnd;
            while (next < count && !isChange(next))
                ++next;
            if (next < count && next - changeEnd <= 2 * qsizetype(context)) {
                changeEnd = next;
                continue;
            }
            break;
        }
        const qsizetype last = std::min(count, changeEnd + context);

        for (; cursor < first; ++cursor) {
            if (m_lines[cursor].op != LineOp::Insert)
                ++oldSeen;
            if (m_lines[cursor].op != LineOp::Delete)
                ++newSeen;
        }
        DiffHunk hunk;
        hunk.firstOp = first;
        hunk.opCount = last - first;
        for (; cursor < last; ++cursor) {
            if (m_lines[cursor].op != LineOp::Insert)
                ++hunk.oldCount;
            if (m_lines[cursor].op != LineOp::Delete)
                ++hunk.newCount;
        }
        hunk.oldStart = hunk.oldCount > 0 ? oldSeen + 1 : oldSeen;
        hunk.newStart = hunk.newCount > 0 ? newSeen + 1 : newSeen;
        oldSeen += hunk.oldCount;
        newSeen += hunk.newCount;
        result.append(hunk);
        i = last;
    }
    return result;
}

QByteArrayView DiffResult::lineOf(const QByteArray& text, const QList<qsizetype>& starts, int line)
{
    if (line < 1 || line >= starts.size())
        return {};
    const qsizetype begin = starts[line - 1];
    return QByteArrayView(text.constData() + begin, starts[line] - begin);
}

QString DiffResult::oldLineText(int line) const
{
    QByteArrayView bytes = oldLine(line);
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

QString DiffResult::newLineText(int line) const
{
    QByteArrayView bytes = newLine(line);
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

QByteArray DiffResult::toUnifiedDiff(const QString& oldName, const QString& newName, int context) const
{
    if (isIdentical())
        return {};
    const QList<DiffHunk> list = context < 0 || context == m_context ? m_hunks : hunks(context);
    QByteArray out;
    out.reserve(256 + (m_inserted + m_deleted) * 48);
    out += "--- " + oldName.toUtf8() + '\n';
    out += "+++ " + newName.toUtf8() + '\n';
    for (const DiffHunk& hunk : list) {
        out += hunk.header();
        out += '\n';
        for (qsizetype k = hunk.firstOp; k < hunk.firstOp + hunk.opCount; ++k) {
            const DiffLine& line = m_lines[k];
            QByteArrayView bytes;
            switch (line.op) {
            case LineOp::Equal:
                out += ' ';
                bytes = oldLine(line.oldLine);
                break;
            case LineOp::Delete:
                out += '-';
                bytes = oldLine(line.oldLine);
                break;
            case LineOp::Insert:
                out += '+';
                bytes = newLine(line.newLine);
                break;
            }
            out += bytes;
            if (!bytes.endsWith('\n'))
                out += "\n\\ No newline at end of file\n";
        }
    }
    return out;
}

} // namespace ConfigDeck::Diff
