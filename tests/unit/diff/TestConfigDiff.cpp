#include "diff/ConfigDiff.h"

#include <QCryptographicHash>
#include <QTest>

using namespace ConfigDeck::Diff;

class TestConfigDiff : public QObject
{
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void jsonVersions();
    void textVersions();
    void invalidJsonKeepsLineDiff_data();
    void invalidJsonKeepsLineDiff();
    void binary_data();
    void binary();
    void options();
};

void TestConfigDiff::classify_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("text");
    QTest::addColumn<QString>("why");

    QTest::addRow("empty") << QByteArray() << true << QString();
    QTest::addRow("ascii") << QByteArray("{\"a\": 1}\n") << true << QString();
    QTest::addRow("utf-8") << QByteArray("温度 😀\r\n") << true << QString();
    QTest::addRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF{}") << true << QString();
    QTest::addRow("nul") << QByteArray("ab\0cd", 5) << false
                         << QStringLiteral("contains a NUL byte at offset 2");
    QTest::addRow("latin-1") << QByteArray("caf\xE9\n") << false << QStringLiteral("is not valid UTF-8 text");
    QTest::addRow("truncated sequence")
        << QByteArray("\xE6\xB8") << false << QStringLiteral("is not valid UTF-8 text");
    QTest::addRow("png header") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << false
                                << QStringLiteral("contains a NUL byte at offset 8");
}

void TestConfigDiff::classify()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, text);
    QFETCH(QString, why);
    QCOMPARE(DiffInput::classify(bytes), text ? ContentKind::Text : ContentKind::Binary);
    QCOMPARE(DiffInput::whyNotText(bytes), why);
}

void TestConfigDiff::jsonVersions()
{
    const QByteArray oldJson("{\n  \"interval\": 30,\n  \"mode\": \"eco\",\n  \"tags\": [\"a\"]\n}\n");
    const QByteArray newJson(
        "{\n  \"mode\": \"turbo\",\n  \"interval\": 30,\n  \"tags\": [\"a\", \"b\"]\n}\n");
    const ConfigDiffResult result = ConfigDiff::compare(oldJson, newJson);
    QVERIFY(!result.isBinary());
    QVERIFY(!result.isIdentical());
    QCOMPARE(result.oldKind, ContentKind::Text);
    QVERIFY(!result.lines.isIdentical());
    QVERIFY(result.structural.has_value());
    QCOMPARE(result.structural->summary(), QStringLiteral("1 changed, 1 added, 0 removed"));
    QCOMPARE(result.structural->changes.at(0).pointer, QStringLiteral("/mode"));
    QCOMPARE(result.structural->changes.at(1).pointer, QStringLiteral("/tags/1"));
    QVERIFY(result.structuralNote.isEmpty());

    // Same content, other key order and layout: lines differ, structure does not.
    const ConfigDiffResult reordered =
        ConfigDiff::compare(oldJson, "{\"tags\":[\"a\"],\"mode\":\"eco\",\"interval\":30}");
    QVERIFY(!reordered.lines.isIdentical());
    QVERIFY(reordered.structural->isIdentical());
}

void TestConfigDiff::textVersions()
{
    const ConfigDiffResult result = ConfigDiff::compare("a=1\nb=2\n", "a=1\nb=3\n");
    QVERIFY(!result.isBinary());
    QCOMPARE(result.lines.insertedCount(), 1);
    QCOMPARE(result.lines.deletedCount(), 1);
    QVERIFY(!result.structural);
    QVERIFY(result.structuralNote.isEmpty());

    const ConfigDiffResult same = ConfigDiff::compare("x\n", "x\n");
    QVERIFY(same.isIdentical());
    const ConfigDiffResult empty = ConfigDiff::compare({}, {});
    QVERIFY(empty.isIdentical());
    QVERIFY(!empty.isBinary());
}

