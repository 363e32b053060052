#include "RolloutWork.h"

#include "RolloutStore.h"
#include "Workspace.h"

#include <QSqlQuery>

namespace ConfigDeck::Store {

using Alink::Expected;
using Sql::sqlError;
using Sql::storeError;
using Sql::text;

namespace {

constexpr int kCreateLockSpace = 0x4345; // create-or-join of a product's shared rollout, one at a time
constexpr int kPending = int(OutcomeState::Pending);
constexpr int kPushed = int(OutcomeState::Pushed);
constexpr int kTimedOut = int(OutcomeState::TimedOut);

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

int RolloutTally::done() const
{
    return count(OutcomeState::Succeeded) + count(OutcomeState::Failed) + count(OutcomeState::TimedOut) +
           count(OutcomeState::Skipped);
}

int RolloutTally::failed() const
{
    return count(OutcomeState::Failed) + count(OutcomeState::TimedOut);
}

RolloutWork::RolloutWork(QString connectionName, RolloutStore& rollouts)
    : WorkspacePart(std::move(connectionName))
    , m_rollouts(rollouts)
{
}

Expected<std::optional<RolloutRecord>> RolloutWork::active(const QString& productKey) const
{
    QSqlQuery query(database());
    query.prepare(RolloutStore::selectColumns() +
                  QStringLiteral(" WHERE product_key = ? AND state IN (?, ?) ORDER BY id DESC"));
    query.addBindValue(productKey);
    query.addBindValue(int(RolloutState::Running));
    query.addBindValue(int(RolloutState::Paused));
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read the rollouts of %1").arg(productKey), query.lastError());
    if (!query.next())
        return std::optional<RolloutRecord>();
    return std::optional<RolloutRecord>(RolloutStore::recordFrom(query));
}

Expected<RolloutJoin> RolloutWork::createOrJoin(const RolloutRecord& record, const QStringList& devices,
                                                std::chrono::milliseconds staleAfter, const QString& worker)
{
    if (devices.isEmpty())
        return storeError(Workspace::tr("The rollout has no devices."), QStringLiteral("devices"));
    QSqlDatabase db = database();
    Transaction transaction(db);
    if (const Status begun = transaction.begin(); !begun)
        return begun.error();
    // Processes started together wait for each other here: the first creates, the others join.
    if (const Status locked = dialect().lockForTransaction(db, kCreateLockSpace, record.productKey); !locked)
        return locked.error();
    const auto running = active(record.productKey);
    if (!running)
        return running.error();
    if (running->has_value()) {
        const RolloutRecord& other = **running;
        QSqlQuery workers(db);
        workers.prepare(QStringLiteral("SELECT count(*), coalesce(max(heartbeat), 0) FROM rollout_workers"
                                       " WHERE rollout_id = ?"));
        workers.addBindValue(other.id);
        if (!workers.exec() || !workers.next())
            return sqlError(Workspace::tr("Cannot read rollout %1").arg(other.id), workers.lastError());
        const bool shared = workers.value(0).toInt() > 0;
        const bool alive = workers.value(1).toLongLong() >= nowMs() - staleAfter.count();
        if (shared && other.configSha256.compare(record.configSha256, Qt::CaseInsensitive) == 0) {
            if (!worker.isEmpty()) {
                if (const Status beaten = beatInTransaction(other.id, worker, record.operatorName); !beaten)
                    return beaten.error();
            }
            if (const Status committed = transaction.commit(); !committed)
                return committed.error();
            return RolloutJoin{other, false};
        }
        if (shared && alive)
            return storeError(
                Workspace::tr("Rollout %1 (\"%2\") of product %3 is running, started by %4 on %5; "
                              "one rollout per product runs at a time.")
                    .arg(other.id)
                    .arg(other.name, other.productKey,
                         other.operatorName.isEmpty() ? Workspace::tr("someone") : other.operatorName,
                         other.started.toLocalTime().toString(Qt::ISODate)),
                QStringLiteral("rollout"));
        // Nobody runs it any more (its processes stopped, or the console that ran it went away).
        if (const Status ended = endInTransaction(
                transaction, other.id, RolloutState::Aborted,
                Workspace::tr(
                    "abandoned: nobody was running it when rollout of another configuration began"));
            !ended)
            return ended.error();
    }

    RolloutRecord created = record;
    created.state = RolloutState::Running;
    if (!created.started.isValid())
        created.started = QDateTime::currentDateTimeUtc();
    const auto id = m_rollouts.insertInTransaction(created);
    if (!id)
        return id.error();
    created.id = *id;
    DeviceRowLookup lookup(db);
    QSqlQuery insert(db);
    insert.prepare(
        QStringLiteral("INSERT INTO rollout_outcomes (rollout_id, device_id, state, batch, updated,"
                       " message) VALUES (?, ?, ?, ?, ?, '')"));
    const qint64 now = nowMs();
    const int batchSize = qMax(1, created.batchSize);
    for (int i = 0; i < devices.size(); ++i) {
        const auto device = lookup.require(created.productKey, devices.at(i));
        if (!device)
            return device.error();
        insert.bindValue(0, created.id);
        insert.bindValue(1, *device);
        insert.bindValue(2, kPending);
        insert.bindValue(3, i / batchSize);
        insert.bindValue(4, now);
        if (!insert.exec())
            return sqlError(
                Workspace::tr("Cannot store the outcome of %1/%2").arg(created.productKey, devices.at(i)),
                insert.lastError());
    }
    if (!worker.isEmpty()) {
        if (const Status beaten = beatInTransaction(created.id, worker, record.operatorName); !beaten)
            return beaten.error();
    }
    transaction.announce(QStringLiteral("rollouts"), QStringLiteral("added"), {QString::number(created.id)});
    if (const Status committed = transaction.commit(); !committed)
        return committed.error();
    return RolloutJoin{created, true};
}

Status RolloutWork::beat(qint64 rolloutId, const QString& worker, const QString& operatorName)
{
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    if (const Status beaten = beatInTransaction(rolloutId, worker, operatorName); !beaten)
        return beaten;
    return transaction.commit();
}

Status RolloutWork::beatInTransaction(qint64 rolloutId, const QString& worker, const QString& operatorName)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO rollout_workers (rollout_id, worker, operator, heartbeat)"
                                 " VALUES (?, ?, ?, ?) ON CONFLICT (rollout_id, worker) DO UPDATE SET"
                                 " heartbeat = excluded.heartbeat, operator = excluded.operator"));
    query.addBindValue(rolloutId);
    query.addBindValue(worker);
    query.addBindValue(text(operatorName));
    query.addBindValue(nowMs());
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot record the heartbeat of %1").arg(worker), query.lastError());
    return ok();
}

