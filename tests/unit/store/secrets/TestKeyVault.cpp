#include "store/secrets/KeyVault.h"
#include "store/secrets/SecretSealer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace ConfigDeck::Store;
using ConfigDeck::Alink::Expected;

namespace {

// A new record under any passphrase but the Demo's needs at least the default.
constexpr int kTestIterations = KeyRecord::kDefaultIterations;

QString newWorkspaceId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool inTestSession()
{
    return qEnvironmentVariable("CONFIGDECK_IN_TEST_SESSION") == QLatin1StringView("1");
}

// A record's bytes with one JSON field replaced (or removed, when value is undefined).
QByteArray withField(const QByteArray& bytes, const QString& name, const QJsonValue& value)
{
    QJsonObject object = QJsonDocument::fromJson(bytes).object();
    if (value.isUndefined())
        object.remove(name);
    else
        object.insert(name, value);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Asks the Secret Service directly (libsecret's secret-tool, not QtKeychain) for a workspace's entry, as
// QtKeychain files it: attributes user=<entry>, server=<service>, type=base64. Empty when there is none.
QByteArray secretToolLookup(const QString& workspaceId)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("ConfigDeck"),
                QStringLiteral("user"), QStringLiteral("workspace-") + workspaceId, QStringLiteral("type"),
                QStringLiteral("base64")});
    if (!tool.waitForFinished(30000))
        return {};
    return tool.readAllStandardOutput().trimmed();
}

} // namespace

// The OS keychain rows run against a real Secret Service: only under tests/with-test-session.sh (which
// sets CONFIGDECK_IN_TEST_SESSION=1), where an unavailable keychain is a failure, not a skip.
#define REQUIRE_KEYCHAIN()                                                                                   \
    do {                                                                                                     \
        if (!inTestSession())                                                                                \
            QSKIP("OS keychain rows run only under tests/with-test-session.sh (a private D-Bus session "     \
                  "with an "                                                                                 \
                  "unlocked gnome-keyring), so that your own keychain is left alone");                       \
        if (!m_keychainAvailable)                                                                            \
            QFAIL("CONFIGDECK_IN_TEST_SESSION=1 but the OS keychain is unavailable: "                        \
                  "tests/with-test-session.sh "                                                              \
                  "did not give a working Secret Service");                                                  \
    } while (false)

class TestKeyVault : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    // KeyRecord
    void recordRoundTrip_data();
    void recordRoundTrip();
    void garbageRejected_data();
    void garbageRejected();
    void noPlaintextInRecord();

    // Passphrase mode
    void passphraseCreateUnlock_data();
    void passphraseCreateUnlock();
    void wrongPassphrase_data();
    void wrongPassphrase();
    void passphraseTooShort_data();
    void passphraseTooShort();
    void passphraseUnicodeNormalized();
    void changePassphrase();
    void changePassphraseErrors();
    void defaultIterations();
    void invalidArguments_data();
    void invalidArguments();
    void demoPassphraseKeepsFewIterations();
    void recordOfAnotherWorkspace();
    void opensFormatOneRecord();

    // Keychain mode, real Secret Service
    void keychainRoundTrip_data();
    void keychainRoundTrip();
    void keychainEntryMissing();
    void keychainEntryReplaced();
    void keychainToPassphrase();
    void keychainUnavailable();

private:
    bool m_keychainAvailable = false;
    QList<KeyRecord> m_keychainRecords; // forgotten in cleanupTestCase, should a row fail half-way
};

void TestKeyVault::initTestCase()
{
    QElapsedTimer timer;
    timer.start();
    m_keychainAvailable = KeyVault::keychainAvailable();
    qDebug("OS keychain available: %s (probe took %lld ms), in test session: %s",
           m_keychainAvailable ? "yes" : "no", timer.elapsed(), inTestSession() ? "yes" : "no");
}

void TestKeyVault::cleanupTestCase()
{
    if (!m_keychainAvailable)
        return;
    for (const KeyRecord& record : std::as_const(m_keychainRecords))
        KeyVault::forget(record);
}

// ---- KeyRecord ---------------------------------------------------------------------------------------

