#pragma once

#include "alink/AlinkError.h"
#include "store/StoreTypes.h"

#include <QObject>

namespace ConfigDeck::Roles {

// A staged rollout as the platform runs it: in one process (RolloutRunner) or shared with the other platform
// processes through the workspace (SharedRollout). Every device ends in one outcome: succeeded, failed (with
// the code), timed out, or skipped (cancelled or aborted before its push).
class Rollout : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual std::optional<Alink::AlinkError> start() = 0;
    virtual void cancel() = 0;
    virtual Store::RolloutState state() const = 0;
    // Devices in each outcome state, of the whole rollout.
    virtual int count(Store::OutcomeState state) const = 0;

    static bool isFinal(Store::OutcomeState state)
    {
        return state == Store::OutcomeState::Succeeded || state == Store::OutcomeState::Failed ||
               state == Store::OutcomeState::TimedOut || state == Store::OutcomeState::Skipped;
    }

signals:
    // A device's outcome as this process set it.
    void outcomeChanged(const ConfigDeck::Store::RolloutOutcome& outcome);
    void stateChanged(ConfigDeck::Store::RolloutState state);
    void progress(int done, int total);
    void finished(ConfigDeck::Store::RolloutState state, const QString& reason);
};

} // namespace ConfigDeck::Roles
