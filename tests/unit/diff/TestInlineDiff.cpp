#include "diff/InlineDiff.h"
#include "diff/LineDiff.h"

#include <QTest>

#include <algorithm>

using namespace ConfigDeck::Diff;

namespace {

// Ranges as "offset:length" joined by spaces, for readable expectations.
QString rangeString(const QList<InlineRange>& ranges)
{
    QStringList parts;
    for (const InlineRange& range : ranges)
        parts.append(QStringLiteral("%1:%2").arg(range.offset).arg(range.length));
    return parts.join(u' ');
}

QStringList tokenStrings(QStringView text)
{
    QStringList out;
    for (const QStringView token : InlineDiff::tokenize(text))
        out.append(token.toString());
    return out;
}

} // namespace

class TestInlineDiff : public QObject
{
    Q_OBJECT

private slots:
    void tokenize_data();
    void tokenize();
    void ranges_data();
    void ranges();
    void rangesCoverOnlyChanges();
    void veryLongLine();
    void pairs_data();
    void pairs();
};

void TestInlineDiff::tokenize_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tokens");
    QTest::addRow("empty") << QString() << QStringList();
    QTest::addRow("json line") << QStringLiteral("  \"port\": 8080,")
                               << QStringList{QStringLiteral("  "),   QStringLiteral("\""),
                                              QStringLiteral("port"), QStringLiteral("\""),
                                              QStringLiteral(":"),    QStringLiteral(" "),
                                              QStringLiteral("8080"), QStringLiteral(",")};
    QTest::addRow("identifier") << QStringLiteral("max_retry-2")
                                << QStringList{QStringLiteral("max_retry"), QStringLiteral("-"),
                                               QStringLiteral("2")};
    QTest::addRow("cjk") << QStringLiteral("温度=25")
                         << QStringList{QStringLiteral("温度"), QStringLiteral("="), QStringLiteral("25")};
    QTest::addRow("emoji stays whole")
        << QStringLiteral("a😀😀b")
        << QStringList{QStringLiteral("a"), QStringLiteral("😀"), QStringLiteral("😀"), QStringLiteral("b")};
    QTest::addRow("accent") << QStringLiteral("cafe\u0301 x")
                            << QStringList{QStringLiteral("cafe\u0301"), QStringLiteral(" "),
                                           QStringLiteral("x")};
}

void TestInlineDiff::tokenize()
{
    QFETCH(QString, text);
    QFETCH(QStringList, tokens);
    QCOMPARE(tokenStrings(text), tokens);
    QCOMPARE(tokens.join(QString()), text);
}

void TestInlineDiff::ranges_data()
{
    QTest::addColumn<QString>("oldLine");
    QTest::addColumn<QString>("newLine");
    QTest::addColumn<QString>("oldRanges");
    QTest::addColumn<QString>("newRanges");

    QTest::addRow("identical") << QStringLiteral("a b") << QStringLiteral("a b") << QString() << QString();
    QTest::addRow("number, refined to a digit")
        << QStringLiteral("\"timeout\": 3000,") << QStringLiteral("\"timeout\": 5000,")
        << QStringLiteral("11:1") << QStringLiteral("11:1");
    QTest::addRow("word replaced whole")
        << QStringLiteral("\"on\": true,") << QStringLiteral("\"on\": false,") << QStringLiteral("6:4")
        << QStringLiteral("6:5");
    QTest::addRow("suffix digit") << QStringLiteral("host: node1.local")
                                  << QStringLiteral("host: node2.local") << QStringLiteral("10:1")
                                  << QStringLiteral("10:1");
    QTest::addRow("insertion only") << QStringLiteral("f(a)") << QStringLiteral("f(a, b)") << QString()
                                    << QStringLiteral("3:3");
    QTest::addRow("deletion only") << QStringLiteral("[1, 2, 3]") << QStringLiteral("[1, 3]")
                                   << QStringLiteral("4:3") << QString();
    QTest::addRow("from empty") << QString() << QStringLiteral("new") << QString() << QStringLiteral("0:3");
    QTest::addRow("to empty") << QStringLiteral("old") << QString() << QStringLiteral("0:3") << QString();
    QTest::addRow("two changes") << QStringLiteral("a=1 b=2 c=3") << QStringLiteral("a=9 b=2 c=8")
                                 << QStringLiteral("2:1 10:1") << QStringLiteral("2:1 10:1");
    QTest::addRow("cjk") << QStringLiteral("名称: 风扇") << QStringLiteral("名称: 风机")
                         << QStringLiteral("5:1") << QStringLiteral("5:1");
    QTest::addRow("emoji") << QStringLiteral("x 😀 y") << QStringLiteral("x 😁 y") << QStringLiteral("2:2")
                           << QStringLiteral("2:2");
    QTest::addRow("trailing cr") << QStringLiteral("abc\r") << QStringLiteral("abc") << QStringLiteral("3:1")
                                 << QString();
    QTest::addRow("indent") << QStringLiteral("  x") << QStringLiteral("    x") << QString()
                            << QStringLiteral("2:2");
    QTest::addRow("long words whole") << QStringLiteral("k: abcdefghijklmnopqrstuvwxyz0123456789")
                                      << QStringLiteral("k: abcdefghijklmnopqrstuvwxyz0123456780")
                                      << QStringLiteral("3:36") << QStringLiteral("3:36");
}