void TestKeyVault::recordRoundTrip_data()
{
    QTest::addColumn<KeyRecord>("record");

    const auto created = KeyVault::create(KeyRecord::Mode::Passphrase, newWorkspaceId(),
                                          QStringLiteral("correct horse"), kTestIterations);
    QVERIFY(created);
    const KeyRecord passphrase = created->second;
    QTest::addRow("passphrase") << passphrase;

    // A keychain record has only the id and the verifier.
    KeyRecord keychain;
    keychain.mode = KeyRecord::Mode::Keychain;
    keychain.workspaceId = passphrase.workspaceId;
    keychain.verifier = passphrase.verifier;
    QTest::addRow("keychain") << keychain;
}

void TestKeyVault::recordRoundTrip()
{
    QFETCH(KeyRecord, record);
    const QByteArray bytes = record.toBytes();
    const auto parsed = KeyRecord::fromBytes(bytes);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message()));
    QVERIFY(parsed.value() == record);
    QCOMPARE(parsed->toBytes(), bytes);

    const QJsonObject object = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(object.value(QStringLiteral("format")).toString(), QStringLiteral("configdeck-key-record"));
    QCOMPARE(object.value(QStringLiteral("version")).toInt(), 1);
}

void TestKeyVault::garbageRejected_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected"); // part of the error message

    const auto created = KeyVault::create(KeyRecord::Mode::Passphrase, newWorkspaceId(),
                                          QStringLiteral("correct horse"), kTestIterations);
    QVERIFY(created);
    const QByteArray good = created->second.toBytes();
    const QString shortSalt = QString::fromLatin1(QByteArray(15, 's').toBase64());
    const QString shortKey = QString::fromLatin1(QByteArray(60, 'w').toBase64());

    QTest::addRow("empty") << QByteArray() << QStringLiteral("keyRecord: The key record is empty");
    QTest::addRow("not JSON") << QByteArrayLiteral("garbage\x01\x02") << QStringLiteral("not valid JSON");
    QTest::addRow("truncated JSON") << good.left(good.size() / 2) << QStringLiteral("not valid JSON");
    QTest::addRow("array") << QByteArrayLiteral("[1,2]") << QStringLiteral("not a JSON object");
    QTest::addRow("empty object") << QByteArrayLiteral("{}")
                                  << QStringLiteral("keyRecord.format: Not a ConfigDeck key record");
    QTest::addRow("too large") << QByteArray(70000, ' ') << QStringLiteral("too large: 70000 bytes");
    QTest::addRow("other format") << withField(good, QStringLiteral("format"), QStringLiteral("keepass"))
                                  << QStringLiteral("keyRecord.format");
    QTest::addRow("newer version") << withField(good, QStringLiteral("version"), 2)
                                   << QStringLiteral("format version 2, written by a newer ConfigDeck");
    QTest::addRow("version as text") << withField(good, QStringLiteral("version"), QStringLiteral("1"))
                                     << QStringLiteral("keyRecord.version: Missing or not an integer");
    QTest::addRow("version 0") << withField(good, QStringLiteral("version"), 0)
                               << QStringLiteral("Invalid version 0");
    QTest::addRow("unknown mode") << withField(good, QStringLiteral("mode"), QStringLiteral("cloud"))
                                  << QStringLiteral("keyRecord.mode: Unknown mode “cloud”");
    QTest::addRow("bad workspace id")
        << withField(good, QStringLiteral("workspaceId"), QStringLiteral("ws-1"))
        << QStringLiteral("keyRecord.workspaceId: “ws-1” is not a workspace id");
    QTest::addRow("workspace id missing")
        << withField(good, QStringLiteral("workspaceId"), QJsonValue::Undefined)
        << QStringLiteral("keyRecord.workspaceId: Missing");
    QTest::addRow("unknown kdf") << withField(good, QStringLiteral("kdf"), QStringLiteral("scrypt"))
                                 << QStringLiteral("keyRecord.kdf: Unknown key derivation “scrypt”");
    QTest::addRow("short salt") << withField(good, QStringLiteral("salt"), shortSalt)
                                << QStringLiteral("keyRecord.salt: The salt has 15 bytes");
    QTest::addRow("salt not base64") << withField(good, QStringLiteral("salt"),
                                                  QStringLiteral("!!not base64!!"))
                                     << QStringLiteral("keyRecord.salt: Missing or not base64");
    QTest::addRow("iterations too low")
        << withField(good, QStringLiteral("iterations"), 999)
        << QStringLiteral("keyRecord.iterations: The PBKDF2 iteration count 999");
    QTest::addRow("iterations fractional")
        << withField(good, QStringLiteral("iterations"), 1000.5)
        << QStringLiteral("keyRecord.iterations: Missing or not an integer");
    QTest::addRow("iterations huge") << withField(good, QStringLiteral("iterations"), 1e12)
                                     << QStringLiteral("keyRecord.iterations");
    QTest::addRow("wrapped key short")
        << withField(good, QStringLiteral("wrappedKey"), shortKey)
        << QStringLiteral("keyRecord.wrappedKey: The wrapped key has 60 bytes, 61 expected");
    QTest::addRow("verifier missing") << withField(good, QStringLiteral("verifier"), QJsonValue::Undefined)
                                      << QStringLiteral("keyRecord.verifier: Missing or not base64");
    QTest::addRow("unexpected field")
        << withField(good, QStringLiteral("key"), QStringLiteral("AAAA"))
        << QStringLiteral("keyRecord.key: Unexpected field in a passphrase key record");
    QTest::addRow("keychain record with salt")
        << withField(good, QStringLiteral("mode"), QStringLiteral("keychain"))
        << QStringLiteral("Unexpected field in a keychain key record");
}