Expected<QList<RolloutWorker>> RolloutWork::workers(qint64 rolloutId) const
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT worker, operator, heartbeat FROM rollout_workers WHERE rollout_id = ?"
                       " ORDER BY worker"));
    query.addBindValue(rolloutId);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read rollout %1").arg(rolloutId), query.lastError());
    QList<RolloutWorker> result;
    while (query.next())
        result.append(
            RolloutWorker{query.value(0).toString(), query.value(1).toString(), Sql::fromMs(query.value(2))});
    return result;
}

Expected<RolloutTally> RolloutWork::tally(qint64 rolloutId) const
{
    RolloutTally tally;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT state, finish_reason FROM rollouts WHERE id = ?"));
    query.addBindValue(rolloutId);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read rollout %1").arg(rolloutId), query.lastError());
    if (!query.next())
        return storeError(Workspace::tr("There is no rollout %1 in the workspace.").arg(rolloutId));
    tally.state = RolloutState(query.value(0).toInt());
    tally.finishReason = query.value(1).toString();
    query.prepare(
        QStringLiteral("SELECT state, count(*) FROM rollout_outcomes WHERE rollout_id = ? GROUP BY state"));
    query.addBindValue(rolloutId);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read rollout %1").arg(rolloutId), query.lastError());
    while (query.next()) {
        const int state = query.value(0).toInt();
        if (state >= 0 && state < int(tally.counts.size()))
            tally.counts[state] = query.value(1).toInt();
        tally.total += query.value(1).toInt();
    }
    const auto batch = currentBatch(rolloutId);
    if (!batch)
        return batch.error();
    if (*batch < 0)
        return tally;
    tally.currentBatch = *batch;
    query.prepare(QStringLiteral(
        "SELECT count(*) FROM rollout_outcomes WHERE rollout_id = ? AND batch = ? AND state <> ?"));
    query.addBindValue(rolloutId);
    query.addBindValue(tally.currentBatch);
    query.addBindValue(kPending);
    if (!query.exec() || !query.next())
        return sqlError(Workspace::tr("Cannot read rollout %1").arg(rolloutId), query.lastError());
    tally.currentBatchFresh = query.value(0).toInt() == 0;
    return tally;
}

