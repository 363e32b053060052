#include "StoreTestSupport.h"
#include "store/CsvImport.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck::Store;

class TestCsvImport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void headers_data();
    void headers();
    void headerErrors_data();
    void headerErrors();
    void rowErrors_data();
    void rowErrors();
    void formats_data();
    void formats();
    void encodings_data();
    void encodings();
    void encodingErrors_data();
    void encodingErrors();
    void formulaGuardIsTakenOff_data();
    void formulaGuardIsTakenOff();
    void alreadyInWorkspace();
    void recordsWithoutHeader();
    void fieldProblems();
    void allOrNothing();
    void commitImportsEverything();
    void commitFromFile();
    void fileChangedAfterPreview();
    void lockedWorkspace();
    void cancelImportsNothing();
    void manyErrorsAreCountedAndCapped();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
};

void TestCsvImport::init()
{
    m_workspace.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = openTestWorkspace(m_dir->filePath(QStringLiteral("w.cdws")));
    QVERIFY(opened);
    m_workspace = std::move(opened).value();
    m_workspace->keys().setSealer(std::make_shared<SecretSealer>(SecretSealer::randomKey()));
}

void TestCsvImport::headers_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QStringList>("ignored");
    QTest::addRow("English") << QByteArray("ProductKey,DeviceName,DeviceSecret") << QStringList();
    QTest::addRow("lower case") << QByteArray("productkey,devicename,devicesecret") << QStringList();
    QTest::addRow("spaces and underscores")
        << QByteArray(" Product Key , device_name,DEVICE-SECRET") << QStringList();
    QTest::addRow("Chinese") << QByteArray("产品Key,设备名称,设备密钥") << QStringList();
    QTest::addRow("Chinese variants") << QByteArray("产品key,设备名,设备秘钥") << QStringList();
    QTest::addRow("mixed") << QByteArray("ProductKey,设备名称,DeviceSecret") << QStringList();
    QTest::addRow("reordered") << QByteArray("DeviceSecret,ProductKey,DeviceName") << QStringList();
    QTest::addRow("extra columns") << QByteArray("IotId,ProductKey,DeviceName,DeviceSecret,备注")
                                   << QStringList{QStringLiteral("IotId"), QStringLiteral("备注")};
    QTest::addRow("ProductSecret is not ProductKey")
        << QByteArray("产品密钥,ProductKey,DeviceName,DeviceSecret")
        << QStringList{QStringLiteral("产品密钥")};
}

void TestCsvImport::headers()
{
    QFETCH(QByteArray, header);
    QFETCH(QStringList, ignored);
    // Build the row in the header's column order.
    const QList<QByteArray> names = header.split(',');
    QByteArray row;
    for (const QByteArray& name : names) {
        const auto column = CsvImport::columnForHeader(QString::fromUtf8(name));
        row += column == CsvImport::ProductKey     ? QByteArray("a1Prod")
               : column == CsvImport::DeviceName   ? QByteArray("device01")
               : column == CsvImport::DeviceSecret ? QByteArray("s3cret")
                                                   : QByteArray("extra");
        row += ',';
    }
    row.chop(1);
    CsvImport import(*m_workspace);
    const auto preview = import.previewData(header + "\n" + row + "\n");
    QVERIFY2(preview, preview ? "" : qPrintable(preview.error().message()));
    QCOMPARE(preview->ignoredColumns, ignored);
    QCOMPARE(preview->rowCount, 1);
    QVERIFY2(preview->canCommit(),
             preview->errors.isEmpty() ? "" : qPrintable(preview->errors.first().message));
    QCOMPARE(preview->firstRows.first().productKey, QStringLiteral("a1Prod"));
    QCOMPARE(preview->firstRows.first().deviceName, QStringLiteral("device01"));
    QCOMPARE(import.commit(*preview).value(), 1);
    QCOMPARE(
        m_workspace->identities().deviceSecret(QStringLiteral("a1Prod"), QStringLiteral("device01")).value(),
        "s3cret");
}

