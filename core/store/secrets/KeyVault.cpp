#include "KeyVault.h"

#include "SecretSealer.h"
#include "SecretsLog.h"
#include "WipedBytes.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUuid>
#include <qt6keychain/keychain.h>

#include <memory>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <optional>

using ConfigDeck::Alink::AlinkError;
using ConfigDeck::Alink::Expected;

namespace ConfigDeck::Store {

namespace {

constexpr auto kRecordFormat = QLatin1StringView("configdeck-key-record");
constexpr qsizetype kMaximumRecordSize = 64 * 1024;
constexpr auto kVerifierText = QByteArrayView("ConfigDeck workspace key verifier v1");
constexpr auto kProbeEntry = QLatin1StringView("availability-probe");

// The associated data ties a wrapped key and a verifier to their purpose and workspace (the id as UTF-8).
constexpr QByteArrayView kVerifierPurpose = "ConfigDeck/key-verifier";
constexpr QByteArrayView kWrapPurpose = "ConfigDeck/wrapped-key";

Expected<QString> normalizedWorkspaceId(const QString& workspaceId, const QString& field)
{
    const QUuid uuid = QUuid::fromString(workspaceId);
    if (uuid.isNull())
        return AlinkError{field, KeyVault::tr("“%1” is not a workspace id (a UUID)").arg(workspaceId)};
    return uuid.toString(QUuid::WithoutBraces);
}

std::optional<AlinkError> checkPassphrase(const QString& passphrase)
{
    const auto length = passphrase.toUcs4().size();
    if (length < KeyVault::kMinimumPassphraseLength) {
        return AlinkError{QStringLiteral("passphrase"),
                          KeyVault::tr("The passphrase is too short: %1 characters, at least %2 are needed")
                              .arg(length)
                              .arg(KeyVault::kMinimumPassphraseLength)};
    }
    return std::nullopt;
}

// What a new record may have: the Demo's public passphrase buys nothing from iterations; every other
// passphrase gets at least the default.
std::optional<AlinkError> checkNewIterations(int iterations, const QString& passphrase)
{
    if (passphrase != KeyRecord::kDemoPassphrase && iterations < KeyRecord::kDefaultIterations) {
        return AlinkError{QStringLiteral("iterations"),
                          KeyRecord::tr("%1 PBKDF2 iterations are too few for a workspace that can hold real "
                                        "identities: at least %2 are needed")
                              .arg(iterations)
                              .arg(KeyRecord::kDefaultIterations)};
    }
    return std::nullopt;
}

std::optional<AlinkError> checkIterations(int iterations, const QString& field)
{
    if (iterations < KeyRecord::kMinimumIterations || iterations > KeyRecord::kMaximumIterations) {
        return AlinkError{field, KeyRecord::tr("The PBKDF2 iteration count %1 is outside %2..%3")
                                     .arg(iterations)
                                     .arg(KeyRecord::kMinimumIterations)
                                     .arg(KeyRecord::kMaximumIterations)};
    }
    return std::nullopt;
}

// PBKDF2-HMAC-SHA256 over the NFC form of the passphrase, so that the same text typed through another
// input method gives the same key.
Expected<QByteArray> deriveKey(const QString& passphrase, const QByteArray& salt, int iterations)
{
    WipedBytes utf8(passphrase.normalized(QString::NormalizationForm_C).toUtf8());
    QByteArray key(SecretSealer::kKeySize, Qt::Uninitialized);
    const int ok = PKCS5_PBKDF2_HMAC(utf8.view().data(), int(utf8.size()),
                                     reinterpret_cast<const unsigned char*>(salt.constData()),
                                     int(salt.size()), iterations, EVP_sha256(), SecretSealer::kKeySize,
                                     reinterpret_cast<unsigned char*>(key.data()));
    if (ok != 1) {
        WipedBytes partial(std::move(key));
        return AlinkError{{},
                          KeyVault::tr("The key could not be derived from the passphrase (OpenSSL error)")};
    }
    return key;
}

// Every field of a record in its mode, so that unlock() and fromBytes() take the same records.
std::optional<AlinkError> validate(const KeyRecord& record)
{
    const auto field = [](const char* name) {
        return QStringLiteral("keyRecord.") + QLatin1StringView(name);
    };
    if (QUuid::fromString(record.workspaceId).isNull() ||
        QUuid::fromString(record.workspaceId).toString(QUuid::WithoutBraces) != record.workspaceId)
        return AlinkError{
            field("workspaceId"),
            KeyRecord::tr("“%1” is not a workspace id (a UUID without braces)").arg(record.workspaceId)};
    const qsizetype verifierSize = kVerifierText.size() + SecretSealer::kOverhead;
    if (record.verifier.size() != verifierSize) {
        return AlinkError{field("verifier"), KeyRecord::tr("The verifier has %1 bytes, %2 expected")
                                                 .arg(record.verifier.size())
                                                 .arg(verifierSize)};
    }
    if (record.mode == KeyRecord::Mode::Keychain) {
        if (!record.kdf.isEmpty() || !record.salt.isEmpty() || record.iterations != 0 ||
            !record.wrappedKey.isEmpty())
            return AlinkError{field("mode"),
                              KeyRecord::tr("A keychain key record has no key derivation or wrapped key")};
        return std::nullopt;
    }
    if (record.kdf != KeyRecord::kPbkdf2Sha256) {
        return AlinkError{field("kdf"), KeyRecord::tr("Unknown key derivation “%1” (supported: %2)")
                                            .arg(record.kdf, KeyRecord::kPbkdf2Sha256)};
    }
    if (record.salt.size() < KeyRecord::kSaltSize || record.salt.size() > 1024) {
        return AlinkError{field("salt"), KeyRecord::tr("The salt has %1 bytes, %2 to 1024 expected")
                                             .arg(record.salt.size())
                                             .arg(KeyRecord::kSaltSize)};
    }
    if (auto error = checkIterations(record.iterations, field("iterations")))
        return error;
    const qsizetype wrappedSize = SecretSealer::kKeySize + SecretSealer::kOverhead;
    if (record.wrappedKey.size() != wrappedSize) {
        return AlinkError{field("wrappedKey"), KeyRecord::tr("The wrapped key has %1 bytes, %2 expected")
                                                   .arg(record.wrappedKey.size())
                                                   .arg(wrappedSize)};
    }
    return std::nullopt;
}

bool verify(QByteArrayView key, const KeyRecord& record)
{
    const SecretSealer sealer(key);
    const auto text = sealer.open(record.verifier, {kVerifierPurpose, record.workspaceId.toUtf8()});
    return text && text.value() == kVerifierText;
}

// ---- OS keychain -------------------------------------------------------------------------------------

struct KeychainResult
{
    bool finished = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QByteArray data; // read jobs only
};

// Runs one QtKeychain job to completion in a local event loop. A job that does not finish in time is
// left to delete itself whenever its backend answers: deleting it now would leave the backend's callback
// with a dangling pointer.
KeychainResult runJob(std::unique_ptr<QKeychain::Job> job, const QString& entry, int timeoutMs)
{
    KeychainResult result;
    if (!QCoreApplication::instance()) {
        result.finished = true;
        result.error = QKeychain::OtherError;
        result.errorString = KeyVault::tr("no QCoreApplication to run the keychain request in");
        return result;
    }
    job->setKey(entry);
    job->setInsecureFallback(false);
    job->setAutoDelete(false);

    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    const auto connection =
        QObject::connect(job.get(), &QKeychain::Job::finished, &loop, [&](QKeychain::Job* done) {
            result.finished = true;
            result.error = done->error();
            result.errorString = done->errorString();
            if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(done))
                result.data = read->binaryData();
            loop.quit();
        });
    timer.start(timeoutMs);
    job->start();
    if (!result.finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    if (!result.finished) {
        QObject::disconnect(connection);
        qCWarning(lcSecrets) << "keychain request for" << entry << "did not finish within" << timeoutMs
                             << "ms";
        job.release()->setAutoDelete(true);
    }
    return result;
}

AlinkError keychainUnavailable(const KeychainResult& result)
{
    const QString detail =
        result.finished ? result.errorString
                        : KeyVault::tr("no answer within %1 s").arg(KeyVault::kKeychainTimeoutMs / 1000);
    return AlinkError{{},
                      KeyVault::tr("The OS keychain is unavailable (%1). Protect this workspace with a "
                                   "passphrase instead, or start the keychain service (Secret Service, "
                                   "e.g. gnome-keyring or KWallet) and try again.")
                          .arg(detail)};
}

AlinkError keychainDenied(const KeychainResult& result, const QString& workspaceId)
{
    return AlinkError{{},
                      KeyVault::tr("The OS keychain refused access to the key of workspace %1 (%2). Unlock "
                                   "the keychain and try again.")
                          .arg(workspaceId, result.errorString)};
}

// The key of workspaceId in the keychain entry (by default the workspace's own, keychainEntry()).
std::optional<AlinkError> writeToKeychain(const QString& workspaceId, QByteArrayView key,
                                          const QString& entry = {})
{
    auto job = std::make_unique<QKeychain::WritePasswordJob>(KeyVault::kKeychainService);
    job->setBinaryData(key.toByteArray());
    const KeychainResult result =
        runJob(std::move(job), entry.isEmpty() ? KeyVault::keychainEntry(workspaceId) : entry,
               KeyVault::kKeychainTimeoutMs);
    if (result.finished && result.error == QKeychain::NoError) {
        qCInfo(lcSecrets) << "stored the key of workspace" << workspaceId << "in the OS keychain";
        return std::nullopt;
    }
    if (result.finished &&
        (result.error == QKeychain::AccessDenied || result.error == QKeychain::AccessDeniedByUser))
        return keychainDenied(result, workspaceId);
    return keychainUnavailable(result);
}

Expected<QByteArray> readFromKeychain(const QString& workspaceId, const QString& entryName = {})
{
    const QString entry = entryName.isEmpty() ? KeyVault::keychainEntry(workspaceId) : entryName;
    KeychainResult result = runJob(std::make_unique<QKeychain::ReadPasswordJob>(KeyVault::kKeychainService),
                                   entry, KeyVault::kKeychainTimeoutMs);
    WipedBytes data(std::move(result.data));
    if (!result.finished)
        return keychainUnavailable(result);
    switch (result.error) {
    case QKeychain::NoError:
        break;
    case QKeychain::EntryNotFound:
        return AlinkError{
            {},
            KeyVault::tr("The key of workspace %1 is missing from the OS keychain (service “%2”, "
                         "entry “%3”): it was deleted, or the workspace was created under "
                         "another user account or on another computer.")
                .arg(workspaceId, KeyVault::kKeychainService, entry)};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return keychainDenied(result, workspaceId);
    default:
        return keychainUnavailable(result);
    }
    if (data.size() != SecretSealer::kKeySize) {
        return AlinkError{{},
                          KeyVault::tr("The OS keychain entry “%1” does not hold a workspace key (%2 bytes "
                                       "instead of %3)")
                              .arg(entry)
                              .arg(data.size())
                              .arg(SecretSealer::kKeySize)};
    }
    return data.copy();
}

} // namespace

// ---- KeyRecord ---------------------------------------------------------------------------------------

QByteArray KeyRecord::toBytes() const
{
    QJsonObject object{
        {QStringLiteral("format"), kRecordFormat},
        {QStringLiteral("version"), kFormatVersion},
        {QStringLiteral("mode"),
         mode == Mode::Keychain ? QStringLiteral("keychain") : QStringLiteral("passphrase")},
        {QStringLiteral("workspaceId"), workspaceId},
        {QStringLiteral("verifier"), QString::fromLatin1(verifier.toBase64())},
    };
    if (mode == Mode::Passphrase) {
        object.insert(QStringLiteral("kdf"), kdf);
        object.insert(QStringLiteral("salt"), QString::fromLatin1(salt.toBase64()));
        object.insert(QStringLiteral("iterations"), iterations);
        object.insert(QStringLiteral("wrappedKey"), QString::fromLatin1(wrappedKey.toBase64()));
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Expected<KeyRecord> KeyRecord::fromBytes(QByteArrayView bytes)
{
    const auto field = [](QLatin1StringView name) { return QStringLiteral("keyRecord.") + name; };
    if (bytes.isEmpty())
        return AlinkError{QStringLiteral("keyRecord"), tr("The key record is empty")};
    if (bytes.size() > kMaximumRecordSize) {
        return AlinkError{QStringLiteral("keyRecord"), tr("The key record is too large: %1 bytes, at most %2")
                                                           .arg(bytes.size())
                                                           .arg(kMaximumRecordSize)};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return AlinkError{
            {}, tr("The key record is not valid JSON: %1").arg(parseError.errorString()), parseError.offset};
    }
    if (!document.isObject())
        return AlinkError{QStringLiteral("keyRecord"), tr("The key record is not a JSON object")};
    const QJsonObject object = document.object();

    if (object.value(QStringLiteral("format")).toString() != kRecordFormat)
        return AlinkError{field(QLatin1StringView("format")), tr("Not a ConfigDeck key record")};
    const QJsonValue version = object.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != version.toInt()) // toInt(): 0 when not integral
        return AlinkError{field(QLatin1StringView("version")), tr("Missing or not an integer")};
    if (version.toInt() > kFormatVersion) {
        return AlinkError{
            field(QLatin1StringView("version")),
            tr("The key record has format version %1, written by a newer ConfigDeck (this one reads "
               "version %2)")
                .arg(version.toInt())
                .arg(kFormatVersion)};
    }
    if (version.toInt() < 1)
        return AlinkError{field(QLatin1StringView("version")), tr("Invalid version %1").arg(version.toInt())};

    KeyRecord record;
    const QString mode = object.value(QStringLiteral("mode")).toString();
    if (mode == QLatin1StringView("keychain"))
        record.mode = Mode::Keychain;
    else if (mode == QLatin1StringView("passphrase"))
        record.mode = Mode::Passphrase;
    else
        return AlinkError{field(QLatin1StringView("mode")),
                          tr("Unknown mode “%1” (keychain or passphrase)").arg(mode)};

    const QStringList allowed =
        record.mode == Mode::Keychain
            ? QStringList{QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("mode"),
                          QStringLiteral("workspaceId"), QStringLiteral("verifier")}
            : QStringList{
                  QStringLiteral("format"),      QStringLiteral("version"),    QStringLiteral("mode"),
                  QStringLiteral("workspaceId"), QStringLiteral("verifier"),   QStringLiteral("kdf"),
                  QStringLiteral("salt"),        QStringLiteral("iterations"), QStringLiteral("wrappedKey")};
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!allowed.contains(it.key()))
            return AlinkError{QStringLiteral("keyRecord.") + it.key(),
                              tr("Unexpected field in a %1 key record").arg(mode)};
    }

