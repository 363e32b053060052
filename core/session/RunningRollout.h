#pragma once

#include "alink/AlinkError.h"
#include "store/RolloutWork.h"
#include "store/StoreTypes.h"

#include <QCoreApplication>

#include <optional>

namespace ConfigDeck::Store {
class Workspace;
}

namespace ConfigDeck::Session {

// A rollout as the workspace records it, for a console that does not run it: the record, its counts per
// outcome and the platform processes that share its work (none when a console runs it).
struct RunningRollout
{
    Q_DECLARE_TR_FUNCTIONS(RunningRollout)

public:
    Store::RolloutRecord rollout;
    Store::RolloutTally tally;
    QList<Store::RolloutWorker> workers;

    // "Rollout “NAME” of P is being run by OPERATOR since TIME (N of M devices done)", naming the platform
    // processes when they run it.
    QString describe() const;
    bool hasEnded() const;

    static Alink::Expected<RunningRollout> read(const Store::Workspace& workspace, qint64 rolloutId);
    // The product's running (or paused) rollout, if any.
    static Alink::Expected<std::optional<RunningRollout>> ofProduct(const Store::Workspace& workspace,
                                                                    const QString& productKey);
};

} // namespace ConfigDeck::Session
