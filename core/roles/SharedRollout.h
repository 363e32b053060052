#pragma once

#include "Rollout.h"
#include "RolloutRunner.h"
#include "store/RolloutWork.h"

#include <QTimer>

#include <chrono>

namespace ConfigDeck::Store {
class Workspace;
}

namespace ConfigDeck::Roles {

// A rollout whose work lives in the workspace (Store::RolloutWork), shared by every platform process that
// runs the same product and configuration: the first creates it, the others join. Each claims a few devices
// of the current batch at a time, pushes them with the ids it stored, and records whichever push_replies the
// broker hands it (in a share group, replies to the others' pushes too). A process that dies leaves its
// pushes to be retried by the others once its heartbeat is stale, or to time out. While the database is away
// the process waits (replies are kept in memory) and resumes when it is back; nothing already recorded is
// lost. Batches, the abort threshold and the time-out are the plan's; the rate is per process.
class SharedRollout final : public Rollout
{
    Q_OBJECT

public:
    struct Options
    {
        QString worker;       // this process, as the workspace names it (its MQTT client ID)
        QString operatorName; // who runs it
        int claimSize = 50;   // devices taken per claim without a rate limit
        std::chrono::milliseconds heartbeat{1000};
        std::chrono::milliseconds staleAfter{10000}; // a process silent this long is taken for dead
        int maxAttempts = 2;                         // pushes to one device at most (the retry after a death)
    };

    // record: the rollout to create (name, configuration version, operator) if none runs to join. The
    // workspace must outlive the rollout.
    SharedRollout(PlatformService* platform, Store::Workspace* workspace, RolloutPlan plan,
                  Store::RolloutRecord record, Options options, QObject* parent = nullptr);
    ~SharedRollout() override;

    std::optional<Alink::AlinkError> start() override;
    // Aborts the whole rollout, for every process.
    void cancel() override;
    Store::RolloutState state() const override { return m_state; }
    int count(Store::OutcomeState state) const override { return m_tally.count(state); }

    qint64 rolloutId() const { return m_record.id; }
    bool createdIt() const { return m_created; }
    qint64 pushedHere() const { return m_pushedHere; }
    qint64 retried() const { return m_retried; }
    const Store::RolloutTally& tally() const { return m_tally; }
    QString finishReason() const { return m_tally.finishReason; }

signals:
    // The workspace cannot be reached: the rollout waits (first failure only), and resumes.
    void databaseWaiting(const QString& reason);
    void databaseResumed();

private:
    void tick();
    bool flushReplies();
    bool housekeeping();
    void claimAndPush();
    bool checkAbort();
    void onReply(const QString& productKey, const QString& deviceName, const QString& messageId, int code);
    void databaseFailed(const Alink::AlinkError& error);
    void databaseOk();
    void finishLocally(Store::RolloutState state, const QString& reason);
    QString completionReason() const;

    PlatformService* m_platform;
    Store::Workspace* m_workspace;
    RolloutPlan m_plan;
    Store::RolloutRecord m_record;
    Options m_options;
    Store::RolloutState m_state = Store::RolloutState::Planned;
    Store::RolloutTally m_tally;
    QList<Store::RolloutReply> m_replies; // received, not yet recorded
    QTimer m_tick;
    qint64 m_nextHousekeeping = 0;
    qint64 m_nextBeat = 0;
    int m_checkedBatch = 0; // batches up to this one passed the abort check
    bool m_created = false;
    bool m_waiting = false;
    bool m_droppedReplies = false;
    qint64 m_pushedHere = 0;
    qint64 m_retried = 0;
    int m_lastDone = -1;
};

} // namespace ConfigDeck::Roles
