#include "StoreTestSupport.h"
#include "store/CsvExport.h"
#include "store/CsvFormulaGuard.h"
#include "store/CsvImport.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <tuple>

using namespace ConfigDeck::Store;

class TestCsvExport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void quoting_data();
    void quoting();
    void redactedByDefault();
    void revealedWhenAsked();
    void revealingNeedsTheKey();
    void onlyOneProduct();
    void roundTripThroughImport();
    void formulaCells_data();
    void formulaCells();
    void formulaCellsRoundTrip();
    void redactedExportCannotBeImported();

private:
    QByteArray exported(CsvExport::Secrets secrets, const QString& productKey = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
};

void TestCsvExport::init()
{
    m_workspace.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = openTestWorkspace(m_dir->filePath(QStringLiteral("w.cdws")));
    QVERIFY(opened);
    m_workspace = std::move(opened).value();
    m_workspace->keys().setSealer(std::make_shared<SecretSealer>(SecretSealer::randomKey()));
    STORE_VERIFY(
        m_workspace->identities().addDevices({{QStringLiteral("pk1"), QStringLiteral("device01")},
                                              {QStringLiteral("pk1"), QStringLiteral("device02")},
                                              {QStringLiteral("pk2"), QStringLiteral("device01")}},
                                             {"Secret0ne", "has,comma \"and quotes\"", "line\nbreak"}));
}

QByteArray TestCsvExport::exported(CsvExport::Secrets secrets, const QString& productKey)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto written = CsvExport::write(*m_workspace, buffer, secrets, productKey);
    if (!written)
        qWarning() << written.error().message();
    return buffer.data();
}

void TestCsvExport::quoting_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("plain") << QByteArray("abc") << QByteArray("abc");
    QTest::addRow("empty") << QByteArray() << QByteArray();
    QTest::addRow("comma") << QByteArray("a,b") << QByteArray("\"a,b\"");
    QTest::addRow("quote") << QByteArray("a\"b") << QByteArray("\"a\"\"b\"");
    QTest::addRow("LF") << QByteArray("a\nb") << QByteArray("\"a\nb\"");
    QTest::addRow("CR") << QByteArray("a\rb") << QByteArray("\"a\rb\"");
    QTest::addRow("leading space") << QByteArray(" a") << QByteArray("\" a\"");
}

void TestCsvExport::quoting()
{
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, expected);
    QCOMPARE(CsvExport::quoted(field), expected);
}

void TestCsvExport::redactedByDefault()
{
    const QByteArray csv = exported(CsvExport::Secrets::Redacted);
    QCOMPARE(csv, QByteArray("ProductKey,DeviceName,DeviceSecret\r\n"
                             "pk1,device01,<redacted>\r\n"
                             "pk1,device02,<redacted>\r\n"
                             "pk2,device01,<redacted>\r\n"));
    // Redacting needs no key.
    m_workspace->keys().setSealer(nullptr);
    QCOMPARE(exported(CsvExport::Secrets::Redacted), csv);
}

void TestCsvExport::revealedWhenAsked()
{
    QCOMPARE(exported(CsvExport::Secrets::Revealed),
             QByteArray("ProductKey,DeviceName,DeviceSecret\r\n"
                        "pk1,device01,Secret0ne\r\n"
                        "pk1,device02,\"has,comma \"\"and quotes\"\"\"\r\n"
                        "pk2,device01,\"line\nbreak\"\r\n"));
}

void TestCsvExport::revealingNeedsTheKey()
{
    m_workspace->keys().setSealer(nullptr);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto written = CsvExport::write(*m_workspace, buffer, CsvExport::Secrets::Revealed);
    QVERIFY(!written);
    QVERIFY(written.error().message().contains(QStringLiteral("locked")));
    QVERIFY(buffer.data().isEmpty());

    // A failed export to a file leaves no file behind.
    const QString path = m_dir->filePath(QStringLiteral("out.csv"));
    QVERIFY(!CsvExport::writeFile(*m_workspace, path, CsvExport::Secrets::Revealed));
    QVERIFY(!QFile::exists(path));
}

void TestCsvExport::onlyOneProduct()
{
    QCOMPARE(exported(CsvExport::Secrets::Redacted, QStringLiteral("pk2")),
             QByteArray("ProductKey,DeviceName,DeviceSecret\r\npk2,device01,<redacted>\r\n"));
}

