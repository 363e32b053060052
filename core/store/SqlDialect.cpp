#include "SqlDialect.h"

#include "DatabaseCopy.h"
#include "Workspace.h"
#include "WorkspacePart.h"

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlQuery>

namespace ConfigDeck::Store {

using Alink::Expected;
using Sql::sqlError;
using Sql::storeError;

namespace {

QMutex g_reconnectionsMutex;
QHash<QString, int> g_reconnections;

class SqliteDialect final : public SqlDialect
{
public:
    QString driverName() const override { return QStringLiteral("QSQLITE"); }
    bool isShared() const override { return false; }
    QString schemaStatement(const char* statement) const override { return QString::fromLatin1(statement); }
    QString beginTransaction() const override
    {
        // IMMEDIATE takes the write lock now, so a transaction never fails half-way on "database is locked".
        return QStringLiteral("BEGIN IMMEDIATE");
    }
    QString greatest(const QString& a, const QString& b) const override
    {
        return QStringLiteral("max(%1, %2)").arg(a, b);
    }
    QString joinedLines(const QString& column) const override
    {
        return QStringLiteral("group_concat(%1, char(10))").arg(column);
    }

    Status configure(QSqlDatabase& db) const override
    {
        QSqlQuery query(db);
        for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                                   "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000"}) {
            if (!query.exec(QLatin1StringView(pragma)))
                return sqlError(Workspace::tr("Cannot configure the workspace"), query.lastError());
        }
        return ok();
    }

    Expected<int> schemaVersion(const QSqlDatabase& db, QString* foreign) const override
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
            return sqlError(Workspace::tr("Cannot read the workspace"), query.lastError());
        const qint32 applicationId = query.value(0).toInt();
        if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
            return sqlError(Workspace::tr("Cannot read the workspace"), query.lastError());
        const int version = query.value(0).toInt();
        if (applicationId == 0 && version == 0) {
            if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
                return sqlError(Workspace::tr("Cannot read the workspace"), query.lastError());
            if (query.value(0).toInt() == 0)
                return 0;
        }
        if (applicationId != Workspace::kApplicationId) {
            *foreign = Workspace::tr("it is an SQLite database of another application");
            return -1;
        }
        return version;
    }

    Status setSchemaVersion(QSqlDatabase& db, int version) const override
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
            return sqlError(Workspace::tr("Cannot upgrade workspace to schema version %1").arg(version),
                            query.lastError());
        return ok();
    }

    // BEGIN IMMEDIATE already holds the only write lock.
    Status lockForMigration(QSqlDatabase&) const override { return ok(); }
    QString lockRowsSkippingLocked(const QString&) const override { return {}; }
    Status lockForTransaction(QSqlDatabase&, int, const QString&) const override { return ok(); }
    Expected<bool> tryLock(QSqlDatabase&, int, const QString&, bool) const override { return true; }
    void unlock(QSqlDatabase&, int, const QString&, bool) const override {}
    Status notifyChange(QSqlDatabase&, const QString&) const override { return ok(); }

    Status reopen(QSqlDatabase&) const override
    {
        return storeError(Workspace::tr("The workspace file is no longer open."));
    }
    void beforeClose(QSqlDatabase& db) const override
    {
        // Closing the last connection checkpoints the WAL into the file, so a closed workspace is one file.
        QSqlQuery(db).exec(QStringLiteral("PRAGMA optimize"));
    }
    Status saveCopy(QSqlDatabase& db, const QString& targetPath) const override
    {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("VACUUM INTO ?"));
        query.addBindValue(targetPath);
        if (!query.exec()) {
            QFile::remove(targetPath); // a partial copy is no copy
            return sqlError(Workspace::tr("Cannot save a copy of the workspace to %1").arg(targetPath),
                            query.lastError());
        }
        return ok();
    }

    int beginBulkWrite(QSqlDatabase& db) const override
    {
        // A large page cache for the import keeps SQLite from spilling pages into the WAL more than once.
        QSqlQuery pragma(db);
        pragma.exec(QStringLiteral("PRAGMA cache_size"));
        const int previous = pragma.next() ? pragma.value(0).toInt() : -2000;
        pragma.exec(QStringLiteral("PRAGMA cache_size = -262144"));
        return previous;
    }
    void endBulkWrite(QSqlDatabase& db, int previous) const override
    {
        QSqlQuery(db).exec(QStringLiteral("PRAGMA cache_size = %1").arg(previous));
    }
};

