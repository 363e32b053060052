#include "diff/InlineDiff.h"
#include "diff/LineDiff.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck::Diff;

namespace {

// Ops as a compact string: "=" equal, "-" delete, "+" insert.
QByteArray opString(const DiffResult& diff)
{
    QByteArray out;
    for (const DiffLine& line : diff.lines())
        out += line.op == LineOp::Equal ? '=' : line.op == LineOp::Delete ? '-' : '+';
    return out;
}

QByteArray hunkHeaders(const QList<DiffHunk>& hunks)
{
    QByteArrayList headers;
    for (const DiffHunk& hunk : hunks)
        headers.append(hunk.header());
    return headers.join(' ');
}

// A pretty-printed JSON configuration of about `lines` lines.
QByteArray generatedJson(int lines, quint32 seed)
{
    QRandomGenerator random(seed);
    QJsonArray devices;
    int approxLines = 4;
    for (int i = 0; approxLines < lines; ++i) {
        QJsonObject device{{QStringLiteral("id"), QStringLiteral("dev-%1").arg(i)},
                           {QStringLiteral("port"), int(random.bounded(1024, 65535))},
                           {QStringLiteral("enabled"), random.bounded(2) == 1},
                           {QStringLiteral("threshold"), random.bounded(1000) / 10.0},
                           {QStringLiteral("tags"),
                            QJsonArray{QStringLiteral("a%1").arg(random.bounded(9)), QStringLiteral("b")}}};
        devices.append(device);
        approxLines += 10;
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("devices"), devices}}).toJson(QJsonDocument::Indented);
}

// Deletes, inserts and edits lines at random places.
QByteArray mutated(const QByteArray& text, int edits, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArrayList lines = text.split('\n');
    for (int i = 0; i < edits; ++i) {
        const qsizetype at = random.bounded(qsizetype(lines.size()));
        switch (random.bounded(3)) {
        case 0:
            lines.removeAt(at);
            break;
        case 1:
            lines.insert(at, "        \"added\": " + QByteArray::number(random.bounded(100000)) + ',');
            break;
        default:
            lines[at] = lines[at] + " /* edited */";
            break;
        }
    }
    return lines.join('\n');
}

} // namespace

class TestLineDiff : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void lineStarts_data();
    void lineStarts();
    void knownCases_data();
    void knownCases();
    void unifiedText_data();
    void unifiedText();
    void contextAndHunks();
    void ignoreLineEndings();
    void lineAccessors();
    void patchReproducesNewFile_data();
    void patchReproducesNewFile();
    void sameHunksAsGnuDiff_data();
    void sameHunksAsGnuDiff();
    void largeRewriteIsReplaced();

private:
    // Runs GNU patch on a copy of oldText with the unified diff; the patched bytes go to result.
    void applyPatch(const QByteArray& oldText, const QByteArray& unified, QByteArray& result);

    QString m_patch;
    QString m_diff;
};

void TestLineDiff::initTestCase()
{
    m_patch = QStandardPaths::findExecutable(QStringLiteral("patch"));
    QVERIFY2(!m_patch.isEmpty(), "GNU patch is needed (Debian package patch)");
    m_diff = QStandardPaths::findExecutable(QStringLiteral("diff"));
    QVERIFY2(!m_diff.isEmpty(), "GNU diff is needed (Debian package diffutils)");
}

void TestLineDiff::lineStarts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<qsizetype>>("starts");
    QTest::addRow("empty") << QByteArray() << QList<qsizetype>{0};
    QTest::addRow("one line") << QByteArray("a\n") << QList<qsizetype>{0, 2};
    QTest::addRow("no final newline") << QByteArray("a\nb") << QList<qsizetype>{0, 2, 3};
    QTest::addRow("crlf") << QByteArray("a\r\nb\r\n") << QList<qsizetype>{0, 3, 6};
    QTest::addRow("blank lines") << QByteArray("\n\n") << QList<qsizetype>{0, 1, 2};
}

void TestLineDiff::lineStarts()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<qsizetype>, starts);
    QCOMPARE(LineDiff::lineStarts(text), starts);
}