void TestKeyVault::garbageRejected()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const auto parsed = KeyRecord::fromBytes(bytes);
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().message().contains(expected), qPrintable(parsed.error().message()));
}

void TestKeyVault::noPlaintextInRecord()
{
    const QString passphrase = QStringLiteral("correct horse battery staple");
    const auto created =
        KeyVault::create(KeyRecord::Mode::Passphrase, newWorkspaceId(), passphrase, kTestIterations);
    QVERIFY(created);
    const QByteArray key = created->first;
    const QByteArray bytes = created->second.toBytes();
    QVERIFY(!bytes.contains(key));
    QVERIFY(!bytes.contains(key.left(8)));
    QVERIFY(!bytes.contains(key.toBase64()));
    QVERIFY(!bytes.contains(key.toBase64().left(12)));
    QVERIFY(!bytes.contains(key.toHex()));
    QVERIFY(!bytes.contains(key.toHex().left(16)));
    QVERIFY(!bytes.contains(passphrase.toUtf8()));
    QVERIFY(!bytes.contains("horse"));
    QVERIFY(!created->second.wrappedKey.contains(key.left(8)));
    QVERIFY(!created->second.verifier.contains("verifier"));
}

// ---- Passphrase mode ---------------------------------------------------------------------------------

void TestKeyVault::passphraseCreateUnlock_data()
{
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("workspaceId");
    const QString id = newWorkspaceId();
    QTest::addRow("ASCII") << QStringLiteral("correct horse") << id;
    QTest::addRow("exactly 8") << QStringLiteral("12345678") << newWorkspaceId();
    QTest::addRow("Chinese, 8 characters") << QStringLiteral(u"设备配置管理密码") << newWorkspaceId();
    QTest::addRow("long") << QString(500, QLatin1Char('p')) << newWorkspaceId();
    QTest::addRow("braced id") << QStringLiteral("correct horse")
                               << (QLatin1Char('{') + newWorkspaceId() + QLatin1Char('}'));
}