    const auto base64 = [&](const char* name, QByteArray& out) -> std::optional<AlinkError> {
        const QJsonValue value = object.value(QLatin1StringView(name));
        const auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!value.isString() || !decoded)
            return AlinkError{field(QLatin1StringView(name)), tr("Missing or not base64")};
        out = *decoded;
        return std::nullopt;
    };
    const QJsonValue workspaceId = object.value(QStringLiteral("workspaceId"));
    if (!workspaceId.isString())
        return AlinkError{field(QLatin1StringView("workspaceId")), tr("Missing or not a string")};
    record.workspaceId = workspaceId.toString();
    if (auto error = base64("verifier", record.verifier))
        return *error;
    if (record.mode == Mode::Passphrase) {
        const QJsonValue kdf = object.value(QStringLiteral("kdf"));
        if (!kdf.isString())
            return AlinkError{field(QLatin1StringView("kdf")), tr("Missing or not a string")};
        record.kdf = kdf.toString();
        if (auto error = base64("salt", record.salt))
            return *error;
        const QJsonValue iterations = object.value(QStringLiteral("iterations"));
        if (!iterations.isDouble() || iterations.toDouble() != double(qint64(iterations.toDouble())) ||
            iterations.toDouble() > kMaximumIterations || iterations.toDouble() < 0)
            return AlinkError{field(QLatin1StringView("iterations")),
                              tr("Missing or not an integer from %1 to %2")
                                  .arg(kMinimumIterations)
                                  .arg(kMaximumIterations)};
        record.iterations = iterations.toInt();
        if (auto error = base64("wrappedKey", record.wrappedKey))
            return *error;
    }
    if (auto error = validate(record))
        return *error;
    return record;
}