void TestLineDiff::knownCases_data()
{
    QTest::addColumn<QByteArray>("oldText");
    QTest::addColumn<QByteArray>("newText");
    QTest::addColumn<QByteArray>("ops");
    QTest::addColumn<QByteArray>("hunks");

    QTest::addRow("both empty") << QByteArray() << QByteArray() << QByteArray() << QByteArray();
    QTest::addRow("identical") << QByteArray("a\nb\n") << QByteArray("a\nb\n") << QByteArray("==")
                               << QByteArray();
    QTest::addRow("from empty") << QByteArray() << QByteArray("a\nb\n") << QByteArray("++")
                                << QByteArray("@@ -0,0 +1,2 @@");
    QTest::addRow("to empty") << QByteArray("a\nb\n") << QByteArray() << QByteArray("--")
                              << QByteArray("@@ -1,2 +0,0 @@");
    QTest::addRow("all changed") << QByteArray("a\nb\nc\n") << QByteArray("x\ny\n") << QByteArray("---++")
                                 << QByteArray("@@ -1,3 +1,2 @@");
    QTest::addRow("crlf vs lf") << QByteArray("a\r\nb\r\n") << QByteArray("a\nb\n") << QByteArray("--++")
                                << QByteArray("@@ -1,2 +1,2 @@");
    QTest::addRow("old lacks final newline")
        << QByteArray("a\nb") << QByteArray("a\nb\n") << QByteArray("=-+") << QByteArray("@@ -1,2 +1,2 @@");
    QTest::addRow("new lacks final newline")
        << QByteArray("a\nb\n") << QByteArray("a\nb") << QByteArray("=-+") << QByteArray("@@ -1,2 +1,2 @@");
    QTest::addRow("unicode") << QByteArray("名称: 风扇\n温度: 25\n") << QByteArray("名称: 风机\n温度: 25\n")
                             << QByteArray("-+=") << QByteArray("@@ -1,2 +1,2 @@");
    QTest::addRow("insert in middle")
        << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n") << QByteArray("1\n2\n3\n4\nX\n5\n6\n7\n8\n9\n")
        << QByteArray("====+=====") << QByteArray("@@ -2,6 +2,7 @@");
    QTest::addRow("change one line") << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n")
                                     << QByteArray("1\n2\n3\n4\nX\n6\n7\n8\n9\n") << QByteArray("====-+====")
                                     << QByteArray("@@ -2,7 +2,7 @@");
    // Two changes 7 equal lines apart (> 2 * 3): two hunks; 6 apart: one.
    QTest::addRow("two hunks") << QByteArray("a\n1\n2\n3\n4\n5\n6\n7\nb\n")
                               << QByteArray("A\n1\n2\n3\n4\n5\n6\n7\nB\n") << QByteArray("-+=======-+")
                               << QByteArray("@@ -1,4 +1,4 @@ @@ -6,4 +6,4 @@");
    QTest::addRow("joined hunk") << QByteArray("a\n1\n2\n3\n4\n5\n6\nb\n")
                                 << QByteArray("A\n1\n2\n3\n4\n5\n6\nB\n") << QByteArray("-+======-+")
                                 << QByteArray("@@ -1,8 +1,8 @@");
    QTest::addRow("single line each")
        << QByteArray("x\n") << QByteArray("y\n") << QByteArray("-+") << QByteArray("@@ -1 +1 @@");
    QTest::addRow("duplicate lines") << QByteArray("}\n}\n}\n") << QByteArray("}\n}\n") << QByteArray("==-")
                                     << QByteArray("@@ -1,3 +1,2 @@");
    // The unique lines b, c, d anchor the alignment; a moved to the end is a delete and an insert.
    QTest::addRow("moved line") << QByteArray("a\nb\nc\nd\n") << QByteArray("b\nc\nd\na\n")
                                << QByteArray("-===+") << QByteArray("@@ -1,4 +1,4 @@");
    QTest::addRow("swapped halves") << QByteArray("a\nb\nc\nd\n") << QByteArray("c\nd\na\nb\n")
                                    << QByteArray("--==++") << QByteArray("@@ -1,4 +1,4 @@");
    QTest::addRow("repeated records")
        << QByteArray("{\n}\n{\n}\n{\n}\n") << QByteArray("{\n}\n{\nx\n}\n{\n}\n") << QByteArray("===+===")
        << QByteArray("@@ -1,6 +1,7 @@");
}