void TestConfigDiff::invalidJsonKeepsLineDiff_data()
{
    QTest::addColumn<QByteArray>("oldBytes");
    QTest::addColumn<QByteArray>("newBytes");
    QTest::addColumn<QString>("note");

    QTest::addRow("new invalid") << QByteArray("{\"a\": 1}\n") << QByteArray("{\"a\": 1,}\n")
                                 << QStringLiteral("No structural diff: new version: invalid JSON at line 1, "
                                                   "column 10: object is missing after a comma");
    QTest::addRow("old not json") << QByteArray("a=1\n") << QByteArray("{\"a\": 1}\n")
                                  << QStringLiteral(
                                         "No structural diff: the old version is not a JSON document.");
}

void TestConfigDiff::invalidJsonKeepsLineDiff()
{
    QFETCH(QByteArray, oldBytes);
    QFETCH(QByteArray, newBytes);
    QFETCH(QString, note);
    const ConfigDiffResult result = ConfigDiff::compare(oldBytes, newBytes);
    QVERIFY(!result.structural);
    QCOMPARE(result.structuralNote, note);
    QVERIFY(!result.lines.isIdentical());
}

void TestConfigDiff::binary_data()
{
    QTest::addColumn<QByteArray>("oldBytes");
    QTest::addColumn<QByteArray>("newBytes");
    QTest::addColumn<bool>("identical");
    QTest::addColumn<QString>("noteStart");

    QTest::addRow("new has nul") << QByteArray() << QByteArray("a\0b", 3) << false
                                 << QStringLiteral(
                                        "The new version is not text: it contains a NUL byte at offset 1. "
                                        "Compared by size and SHA-256 only. They differ: 0 bytes, SHA-256 "
                                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 "
                                        "(old) against 3 bytes");
    QTest::addRow("old latin-1") << QByteArray("caf\xE9") << QByteArray("café") << false
                                 << QStringLiteral(
                                        "The old version is not text: it is not valid UTF-8 text. Compared");
    QTest::addRow("both binary, identical")
        << QByteArray("\0\1\2", 3) << QByteArray("\0\1\2", 3) << true
        << QStringLiteral("Neither version is text (the old one contains a NUL "
                          "byte at offset 0, the new one contains a NUL byte at "
                          "offset 0). Compared by size and SHA-256 only. They are "
                          "identical (3 bytes, SHA-256 ");
}

void TestConfigDiff::binary()
{
    QFETCH(QByteArray, oldBytes);
    QFETCH(QByteArray, newBytes);
    QFETCH(bool, identical);
    QFETCH(QString, noteStart);

    const ConfigDiffResult result = ConfigDiff::compare(oldBytes, newBytes);
    QVERIFY(result.isBinary());
    QCOMPARE(result.isIdentical(), identical);
    QCOMPARE(result.binary->identical, identical);
    QCOMPARE(result.binary->oldSize, oldBytes.size());
    QCOMPARE(result.binary->newSize, newBytes.size());
    QCOMPARE(result.binary->oldSha256,
             QCryptographicHash::hash(oldBytes, QCryptographicHash::Sha256).toHex());
    QCOMPARE(result.binary->newSha256,
             QCryptographicHash::hash(newBytes, QCryptographicHash::Sha256).toHex());
    QVERIFY2(result.binary->note.startsWith(noteStart), qPrintable(result.binary->note));
    // No line diff of garbage.
    QVERIFY(result.lines.lines().isEmpty());
    QVERIFY(!result.structural);
}

void TestConfigDiff::options()
{
    ConfigDiffOptions options;
    options.line.ignoreLineEndingsAndTrailingWhitespace = true;
    options.line.context = 1;
    options.json.arrayKeys.insert(QStringLiteral("/d"), QStringLiteral("id"));
    const ConfigDiffResult result = ConfigDiff::compare("{\"d\": [{\"id\": 1}, {\"id\": 2}]}\r\n",
                                                        "{\"d\": [{\"id\": 2}, {\"id\": 1}]}\n", options);
    QCOMPARE(result.lines.context(), 1);
    QCOMPARE(result.lines.deletedCount(), 1);
    QVERIFY(result.structural->isIdentical());

    options.structural = false;
    QVERIFY(!ConfigDiff::compare("{}", "[]", options).structural);
}

QTEST_GUILESS_MAIN(TestConfigDiff)
#include "TestConfigDiff.moc"
