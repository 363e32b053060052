#pragma once

#include "StoreTypes.h"

#include <QSqlDatabase>
#include <QString>

namespace ConfigDeck::Store {

// What differs between the databases a workspace can live in (SQLite, PostgreSQL): the workspace and its
// parts write one SQL and ask the dialect only for the few words and steps that differ. The schema and its
// migrations are written once, in SQLite's words; schemaStatement() says them in this database's.
class SqlDialect
{
    Q_DISABLE_COPY_MOVE(SqlDialect)

public:
    virtual ~SqlDialect() = default;

    // The dialect of a connection's driver (QSQLITE or QPSQL); SQLite's for any other.
    static const SqlDialect& of(const QSqlDatabase& db);
    static const SqlDialect& sqlite();
    static const SqlDialect& postgresql();

    virtual QString driverName() const = 0;
    virtual bool isShared() const = 0; // several consoles at once (a server), with a change feed

    // A statement of the schema (kMigrations) in this database's words.
    virtual QString schemaStatement(const char* statement) const = 0;
    // Starts a write transaction that holds the write lock from its start.
    virtual QString beginTransaction() const = 0;
    // The larger of two values (SQLite's two-argument max()).
    virtual QString greatest(const QString& a, const QString& b) const = 0;
    // The values of a text column over a group, joined by new lines.
    virtual QString joinedLines(const QString& column) const = 0;

    // The connection's settings for a workspace (SQLite: WAL, foreign keys, ...).
    virtual Status configure(QSqlDatabase& db) const = 0;
    // The schema version the database holds: 0 for an empty database, -1 for one that is not a ConfigDeck
    // workspace (tables of another application), with what was found in *foreign.
    virtual Alink::Expected<int> schemaVersion(const QSqlDatabase& db, QString* foreign) const = 0;
    // Inside the migration's transaction: records the version (and ConfigDeck's mark on a new database).
    virtual Status setSchemaVersion(QSqlDatabase& db, int version) const = 0;
    // Inside a migration's transaction, before anything is read: keeps two consoles from migrating one
    // database at once (the second waits, then sees the new version).
    virtual Status lockForMigration(QSqlDatabase& db) const = 0;

    // Appended to a SELECT of rows to take: locks them for this transaction and passes over rows another
    // transaction holds (PostgreSQL's FOR UPDATE SKIP LOCKED), so that several processes each take different
    // rows. Empty on SQLite, whose write transaction holds the whole database already.
    virtual QString lockRowsSkippingLocked(const QString& tableAlias) const = 0;
    // Named locks (PostgreSQL's advisory locks on the key's hash; always granted on SQLite, which one console
    // at a time writes): for the transaction, or for the connection until unlocked. Shared holders exclude
    // exclusive ones only.
    virtual Status lockForTransaction(QSqlDatabase& db, int space, const QString& key) const = 0;
    virtual Alink::Expected<bool> tryLock(QSqlDatabase& db, int space, const QString& key,
                                          bool shared) const = 0;
    virtual void unlock(QSqlDatabase& db, int space, const QString& key, bool shared) const = 0;

    // Sent inside a write transaction, so that it is delivered to the other consoles only on commit.
    virtual Status notifyChange(QSqlDatabase& db, const QString& payload) const = 0;

    // Opens a lost connection again (a server restart) with its settings and notification subscriptions;
    // counts the times in reconnections(). SQLite never loses its connection.
    virtual Status reopen(QSqlDatabase& db) const = 0;
    static int reconnections(const QString& connectionName);

    // Before the workspace closes its connection (SQLite: PRAGMA optimize).
    virtual void beforeClose(QSqlDatabase& db) const = 0;
    // A consistent copy of the whole workspace in a new SQLite file that does not exist yet.
    virtual Status saveCopy(QSqlDatabase& db, const QString& targetPath) const = 0;

    // A bulk write (an import) may tune the connection for its duration; restored by endBulkWrite().
    virtual int beginBulkWrite(QSqlDatabase& db) const = 0;
    virtual void endBulkWrite(QSqlDatabase& db, int previous) const = 0;

    // The channel of the change feed.
    static inline const QString kChangeChannel = QStringLiteral("configdeck_changes");

protected:
    SqlDialect() = default;
};

} // namespace ConfigDeck::Store