void TestLineDiff::knownCases()
{
    QFETCH(QByteArray, oldText);
    QFETCH(QByteArray, newText);
    QFETCH(QByteArray, ops);
    QFETCH(QByteArray, hunks);

    const DiffResult diff = LineDiff::compare(oldText, newText);
    QCOMPARE(opString(diff), ops);
    QCOMPARE(hunkHeaders(diff.hunks()), hunks);
    QCOMPARE(diff.isIdentical(), hunks.isEmpty());
    QCOMPARE(diff.insertedCount(), int(ops.count('+')));
    QCOMPARE(diff.deletedCount(), int(ops.count('-')));
    QCOMPARE(diff.oldLineCount(), int(LineDiff::lineStarts(oldText).size() - 1));
    QCOMPARE(diff.newLineCount(), int(LineDiff::lineStarts(newText).size() - 1));

    // Line numbers run 1..n on each side, in order.
    int oldLine = 0;
    int newLine = 0;
    for (const DiffLine& line : diff.lines()) {
        if (line.op != LineOp::Insert)
            QCOMPARE(line.oldLine, ++oldLine);
        else
            QCOMPARE(line.oldLine, 0);
        if (line.op != LineOp::Delete)
            QCOMPARE(line.newLine, ++newLine);
        else
            QCOMPARE(line.newLine, 0);
    }
    QCOMPARE(oldLine, diff.oldLineCount());
    QCOMPARE(newLine, diff.newLineCount());
}

