#pragma once

#include "WorkspacePart.h"

namespace ConfigDeck::Store {

// What each device is known to hold and how its last exchange went, and every configuration it was seen
// holding.
class DeviceStateStore final : public WorkspacePart
{
public:
    explicit DeviceStateStore(QString connectionName);

    // The whole list is one transaction.
    Status apply(const QList<DeviceStateUpdate>& updates);
    // nullopt when the workspace has no such device; a device without state has the defaults.
    Alink::Expected<std::optional<DeviceState>> state(const QString& productKey,
                                                      const QString& deviceName) const;
    // The configurations the device was seen holding (updates with a sha256 and state Verified or Applied),
    // in the order first seen.
    Alink::Expected<QList<HeldVersion>> heldVersions(const QString& productKey,
                                                     const QString& deviceName) const;
    // Every device with its state, read in three sequential scans (FleetModel, a million rows).
    Alink::Expected<FleetSnapshot> fleet() const;

    // Within the caller's transaction (IdentityStore::restore()): writes a device's state and held versions
    // back as they were read.
    Status putBackInTransaction(qint64 deviceRow, const std::optional<DeviceState>& state,
                                const QList<HeldVersion>& heldVersions);
};

} // namespace ConfigDeck::Store
