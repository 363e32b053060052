#include "InlineDiff.h"

#include "DiffResult.h"

#include <dtl/dtl.hpp>
#include <span>
#include <vector>

namespace ConfigDeck::Diff {

namespace {

enum class TokenClass
{
    Word,
    Space,
    Other
};

TokenClass classOf(char32_t codePoint)
{
    if (codePoint == U'_' || QChar::isLetterOrNumber(codePoint) || QChar::isMark(codePoint))
        return TokenClass::Word;
    if (QChar::isSpace(codePoint))
        return TokenClass::Space;
    return TokenClass::Other;
}

// Length in UTF-16 units of the code point at i (a surrogate pair stays whole).
qsizetype codePointLength(QStringView text, qsizetype i)
{
    if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
        return 2;
    return 1;
}

char32_t codePointAt(QStringView text, qsizetype i)
{
    if (codePointLength(text, i) == 2)
        return QChar::surrogateToUcs4(text[i], text[i + 1]);
    return text[i].unicode();
}

std::vector<QStringView> codePoints(QStringView text)
{
    std::vector<QStringView> out;
    out.reserve(size_t(text.size()));
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype length = codePointLength(text, i);
        out.push_back(text.sliced(i, length));
        i += length;
    }
    return out;
}

void appendRange(QList<InlineRange>& ranges, qsizetype offset, qsizetype length)
{
    if (length <= 0)
        return;
    if (!ranges.isEmpty() && ranges.last().offset + ranges.last().length == offset)
        ranges.last().length += length;
    else
        ranges.append({offset, length});
}

// Tokens left after the common head and tail beyond which a line pair is not diffed inside but shown
// as one changed stretch (a minified JSON file is one very long line).
constexpr size_t kMaxMiddleTokens = 20000;

// Diffs two token sequences and reports each changed stretch: onChange(oldOffset, oldLength, newOffset,
// newLength) with offsets relative to the start of the sequences. Returns the length kept in common.
template <typename OnChange>
qsizetype diffTokens(std::span<const QStringView> a, std::span<const QStringView> b, OnChange onChange)
{
    size_t head = 0;
    qsizetype headLength = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        headLength += a[head++].size();
    size_t tail = 0;
    qsizetype tailLength = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
        tailLength += a[a.size() - 1 - tail].size();
        ++tail;
    }
    qsizetype common = headLength + tailLength;
    a = a.subspan(head, a.size() - head - tail);
    b = b.subspan(head, b.size() - head - tail);

    qsizetype oldOffset = headLength;
    qsizetype newOffset = headLength;
    qsizetype blockOld = 0;
    qsizetype blockNew = 0;
    qsizetype oldLength = 0;
    qsizetype newLength = 0;
    const auto flush = [&] {
        if (oldLength > 0 || newLength > 0)
            onChange(blockOld, oldLength, blockNew, newLength);
        oldLength = newLength = 0;
    };
    const auto startBlockIfNeeded = [&] {
        if (oldLength == 0 && newLength == 0) {
            blockOld = oldOffset;
            blockNew = newOffset;
        }
    };
    if (a.empty() || b.empty() || a.size() + b.size() > kMaxMiddleTokens) {
        startBlockIfNeeded();
        for (const QStringView token : a)
            oldLength += token.size();
        for (const QStringView token : b)
            newLength += token.size();
        flush();
        return common;
    }
    dtl::Diff<QStringView, std::vector<QStringView>> diff(std::vector<QStringView>(a.begin(), a.end()),
                                                          std::vector<QStringView>(b.begin(), b.end()));
    diff.compose();
    for (const auto& [token, info] : diff.getSes().getSequence()) {
        switch (info.type) {
        case dtl::SES_COMMON:
            flush();
            oldOffset += token.size();
            newOffset += token.size();
            common += token.size();
            break;
        case dtl::SES_DELETE:
            startBlockIfNeeded();
            oldLength += token.size();
            oldOffset += token.size();
            break;
        case dtl::SES_ADD:
            startBlockIfNeeded();
            newLength += token.size();
            newOffset += token.size();
            break;
        }
    }
    flush();
    return common;
}

} // namespace

QList<QStringView> InlineDiff::tokenize(QStringView text)
{
    QList<QStringView> tokens;
    qsizetype i = 0;
    while (i < text.size()) {
        const TokenClass kind = classOf(codePointAt(text, i));
        qsizetype end = i + codePointLength(text, i);
        if (kind != TokenClass::Other) {
            while (end < text.size() && classOf(codePointAt(text, end)) == kind)
                end += codePointLength(text, end);
        }
        tokens.append(text.sliced(i, end - i));
        i = end;
    }
    return tokens;
}

InlineDiffResult InlineDiff::compare(QStringView oldLine, QStringView newLine)
{
    InlineDiffResult result;
    if (oldLine == newLine)
        return result;
    diffTokens(tokenize(oldLine), tokenize(newLine),
               [&](qsizetype oldOffset, qsizetype oldLength, qsizetype newOffset, qsizetype newLength) {
                   const bool refine = oldLength > 0 && newLength > 0 && oldLength <= kCharacterRefineLimit &&
                                       newLength <= kCharacterRefineLimit;
                   if (refine) {
                       QList<InlineRange> oldChars;
                       QList<InlineRange> newChars;
                       const qsizetype common =
                           diffTokens(codePoints(oldLine.sliced(oldOffset, oldLength)),
                                      codePoints(newLine.sliced(newOffset, newLength)),
                                      [&](qsizetype o, qsizetype ol, qsizetype n, qsizetype nl) {
                                          appendRange(oldChars, oldOffset + o, ol);
                                          appendRange(newChars, newOffset + n, nl);
                                      });
                       // Characters only when most of the stretch stays; otherwise the highlight
                       // would be confetti ("true" -> "false" keeps one 'e').
                       if (common * 2 >= std::min(oldLength, newLength)) {
                           for (const InlineRange& range : std::as_const(oldChars))
                               appendRange(result.oldRanges, range.offset, range.length);
                           for (const InlineRange& range : std::as_const(newChars))
                               appendRange(result.newRanges, range.offset, range.length);
                           return;
                       }
                   }
                   appendRange(result.oldRanges, oldOffset, oldLength);
                   appendRange(result.newRanges, newOffset, newLength);
               });
    return result;
}

QList<LinePair> InlineDiff::pairChangedLines(const DiffResult& diff, const DiffHunk& hunk)
{
    QList<LinePair> pairs;
    const QList<DiffLine>& lines = diff.lines();
    const qsizetype end = std::min(lines.size(), hunk.firstOp + hunk.opCount);
    qsizetype i = std::max<qsizetype>(0, hunk.firstOp);
    while (i < end) {
        if (lines[i].op == LineOp::Equal) {
            ++i;
            continue;
        }
        QList<int> deleted;
        QList<int> inserted;
        for (; i < end && lines[i].op != LineOp::Equal; ++i) {
            if (lines[i].op == LineOp::Delete)
                deleted.append(lines[i].oldLine);
            else
                inserted.append(lines[i].newLine);
        }
        const qsizetype paired = std::min(deleted.size(), inserted.size());
        for (qsizetype k = 0; k < paired; ++k)
            pairs.append({deleted[k], inserted[k]});
    }
    return pairs;
}

QList<LinePair> InlineDiff::pairChangedLines(const DiffResult& diff)
{
    QList<LinePair> pairs;
    for (const DiffHunk& hunk : diff.hunks())
        pairs.append(pairChangedLines(diff, hunk));
    return pairs;
}

} // namespace ConfigDeck::Diff
