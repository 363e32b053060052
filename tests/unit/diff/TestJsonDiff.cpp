#include "diff/JsonDiff.h"

#include <QTest>

using namespace ConfigDeck::Diff;

namespace {

// One change per line: "<kind> <pointer> <display> <old> -> <new>", kind A(dded) R(emoved) C(hanged) T(ype).
QString describe(const JsonDiffResult& result)
{
    QStringList lines;
    for (const JsonChange& change : result.changes) {
        const char* kind = change.kind == JsonChangeKind::Added     ? "A"
                           : change.kind == JsonChangeKind::Removed ? "R"
                           : change.kind == JsonChangeKind::Changed ? "C"
                                                                    : "T";
        lines.append(QStringLiteral("%1 %2 %3 %4 -> %5")
                         .arg(QLatin1StringView(kind), change.pointer, change.displayPath, change.oldValue,
                              change.newValue));
    }
    return lines.join(u'\n');
}

} // namespace

class TestJsonDiff : public QObject
{
    Q_OBJECT

private slots:
    void compare_data();
    void compare();
    void keyedArrays_data();
    void keyedArrays();
    void invalidJson_data();
    void invalidJson();
    void summary();
    void compactJson();
};

void TestJsonDiff::compare_data()
{
    QTest::addColumn<QByteArray>("oldJson");
    QTest::addColumn<QByteArray>("newJson");
    QTest::addColumn<QString>("changes");
    QTest::addColumn<QString>("summary");

    QTest::addRow("identical") << QByteArray("{\"a\":1}") << QByteArray("{\"a\":1}") << QString()
                               << QStringLiteral("0 changed, 0 added, 0 removed");
    QTest::addRow("reordered keys and whitespace are no change")
        << QByteArray("{\"b\": [1, 2], \"a\": {\"y\": true, \"x\": null}}")
        << QByteArray("{\n  \"a\" : {\"x\":null,\"y\":true},\n\t\"b\":[1,2]\n}\n") << QString()
        << QStringLiteral("0 changed, 0 added, 0 removed");
    QTest::addRow("scalar changed") << QByteArray("{\"port\": 8080}") << QByteArray("{\"port\": 8081}")
                                    << QStringLiteral("C /port port 8080 -> 8081")
                                    << QStringLiteral("1 changed, 0 added, 0 removed");
    QTest::addRow("added and removed")
        << QByteArray("{\"a\": 1, \"gone\": \"x\"}") << QByteArray("{\"a\": 1, \"new\": {\"k\": [1]}}")
        << QStringLiteral("R /gone gone \"x\" -> \nA /new new  -> {\"k\":[1]}")
        << QStringLiteral("0 changed, 1 added, 1 removed");
    QTest::addRow("type changed") << QByteArray("{\"v\": \"1\", \"w\": {}}")
                                  << QByteArray("{\"v\": 1, \"w\": []}")
                                  << QStringLiteral("T /v v \"1\" -> 1\nT /w w {} -> []")
                                  << QStringLiteral("2 changed, 0 added, 0 removed");
    QTest::addRow("nested") << QByteArray("{\"net\": {\"wifi\": {\"ssid\": \"lab\", \"channel\": 6}}}")
                            << QByteArray("{\"net\": {\"wifi\": {\"ssid\": \"lab-2\", \"channel\": 6}}}")
                            << QStringLiteral("C /net/wifi/ssid net.wifi.ssid \"lab\" -> \"lab-2\"")
                            << QStringLiteral("1 changed, 0 added, 0 removed");
    QTest::addRow("arrays by index") << QByteArray("{\"l\": [1, 2, 3]}")
                                     << QByteArray("{\"l\": [1, 5, 3, 4]}")
                                     << QStringLiteral("C /l/1 l[1] 2 -> 5\nA /l/3 l[3]  -> 4")
                                     << QStringLiteral("1 changed, 1 added, 0 removed");
    QTest::addRow("array shrinks") << QByteArray("[1, 2, 3]") << QByteArray("[1]")
                                   << QStringLiteral("R /1 [1] 2 -> \nR /2 [2] 3 -> ")
                                   << QStringLiteral("0 changed, 0 added, 2 removed");
    QTest::addRow("nested arrays") << QByteArray("{\"m\": [[1, 2], [3, [4, 5]]]}")
                                   << QByteArray("{\"m\": [[1, 2, 0], [3, [4, 6]]]}")
                                   << QStringLiteral("A /m/0/2 m[0][2]  -> 0\nC /m/1/1/1 m[1][1][1] 5 -> 6")
                                   << QStringLiteral("1 changed, 1 added, 0 removed");
    QTest::addRow("keys needing escapes")
        << QByteArray("{\"a/b\": 1, \"c~d\": 1, \"e.f\": 1, \"\": 1}")
        << QByteArray("{\"a/b\": 2, \"c~d\": 2, \"e.f\": 2, \"\": 2}")
        << QStringLiteral("C / [\"\"] 1 -> 2\nC /a~1b [\"a/b\"] 1 -> 2\nC /c~0d [\"c~d\"] 1 -> 2\n"
                          "C /e.f [\"e.f\"] 1 -> 2")
        << QStringLiteral("4 changed, 0 added, 0 removed");
    QTest::addRow("1 equals 1.0") << QByteArray("{\"n\": 1}") << QByteArray("{\"n\": 1.0}") << QString()
                                  << QStringLiteral("0 changed, 0 added, 0 removed");
    QTest::addRow("64-bit integers beyond 2^53")
        << QByteArray("{\"n\": 9007199254740993}") << QByteArray("{\"n\": 9007199254740992}")
        << QStringLiteral("C /n n 9007199254740993 -> 9007199254740992")
        << QStringLiteral("1 changed, 0 added, 0 removed");
    QTest::addRow("null is a value") << QByteArray("{}") << QByteArray("{\"x\": null}")
                                     << QStringLiteral("A /x x  -> null")
                                     << QStringLiteral("0 changed, 1 added, 0 removed");
    QTest::addRow("unicode") << QByteArray("{\"名称\": \"风扇\"}") << QByteArray("{\"名称\": \"风机 😀\"}")
                             << QStringLiteral("C /名称 [\"名称\"] \"风扇\" -> \"风机 😀\"")
                             << QStringLiteral("1 changed, 0 added, 0 removed");
    QTest::addRow("top-level scalar")
        << QByteArray(" 3 ") << QByteArray("\"three\"") << QStringLiteral("T  $ 3 -> \"three\"")
        << QStringLiteral("1 changed, 0 added, 0 removed");
    QTest::addRow("root type") << QByteArray("{}") << QByteArray("[]") << QStringLiteral("T  $ {} -> []")
                               << QStringLiteral("1 changed, 0 added, 0 removed");
}

