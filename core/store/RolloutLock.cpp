#include "RolloutLock.h"

#include "StoreLog.h"

namespace ConfigDeck::Store {

using Alink::Expected;

RolloutLock::RolloutLock(QString connectionName)
    : WorkspacePart(std::move(connectionName))
{
}

Expected<bool> RolloutLock::tryAcquire(const QString& productKey, Mode mode)
{
    if (const auto held = m_held.constFind(productKey); held != m_held.cend()) {
        if (*held == mode)
            return true;
        release(productKey); // a change of mode is a new request
    }
    QSqlDatabase db = database();
    if (!db.isOpen()) {
        if (const Status reopened = dialect().reopen(db); !reopened)
            return reopened.error();
    }
    auto granted = dialect().tryLock(db, kLockSpace, productKey, mode == Mode::Shared);
    if (!granted && !db.isOpen()) {
        // Found lost only now (a server restart): made again once, as a transaction does.
        if (const Status reopened = dialect().reopen(db); !reopened)
            return reopened.error();
        granted = dialect().tryLock(db, kLockSpace, productKey, mode == Mode::Shared);
    }
    if (!granted)
        return granted.error();
    if (*granted) {
        if (m_held.isEmpty())
            m_reconnections = SqlDialect::reconnections(db.connectionName());
        m_held.insert(productKey, mode);
    }
    return *granted;
}

void RolloutLock::release(const QString& productKey)
{
    const auto held = m_held.constFind(productKey);
    if (held == m_held.cend())
        return;
    QSqlDatabase db = database();
    if (db.isOpen())
        dialect().unlock(db, kLockSpace, productKey, *held == Mode::Shared);
    m_held.erase(held);
}

Expected<bool> RolloutLock::renew()
{
    QSqlDatabase db = database();
    const int reconnections = SqlDialect::reconnections(db.connectionName());
    if (reconnections == m_reconnections || m_held.isEmpty())
        return true;
    m_reconnections = reconnections;
    bool all = true;
    for (auto it = m_held.begin(); it != m_held.end();) {
        const auto granted = dialect().tryLock(db, kLockSpace, it.key(), *it == Mode::Shared);
        if (!granted)
            return granted.error();
        if (*granted) {
            ++it;
            continue;
        }
        qCWarning(lcStore) << "rollout lock of" << it.key() << "was taken by another after a reconnect";
        it = m_held.erase(it);
        all = false;
    }
    return all;
}

} // namespace ConfigDeck::Store
