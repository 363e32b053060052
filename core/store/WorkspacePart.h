#pragma once

#include "SqlDialect.h"
#include "StoreTypes.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace ConfigDeck::Store {

// The base of each part of a Workspace (identities, versions, ...): all of them work over the one SQLite
// connection the Workspace owns, and only they (and the Workspace) build SQL.
class WorkspacePart
{
    Q_DISABLE_COPY_MOVE(WorkspacePart)

protected:
    explicit WorkspacePart(QString connectionName)
        : m_connectionName(std::move(connectionName))
    {
    }
    ~WorkspacePart() = default;

    QSqlDatabase database() const { return QSqlDatabase::database(m_connectionName, false); }
    const SqlDialect& dialect() const { return SqlDialect::of(database()); }
    // The row id of a device, or -1 when it is not in the workspace.
    Alink::Expected<qint64> deviceRowId(const QString& productKey, const QString& deviceName) const;

private:
    QString m_connectionName;
};

// Finds devices' row ids by ProductKey and DeviceName, the statement prepared once for a whole batch.
class DeviceRowLookup final
{
    Q_DISABLE_COPY_MOVE(DeviceRowLookup)

public:
    explicit DeviceRowLookup(const QSqlDatabase& db);
    // The row id, or -1 when the device is not in the workspace.
    Alink::Expected<qint64> find(const QString& productKey, const QString& deviceName);
    // The row id; a device that is not in the workspace is an error.
    Alink::Expected<qint64> require(const QString& productKey, const QString& deviceName);

private:
    QSqlQuery m_query;
};

// BEGIN (IMMEDIATE on SQLite) .. COMMIT, rolled back when it goes out of scope uncommitted. On a shared
// workspace the changes it announces are sent to the other consoles with the commit; a connection lost
// since the last statement (a server restart) is made again when the transaction begins.
class Transaction final
{
    Q_DISABLE_COPY_MOVE(Transaction)

public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Status begin();
    // What this transaction changes, for the other consoles (WorkspaceChangeFeed).
    void announce(const QString& part, const QString& what, const QStringList& ids = {});
    Status commit();
    void rollback();

private:
    QSqlDatabase m_db;
    QStringList m_announcements;
    bool m_active = false;
};

// Helpers shared by the parts' SQL.
namespace Sql {
Alink::AlinkError storeError(const QString& reason, const QString& field = {});
// A readable error for a failed statement.
Alink::AlinkError sqlError(const QString& what, const QSqlError& error);
QVariant msOrNull(const QDateTime& time);
QDateTime fromMs(const QVariant& value);
// A moment stored as milliseconds since the epoch, as a UTC date-time on every Qt version.
QDateTime utcFromMs(qint64 ms);
// Qt binds a null QString as SQL NULL; NOT NULL text columns get an empty string instead.
QString text(const QString& value);
QVariant intOrNull(const std::optional<int>& value);
// A LIMIT value: a negative limit means none (SQLite takes -1 for that, PostgreSQL no negative value).
qint64 limit(qint64 value);
// "ProductKey/DeviceName", as a device is named in change announcements.
QString deviceId(const QString& productKey, const QString& deviceName);
std::optional<int> optionalInt(const QVariant& value);
} // namespace Sql

} // namespace ConfigDeck::Store
