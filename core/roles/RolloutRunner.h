#pragma once

#include "PlatformService.h"
#include "Rollout.h"
#include "store/StoreTypes.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <array>
#include <chrono>

namespace ConfigDeck::Roles {

struct RolloutPlan
{
    QString productKey;
    QStringList devices;
    int batchSize = 100;
    double ratePerSecond = 0; // pushes per second within a batch; 0 = as fast as the broker takes them
    std::chrono::milliseconds timeout = std::chrono::seconds(60); // per device, for its push_reply
    double abortThreshold = 0.2; // abort when more than this share of the devices done so far failed
    int minSampleForAbort = 10;  // ...once at least this many are done, so one early failure does not abort

    std::optional<Alink::AlinkError> validate() const;
    // Why this plan cannot start on the platform now (invalid, Alibaba limits, a refused push), or nothing.
    std::optional<Alink::AlinkError> checkStart(const PlatformService& platform) const;
    // The workspace's record of this plan, started now (state Running) by the operator.
    Store::RolloutRecord record(const QString& name, const QString& configSha256,
                                const QString& operatorName) const;
};

// A staged rollout of a product's configuration in this process: batches, a rate limit, a per-device reply
// timeout, an abort when the failure share passes the threshold, pause, resume and cancel. Every device ends
// in a definite outcome: succeeded, failed (with the code), timed out, or skipped (cancelled or aborted
// before its push).
class RolloutRunner final : public Rollout
{
    Q_OBJECT

public:
    RolloutRunner(PlatformService* platform, RolloutPlan plan, QObject* parent = nullptr);
    ~RolloutRunner() override;

    std::optional<Alink::AlinkError> start() override;
    void pause();
    void resume();
    void cancel() override;

    Store::RolloutState state() const override { return m_state; }
    const RolloutPlan& plan() const { return m_plan; }
    QList<Store::RolloutOutcome> outcomes() const;
    const Store::RolloutOutcome* outcome(const QString& deviceName) const;
    int count(Store::OutcomeState state) const override;
    int doneCount() const;
    QString finishReason() const { return m_finishReason; }

private:
    void pump();
    void sendOne(const QString& deviceName);
    void sweepTimeouts();
    void onReply(const QString& productKey, const QString& deviceName, const QString& messageId, int code,
                 qint64 latencyMs);
    void setOutcome(const QString& deviceName, Store::OutcomeState state, std::optional<int> code,
                    const QString& message);
    void checkFinished();
    void finish(Store::RolloutState state, const QString& reason);
    void setState(Store::RolloutState state);

    struct InFlight
    {
        PushTicket ticket;
        qint64 deadline = 0; // ms since epoch
    };

    PlatformService* m_platform;
    RolloutPlan m_plan;
    Store::RolloutState m_state = Store::RolloutState::Planned;
    QHash<QString, int> m_index; // device -> position in m_outcomes
    QList<Store::RolloutOutcome> m_outcomes;
    QHash<QString, InFlight> m_inFlight; // device -> its push
    int m_next = 0;                      // next device to push
    int m_batchEnd = 0;                  // first device of the next batch
    QTimer m_pace;
    QTimer m_sweep;
    QString m_finishReason;
    std::array<int, 6> m_counts{}; // per OutcomeState
};

} // namespace ConfigDeck::Roles