void TestJsonDiff::compare()
{
    QFETCH(QByteArray, oldJson);
    QFETCH(QByteArray, newJson);
    QFETCH(QString, changes);
    QFETCH(QString, summary);

    const auto result = JsonDiff::compare(oldJson, newJson);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message()));
    QCOMPARE(describe(*result), changes);
    QCOMPARE(result->summary(), summary);
    QCOMPARE(result->isIdentical(), changes.isEmpty());
    QCOMPARE(result->changed + result->added + result->removed, int(result->changes.size()));
}

void TestJsonDiff::keyedArrays_data()
{
    QTest::addColumn<QByteArray>("oldJson");
    QTest::addColumn<QByteArray>("newJson");
    QTest::addColumn<QString>("arrayPointer");
    QTest::addColumn<QString>("keyField");
    QTest::addColumn<QString>("changes");

    const QByteArray devices("{\"devices\": [{\"id\": \"a\", \"port\": 1}, {\"id\": \"b\", \"port\": 2}, "
                             "{\"id\": \"c\", \"port\": 3}]}");
    QTest::addRow("moves are no change")
        << devices
        << QByteArray("{\"devices\": [{\"id\": \"c\", \"port\": 3}, {\"port\": 1, \"id\": \"a\"}, "
                      "{\"id\": \"b\", \"port\": 2}]}")
        << QStringLiteral("/devices") << QStringLiteral("id") << QString();
    QTest::addRow("without a key, moves are changes")
        << QByteArray("{\"l\": [{\"id\": 1}, {\"id\": 2}]}")
        << QByteArray("{\"l\": [{\"id\": 2}, {\"id\": 1}]}") << QString() << QString()
        << QStringLiteral("C /l/0/id l[0].id 1 -> 2\nC /l/1/id l[1].id 2 -> 1");
    QTest::addRow("moved and changed, added, removed")
        << devices
        << QByteArray("{\"devices\": [{\"id\": \"b\", \"port\": 20}, {\"id\": \"a\", \"port\": 1}, "
                      "{\"id\": \"d\", \"port\": 4}]}")
        << QStringLiteral("/devices") << QStringLiteral("id")
        << QStringLiteral("C /devices/0/port devices[id=\"b\"].port 2 -> 20\n"
                          "R /devices/2 devices[id=\"c\"] {\"id\":\"c\",\"port\":3} -> \n"
                          "A /devices/2 devices[id=\"d\"]  -> {\"id\":\"d\",\"port\":4}");
    QTest::addRow("global key")
        << QByteArray("{\"x\": [{\"name\": \"p\", \"v\": 1}, {\"name\": \"q\", \"v\": 2}]}")
        << QByteArray("{\"x\": [{\"name\": \"q\", \"v\": 3}, {\"name\": \"p\", \"v\": 1}]}")
        << QStringLiteral("*") << QStringLiteral("name") << QStringLiteral("C /x/0/v x[name=\"q\"].v 2 -> 3");
    QTest::addRow("wildcard pointer")
        << QByteArray("{\"g\": [{\"m\": [{\"id\": 1}, {\"id\": 2}]}]}")
        << QByteArray("{\"g\": [{\"m\": [{\"id\": 2}, {\"id\": 1, \"x\": 0}]}]}") << QStringLiteral("/g/*/m")
        << QStringLiteral("id") << QStringLiteral("A /g/0/m/1/x g[0].m[id=1].x  -> 0");
    QTest::addRow("duplicate keys fall back to index")
        << QByteArray("{\"d\": [{\"id\": 1, \"v\": 1}, {\"id\": 1, \"v\": 2}]}")
        << QByteArray("{\"d\": [{\"id\": 1, \"v\": 2}, {\"id\": 1, \"v\": 1}]}") << QStringLiteral("/d")
        << QStringLiteral("id") << QStringLiteral("C /d/0/v d[0].v 1 -> 2\nC /d/1/v d[1].v 2 -> 1");
    QTest::addRow("numeric keys, 64-bit")
        << QByteArray("{\"d\": [{\"id\": 9007199254740993, \"v\": 1}, {\"id\": 9007199254740992, \"v\": 2}]}")
        << QByteArray("{\"d\": [{\"id\": 9007199254740992, \"v\": 2}, {\"id\": 9007199254740993, \"v\": 3}]}")
        << QStringLiteral("/d") << QStringLiteral("id")
        << QStringLiteral("C /d/1/v d[id=9007199254740993].v 1 -> 3");
    QTest::addRow("scalars fall back to index")
        << QByteArray("{\"d\": [1, 2]}") << QByteArray("{\"d\": [2, 1]}") << QStringLiteral("/d")
        << QStringLiteral("id") << QStringLiteral("C /d/0 d[0] 1 -> 2\nC /d/1 d[1] 2 -> 1");
}

