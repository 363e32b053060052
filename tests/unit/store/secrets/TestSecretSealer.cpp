#include "store/secrets/SecretSealer.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>

#include <atomic>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <thread>
#include <vector>

#ifdef Q_OS_UNIX
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace ConfigDeck::Store;

namespace {

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    if (size > 0)
        RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), size);
    return bytes;
}

// An independent AES-256-GCM decryption with a fresh context, to check the format and the context reuse.
std::optional<QByteArray> referenceOpen(const QByteArray& key, const QByteArray& sealed, const QByteArray& ad)
{
    const int size = int(sealed.size()) - SecretSealer::kOverhead;
    const auto* in = reinterpret_cast<const unsigned char*>(sealed.constData());
    QByteArray tag = sealed.right(SecretSealer::kTagSize);
    QByteArray plain(size, '\0');
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    int len = 0;
    int finalLen = 0;
    bool ok = EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, 12, nullptr) == 1 &&
              EVP_DecryptInit_ex(ctx, nullptr, nullptr,
                                 reinterpret_cast<const unsigned char*>(key.constData()), in + 1) == 1;
    ok = ok && EVP_DecryptUpdate(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(ad.constData()),
                                 int(ad.size())) == 1;
    ok = ok &&
         EVP_DecryptUpdate(ctx, reinterpret_cast<unsigned char*>(plain.data()), &len, in + 13, size) == 1;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, 16, tag.data()) == 1;
    ok = ok && EVP_DecryptFinal_ex(ctx, reinterpret_cast<unsigned char*>(plain.data()) + len, &finalLen) == 1;
    EVP_CIPHER_CTX_free(ctx);
    if (!ok)
        return std::nullopt;
    return plain;
}

// What a straightforward implementation costs: a new context, keyed, and one RAND_bytes call per secret.
QByteArray naiveSeal(const QByteArray& key, const QByteArray& plaintext, const QByteArray& ad)
{
    QByteArray sealed(plaintext.size() + SecretSealer::kOverhead, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(sealed.data());
    out[0] = 0x01;
    RAND_bytes(out + 1, 12);
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    int len = 0;
    int finalLen = 0;
    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr,
                       reinterpret_cast<const unsigned char*>(key.constData()), out + 1);
    EVP_EncryptUpdate(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(ad.constData()),
                      int(ad.size()));
    EVP_EncryptUpdate(ctx, out + 13, &len, reinterpret_cast<const unsigned char*>(plaintext.constData()),
                      int(plaintext.size()));
    EVP_EncryptFinal_ex(ctx, out + 13 + len, &finalLen);
    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, out + 13 + plaintext.size());
    EVP_CIPHER_CTX_free(ctx);
    return sealed;
}

} // namespace

class TestSecretSealer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void matchesReferenceAesGcm();
    void nonceFreshness();
    void noNonceReuseAfterFork();
    void tamperEveryByte_data();
    void tamperEveryByte();
    void wrongKey();
    void wrongAssociatedData_data();
    void wrongAssociatedData();
    void truncated_data();
    void truncated();
    void unknownVersion();
    void partsAreLengthPrefixed();
    void opensFormatOne();
    void randomKey();
    void copyAndMove();
    void invalidKey();
    void concurrentUse();
    void costPerSecret();

private:
    QByteArray m_key;
};

void TestSecretSealer::initTestCase()
{
    m_key = SecretSealer::randomKey();
    QCOMPARE(m_key.size(), SecretSealer::kKeySize);
}

void TestSecretSealer::roundTrip_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QByteArray>("associatedData");

    const QByteArray row = QByteArrayLiteral("a1B2c3D4e5F/device-0001");
    QTest::addRow("empty") << QByteArray() << row;
    QTest::addRow("empty, no associated data") << QByteArray() << QByteArray();
    QTest::addRow("ASCII device secret") << QByteArrayLiteral("oLyaKqVxtRvjH284LdhqVgVUx1UPy6zq") << row;
    QTest::addRow("ASCII, no associated data")
        << QByteArrayLiteral("oLyaKqVxtRvjH284LdhqVgVUx1UPy6zq") << QByteArray();
    QTest::addRow("UTF-8") << QStringLiteral(u"设备密钥-Gerätegeheimnis-🔑").toUtf8()
                           << QStringLiteral(u"产品/设备一").toUtf8();
    QTest::addRow("one byte") << QByteArray(1, 'x') << row;
    QTest::addRow("NUL bytes") << QByteArray(40, '\0') << row;
    QTest::addRow("4 KB random") << randomBytes(4096) << row;
    QTest::addRow("4 KB text") << QByteArray(4096, 'S') << row;
}