void TestKeyVault::passphraseCreateUnlock()
{
    QFETCH(QString, passphrase);
    QFETCH(QString, workspaceId);

    const auto created =
        KeyVault::create(KeyRecord::Mode::Passphrase, workspaceId, passphrase, kTestIterations);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message()));
    const auto& [key, record] = created.value();
    QCOMPARE(key.size(), SecretSealer::kKeySize);
    QCOMPARE(record.mode, KeyRecord::Mode::Passphrase);
    QCOMPARE(record.workspaceId, QUuid::fromString(workspaceId).toString(QUuid::WithoutBraces));
    QCOMPARE(record.kdf, QStringLiteral("PBKDF2-HMAC-SHA256"));
    QCOMPARE(record.iterations, kTestIterations);
    QVERIFY(record.salt.size() >= 16);

    const auto unlocked = KeyVault::unlock(record, passphrase);
    QVERIFY2(unlocked, qPrintable(unlocked ? QString() : unlocked.error().message()));
    QCOMPARE(unlocked.value(), key);

    // The same through the bytes stored in the workspace file.
    const auto reread = KeyRecord::fromBytes(record.toBytes());
    QVERIFY(reread);
    QCOMPARE(KeyVault::unlock(reread.value(), passphrase).value(), key);

    // A new workspace gets a new key and a new salt.
    const auto other =
        KeyVault::create(KeyRecord::Mode::Passphrase, newWorkspaceId(), passphrase, kTestIterations);
    QVERIFY(other);
    QVERIFY(other->first != key);
    QVERIFY(other->second.salt != record.salt);
}

void TestKeyVault::wrongPassphrase_data()
{
    QTest::addColumn<QString>("attempt");
    QTest::addColumn<QString>("expected");
    QTest::addRow("different") << QStringLiteral("incorrect horse")
                               << QStringLiteral("passphrase: Wrong passphrase");
    QTest::addRow("case differs") << QStringLiteral("Correct Horse")
                                  << QStringLiteral("passphrase: Wrong passphrase");
    QTest::addRow("trailing space") << QStringLiteral("correct horse ")
                                    << QStringLiteral("passphrase: Wrong passphrase");
    QTest::addRow("prefix") << QStringLiteral("correct hors")
                            << QStringLiteral("passphrase: Wrong passphrase");
    QTest::addRow("empty") << QString() << QStringLiteral("protected by a passphrase: enter it");
}

void TestKeyVault::wrongPassphrase()
{
    QFETCH(QString, attempt);
    QFETCH(QString, expected);
    const auto created = KeyVault::create(KeyRecord::Mode::Passphrase, newWorkspaceId(),
                                          QStringLiteral("correct horse"), kTestIterations);
    QVERIFY(created);
    const auto unlocked = KeyVault::unlock(created->second, attempt);
    QVERIFY(!unlocked);
    QVERIFY2(unlocked.error().message().contains(expected), qPrintable(unlocked.error().message()));
}

void TestKeyVault::passphraseTooShort_data()
{
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<int>("characters");
    QTest::addRow("empty") << QString() << 0;
    QTest::addRow("7 ASCII") << QStringLiteral("1234567") << 7;
    // 14 UTF-16 code units, but 7 characters.
    QTest::addRow("7 emoji") << QStringLiteral(u"🔑🔑🔑🔑🔑🔑🔑") << 7;
}

void TestKeyVault::passphraseTooShort()
{
    QFETCH(QString, passphrase);
    QFETCH(int, characters);
    const auto created =
        KeyVault::create(KeyRecord::Mode::Passphrase, newWorkspaceId(), passphrase, kTestIterations);
    QVERIFY(!created);
    QCOMPARE(created.error().field, QStringLiteral("passphrase"));
    QCOMPARE(created.error().message(),
             QStringLiteral("passphrase: The passphrase is too short: %1 characters, at least 8 are needed")
                 .arg(characters));
}

void TestKeyVault::passphraseUnicodeNormalized()
{
    // "Gerätepasswort" typed with a precomposed ä (NFC) and with a + combining diaeresis (NFD).
    const QString composed = QStringLiteral(u"Ger\u00e4tepasswort");
    const QString decomposed = QStringLiteral(u"Gera\u0308tepasswort");
    QVERIFY(composed != decomposed);
    const auto created =
        KeyVault::create(KeyRecord::Mode::Passphrase, newWorkspaceId(), decomposed, kTestIterations);
    QVERIFY(created);
    QCOMPARE(KeyVault::unlock(created->second, composed).value(), created->first);
    QCOMPARE(KeyVault::unlock(created->second, decomposed).value(), created->first);
}