// ---- KeyVault ----------------------------------------------------------------------------------------

QString KeyVault::keychainEntry(const QString& workspaceId)
{
    return QStringLiteral("workspace-") + workspaceId;
}

QString KeyVault::teamKeychainEntry(const QString& location)
{
    return QStringLiteral("team-") + location;
}

Expected<bool> KeyVault::rememberTeamKey(const QString& location, const KeyRecord& record, QByteArrayView key)
{
    if (!verify(key, record))
        return AlinkError{QStringLiteral("key"), tr("This is not the key of workspace %1").arg(location)};
    if (auto error = writeToKeychain(record.workspaceId, key, teamKeychainEntry(location)))
        return *error;
    return true;
}

std::optional<QByteArray> KeyVault::recallTeamKey(const QString& location, const KeyRecord& record)
{
    auto key = readFromKeychain(record.workspaceId, teamKeychainEntry(location));
    // A key that no longer opens the record (the team passphrase changed the key) is not the key.
    if (!key || !verify(*key, record))
        return std::nullopt;
    return std::move(key).value();
}

void KeyVault::forgetTeamKey(const QString& location)
{
    runJob(std::make_unique<QKeychain::DeletePasswordJob>(kKeychainService), teamKeychainEntry(location),
           kProbeTimeoutMs);
}

