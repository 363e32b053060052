#pragma once

#include "DeviceStateStore.h"
#include "IdentityStore.h"
#include "KeyStore.h"
#include "MessageLog.h"
#include "RolloutLock.h"
#include "RolloutStore.h"
#include "RolloutWork.h"
#include "SettingsStore.h"
#include "StoreTypes.h"
#include "VersionStore.h"
#include "WorkspaceChangeFeed.h"
#include "WorkspaceLocation.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace ConfigDeck::Store {

// One workspace = one SQLite file (WAL), or one PostgreSQL database that several consoles share. The
// Workspace opens, checks and migrates it and owns its one connection; its parts (identities, versions,
// device states, message log, rollouts, settings, key) each do one job over that connection, in one SQL
// (SqlDialect says the few words that differ). Every write runs in a transaction; an existing file is checked
// (SQLite header, ConfigDeck application id, schema version, quick_check) before anything is written to it,
// a database (ConfigDeck's mark, schema version) inside the migration's transaction.
class Workspace final
{
    Q_DECLARE_TR_FUNCTIONS(Workspace)
    Q_DISABLE_COPY_MOVE(Workspace)

public:
    enum class OpenMode
    {
        CreateOrOpen, // create the file when it does not exist
        OpenExisting, // fail when it does not exist
    };

    // "CDk1": PRAGMA application_id of every ConfigDeck workspace.
    static constexpr qint32 kApplicationId = 0x43446b31;
    static constexpr int kSchemaVersion = 7;

    // One schema step: applied in a transaction, then user_version = version.
    struct Migration
    {
        int version;
        QList<const char*> statements;
    };
    static const QList<Migration>& migrations();

    // location: a file path, or postgresql://user@host:port/database?sslmode=... (WorkspaceLocation). A
    // password given apart is used when the URL has none. An empty database becomes a new workspace (with
    // CreateOrOpen); a database of another application, or of a newer ConfigDeck, is refused.
    static Alink::Expected<std::unique_ptr<Workspace>>
    open(const QString& location, OpenMode mode = OpenMode::CreateOrOpen, const QString& password = {});
    ~Workspace();

    // The SQLite behind Qt's QSQLITE driver, which may carry its own copy; empty without the driver.
    static QString sqliteVersion();

    // The file path, or the database URL without its password.
    QString path() const { return m_path; }
    // Whether other consoles may write to it at the same time (a PostgreSQL workspace).
    bool isShared() const;
    QString workspaceId() const { return m_workspaceId; }
    int schemaVersion() const { return m_schemaVersion; }

    IdentityStore& identities() { return m_identities; }
    const IdentityStore& identities() const { return m_identities; }
    VersionStore& versions() { return m_versions; }
    const VersionStore& versions() const { return m_versions; }
    DeviceStateStore& deviceStates() { return m_deviceStates; }
    const DeviceStateStore& deviceStates() const { return m_deviceStates; }
    MessageLog& messageLog() { return m_messageLog; }
    const MessageLog& messageLog() const { return m_messageLog; }
    RolloutStore& rollouts() { return m_rollouts; }
    const RolloutStore& rollouts() const { return m_rollouts; }
    // A rollout's work shared by platform processes, and the one-rollout-per-product lock.
    RolloutWork& rolloutWork() { return m_rolloutWork; }
    const RolloutWork& rolloutWork() const { return m_rolloutWork; }
    RolloutLock& rolloutLock() { return m_rolloutLock; }
    SettingsStore& settings() { return m_settings; }
    const SettingsStore& settings() const { return m_settings; }
    KeyStore& keys() { return m_keys; }
    const KeyStore& keys() const { return m_keys; }
    // What other consoles change in a shared workspace, as they commit it.
    WorkspaceChangeFeed& changeFeed() { return *m_changeFeed; }

    // A consistent copy of the whole workspace in a new file (SQLite VACUUM INTO; a workspace on PostgreSQL
    // becomes a workspace file, DatabaseCopy): secrets stay sealed under the same key. The target must not
    // exist yet.
    Status saveCopy(const QString& targetPath) const;

private:
    Workspace(QString path, const QString& connectionName);
    static Alink::Expected<std::unique_ptr<Workspace>> openFile(const QString& path, OpenMode mode);
    static Alink::Expected<std::unique_ptr<Workspace>> openDatabase(const WorkspaceLocation& location,
                                                                    OpenMode mode, const QString& password);
    QSqlDatabase database() const;
    Status migrate(OpenMode mode);
    Status readIdentity();

    QString m_path;
    QString m_connectionName;
    QString m_workspaceId;
    int m_schemaVersion = 0;
    // Declared in the order they depend on each other.
    KeyStore m_keys;
    SettingsStore m_settings;
    DeviceStateStore m_deviceStates;
    IdentityStore m_identities;
    VersionStore m_versions;
    MessageLog m_messageLog;
    RolloutStore m_rollouts;
    RolloutWork m_rolloutWork;
    RolloutLock m_rolloutLock;
    std::unique_ptr<WorkspaceChangeFeed> m_changeFeed;
};

} // namespace ConfigDeck::Store