void TestSecretSealer::roundTrip()
{
    QFETCH(QByteArray, plaintext);
    QFETCH(QByteArray, associatedData);

    const SecretSealer sealer(m_key);
    QVERIFY(sealer.isValid());
    const QByteArray sealed = sealer.seal(plaintext, associatedData);
    QCOMPARE(sealed.size(), plaintext.size() + SecretSealer::kOverhead);
    QCOMPARE(sealed.at(0), char(0x02));

    const auto opened = sealer.open(sealed, associatedData);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
    QCOMPARE(opened.value(), plaintext);

    // No plaintext in the output (for secrets long enough that a chance match is impossible).
    if (plaintext.size() >= 8 && plaintext != QByteArray(plaintext.size(), plaintext.at(0))) {
        QVERIFY(!sealed.contains(plaintext));
        QVERIFY(!sealed.contains(plaintext.left(8)));
    }
    if (plaintext == QByteArray(4096, 'S'))
        QVERIFY(!sealed.contains(QByteArray(8, 'S')));
}

void TestSecretSealer::matchesReferenceAesGcm()
{
    const SecretSealer sealer(m_key);
    // Format 2 authenticates each part behind its length (4 bytes, big-endian).
    const QByteArray ad = QByteArray("\0\0\0\x02"
                                     "pk"
                                     "\0\0\0\x02"
                                     "dn",
                                     12);
    // Several messages through the same reused context, each checked by a fresh one.
    for (int i = 0; i < 50; ++i) {
        const QByteArray plaintext = randomBytes(i * 7);
        const QByteArray sealed = sealer.seal(plaintext, {"pk", "dn"});
        const auto reference = referenceOpen(m_key, sealed, ad);
        QVERIFY2(reference.has_value(), qPrintable(QStringLiteral("message %1").arg(i)));
        QCOMPARE(*reference, plaintext);
        QVERIFY(!referenceOpen(m_key, sealed, QByteArrayLiteral("pk/dn")).has_value());
    }
}

void TestSecretSealer::nonceFreshness()
{
    const SecretSealer sealer(m_key);
    const QByteArray plaintext = QByteArrayLiteral("same secret every time");
    const QByteArray first = sealer.seal(plaintext, "pk/dn");
    const QByteArray second = sealer.seal(plaintext, "pk/dn");
    QVERIFY(first != second);
    QVERIFY(first.mid(1, SecretSealer::kNonceSize) != second.mid(1, SecretSealer::kNonceSize));

    QSet<QByteArray> nonces;
    for (int i = 0; i < 10000; ++i)
        nonces.insert(sealer.seal(plaintext, "pk/dn").mid(1, SecretSealer::kNonceSize));
    QCOMPARE(nonces.size(), 10000);
}

void TestSecretSealer::noNonceReuseAfterFork()
{
#ifndef Q_OS_UNIX
    QSKIP("fork() is POSIX only");
#else
    // Nonces are drawn in batches: a child made by fork() must not hand out the parent's next ones.
    const SecretSealer sealer(m_key);
    QVERIFY(!sealer.seal("fill the nonce pool").isEmpty());
    int pipeFds[2];
    QCOMPARE(pipe(pipeFds), 0);
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        const QByteArray nonces = sealer.seal("in the child").mid(1, SecretSealer::kNonceSize) +
                                  sealer.seal("in the child").mid(1, SecretSealer::kNonceSize);
        const bool written = write(pipeFds[1], nonces.constData(), size_t(nonces.size())) == nonces.size();
        _exit(written ? 0 : 1);
    }
    close(pipeFds[1]);
    QByteArray childNonces(2 * SecretSealer::kNonceSize, '\0');
    const ssize_t got = read(pipeFds[0], childNonces.data(), size_t(childNonces.size()));
    close(pipeFds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    QCOMPARE(got, ssize_t(childNonces.size()));
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    const QByteArray parentNonces = sealer.seal("in the parent").mid(1, SecretSealer::kNonceSize) +
                                    sealer.seal("in the parent").mid(1, SecretSealer::kNonceSize);
    QVERIFY(!parentNonces.contains(childNonces.left(SecretSealer::kNonceSize)));
    QVERIFY(!parentNonces.contains(childNonces.mid(SecretSealer::kNonceSize)));
#endif
}