void TestKeyVault::changePassphrase()
{
    const QString oldPassphrase = QStringLiteral("old passphrase");
    const QString newPassphrase = QStringLiteral("new passphrase");
    const auto created =
        KeyVault::create(KeyRecord::Mode::Passphrase, newWorkspaceId(), oldPassphrase, kTestIterations);
    QVERIFY(created);
    const auto& [key, record] = created.value();

    const auto changed = KeyVault::changePassphrase(record, oldPassphrase, newPassphrase, kTestIterations);
    QVERIFY2(changed, qPrintable(changed ? QString() : changed.error().message()));
    QCOMPARE(changed->workspaceId, record.workspaceId);
    QVERIFY(changed->salt != record.salt);
    QVERIFY(changed->wrappedKey != record.wrappedKey);

    // The key is the same (sealed secrets stay valid); only the new passphrase opens the new record.
    QCOMPARE(KeyVault::unlock(changed.value(), newPassphrase).value(), key);
    const auto withOld = KeyVault::unlock(changed.value(), oldPassphrase);
    QVERIFY(!withOld);
    QVERIFY(withOld.error().message().contains(QLatin1StringView("Wrong passphrase")));
    // The old record is untouched.
    QCOMPARE(KeyVault::unlock(record, oldPassphrase).value(), key);

    const auto reread = KeyRecord::fromBytes(changed->toBytes());
    QVERIFY(reread);
    QCOMPARE(KeyVault::unlock(reread.value(), newPassphrase).value(), key);
}

void TestKeyVault::changePassphraseErrors()
{
    const auto created = KeyVault::create(KeyRecord::Mode::Passphrase, newWorkspaceId(),
                                          QStringLiteral("old passphrase"), kTestIterations);
    QVERIFY(created);
    const KeyRecord record = created->second;

    const auto wrongOld = KeyVault::changePassphrase(record, QStringLiteral("not the old one"),
                                                     QStringLiteral("new passphrase"), kTestIterations);
    QVERIFY(!wrongOld);
    QCOMPARE(wrongOld.error().message(), QStringLiteral("passphrase: Wrong passphrase for this workspace"));

    const auto shortNew = KeyVault::changePassphrase(record, QStringLiteral("old passphrase"),
                                                     QStringLiteral("short"), kTestIterations);
    QVERIFY(!shortNew);
    QCOMPARE(shortNew.error().field, QStringLiteral("newPassphrase"));
    QVERIFY(shortNew.error().message().contains(QLatin1StringView("too short: 5 characters")));

    KeyRecord keychain;
    keychain.mode = KeyRecord::Mode::Keychain;
    keychain.workspaceId = record.workspaceId;
    keychain.verifier = record.verifier;
    const auto notPassphrase = KeyVault::changePassphrase(keychain, QStringLiteral("old passphrase"),
                                                          QStringLiteral("new passphrase"), kTestIterations);
    QVERIFY(!notPassphrase);
    QVERIFY(notPassphrase.error().message().contains(QLatin1StringView("has no passphrase to change")));
}

void TestKeyVault::defaultIterations()
{
    QVERIFY(KeyRecord::kDefaultIterations >= 600000);
    QElapsedTimer timer;
    timer.start();
    const auto created =
        KeyVault::create(KeyRecord::Mode::Passphrase, newWorkspaceId(), QStringLiteral("correct horse"));
    QVERIFY(created);
    QCOMPARE(created->second.iterations, KeyRecord::kDefaultIterations);
    const qint64 createMs = timer.restart();
    QCOMPARE(KeyVault::unlock(created->second, QStringLiteral("correct horse")).value(), created->first);
    qDebug("PBKDF2-HMAC-SHA256 with %d iterations: create %lld ms, unlock %lld ms",
           KeyRecord::kDefaultIterations, createMs, timer.elapsed());
}

void TestKeyVault::invalidArguments_data()
{
    QTest::addColumn<QString>("workspaceId");
    QTest::addColumn<int>("iterations");
    QTest::addColumn<QString>("expected");
    QTest::addRow("not a UUID") << QStringLiteral("workspace-1") << kTestIterations
                                << QStringLiteral(
                                       "workspaceId: “workspace-1” is not a workspace id (a UUID)");
    QTest::addRow("empty id") << QString() << kTestIterations
                              << QStringLiteral("workspaceId: “” is not a workspace id");
    QTest::addRow("too few iterations")
        << newWorkspaceId() << 999 << QStringLiteral("iterations: The PBKDF2 iteration count 999 is outside");
    QTest::addRow("too few for real identities")
        << newWorkspaceId() << KeyRecord::kDefaultIterations - 1
        << QStringLiteral(
               "iterations: 599999 PBKDF2 iterations are too few for a workspace that can hold real "
               "identities: at least 600000 are needed");
    QTest::addRow("the old Demo count") << newWorkspaceId() << KeyRecord::kMinimumIterations
                                        << QStringLiteral("iterations: 1000 PBKDF2 iterations are too few");
}