class PostgresDialect final : public SqlDialect
{
public:
    QString driverName() const override { return QStringLiteral("QPSQL"); }
    bool isShared() const override { return true; }

    QString schemaStatement(const char* statement) const override
    {
        // The schema's SQLite words and their PostgreSQL equivalents. INTEGER is 64-bit in SQLite (times
        // are milliseconds); meta values are bytes there too, read as text by the v4 step.
        static const QList<std::pair<QRegularExpression, QString>> kRules{
            {QRegularExpression(QStringLiteral("\\bid INTEGER PRIMARY KEY\\b")),
             QStringLiteral("id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")},
            {QRegularExpression(QStringLiteral("\\bINTEGER\\b")), QStringLiteral("BIGINT")},
            {QRegularExpression(QStringLiteral("\\bBLOB\\b")), QStringLiteral("BYTEA")},
            {QRegularExpression(QStringLiteral("\\bREAL\\b")), QStringLiteral("DOUBLE PRECISION")},
            {QRegularExpression(QStringLiteral("\\s+WITHOUT ROWID\\b")), QString()},
            {QRegularExpression(QStringLiteral("\\blower\\(value\\)")),
             QStringLiteral("lower(convert_from(value, 'UTF8'))")},
        };
        QString result = QString::fromLatin1(statement);
        for (const auto& [pattern, replacement] : kRules)
            result.replace(pattern, replacement);
        return result;
    }
    // Writers wait for each other on row locks; the unique constraints keep the data consistent.
    QString beginTransaction() const override { return QStringLiteral("BEGIN"); }
    QString greatest(const QString& a, const QString& b) const override
    {
        return QStringLiteral("greatest(%1, %2)").arg(a, b);
    }
    QString joinedLines(const QString& column) const override
    {
        return QStringLiteral("string_agg(%1, chr(10))").arg(column);
    }

    Status configure(QSqlDatabase& db) const override
    {
        QSqlQuery query(db);
        // Statements wait at most 30 s for a lock another console holds, then fail with that reason.
        if (!query.exec(QStringLiteral("SET lock_timeout = '30s'")))
            return sqlError(Workspace::tr("Cannot configure the workspace"), query.lastError());
        return ok();
    }