void TestSecretSealer::tamperEveryByte_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QByteArray>("associatedData");
    QTest::addRow("device secret") << QByteArrayLiteral("oLyaKqVxtRvjH284LdhqVgVUx1UPy6zq")
                                   << QByteArrayLiteral("a14Xib5kdYd/light1983432");
    QTest::addRow("empty secret") << QByteArray() << QByteArrayLiteral("a14Xib5kdYd/light1983432");
}

void TestSecretSealer::tamperEveryByte()
{
    QFETCH(QByteArray, plaintext);
    QFETCH(QByteArray, associatedData);

    const SecretSealer sealer(m_key);
    const QByteArray sealed = sealer.seal(plaintext, associatedData);
    QVERIFY(sealer.open(sealed, associatedData));
    for (qsizetype position = 0; position < sealed.size(); ++position) {
        for (const char flip : {char(0x01), char(0x80), char(0xff)}) {
            QByteArray tampered = sealed;
            tampered[position] = char(tampered[position] ^ flip);
            const auto opened = sealer.open(tampered, associatedData);
            QVERIFY2(
                !opened,
                qPrintable(
                    QStringLiteral("byte %1 ^ %2 was not detected").arg(position).arg(int(quint8(flip)))));
            const QString message = opened.error().message();
            if (position == 0)
                QVERIFY2(message.contains(QLatin1StringView("unknown format version")), qPrintable(message));
            else
                QVERIFY2(message.contains(QLatin1StringView("could not be authenticated")),
                         qPrintable(message));
        }
    }
    // Appending a byte is detected too.
    QVERIFY(!sealer.open(sealed + 'x', associatedData));
}

void TestSecretSealer::wrongKey()
{
    const QByteArray sealed = SecretSealer(m_key).seal("device secret", "pk/dn");
    QByteArray otherKey = m_key;
    otherKey[31] = char(otherKey[31] ^ 1);
    for (const QByteArray& key : {SecretSealer::randomKey(), otherKey}) {
        const auto opened = SecretSealer(key).open(sealed, "pk/dn");
        QVERIFY(!opened);
        QVERIFY(opened.error().message().contains(QLatin1StringView("wrong key")));
    }
}

void TestSecretSealer::wrongAssociatedData_data()
{
    QTest::addColumn<QByteArray>("sealedFor");
    QTest::addColumn<QByteArray>("openedAs");
    QTest::addRow("another device") << QByteArrayLiteral("a14Xib5kdYd/dev1")
                                    << QByteArrayLiteral("a14Xib5kdYd/dev2");
    QTest::addRow("another product") << QByteArrayLiteral("a14Xib5kdYd/dev1")
                                     << QByteArrayLiteral("b14Xib5kdYd/dev1");
    QTest::addRow("case differs") << QByteArrayLiteral("a14Xib5kdYd/dev1")
                                  << QByteArrayLiteral("a14xib5kdYd/dev1");
    QTest::addRow("row to none") << QByteArrayLiteral("a14Xib5kdYd/dev1") << QByteArray();
    QTest::addRow("none to row") << QByteArray() << QByteArrayLiteral("a14Xib5kdYd/dev1");
    QTest::addRow("prefix") << QByteArrayLiteral("a14Xib5kdYd/dev1") << QByteArrayLiteral("a14Xib5kdYd/dev");
}

void TestSecretSealer::wrongAssociatedData()
{
    QFETCH(QByteArray, sealedFor);
    QFETCH(QByteArray, openedAs);
    const SecretSealer sealer(m_key);
    const QByteArray sealed = sealer.seal("oLyaKqVxtRvjH284LdhqVgVUx1UPy6zq", sealedFor);
    QVERIFY(sealer.open(sealed, sealedFor));
    const auto opened = sealer.open(sealed, openedAs);
    QVERIFY(!opened);
    QVERIFY(opened.error().message().contains(QLatin1StringView("belongs to another device")));
}