void TestKeyVault::demoPassphraseKeepsFewIterations()
{
    // Only the Demo's public passphrase may have the minimum: iterations buy nothing for it.
    const auto created = KeyVault::create(KeyRecord::Mode::Passphrase, newWorkspaceId(),
                                          KeyRecord::kDemoPassphrase, KeyRecord::kMinimumIterations);
    QVERIFY(created);
    QCOMPARE(created->second.iterations, KeyRecord::kMinimumIterations);
    QCOMPARE(KeyVault::unlock(created->second, KeyRecord::kDemoPassphrase).value(), created->first);
}

void TestKeyVault::invalidArguments()
{
    QFETCH(QString, workspaceId);
    QFETCH(int, iterations);
    QFETCH(QString, expected);
    const auto created = KeyVault::create(KeyRecord::Mode::Passphrase, workspaceId,
                                          QStringLiteral("correct horse"), iterations);
    QVERIFY(!created);
    QVERIFY2(created.error().message().contains(expected), qPrintable(created.error().message()));

    const auto wrongKeySize =
        KeyVault::protect(QByteArray(16, 'k'), KeyRecord::Mode::Passphrase, newWorkspaceId(),
                          QStringLiteral("correct horse"), kTestIterations);
    QVERIFY(!wrongKeySize);
    QVERIFY(wrongKeySize.error().message().contains(QLatin1StringView("has 16 bytes instead of 32")));
}

void TestKeyVault::opensFormatOneRecord()
{
    // A passphrase record whose wrapped key and verifier were sealed in format 1 (associated data joined
    // with '/'), before format 2: the workspace key is 00 01 .. 1f.
    const QByteArray stored =
        R"({"format":"configdeck-key-record","version":1,"mode":"passphrase",)"
        R"("workspaceId":"6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",)"
        R"("verifier":"AQsLCwsLCwsLCwsLC+vhfMfmC8nMuKI7yMo6vuvfkGt3biidbJpohR3hzb+CulQ0WUvG2q/2xVzfExshCmiPWO8=",)"
        R"("kdf":"PBKDF2-HMAC-SHA256","salt":"ZGVmZ2hpamtsbW5vcHFycw==","iterations":1000,)"
        R"("wrappedKey":"AQkJCQkJCQkJCQkJCfFtlU4+WenQTW/dPiG3Dk6RIBBefJ7DW1ZggSgODt6podGcgBK9Kwen4aQSUQ8tBA=="})";
    const auto record = KeyRecord::fromBytes(stored);
    QVERIFY2(record, qPrintable(record ? QString() : record.error().message()));
    QByteArray expected(SecretSealer::kKeySize, Qt::Uninitialized);
    for (int i = 0; i < expected.size(); ++i)
        expected[i] = char(i);
    const auto key = KeyVault::unlock(*record, QStringLiteral("correct horse battery"));
    QVERIFY2(key, qPrintable(key ? QString() : key.error().message()));
    QCOMPARE(*key, expected);
    QVERIFY(!KeyVault::unlock(*record, QStringLiteral("wrong horse battery")));

    // A new passphrase re-seals the record in the current format, and it still opens.
    const auto changed = KeyVault::changePassphrase(*record, QStringLiteral("correct horse battery"),
                                                    QStringLiteral("another passphrase"));
    QVERIFY2(changed, qPrintable(changed ? QString() : changed.error().message()));
    QCOMPARE(changed->wrappedKey.at(0), SecretSealer::kFormatVersion);
    QCOMPARE(changed->verifier.at(0), SecretSealer::kFormatVersion);
    QCOMPARE(*KeyVault::unlock(*changed, QStringLiteral("another passphrase")), expected);
}