void TestJsonDiff::keyedArrays()
{
    QFETCH(QByteArray, oldJson);
    QFETCH(QByteArray, newJson);
    QFETCH(QString, arrayPointer);
    QFETCH(QString, keyField);
    QFETCH(QString, changes);

    JsonDiffOptions options;
    if (arrayPointer == u'*')
        options.defaultArrayKey = keyField;
    else if (!arrayPointer.isEmpty())
        options.arrayKeys.insert(arrayPointer, keyField);
    const auto result = JsonDiff::compare(oldJson, newJson, options);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message()));
    QCOMPARE(describe(*result), changes);
}

void TestJsonDiff::invalidJson_data()
{
    QTest::addColumn<QByteArray>("oldJson");
    QTest::addColumn<QByteArray>("newJson");
    QTest::addColumn<QString>("message");

    QTest::addRow("missing colon in new") << QByteArray("{}") << QByteArray("{\n  \"a\": 1,\n  \"b\" 2\n}")
                                          << QStringLiteral("new version: invalid JSON at line 3, column 8: "
                                                            "missing name separator");
    QTest::addRow("old truncated") << QByteArray("{\"a\": [1, 2") << QByteArray("{}")
                                   << QStringLiteral("old version: invalid JSON at line 1, column 12: "
                                                     "invalid termination by number");
    QTest::addRow("empty") << QByteArray() << QByteArray("{}")
                           << QStringLiteral("old version: invalid JSON at line 1, column 1: illegal value");
    QTest::addRow("unicode column") << QByteArray("{\"温度\": 2x}") << QByteArray("{}")
                                    << QStringLiteral("old version: invalid JSON at line 1, column 10: "
                                                      "unterminated object");
    QTest::addRow("bad scalar") << QByteArray("{}") << QByteArray("tru")
                                << QStringLiteral(
                                       "new version: invalid JSON at line 1, column 2: illegal value");
}

void TestJsonDiff::invalidJson()
{
    QFETCH(QByteArray, oldJson);
    QFETCH(QByteArray, newJson);
    QFETCH(QString, message);
    const auto result = JsonDiff::compare(oldJson, newJson);
    QVERIFY(!result);
    QCOMPARE(result.error().message(), message);
    QVERIFY(result.error().offset >= 0);
}

void TestJsonDiff::summary()
{
    JsonDiffResult result;
    result.changed = 3;
    result.added = 1;
    QCOMPARE(result.summary(), QStringLiteral("3 changed, 1 added, 0 removed"));
}

void TestJsonDiff::compactJson()
{
    QCOMPARE(JsonDiff::toCompactJson(QJsonValue(QStringLiteral("a\"b"))), QStringLiteral("\"a\\\"b\""));
    QCOMPARE(JsonDiff::toCompactJson(QJsonValue(0.5)), QStringLiteral("0.5"));
    QCOMPARE(JsonDiff::toCompactJson(QJsonValue(true)), QStringLiteral("true"));
    QCOMPARE(JsonDiff::toCompactJson(QJsonValue()), QStringLiteral("null"));
    QCOMPARE(JsonDiff::toCompactJson(QJsonValue(QJsonValue::Undefined)), QString());
    QCOMPARE(JsonDiff::lineAndColumn("ab\ncd", 4), std::make_pair(2, 2));
    QCOMPARE(JsonDiff::lineAndColumn("ab\ncd", 0), std::make_pair(1, 1));
}

QTEST_GUILESS_MAIN(TestJsonDiff)
#include "TestJsonDiff.moc"
