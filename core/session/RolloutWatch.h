#pragma once

#include "RunningRollout.h"

#include <QObject>
#include <QTimer>

namespace ConfigDeck::Store {
class Workspace;
struct WorkspaceChange;
} // namespace ConfigDeck::Store

namespace ConfigDeck::Session {

// Follows a rollout that another console or the platform processes run, read only: its record, counts,
// processes and each device's outcome, read again whenever the workspace's change feed announces a change
// of it (and every few seconds, for the processes' heartbeats), until it ends.
class RolloutWatch final : public QObject
{
    Q_OBJECT

public:
    // The workspace must outlive the watch (the session drops it before the workspace closes).
    RolloutWatch(Store::Workspace* workspace, qint64 rolloutId, QObject* parent = nullptr);

    // Reads the rollout now; updated() (and ended() once) follow a successful read.
    Store::Status refresh();
    qint64 rolloutId() const { return m_rolloutId; }
    const RunningRollout& rollout() const { return m_rollout; }
    // Each device's outcome, in the order the workspace keeps the devices.
    const QList<Store::RolloutOutcome>& outcomes() const { return m_outcomes; }
    bool hasEnded() const { return m_rollout.hasEnded(); }

signals:
    void updated();
    void ended(ConfigDeck::Store::RolloutState state, const QString& reason);
    // A read failed (the database went away); the next change or poll tries again.
    void readFailed(const QString& message);

private:
    void onChange(const Store::WorkspaceChange& change);

    Store::Workspace* m_workspace;
    qint64 m_rolloutId;
    RunningRollout m_rollout;
    QList<Store::RolloutOutcome> m_outcomes;
    QTimer m_coalesce; // a burst of announcements is one read
    QTimer m_poll;     // heartbeats are not announced; a workspace file announces nothing
    bool m_endReported = false;
};

} // namespace ConfigDeck::Session