void TestKeyVault::recordOfAnotherWorkspace()
{
    // The wrapped key and the verifier are bound to the workspace id: a record moved to another id fails.
    const auto created = KeyVault::create(KeyRecord::Mode::Passphrase, newWorkspaceId(),
                                          QStringLiteral("correct horse"), kTestIterations);
    QVERIFY(created);
    KeyRecord moved = created->second;
    moved.workspaceId = newWorkspaceId();
    QVERIFY(!KeyVault::unlock(moved, QStringLiteral("correct horse")));

    // A verifier from another workspace with the right wrapped key: the damage is reported as such.
    const auto other = KeyVault::create(KeyRecord::Mode::Passphrase, newWorkspaceId(),
                                        QStringLiteral("correct horse"), kTestIterations);
    QVERIFY(other);
    KeyRecord mixed = created->second;
    mixed.verifier = other->second.verifier;
    const auto unlocked = KeyVault::unlock(mixed, QStringLiteral("correct horse"));
    QVERIFY(!unlocked);
    QCOMPARE(unlocked.error().message(), QStringLiteral("keyRecord.verifier: The workspace's key record is "
                                                        "damaged: its verifier does not match the key"));
}

// ---- Keychain mode -----------------------------------------------------------------------------------

void TestKeyVault::keychainRoundTrip_data()
{
    QTest::addColumn<QString>("workspaceId");
    QTest::addRow("plain id") << newWorkspaceId();
    QTest::addRow("braced id") << (QLatin1Char('{') + newWorkspaceId() + QLatin1Char('}'));
}

void TestKeyVault::keychainRoundTrip()
{
    REQUIRE_KEYCHAIN();
    QFETCH(QString, workspaceId);

    const auto created = KeyVault::create(KeyRecord::Mode::Keychain, workspaceId);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message()));
    const auto& [key, record] = created.value();
    m_keychainRecords << record;
    QCOMPARE(key.size(), 32);
    QCOMPARE(record.mode, KeyRecord::Mode::Keychain);
    QVERIFY(record.salt.isEmpty());
    QVERIFY(record.wrappedKey.isEmpty());

    const QByteArray bytes = record.toBytes();
    QVERIFY(!bytes.contains(key));
    QVERIFY(!bytes.contains(key.toBase64()));
    QVERIFY(!bytes.contains(key.toHex()));

    // The entry really is in gnome-keyring: libsecret's own client finds it under the documented name.
    const bool haveSecretTool = !QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty();
    if (haveSecretTool)
        QCOMPARE(QByteArray::fromBase64(secretToolLookup(record.workspaceId)), key);
    else
        qWarning("secret-tool (libsecret-tools) not found: the entry is checked through QtKeychain only");

    // Read back from gnome-keyring, also through the stored bytes.
    const auto unlocked = KeyVault::unlock(record);
    QVERIFY2(unlocked, qPrintable(unlocked ? QString() : unlocked.error().message()));
    QCOMPARE(unlocked.value(), key);
    QCOMPARE(KeyVault::unlock(KeyRecord::fromBytes(bytes).value()).value(), key);

    const auto forgotten = KeyVault::forget(record);
    QVERIFY2(forgotten, qPrintable(forgotten ? QString() : forgotten.error().message()));
    QCOMPARE(forgotten.value(), true);
    QVERIFY(!KeyVault::unlock(record));
    if (haveSecretTool)
        QVERIFY(secretToolLookup(record.workspaceId).isEmpty());
    // Forgetting twice is no error.
    QCOMPARE(KeyVault::forget(record).value(), true);
}

void TestKeyVault::keychainEntryMissing()
{
    REQUIRE_KEYCHAIN();
    const auto created = KeyVault::create(KeyRecord::Mode::Keychain, newWorkspaceId());
    QVERIFY(created);
    const KeyRecord record = created->second;
    m_keychainRecords << record;
    QVERIFY(KeyVault::forget(record));

    const auto unlocked = KeyVault::unlock(record);
    QVERIFY(!unlocked);
    QCOMPARE(
        unlocked.error().message(),
        QStringLiteral("The key of workspace %1 is missing from the OS keychain (service “ConfigDeck”, entry "
                       "“workspace-%1”): it was deleted, or the workspace was created under another user "
                       "account or on another computer.")
            .arg(record.workspaceId));

    // A passphrase record has no keychain entry to forget.
    const auto passphrase = KeyVault::create(KeyRecord::Mode::Passphrase, newWorkspaceId(),
                                             QStringLiteral("correct horse"), kTestIterations);
    QVERIFY(passphrase);
    QCOMPARE(KeyVault::forget(passphrase->second).value(), false);
}

