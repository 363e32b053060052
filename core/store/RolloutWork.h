#pragma once

#include "WorkspacePart.h"

#include <QDateTime>

#include <array>
#include <chrono>
#include <functional>

namespace ConfigDeck::Store {

class RolloutStore;

// A device's push taken by one platform process.
struct RolloutClaim
{
    QString deviceName;
    QString messageId; // of the push the process is to send
    int attempt = 1;   // 2 and up: pushed again after the process that pushed it died
};

// A device's push_reply, as any process of the group received it.
struct RolloutReply
{
    QString deviceName;
    QString messageId;
    int code = 0;
    QDateTime time;
};

// Where a shared rollout stands.
struct RolloutTally
{
    RolloutState state = RolloutState::Planned;
    QString finishReason;
    std::array<int, 6> counts{}; // devices per OutcomeState
    int total = 0;
    int currentBatch = -1; // the first batch with a device pending or pushed; -1: all have an outcome
    bool currentBatchFresh = false; // none of its devices was taken yet: a batch boundary

    int count(OutcomeState state) const { return counts[int(state)]; }
    int done() const;   // with a final outcome
    int failed() const; // failed or timed out
};

struct RolloutWorker
{
    QString worker; // the platform process (its MQTT client ID)
    QString operatorName;
    QDateTime heartbeat;
};

struct RolloutJoin
{
    RolloutRecord rollout;
    bool created = false; // false: joined a rollout another process had started
};

// The work of a rollout kept in the workspace, so that several platform processes share it: each device is
// a row that one process claims (FOR UPDATE SKIP LOCKED on PostgreSQL) with the message id of its push and a
// reply deadline; whichever process the broker hands the push_reply to records it by that id. A process
// beats its heartbeat; the pushes of one that stopped beating are put back to be pushed again, once; pushes
// whose deadline passed time out. Batches are the rollout's: a batch's devices are claimed only when every
// device of the batches before it has an outcome.
class RolloutWork final : public WorkspacePart
{
public:
    RolloutWork(QString connectionName, RolloutStore& rollouts);

    // The running (or paused) rollout of the product, if any.
    Alink::Expected<std::optional<RolloutRecord>> active(const QString& productKey) const;
    // Joins the running shared rollout of record.productKey when it rolls out the same configuration, or
    // starts record with every device pending in its batch. A running rollout of another configuration is
    // refused, saying who runs it, unless none of its processes beat within staleAfter: that one is ended as
    // abandoned first.
    // worker (a platform process) is recorded as one of its processes in the same transaction, so that a
    // process starting a moment later sees a rollout it can join, not one nobody runs.
    Alink::Expected<RolloutJoin> createOrJoin(const RolloutRecord& record, const QStringList& devices,
                                              std::chrono::milliseconds staleAfter,
                                              const QString& worker = {});
    Status beat(qint64 rolloutId, const QString& worker, const QString& operatorName);
    Alink::Expected<QList<RolloutWorker>> workers(qint64 rolloutId) const;
    Alink::Expected<RolloutTally> tally(qint64 rolloutId) const;

    // Takes up to max pending devices of the current batch for worker, each with a new message id; none while
    // the current batch is past maxBatch (the caller checks the abort threshold between batches).
    Alink::Expected<QList<RolloutClaim>> claim(qint64 rolloutId, const QString& worker, int max, int maxBatch,
                                               qint64 deadlineMs,
                                               const std::function<QString()>& nextMessageId);
    // Gives back claimed devices whose push could not be sent (the broker went away): pending again.
    Status release(qint64 rolloutId, const QString& productKey, const QStringList& deviceNames);
    // Records the replies that answer a push of this rollout (by message id); a reply after the device timed
    // out replaces the time-out, with lateNote. Returns the outcomes it set.
    Alink::Expected<QList<RolloutOutcome>> applyReplies(qint64 rolloutId, const QString& productKey,
                                                        const QList<RolloutReply>& replies,
                                                        const QString& lateNote);
    struct Expiry
    {
        QList<RolloutOutcome> timedOut;
        int retried = 0;
    };
    // Pushes of processes whose heartbeat is older than staleBeforeMs go back to pending (while pushed fewer
    // than maxAttempts times); pushes past their deadline time out.
    Alink::Expected<Expiry> expire(qint64 rolloutId, const QString& productKey, qint64 nowMs,
                                   qint64 staleBeforeMs, int maxAttempts, const QString& timeoutNote,
                                   const QString& retryNote);
    // Ends the rollout once, whoever asks first: Completed only when every device has an outcome; Aborted
    // skips the devices not pushed and times out those in flight. False when it had ended already.
    Alink::Expected<bool> finish(qint64 rolloutId, RolloutState state, const QString& reason);

private:
    // The first batch with a device pending or pushed; -1 when every device has an outcome.
    Alink::Expected<int> currentBatch(qint64 rolloutId) const;
    Status beatInTransaction(qint64 rolloutId, const QString& worker, const QString& operatorName);
    Status endInTransaction(Transaction& transaction, qint64 rolloutId, RolloutState state,
                            const QString& reason);

    RolloutStore& m_rollouts;
};

} // namespace ConfigDeck::Store
