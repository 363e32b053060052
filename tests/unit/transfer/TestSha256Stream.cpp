#include "transfer/Sha256Stream.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using ConfigDeck::Transfer::Sha256Stream;

class TestSha256Stream final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownVectors_data();
    void knownVectors();
    void chunkedEqualsOneShot_data();
    void chunkedEqualsOneShot();
    void resultDoesNotEndTheStream();
    void resetStartsOver();
    void fileDigest();
    void fileDigestOfMissingFile();
};

void TestSha256Stream::knownVectors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("digest");
    // FIPS 180-2 / NIST CAVS vectors.
    QTest::addRow("empty") << QByteArray()
                           << QStringLiteral(
                                  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::addRow("abc") << QByteArray("abc")
                         << QStringLiteral(
                                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::addRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                              << QStringLiteral(
                                     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::addRow("million a") << QByteArray(1000000, 'a')
                               << QStringLiteral(
                                      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

void TestSha256Stream::knownVectors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, digest);
    Sha256Stream stream;
    stream.addData(input);
    QCOMPARE(stream.result(), digest);
    QCOMPARE(stream.resultBytes().toHex(), digest.toLatin1());
    QCOMPARE(stream.bytesHashed(), qint64(input.size()));
    QCOMPARE(Sha256Stream::hash(input), digest);
}

void TestSha256Stream::chunkedEqualsOneShot_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("chunk");
    QTest::addRow("1 byte chunks") << 1000 << 1;
    QTest::addRow("63 byte chunks (across blocks)") << 10000 << 63;
    QTest::addRow("64 byte chunks (block size)") << 4096 << 64;
    QTest::addRow("uneven 4097") << 1 << 4097;
    QTest::addRow("1 MB in 65537") << (1 << 20) << 65537;
}

void TestSha256Stream::chunkedEqualsOneShot()
{
    QFETCH(int, size);
    QFETCH(int, chunk);
    QByteArray data(size, Qt::Uninitialized);
    for (char& c : data)
        c = char(QRandomGenerator::global()->bounded(256));

    Sha256Stream stream;
    for (qsizetype at = 0; at < data.size(); at += chunk)
        stream.addData(QByteArrayView(data).sliced(at, std::min<qsizetype>(chunk, data.size() - at)));
    const QString expected =
        QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    QCOMPARE(stream.result(), expected);
    QCOMPARE(Sha256Stream::hash(data), expected);
}

void TestSha256Stream::resultDoesNotEndTheStream()
{
    Sha256Stream stream;
    stream.addData("ab");
    QCOMPARE(stream.result(), Sha256Stream::hash("ab"));
    stream.addData("c");
    QCOMPARE(stream.result(),
             QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

void TestSha256Stream::resetStartsOver()
{
    Sha256Stream stream;
    stream.addData("something else");
    stream.reset();
    QCOMPARE(stream.bytesHashed(), qint64(0));
    QCOMPARE(stream.result(),
             QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    stream.addData("abc");
    QCOMPARE(stream.result(),
             QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

void TestSha256Stream::fileDigest()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Larger than the read chunk and not a multiple of it.
    QByteArray data(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = char((i * 131) ^ (i >> 9));
    const QString path = dir.filePath(QStringLiteral("config.bin"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(data), qint64(data.size()));
    file.close();

    const auto digest = Sha256Stream::fileDigest(path);
    QVERIFY(digest.hasValue());
    QCOMPARE(*digest,
             QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));

    const QString emptyPath = dir.filePath(QStringLiteral("empty"));
    QFile empty(emptyPath);
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    QCOMPARE(*Sha256Stream::fileDigest(emptyPath),
             QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

void TestSha256Stream::fileDigestOfMissingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.json"));
    const auto digest = Sha256Stream::fileDigest(path);
    QVERIFY(!digest.hasValue());
    QCOMPARE(digest.error().field, path);
    QVERIFY2(digest.error().reason.contains(QLatin1StringView("cannot open")),
             qPrintable(digest.error().message()));
}

QTEST_GUILESS_MAIN(TestSha256Stream)
#include "TestSha256Stream.moc"
