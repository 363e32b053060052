#pragma once

#include "WorkspacePart.h"

#include <QHash>

namespace ConfigDeck::Store {

// One rollout per product at a time across everyone who shares a workspace. On PostgreSQL a lock of the
// connection (an advisory lock on the ProductKey): a console that runs a rollout holds it exclusively, the
// platform processes that share one rollout hold it together (shared). It goes when the holder unlocks,
// closes the workspace or dies, so a crashed console never blocks the product. A file workspace has one
// console at a time and always grants it.
class RolloutLock final : public WorkspacePart
{
public:
    enum class Mode
    {
        Exclusive, // a console running a rollout alone
        Shared,    // the platform processes sharing one rollout's work
    };

    explicit RolloutLock(QString connectionName);

    // Whether this workspace now holds the product's lock (again, if it held it already).
    Alink::Expected<bool> tryAcquire(const QString& productKey, Mode mode);
    void release(const QString& productKey);
    bool holds(const QString& productKey) const { return m_held.contains(productKey); }
    // A database that restarted forgot its locks: takes the held ones again when the connection was made anew
    // since. False when another took one in between (the holder must then stop).
    Alink::Expected<bool> renew();

private:
    static constexpr int kLockSpace = 0x4344; // "CD": ConfigDeck's advisory locks
    QHash<QString, Mode> m_held;
    int m_reconnections = 0;
};

} // namespace ConfigDeck::Store
