#include "RunningRollout.h"

#include "store/Workspace.h"

#include <QLocale>

namespace ConfigDeck::Session {

QString RunningRollout::describe() const
{
    QString who = rollout.operatorName.isEmpty() ? tr("another console") : rollout.operatorName;
    if (!workers.isEmpty()) {
        QStringList processes;
        for (const Store::RolloutWorker& worker : workers)
            processes << (worker.operatorName.isEmpty()
                              ? worker.worker
                              : tr("%1 (%2)").arg(worker.worker, worker.operatorName));
        who = tr("the platform processes %1").arg(processes.join(QStringLiteral(", ")));
    }
    const QDateTime since = rollout.started.isValid() ? rollout.started : rollout.created;
    const QString when = QLocale().toString(since.toLocalTime(), QLocale::ShortFormat);
    if (hasEnded())
        return tr("Rollout “%1” of %2, run by %3 since %4, has ended (%5 of %n device(s) done).", nullptr,
                  tally.total)
            .arg(rollout.name, rollout.productKey, who, when)
            .arg(tally.done());
    return tr("Rollout “%1” of %2 is being run by %3 since %4 (%5 of %n device(s) done).", nullptr,
              tally.total)
        .arg(rollout.name, rollout.productKey, who, when)
        .arg(tally.done());
}

bool RunningRollout::hasEnded() const
{
    return rollout.state != Store::RolloutState::Running && rollout.state != Store::RolloutState::Paused &&
           rollout.state != Store::RolloutState::Planned;
}

Alink::Expected<RunningRollout> RunningRollout::read(const Store::Workspace& workspace, qint64 rolloutId)
{
    const auto record = workspace.rollouts().find(rolloutId);
    if (!record)
        return record.error();
    if (!record->has_value())
        return Alink::AlinkError{QStringLiteral("rollout"),
                                 tr("there is no rollout %1 in the workspace").arg(rolloutId)};
    RunningRollout running;
    running.rollout = **record;
    auto tally = workspace.rolloutWork().tally(rolloutId);
    if (!tally)
        return tally.error();
    running.tally = *tally;
    auto workers = workspace.rolloutWork().workers(rolloutId);
    if (!workers)
        return workers.error();
    running.workers = *workers;
    return running;
}

Alink::Expected<std::optional<RunningRollout>> RunningRollout::ofProduct(const Store::Workspace& workspace,
                                                                         const QString& productKey)
{
    const auto active = workspace.rolloutWork().active(productKey);
    if (!active)
        return active.error();
    if (!active->has_value())
        return std::optional<RunningRollout>();
    auto running = read(workspace, (*active)->id);
    if (!running)
        return running.error();
    return std::optional<RunningRollout>(*running);
}

} // namespace ConfigDeck::Session
