#include "DeviceStateStore.h"

#include "Workspace.h"

#include <QSqlQuery>

#include <algorithm>
#include <tuple>

namespace ConfigDeck::Store {

using Alink::Expected;
using Sql::intOrNull;
using Sql::msOrNull;
using Sql::sqlError;
using Sql::storeError;
using Sql::text;

DeviceStateStore::DeviceStateStore(QString connectionName)
    : WorkspacePart(std::move(connectionName))
{
}

Status DeviceStateStore::apply(const QList<DeviceStateUpdate>& updates)
{
    if (updates.isEmpty())
        return ok();
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    DeviceRowLookup devices(database());
    QSqlQuery upsert(database());
    // Each field has a "given" flag: a partial update leaves the other columns as they are.
    upsert.prepare(QStringLiteral(
        "INSERT INTO device_state (device_id, config_id, sha256, state, last_code, "
        "code_source, last_message, online)"
        " VALUES (:id, coalesce(:config, ''), coalesce(:sha, ''), coalesce(:state, 0), :code, "
        "coalesce(:source, 0),"
        " :time, coalesce(:online, 0))"
        " ON CONFLICT (device_id) DO UPDATE SET"
        " config_id = CASE WHEN :hasConfig THEN excluded.config_id ELSE device_state.config_id END,"
        " sha256 = CASE WHEN :hasSha THEN excluded.sha256 ELSE device_state.sha256 END,"
        " state = CASE WHEN :hasState THEN excluded.state ELSE device_state.state END,"
        " last_code = CASE WHEN :hasCode THEN excluded.last_code ELSE device_state.last_code END,"
        " code_source = CASE WHEN :hasSource THEN excluded.code_source ELSE device_state.code_source END,"
        " last_message = CASE WHEN :hasTime THEN excluded.last_message ELSE device_state.last_message END,"
        " online = CASE WHEN :hasOnline THEN excluded.online ELSE device_state.online END"));
    QSqlQuery held(database());
    held.prepare(
        QStringLiteral("INSERT INTO held_versions (device_id, sha256, config_id, first_seen, last_seen)"
                       " SELECT device_id, sha256, config_id, :first, :last FROM device_state"
                       " WHERE device_id = :id AND sha256 != '' ON CONFLICT (device_id, sha256) DO UPDATE SET"
                       " last_seen = %1,"
                       " config_id = CASE WHEN excluded.config_id != '' THEN excluded.config_id"
                       " ELSE held_versions.config_id END")
            .arg(dialect().greatest(QStringLiteral("held_versions.last_seen"),
                                    QStringLiteral("excluded.last_seen"))));
    const QVariant nullText(QMetaType::fromType<QString>());
    const QVariant nullInt(QMetaType::fromType<int>());
    QStringList changed;
    // In one order of devices for every writer (platform processes sharing a rollout write overlapping
    // devices), so that two transactions never wait for each other's rows (a deadlock); a device's own
    // updates keep their order.
    QList<DeviceStateUpdate> ordered = updates;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const DeviceStateUpdate& a, const DeviceStateUpdate& b) {
                         return std::tie(a.productKey, a.deviceName) < std::tie(b.productKey, b.deviceName);
                     });
    for (const DeviceStateUpdate& update : std::as_const(ordered)) {
        changed.append(Sql::deviceId(update.productKey, update.deviceName));
        const auto found = devices.require(update.productKey, update.deviceName);
        if (!found)
            return found.error();
        const qint64 id = *found;
        upsert.bindValue(QStringLiteral(":id"), id);
        upsert.bindValue(QStringLiteral(":config"),
                         update.configId ? QVariant(text(*update.configId)) : nullText);
        upsert.bindValue(QStringLiteral(":sha"),
                         update.sha256 ? QVariant(update.sha256->toLower()) : nullText);
        upsert.bindValue(QStringLiteral(":state"), update.state ? QVariant(int(*update.state)) : nullInt);
        upsert.bindValue(QStringLiteral(":code"), intOrNull(update.lastReplyCode));
        upsert.bindValue(QStringLiteral(":source"),
                         update.replySource ? QVariant(int(*update.replySource)) : nullInt);
        upsert.bindValue(QStringLiteral(":time"),
                         update.lastMessageTime ? msOrNull(*update.lastMessageTime) : QVariant(nullInt));
        upsert.bindValue(QStringLiteral(":online"),
                         update.online ? QVariant(*update.online ? 1 : 0) : nullInt);
        upsert.bindValue(QStringLiteral(":hasConfig"), update.configId.has_value());
        upsert.bindValue(QStringLiteral(":hasSha"), update.sha256.has_value());
        upsert.bindValue(QStringLiteral(":hasState"), update.state.has_value());
        upsert.bindValue(QStringLiteral(":hasCode"), update.lastReplyCode.has_value());
        upsert.bindValue(QStringLiteral(":hasSource"), update.replySource.has_value());
        upsert.bindValue(QStringLiteral(":hasTime"), update.lastMessageTime.has_value());
        upsert.bindValue(QStringLiteral(":hasOnline"), update.online.has_value());
        if (!upsert.exec())
            return sqlError(
                Workspace::tr("Cannot update the state of %1/%2").arg(update.productKey, update.deviceName),
                upsert.lastError());
        // A device verified or applied what its state now names (this update's sha256 or the stored one).
        if (update.state &&
            (*update.state == ConfigState::Verified || *update.state == ConfigState::Applied)) {
            const qint64 seen =
                (update.lastMessageTime ? *update.lastMessageTime : QDateTime::currentDateTimeUtc())
                    .toMSecsSinceEpoch();
            held.bindValue(QStringLiteral(":id"), id);
            held.bindValue(QStringLiteral(":first"), seen);
            held.bindValue(QStringLiteral(":last"), seen);
            if (!held.exec())
                return sqlError(Workspace::tr("Cannot update the state of %1/%2")
                                    .arg(update.productKey, update.deviceName),
                                held.lastError());
        }
    }
    transaction.announce(QStringLiteral("deviceStates"), QStringLiteral("changed"), changed);
    return transaction.commit();
}