Expected<int> RolloutWork::currentBatch(qint64 rolloutId) const
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT min(batch) FROM rollout_outcomes WHERE rollout_id = ? AND state IN (?, ?)"));
    query.addBindValue(rolloutId);
    query.addBindValue(kPending);
    query.addBindValue(kPushed);
    if (!query.exec() || !query.next())
        return sqlError(Workspace::tr("Cannot read rollout %1").arg(rolloutId), query.lastError());
    return query.value(0).isNull() ? -1 : query.value(0).toInt();
}

Expected<QList<RolloutClaim>> RolloutWork::claim(qint64 rolloutId, const QString& worker, int max,
                                                 int maxBatch, qint64 deadlineMs,
                                                 const std::function<QString()>& nextMessageId)
{
    QList<RolloutClaim> claims;
    QSqlDatabase db = database();
    Transaction transaction(db);
    if (const Status begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT state FROM rollouts WHERE id = ?"));
    query.addBindValue(rolloutId);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read rollout %1").arg(rolloutId), query.lastError());
    if (!query.next() || RolloutState(query.value(0).toInt()) != RolloutState::Running)
        return claims;
    const auto current = currentBatch(rolloutId);
    if (!current)
        return current.error();
    if (*current < 0 || *current > maxBatch)
        return claims;
    const int batch = *current;
    query.prepare(QStringLiteral("SELECT o.device_id, d.device_name, o.attempts FROM rollout_outcomes o"
                                 " JOIN devices d ON d.id = o.device_id"
                                 " WHERE o.rollout_id = ? AND o.batch = ? AND o.state = ?"
                                 " ORDER BY o.device_id LIMIT ?") +
                  dialect().lockRowsSkippingLocked(QStringLiteral("o")));
    query.addBindValue(rolloutId);
    query.addBindValue(batch);
    query.addBindValue(kPending);
    query.addBindValue(qMax(0, max));
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot claim devices of rollout %1").arg(rolloutId),
                        query.lastError());
    QList<qint64> rows;
    while (query.next()) {
        rows.append(query.value(0).toLongLong());
        claims.append(RolloutClaim{query.value(1).toString(), nextMessageId(), query.value(2).toInt() + 1});
    }
    query.finish();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE rollout_outcomes SET state = ?, claimed_by = ?, message_id = ?,"
                                  " deadline = ?, attempts = attempts + 1, updated = ?, message = ''"
                                  " WHERE rollout_id = ? AND device_id = ?"));
    const qint64 now = nowMs();
    for (int i = 0; i < rows.size(); ++i) {
        update.bindValue(0, kPushed);
        update.bindValue(1, worker);
        update.bindValue(2, claims.at(i).messageId);
        update.bindValue(3, deadlineMs);
        update.bindValue(4, now);
        update.bindValue(5, rolloutId);
        update.bindValue(6, rows.at(i));
        if (!update.exec())
            return sqlError(Workspace::tr("Cannot claim devices of rollout %1").arg(rolloutId),
                            update.lastError());
    }
    if (!claims.isEmpty())
        transaction.announce(QStringLiteral("rollouts"), QStringLiteral("outcomes"),
                             {QString::number(rolloutId)});
    if (const Status committed = transaction.commit(); !committed)
        return committed.error();
    return claims;
}

Status RolloutWork::release(qint64 rolloutId, const QString& productKey, const QStringList& deviceNames)
{
    if (deviceNames.isEmpty())
        return ok();
    QSqlDatabase db = database();
    Transaction transaction(db);
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    DeviceRowLookup lookup(db);
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE rollout_outcomes SET state = ?, claimed_by = '', message_id = '',"
                                  " deadline = NULL, attempts = attempts - 1"
                                  " WHERE rollout_id = ? AND device_id = ? AND state = ?"));
    for (const QString& name : deviceNames) {
        const auto device = lookup.require(productKey, name);
        if (!device)
            return device.error();
        update.bindValue(0, kPending);
        update.bindValue(1, rolloutId);
        update.bindValue(2, *device);
        update.bindValue(3, kPushed);
        if (!update.exec())
            return sqlError(Workspace::tr("Cannot give back %1/%2").arg(productKey, name),
                            update.lastError());
    }
    return transaction.commit();
}