    Expected<int> schemaVersion(const QSqlDatabase& db, QString* foreign) const override
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT table_name FROM information_schema.tables"
                                       " WHERE table_schema = current_schema() ORDER BY table_name")))
            return sqlError(Workspace::tr("Cannot read the workspace"), query.lastError());
        QStringList tables;
        while (query.next())
            tables.append(query.value(0).toString());
        if (tables.isEmpty())
            return 0;
        auto notOurs = [&] {
            *foreign = Workspace::tr("it holds tables of another application: %1")
                           .arg(tables.mid(0, 5).join(QStringLiteral(", ")));
            return -1;
        };
        if (!tables.contains(QStringLiteral("meta")))
            return notOurs();
        if (!query.exec(QStringLiteral("SELECT key, value FROM meta"
                                       " WHERE key IN ('application_id', 'schema_version')")))
            return sqlError(Workspace::tr("Cannot read the workspace"), query.lastError());
        QByteArray applicationId;
        int version = 0;
        while (query.next()) {
            if (query.value(0).toString() == u"application_id")
                applicationId = query.value(1).toByteArray();
            else
                version = query.value(1).toByteArray().toInt();
        }
        if (applicationId != QByteArray::number(Workspace::kApplicationId))
            return notOurs();
        return version;
    }

    Status setSchemaVersion(QSqlDatabase& db, int version) const override
    {
        QSqlQuery query(db);
        query.prepare(
            QStringLiteral("INSERT INTO meta (key, value) VALUES ('application_id', ?),"
                           " ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        query.addBindValue(QByteArray::number(Workspace::kApplicationId));
        query.addBindValue(QByteArray::number(version));
        if (!query.exec())
            return sqlError(Workspace::tr("Cannot upgrade workspace to schema version %1").arg(version),
                            query.lastError());
        return ok();
    }

    Status lockForMigration(QSqlDatabase& db) const override
    {
        QSqlQuery query(db);
        // Released at the end of the transaction. The key is ConfigDeck's application id.
        if (!query.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(Workspace::kApplicationId)))
            return sqlError(Workspace::tr("Cannot lock the workspace for an upgrade"), query.lastError());
        return ok();
    }

    QString lockRowsSkippingLocked(const QString& tableAlias) const override
    {
        return QStringLiteral(" FOR UPDATE OF %1 SKIP LOCKED").arg(tableAlias);
    }
    Status lockForTransaction(QSqlDatabase& db, int space, const QString& key) const override
    {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(?, hashtext(?))"));
        query.addBindValue(space);
        query.addBindValue(key);
        if (!query.exec())
            return sqlError(Workspace::tr("Cannot lock %1").arg(key), query.lastError());
        return ok();
    }
    Expected<bool> tryLock(QSqlDatabase& db, int space, const QString& key, bool shared) const override
    {
        QSqlQuery query(db);
        query.prepare(shared ? QStringLiteral("SELECT pg_try_advisory_lock_shared(?, hashtext(?))")
                             : QStringLiteral("SELECT pg_try_advisory_lock(?, hashtext(?))"));
        query.addBindValue(space);
        query.addBindValue(key);
        if (!query.exec() || !query.next())
            return sqlError(Workspace::tr("Cannot lock %1").arg(key), query.lastError());
        return query.value(0).toBool();
    }
    void unlock(QSqlDatabase& db, int space, const QString& key, bool shared) const override
    {
        QSqlQuery query(db);
        query.prepare(shared ? QStringLiteral("SELECT pg_advisory_unlock_shared(?, hashtext(?))")
                             : QStringLiteral("SELECT pg_advisory_unlock(?, hashtext(?))"));
        query.addBindValue(space);
        query.addBindValue(key);
        query.exec(); // a lost connection has released it already
    }

    Status notifyChange(QSqlDatabase& db, const QString& payload) const override
    {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
        query.addBindValue(kChangeChannel);
        query.addBindValue(payload);
        if (!query.exec())
            return sqlError(Workspace::tr("Cannot announce the change to the other consoles"),
                            query.lastError());
        return ok();
    }

    Status reopen(QSqlDatabase& db) const override
    {
        const QStringList subscriptions = db.driver()->subscribedToNotifications();
        db.close();
        if (!db.open())
            return sqlError(Workspace::tr("Lost the connection to the workspace database and cannot connect "
                                          "again"),
                            db.lastError());
        if (const Status configured = configure(db); !configured)
            return configured;
        for (const QString& name : subscriptions) {
            if (!db.driver()->subscribeToNotification(name))
                return sqlError(Workspace::tr("Cannot follow the changes of other consoles"),
                                db.driver()->lastError());
        }
        const QMutexLocker locker(&g_reconnectionsMutex);
        ++g_reconnections[db.connectionName()];
        return ok();
    }
    void beforeClose(QSqlDatabase&) const override {}
    Status saveCopy(QSqlDatabase& db, const QString& targetPath) const override
    {
        return DatabaseCopy::toFile(db, targetPath);
    }

    int beginBulkWrite(QSqlDatabase&) const override { return 0; }
    void endBulkWrite(QSqlDatabase&, int) const override {}
};

} // namespace

const SqlDialect& SqlDialect::sqlite()
{
    static const SqliteDialect dialect;
    return dialect;
}

const SqlDialect& SqlDialect::postgresql()
{
    static const PostgresDialect dialect;
    return dialect;
}

int SqlDialect::reconnections(const QString& connectionName)
{
    const QMutexLocker locker(&g_reconnectionsMutex);
    return g_reconnections.value(connectionName);
}

const SqlDialect& SqlDialect::of(const QSqlDatabase& db)
{
    return db.driverName() == postgresql().driverName() ? postgresql() : sqlite();
}

} // namespace ConfigDeck::Store