Expected<QList<HeldVersion>> DeviceStateStore::heldVersions(const QString& productKey,
                                                            const QString& deviceName) const
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT h.sha256, h.config_id, h.first_seen, h.last_seen FROM held_versions h"
                       " JOIN devices d ON d.id = h.device_id JOIN products p ON p.id = d.product_id"
                       " WHERE p.product_key = ? AND d.device_name = ? ORDER BY h.first_seen, h.sha256"));
    query.addBindValue(productKey);
    query.addBindValue(deviceName);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read the versions held by %1/%2").arg(productKey, deviceName),
                        query.lastError());
    QList<HeldVersion> versions;
    while (query.next()) {
        HeldVersion version;
        version.sha256 = query.value(0).toString();
        version.configId = query.value(1).toString();
        version.firstSeen = Sql::utcFromMs(query.value(2).toLongLong());
        version.lastSeen = Sql::utcFromMs(query.value(3).toLongLong());
        versions << version;
    }
    return versions;
}

Expected<std::optional<DeviceState>> DeviceStateStore::state(const QString& productKey,
                                                             const QString& deviceName) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "SELECT s.config_id, s.sha256, s.state, s.last_code, s.code_source, s.last_message, s.online, d.id"
        " FROM devices d JOIN products p ON p.id = d.product_id LEFT JOIN device_state s ON s.device_id = "
        "d.id"
        " WHERE p.product_key = ? AND d.device_name = ?"));
    query.addBindValue(productKey);
    query.addBindValue(deviceName);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read the state of %1/%2").arg(productKey, deviceName),
                        query.lastError());
    if (!query.next())
        return std::optional<DeviceState>();
    DeviceState state;
    state.productKey = productKey;
    state.deviceName = deviceName;
    state.configId = query.value(0).toString();
    state.sha256 = query.value(1).toString();
    state.state = ConfigState(query.value(2).toInt());
    state.lastReplyCode = Sql::optionalInt(query.value(3));
    state.replySource = Alink::ReplySource(query.value(4).toInt());
    state.lastMessageTime = Sql::fromMs(query.value(5));
    state.online = query.value(6).toInt() != 0;
    return std::optional<DeviceState>(std::move(state));
}