void TestCsvImport::headerErrors_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("expected");
    QTest::addRow("no secret column")
        << QByteArray("ProductKey,DeviceName\npk,device01\n") << QStringLiteral("no DeviceSecret column");
    QTest::addRow("ProductSecret instead of ProductKey")
        << QByteArray("产品密钥,DeviceName,DeviceSecret\nx,device01,s\n")
        << QStringLiteral("no ProductKey column");
    QTest::addRow("empty file") << QByteArray() << QStringLiteral("empty");
    QTest::addRow("blank lines only") << QByteArray("\n\r\n\n") << QStringLiteral("empty");
    QTest::addRow("column twice") << QByteArray("ProductKey,DeviceName,devicename,DeviceSecret\n")
                                  << QStringLiteral("twice (devicename)");
    QTest::addRow("header on line 3")
        << QByteArray("\n\nProductKey,DeviceName\n") << QStringLiteral("Line 3");
}

void TestCsvImport::headerErrors()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, expected);
    const auto preview = CsvImport(*m_workspace).previewData(csv);
    QVERIFY(!preview);
    QVERIFY2(preview.error().message().contains(expected), qPrintable(preview.error().message()));
}

void TestCsvImport::rowErrors_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<qsizetype>("line");
    QTest::addColumn<QString>("reason");
    const QByteArray head = "ProductKey,DeviceName,DeviceSecret\n";
    const QByteArray good = "pk1,device01,s1\n";
    QTest::addRow("missing ProductKey") << head + good + ",device02,s2\n"
                                        << qsizetype(3) << QStringLiteral("ProductKey is missing");
    QTest::addRow("missing DeviceName") << head + good + "pk1, ,s2\n"
                                        << qsizetype(3) << QStringLiteral("DeviceName is missing");
    QTest::addRow("missing DeviceSecret")
        << head + "pk1,device02,\n" + good << qsizetype(2) << QStringLiteral("DeviceSecret is missing");
    QTest::addRow("too few fields") << head + good + "pk1,device02,s2\n" + "pk1,device03\n"
                                    << qsizetype(4) << QStringLiteral("DeviceSecret is missing");
    QTest::addRow("DeviceName too short")
        << head + "pk1,abc,s\n"
        << qsizetype(2) << QStringLiteral("\"abc\" has 3 characters; it must have 4 to 32");
    QTest::addRow("DeviceName too long") << head + "pk1," + QByteArray(33, 'd') + ",s\n"
                                         << qsizetype(2) << QStringLiteral("has 33 characters");
    QTest::addRow("DeviceName with a space") << head + good + "pk1,dev ice,s\n"
                                             << qsizetype(3) << QStringLiteral("contains \" \"");
    QTest::addRow("DeviceName with #") << head + "pk1,dev#ice,s\n"
                                       << qsizetype(2) << QStringLiteral("contains \"#\"");
    QTest::addRow("DeviceName in Chinese") << head + "pk1,设备一二三,s\n"
                                           << qsizetype(2) << QStringLiteral("contains \"设\"");
    QTest::addRow("ProductKey with /") << head + "a/b,device01,s\n"
                                       << qsizetype(2) << QStringLiteral("ProductKey \"a/b\" contains \"/\"");
    QTest::addRow("ProductKey with +") << head + "a+b,device01,s\n"
                                       << qsizetype(2) << QStringLiteral("contains \"+\"");
    QTest::addRow("duplicate in the file") << head + good + "pk1,device02,s\n" + good << qsizetype(4)
                                           << QStringLiteral("pk1/device01 is also on line 2");
    QTest::addRow("redacted secret") << head + "pk1,device01,<redacted>\n"
                                     << qsizetype(2) << QStringLiteral("exported without secrets");
    QTest::addRow("unterminated quote") << head + good + "pk1,device02,\"s2\npk1,device03,s3\n"
                                        << qsizetype(3) << QStringLiteral("never closed");
    QTest::addRow("text after a quote") << head + "pk1,\"device01\"x,s\n"
                                        << qsizetype(2) << QStringLiteral("after the closing quote");
    QTest::addRow("line numbers count lines inside quotes")
        << head + "pk1,device01,\"multi\nline\"\npk1,x,s\n"
        << qsizetype(4) << QStringLiteral("\"x\" has 1 character");
    QTest::addRow("blank lines keep their numbers") << head + "\n\n" + "pk1,bad!,s\n"
                                                    << qsizetype(4) << QStringLiteral("contains \"!\"");
}

