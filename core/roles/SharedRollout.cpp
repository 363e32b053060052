#include "SharedRollout.h"

#include "RolesLog.h"
#include "store/Workspace.h"

#include <QDateTime>

#include <cmath>

namespace ConfigDeck::Roles {

using Alink::AlinkError;
using Store::OutcomeState;
using Store::RolloutState;

namespace {

constexpr qsizetype kMaxBufferedReplies = 200000; // while the database is away
constexpr std::chrono::milliseconds kBusyTick{5};
constexpr std::chrono::milliseconds kIdleTick{50};
constexpr std::chrono::milliseconds kWaitingTick{500};
constexpr qint64 kHousekeepingMs = 250;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

SharedRollout::SharedRollout(PlatformService* platform, Store::Workspace* workspace, RolloutPlan plan,
                             Store::RolloutRecord record, Options options, QObject* parent)
    : Rollout(parent)
    , m_platform(platform)
    , m_workspace(workspace)
    , m_plan(std::move(plan))
    , m_record(std::move(record))
    , m_options(std::move(options))
{
    m_plan.devices.removeDuplicates();
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &SharedRollout::tick);
    connect(m_platform, &PlatformService::pushReplied, this,
            [this](const QString& productKey, const QString& deviceName, const QString& messageId, int code,
                   qint64) { onReply(productKey, deviceName, messageId, code); });
}

SharedRollout::~SharedRollout()
{
    if (m_state == RolloutState::Running)
        m_workspace->rolloutLock().release(m_plan.productKey);
}

std::optional<AlinkError> SharedRollout::start()
{
    if (m_state != RolloutState::Planned)
        return AlinkError{QStringLiteral("rollout"), tr("the rollout has already started"), -1};
    if (auto error = m_plan.checkStart(*m_platform))
        return error;

    // A console running a rollout of the product holds its lock alone; the processes sharing one hold it
    // together.
    Store::Workspace& workspace = *m_workspace;
    const auto locked =
        workspace.rolloutLock().tryAcquire(m_plan.productKey, Store::RolloutLock::Mode::Shared);
    if (!locked)
        return locked.error();
    if (!*locked) {
        const auto running = workspace.rolloutWork().active(m_plan.productKey);
        if (running && running->has_value())
            return AlinkError{QStringLiteral("rollout"),
                              tr("rollout %1 (\"%2\") of product %3 is being run by %4 in a console, "
                                 "since %5; one rollout per product runs at a time")
                                  .arg((*running)->id)
                                  .arg((*running)->name, m_plan.productKey, (*running)->operatorName,
                                       (*running)->started.toLocalTime().toString(Qt::ISODate)),
                              -1};
        return AlinkError{QStringLiteral("rollout"),
                          tr("a console is running a rollout of product %1; one rollout per product runs at "
                             "a time")
                              .arg(m_plan.productKey),
                          -1};
    }
    const auto joined = workspace.rolloutWork().createOrJoin(m_record, m_plan.devices, m_options.staleAfter,
                                                             m_options.worker);
    if (!joined) {
        workspace.rolloutLock().release(m_plan.productKey);
        return joined.error();
    }
    m_record = joined->rollout;
    m_created = joined->created;
    // A joined rollout runs by its own plan, whoever started it.
    m_plan.batchSize = m_record.batchSize;
    m_plan.timeout = std::chrono::milliseconds(m_record.timeoutMs);
    m_plan.abortThreshold = m_record.abortThreshold;
    if (const Store::Status beaten =
            workspace.rolloutWork().beat(m_record.id, m_options.worker, m_options.operatorName);
        !beaten)
        return beaten.error();
    m_nextBeat = nowMs() + m_options.heartbeat.count();
    if (const auto tally = workspace.rolloutWork().tally(m_record.id); tally)
        m_tally = *tally;
    m_checkedBatch = qMax(0, m_tally.currentBatch);
    qCInfo(lcRoles) << (m_created ? "started" : "joined") << "shared rollout" << m_record.id << "of"
                    << m_plan.productKey << "as" << m_options.worker;
    m_state = RolloutState::Running;
    emit stateChanged(m_state);
    emit progress(m_tally.done(), m_tally.total);
    m_tick.start(kBusyTick);
    return std::nullopt;
}

void SharedRollout::cancel()
{
    if (m_state != RolloutState::Running)
        return;
    const auto ended = m_workspace->rolloutWork().finish(m_record.id, RolloutState::Aborted,
                                                         tr("cancelled by %1").arg(m_options.operatorName));
    if (!ended) {
        databaseFailed(ended.error());
        return;
    }
    m_nextHousekeeping = 0;
    tick();
}

void SharedRollout::tick()
{
    if (m_state != RolloutState::Running)
        return;
    if (!flushReplies())
        return;
    if (nowMs() >= m_nextHousekeeping) {
        if (!housekeeping())
            return;
        m_nextHousekeeping = nowMs() + kHousekeepingMs;
        if (m_state != RolloutState::Running)
            return;
    }
    if (m_platform->isConnected())
        claimAndPush();
}

bool SharedRollout::flushReplies()
{
    if (m_replies.isEmpty())
        return true;
    const auto applied = m_workspace->rolloutWork().applyReplies(m_record.id, m_plan.productKey, m_replies,
                                                                 tr("late reply, after the timeout"));
    if (!applied) {
        databaseFailed(applied.error());
        return false;
    }
    databaseOk();
    m_replies.clear();
    for (const Store::RolloutOutcome& outcome : *applied)
        emit outcomeChanged(outcome);
    return true;
}

bool SharedRollout::housekeeping()
{
    Store::RolloutWork& work = m_workspace->rolloutWork();
    const qint64 now = nowMs();
    // After a database restart the lock is gone with the old connection: take it again.
    if (const auto renewed = m_workspace->rolloutLock().renew(); !renewed) {
        databaseFailed(renewed.error());
        return false;
    } else if (!*renewed) {
        qCWarning(lcRoles) << "a console took the rollout lock of" << m_plan.productKey
                           << "while the database restarted";
    }
    if (now >= m_nextBeat) {
        if (const Store::Status beaten = work.beat(m_record.id, m_options.worker, m_options.operatorName);
            !beaten) {
            databaseFailed(beaten.error());
            return false;
        }
        m_nextBeat = now + m_options.heartbeat.count();
    }
    const auto expired = work.expire(m_record.id, m_plan.productKey, now, now - m_options.staleAfter.count(),
                                     m_options.maxAttempts,
                                     tr("no reply within %1 s").arg(double(m_plan.timeout.count()) / 1000.0),
                                     tr("pushed again: the platform process that pushed it stopped"));
    if (!expired) {
        databaseFailed(expired.error());
        return false;
    }
    m_retried += expired->retried;
    for (const Store::RolloutOutcome& outcome : expired->timedOut)
        emit outcomeChanged(outcome);
    const auto tally = work.tally(m_record.id);
    if (!tally) {
        databaseFailed(tally.error());
        return false;
    }
    databaseOk();
    m_tally = *tally;
    if (m_tally.done() != m_lastDone) {
        m_lastDone = m_tally.done();
        emit progress(m_tally.done(), m_tally.total);
    }
    if (m_tally.state != RolloutState::Running && m_tally.state != RolloutState::Paused) {
        finishLocally(m_tally.state, m_tally.finishReason);
        return true;
    }
    if (m_tally.currentBatch < 0) {
        // Every device has its outcome: whoever sees it first ends the rollout.
        const QString reason = completionReason();
        const auto ended = work.finish(m_record.id, RolloutState::Completed, reason);
        if (!ended) {
            databaseFailed(ended.error());
            return false;
        }
        m_tally.state = RolloutState::Completed;
        m_tally.finishReason = reason;
        if (!*ended) { // another process ended it first, maybe otherwise (aborted): its word counts
            if (const auto final = work.tally(m_record.id); final)
                m_tally = *final;
        }
        finishLocally(m_tally.state, m_tally.finishReason);
        return true;
    }
    return checkAbort();
}

bool SharedRollout::checkAbort()
{
    // Between batches only, as in one process: the devices done so far decide whether the next batch goes.
    if (m_tally.currentBatch <= m_checkedBatch)
        return true;
    const int done = m_tally.done();
    const int failed = m_tally.failed();
    if (done >= m_plan.minSampleForAbort && double(failed) / done > m_plan.abortThreshold) {
        const auto ended =
            m_workspace->rolloutWork().finish(m_record.id, RolloutState::Aborted,
                                              tr("aborted: %1 of %2 devices failed, above the %3% threshold")
                                                  .arg(failed)
                                                  .arg(done)
                                                  .arg(m_plan.abortThreshold * 100.0));
        if (!ended) {
            databaseFailed(ended.error());
            return false;
        }
        m_nextHousekeeping = 0; // read how it ended on the next tick
        return true;
    }
    m_checkedBatch = m_tally.currentBatch;
    return true;
}

void SharedRollout::claimAndPush()
{
    const int max = m_plan.ratePerSecond > 0
                        ? qMax(1, int(std::lround(m_plan.ratePerSecond * m_tick.interval() / 1000.0)))
                        : m_options.claimSize;
    const auto claims = m_workspace->rolloutWork().claim(m_record.id, m_options.worker, max, m_checkedBatch,
                                                         nowMs() + m_plan.timeout.count(),
                                                         [this] { return m_platform->nextMessageId(); });
    if (!claims) {
        databaseFailed(claims.error());
        return;
    }
    databaseOk();
    if (claims->isEmpty()) {
        // The batch is taken (its replies are awaited), or past the abort check: look again soon.
        m_nextHousekeeping = qMin(m_nextHousekeeping, nowMs() + kIdleTick.count());
        if (m_plan.ratePerSecond <= 0)
            m_tick.setInterval(kIdleTick);
        return;
    }
    QStringList unsent;
    for (const Store::RolloutClaim& claim : *claims) {
        if (!unsent.isEmpty() || !m_platform->isConnected()) {
            unsent << claim.deviceName;
            continue;
        }
        const auto pushed = m_platform->push(m_plan.productKey, {claim.deviceName}, {claim.messageId});
        if (!pushed) {
            unsent << claim.deviceName;
            continue;
        }
        ++m_pushedHere;
        emit outcomeChanged(Store::RolloutOutcome{m_plan.productKey, claim.deviceName, OutcomeState::Pushed,
                                                  std::nullopt, QDateTime::currentDateTimeUtc(),
                                                  claim.attempt > 1 ? tr("pushed again") : QString()});
    }
    if (!unsent.isEmpty()) {
        // The broker went away mid-way: the devices not pushed go back for any process to take.
        if (const Store::Status released =
                m_workspace->rolloutWork().release(m_record.id, m_plan.productKey, unsent);
            !released)
            databaseFailed(released.error());
    }
    const auto busy = m_plan.ratePerSecond > 0
                          ? std::chrono::milliseconds(qMax(5, int(1000.0 / m_plan.ratePerSecond)))
                          : kBusyTick;
    m_tick.setInterval(busy);
}

void SharedRollout::onReply(const QString& productKey, const QString& deviceName, const QString& messageId,
                            int code)
{
    if (m_state != RolloutState::Running || productKey != m_plan.productKey)
        return;
    if (m_replies.size() >= kMaxBufferedReplies) {
        if (!m_droppedReplies)
            qCWarning(lcRoles)
                << "the workspace has been away too long:" << kMaxBufferedReplies
                << "replies wait to be recorded; older ones are dropped (the message log keeps "
                   "them)";
        m_droppedReplies = true;
        m_replies.removeFirst();
    }
    m_replies.append(Store::RolloutReply{deviceName, messageId, code, QDateTime::currentDateTimeUtc()});
}

void SharedRollout::databaseFailed(const AlinkError& error)
{
    m_tick.setInterval(kWaitingTick);
    if (m_waiting)
        return;
    m_waiting = true;
    qCWarning(lcRoles) << "shared rollout" << m_record.id << "waits for the workspace:" << error.message();
    emit databaseWaiting(error.message());
}

void SharedRollout::databaseOk()
{
    if (!m_waiting)
        return;
    m_waiting = false;
    m_tick.setInterval(kBusyTick);
    qCInfo(lcRoles) << "shared rollout" << m_record.id << "resumes: the workspace is back";
    emit databaseResumed();
}

void SharedRollout::finishLocally(RolloutState state, const QString& reason)
{
    m_tick.stop();
    m_workspace->rolloutLock().release(m_plan.productKey);
    m_state = state;
    emit progress(m_tally.done(), m_tally.total);
    emit stateChanged(state);
    qCInfo(lcRoles) << "shared rollout" << m_record.id << "of" << m_plan.productKey << "finished:" << reason;
    emit finished(state, reason);
}

QString SharedRollout::completionReason() const
{
    const int failed = m_tally.failed();
    return failed == 0 ? tr("every device took the configuration")
                       : tr("%1 of %2 devices did not take the configuration").arg(failed).arg(m_tally.total);
}

} // namespace ConfigDeck::Roles
