#pragma once

#include "WorkspacePart.h"

namespace ConfigDeck::Store {

class VersionStore;

// Rollouts of a configuration version to a product's devices, and each device's outcome in them.
class RolloutStore final : public WorkspacePart
{
public:
    RolloutStore(QString connectionName, const VersionStore& versions);

    // Returns the new rollout's id.
    Alink::Expected<qint64> create(const RolloutRecord& rollout);
    // Stores the name, state and times of rollout.id.
    Status update(const RolloutRecord& rollout);
    Alink::Expected<std::optional<RolloutRecord>> find(qint64 id) const;
    Alink::Expected<QList<RolloutRecord>> list() const;
    Status setOutcomes(qint64 rolloutId, const QList<RolloutOutcome>& outcomes);
    Alink::Expected<QList<RolloutOutcome>> outcomes(qint64 rolloutId) const;

private:
    const VersionStore& m_versions;
};

} // namespace ConfigDeck::Store