Expected<FleetSnapshot> DeviceStateStore::fleet() const
{
    FleetSnapshot fleet;
    std::vector<qint64> ids; // device id per row, ascending: state rows are merged by binary search
    QSqlQuery query(database());
    query.setForwardOnly(true);
    QHash<qint64, int> byProductId;
    if (!query.exec(QStringLiteral("SELECT id, product_key FROM products ORDER BY id")))
        return sqlError(Workspace::tr("Cannot read the products"), query.lastError());
    while (query.next()) {
        byProductId.insert(query.value(0).toLongLong(), int(fleet.productKeys.size()));
        fleet.productKeys.append(query.value(1).toString());
    }
    if (!query.exec(QStringLiteral("SELECT count(*) FROM devices")) || !query.next())
        return sqlError(Workspace::tr("Cannot count the devices"), query.lastError());
    fleet.rows.reserve(size_t(query.value(0).toLongLong()));
    ids.reserve(fleet.rows.capacity());
    if (!query.exec(QStringLiteral("SELECT id, product_id, device_name FROM devices ORDER BY id")))
        return sqlError(Workspace::tr("Cannot read the devices"), query.lastError());
    while (query.next()) {
        FleetRow row;
        row.productIndex = byProductId.value(query.value(1).toLongLong());
        row.deviceName = query.value(2).toString();
        ids.push_back(query.value(0).toLongLong());
        fleet.rows.push_back(std::move(row));
    }
    if (query.lastError().isValid())
        return sqlError(Workspace::tr("Cannot read the devices"), query.lastError());
    if (!query.exec(QStringLiteral("SELECT device_id, config_id, sha256, state, last_code, code_source,"
                                   " last_message, online FROM device_state ORDER BY device_id")))
        return sqlError(Workspace::tr("Cannot read the device state"), query.lastError());
    auto cursor = ids.cbegin();
    while (query.next()) {
        cursor = std::lower_bound(cursor, ids.cend(), query.value(0).toLongLong());
        if (cursor == ids.cend())
            break;
        if (*cursor != query.value(0).toLongLong())
            continue;
        FleetRow& row = fleet.rows[size_t(cursor - ids.cbegin())];
        row.configId = query.value(1).toString();
        row.sha256 = query.value(2).toString();
        row.state = ConfigState(query.value(3).toInt());
        row.hasCode = !query.value(4).isNull();
        row.lastCode = query.value(4).toInt();
        row.replySource = Alink::ReplySource(query.value(5).toInt());
        row.lastMessageMs = query.value(6).toLongLong();
        row.online = query.value(7).toInt() != 0;
    }
    if (query.lastError().isValid())
        return sqlError(Workspace::tr("Cannot read the device state"), query.lastError());
    return fleet;
}

Status DeviceStateStore::putBackInTransaction(qint64 deviceRow, const std::optional<DeviceState>& state,
                                              const QList<HeldVersion>& heldVersions)
{
    if (state) {
        QSqlQuery query(database());
        query.prepare(QStringLiteral(
            "INSERT INTO device_state (device_id, config_id, sha256, state,"
            " last_code, code_source, last_message, online)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET"
            " config_id = excluded.config_id, sha256 = excluded.sha256, state = excluded.state,"
            " last_code = excluded.last_code, code_source = excluded.code_source,"
            " last_message = excluded.last_message, online = excluded.online"));
        query.addBindValue(deviceRow);
        query.addBindValue(text(state->configId));
        query.addBindValue(text(state->sha256));
        query.addBindValue(int(state->state));
        query.addBindValue(intOrNull(state->lastReplyCode));
        query.addBindValue(int(state->replySource));
        query.addBindValue(msOrNull(state->lastMessageTime));
        query.addBindValue(state->online ? 1 : 0);
        if (!query.exec())
            return sqlError(
                Workspace::tr("Cannot store the state of %1/%2").arg(state->productKey, state->deviceName),
                query.lastError());
    }
    QSqlQuery held(database());
    held.prepare(
        QStringLiteral("INSERT INTO held_versions (device_id, sha256, config_id,"
                       " first_seen, last_seen) VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id, sha256)"
                       " DO UPDATE SET config_id = excluded.config_id, first_seen = excluded.first_seen,"
                       " last_seen = excluded.last_seen"));
    for (const HeldVersion& version : heldVersions) {
        held.bindValue(0, deviceRow);
        held.bindValue(1, version.sha256);
        held.bindValue(2, text(version.configId));
        held.bindValue(3, version.firstSeen.toMSecsSinceEpoch());
        held.bindValue(4, version.lastSeen.toMSecsSinceEpoch());
        if (!held.exec())
            return sqlError(Workspace::tr("Cannot store the versions a device held"), held.lastError());
    }
    return ok();
}

} // namespace ConfigDeck::Store