void TestCsvImport::rowErrors()
{
    QFETCH(QByteArray, csv);
    QFETCH(qsizetype, line);
    QFETCH(QString, reason);
    CsvImport import(*m_workspace);
    const auto preview = import.previewData(csv);
    QVERIFY2(preview, preview ? "" : qPrintable(preview.error().message()));
    QVERIFY(!preview->canCommit());
    QCOMPARE(preview->errorRowCount, 1);
    QCOMPARE(preview->errors.size(), 1);
    QCOMPARE(preview->errors.first().line, line);
    QVERIFY2(preview->errors.first().message.contains(reason), qPrintable(preview->errors.first().message));
    QVERIFY(preview->summary().contains(QStringLiteral("cannot be imported")));
    const auto committed = import.commit(*preview);
    QVERIFY(!committed);
    QVERIFY(committed.error().message().contains(QStringLiteral("nothing was imported")));
    QCOMPARE(storedValue(m_workspace->identities().deviceCount()), 0);

    // The same records pasted without the header (the Add device dialog): the same error, a line earlier.
    const auto pasted = import.previewRecords(csv.mid(csv.indexOf('\n') + 1));
    QVERIFY(pasted);
    QVERIFY(!pasted->canCommit());
    QCOMPARE(pasted->errors.size(), 1);
    QCOMPARE(pasted->errors.first().line, line - 1);
    QCOMPARE(pasted->errors.first().message.contains(QStringLiteral("line %1").arg(line - 1)),
             preview->errors.first().message.contains(QStringLiteral("line %1").arg(line - 1)));
    if (!reason.contains(QStringLiteral("also on line")))
        QCOMPARE(pasted->errors.first().message, preview->errors.first().message);
}

void TestCsvImport::formats_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("deviceName");
    QTest::addColumn<QByteArray>("secret");
    QTest::addRow("LF") << QByteArray("ProductKey,DeviceName,DeviceSecret\npk1,device01,abc\n") << "device01"
                        << QByteArray("abc");
    QTest::addRow("CRLF") << QByteArray("ProductKey,DeviceName,DeviceSecret\r\npk1,device01,abc\r\n")
                          << "device01" << QByteArray("abc");
    QTest::addRow("no final line break")
        << QByteArray("ProductKey,DeviceName,DeviceSecret\r\npk1,device01,abc") << "device01"
        << QByteArray("abc");
    QTest::addRow("BOM") << QByteArray("\xEF\xBB\xBFProductKey,DeviceName,DeviceSecret\npk1,device01,abc\n")
                         << "device01" << QByteArray("abc");
    QTest::addRow("quoted fields")
        << QByteArray("\"ProductKey\",\"DeviceName\",\"DeviceSecret\"\n\"pk1\",\"dev.01\",\"abc\"\n")
        << "dev.01" << QByteArray("abc");
    QTest::addRow("comma and quotes in a quoted field")
        << QByteArray("ProductKey,DeviceName,DeviceSecret\npk1,dev@01,\"a,b\"\"c\"\"\"\r\n") << "dev@01"
        << QByteArray("a,b\"c\"");
    QTest::addRow("line break in a quoted field")
        << QByteArray("ProductKey,DeviceName,DeviceSecret\npk1,dev:01,\"line1\r\nline2\"\n") << "dev:01"
        << QByteArray("line1\r\nline2");
    QTest::addRow("surrounding spaces")
        << QByteArray("ProductKey,DeviceName,DeviceSecret\n pk1 ,\tdev_01 , abc \n") << "dev_01"
        << QByteArray("abc");
    QTest::addRow("UTF-8 secret") << QByteArray("ProductKey,DeviceName,DeviceSecret\npk1,dev-01,密钥\n")
                                  << "dev-01" << QByteArray("密钥");
}

