#include "MessageLog.h"

#include "SettingsStore.h"
#include "Workspace.h"

#include <QSqlQuery>

namespace ConfigDeck::Store {

using Alink::Expected;
using Sql::intOrNull;
using Sql::sqlError;
using Sql::storeError;
using Sql::text;

namespace {
const QString kMaxRows = QStringLiteral("log.maxRows");
const QString kMaxAgeDays = QStringLiteral("log.maxAgeDays");
const QString kMaxPayloadBytes = QStringLiteral("log.maxPayloadBytes");
} // namespace

MessageLog::MessageLog(QString connectionName, SettingsStore& settings)
    : WorkspacePart(std::move(connectionName))
    , m_settings(settings)
{
}

Expected<MessageLogRetention> MessageLog::retention() const
{
    MessageLogRetention retention;
    const auto maxRows = m_settings.value(kMaxRows, QString::number(retention.maxRows));
    if (!maxRows)
        return maxRows.error();
    const auto maxAgeDays = m_settings.value(kMaxAgeDays, QString::number(retention.maxAgeDays));
    if (!maxAgeDays)
        return maxAgeDays.error();
    const auto maxPayloadBytes =
        m_settings.value(kMaxPayloadBytes, QString::number(retention.maxPayloadBytes));
    if (!maxPayloadBytes)
        return maxPayloadBytes.error();
    retention.maxRows = maxRows->toLongLong();
    retention.maxAgeDays = maxAgeDays->toInt();
    retention.maxPayloadBytes = maxPayloadBytes->toLongLong();
    return retention;
}

Status MessageLog::setRetention(const MessageLogRetention& retention)
{
    if (retention.maxRows < 1 || retention.maxAgeDays < 0 || retention.maxPayloadBytes < 0)
        return storeError(Workspace::tr(
            "The message log must keep at least one message, and its limits cannot be negative."));
    for (const auto& [key, value] :
         {std::pair{kMaxRows, retention.maxRows}, std::pair{kMaxAgeDays, qint64(retention.maxAgeDays)},
          std::pair{kMaxPayloadBytes, retention.maxPayloadBytes}}) {
        if (const Status stored = m_settings.setValue(key, QString::number(value)); !stored)
            return stored;
    }
    const auto pruned = prune();
    if (!pruned)
        return pruned.error();
    return ok();
}

Status MessageLog::pruneInTransaction(const MessageLogRetention& retention, const QDateTime& now)
{
    QSqlQuery query(database());
    // Row ids only grow and only the oldest rows are deleted, so "id <= max - maxRows" keeps at most
    // maxRows rows without counting them.
    query.prepare(
        QStringLiteral("DELETE FROM message_log WHERE id <= (SELECT max(id) FROM message_log) - ?"));
    query.addBindValue(retention.maxRows);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot prune the message log"), query.lastError());
    if (retention.maxAgeDays > 0) {
        query.prepare(QStringLiteral("DELETE FROM message_log WHERE time < ?"));
        query.addBindValue(now.addDays(-retention.maxAgeDays).toMSecsSinceEpoch());
        if (!query.exec())
            return sqlError(Workspace::tr("Cannot prune the message log"), query.lastError());
    }
    return ok();
}

Expected<qint64> MessageLog::prune(const QDateTime& now)
{
    const auto limits = retention();
    if (!limits)
        return limits.error();
    const auto before = count();
    if (!before)
        return before.error();
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun.error();
    if (const Status pruned = pruneInTransaction(*limits, now); !pruned)
        return pruned.error();
    if (const Status committed = transaction.commit(); !committed)
        return committed.error();
    const auto after = count();
    if (!after)
        return after.error();
    return *before - *after;
}

Status MessageLog::append(QList<MessageLogEntry> entries)
{
    if (entries.isEmpty())
        return ok();
    const auto limits = retention();
    if (!limits)
        return limits.error();
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery insert(database());
    insert.prepare(QStringLiteral("INSERT INTO message_log (time, product_key, device_name, direction, topic,"
                                  " message_id, code, latency_ms, payload, truncated, operator) VALUES (?, "
                                  "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QStringList devices;
    for (MessageLogEntry& entry : entries) {
        if (const QString device = Sql::deviceId(entry.productKey, entry.deviceName);
            !devices.contains(device))
            devices.append(device);
        if (!entry.time.isValid())
            entry.time = QDateTime::currentDateTimeUtc();
        if (limits->maxPayloadBytes >= 0 && entry.payload.size() > limits->maxPayloadBytes) {
            entry.payload.truncate(limits->maxPayloadBytes);
            entry.payloadTruncated = true;
        }
        insert.bindValue(0, entry.time.toMSecsSinceEpoch());
        insert.bindValue(1, text(entry.productKey));
        insert.bindValue(2, text(entry.deviceName));
        insert.bindValue(3, int(entry.direction));
        insert.bindValue(4, text(entry.topic));
        insert.bindValue(5, text(entry.messageId));
        insert.bindValue(6, intOrNull(entry.code));
        insert.bindValue(7, intOrNull(entry.latencyMs));
        insert.bindValue(8, entry.payload.isNull() ? QByteArray("") : entry.payload);
        insert.bindValue(9, entry.payloadTruncated ? 1 : 0);
        insert.bindValue(10, text(entry.operatorName));
        if (!insert.exec())
            return sqlError(Workspace::tr("Cannot write the message log"), insert.lastError());
    }
    if (const Status pruned = pruneInTransaction(*limits, QDateTime::currentDateTimeUtc()); !pruned)
        return pruned;
    transaction.announce(QStringLiteral("messages"), QStringLiteral("appended"), devices);
    return transaction.commit();
}

Expected<QList<MessageLogEntry>> MessageLog::entries(const QString& productKey, const QString& deviceName,
                                                     qint64 limit) const
{
    QList<MessageLogEntry> result;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    // Newest first.
    query.prepare(QStringLiteral("SELECT id, time, product_key, device_name, direction, topic, message_id, "
                                 "code, latency_ms, payload, truncated, operator"
                                 " FROM message_log WHERE true") +
                  (productKey.isEmpty() ? QString() : QStringLiteral(" AND product_key = ?")) +
                  (deviceName.isEmpty() ? QString() : QStringLiteral(" AND device_name = ?")) +
                  QStringLiteral(" ORDER BY id DESC LIMIT ?"));
    if (!productKey.isEmpty())
        query.addBindValue(productKey);
    if (!deviceName.isEmpty())
        query.addBindValue(deviceName);
    query.addBindValue(Sql::limit(limit));
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read the message log"), query.lastError());
    while (query.next()) {
        MessageLogEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.time = Sql::fromMs(query.value(1));
        entry.productKey = query.value(2).toString();
        entry.deviceName = query.value(3).toString();
        entry.direction = MessageDirection(query.value(4).toInt());
        entry.topic = query.value(5).toString();
        entry.messageId = query.value(6).toString();
        entry.code = Sql::optionalInt(query.value(7));
        entry.latencyMs = Sql::optionalInt(query.value(8));
        entry.payload = query.value(9).toByteArray();
        entry.payloadTruncated = query.value(10).toInt() != 0;
        entry.operatorName = query.value(11).toString();
        result.append(entry);
    }
    return result;
}

Expected<qint64> MessageLog::count() const
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM message_log")) || !query.next())
        return sqlError(Workspace::tr("Cannot read the message log"), query.lastError());
    return query.value(0).toLongLong();
}

} // namespace ConfigDeck::Store
