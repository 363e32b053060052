#include "LineDiff.h"

#include "DiffLog.h"

#include <QElapsedTimer>
#include <QHash>

#include <algorithm>
#include <dtl/dtl.hpp>
#include <span>
#include <vector>

namespace ConfigDeck::Diff {

namespace {

QByteArrayView comparedPart(QByteArrayView line, bool ignoreEndings)
{
    if (!ignoreEndings)
        return line;
    qsizetype size = line.size();
    while (size > 0) {
        const char c = line[size - 1];
        if (c != '\n' && c != '\r' && c != ' ' && c != '\t')
            break;
        --size;
    }
    return line.first(size);
}

// The lines of both texts as integer ids: equal lines, equal ids. Returns the number of distinct ids.
int internLines(QByteArrayView oldText, const QList<qsizetype>& oldStarts, QByteArrayView newText,
                const QList<qsizetype>& newStarts, bool ignoreEndings, std::vector<int>& oldIds,
                std::vector<int>& newIds)
{
    QHash<QByteArrayView, int> ids;
    ids.reserve(oldStarts.size() + newStarts.size());
    const auto intern = [&](QByteArrayView text, const QList<qsizetype>& starts, std::vector<int>& out) {
        const qsizetype lines = starts.size() - 1;
        out.resize(size_t(lines));
        for (qsizetype i = 0; i < lines; ++i) {
            const QByteArrayView line = text.sliced(starts[i], starts[i + 1] - starts[i]);
            const QByteArrayView key = comparedPart(line, ignoreEndings);
            auto it = ids.constFind(key);
            if (it == ids.constEnd())
                it = ids.insert(key, int(ids.size()));
            out[size_t(i)] = it.value();
        }
    };
    intern(oldText, oldStarts, oldIds);
    intern(newText, newStarts, newIds);
    return int(ids.size());
}

// Appends DiffLines, numbering the lines of each side as it goes.
class ScriptWriter
{
public:
    explicit ScriptWriter(QList<DiffLine>& out)
        : m_out(out)
    {
    }

