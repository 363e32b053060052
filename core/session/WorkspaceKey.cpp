#include "WorkspaceKey.h"

#include "SessionLog.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"

namespace ConfigDeck::Session {

using Alink::AlinkError;
using Alink::Expected;
using Store::KeyRecord;
using Store::KeyVault;

namespace {

// A record the Demo's passphrase may have made: the Demo's own, or a named workspace made by a release
// that fell back to it. Only such weak records are tried with it, so a user's passphrase record never is.
bool mayBeDemoRecord(const KeyRecord& record)
{
    return record.mode == KeyRecord::Mode::Passphrase && record.iterations < KeyRecord::kDefaultIterations;
}

Expected<KeyRecord> recordOf(const Store::Workspace& workspace)
{
    const auto stored = workspace.keys().record();
    if (!stored)
        return stored.error();
    const QByteArray& bytes = *stored;
    if (bytes.isEmpty())
        return AlinkError{
            QStringLiteral("keyRecord"),
            WorkspaceKey::tr("The workspace %1 has no key: it was never finished. Create it again.")
                .arg(workspace.path())};
    return KeyRecord::fromBytes(bytes);
}

// Keeps a shared workspace's team key in this computer's keychain (entry "team-<URL>"); whether it is kept.
bool keepTeamKey(const Store::Workspace& workspace, const KeyRecord& record, QByteArrayView key)
{
    const auto kept = KeyVault::rememberTeamKey(workspace.path(), record, key);
    if (!kept)
        qCInfo(lcSession) << "the team key stays out of this computer's keychain:" << kept.error().message();
    return bool(kept);
}

WorkspaceProtection::Kind kindOfRecord(const KeyRecord& record)
{
    return record.mode == KeyRecord::Mode::Keychain ? WorkspaceProtection::Kind::Keychain
                                                    : WorkspaceProtection::Kind::Passphrase;
}

} // namespace

Expected<WorkspaceKey::Unlocked> WorkspaceKey::create(Store::Workspace& workspace,
                                                      const WorkspaceProtection& protection)
{
    const auto existing = workspace.keys().record();
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return AlinkError{QStringLiteral("keyRecord"), tr("The workspace already has a key")};
    const QString id = workspace.workspaceId();
    // A shared workspace's key must open in every console: a team passphrase, not one computer's keychain.
    if (workspace.isShared() && protection.kind != WorkspaceProtection::Kind::Passphrase)
        return AlinkError{
            QStringLiteral("protection"),
            tr("The workspace %1 is shared: protect it with a team passphrase.").arg(workspace.path())};
    Expected<std::pair<QByteArray, KeyRecord>> created = AlinkError{};
    switch (protection.kind) {
    case WorkspaceProtection::Kind::Keychain:
        created = KeyVault::create(KeyRecord::Mode::Keychain, id);
        break;
    case WorkspaceProtection::Kind::Passphrase:
        if (protection.passphrase == KeyRecord::kDemoPassphrase)
            return AlinkError{QStringLiteral("passphrase"),
                              tr("This passphrase ships with ConfigDeck: choose your own")};
        created = KeyVault::create(KeyRecord::Mode::Passphrase, id, protection.passphrase,
                                   KeyRecord::kDefaultIterations);
        break;
    case WorkspaceProtection::Kind::Demo:
        created = KeyVault::create(KeyRecord::Mode::Passphrase, id, KeyRecord::kDemoPassphrase,
                                   KeyRecord::kMinimumIterations);
        break;
    }
    if (!created)
        return created.error();
    if (auto status = workspace.keys().setRecord(created->second.toBytes()); !status) {
        KeyVault::forget(created->second); // no keychain entry outlives a record that was never stored
        return status.error();
    }
    // Kept here as a member's first unlock keeps it, so that the creator's next open needs no passphrase.
    const bool teamKeyKept = workspace.isShared() && keepTeamKey(workspace, created->second, created->first);
    qCInfo(lcSession) << "new workspace key kept"
                      << (protection.kind == WorkspaceProtection::Kind::Keychain ? "in the keychain"
                          : protection.kind == WorkspaceProtection::Kind::Passphrase
                              ? "under a passphrase"
                              : "under the Demo passphrase");
    return Unlocked{std::make_shared<const Store::SecretSealer>(std::move(created->first)), protection.kind,
                    teamKeyKept};
}

Expected<WorkspaceKey::Unlocked> WorkspaceKey::unlock(const Store::Workspace& workspace,
                                                      const QString& passphrase, UnlockFailure* failure)
{
    const auto fail = [failure](UnlockFailure why, AlinkError error) -> Expected<Unlocked> {
        if (failure)
            *failure = why;
        return error;
    };
    if (failure)
        *failure = UnlockFailure::None;
    const auto record = recordOf(workspace);
    if (!record)
        return fail(UnlockFailure::Other, record.error());

    if (mayBeDemoRecord(*record)) {
        // Said so to the caller (kind Demo), never silently: the UI asks to protect such a workspace.
        if (auto key = KeyVault::unlock(*record, KeyRecord::kDemoPassphrase))
            return Unlocked{std::make_shared<const Store::SecretSealer>(std::move(*key)),
                            WorkspaceProtection::Kind::Demo};
    }
    // A shared workspace's team key, kept in this computer's keychain since its first unlock here.
    const bool teamKey = workspace.isShared() && record->mode == KeyRecord::Mode::Passphrase;
    if (teamKey && passphrase.isEmpty()) {
        if (auto key = KeyVault::recallTeamKey(workspace.path(), *record))
            return Unlocked{std::make_shared<const Store::SecretSealer>(std::move(*key)),
                            WorkspaceProtection::Kind::Passphrase, true};
    }
    if (record->mode == KeyRecord::Mode::Passphrase && passphrase.isEmpty())
        return fail(
            UnlockFailure::NeedsPassphrase,
            AlinkError{QStringLiteral("passphrase"),
                       tr("The workspace %1 is protected by a passphrase: enter it").arg(workspace.path())});
    auto key = KeyVault::unlock(*record, passphrase);
    if (!key) {
        const bool wrong = record->mode == KeyRecord::Mode::Passphrase &&
                           key.error().field == QLatin1StringView("passphrase");
        return fail(wrong ? UnlockFailure::WrongPassphrase : UnlockFailure::Other, key.error());
    }
    const bool teamKeyKept = teamKey && keepTeamKey(workspace, *record, *key);
    return Unlocked{std::make_shared<const Store::SecretSealer>(std::move(*key)), kindOfRecord(*record),
                    teamKeyKept};
}

QString WorkspaceKey::teamPassphraseReason()
{
    return tr("A shared workspace's key is wrapped under a team passphrase so that every member can open "
              "it: one computer's keychain alone would open it on that computer only.");
}

Expected<WorkspaceProtection::Kind> WorkspaceKey::kindOf(const Store::Workspace& workspace)
{
    const auto record = recordOf(workspace);
    if (!record)
        return record.error();
    if (mayBeDemoRecord(*record) && KeyVault::unlock(*record, KeyRecord::kDemoPassphrase))
        return WorkspaceProtection::Kind::Demo;
    return kindOfRecord(*record);
}

Store::Status WorkspaceKey::reprotect(Store::Workspace& workspace, const QString& currentPassphrase,
                                      const WorkspaceProtection& to,
                                      const std::function<void(Step)>& afterStep)
{
    const auto old = recordOf(workspace);
    if (!old)
        return old.error();
    if (to.kind == WorkspaceProtection::Kind::Demo)
        return AlinkError{QStringLiteral("protection"),
                          tr("A workspace's key is never moved under the Demo's public passphrase")};
    if (to.kind == WorkspaceProtection::Kind::Keychain && workspace.isShared())
        return AlinkError{QStringLiteral("protection"), teamPassphraseReason()};
    if (to.kind == WorkspaceProtection::Kind::Keychain && old->mode == KeyRecord::Mode::Keychain)
        return AlinkError{QStringLiteral("protection"), tr("The key is already in the OS keychain")};
    if (to.kind == WorkspaceProtection::Kind::Passphrase && to.passphrase == KeyRecord::kDemoPassphrase)
        return AlinkError{QStringLiteral("passphrase"),
                          tr("This passphrase ships with ConfigDeck: choose your own")};

    auto unlocked = unlock(workspace, currentPassphrase);
    if (!unlocked)
        return unlocked.error();
    // The key itself: open the record once more (the sealer keeps its copy private).
    const QString opening =
        unlocked->kind == WorkspaceProtection::Kind::Demo ? KeyRecord::kDemoPassphrase : currentPassphrase;
    auto key = KeyVault::unlock(*old, opening);
    if (!key)
        return key.error();

    // 1. The new protection: a keychain entry is written here, before the file changes.
    auto next =
        KeyVault::protect(*key,
                          to.kind == WorkspaceProtection::Kind::Keychain ? KeyRecord::Mode::Keychain
                                                                         : KeyRecord::Mode::Passphrase,
                          old->workspaceId, to.passphrase, KeyRecord::kDefaultIterations);
    if (!next)
        return next.error();
    if (afterStep)
        afterStep(Step::NewProtectionStored);
    // 2. The new record, in one transaction: until it commits, the old record is the file's.
    if (auto status = workspace.keys().setRecord(next->toBytes()); !status) {
        if (old->mode != KeyRecord::Mode::Keychain)
            KeyVault::forget(*next); // the new entry protects nothing
        return status;
    }
    if (afterStep)
        afterStep(Step::RecordCommitted);
    // 3. Only now the old keychain entry goes (a lingering one holds the same key: harmless, but tidied).
    if (old->mode == KeyRecord::Mode::Keychain) {
        if (auto forgotten = KeyVault::forget(*old); !forgotten)
            qCWarning(lcSession) << "the old keychain entry was not deleted:" << forgotten.error().message();
    }
    qCInfo(lcSession) << "workspace key re-protected";
    return Store::ok();
}

} // namespace ConfigDeck::Session
