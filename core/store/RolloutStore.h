#pragma once

#include "WorkspacePart.h"

class QSqlQuery;

namespace ConfigDeck::Store {

class VersionStore;

// Rollouts of a configuration version to a product's devices, and each device's outcome in them.
class RolloutStore final : public WorkspacePart
{
public:
    RolloutStore(QString connectionName, const VersionStore& versions);

    // Returns the new rollout's id.
    Alink::Expected<qint64> create(const RolloutRecord& rollout);
    // The INSERT of create(), inside a transaction the caller holds (RolloutWork's create-or-join).
    Alink::Expected<qint64> insertInTransaction(const RolloutRecord& rollout);
    // Stores the name, state, times and finish reason of rollout.id.
    Status update(const RolloutRecord& rollout);
    Alink::Expected<std::optional<RolloutRecord>> find(qint64 id) const;
    Alink::Expected<QList<RolloutRecord>> list() const;
    Status setOutcomes(qint64 rolloutId, const QList<RolloutOutcome>& outcomes);
    Alink::Expected<QList<RolloutOutcome>> outcomes(qint64 rolloutId) const;

    // For RolloutWork, which reads rollouts with conditions of its own: the SELECT of every column (FROM
    // rollouts, no WHERE yet) and the record of a row it returned.
    static QString selectColumns();
    static RolloutRecord recordFrom(const QSqlQuery& query);

private:
    const VersionStore& m_versions;
};

} // namespace ConfigDeck::Store