void TestLineDiff::unifiedText_data()
{
    QTest::addColumn<QByteArray>("oldText");
    QTest::addColumn<QByteArray>("newText");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("identical") << QByteArray("a\n") << QByteArray("a\n") << QByteArray();
    QTest::addRow("change") << QByteArray("a\nb\nc\n") << QByteArray("a\nB\nc\n")
                            << QByteArray("--- old.json\n+++ new.json\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
    QTest::addRow("missing final newline")
        << QByteArray("a\nb") << QByteArray("a\nb\n")
        << QByteArray(
               "--- old.json\n+++ new.json\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
    QTest::addRow("context line without newline")
        << QByteArray("a\nb") << QByteArray("A\nb")
        << QByteArray(
               "--- old.json\n+++ new.json\n@@ -1,2 +1,2 @@\n-a\n+A\n b\n\\ No newline at end of file\n");
    QTest::addRow("crlf kept") << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nc\r\n")
                               << QByteArray(
                                      "--- old.json\n+++ new.json\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
}

void TestLineDiff::unifiedText()
{
    QFETCH(QByteArray, oldText);
    QFETCH(QByteArray, newText);
    QFETCH(QByteArray, expected);
    const DiffResult diff = LineDiff::compare(oldText, newText);
    QCOMPARE(diff.toUnifiedDiff(QStringLiteral("old.json"), QStringLiteral("new.json")), expected);
}

void TestLineDiff::contextAndHunks()
{
    QByteArray oldText;
    for (int i = 1; i <= 40; ++i)
        oldText += QByteArray::number(i) + '\n';
    QByteArray newText = oldText;
    newText.replace("10\n", "ten\n").replace("30\n", "thirty\n");

    LineDiffOptions options;
    options.context = 5;
    const DiffResult diff = LineDiff::compare(oldText, newText, options);
    QCOMPARE(diff.context(), 5);
    QCOMPARE(hunkHeaders(diff.hunks()), QByteArray("@@ -5,11 +5,11 @@ @@ -25,11 +25,11 @@"));
    QCOMPARE(hunkHeaders(diff.hunks(0)), QByteArray("@@ -10 +10 @@ @@ -30 +30 @@"));
    // Changes 19 lines apart: one hunk at context 10 (19 <= 2 * 10), two at context 9.
    QCOMPARE(hunkHeaders(diff.hunks(10)), QByteArray("@@ -1,40 +1,40 @@"));
    QCOMPARE(hunkHeaders(diff.hunks(9)), QByteArray("@@ -1,19 +1,19 @@ @@ -21,19 +21,19 @@"));
    QCOMPARE(hunkHeaders(diff.hunks(100)), QByteArray("@@ -1,40 +1,40 @@"));
    // The unified diff takes the diff's context unless told another.
    const QString a = QStringLiteral("a");
    QVERIFY(diff.toUnifiedDiff(a, a).contains("\n@@ -5,11 +5,11 @@\n"));
    QVERIFY(diff.toUnifiedDiff(a, a, 0).contains("\n@@ -10 +10 @@\n-10\n+ten\n@@ -30 +30 @@\n"));

    // A hunk's ops are the lines of its header.
    for (const DiffHunk& hunk : diff.hunks()) {
        int oldCount = 0;
        int newCount = 0;
        for (qsizetype k = hunk.firstOp; k < hunk.firstOp + hunk.opCount; ++k) {
            oldCount += diff.lines()[k].op != LineOp::Insert;
            newCount += diff.lines()[k].op != LineOp::Delete;
        }
        QCOMPARE(oldCount, hunk.oldCount);
        QCOMPARE(newCount, hunk.newCount);
        QCOMPARE(diff.lines()[hunk.firstOp].oldLine, hunk.oldStart);
    }
    QCOMPARE(InlineDiff::pairChangedLines(diff), (QList<LinePair>{{10, 10}, {30, 30}}));
}

void TestLineDiff::ignoreLineEndings()
{
    const QByteArray crlf("a\r\nb  \r\nc");
    const QByteArray lf("a\nb\nc\n");
    QCOMPARE(LineDiff::compare(crlf, lf).isIdentical(), false);

    LineDiffOptions options;
    options.ignoreLineEndingsAndTrailingWhitespace = true;
    const DiffResult ignoring = LineDiff::compare(crlf, lf, options);
    QVERIFY(ignoring.isIdentical());
    QCOMPARE(opString(ignoring), QByteArray("==="));
    // Leading whitespace still counts.
    QCOMPARE(opString(LineDiff::compare("a\n b\n", "a\nb\n", options)), QByteArray("=-+"));
}

void TestLineDiff::lineAccessors()
{
    const DiffResult diff = LineDiff::compare("x\r\ny\n温度", "x\r\nz\n");
    QCOMPARE(diff.oldLine(1), QByteArrayView("x\r\n"));
    QCOMPARE(diff.oldLineText(1), QStringLiteral("x\r"));
    QCOMPARE(diff.oldLineText(3), QStringLiteral("温度"));
    QCOMPARE(diff.newLineText(2), QStringLiteral("z"));
    QVERIFY(diff.newLine(3).isEmpty());
    QVERIFY(diff.oldLine(0).isEmpty());
}

void TestLineDiff::patchReproducesNewFile_data()
{
    QTest::addColumn<QByteArray>("oldText");
    QTest::addColumn<QByteArray>("newText");
    QTest::addColumn<int>("context");

    const QByteArray lines("alpha\nbeta\ngamma\ndelta\nepsilon\n");
    QTest::addRow("from empty") << QByteArray() << lines << 3;
    QTest::addRow("to empty") << lines << QByteArray() << 3;
    QTest::addRow("all changed") << lines << QByteArray("one\ntwo\nthree\n") << 3;
    QTest::addRow("crlf to lf") << QByteArray("a\r\nb\r\nc\r\n") << QByteArray("a\nb\nc\n") << 3;
    QTest::addRow("lf to crlf") << QByteArray("a\nb\nc\n") << QByteArray("a\r\nb\r\nc\r\n") << 3;
    QTest::addRow("crlf both") << QByteArray("a\r\nb\r\nc\r\nd\r\n") << QByteArray("a\r\nB\r\nc\r\nd\r\n")
                               << 3;
    QTest::addRow("mixed endings") << QByteArray("a\r\nb\nc\r\n") << QByteArray("a\nb\r\nc\r\nd") << 3;
    QTest::addRow("old lacks final newline") << QByteArray("a\nb\nc") << QByteArray("a\nb\nc\n") << 3;
    QTest::addRow("new lacks final newline") << QByteArray("a\nb\nc\n") << QByteArray("a\nb\nc") << 3;
    QTest::addRow("both lack, last changed") << QByteArray("a\nb\nc") << QByteArray("a\nb\nC") << 3;
    QTest::addRow("both lack, first changed") << QByteArray("a\nb\nc") << QByteArray("A\nb\nc") << 1;
    QTest::addRow("unicode") << QByteArray("名称: 风扇\n温度: 25\nemoji: 😀\n")
                             << QByteArray("名称: 风机\n温度: 25\nemoji: 😁\n") << 3;
    QTest::addRow("blank lines") << QByteArray("\n\n\n") << QByteArray("\n\nx\n\n") << 3;
    QTest::addRow("single line no newline") << QByteArray("x") << QByteArray("y") << 3;
    QTest::addRow("moved block") << QByteArray("a\nb\nc\nd\ne\nf\n") << QByteArray("d\ne\na\nb\nc\nf\n") << 3;

    QByteArray records;
    QByteArray unrelated;
    for (int i = 0; i < 1500; ++i) {
        records += "  {\n    \"id\": " + QByteArray::number(i) + ",\n    \"on\": true\n  },\n";
        unrelated += "  {\n    \"key\": " + QByteArray::number(i * 7) + ",\n    \"on\": false\n  },\n";
    }
    QTest::addRow("repetitive records") << records << mutated(records, 40, 3) << 3;
    QTest::addRow("unrelated, same shape") << records << unrelated << 3;

    const QByteArray json = generatedJson(2000, 7);
    const QByteArray changedJson = mutated(json, 60, 11);
    QTest::addRow("mutated json, context 3") << json << changedJson << 3;
    QTest::addRow("mutated json, context 0") << json << changedJson << 0;
    QTest::addRow("mutated json, context 8") << json << changedJson << 8;
    QTest::addRow("mutated json, reversed") << changedJson << json << 3;
}

void TestLineDiff::patchReproducesNewFile()
{
    QFETCH(QByteArray, oldText);
    QFETCH(QByteArray, newText);
    QFETCH(int, context);

    LineDiffOptions options;
    options.context = context;
    const DiffResult diff = LineDiff::compare(oldText, newText, options);
    const QByteArray unified =
        diff.toUnifiedDiff(QStringLiteral("a/config.json"), QStringLiteral("b/config.json"));
    QVERIFY(!unified.isEmpty());

    QByteArray result;
    applyPatch(oldText, unified, result);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(result, newText);
}

// Where the shortest edit script is unambiguous, the hunks are GNU diff's, byte for byte.
void TestLineDiff::sameHunksAsGnuDiff_data()
{
    patchReproducesNewFile_data();
}

void TestLineDiff::sameHunksAsGnuDiff()
{
    QFETCH(QByteArray, oldText);
    QFETCH(QByteArray, newText);
    QFETCH(int, context);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const auto& [name, bytes] :
         {std::pair{QStringLiteral("old"), oldText}, std::pair{QStringLiteral("new"), newText}}) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }
    QProcess diff;
    diff.setWorkingDirectory(dir.path());
    diff.start(m_diff, {QStringLiteral("-U%1").arg(context), QStringLiteral("old"), QStringLiteral("new")});
    QVERIFY(diff.waitForFinished(30000));
    const QByteArray gnu = diff.readAllStandardOutput();

    LineDiffOptions options;
    options.context = context;
    const QByteArray ours = LineDiff::compare(oldText, newText, options)
                                .toUnifiedDiff(QStringLiteral("old"), QStringLiteral("new"));
    const auto body = [](const QByteArray& text) { return text.mid(text.indexOf("\n@@") + 1); };
    QCOMPARE(body(ours), body(gnu));
}

// A stretch needing over 40,000 edits is shown as replaced rather than aligned (which would take seconds):
// here every line is re-indented but for a non-unique separator line every 100 lines.
void TestLineDiff::largeRewriteIsReplaced()
{
    QByteArray oldText;
    QByteArray newText;
    for (int i = 0; i < 30000; ++i) {
        const QByteArray line = i % 100 == 0 ? QByteArray("----\n") : "key " + QByteArray::number(i) + '\n';
        oldText += line.startsWith('-') ? line : "  " + line;
        newText += line.startsWith('-') ? line : "    " + line;
    }
    const DiffResult diff = LineDiff::compare(oldText, newText);
    QCOMPARE(diff.deletedCount(), 30000 - 1); // the first line, a separator, is common
    QCOMPARE(diff.insertedCount(), 30000 - 1);
    QByteArray result;
    applyPatch(oldText, diff.toUnifiedDiff(QStringLiteral("old"), QStringLiteral("new")), result);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(result, newText);

    // Below the limit it is aligned line by line: the separators stay.
    const DiffResult small = LineDiff::compare(oldText.first(oldText.indexOf("  key 5001\n")),
                                               newText.first(newText.indexOf("    key 5001\n")));
    QCOMPARE(small.deletedCount(), 5000 - 50);
}

void TestLineDiff::applyPatch(const QByteArray& oldText, const QByteArray& unified, QByteArray& result)
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString& name, const QByteArray& bytes) {
        QFile file(dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    QVERIFY(write(QStringLiteral("old"), oldText));
    QVERIFY(write(QStringLiteral("change.diff"), unified));

    QProcess patch;
    patch.setWorkingDirectory(dir.path());
    patch.start(m_patch, {QStringLiteral("--silent"), QStringLiteral("--force"), QStringLiteral("-o"),
                          QStringLiteral("out"), QStringLiteral("old"), QStringLiteral("change.diff")});
    QVERIFY(patch.waitForFinished(30000));
    QVERIFY2(patch.exitStatus() == QProcess::NormalExit && patch.exitCode() == 0,
             (patch.readAllStandardOutput() + patch.readAllStandardError()).constData());

    QFile out(dir.filePath(QStringLiteral("out")));
    QVERIFY(out.open(QIODevice::ReadOnly));
    result = out.readAll();
}

QTEST_GUILESS_MAIN(TestLineDiff)
#include "TestLineDiff.moc"