void TestCsvImport::formats()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, deviceName);
    QFETCH(QByteArray, secret);
    CsvImport import(*m_workspace);
    const auto preview = import.previewData(csv);
    QVERIFY2(preview, preview ? "" : qPrintable(preview.error().message()));
    QVERIFY2(preview->canCommit(),
             preview->errors.isEmpty() ? "" : qPrintable(preview->errors.first().message));
    QCOMPARE(import.commit(*preview).value(), 1);
    QCOMPARE(m_workspace->identities().deviceSecret(QStringLiteral("pk1"), deviceName).value(), secret);
}

void TestCsvImport::encodings_data()
{
    // "产品Key,设备名称,设备密钥\r\npk1,dev-01,密钥ABC\r\n" as Excel saves it, bytes made by iconv.
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("encoding");
    const QByteArray utf8 =
        QByteArray::fromHex("e4baa7e593814b65792ce8aebee5a487e5908de7a7b02ce8aebee5a487e5af86e9"
                            "92a50d0a706b312c6465762d30312ce5af86e992a54142430d0a");
    QTest::addRow("UTF-8") << utf8 << int(CsvText::Encoding::Utf8);
    QTest::addRow("UTF-8 with BOM") << QByteArray("\xEF\xBB\xBF") + utf8 << int(CsvText::Encoding::Utf8);
    QTest::addRow("UTF-16LE with BOM")
        << QByteArray::fromHex(
               "fffea74ec1544b00650079002c00be8b07590d54f0792c00be8b0759c65ba5940d000a0070006b"
               "0031002c006400650076002d00300031002c00c65ba5944100420043000d000a00")
        << int(CsvText::Encoding::Utf16LittleEndian);
    QTest::addRow("UTF-16BE with BOM")
        << QByteArray::fromHex("feff4ea754c1004b00650079002c8bbe5907540d79f0002c8bbe59075bc694a5000d000a0070"
                               "006b0031002c006400650076002d00300031002c5bc694a5004100420043000d000a")
        << int(CsvText::Encoding::Utf16BigEndian);
    QTest::addRow("GB18030 (GBK)") << QByteArray::fromHex(
                                          "b2fac6b74b65792cc9e8b1b8c3fbb3c62cc9e8b1b8c3dcd4bf0d0a"
                                          "706b312c6465762d30312cc3dcd4bf4142430d0a")
                                   << int(CsvText::Encoding::Gb18030);
}

void TestCsvImport::encodings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, encoding);
    const QString path = m_dir->filePath(QStringLiteral("excel.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size());
    file.close();

    CsvImport import(*m_workspace);
    const auto preview = import.previewFile(path);
    QVERIFY2(preview, preview ? "" : qPrintable(preview.error().message()));
    QCOMPARE(int(preview->encoding), encoding);
    QCOMPARE(preview->header, (QStringList{QStringLiteral("产品Key"), QStringLiteral("设备名称"),
                                           QStringLiteral("设备密钥")}));
    QVERIFY2(preview->canCommit(),
             preview->errors.isEmpty() ? "" : qPrintable(preview->errors.first().message));
    QCOMPARE(import.commit(*preview).value(), 1);
    QCOMPARE(m_workspace->identities().deviceSecret(QStringLiteral("pk1"), QStringLiteral("dev-01")).value(),
             QStringLiteral("密钥ABC").toUtf8());
}

void TestCsvImport::encodingErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::addRow("neither UTF-8 nor GB18030")
        << QByteArray("ProductKey,DeviceName,DeviceSecret\npk1,dev-01,\x80\xFF\n")
        << QStringLiteral("The file is neither UTF-8 text (line 2 is not) nor GB18030 (GBK) text");
    QTest::addRow("broken UTF-16") << QByteArray("\xFF\xFEP\0K\0\x00\xD8\n\0", 10)
                                   << QStringLiteral("The file starts as UTF-16LE text");
    QTest::addRow("odd UTF-16") << QByteArray("\xFE\xFF\0P\0K\0", 7)
                                << QStringLiteral("The file starts as UTF-16BE text");
}

