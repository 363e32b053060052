#pragma once

#include "alink/AlinkError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <optional>
#include <utility>

namespace ConfigDeck::Store {

// Where a workspace's 32-byte key lives, as kept inside the workspace file (as the blob toBytes()).
// Holds no secret in plain text: in Passphrase mode the key is sealed under a key derived from the
// passphrase; in both modes a verifier (a known text sealed under the workspace key) tells a wrong key.
struct KeyRecord
{
    Q_DECLARE_TR_FUNCTIONS(KeyRecord)

public:
    enum class Mode
    {
        Keychain,
        Passphrase
    };

    static constexpr int kFormatVersion = 1;
    static constexpr int kDefaultIterations = 600000; // OWASP 2023 for PBKDF2-HMAC-SHA256; the least a new
                                                      // record gets, except the Demo's
    static constexpr int kMinimumIterations = 1000;   // read at all only for the Demo's records
    static constexpr int kMaximumIterations = 100000000;
    static constexpr int kSaltSize = 16;
    static inline const QString kPbkdf2Sha256 = QStringLiteral("PBKDF2-HMAC-SHA256");
    // The Demo's passphrase is public (it is in the source), so PBKDF2 iterations buy nothing for it: its
    // record alone may have kMinimumIterations. It protects made-up devices only, never real identities.
    static inline const QString kDemoPassphrase = QStringLiteral("configdeck-demo-workspace");

    Mode mode = Mode::Keychain;
    QString workspaceId;   // QUuid without braces, e.g. "6f1c...-..."
    QString kdf;           // Passphrase mode: kPbkdf2Sha256; empty in Keychain mode
    QByteArray salt;       // Passphrase mode: at least kSaltSize random bytes
    int iterations = 0;    // Passphrase mode: PBKDF2 iteration count
    QByteArray wrappedKey; // Passphrase mode: the workspace key sealed under the derived key
    QByteArray verifier;   // both modes: a known text sealed under the workspace key

    // Versioned compact JSON ({"format":"configdeck-key-record","version":1,...}, binary fields base64).
    QByteArray toBytes() const;
    // Checks every field (names the one at fault); changes nothing on error.
    static Alink::Expected<KeyRecord> fromBytes(QByteArrayView bytes);

    bool operator==(const KeyRecord&) const = default;
};

// Makes, finds and re-protects workspace keys. Keychain mode uses the OS keychain through QtKeychain
// (service "ConfigDeck", entry "workspace-<id>", never an insecure fallback).
//
// The keychain calls block: each runs QtKeychain's job to completion in a local QEventLoop (user input
// excluded), so they need a QCoreApplication; call them from the main thread (QtKeychain queues all jobs
// on one object). An unresponsive keychain gives an error after kKeychainTimeoutMs. The passphrase calls
// need neither and may run in any thread (PBKDF2 with the default count takes about half a second).
class KeyVault final
{
    Q_DECLARE_TR_FUNCTIONS(KeyVault)

public:
    static inline const QString kKeychainService = QStringLiteral("ConfigDeck");
    static constexpr int kMinimumPassphraseLength = 8; // characters (code points)
    static constexpr int kKeychainTimeoutMs = 120000;  // room for the user to answer an unlock prompt
    static constexpr int kProbeTimeoutMs = 5000;

    // A new random workspace key and the record to keep in the workspace file. workspaceId must be a
    // QUuid (with or without braces). Keychain mode stores the key in the OS keychain; Passphrase mode
    // wraps it (the passphrase needs kMinimumPassphraseLength characters). iterations: Passphrase mode only,
    // at least KeyRecord::kDefaultIterations except under KeyRecord::kDemoPassphrase.
    static Alink::Expected<std::pair<QByteArray, KeyRecord>>
    create(KeyRecord::Mode mode, const QString& workspaceId, const QString& passphrase = {},
           int iterations = KeyRecord::kDefaultIterations);

    // A record for an existing key, e.g. to move a workspace from the keychain to a passphrase (unlock,
    // protect, store the new record, then forget the old one). Keychain mode writes the key to the keychain.
    static Alink::Expected<KeyRecord> protect(QByteArrayView key, KeyRecord::Mode mode,
                                              const QString& workspaceId, const QString& passphrase = {},
                                              int iterations = KeyRecord::kDefaultIterations);

    // The workspace key of record: read from the keychain or unwrapped with the passphrase, then checked
    // against the verifier.
    static Alink::Expected<QByteArray> unlock(const KeyRecord& record, const QString& passphrase = {});

    // The same key wrapped under a new passphrase with a new salt. Only for Passphrase records.
    static Alink::Expected<KeyRecord> changePassphrase(const KeyRecord& record, const QString& oldPassphrase,
                                                       const QString& newPassphrase,
                                                       int iterations = KeyRecord::kDefaultIterations);

    // Deletes the keychain entry of a Keychain record (true); a Passphrase record has none (false).
    // An entry that is already gone is not an error.
    static Alink::Expected<bool> forget(const KeyRecord& record);

    // Whether the OS keychain answers (a read of a probe entry that does not exist), within a few seconds.
    static bool keychainAvailable();

    // The keychain entry name of a workspace: "workspace-<id>".
    static QString keychainEntry(const QString& workspaceId);

    // A shared workspace's team key (its record, under the team passphrase, lives in the database) kept in
    // this computer's keychain after the first unlock, so that the next one needs no passphrase. The entry
    // is "team-<location>", location being the database URL without password. Only a key that opens
    // record is kept, and only one that still opens it is recalled (nullopt otherwise, or with no keychain).
    static QString teamKeychainEntry(const QString& location);
    static Alink::Expected<bool> rememberTeamKey(const QString& location, const KeyRecord& record,
                                                 QByteArrayView key);
    static std::optional<QByteArray> recallTeamKey(const QString& location, const KeyRecord& record);
    static void forgetTeamKey(const QString& location);

    // A shared workspace's database password, kept in this computer's keychain when the user asks for it
    // (entry "database-<location>", location being the URL without password). recall gives nullopt when
    // none is kept or no keychain answers; remember fails with the keychain's reason.
    static QString databasePasswordEntry(const QString& location);
    static Alink::Expected<bool> rememberDatabasePassword(const QString& location, const QString& password);
    static std::optional<QString> recallDatabasePassword(const QString& location);
    static void forgetDatabasePassword(const QString& location);
};

} // namespace ConfigDeck::Store
