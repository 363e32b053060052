#include "alink/ReplyCodeCatalog.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace ConfigDeck::Alink;

class TestReplyCodeCatalog : public QObject
{
    Q_OBJECT

private slots:
    void everyProtocolCodeIsKnown_data();
    void everyProtocolCodeIsKnown();
    void sameNumberDiffersBySource();
    void deviceDefinedCodes();
    void unknownCodesAreKept();
    void entriesAreUniqueAndComplete();
    void coloursPerCategory();
};

void TestReplyCodeCatalog::everyProtocolCodeIsKnown_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("source");
    QTest::addColumn<int>("category");

    const int d = int(ReplySource::Device);
    const int p = int(ReplySource::Platform);
    QTest::addRow("device 200") << 200 << d << int(ReplyCategory::Success);
    QTest::addRow("device 400") << 400 << d << int(ReplyCategory::DeviceError);
    QTest::addRow("device 460") << 460 << d << int(ReplyCategory::DeviceError);
    QTest::addRow("device 429") << 429 << d << int(ReplyCategory::Transient);
    for (int code : {400, 401, 460, 521, 522, 5005, 6100, 6203, 6204, 6250, 6287, 6710, 6713, 6813})
        QTest::addRow("platform %d", code) << code << p << int(ReplyCategory::PlatformError);
    for (int code : {429, 500, 520, 6760})
        QTest::addRow("platform %d", code) << code << p << int(ReplyCategory::Transient);
    QTest::addRow("platform 200") << 200 << p << int(ReplyCategory::Success);
}

void TestReplyCodeCatalog::everyProtocolCodeIsKnown()
{
    QFETCH(int, code);
    QFETCH(int, source);
    QFETCH(int, category);
    const ReplyCodeInfo info = ReplyCodeCatalog::lookup(code, ReplySource(source));
    QVERIFY(info.known);
    QCOMPARE(info.code, code);
    QCOMPARE(int(info.category), category);
    QVERIFY(!info.displayName().isEmpty());
    QVERIFY(!info.displayMeaning().isEmpty());
}

void TestReplyCodeCatalog::sameNumberDiffersBySource()
{
    QCOMPARE(ReplyCodeCatalog::lookup(400, ReplySource::Device).displayName(),
             QStringLiteral("Request error"));
    QCOMPARE(ReplyCodeCatalog::lookup(400, ReplySource::Platform).displayName(),
             QStringLiteral("Processing error"));
    QCOMPARE(ReplyCodeCatalog::lookup(6713, ReplySource::Platform).displayName(),
             QStringLiteral("Thing config function is not available"));
    QVERIFY(ReplyCodeCatalog::lookup(6713, ReplySource::Platform)
                .displayMeaning()
                .contains(QStringLiteral("switch")));
}

void TestReplyCodeCatalog::deviceDefinedCodes()
{
    for (int code :
         {ReplyCodeCatalog::DownloadFailed, ReplyCodeCatalog::SizeMismatch, ReplyCodeCatalog::SignMismatch,
          ReplyCodeCatalog::UnsupportedSignMethod, ReplyCodeCatalog::ApplyFailed}) {
        const auto info = ReplyCodeCatalog::lookup(code, ReplySource::Device);
        QVERIFY(info.known);
        QVERIFY(code >= ReplyCodeCatalog::kDeviceDefinedFirst &&
                code <= ReplyCodeCatalog::kDeviceDefinedLast);
        QVERIFY(info.category != ReplyCategory::Success);
    }
    // Another firmware's own code in the range: described as device-defined, not dropped.
    const auto other = ReplyCodeCatalog::lookup(105555, ReplySource::Device);
    QVERIFY(!other.known);
    QCOMPARE(other.code, 105555);
    QCOMPARE(other.category, ReplyCategory::DeviceError);
    QCOMPARE(other.displayName(), QStringLiteral("Device-defined code"));
}

void TestReplyCodeCatalog::unknownCodesAreKept()
{
    const auto info = ReplyCodeCatalog::lookup(777, ReplySource::Platform);
    QVERIFY(!info.known);
    QCOMPARE(info.code, 777);
    QCOMPARE(info.category, ReplyCategory::Unknown);
    QCOMPARE(info.displayName(), QStringLiteral("Unknown code 777"));
    QVERIFY(!info.displayMeaning().isEmpty());
}

void TestReplyCodeCatalog::entriesAreUniqueAndComplete()
{
    QSet<QPair<int, int>> seen;
    for (const auto& entry : ReplyCodeCatalog::all()) {
        QVERIFY2(!seen.contains({entry.code, int(entry.source)}), qPrintable(QString::number(entry.code)));
        seen.insert({entry.code, int(entry.source)});
        QVERIFY(entry.known);
        QVERIFY(entry.name && entry.meaning);
    }
    QVERIFY(ReplyCodeCatalog::all().size() >= 33);
}

void TestReplyCodeCatalog::coloursPerCategory()
{
    QSet<QString> colours;
    const QRegularExpression hex(QStringLiteral("^#[0-9a-f]{6}$"));
    for (auto category : {ReplyCategory::Success, ReplyCategory::DeviceError, ReplyCategory::PlatformError,
                          ReplyCategory::Transient, ReplyCategory::Unknown}) {
        const QString colour = ReplyCodeCatalog::categoryColor(category);
        QVERIFY(hex.match(colour).hasMatch());
        colours.insert(colour);
        QVERIFY(!ReplyCodeCatalog::categoryName(category).isEmpty());
    }
    QCOMPARE(colours.size(), 5);
}

QTEST_GUILESS_MAIN(TestReplyCodeCatalog)
#include "TestReplyCodeCatalog.moc"