void TestCsvImport::encodingErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    CsvImport import(*m_workspace);
    const auto preview = import.previewData(bytes);
    QVERIFY(!preview);
    QVERIFY2(preview.error().message().startsWith(message), qPrintable(preview.error().message()));
}

void TestCsvImport::formulaGuardIsTakenOff_data()
{
    QTest::addColumn<QByteArray>("cell");
    QTest::addColumn<QString>("deviceName");
    QTest::addRow("'-") << QByteArray("'-dev01") << "-dev01";
    QTest::addRow("'@") << QByteArray("'@dev01") << "@dev01";
    QTest::addRow("no guard") << QByteArray("-dev01") << "-dev01";
    QTest::addRow("quoted field") << QByteArray("\"'-dev01\"") << "-dev01";
}

void TestCsvImport::formulaGuardIsTakenOff()
{
    QFETCH(QByteArray, cell);
    QFETCH(QString, deviceName);
    CsvImport import(*m_workspace);
    const auto preview =
        import.previewData("ProductKey,DeviceName,DeviceSecret\n'=pk1," + cell + ",'+secret\n");
    QVERIFY(preview);
    QVERIFY2(preview->canCommit(),
             preview->errors.isEmpty() ? "" : qPrintable(preview->errors.first().message));
    QCOMPARE(preview->firstRows.first().deviceName, deviceName);
    QCOMPARE(import.commit(*preview).value(), 1);
    QCOMPARE(m_workspace->identities().deviceSecret(QStringLiteral("=pk1"), deviceName).value(), "+secret");
}

void TestCsvImport::alreadyInWorkspace()
{
    STORE_VERIFY(
        m_workspace->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("device02")}, "old"));
    CsvImport import(*m_workspace);
    const auto preview = import.previewData(
        "ProductKey,DeviceName,DeviceSecret\npk1,device01,a\npk1,device02,b\npk2,device02,c\n");
    QVERIFY(preview);
    QCOMPARE(preview->errorRowCount, 1);
    QCOMPARE(preview->errors.first().line, 3);
    QVERIFY(
        preview->errors.first().message.contains(QStringLiteral("pk1/device02 is already in the workspace")));
    QCOMPARE(preview->newProducts, QStringList{QStringLiteral("pk2")});
    QVERIFY(!import.commit(*preview));
    QCOMPARE(
        m_workspace->identities().deviceSecret(QStringLiteral("pk1"), QStringLiteral("device02")).value(),
        "old");
    QCOMPARE(storedValue(m_workspace->identities().deviceCount()), 1);
}

void TestCsvImport::recordsWithoutHeader()
{
    // A ProductKey may hold a comma and a quote: record() quotes it, and the record reads back as itself.
    const QString productKey = QStringLiteral("pk,\"1\"");
    QByteArray records =
        CsvImport::record(productKey, QStringLiteral("device01"), QStringLiteral("s e,cret"));
    records += "\npk2,device02,s2\n";
    CsvImport import(*m_workspace);
    const auto preview = import.previewRecords(records);
    QVERIFY(preview);
    QVERIFY(!preview->hasHeader);
    QVERIFY2(preview->canCommit(),
             preview->errors.isEmpty() ? "" : qPrintable(preview->errors.first().message));
    QCOMPARE(preview->rowCount, 2);
    QCOMPARE(preview->firstRows.first().productKey, productKey);
    QCOMPARE(preview->firstRows.first().line, 1);
    QCOMPARE(preview->newProducts, (QStringList{productKey, QStringLiteral("pk2")}));
    QCOMPARE(*import.commit(*preview), 2);
    QCOMPARE(*m_workspace->identities().deviceSecret(productKey, QStringLiteral("device01")),
             QByteArray("s e,cret"));
    QCOMPARE(*m_workspace->identities().deviceSecret(QStringLiteral("pk2"), QStringLiteral("device02")),
             QByteArray("s2"));
    // An empty field stays in its place, so the message names it.
    const auto noProduct =
        import.previewRecords(CsvImport::record({}, QStringLiteral("device04"), QStringLiteral("s")));
    QVERIFY(noProduct);
    QCOMPARE(noProduct->errors.size(), 1);
    QCOMPARE(noProduct->errors.first().message, QStringLiteral("ProductKey is missing"));
    // Pasted with the file's header line: the header names the columns, in any order.
    const auto withHeader = import.previewRecords("DeviceSecret,ProductKey,DeviceName\ns3,pk3,device03\n");
    QVERIFY(withHeader);
    QVERIFY(withHeader->hasHeader);
    QVERIFY(withHeader->canCommit());
    QCOMPARE(withHeader->firstRows.first().deviceName, QStringLiteral("device03"));
}

