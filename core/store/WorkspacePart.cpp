#include "WorkspacePart.h"

#include "SqlDialect.h"
#include "StoreLog.h"
#include "Workspace.h"
#include "WorkspaceChangeFeed.h"

#include <QSqlQuery>
#include <QTimeZone>

#include <limits>

namespace ConfigDeck::Store {

using Alink::AlinkError;
using Alink::Expected;

namespace Sql {

AlinkError storeError(const QString& reason, const QString& field)
{
    return AlinkError{field, reason, -1};
}

AlinkError sqlError(const QString& what, const QSqlError& error)
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return storeError(Workspace::tr("%1: %2").arg(what, detail));
}

QVariant msOrNull(const QDateTime& time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime fromMs(const QVariant& value)
{
    return value.isNull() ? QDateTime() : utcFromMs(value.toLongLong());
}

QDateTime utcFromMs(qint64 ms)
{
    // Qt 6.8 deprecates the Qt::TimeSpec overloads; their replacement, QTimeZone::UTC, came in Qt 6.5.
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
#else
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
#endif
}

QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant intOrNull(const std::optional<int>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

qint64 limit(qint64 value)
{
    return value < 0 ? std::numeric_limits<qint64>::max() : value;
}

QString deviceId(const QString& productKey, const QString& deviceName)
{
    return productKey + u'/' + deviceName;
}

std::optional<int> optionalInt(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toInt();
}

} // namespace Sql

Expected<qint64> WorkspacePart::deviceRowId(const QString& productKey, const QString& deviceName) const
{
    return DeviceRowLookup(database()).find(productKey, deviceName);
}

// ---- DeviceRowLookup ----

DeviceRowLookup::DeviceRowLookup(const QSqlDatabase& db)
    : m_query(db)
{
    m_query.prepare(QStringLiteral("SELECT d.id FROM devices d JOIN products p ON p.id = d.product_id"
                                   " WHERE p.product_key = ? AND d.device_name = ?"));
}

Expected<qint64> DeviceRowLookup::find(const QString& productKey, const QString& deviceName)
{
    m_query.bindValue(0, productKey);
    m_query.bindValue(1, deviceName);
    if (!m_query.exec())
        return Sql::sqlError(Workspace::tr("Cannot read device %1/%2").arg(productKey, deviceName),
                             m_query.lastError());
    const qint64 id = m_query.next() ? m_query.value(0).toLongLong() : qint64(-1);
    m_query.finish();
    return id;
}

Expected<qint64> DeviceRowLookup::require(const QString& productKey, const QString& deviceName)
{
    const auto id = find(productKey, deviceName);
    if (id && *id < 0)
        return Sql::storeError(
            Workspace::tr("There is no device %1/%2 in the workspace.").arg(productKey, deviceName));
    return id;
}

// ---- Transaction ----

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Transaction::~Transaction()
{
    rollback();
}

Status Transaction::begin()
{
    const SqlDialect& dialect = SqlDialect::of(m_db);
    for (int attempt = 0;; ++attempt) {
        if (!m_db.isOpen()) {
            if (const Status reopened = dialect.reopen(m_db); !reopened)
                return reopened;
        }
        QSqlQuery query(m_db);
        if (query.exec(dialect.beginTransaction()))
            break;
        // A connection found lost only now (the server restarted since the last statement) is made again
        // once: nothing of this transaction was sent yet.
        if (attempt > 0 || m_db.isOpen())
            return Sql::sqlError(Workspace::tr("Cannot start a transaction"), query.lastError());
    }
    m_active = true;
    return ok();
}

void Transaction::announce(const QString& part, const QString& what, const QStringList& ids)
{
    m_announcements.append(WorkspaceChangeFeed::payload(m_db.connectionName(), {part, what, ids}));
}

Status Transaction::commit()
{
    if (!m_active)
        return Sql::storeError(Workspace::tr("No transaction to commit"));
    for (const QString& announcement : std::as_const(m_announcements)) {
        if (const Status sent = SqlDialect::of(m_db).notifyChange(m_db, announcement); !sent)
            return sent; // rolled back when the transaction goes out of scope
    }
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const auto error = Sql::sqlError(Workspace::tr("Cannot commit"), query.lastError());
        rollback();
        return error;
    }
    m_active = false;
    return ok();
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcStore) << "rollback failed:" << query.lastError().text();
}

} // namespace ConfigDeck::Store
