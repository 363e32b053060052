#include "RolloutWatch.h"

#include "store/Workspace.h"

namespace ConfigDeck::Session {

RolloutWatch::RolloutWatch(Store::Workspace* workspace, qint64 rolloutId, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_rolloutId(rolloutId)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(100);
    connect(&m_coalesce, &QTimer::timeout, this, &RolloutWatch::refresh);
    m_poll.setInterval(2000);
    connect(&m_poll, &QTimer::timeout, this, &RolloutWatch::refresh);
    connect(&m_workspace->changeFeed(), &Store::WorkspaceChangeFeed::changed, this, &RolloutWatch::onChange);
    connect(&m_workspace->changeFeed(), &Store::WorkspaceChangeFeed::reconnected, &m_coalesce,
            qOverload<>(&QTimer::start));
    m_poll.start();
}

void RolloutWatch::onChange(const Store::WorkspaceChange& change)
{
    if (m_endReported || change.part != QLatin1StringView("rollouts"))
        return;
    if (change.ids.isEmpty() || change.ids.contains(QString::number(m_rolloutId)))
        m_coalesce.start();
}

Store::Status RolloutWatch::refresh()
{
    if (m_endReported)
        return Store::ok();
    auto rollout = RunningRollout::read(*m_workspace, m_rolloutId);
    if (!rollout) {
        emit readFailed(rollout.error().message());
        return rollout.error();
    }
    auto outcomes = m_workspace->rollouts().outcomes(m_rolloutId);
    if (!outcomes) {
        emit readFailed(outcomes.error().message());
        return outcomes.error();
    }
    m_rollout = std::move(*rollout);
    m_outcomes = std::move(*outcomes);
    emit updated();
    if (m_rollout.hasEnded()) {
        m_endReported = true;
        m_poll.stop();
        m_coalesce.stop();
        emit ended(m_rollout.rollout.state, m_rollout.tally.finishReason);
    }
    return Store::ok();
}

} // namespace ConfigDeck::Session
