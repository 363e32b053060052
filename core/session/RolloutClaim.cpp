#include "RolloutClaim.h"

#include "RunningRollout.h"
#include "SessionLog.h"
#include "store/Workspace.h"

namespace ConfigDeck::Session {

using Store::RolloutLock;

Alink::Expected<std::unique_ptr<RolloutClaim>> RolloutClaim::take(Store::Workspace& workspace,
                                                                  const QString& productKey)
{
    RolloutLock& lock = workspace.rolloutLock();
    const auto granted = lock.tryAcquire(productKey, RolloutLock::Mode::Exclusive);
    if (!granted)
        return granted.error();
    std::unique_ptr<RolloutClaim> claim(new RolloutClaim(workspace, productKey)); // releases on any return
    const auto running = RunningRollout::ofProduct(workspace, productKey);
    if (!running)
        return running.error();
    if (!*granted) {
        if (running->has_value())
            return Alink::AlinkError{{}, (*running)->describe()}; // a whole sentence
        return Alink::AlinkError{
            {},
            tr("A rollout of %1 is being started by another console or platform process.").arg(productKey)};
    }
    if (running->has_value()) {
        // Whoever ran it would hold the lock: it was left running by a console or processes that went away.
        const RunningRollout& left = **running;
        const QString reason = left.workers.isEmpty()
                                   ? tr("abandoned: the console running it closed")
                                   : tr("abandoned: the platform processes running it stopped");
        const auto ended =
            workspace.rolloutWork().finish(left.rollout.id, Store::RolloutState::Aborted, reason);
        if (!ended)
            return ended.error();
        qCInfo(lcSession) << "rollout" << left.rollout.id << "of" << productKey << "ended:" << reason;
    }
    return claim;
}

RolloutClaim::RolloutClaim(Store::Workspace& workspace, QString productKey)
    : m_workspace(workspace)
    , m_productKey(std::move(productKey))
{
    // Soon after a database restart: until then another console could take the product.
    m_renewal.setInterval(1000);
    connect(&m_renewal, &QTimer::timeout, this, &RolloutClaim::renew);
    m_renewal.start();
}

RolloutClaim::~RolloutClaim()
{
    m_workspace.rolloutLock().release(m_productKey);
}

void RolloutClaim::renew()
{
    const auto renewed = m_workspace.rolloutLock().renew();
    if (!renewed) {
        qCWarning(lcSession) << "cannot renew the rollout lock of" << m_productKey
                             << renewed.error().message();
        return; // the database is still away: tried again at the next tick
    }
    if (*renewed && m_workspace.rolloutLock().holds(m_productKey))
        return;
    m_renewal.stop();
    emit lost(tr("The database restarted and another console or platform process took the rollout of %1 "
                 "meanwhile: this console's rollout stops.")
                  .arg(m_productKey));
}

} // namespace ConfigDeck::Session
