#include "diff/JsonLocator.h"

#include <QTest>

using namespace ConfigDeck::Diff;
using namespace Qt::Literals::StringLiterals;

class TestJsonLocator final : public QObject
{
    Q_OBJECT

private slots:
    void findsTheLineOfEachPointer_data();
    void findsTheLineOfEachPointer();
    void missingPointerFallsBackToItsParent();
    void invalidJsonKeepsWhatWasFound();
};

static const QByteArray kDocument = "{\n"                               // 1
                                    "  \"name\": \"gw\",\n"             // 2
                                    "  \"a/b\": 1, \"t~x\": 2,\n"       // 3
                                    "  \"list\": [\n"                   // 4
                                    "    10,\n"                         // 5
                                    "    { \"id\": \"x\",\n"            // 6
                                    "      \"deep\": [true, null] },\n" // 7
                                    "    \"s\\\"q\"\n"                  // 8
                                    "  ],\n"                            // 9
                                    "  \"caf\\u00e9\": {},\n"           // 10
                                    "  \"empty\": [\n"                  // 11
                                    "  ]\n"                             // 12
                                    "}\n";

void TestJsonLocator::findsTheLineOfEachPointer_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<int>("line");
    QTest::addRow("root") << QString() << 1;
    QTest::addRow("member") << u"/name"_s << 2;
    QTest::addRow("slash escaped") << u"/a~1b"_s << 3;
    QTest::addRow("tilde escaped") << u"/t~0x"_s << 3;
    QTest::addRow("array") << u"/list"_s << 4;
    QTest::addRow("element") << u"/list/0"_s << 5;
    QTest::addRow("object element") << u"/list/1"_s << 6;
    QTest::addRow("member of element") << u"/list/1/deep"_s << 7;
    QTest::addRow("nested element") << u"/list/1/deep/1"_s << 7;
    QTest::addRow("string with escaped quote") << u"/list/2"_s << 8;
    QTest::addRow("unicode escape in key") << u"/café"_s << 10;
    QTest::addRow("empty array") << u"/empty"_s << 11;
}

void TestJsonLocator::findsTheLineOfEachPointer()
{
    QFETCH(QString, pointer);
    QFETCH(int, line);
    const JsonLocator locator(kDocument);
    QCOMPARE(locator.exactLineOf(pointer), line);
    QCOMPARE(locator.lineOf(pointer), line);
}

void TestJsonLocator::missingPointerFallsBackToItsParent()
{
    const JsonLocator locator(kDocument);
    QCOMPARE(locator.exactLineOf(u"/list/1/gone"_s), 0);
    QCOMPARE(locator.lineOf(u"/list/1/gone"_s), 6);
    QCOMPARE(locator.lineOf(u"/nothing/here"_s), 1);
    QCOMPARE(JsonLocator(QByteArray()).lineOf(u"/a"_s), 0);
}

void TestJsonLocator::invalidJsonKeepsWhatWasFound()
{
    const JsonLocator locator("{\n \"a\": 1,\n \"b\": [1,\n oops\n");
    QCOMPARE(locator.exactLineOf(u"/a"_s), 2);
    QCOMPARE(locator.exactLineOf(u"/b/0"_s), 3);
    QCOMPARE(locator.exactLineOf(u"/c"_s), 0);
}

QTEST_GUILESS_MAIN(TestJsonLocator)
#include "TestJsonLocator.moc"
