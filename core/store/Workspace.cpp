#include "Workspace.h"

#include "SqlDialect.h"
#include "StoreLog.h"
#include "secrets/SecretSealer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>
#include <QtEndian>

#include <algorithm>

namespace ConfigDeck::Store {

using Alink::AlinkError;
using Alink::Expected;

namespace {

constexpr auto kDriver = "QSQLITE";
constexpr auto kDatabaseDriver = "QPSQL";

using Sql::sqlError;
using Sql::storeError;

// Steps of the schema; a file at version N gets steps N+1.. applied, each in its own transaction.
const QList<Workspace::Migration> kMigrations{
    {1,
     {
         "CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID",
         "CREATE TABLE products (id INTEGER PRIMARY KEY, product_key TEXT NOT NULL UNIQUE,"
         " name TEXT NOT NULL DEFAULT '', endpoint TEXT NOT NULL DEFAULT '',"
         " remote_config INTEGER NOT NULL DEFAULT 1)",
         "CREATE TABLE devices (id INTEGER PRIMARY KEY,"
         " product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,"
         " device_name TEXT NOT NULL, secret BLOB, note TEXT NOT NULL DEFAULT '',"
         " UNIQUE (product_id, device_name))",
         "CREATE TABLE config_versions (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE,"
         " content BLOB NOT NULL, size INTEGER NOT NULL, product_key TEXT NOT NULL,"
         " created INTEGER NOT NULL, label TEXT NOT NULL DEFAULT '', origin INTEGER NOT NULL)",
         "CREATE INDEX config_versions_product ON config_versions (product_key, created)",
         "CREATE TABLE device_state (device_id INTEGER PRIMARY KEY REFERENCES devices(id) ON DELETE CASCADE,"
         " config_id TEXT NOT NULL DEFAULT '', sha256 TEXT NOT NULL DEFAULT '',"
         " state INTEGER NOT NULL DEFAULT 0, last_code INTEGER, code_source INTEGER NOT NULL DEFAULT 0,"
         " last_message INTEGER, online INTEGER NOT NULL DEFAULT 0)",
         "CREATE TABLE message_log (id INTEGER PRIMARY KEY, time INTEGER NOT NULL,"
         " product_key TEXT NOT NULL, device_name TEXT NOT NULL, direction INTEGER NOT NULL,"
         " topic TEXT NOT NULL, message_id TEXT NOT NULL DEFAULT '', code INTEGER, latency_ms INTEGER,"
         " payload BLOB, truncated INTEGER NOT NULL DEFAULT 0)",
         "CREATE INDEX message_log_device ON message_log (product_key, device_name, id)",
         "CREATE INDEX message_log_time ON message_log (time)",
     }},
    // v2: device labels (groups) and rollouts with each device's outcome.
    {2,
     {
         "CREATE TABLE device_labels (device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,"
         " label TEXT NOT NULL, PRIMARY KEY (device_id, label)) WITHOUT ROWID",
         "CREATE INDEX device_labels_label ON device_labels (label)",
         "CREATE TABLE rollouts (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '',"
         " product_key TEXT NOT NULL, config_sha256 TEXT NOT NULL REFERENCES config_versions(sha256),"
         " state INTEGER NOT NULL DEFAULT 0, batch_size INTEGER NOT NULL, rate_per_minute INTEGER NOT NULL,"
         " timeout_ms INTEGER NOT NULL, abort_threshold REAL NOT NULL, created INTEGER NOT NULL,"
         " started INTEGER, finished INTEGER)",
         "CREATE TABLE rollout_outcomes (rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE "
         "CASCADE,"
         " device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,"
         " state INTEGER NOT NULL DEFAULT 0, reply_code INTEGER, updated INTEGER,"
         " message TEXT NOT NULL DEFAULT '', PRIMARY KEY (rollout_id, device_id)) WITHOUT ROWID",
     }},
    // v3: every configuration a device was seen holding (verified or applied), kept across sessions; what
    // device_state holds already is its first entry.
    {3,
     {
         "CREATE TABLE held_versions (device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,"
         " sha256 TEXT NOT NULL, config_id TEXT NOT NULL DEFAULT '', first_seen INTEGER NOT NULL,"
         " last_seen INTEGER NOT NULL, PRIMARY KEY (device_id, sha256)) WITHOUT ROWID",
         "INSERT INTO held_versions (device_id, sha256, config_id, first_seen, last_seen)"
         " SELECT device_id, sha256, config_id, coalesce(last_message, 0), coalesce(last_message, 0)"
         " FROM device_state WHERE sha256 != '' AND state IN (4, 5)",
     }},
    // v4: the version each product publishes, a table of its own instead of "published/<ProductKey>"
    // settings (moved here, then deleted).
    {4,
     {
         "CREATE TABLE published_versions (product_key TEXT PRIMARY KEY,"
         " sha256 TEXT NOT NULL REFERENCES config_versions(sha256)) WITHOUT ROWID",
         "INSERT INTO published_versions (product_key, sha256)"
         " SELECT substr(key, 19), lower(value) FROM meta"
         " WHERE substr(key, 1, 18) = 'setting.published/' AND length(key) > 18 AND value != ''"
         " AND lower(value) IN (SELECT sha256 FROM config_versions)",
         "DELETE FROM meta WHERE substr(key, 1, 18) = 'setting.published/'",
     }},
    // v5: Alibaba limits per product (the platform applies the cloud's rules to that product).
    {5,
     {
         "ALTER TABLE products ADD COLUMN alibaba_limits INTEGER NOT NULL DEFAULT 0",
     }},
    // v6: who did it. The operator (the name set in Preferences, or the CLI's --operator) of every message
    // and hand edit a console recorded, and of every rollout it started; '' for what came before.
    {6,
     {
         "ALTER TABLE message_log ADD COLUMN operator TEXT NOT NULL DEFAULT ''",
         "ALTER TABLE rollouts ADD COLUMN operator TEXT NOT NULL DEFAULT ''",
     }},
    // v7: a rollout's work shared by several platform processes (RolloutWork). Each device's batch, the
    // process that claimed its push, the push's message id and reply deadline, how often it was pushed; the
    // processes' heartbeats, so that the pushes of one that died are retried; why the rollout finished.
    {7,
     {
         "ALTER TABLE rollouts ADD COLUMN finish_reason TEXT NOT NULL DEFAULT ''",
         "ALTER TABLE rollout_outcomes ADD COLUMN batch INTEGER NOT NULL DEFAULT 0",
         "ALTER TABLE rollout_outcomes ADD COLUMN claimed_by TEXT NOT NULL DEFAULT ''",
         "ALTER TABLE rollout_outcomes ADD COLUMN message_id TEXT NOT NULL DEFAULT ''",
         "ALTER TABLE rollout_outcomes ADD COLUMN deadline INTEGER",
         "ALTER TABLE rollout_outcomes ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0",
         "CREATE INDEX rollout_outcomes_work ON rollout_outcomes (rollout_id, state, batch)",
         "CREATE TABLE rollout_workers (rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE "
         "CASCADE,"
         " worker TEXT NOT NULL, operator TEXT NOT NULL DEFAULT '', heartbeat INTEGER NOT NULL,"
         " PRIMARY KEY (rollout_id, worker)) WITHOUT ROWID",
     }},
};

// Reads what the file's first 100 bytes say, without SQLite, so a foreign file is never opened for writing.
Status checkHeader(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return storeError(Workspace::tr("Cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray header = file.read(100);
    static constexpr char kMagic[] = "SQLite format 3";
    if (header.size() < 100 || !header.startsWith(QByteArrayView(kMagic, sizeof kMagic)))
        return storeError(Workspace::tr("%1 is not a ConfigDeck workspace (it is not an SQLite database).")
                              .arg(QFileInfo(path).fileName()));
    const qint32 applicationId = qFromBigEndian<qint32>(header.constData() + 68);
    if (applicationId != Workspace::kApplicationId)
        return storeError(Workspace::tr("%1 is not a ConfigDeck workspace (it is an SQLite database of "
                                        "another application).")
                              .arg(QFileInfo(path).fileName()));
    return ok();
}

AlinkError newerSchemaError(const QString& name, int version)
{
    return storeError(Workspace::tr("Workspace %1 was made by a newer ConfigDeck (schema version "
                                    "%2; this version reads up to %3). Update ConfigDeck to "
                                    "open it.")
                          .arg(name)
                          .arg(version)
                          .arg(Workspace::kSchemaVersion));
}

QString newConnectionName()
{
    return QStringLiteral("configdeck-workspace-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Opens the file read-only and asks SQLite to check it: nothing is written, even to a damaged file.
Expected<int> verifyReadOnly(const QString& path)
{
    const QString name = newConnectionName();
    Expected<int> result = storeError(QString());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1StringView(kDriver), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        const QString fileName = QFileInfo(path).fileName();
        if (!db.open()) {
            result = storeError(
                Workspace::tr("Cannot open workspace %1: %2").arg(fileName, db.lastError().text()));
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next()) {
                result = storeError(Workspace::tr("Workspace %1 is damaged: %2")
                                        .arg(fileName, query.lastError().databaseText()));
            } else if (const QString verdict = query.value(0).toString(); verdict != u"ok") {
                result = storeError(Workspace::tr("Workspace %1 is damaged: %2").arg(fileName, verdict));
            } else if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next() ||
                       query.value(0).toInt() != Workspace::kApplicationId) {
                result = storeError(Workspace::tr("%1 is not a ConfigDeck workspace.").arg(fileName));
            } else if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
                result = storeError(Workspace::tr("Workspace %1 is damaged: %2")
                                        .arg(fileName, query.lastError().databaseText()));
            } else {
                const int version = query.value(0).toInt();
                if (version > Workspace::kSchemaVersion)
                    result = newerSchemaError(fileName, version);
                else if (version < 1)
                    result = storeError(
                        Workspace::tr("%1 is not a ConfigDeck workspace (it has no schema).").arg(fileName));
                else
                    result = version;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

// ---- Workspace ----

const QList<Workspace::Migration>& Workspace::migrations()
{
    return kMigrations;
}

Workspace::Workspace(QString path, const QString& connectionName)
    : m_path(std::move(path))
    , m_connectionName(connectionName)
    , m_keys(connectionName)
    , m_settings(connectionName)
    , m_deviceStates(connectionName)
    , m_identities(connectionName, m_keys, m_deviceStates)
    , m_versions(connectionName)
    , m_messageLog(connectionName, m_settings)
    , m_rollouts(connectionName, m_versions)
    , m_rolloutWork(connectionName, m_rollouts)
    , m_rolloutLock(connectionName)
{
}

Workspace::~Workspace()
{
    m_changeFeed.reset(); // it follows the connection's driver
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            SqlDialect::of(db).beforeClose(db);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Workspace::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Workspace::isShared() const
{
    return SqlDialect::of(database()).isShared();
}

Expected<std::unique_ptr<Workspace>> Workspace::open(const QString& location, OpenMode mode,
                                                     const QString& password)
{
    if (!WorkspaceLocation::isDatabaseUrl(location))
        return openFile(location, mode);
    const auto parsed = WorkspaceLocation::parse(location);
    if (!parsed)
        return parsed.error();
    return openDatabase(*parsed, mode, password);
}

Expected<std::unique_ptr<Workspace>> Workspace::openFile(const QString& path, OpenMode mode)
{
    const QFileInfo info(path);
    int version = 0;
    if (info.exists()) {
        if (!info.isFile())
            return storeError(tr("%1 is not a file.").arg(path));
        if (const Status header = checkHeader(path); !header)
            return header.error();
        const Expected<int> verified = verifyReadOnly(path);
        if (!verified)
            return verified.error();
        version = *verified;
    } else if (mode == OpenMode::OpenExisting) {
        return storeError(tr("There is no workspace at %1.").arg(path));
    }

    std::unique_ptr<Workspace> workspace(new Workspace(path, newConnectionName()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1StringView(kDriver), workspace->m_connectionName);
        db.setDatabaseName(path);
        if (!db.open())
            return sqlError(tr("Cannot open workspace %1").arg(path), db.lastError());
        if (version == 0) {
            // Written while still in rollback-journal mode, so it reaches the main file at once and a crash
            // during creation never leaves a file without ConfigDeck's mark.
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId)))
                return sqlError(tr("Cannot create workspace %1").arg(path), query.lastError());
        }
        if (const Status configured = SqlDialect::of(db).configure(db); !configured)
            return storeError(
                tr("Cannot configure workspace %1: %2").arg(path, configured.error().message()));
    }
    if (const Status migrated = workspace->migrate(mode); !migrated)
        return migrated.error();
    if (const Status read = workspace->readIdentity(); !read)
        return read.error();
    workspace->m_changeFeed = std::make_unique<WorkspaceChangeFeed>(workspace->m_connectionName);
    qCInfo(lcStore) << "opened workspace" << path << "schema" << kSchemaVersion << "from" << version;
    return workspace;
}

Expected<std::unique_ptr<Workspace>> Workspace::openDatabase(const WorkspaceLocation& location, OpenMode mode,
                                                             const QString& password)
{
    const QString url = location.url();
    if (!QSqlDatabase::isDriverAvailable(QLatin1StringView(kDatabaseDriver)))
        return storeError(
            tr("Cannot open workspace %1: Qt's PostgreSQL driver (QPSQL) is not installed.").arg(url));
    std::unique_ptr<Workspace> workspace(new Workspace(url, newConnectionName()));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QLatin1StringView(kDatabaseDriver), workspace->m_connectionName);
        db.setHostName(location.host());
        db.setPort(location.port());
        db.setUserName(location.user());
        db.setDatabaseName(location.databaseName());
        db.setPassword(location.password().isEmpty() ? password : location.password());
        db.setConnectOptions(location.connectOptions());
        if (!db.open())
            return sqlError(tr("Cannot connect to workspace %1").arg(url), db.lastError());
        if (const Status configured = SqlDialect::of(db).configure(db); !configured)
            return storeError(tr("Cannot configure workspace %1: %2").arg(url, configured.error().message()));
    }
    if (const Status migrated = workspace->migrate(mode); !migrated)
        return migrated.error();
    if (const Status read = workspace->readIdentity(); !read)
        return read.error();
    workspace->m_changeFeed = std::make_unique<WorkspaceChangeFeed>(workspace->m_connectionName);
    qCInfo(lcStore) << "opened workspace" << url << "schema" << workspace->m_schemaVersion;
    return workspace;
}

Status Workspace::migrate(OpenMode mode)
{
    QSqlDatabase db = database();
    const SqlDialect& dialect = SqlDialect::of(db);
    int fromVersion = -1;
    // One step per transaction; each transaction reads the version again under the migration lock, so two
    // consoles opening one new database apply each step once.
    while (true) {
        Transaction transaction(db);
        if (const Status begun = transaction.begin(); !begun)
            return begun;
        if (const Status locked = dialect.lockForMigration(db); !locked)
            return locked;
        QString foreign;
        const Expected<int> version = dialect.schemaVersion(db, &foreign);
        if (!version)
            return version.error();
        if (*version < 0)
            return storeError(tr("%1 is not a ConfigDeck workspace (%2).").arg(m_path, foreign));
        if (*version > kSchemaVersion)
            return newerSchemaError(m_path, *version);
        if (*version == 0 && mode == OpenMode::OpenExisting)
            return storeError(tr("There is no workspace at %1.").arg(m_path));
        if (fromVersion < 0)
            fromVersion = *version;
        const auto next = std::find_if(kMigrations.cbegin(), kMigrations.cend(),
                                       [&](const Migration& step) { return step.version > *version; });
        if (next == kMigrations.cend())
            break;
        const Migration& migration = *next;
        QSqlQuery query(db);
        for (const char* statement : migration.statements) {
            if (!query.exec(dialect.schemaStatement(statement)))
                return sqlError(tr("Cannot upgrade workspace to schema version %1").arg(migration.version),
                                query.lastError());
        }
        if (const Status set = dialect.setSchemaVersion(db, migration.version); !set)
            return set;
        if (migration.version == 1) {
            query.prepare(
                QStringLiteral("INSERT INTO meta (key, value) VALUES ('workspace_id', ?), ('created', ?)"));
            query.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
            query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
            if (!query.exec())
                return sqlError(tr("Cannot create workspace %1").arg(m_path), query.lastError());
        }
        if (const Status committed = transaction.commit(); !committed)
            return committed;
        if (fromVersion > 0)
            qCInfo(lcStore) << "migrated workspace" << m_path << "to schema version" << migration.version;
    }
    return ok();
}

Status Workspace::saveCopy(const QString& targetPath) const
{
    const QFileInfo target(targetPath);
    if (target.exists())
        return storeError(tr("%1 already exists: choose a new file name for the copy.").arg(targetPath));
    if (target.absoluteFilePath() == QFileInfo(m_path).absoluteFilePath())
        return storeError(tr("A copy cannot replace the workspace itself."));
    QSqlDatabase db = database();
    return SqlDialect::of(db).saveCopy(db, target.absoluteFilePath());
}

QString Workspace::sqliteVersion()
{
    if (!QSqlDatabase::isDriverAvailable(QLatin1StringView(kDriver)))
        return {};
    const QString name = newConnectionName();
    QString version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1StringView(kDriver), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT sqlite_version()")) && query.next())
                version = query.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

Status Workspace::readIdentity()
{
    QSqlDatabase db = database();
    QString foreign;
    const Expected<int> version = SqlDialect::of(db).schemaVersion(db, &foreign);
    if (!version)
        return storeError(tr("Cannot read workspace %1: %2").arg(m_path, version.error().message()));
    m_schemaVersion = *version;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'workspace_id'")))
        return sqlError(tr("Cannot read workspace %1").arg(m_path), query.lastError());
    if (query.next())
        m_workspaceId = QString::fromUtf8(query.value(0).toByteArray());
    return ok();
}

} // namespace ConfigDeck::Store