void TestSecretSealer::truncated_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("expected");
    const QString tooShort = QStringLiteral("too short: %1 bytes, a sealed secret has at least 29 bytes");
    for (int length : {0, 1, 13, 28})
        QTest::addRow("%d bytes", length) << length << tooShort.arg(length);
    // Long enough for the format, but the tag no longer matches.
    QTest::addRow("tag cut") << -1 << QStringLiteral("could not be authenticated");
    QTest::addRow("ciphertext cut") << -5 << QStringLiteral("could not be authenticated");
}

void TestSecretSealer::truncated()
{
    QFETCH(int, length);
    QFETCH(QString, expected);
    const SecretSealer sealer(m_key);
    const QByteArray sealed = sealer.seal("oLyaKqVxtRvjH284LdhqVgVUx1UPy6zq", "pk/dn");
    const QByteArray input = length >= 0 ? sealed.left(length) : sealed.chopped(-length);
    const auto opened = sealer.open(input, "pk/dn");
    QVERIFY(!opened);
    QVERIFY2(opened.error().message().contains(expected), qPrintable(opened.error().message()));
}

void TestSecretSealer::unknownVersion()
{
    const SecretSealer sealer(m_key);
    QByteArray sealed = sealer.seal("secret", "pk/dn");
    sealed[0] = char(0x03);
    const auto opened = sealer.open(sealed, "pk/dn");
    QVERIFY(!opened);
    QCOMPARE(opened.error().message(),
             QStringLiteral("The sealed secret has an unknown format version 3 (this "
                            "version of ConfigDeck reads versions 1 and 2)"));
}

void TestSecretSealer::partsAreLengthPrefixed()
{
    const SecretSealer sealer(m_key);
    const QByteArray sealed = sealer.seal("oLyaKqVxtRvjH284LdhqVgVUx1UPy6zq", {"a", "bc"});
    QVERIFY(sealer.open(sealed, {"a", "bc"}));
    QVERIFY(!sealer.open(sealed, {"ab", "c"}));
    QVERIFY(!sealer.open(sealed, {"a/bc"}));
    QVERIFY(!sealer.open(sealed, {"a", "bc", ""}));
    QVERIFY(!sealer.open(sealed));
}

void TestSecretSealer::opensFormatOne()
{
    // Sealed by ConfigDeck before format 2 (AES-256-GCM, associated data "ProductKey/DeviceName"), with the
    // key 00 01 .. 1f: a workspace made then must still open.
    QByteArray key(SecretSealer::kKeySize, Qt::Uninitialized);
    for (int i = 0; i < key.size(); ++i)
        key[i] = char(i);
    const QByteArray sealed = QByteArray::fromHex(
        "010707070707070707070707076026df3d247e818cb2cf65eac863ccafed38e502de90d74c868a0baa7de8486a81a9e106"
        "c50c51905e9c85139f5929ac");
    const SecretSealer sealer(key);
    const auto opened = sealer.open(sealed, {"a14Xib5kdYd", "dev1"});
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
    QCOMPARE(*opened, QByteArrayLiteral("oLyaKqVxtRvjH284LdhqVgVUx1UPy6zq"));
    QVERIFY(!sealer.open(sealed, {"a14Xib5kdYd", "dev2"}));
    // Sealed again, it is format 2.
    QCOMPARE(sealer.seal(*opened, {"a14Xib5kdYd", "dev1"}).at(0), SecretSealer::kFormatVersion);
}

void TestSecretSealer::randomKey()
{
    QSet<QByteArray> keys;
    for (int i = 0; i < 100; ++i) {
        const QByteArray key = SecretSealer::randomKey();
        QCOMPARE(key.size(), 32);
        keys.insert(key);
    }
    QCOMPARE(keys.size(), 100);
}

void TestSecretSealer::copyAndMove()
{
    SecretSealer original(m_key);
    const QByteArray sealed = original.seal("secret", "pk/dn");

    const SecretSealer copy(original);
    QVERIFY(copy.isValid());
    QCOMPARE(copy.open(sealed, "pk/dn").value(), QByteArrayLiteral("secret"));
    QCOMPARE(original.open(copy.seal("other", "x"), "x").value(), QByteArrayLiteral("other"));

    SecretSealer assigned(SecretSealer::randomKey());
    assigned = copy;
    QCOMPARE(assigned.open(sealed, "pk/dn").value(), QByteArrayLiteral("secret"));

    SecretSealer moved(std::move(original));
    QVERIFY(moved.isValid());
    QCOMPARE(moved.open(sealed, "pk/dn").value(), QByteArrayLiteral("secret"));
    QVERIFY(!original.isValid()); // NOLINT(bugprone-use-after-move): a moved-from sealer is empty
    QVERIFY(!original.open(sealed, "pk/dn"));
    QTest::ignoreMessage(QtCriticalMsg, "seal() called on a SecretSealer without a valid key");
    QVERIFY(original.seal("x").isEmpty());
}