void TestCsvImport::fieldProblems()
{
    QCOMPARE(CsvImport::fieldProblem(CsvImport::ProductKey, "a1Good"), QString());
    QCOMPARE(CsvImport::fieldProblem(CsvImport::ProductKey, "  "), QStringLiteral("ProductKey is missing"));
    QVERIFY(CsvImport::fieldProblem(CsvImport::ProductKey, "a#b").contains(QStringLiteral("contains \"#\"")));
    QCOMPARE(CsvImport::fieldProblem(CsvImport::DeviceSecret, "s3cret"), QString());
    QVERIFY(CsvImport::fieldProblem(CsvImport::DeviceSecret, CsvImport::kRedactedSecret)
                .contains(QStringLiteral("exported without secrets")));
    QVERIFY(CsvImport::fieldProblem(CsvImport::DeviceSecret, "\xff\xfe")
                .contains(QStringLiteral("not valid UTF-8")));
}

void TestCsvImport::allOrNothing()
{
    // Errors of every kind are reported together, sorted by line, one per bad row.
    CsvImport import(*m_workspace);
    const auto preview = import.previewData("ProductKey,DeviceName,DeviceSecret\n"
                                            "pk1,device01,a\n"
                                            "pk1,bad,b\n"
                                            "pk1,device03,c\n"
                                            "pk1,device01,d\n"
                                            ",device05,e\n");
    QVERIFY(preview);
    QCOMPARE(preview->rowCount, 5);
    QCOMPARE(preview->errorRowCount, 3);
    QCOMPARE(preview->validRowCount(), 2);
    QCOMPARE(preview->errors.at(0).line, 3);
    QCOMPARE(preview->errors.at(1).line, 5);
    QCOMPARE(preview->errors.at(2).line, 6);
    QVERIFY(!import.commit(*preview));
    QCOMPARE(storedValue(m_workspace->identities().deviceCount()), 0);
    QVERIFY(storedValue(m_workspace->identities().products()).isEmpty());
}

void TestCsvImport::commitImportsEverything()
{
    STORE_VERIFY(
        m_workspace->identities().upsertProduct({QStringLiteral("pk1"), QStringLiteral("Existing")}));
    QByteArray csv = "DeviceName,ProductKey,DeviceSecret\n";
    for (int i = 0; i < 300; ++i)
        csv += "device" + QByteArray::number(i).rightJustified(3, '0') + (i % 3 ? ",pk1," : ",pk2,") +
               "secret" + QByteArray::number(i) + "\n";
    CsvImport import(*m_workspace);
    const auto preview = import.previewData(csv, 10);
    QVERIFY(preview);
    QCOMPARE(preview->rowCount, 300);
    QCOMPARE(preview->firstRows.size(), 10);
    QCOMPARE(preview->firstRows.at(9).line, 11);
    QCOMPARE(preview->productKeys, (QStringList{QStringLiteral("pk2"), QStringLiteral("pk1")}));
    QCOMPARE(preview->newProducts, QStringList{QStringLiteral("pk2")});
    QVERIFY(preview->summary().contains(QStringLiteral("300")));

    QList<qsizetype> progress;
    const auto imported = import.commit(*preview, [&progress](qsizetype done, qsizetype total) {
        progress.append(done);
        return total == 300;
    });
    QCOMPARE(imported.value(), 300);
    QCOMPARE(progress.first(), 0);
    QCOMPARE(progress.last(), 300);
    QCOMPARE(storedValue(m_workspace->identities().deviceCount()), 300);
    QCOMPARE(storedValue(m_workspace->identities().deviceCount(QStringLiteral("pk2"))), 100);
    QCOMPARE(storedValue(m_workspace->identities().product(QStringLiteral("pk1")))->name,
             QStringLiteral("Existing"));
    QCOMPARE(
        m_workspace->identities().deviceSecret(QStringLiteral("pk1"), QStringLiteral("device299")).value(),
        "secret299");
    // The same file again: every row is now already in the workspace.
    const auto again = import.previewData(csv);
    QCOMPARE(again->errorRowCount, 300);
    QVERIFY(again->errors.first().message.contains(QStringLiteral("already in the workspace")));
}