void TestCsvExport::roundTripThroughImport()
{
    const QString path = m_dir->filePath(QStringLiteral("out.csv"));
    QCOMPARE(CsvExport::writeFile(*m_workspace, path, CsvExport::Secrets::Revealed).value(), 3);

    auto other = openTestWorkspace(m_dir->filePath(QStringLiteral("other.cdws")));
    QVERIFY(other);
    (*other)->keys().setSealer(std::make_shared<SecretSealer>(SecretSealer::randomKey()));
    CsvImport import(**other);
    const auto preview = import.previewFile(path);
    QVERIFY(preview && preview->canCommit());
    QCOMPARE(import.commit(*preview).value(), 3);
    for (const auto& [pk, dn] :
         {std::pair{"pk1", "device01"}, std::pair{"pk1", "device02"}, std::pair{"pk2", "device01"}}) {
        QCOMPARE(
            (*other)->identities().deviceSecret(QString::fromLatin1(pk), QString::fromLatin1(dn)).value(),
            m_workspace->identities().deviceSecret(QString::fromLatin1(pk), QString::fromLatin1(dn)).value());
    }
}

void TestCsvExport::formulaCells_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("cell");
    QTest::addRow("=") << QByteArray("=HYPERLINK(\"http://x\")")
                       << QByteArray("\"'=HYPERLINK(\"\"http://x\"\")\"");
    QTest::addRow("+") << QByteArray("+1+2") << QByteArray("'+1+2");
    QTest::addRow("-") << QByteArray("-dev01") << QByteArray("'-dev01");
    QTest::addRow("@") << QByteArray("@SUM(A1)") << QByteArray("'@SUM(A1)");
    QTest::addRow("tab") << QByteArray("\t=1") << QByteArray("'\t=1");
    QTest::addRow("CR") << QByteArray("\r=1") << QByteArray("\"'\r=1\"");
    QTest::addRow("quote before a trigger") << QByteArray("'=1") << QByteArray("''=1");
    QTest::addRow("quote, no trigger") << QByteArray("'abc") << QByteArray("'abc");
    QTest::addRow("trigger later") << QByteArray("a=1-2") << QByteArray("a=1-2");
    QTest::addRow("plain") << QByteArray("device01") << QByteArray("device01");
}

void TestCsvExport::formulaCells()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, cell);
    QCOMPARE(CsvExport::cell(value), cell);
    QCOMPARE(CsvFormulaGuard::unguarded(CsvFormulaGuard::guarded(value)), value);
}

void TestCsvExport::formulaCellsRoundTrip()
{
    // Identities a spreadsheet would run as formulas: exported with a leading quote, imported back exactly.
    STORE_VERIFY(m_workspace->identities().addDevices({{QStringLiteral("=pk"), QStringLiteral("-dev01")},
                                                       {QStringLiteral("=pk"), QStringLiteral("@dev02")},
                                                       {QStringLiteral("'=pk"), QStringLiteral("dev03")}},
                                                      {"=cmd|' /C calc'!A0", "'+quoted", "@SUM(1)"}));
    const QByteArray csv = exported(CsvExport::Secrets::Revealed, {});
    QVERIFY2(csv.contains("'=pk,'-dev01,'=cmd|' /C calc'!A0\r\n"), csv.constData());
    QVERIFY2(csv.contains("''=pk,dev03,'@SUM(1)\r\n"), csv.constData());
    QVERIFY2(!csv.contains("\n=") && !csv.contains(",=") && !csv.contains(",-") && !csv.contains(",@"),
             csv.constData());

    auto other = openTestWorkspace(m_dir->filePath(QStringLiteral("other.cdws")));
    QVERIFY(other);
    (*other)->keys().setSealer(std::make_shared<SecretSealer>(SecretSealer::randomKey()));
    CsvImport import(**other);
    const auto preview = import.previewData(csv);
    QVERIFY(preview);
    QVERIFY2(preview->canCommit(),
             preview->errors.isEmpty() ? "" : qPrintable(preview->errors.first().message));
    QCOMPARE(import.commit(*preview).value(), 6);
    for (const auto& [pk, dn, secret] :
         {std::tuple{"=pk", "-dev01", "=cmd|' /C calc'!A0"}, std::tuple{"=pk", "@dev02", "'+quoted"},
          std::tuple{"'=pk", "dev03", "@SUM(1)"}}) {
        QCOMPARE(
            (*other)->identities().deviceSecret(QString::fromLatin1(pk), QString::fromLatin1(dn)).value(),
            QByteArray(secret));
    }
}

void TestCsvExport::redactedExportCannotBeImported()
{
    auto other = openTestWorkspace(m_dir->filePath(QStringLiteral("other.cdws")));
    QVERIFY(other);
    const auto preview = CsvImport(**other).previewData(exported(CsvExport::Secrets::Redacted));
    QVERIFY(preview);
    QCOMPARE(preview->errorRowCount, 3);
    QVERIFY(preview->errors.first().message.contains(QStringLiteral("exported without secrets")));
}

QTEST_GUILESS_MAIN(TestCsvExport)
#include "TestCsvExport.moc"
