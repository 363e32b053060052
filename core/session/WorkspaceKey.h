#pragma once

#include "alink/AlinkError.h"
#include "store/StoreTypes.h"
#include "store/secrets/KeyVault.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

namespace ConfigDeck::Store {
class SecretSealer;
class Workspace;
} // namespace ConfigDeck::Store

namespace ConfigDeck::Session {

// How a workspace's key is protected, chosen when it is made: the OS keychain, a passphrase the user chose
// (PBKDF2 at KeyRecord::kDefaultIterations), or, for the Demo alone, the Demo's public passphrase.
struct WorkspaceProtection
{
    enum class Kind
    {
        Keychain,
        Passphrase,
        Demo
    };
    Kind kind = Kind::Keychain;
    QString passphrase; // Passphrase only

    static WorkspaceProtection keychain() { return {Kind::Keychain, {}}; }
    static WorkspaceProtection withPassphrase(const QString& passphrase)
    {
        return {Kind::Passphrase, passphrase};
    }
    static WorkspaceProtection demo() { return {Kind::Demo, {}}; }
};

// Why a workspace's key did not open, so that a caller can ask for the passphrase (again).
enum class UnlockFailure
{
    None,
    NeedsPassphrase, // a passphrase workspace, opened without one
    WrongPassphrase, // nothing changed
    Other            // keychain missing or refusing, damaged record, ...
};

// Makes, opens and re-protects the key of a workspace; never falls back to the Demo's passphrase for a
// workspace that was not made with it.
class WorkspaceKey final
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceKey)

public:
    struct Unlocked
    {
        std::shared_ptr<const Store::SecretSealer> sealer;
        WorkspaceProtection::Kind kind = WorkspaceProtection::Kind::Keychain;
        // A shared workspace's team key is in this computer's keychain (recalled from it, or kept there by
        // this create or unlock), so that the next open here needs no team passphrase.
        bool teamKeyKept = false;
    };

    // Gives a workspace that has no key record yet its key, protected as asked, and stores the record. A
    // shared workspace's team key is also kept in this computer's keychain, as its first unlock does.
    static Alink::Expected<Unlocked> create(Store::Workspace& workspace,
                                            const WorkspaceProtection& protection);

    // Opens the workspace's key. A Passphrase record needs `passphrase`, except a record under the Demo's
    // passphrase (kind Demo: the caller says so). `failure` (optional) says why it did not open.
    static Alink::Expected<Unlocked> unlock(const Store::Workspace& workspace, const QString& passphrase,
                                            UnlockFailure* failure = nullptr);

    // The protection of the workspace's key record (Demo for one under the Demo's passphrase).
    static Alink::Expected<WorkspaceProtection::Kind> kindOf(const Store::Workspace& workspace);

    // Why a shared workspace's key is never moved into the keychain alone (reprotect() refuses it).
    static QString teamPassphraseReason();

    // The steps of reprotect(), for tests that stop it half-way.
    enum class Step
    {
        NewProtectionStored, // the new keychain entry or wrapped key exists; the file still has the old
                             // record
        RecordCommitted,     // the file has the new record; an old keychain entry is not yet forgotten
    };
    // Protects the same key differently (a new passphrase, into the keychain, out of it), as one transaction
    // on the key record: the new keychain entry is written first, then the new record is committed, then
    // the old keychain entry is forgotten. Stopped anywhere before the commit, the workspace opens with
    // the old key record. `currentPassphrase` opens the current record (not needed for the keychain or
    // the Demo's). A Demo key can be moved to real protection; nothing is moved to the Demo's passphrase.
    // A shared workspace's key stays under a team passphrase (a new one is the team's new passphrase); the
    // consoles that keep the key in their keychain open it as before, since the key itself is unchanged.
    static Store::Status reprotect(Store::Workspace& workspace, const QString& currentPassphrase,
                                   const WorkspaceProtection& to,
                                   const std::function<void(Step)>& afterStep = {});
};

} // namespace ConfigDeck::Session