QString KeyVault::databasePasswordEntry(const QString& location)
{
    return QStringLiteral("database-") + location;
}

Expected<bool> KeyVault::rememberDatabasePassword(const QString& location, const QString& password)
{
    auto job = std::make_unique<QKeychain::WritePasswordJob>(kKeychainService);
    job->setTextData(password);
    const KeychainResult result = runJob(std::move(job), databasePasswordEntry(location), kKeychainTimeoutMs);
    if (result.finished && result.error == QKeychain::NoError)
        return true;
    const QString detail =
        result.finished ? result.errorString : tr("no answer within %1 s").arg(kKeychainTimeoutMs / 1000);
    return AlinkError{{},
                      tr("The OS keychain did not keep the password of %1 (%2): it will be asked next time.")
                          .arg(location, detail)};
}

std::optional<QString> KeyVault::recallDatabasePassword(const QString& location)
{
    KeychainResult result = runJob(std::make_unique<QKeychain::ReadPasswordJob>(kKeychainService),
                                   databasePasswordEntry(location), kProbeTimeoutMs);
    WipedBytes data(std::move(result.data));
    if (!result.finished || result.error != QKeychain::NoError)
        return std::nullopt;
    return QString::fromUtf8(data.copy());
}

void KeyVault::forgetDatabasePassword(const QString& location)
{
    runJob(std::make_unique<QKeychain::DeletePasswordJob>(kKeychainService), databasePasswordEntry(location),
           kProbeTimeoutMs);
}

