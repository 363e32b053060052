#include "diff/ConfigDocument.h"

#include <QJsonDocument>
#include <QTest>

using namespace ConfigDeck::Diff;
using namespace Qt::Literals::StringLiterals;

class TestConfigDocument final : public QObject
{
    Q_OBJECT

private slots:
    void validationNamesLineAndColumn_data();
    void validationNamesLineAndColumn();
    void validJsonHasNoProblem();
    void prettyPrintKeepsOrderAndNumbers();
    void prettyPrintRefusesInvalidJson();
    void sizeAgainstTheLimit();
    void whyNotSavable();
};

void TestConfigDocument::validationNamesLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addRow("missing comma") << QByteArray("{\n  \"a\": 1\n  \"b\": 2\n}") << 3 << 3;
    QTest::addRow("unterminated object") << QByteArray("{\n  \"a\": [1, 2]\n") << 3 << 1;
    QTest::addRow("bad value") << QByteArray("{\"a\": tru}") << 1 << 7;
    QTest::addRow("scalar document") << QByteArray("42") << 1 << 1;
    QTest::addRow("empty") << QByteArray("  \n") << 2 << 1;
}

void TestConfigDocument::validationNamesLineAndColumn()
{
    QFETCH(QByteArray, json);
    QFETCH(int, line);
    QFETCH(int, column);
    const auto problem = ConfigDocument(json).validate();
    QVERIFY(problem.has_value());
    QCOMPARE(problem->line, line);
    QCOMPARE(problem->column, column);
    QVERIFY(!problem->message.isEmpty());
    QVERIFY2(problem->text().startsWith(u"line %1, column %2: "_s.arg(line).arg(column)),
             qPrintable(problem->text()));
}

void TestConfigDocument::validJsonHasNoProblem()
{
    QVERIFY(!ConfigDocument("{\"a\": [1, {\"b\": null}]}").validate());
    QVERIFY(!ConfigDocument("[]").validate());
}

void TestConfigDocument::prettyPrintKeepsOrderAndNumbers()
{
    const ConfigDocument document("{\"z\":1.50,\"a\":{\"s\":\"x,\\\"{[y\",\"e\":[],\"o\":{}},"
                                  "\"n\":[1e3,-0.0,12345678901234567890]}");
    const auto pretty = document.prettyPrinted();
    QVERIFY(pretty);
    const QByteArray expected = "{\n"
                                "    \"z\": 1.50,\n"
                                "    \"a\": {\n"
                                "        \"s\": \"x,\\\"{[y\",\n"
                                "        \"e\": [],\n"
                                "        \"o\": {}\n"
                                "    },\n"
                                "    \"n\": [\n"
                                "        1e3,\n"
                                "        -0.0,\n"
                                "        12345678901234567890\n"
                                "    ]\n"
                                "}\n";
    QCOMPARE(pretty.value(), expected);
    // The same document, and printing again changes nothing.
    QCOMPARE(QJsonDocument::fromJson(pretty.value()), QJsonDocument::fromJson(document.content()));
    QCOMPARE(ConfigDocument(pretty.value()).prettyPrinted().value(), expected);
}

void TestConfigDocument::prettyPrintRefusesInvalidJson()
{
    const auto pretty = ConfigDocument("{\"a\": }").prettyPrinted();
    QVERIFY(!pretty);
    QVERIFY(pretty.error().reason.startsWith(u"line 1, column 7"_s));
}

void TestConfigDocument::sizeAgainstTheLimit()
{
    QCOMPARE(ConfigDocument::kAlibabaSizeLimit, 65536);
    ConfigDocument document(QByteArray(12595, 'x'));
    QCOMPARE(document.sizeText(true), u"12.3 KB of 64 KB"_s);
    QCOMPARE(document.sizeText(false), u"12.3 KB"_s);
    QVERIFY(!document.exceedsLimit(true));
    document.setContent(QByteArray(65536, 'x'));
    QVERIFY(!document.exceedsLimit(true));
    document.setContent(QByteArray(65537, 'x'));
    QVERIFY(document.exceedsLimit(true));
    QVERIFY(!document.exceedsLimit(false));
    QCOMPARE(ConfigDocument::formatSize(812), u"812 bytes"_s);
    QCOMPARE(ConfigDocument::formatSize(3 * 1024 * 1024 / 2), u"1.5 MB"_s);
}

void TestConfigDocument::whyNotSavable()
{
    QVERIFY(!ConfigDocument().whyNotSavable(false).isEmpty());
    QVERIFY(ConfigDocument("{\"a\": 1}").whyNotSavable(true).isEmpty());
    QVERIFY(ConfigDocument("{\"a\": }").whyNotSavable(false).contains(u"line 1, column 7"_s));
    // Without Alibaba limits any file may be a version; with them it must be JSON.
    QVERIFY(ConfigDocument("key=value\n").whyNotSavable(false).isEmpty());
    QVERIFY(!ConfigDocument("key=value\n").whyNotSavable(true).isEmpty());
    QByteArray big = "{\"a\": \"" + QByteArray(70000, 'x') + "\"}";
    QVERIFY(ConfigDocument(big).whyNotSavable(true).contains(u"64 KB"_s));
    QVERIFY(ConfigDocument(big).whyNotSavable(false).isEmpty());
}

QTEST_GUILESS_MAIN(TestConfigDocument)
#include "TestConfigDocument.moc"