void TestInlineDiff::ranges()
{
    QFETCH(QString, oldLine);
    QFETCH(QString, newLine);
    QFETCH(QString, oldRanges);
    QFETCH(QString, newRanges);
    const InlineDiffResult result = InlineDiff::compare(oldLine, newLine);
    QCOMPARE(rangeString(result.oldRanges), oldRanges);
    QCOMPARE(rangeString(result.newRanges), newRanges);
}

// Removing the old ranges from the old line and the new ranges from the new line leaves the same text.
void TestInlineDiff::rangesCoverOnlyChanges()
{
    const QList<std::pair<QString, QString>> pairs{
        {QStringLiteral("    \"interval\": 30, \"mode\": \"eco\""),
         QStringLiteral("    \"interval\": 45, \"mode\": \"turbo\"")},
        {QStringLiteral("the quick brown fox"), QStringLiteral("the slow brown dog jumps")},
        {QStringLiteral("温度: 25 ℃"), QStringLiteral("温度: 26.5 ℃ 😀")},
    };
    const auto strip = [](QString text, const QList<InlineRange>& ranges) {
        for (qsizetype i = ranges.size() - 1; i >= 0; --i)
            text.remove(ranges[i].offset, ranges[i].length);
        return text;
    };
    for (const auto& [oldLine, newLine] : pairs) {
        const InlineDiffResult result = InlineDiff::compare(oldLine, newLine);
        QVERIFY(!result.oldRanges.isEmpty() || !result.newRanges.isEmpty());
        QCOMPARE(strip(oldLine, result.oldRanges), strip(newLine, result.newRanges));
    }
}

// A minified document is one long line: the common head and tail are cut before any diff, and a middle
// too long to diff is one changed stretch.
void TestInlineDiff::veryLongLine()
{
    QString oldLine;
    for (int i = 0; i < 50000; ++i)
        oldLine += QStringLiteral("{\"id\":%1,\"on\":true},").arg(i);
    QString newLine = oldLine;
    newLine.replace(QStringLiteral("{\"id\":25000,\"on\":true}"),
                    QStringLiteral("{\"id\":25000,\"on\":false}"));
    const QString before = QStringLiteral("{\"id\":25000,\"on\":");
    const qsizetype at = oldLine.indexOf(before) + before.size();
    const InlineDiffResult one = InlineDiff::compare(oldLine, newLine);
    QCOMPARE(rangeString(one.oldRanges), QStringLiteral("%1:4").arg(at));
    QCOMPARE(rangeString(one.newRanges), QStringLiteral("%1:5").arg(at));

    QString rewritten = oldLine;
    std::reverse(rewritten.begin(), rewritten.end());
    const InlineDiffResult all = InlineDiff::compare(oldLine, rewritten);
    QCOMPARE(all.oldRanges.size(), 1);
    QCOMPARE(all.newRanges.size(), 1);
    QVERIFY(all.oldRanges.first().length > 0);
}

void TestInlineDiff::pairs_data()
{
    QTest::addColumn<QByteArray>("oldText");
    QTest::addColumn<QByteArray>("newText");
    QTest::addColumn<QString>("pairs");

    QTest::addRow("one for one") << QByteArray("a\nb\nc\n") << QByteArray("a\nB\nc\n")
                                 << QStringLiteral("2-2");
    QTest::addRow("two for two, in order")
        << QByteArray("a\nb\nc\nd\n") << QByteArray("a\nB\nC\nd\n") << QStringLiteral("2-2 3-3");
    QTest::addRow("more inserted") << QByteArray("a\nb\nz\n") << QByteArray("a\nB\nB2\nB3\nz\n")
                                   << QStringLiteral("2-2");
    QTest::addRow("pure insert") << QByteArray("a\nz\n") << QByteArray("a\nb\nz\n") << QString();
    QTest::addRow("separate runs") << QByteArray("a\n1\n2\nb\n") << QByteArray("A\n1\n2\nB\n")
                                   << QStringLiteral("1-1 4-4");
}

void TestInlineDiff::pairs()
{
    QFETCH(QByteArray, oldText);
    QFETCH(QByteArray, newText);
    QFETCH(QString, pairs);
    const DiffResult diff = LineDiff::compare(oldText, newText);
    QStringList parts;
    for (const LinePair& pair : InlineDiff::pairChangedLines(diff))
        parts.append(QStringLiteral("%1-%2").arg(pair.oldLine).arg(pair.newLine));
    QCOMPARE(parts.join(u' '), pairs);
}

QTEST_GUILESS_MAIN(TestInlineDiff)
#include "TestInlineDiff.moc"