void TestCsvImport::commitFromFile()
{
    const QString path = m_dir->filePath(QStringLiteral("devices.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("ProductKey,DeviceName,DeviceSecret\npk1,device01,a\npk1,device02,b\n");
    file.close();
    CsvImport import(*m_workspace);
    const auto preview = import.previewFile(path);
    QVERIFY(preview);
    QCOMPARE(preview->sourcePath, path);
    QCOMPARE(import.commit(*preview).value(), 2);
    const auto missing = import.previewFile(m_dir->filePath(QStringLiteral("absent.csv")));
    QVERIFY(!missing);
    QVERIFY(missing.error().message().contains(QStringLiteral("absent.csv")));
}

void TestCsvImport::fileChangedAfterPreview()
{
    const QString path = m_dir->filePath(QStringLiteral("devices.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("ProductKey,DeviceName,DeviceSecret\npk1,device01,a\n");
    file.close();
    CsvImport import(*m_workspace);
    const auto preview = import.previewFile(path);
    QVERIFY(preview && preview->canCommit());
    QVERIFY(file.open(QIODevice::Append));
    file.write("pk1,x,b\n");
    file.close();
    const auto committed = import.commit(*preview);
    QVERIFY(!committed);
    QVERIFY(committed.error().message().contains(QStringLiteral("changed after the preview")));
    QCOMPARE(storedValue(m_workspace->identities().deviceCount()), 0);
}

void TestCsvImport::lockedWorkspace()
{
    m_workspace->keys().setSealer(nullptr);
    CsvImport import(*m_workspace);
    const auto preview = import.previewData("ProductKey,DeviceName,DeviceSecret\npk1,device01,a\n");
    QVERIFY(preview && preview->canCommit()); // a preview needs no key
    const auto committed = import.commit(*preview);
    QVERIFY(!committed);
    QVERIFY(committed.error().message().contains(QStringLiteral("locked")));
    QCOMPARE(storedValue(m_workspace->identities().deviceCount()), 0);
}

void TestCsvImport::cancelImportsNothing()
{
    QByteArray csv = "ProductKey,DeviceName,DeviceSecret\n";
    for (int i = 0; i < 10000; ++i)
        csv += "pk1,device" + QByteArray::number(i) + ",s\n";
    CsvImport import(*m_workspace);
    const auto preview = import.previewData(csv);
    QVERIFY(preview && preview->canCommit());
    const auto committed = import.commit(*preview, [](qsizetype done, qsizetype) { return done < 8000; });
    QVERIFY(!committed);
    QVERIFY(committed.error().message().contains(QStringLiteral("cancelled")));
    QCOMPARE(storedValue(m_workspace->identities().deviceCount()), 0);
    QVERIFY(storedValue(m_workspace->identities().products()).isEmpty());
}

void TestCsvImport::manyErrorsAreCountedAndCapped()
{
    QByteArray csv = "ProductKey,DeviceName,DeviceSecret\n";
    for (int i = 0; i < 1500; ++i)
        csv += "pk1,d" + QByteArray::number(i % 10) + ",s\n"; // two characters: too short
    const auto preview = CsvImport(*m_workspace).previewData(csv);
    QVERIFY(preview);
    QCOMPARE(preview->errorRowCount, 1500);
    QCOMPARE(preview->errors.size(), CsvImport::kMaxReportedErrors);
    QCOMPARE(preview->errors.last().line, CsvImport::kMaxReportedErrors + 1);
}

QTEST_GUILESS_MAIN(TestCsvImport)
#include "TestCsvImport.moc"