void TestKeyVault::keychainEntryReplaced()
{
    REQUIRE_KEYCHAIN();
    // A second create() for the same id overwrites the entry: the first record's verifier catches it.
    const QString id = newWorkspaceId();
    const auto first = KeyVault::create(KeyRecord::Mode::Keychain, id);
    QVERIFY(first);
    m_keychainRecords << first->second;
    const auto second = KeyVault::create(KeyRecord::Mode::Keychain, id);
    QVERIFY(second);
    QVERIFY(first->first != second->first);

    const auto unlocked = KeyVault::unlock(first->second);
    QVERIFY(!unlocked);
    QVERIFY2(unlocked.error().message().contains(QLatin1StringView("does not belong to this workspace")),
             qPrintable(unlocked.error().message()));
    QCOMPARE(KeyVault::unlock(second->second).value(), second->first);
    QVERIFY(KeyVault::forget(second->second));
}

void TestKeyVault::keychainToPassphrase()
{
    REQUIRE_KEYCHAIN();
    // Moving a workspace from the keychain to a passphrase keeps its key.
    const auto created = KeyVault::create(KeyRecord::Mode::Keychain, newWorkspaceId());
    QVERIFY(created);
    m_keychainRecords << created->second;
    const auto key = KeyVault::unlock(created->second);
    QVERIFY(key);
    const auto moved =
        KeyVault::protect(key.value(), KeyRecord::Mode::Passphrase, created->second.workspaceId,
                          QStringLiteral("correct horse"), kTestIterations);
    QVERIFY(moved);
    QCOMPARE(moved->verifier.size(), created->second.verifier.size());
    QVERIFY(KeyVault::forget(created->second));
    QCOMPARE(KeyVault::unlock(moved.value(), QStringLiteral("correct horse")).value(), created->first);
}

void TestKeyVault::keychainUnavailable()
{
    if (m_keychainAvailable) {
        if (!inTestSession())
            QSKIP("An OS keychain answers here; the unavailable case runs under tests/with-test-session.sh");
        // Run this same row in a child process whose D-Bus session address leads nowhere.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=/nonexistent/configdeck-test-bus"));
        environment.remove(QStringLiteral("CONFIGDECK_IN_TEST_SESSION"));
        environment.remove(QStringLiteral("DISPLAY"));
        QProcess child;
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("keychainUnavailable")});
        QVERIFY(child.waitForFinished(60000));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("PASS   : TestKeyVault::keychainUnavailable()"), output.constData());
        return;
    }

    const auto created = KeyVault::create(KeyRecord::Mode::Keychain, newWorkspaceId());
    QVERIFY(!created);
    const QString message = created.error().message();
    QVERIFY2(message.startsWith(QLatin1StringView("The OS keychain is unavailable (")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1StringView("Protect this workspace with a passphrase instead")),
             qPrintable(message));

    KeyRecord record;
    record.mode = KeyRecord::Mode::Keychain;
    record.workspaceId = newWorkspaceId();
    record.verifier = QByteArray(36 + SecretSealer::kOverhead, 'v');
    const auto unlocked = KeyVault::unlock(record);
    QVERIFY(!unlocked);
    QVERIFY2(unlocked.error().message().contains(QLatin1StringView("keychain is unavailable")),
             qPrintable(unlocked.error().message()));
    const auto forgotten = KeyVault::forget(record);
    QVERIFY(!forgotten);
    QVERIFY(forgotten.error().message().contains(QLatin1StringView("keychain is unavailable")));

    // Passphrase mode does not need the keychain.
    QVERIFY(KeyVault::create(KeyRecord::Mode::Passphrase, newWorkspaceId(), QStringLiteral("correct horse"),
                             kTestIterations));
}

QTEST_GUILESS_MAIN(TestKeyVault)
#include "TestKeyVault.moc"