    void equal(size_t count)
    {
        for (size_t i = 0; i < count; ++i)
            m_out.append({LineOp::Equal, ++m_oldLine, ++m_newLine});
    }
    void deleted(size_t count)
    {
        for (size_t i = 0; i < count; ++i)
            m_out.append({LineOp::Delete, ++m_oldLine, 0});
    }
    void inserted(size_t count)
    {
        for (size_t i = 0; i < count; ++i)
            m_out.append({LineOp::Insert, 0, ++m_newLine});
    }

private:
    QList<DiffLine>& m_out;
    int m_oldLine = 0;
    int m_newLine = 0;
};

using IdSpan = std::span<const int>;

// How many lines the two stretches could have in common at most (the size of their multiset intersection).
size_t commonLineBound(IdSpan a, IdSpan b)
{
    std::vector<int> sortedA(a.begin(), a.end());
    std::vector<int> sortedB(b.begin(), b.end());
    std::sort(sortedA.begin(), sortedA.end());
    std::sort(sortedB.begin(), sortedB.end());
    size_t common = 0;
    for (auto ia = sortedA.cbegin(), ib = sortedB.cbegin(); ia != sortedA.cend() && ib != sortedB.cend();) {
        if (*ia < *ib) {
            ++ia;
        } else if (*ib < *ia) {
            ++ib;
        } else {
            ++common;
            ++ia;
            ++ib;
        }
    }
    return common;
}

// A stretch that needs at least this many line edits is shown as replaced as a whole: O(NP) would take
// seconds to align it line by line, and what it would align is rewritten text anyway (GNU diff has a
// like heuristic). Stretches are what is left between anchors, so this only meets rewrites.
constexpr size_t kMaxAlignedEdits = 40000;

// One stretch between anchors: common head and tail cut, dtl for the rest.
void diffStretch(IdSpan a, IdSpan b, ScriptWriter& writer)
{
    size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    writer.equal(head);
    a = a.subspan(head, a.size() - head - tail);
    b = b.subspan(head, b.size() - head - tail);

    // Nothing in common (an insertion, a deletion, a rewrite): the answer is known, and a rewrite is
    // where O(NP) is slowest.
    bool replaced = a.empty() || b.empty();
    if (!replaced && a.size() * b.size() > 4096) {
        const size_t common = commonLineBound(a, b);
        replaced = common == 0 || a.size() + b.size() - 2 * common > kMaxAlignedEdits;
        if (replaced && common > 0)
            qCDebug(lcDiff) << "stretch of" << a.size() << "and" << b.size() << "lines needs over"
                            << kMaxAlignedEdits << "edits: shown as replaced";
    }
    if (replaced) {
        writer.deleted(a.size());
        writer.inserted(b.size());
    } else {
        const std::vector<int> oldIds(a.begin(), a.end());
        const std::vector<int> newIds(b.begin(), b.end());
        dtl::Diff<int, std::vector<int>> diff(oldIds, newIds);
        diff.compose();
        for (const auto& [id, info] : diff.getSes().getSequence()) {
            Q_UNUSED(id);
            switch (info.type) {
            case dtl::SES_COMMON:
                writer.equal(1);
                break;
            case dtl::SES_DELETE:
                writer.deleted(1);
                break;
            case dtl::SES_ADD:
                writer.inserted(1);
                break;
            }
        }
    }
    writer.equal(tail);
}

// Anchors: lines that occur exactly once in each text, kept where their order agrees in both (the longest
// increasing run of their new positions, by patience sorting). As in git's patience diff, they split one
// long O(NP) problem over a repetitive file (every JSON record has the same "}," lines) into many short
// ones between them; for the scattered edits of a configuration the result is the same script.
std::vector<std::pair<size_t, size_t>> uniqueAnchors(IdSpan a, IdSpan b, int idCount)
{
    std::vector<int> oldCount(size_t(idCount), 0);
    std::vector<int> newCount(size_t(idCount), 0);
    std::vector<size_t> newPosition(size_t(idCount), 0);
    for (int id : a)
        ++oldCount[size_t(id)];
    for (size_t j = 0; j < b.size(); ++j) {
        ++newCount[size_t(b[j])];
        newPosition[size_t(b[j])] = j;
    }
    std::vector<std::pair<size_t, size_t>> candidates;
    for (size_t i = 0; i < a.size(); ++i) {
        const auto id = size_t(a[i]);
        if (oldCount[id] == 1 && newCount[id] == 1)
            candidates.emplace_back(i, newPosition[id]);
    }

    // Longest increasing subsequence of the new positions.
    std::vector<size_t> tails;                              // candidate index ending each run length
    std::vector<qsizetype> previous(candidates.size(), -1); // back links
    for (size_t c = 0; c < candidates.size(); ++c) {
        const size_t position = candidates[c].second;
        const auto slot = std::lower_bound(tails.begin(), tails.end(), position, [&](size_t t, size_t value) {
            return candidates[t].second < value;
        });
        if (slot != tails.begin())
            previous[c] = qsizetype(*(slot - 1));
        if (slot == tails.end())
            tails.push_back(c);
        else
            *slot = c;
    }
    std::vector<std::pair<size_t, size_t>> anchors(tails.size());
    qsizetype c = tails.empty() ? -1 : qsizetype(tails.back());
    for (size_t k = anchors.size(); k-- > 0; c = previous[size_t(c)])
        anchors[k] = candidates[size_t(c)];
    return anchors;
}

void diffLines(IdSpan a, IdSpan b, int idCount, ScriptWriter& writer)
{
    size_t oldDone = 0;
    size_t newDone = 0;
    for (const auto& [i, j] : uniqueAnchors(a, b, idCount)) {
        diffStretch(a.subspan(oldDone, i - oldDone), b.subspan(newDone, j - newDone), writer);
        writer.equal(1);
        oldDone = i + 1;
        newDone = j + 1;
    }
    diffStretch(a.subspan(oldDone), b.subspan(newDone), writer);
}

// Inside each run of changes, deletions first, then insertions, each in order: what unified diffs
// show and what InlineDiff pairs up.
void deletionsFirst(QList<DiffLine>& lines)
{
    qsizetype i = 0;
    const qsizetype count = lines.size();
    while (i < count) {
        if (lines[i].op == LineOp::Equal) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < count && lines[end].op != LineOp::Equal)
            ++end;
        std::stable_partition(lines.begin() + i, lines.begin() + end,
                              [](const DiffLine& line) { return line.op == LineOp::Delete; });
        i = end;
    }
}

} // namespace

QList<qsizetype> LineDiff::lineStarts(QByteArrayView text)
{
    QList<qsizetype> starts;
    starts.reserve(text.size() / 24 + 2);
    starts.append(0);
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    for (const char* p = begin; p < end;) {
        const void* nl = memchr(p, '\n', size_t(end - p));
        if (!nl) {
            starts.append(text.size()); // a last line without a newline
            break;
        }
        p = static_cast<const char*>(nl) + 1;
        starts.append(p - begin);
    }
    return starts;
}

DiffResult LineDiff::compare(const QByteArray& oldText, const QByteArray& newText,
                             const LineDiffOptions& options)
{
    QElapsedTimer timer;
    timer.start();
    QList<qsizetype> oldStarts = lineStarts(oldText);
    QList<qsizetype> newStarts = lineStarts(newText);
    std::vector<int> oldIds;
    std::vector<int> newIds;
    const int idCount = internLines(oldText, oldStarts, newText, newStarts,
                                    options.ignoreLineEndingsAndTrailingWhitespace, oldIds, newIds);

    QList<DiffLine> lines;
    lines.reserve(qsizetype(std::max(oldIds.size(), newIds.size())) + 16);
    ScriptWriter writer(lines);
    diffLines(oldIds, newIds, idCount, writer);
    deletionsFirst(lines);

    qCDebug(lcDiff) << "line diff of" << oldIds.size() << "and" << newIds.size() << "lines in"
                    << timer.elapsed() << "ms";
    return DiffResult(oldText, std::move(oldStarts), newText, std::move(newStarts), std::move(lines),
                      options.context);
}

} // namespace ConfigDeck::Diff