Expected<std::pair<QByteArray, KeyRecord>> KeyVault::create(KeyRecord::Mode mode, const QString& workspaceId,
                                                            const QString& passphrase, int iterations)
{
    const QByteArray key = SecretSealer::randomKey();
    if (key.size() != SecretSealer::kKeySize)
        return AlinkError{{},
                          tr("No random workspace key could be made (the system's random generator failed)")};
    auto record = protect(key, mode, workspaceId, passphrase, iterations);
    if (!record)
        return record.error();
    return std::pair{key, std::move(record).value()};
}

Expected<KeyRecord> KeyVault::protect(QByteArrayView key, KeyRecord::Mode mode, const QString& workspaceId,
                                      const QString& passphrase, int iterations)
{
    const auto id = normalizedWorkspaceId(workspaceId, QStringLiteral("workspaceId"));
    if (!id)
        return id.error();
    if (key.size() != SecretSealer::kKeySize) {
        return AlinkError{
            QStringLiteral("key"),
            tr("The workspace key has %1 bytes instead of %2").arg(key.size()).arg(SecretSealer::kKeySize)};
    }

    KeyRecord record;
    record.mode = mode;
    record.workspaceId = id.value();
    if (mode == KeyRecord::Mode::Passphrase) {
        if (auto error = checkPassphrase(passphrase))
            return *error;
        if (auto error = checkIterations(iterations, QStringLiteral("iterations")))
            return *error;
        if (auto error = checkNewIterations(iterations, passphrase))
            return *error;
        record.kdf = KeyRecord::kPbkdf2Sha256;
        record.iterations = iterations;
        record.salt = QByteArray(KeyRecord::kSaltSize, Qt::Uninitialized);
        if (RAND_bytes(reinterpret_cast<unsigned char*>(record.salt.data()), KeyRecord::kSaltSize) != 1)
            return AlinkError{{}, tr("No salt could be made (the system's random generator failed)")};
        auto derived = deriveKey(passphrase, record.salt, record.iterations);
        if (!derived)
            return derived.error();
        const SecretSealer wrapping(std::move(derived).value());
        record.wrappedKey = wrapping.seal(key, {kWrapPurpose, record.workspaceId.toUtf8()});
    }
    record.verifier = SecretSealer(key).seal(kVerifierText, {kVerifierPurpose, record.workspaceId.toUtf8()});
    if (record.verifier.isEmpty() || (mode == KeyRecord::Mode::Passphrase && record.wrappedKey.isEmpty()))
        return AlinkError{{}, tr("The workspace key could not be sealed (OpenSSL error)")};

    if (mode == KeyRecord::Mode::Keychain) {
        if (auto error = writeToKeychain(record.workspaceId, key))
            return *error;
    }
    return record;
}