void TestSecretSealer::invalidKey()
{
#ifndef QT_NO_DEBUG
    QSKIP("A key of the wrong size trips a Q_ASSERT in debug builds; checked in release builds only");
#else
    for (int size : {0, 16, 31, 33, 64}) {
        const SecretSealer sealer(QByteArray(size, 'k'));
        QVERIFY(!sealer.isValid());
        QTest::ignoreMessage(QtCriticalMsg, "seal() called on a SecretSealer without a valid key");
        QVERIFY(sealer.seal("secret").isEmpty());
        const auto opened = sealer.open(QByteArray(40, '\x01'));
        QVERIFY(!opened);
        QVERIFY(opened.error().message().contains(QLatin1StringView("no valid key")));
    }
#endif
}

void TestSecretSealer::concurrentUse()
{
    // const seal()/open() share one context per direction: they must be safe from several threads.
    const SecretSealer sealer(m_key);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&sealer, &failures, t] {
            for (int i = 0; i < 5000; ++i) {
                const QByteArray plaintext = QByteArray::number(t) + '/' + QByteArray::number(i);
                const QByteArray ad = "row" + QByteArray::number(i);
                const auto opened = sealer.open(sealer.seal(plaintext, ad), ad);
                if (!opened || opened.value() != plaintext)
                    ++failures;
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
}

void TestSecretSealer::costPerSecret()
{
    // A CSV import seals 1,000,000 DeviceSecrets: time exactly that, plus a baseline that makes a new keyed
    // context and calls RAND_bytes per secret (what the context reuse and the nonce batches save).
    // Figures only, no timing assertion.
    constexpr int count = 1000000;
    constexpr int baselineCount = 100000;
    const SecretSealer sealer(m_key);
    const QByteArray secret = QByteArrayLiteral("oLyaKqVxtRvjH284LdhqVgVUx1UPy6zq");
    QList<QByteArray> rows;
    for (int i = 0; i < 1000; ++i)
        rows << QByteArrayLiteral("a14Xib5kdYd/device-") + QByteArray::number(i);

    QElapsedTimer timer;
    timer.start();
    qsizetype total = 0;
    QByteArray last;
    for (int i = 0; i < count; ++i) {
        last = sealer.seal(secret, rows.at(i % rows.size()));
        total += last.size();
    }
    const qint64 sealNs = timer.nsecsElapsed();
    QCOMPARE(total, qsizetype(count) * (secret.size() + SecretSealer::kOverhead));

    const QByteArray sealed = sealer.seal(secret, rows.at(0));
    timer.restart();
    for (int i = 0; i < count; ++i) {
        if (!sealer.open(sealed, rows.at(0)))
            QFAIL("open failed");
    }
    const qint64 openNs = timer.nsecsElapsed();

    timer.restart();
    for (int i = 0; i < baselineCount; ++i)
        total += naiveSeal(m_key, secret, rows.at(i % rows.size())).size();
    const qint64 baselineNs = timer.nsecsElapsed();

    const double sealPer = double(sealNs) / count;
    const double openPer = double(openNs) / count;
    const double baselinePer = double(baselineNs) / baselineCount;
    qDebug("seal: %d secrets in %.3f s = %.0f ns per secret", count, sealNs / 1e9, sealPer);
    qDebug("open: %d secrets in %.3f s = %.0f ns per secret", count, openNs / 1e9, openPer);
    qDebug("baseline (new keyed context + RAND_bytes per secret, %d secrets): %.0f ns per secret; "
           "SecretSealer::seal is %.1fx faster",
           baselineCount, baselinePer, baselinePer / sealPer);
    QVERIFY(referenceOpen(m_key, naiveSeal(m_key, secret, rows.at(0)), rows.at(0)).has_value());
}

QTEST_GUILESS_MAIN(TestSecretSealer)
#include "TestSecretSealer.moc"