Expected<QList<RolloutOutcome>> RolloutWork::applyReplies(qint64 rolloutId, const QString& productKey,
                                                          const QList<RolloutReply>& replies,
                                                          const QString& lateNote)
{
    QList<RolloutOutcome> applied;
    if (replies.isEmpty())
        return applied;
    QSqlDatabase db = database();
    Transaction transaction(db);
    if (const Status begun = transaction.begin(); !begun)
        return begun.error();
    DeviceRowLookup lookup(db);
    QSqlQuery update(db);
    // A reply replaces only this rollout's push of that id, in flight or timed out (then it came late).
    update.prepare(
        QStringLiteral("UPDATE rollout_outcomes SET state = ?, reply_code = ?, updated = ?,"
                       " message = CASE WHEN state = ? THEN ? ELSE '' END"
                       " WHERE rollout_id = ? AND device_id = ? AND message_id = ? AND state IN (?, ?)"));
    // Rows are updated in device order, as every process does, so that two transactions never wait for each
    // other's rows in opposite orders (a deadlock).
    QList<std::pair<qint64, const RolloutReply*>> ordered;
    for (const RolloutReply& reply : replies) {
        const auto device = lookup.find(productKey, reply.deviceName);
        if (!device)
            return device.error();
        if (*device >= 0) // else not a device of the workspace: not this rollout's
            ordered.append({*device, &reply});
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [deviceRow, replyPointer] : std::as_const(ordered)) {
        const RolloutReply& reply = *replyPointer;
        const qint64* device = &deviceRow;
        const OutcomeState state = reply.code == 200 ? OutcomeState::Succeeded : OutcomeState::Failed;
        const QDateTime time = reply.time.isValid() ? reply.time : QDateTime::currentDateTimeUtc();
        update.bindValue(0, int(state));
        update.bindValue(1, reply.code);
        update.bindValue(2, time.toMSecsSinceEpoch());
        update.bindValue(3, kTimedOut);
        update.bindValue(4, text(lateNote));
        update.bindValue(5, rolloutId);
        update.bindValue(6, *device);
        update.bindValue(7, reply.messageId);
        update.bindValue(8, kPushed);
        update.bindValue(9, kTimedOut);
        if (!update.exec())
            return sqlError(
                Workspace::tr("Cannot store the outcome of %1/%2").arg(productKey, reply.deviceName),
                update.lastError());
        if (update.numRowsAffected() > 0)
            applied.append(RolloutOutcome{productKey, reply.deviceName, state, reply.code, time, {}});
    }
    if (!applied.isEmpty())
        transaction.announce(QStringLiteral("rollouts"), QStringLiteral("outcomes"),
                             {QString::number(rolloutId)});
    if (const Status committed = transaction.commit(); !committed)
        return committed.error();
    return applied;
}

Expected<RolloutWork::Expiry> RolloutWork::expire(qint64 rolloutId, const QString& productKey, qint64 now,
                                                  qint64 staleBeforeMs, int maxAttempts,
                                                  const QString& timeoutNote, const QString& retryNote)
{
    Expiry expiry;
    QSqlDatabase db = database();
    Transaction transaction(db);
    if (const Status begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery retry(db);
    retry.prepare(
        QStringLiteral("UPDATE rollout_outcomes SET state = ?, claimed_by = '', message_id = '',"
                       " deadline = NULL, message = ?"
                       " WHERE rollout_id = ? AND state = ? AND attempts < ? AND claimed_by IN"
                       " (SELECT worker FROM rollout_workers WHERE rollout_id = ? AND heartbeat < ?)"));
    retry.addBindValue(kPending);
    retry.addBindValue(text(retryNote));
    retry.addBindValue(rolloutId);
    retry.addBindValue(kPushed);
    retry.addBindValue(maxAttempts);
    retry.addBindValue(rolloutId);
    retry.addBindValue(staleBeforeMs);
    if (!retry.exec())
        return sqlError(Workspace::tr("Cannot retry the pushes of rollout %1").arg(rolloutId),
                        retry.lastError());
    expiry.retried = qMax(0, retry.numRowsAffected());

    QSqlQuery expired(db);
    expired.prepare(QStringLiteral("SELECT o.device_id, d.device_name FROM rollout_outcomes o"
                                   " JOIN devices d ON d.id = o.device_id"
                                   " WHERE o.rollout_id = ? AND o.state = ? AND o.deadline < ?"
                                   " ORDER BY o.device_id") +
                    dialect().lockRowsSkippingLocked(QStringLiteral("o")));
    expired.addBindValue(rolloutId);
    expired.addBindValue(kPushed);
    expired.addBindValue(now);
    if (!expired.exec())
        return sqlError(Workspace::tr("Cannot read rollout %1").arg(rolloutId), expired.lastError());
    QList<std::pair<qint64, QString>> rows;
    while (expired.next())
        rows.append({expired.value(0).toLongLong(), expired.value(1).toString()});
    expired.finish();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE rollout_outcomes SET state = ?, updated = ?, message = ?"
                                  " WHERE rollout_id = ? AND device_id = ? AND state = ?"));
    const QDateTime time = Sql::utcFromMs(now);
    for (const auto& [row, name] : std::as_const(rows)) {
        update.bindValue(0, kTimedOut);
        update.bindValue(1, now);
        update.bindValue(2, text(timeoutNote));
        update.bindValue(3, rolloutId);
        update.bindValue(4, row);
        update.bindValue(5, kPushed);
        if (!update.exec())
            return sqlError(Workspace::tr("Cannot store the outcome of %1/%2").arg(productKey, name),
                            update.lastError());
        if (update.numRowsAffected() > 0)
            expiry.timedOut.append(
                RolloutOutcome{productKey, name, OutcomeState::TimedOut, std::nullopt, time, timeoutNote});
    }
    if (expiry.retried > 0 || !expiry.timedOut.isEmpty())
        transaction.announce(QStringLiteral("rollouts"), QStringLiteral("outcomes"),
                             {QString::number(rolloutId)});
    if (const Status committed = transaction.commit(); !committed)
        return committed.error();
    return expiry;
}

