#include "RolloutStore.h"

#include "VersionStore.h"
#include "Workspace.h"

#include <QSqlQuery>

namespace ConfigDeck::Store {

using Alink::Expected;
using Sql::fromMs;
using Sql::msOrNull;
using Sql::sqlError;
using Sql::storeError;
using Sql::text;

RolloutStore::RolloutStore(QString connectionName, const VersionStore& versions)
    : WorkspacePart(std::move(connectionName))
    , m_versions(versions)
{
}

Expected<qint64> RolloutStore::create(const RolloutRecord& rollout)
{
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun.error();
    const auto id = insertInTransaction(rollout);
    if (!id)
        return id.error();
    transaction.announce(QStringLiteral("rollouts"), QStringLiteral("added"), {QString::number(*id)});
    if (const Status committed = transaction.commit(); !committed)
        return committed.error();
    return *id;
}

Expected<qint64> RolloutStore::insertInTransaction(const RolloutRecord& rollout)
{
    if (rollout.productKey.isEmpty())
        return storeError(Workspace::tr("A rollout needs a ProductKey."), QStringLiteral("productKey"));
    const auto version = m_versions.find(rollout.configSha256);
    if (!version)
        return version.error();
    if (!version->has_value())
        return storeError(
            Workspace::tr("There is no configuration version %1 in the workspace.").arg(rollout.configSha256),
            QStringLiteral("configSha256"));
    if (rollout.batchSize < 1 || rollout.ratePerMinute < 0 || rollout.timeoutMs < 1 ||
        rollout.abortThreshold < 0 || rollout.abortThreshold > 1)
        return storeError(
            Workspace::tr("A rollout needs a batch size of at least 1, a positive timeout and an abort "
                          "threshold between 0 and 1."));
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO rollouts (name, product_key, config_sha256, state, batch_size,"
                                 " rate_per_minute, timeout_ms, abort_threshold, created, started, finished,"
                                 " operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    query.addBindValue(text(rollout.name));
    query.addBindValue(text(rollout.productKey));
    query.addBindValue(rollout.configSha256.toLower());
    query.addBindValue(int(rollout.state));
    query.addBindValue(rollout.batchSize);
    query.addBindValue(rollout.ratePerMinute);
    query.addBindValue(rollout.timeoutMs);
    query.addBindValue(rollout.abortThreshold);
    query.addBindValue(rollout.created.isValid() ? rollout.created.toMSecsSinceEpoch()
                                                 : QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(msOrNull(rollout.started));
    query.addBindValue(msOrNull(rollout.finished));
    query.addBindValue(text(rollout.operatorName));
    if (!query.exec() || !query.next())
        return sqlError(Workspace::tr("Cannot store the rollout"), query.lastError());
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    return id;
}

Status RolloutStore::update(const RolloutRecord& rollout)
{
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("UPDATE rollouts SET name = ?, state = ?, started = ?, finished = ?, finish_reason = ?"
                       " WHERE id = ?"));
    query.addBindValue(text(rollout.name));
    query.addBindValue(int(rollout.state));
    query.addBindValue(msOrNull(rollout.started));
    query.addBindValue(msOrNull(rollout.finished));
    query.addBindValue(text(rollout.finishReason));
    query.addBindValue(rollout.id);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot update rollout %1").arg(rollout.id), query.lastError());
    if (query.numRowsAffected() == 0)
        return storeError(Workspace::tr("There is no rollout %1 in the workspace.").arg(rollout.id));
    transaction.announce(QStringLiteral("rollouts"), QStringLiteral("changed"),
                         {QString::number(rollout.id)});
    return transaction.commit();
}

namespace {
constexpr auto kRolloutColumns =
    "SELECT id, name, product_key, config_sha256, state, batch_size, rate_per_minute,"
    " timeout_ms, abort_threshold, created, started, finished, operator, finish_reason FROM rollouts";
RolloutRecord rolloutFrom(const QSqlQuery& query)
{
    RolloutRecord rollout;
    rollout.id = query.value(0).toLongLong();
    rollout.name = query.value(1).toString();
    rollout.productKey = query.value(2).toString();
    rollout.configSha256 = query.value(3).toString();
    rollout.state = RolloutState(query.value(4).toInt());
    rollout.batchSize = query.value(5).toInt();
    rollout.ratePerMinute = query.value(6).toInt();
    rollout.timeoutMs = query.value(7).toInt();
    rollout.abortThreshold = query.value(8).toDouble();
    rollout.created = fromMs(query.value(9));
    rollout.started = fromMs(query.value(10));
    rollout.finished = fromMs(query.value(11));
    rollout.operatorName = query.value(12).toString();
    rollout.finishReason = query.value(13).toString();
    return rollout;
}
} // namespace

RolloutRecord RolloutStore::recordFrom(const QSqlQuery& query)
{
    return rolloutFrom(query);
}

QString RolloutStore::selectColumns()
{
    return QLatin1StringView(kRolloutColumns);
}

Expected<std::optional<RolloutRecord>> RolloutStore::find(qint64 id) const
{
    QSqlQuery query(database());
    query.prepare(QLatin1StringView(kRolloutColumns) + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read rollout %1").arg(id), query.lastError());
    if (!query.next())
        return std::optional<RolloutRecord>();
    return std::optional<RolloutRecord>(rolloutFrom(query));
}

Expected<QList<RolloutRecord>> RolloutStore::list() const
{
    QList<RolloutRecord> result;
    QSqlQuery query(database());
    if (!query.exec(QLatin1StringView(kRolloutColumns) + QStringLiteral(" ORDER BY id")))
        return sqlError(Workspace::tr("Cannot read the rollouts"), query.lastError());
    while (query.next())
        result.append(rolloutFrom(query));
    return result;
}

Status RolloutStore::setOutcomes(qint64 rolloutId, const QList<RolloutOutcome>& outcomes)
{
    const auto known = find(rolloutId);
    if (!known)
        return known.error();
    if (!known->has_value())
        return storeError(Workspace::tr("There is no rollout %1 in the workspace.").arg(rolloutId));
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    DeviceRowLookup devices(database());
    QSqlQuery upsert(database());
    upsert.prepare(
        QStringLiteral("INSERT INTO rollout_outcomes (rollout_id, device_id, state, reply_code, updated,"
                       " message) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (rollout_id, device_id) DO UPDATE SET"
                       " state = excluded.state, reply_code = excluded.reply_code,"
                       " updated = excluded.updated, message = excluded.message"));
    for (const RolloutOutcome& outcome : outcomes) {
        const auto found = devices.require(outcome.productKey, outcome.deviceName);
        if (!found)
            return found.error();
        const qint64 deviceRow = *found;
        upsert.bindValue(0, rolloutId);
        upsert.bindValue(1, deviceRow);
        upsert.bindValue(2, int(outcome.state));
        upsert.bindValue(3, Sql::intOrNull(outcome.replyCode));
        upsert.bindValue(4, outcome.updated.isValid() ? outcome.updated.toMSecsSinceEpoch()
                                                      : QDateTime::currentMSecsSinceEpoch());
        upsert.bindValue(5, text(outcome.message));
        if (!upsert.exec())
            return sqlError(Workspace::tr("Cannot store the outcome of %1/%2")
                                .arg(outcome.productKey, outcome.deviceName),
                            upsert.lastError());
    }
    transaction.announce(QStringLiteral("rollouts"), QStringLiteral("outcomes"),
                         {QString::number(rolloutId)});
    return transaction.commit();
}

Expected<QList<RolloutOutcome>> RolloutStore::outcomes(qint64 rolloutId) const
{
    QList<RolloutOutcome> result;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT p.product_key, d.device_name, o.state, o.reply_code, o.updated, o.message"
                       " FROM rollout_outcomes o JOIN devices d ON d.id = o.device_id"
                       " JOIN products p ON p.id = d.product_id WHERE o.rollout_id = ? ORDER BY d.id"));
    query.addBindValue(rolloutId);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read the outcomes of rollout %1").arg(rolloutId),
                        query.lastError());
    while (query.next()) {
        result.append(RolloutOutcome{query.value(0).toString(), query.value(1).toString(),
                                     OutcomeState(query.value(2).toInt()), Sql::optionalInt(query.value(3)),
                                     fromMs(query.value(4)), query.value(5).toString()});
    }
    return result;
}

} // namespace ConfigDeck::Store