Expected<QByteArray> KeyVault::unlock(const KeyRecord& record, const QString& passphrase)
{
    if (auto error = validate(record))
        return *error;

    if (record.mode == KeyRecord::Mode::Keychain) {
        auto key = readFromKeychain(record.workspaceId);
        if (!key)
            return key.error();
        WipedBytes owned(std::move(key).value());
        if (!verify(owned.view(), record)) {
            return AlinkError{{},
                              tr("The key in the OS keychain (entry “%1”) does not belong to this workspace: "
                                 "the entry was overwritten")
                                  .arg(keychainEntry(record.workspaceId))};
        }
        return owned.copy();
    }

    if (passphrase.isEmpty())
        return AlinkError{QStringLiteral("passphrase"),
                          tr("This workspace is protected by a passphrase: enter it")};
    auto derived = deriveKey(passphrase, record.salt, record.iterations);
    if (!derived)
        return derived.error();
    const SecretSealer wrapping(std::move(derived).value());
    auto key = wrapping.open(record.wrappedKey, {kWrapPurpose, record.workspaceId.toUtf8()});
    if (!key)
        return AlinkError{QStringLiteral("passphrase"), tr("Wrong passphrase for this workspace")};
    WipedBytes owned(std::move(key).value());
    if (!verify(owned.view(), record))
        return AlinkError{QStringLiteral("keyRecord.verifier"),
                          tr("The workspace's key record is damaged: its verifier does not match the key")};
    return owned.copy();
}

Expected<KeyRecord> KeyVault::changePassphrase(const KeyRecord& record, const QString& oldPassphrase,
                                               const QString& newPassphrase, int iterations)
{
    if (record.mode != KeyRecord::Mode::Passphrase) {
        return AlinkError{
            QStringLiteral("keyRecord.mode"),
            tr("This workspace's key is kept in the OS keychain: it has no passphrase to change")};
    }
    // Checked first so that a too short new passphrase costs no key derivation.
    if (auto error = checkPassphrase(newPassphrase)) {
        error->field = QStringLiteral("newPassphrase");
        return *error;
    }
    auto key = unlock(record, oldPassphrase);
    if (!key)
        return key.error();
    WipedBytes owned(std::move(key).value());
    return protect(owned.view(), KeyRecord::Mode::Passphrase, record.workspaceId, newPassphrase, iterations);
}

Expected<bool> KeyVault::forget(const KeyRecord& record)
{
    if (auto error = validate(record))
        return *error;
    if (record.mode != KeyRecord::Mode::Keychain)
        return false;
    const KeychainResult result = runJob(std::make_unique<QKeychain::DeletePasswordJob>(kKeychainService),
                                         keychainEntry(record.workspaceId), kKeychainTimeoutMs);
    if (result.finished && (result.error == QKeychain::NoError || result.error == QKeychain::EntryNotFound)) {
        qCInfo(lcSecrets) << "deleted the key of workspace" << record.workspaceId << "from the OS keychain";
        return true;
    }
    if (result.finished && result.error == QKeychain::CouldNotDeleteEntry) {
        return AlinkError{{},
                          tr("The key of workspace %1 could not be deleted from the OS keychain: %2")
                              .arg(record.workspaceId, result.errorString)};
    }
    if (result.finished &&
        (result.error == QKeychain::AccessDenied || result.error == QKeychain::AccessDeniedByUser))
        return keychainDenied(result, record.workspaceId);
    return keychainUnavailable(result);
}

bool KeyVault::keychainAvailable()
{
    const KeychainResult result =
        runJob(std::make_unique<QKeychain::ReadPasswordJob>(kKeychainService), kProbeEntry, kProbeTimeoutMs);
    const bool available =
        result.finished && (result.error == QKeychain::NoError || result.error == QKeychain::EntryNotFound);
    if (!available)
        qCInfo(lcSecrets) << "OS keychain unavailable:"
                          << (result.finished ? result.errorString : QStringLiteral("no answer"));
    return available;
}

} // namespace ConfigDeck::Store