Expected<bool> RolloutWork::finish(qint64 rolloutId, RolloutState state, const QString& reason)
{
    QSqlDatabase db = database();
    Transaction transaction(db);
    if (const Status begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery query(db);
    if (state == RolloutState::Completed) {
        query.prepare(
            QStringLiteral("SELECT count(*) FROM rollout_outcomes WHERE rollout_id = ? AND state IN (?, ?)"));
        query.addBindValue(rolloutId);
        query.addBindValue(kPending);
        query.addBindValue(kPushed);
        if (!query.exec() || !query.next())
            return sqlError(Workspace::tr("Cannot read rollout %1").arg(rolloutId), query.lastError());
        if (query.value(0).toInt() > 0)
            return false;
    }
    query.prepare(QStringLiteral("SELECT state FROM rollouts WHERE id = ?"));
    query.addBindValue(rolloutId);
    if (!query.exec() || !query.next())
        return sqlError(Workspace::tr("Cannot read rollout %1").arg(rolloutId), query.lastError());
    const RolloutState current = RolloutState(query.value(0).toInt());
    if (current != RolloutState::Running && current != RolloutState::Paused)
        return false;
    if (const Status ended = endInTransaction(transaction, rolloutId, state, reason); !ended)
        return ended.error();
    if (const Status committed = transaction.commit(); !committed)
        return committed.error();
    return true;
}

Status RolloutWork::endInTransaction(Transaction& transaction, qint64 rolloutId, RolloutState state,
                                     const QString& reason)
{
    QSqlDatabase db = database();
    const qint64 now = nowMs();
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("UPDATE rollouts SET state = ?, finished = ?, finish_reason = ? WHERE id = ?"));
    query.addBindValue(int(state));
    query.addBindValue(now);
    query.addBindValue(text(reason));
    query.addBindValue(rolloutId);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot update rollout %1").arg(rolloutId), query.lastError());
    // Devices never pushed are skipped; pushes in flight are given up (a late reply still replaces that).
    for (const auto& [from, to] :
         {std::pair{kPending, int(OutcomeState::Skipped)}, std::pair{kPushed, kTimedOut}}) {
        query.prepare(QStringLiteral("UPDATE rollout_outcomes SET state = ?, updated = ?, message = ?"
                                     " WHERE rollout_id = ? AND state = ?"));
        query.addBindValue(to);
        query.addBindValue(now);
        query.addBindValue(text(reason));
        query.addBindValue(rolloutId);
        query.addBindValue(from);
        if (!query.exec())
            return sqlError(Workspace::tr("Cannot update rollout %1").arg(rolloutId), query.lastError());
    }
    transaction.announce(QStringLiteral("rollouts"), QStringLiteral("changed"), {QString::number(rolloutId)});
    return ok();
}

} // namespace ConfigDeck::Store
