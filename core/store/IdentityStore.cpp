#include "IdentityStore.h"

#include "DeviceStateStore.h"
#include "KeyStore.h"
#include "StoreLog.h"
#include "Workspace.h"
#include "secrets/SecretSealer.h"

#include <QElapsedTimer>
#include <QSqlQuery>

namespace ConfigDeck::Store {

using Alink::Expected;
using Sql::sqlError;
using Sql::storeError;
using Sql::text;

IdentityStore::IdentityStore(QString connectionName, const KeyStore& keys, DeviceStateStore& states)
    : WorkspacePart(std::move(connectionName))
    , m_keys(keys)
    , m_states(states)
{
}

// ---- products ----

Expected<qint64> IdentityStore::productRowId(const QString& productKey) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT id FROM products WHERE product_key = ?"));
    query.addBindValue(productKey);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read product %1").arg(productKey), query.lastError());
    return query.next() ? query.value(0).toLongLong() : qint64(-1);
}

Expected<qint64> IdentityStore::existingDevice(const QString& productKey, const QString& deviceName) const
{
    const auto id = deviceRowId(productKey, deviceName);
    if (id && *id < 0)
        return storeError(
            Workspace::tr("There is no device %1/%2 in the workspace.").arg(productKey, deviceName));
    return id;
}

Status IdentityStore::ensureProduct(const QString& productKey, qint64* id)
{
    const auto existing = productRowId(productKey);
    if (!existing)
        return existing.error();
    *id = *existing;
    if (*id >= 0)
        return ok();
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO products (product_key) VALUES (?) RETURNING id"));
    query.addBindValue(productKey);
    if (!query.exec() || !query.next())
        return sqlError(Workspace::tr("Cannot add product %1").arg(productKey), query.lastError());
    *id = query.value(0).toLongLong();
    return ok();
}

Status IdentityStore::upsertProduct(const ProductRecord& product)
{
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    if (const Status stored = storeProduct(product); !stored)
        return stored;
    transaction.announce(QStringLiteral("products"), QStringLiteral("changed"), {product.productKey});
    return transaction.commit();
}

Status IdentityStore::storeProduct(const ProductRecord& product)
{
    if (product.productKey.isEmpty())
        return storeError(Workspace::tr("The ProductKey is empty."), QStringLiteral("productKey"));
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("INSERT INTO products (product_key, name, endpoint, remote_config, alibaba_limits)"
                       " VALUES (?, ?, ?, ?, ?) ON CONFLICT (product_key) DO UPDATE SET name = excluded.name,"
                       " endpoint = excluded.endpoint, remote_config = excluded.remote_config,"
                       " alibaba_limits = excluded.alibaba_limits"));
    query.addBindValue(product.productKey);
    query.addBindValue(text(product.name));
    query.addBindValue(text(product.endpoint));
    query.addBindValue(product.remoteConfigEnabled ? 1 : 0);
    query.addBindValue(product.alibabaLimits ? 1 : 0);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot store product %1").arg(product.productKey), query.lastError());
    return ok();
}

namespace {
ProductRecord productFrom(const QSqlQuery& query)
{
    return ProductRecord{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                         query.value(3).toInt() != 0, query.value(4).toInt() != 0};
}
} // namespace

Expected<std::optional<ProductRecord>> IdentityStore::product(const QString& productKey) const
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT product_key, name, endpoint, remote_config, alibaba_limits FROM products"
                       " WHERE product_key = ?"));
    query.addBindValue(productKey);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read product %1").arg(productKey), query.lastError());
    if (!query.next())
        return std::optional<ProductRecord>();
    return std::optional<ProductRecord>(productFrom(query));
}

Expected<QList<ProductRecord>> IdentityStore::products() const
{
    QList<ProductRecord> result;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT product_key, name, endpoint, remote_config, alibaba_limits FROM products"
                           " ORDER BY product_key")))
        return sqlError(Workspace::tr("Cannot read the products"), query.lastError());
    while (query.next())
        result.append(productFrom(query));
    return result;
}

Status IdentityStore::removeProduct(const QString& productKey)
{
    return removeDevices({}, {productKey});
}

// ---- devices ----

Status IdentityStore::addDevice(const DeviceRecord& device, const QByteArray& secret)
{
    return addDevices({device}, {secret});
}

Status IdentityStore::addDevices(const QList<DeviceRecord>& devices, const QList<QByteArray>& secrets)
{
    if (devices.size() != secrets.size())
        return storeError(Workspace::tr("Every device needs a secret (%1 devices, %2 secrets).")
                              .arg(devices.size())
                              .arg(secrets.size()));
    if (m_keys.isLocked())
        return KeyStore::lockedError();
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    if (const Status inserted = insertDevices(devices, secrets); !inserted)
        return inserted;
    QStringList added;
    for (const DeviceRecord& device : devices)
        added.append(Sql::deviceId(device.productKey, device.deviceName));
    transaction.announce(QStringLiteral("devices"), QStringLiteral("added"), added);
    return transaction.commit();
}

Status IdentityStore::insertDevices(const QList<DeviceRecord>& devices, const QList<QByteArray>& secrets)
{
    QHash<QString, qint64> productIds;
    for (qsizetype i = 0; i < devices.size(); ++i) {
        const DeviceRecord& device = devices.at(i);
        const QString name = device.productKey + u'/' + device.deviceName;
        if (device.productKey.isEmpty() || device.deviceName.isEmpty())
            return storeError(Workspace::tr("A device needs a ProductKey and a DeviceName."));
        if (secrets.at(i).isEmpty())
            return storeError(Workspace::tr("The DeviceSecret of %1 is empty.").arg(name));
        auto id = productIds.find(device.productKey);
        if (id == productIds.end()) {
            qint64 productId = -1;
            if (const Status ensured = ensureProduct(device.productKey, &productId); !ensured)
                return ensured;
            id = productIds.insert(device.productKey, productId);
        }
        const auto sealed = m_keys.seal(device.productKey, device.deviceName, secrets.at(i));
        if (!sealed)
            return sealed.error();
        if (const auto inserted = insertDevice(*id, device, *sealed); !inserted)
            return inserted.error();
    }
    return ok();
}

Expected<qint64> IdentityStore::insertDevice(qint64 productRow, const DeviceRecord& device,
                                             const QByteArray& sealed)
{
    const QString name = device.productKey + u'/' + device.deviceName;
    QSqlQuery insert(database());
    // A device already there inserts nothing and returns no row (no failed statement: after one, a
    // PostgreSQL transaction takes no other).
    insert.prepare(
        QStringLiteral("INSERT INTO devices (product_id, device_name, secret, note) VALUES (?, ?, ?, ?)"
                       " ON CONFLICT (product_id, device_name) DO NOTHING RETURNING id"));
    insert.addBindValue(productRow);
    insert.addBindValue(text(device.deviceName));
    insert.addBindValue(sealed.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(sealed));
    insert.addBindValue(text(device.note));
    if (!insert.exec())
        return sqlError(Workspace::tr("Cannot add device %1").arg(name), insert.lastError());
    if (!insert.next())
        return storeError(Workspace::tr("Device %1 is already in the workspace.").arg(name));
    const qint64 deviceRow = insert.value(0).toLongLong();
    insert.finish();
    QSqlQuery label(database());
    label.prepare(QStringLiteral("INSERT INTO device_labels (device_id, label) VALUES (?, ?) ON CONFLICT "
                                 "(device_id, label) DO NOTHING"));
    for (const QString& labelText : device.labels) {
        label.bindValue(0, deviceRow);
        label.bindValue(1, labelText.trimmed());
        if (!label.exec())
            return sqlError(Workspace::tr("Cannot label device %1").arg(name), label.lastError());
    }
    return deviceRow;
}

Expected<std::optional<DeviceRecord>> IdentityStore::device(const QString& productKey,
                                                            const QString& deviceName) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "SELECT d.id, d.note, d.secret IS NOT NULL FROM devices d"
        " JOIN products p ON p.id = d.product_id WHERE p.product_key = ? AND d.device_name = ?"));
    query.addBindValue(productKey);
    query.addBindValue(deviceName);
    const QString what = Workspace::tr("Cannot read device %1/%2").arg(productKey, deviceName);
    if (!query.exec())
        return sqlError(what, query.lastError());
    if (!query.next())
        return std::optional<DeviceRecord>();
    DeviceRecord record{productKey, deviceName, query.value(1).toString(), {}, query.value(2).toBool()};
    QSqlQuery labels(database());
    labels.prepare(QStringLiteral("SELECT label FROM device_labels WHERE device_id = ? ORDER BY label"));
    labels.addBindValue(query.value(0).toLongLong());
    if (!labels.exec())
        return sqlError(what, labels.lastError());
    while (labels.next())
        record.labels.append(labels.value(0).toString());
    return std::optional<DeviceRecord>(std::move(record));
}

Expected<QList<DeviceRecord>> IdentityStore::devices(const QString& productKey, qint64 limit,
                                                     qint64 offset) const
{
    QList<DeviceRecord> result;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral(
            "SELECT p.product_key, d.device_name, d.note, d.secret IS NOT NULL,"
            " (SELECT %1 FROM"
            "   (SELECT label FROM device_labels l WHERE l.device_id = d.id ORDER BY label) AS labels)"
            " FROM devices d JOIN products p ON p.id = d.product_id")
            .arg(dialect().joinedLines(QStringLiteral("label"))) +
        (productKey.isEmpty() ? QString() : QStringLiteral(" WHERE p.product_key = ?")) +
        QStringLiteral(" ORDER BY d.id LIMIT ? OFFSET ?"));
    if (!productKey.isEmpty())
        query.addBindValue(productKey);
    query.addBindValue(Sql::limit(limit));
    query.addBindValue(offset);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read the devices"), query.lastError());
    while (query.next()) {
        const QString labels = query.value(4).toString();
        result.append(
            DeviceRecord{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                         labels.isEmpty() ? QStringList() : labels.split(u'\n'), query.value(3).toBool()});
    }
    return result;
}

Expected<QStringList> IdentityStore::deviceNames(const QString& productKey) const
{
    QStringList names;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT d.device_name FROM devices d JOIN products p ON p.id = d.product_id"
                                 " WHERE p.product_key = ? ORDER BY d.id"));
    query.addBindValue(productKey);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read the devices"), query.lastError());
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

Expected<qint64> IdentityStore::deviceCount(const QString& productKey) const
{
    QSqlQuery query(database());
    if (productKey.isEmpty()) {
        query.prepare(QStringLiteral("SELECT count(*) FROM devices"));
    } else {
        query.prepare(QStringLiteral("SELECT count(*) FROM devices d JOIN products p ON p.id = d.product_id"
                                     " WHERE p.product_key = ?"));
        query.addBindValue(productKey);
    }
    if (!query.exec() || !query.next())
        return sqlError(Workspace::tr("Cannot count the devices"), query.lastError());
    return query.value(0).toLongLong();
}

Expected<QByteArray> IdentityStore::deviceSecret(const QString& productKey, const QString& deviceName) const
{
    if (m_keys.isLocked())
        return KeyStore::lockedError();
    const auto sealed = sealedDeviceSecret(productKey, deviceName);
    if (!sealed)
        return sealed.error();
    if (sealed->isEmpty())
        return storeError(Workspace::tr("Device %1/%2 has no DeviceSecret.").arg(productKey, deviceName));
    return m_keys.open(productKey, deviceName, *sealed);
}

Expected<QByteArray> IdentityStore::sealedDeviceSecret(const QString& productKey,
                                                       const QString& deviceName) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT d.secret FROM devices d JOIN products p ON p.id = d.product_id"
                                 " WHERE p.product_key = ? AND d.device_name = ?"));
    query.addBindValue(productKey);
    query.addBindValue(deviceName);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read device %1/%2").arg(productKey, deviceName),
                        query.lastError());
    if (!query.next())
        return storeError(
            Workspace::tr("There is no device %1/%2 in the workspace.").arg(productKey, deviceName));
    return query.value(0).toByteArray();
}

Status IdentityStore::changeDevice(const QString& productKey, const QString& deviceName,
                                   const std::function<Status(qint64 deviceRow)>& change)
{
    const auto id = existingDevice(productKey, deviceName);
    if (!id)
        return id.error();
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    if (const Status changed = change(*id); !changed)
        return changed;
    transaction.announce(QStringLiteral("devices"), QStringLiteral("changed"),
                         {Sql::deviceId(productKey, deviceName)});
    return transaction.commit();
}

Status IdentityStore::execOnDevice(const QString& productKey, const QString& deviceName, const QString& sql,
                                   const QVariant& value, const QString& failure)
{
    return changeDevice(productKey, deviceName, [&](qint64 deviceRow) -> Status {
        QSqlQuery query(database());
        query.prepare(sql);
        if (value.isValid())
            query.addBindValue(value);
        query.addBindValue(deviceRow);
        if (!query.exec())
            return sqlError(failure, query.lastError());
        return ok();
    });
}

Status IdentityStore::setDeviceSecret(const QString& productKey, const QString& deviceName,
                                      const QByteArray& secret)
{
    if (secret.isEmpty())
        return storeError(Workspace::tr("The DeviceSecret of %1/%2 is empty.").arg(productKey, deviceName));
    const auto sealed = m_keys.seal(productKey, deviceName, secret);
    if (!sealed)
        return sealed.error();
    return setSealedDeviceSecret(productKey, deviceName, *sealed);
}

Status IdentityStore::setSealedDeviceSecret(const QString& productKey, const QString& deviceName,
                                            const QByteArray& sealed)
{
    // Only a secret sealed for this device by this workspace's key goes back.
    if (auto opened = m_keys.open(productKey, deviceName, sealed); !opened)
        return storeError(Workspace::tr("Cannot open the DeviceSecret of %1/%2: %3")
                              .arg(productKey, deviceName, opened.error().message()));
    return execOnDevice(productKey, deviceName, QStringLiteral("UPDATE devices SET secret = ? WHERE id = ?"),
                        sealed,
                        Workspace::tr("Cannot store the DeviceSecret of %1/%2").arg(productKey, deviceName));
}

Status IdentityStore::setDeviceNote(const QString& productKey, const QString& deviceName, const QString& note)
{
    return execOnDevice(productKey, deviceName, QStringLiteral("UPDATE devices SET note = ? WHERE id = ?"),
                        text(note),
                        Workspace::tr("Cannot store the note of %1/%2").arg(productKey, deviceName));
}

Status IdentityStore::setDeviceLabels(const QString& productKey, const QString& deviceName,
                                      const QStringList& labels)
{
    const QString failure = Workspace::tr("Cannot label device %1/%2").arg(productKey, deviceName);
    return changeDevice(productKey, deviceName, [&](qint64 deviceRow) -> Status {
        QSqlQuery query(database());
        query.prepare(QStringLiteral("DELETE FROM device_labels WHERE device_id = ?"));
        query.addBindValue(deviceRow);
        if (!query.exec())
            return sqlError(failure, query.lastError());
        query.prepare(QStringLiteral("INSERT INTO device_labels (device_id, label) VALUES (?, ?)"
                                     " ON CONFLICT (device_id, label) DO NOTHING"));
        for (const QString& label : labels) {
            if (label.trimmed().isEmpty())
                return storeError(Workspace::tr("A label of %1/%2 is empty.").arg(productKey, deviceName));
            query.bindValue(0, deviceRow);
            query.bindValue(1, label.trimmed());
            if (!query.exec())
                return sqlError(failure, query.lastError());
        }
        return ok();
    });
}

Status IdentityStore::removeDevice(const QString& productKey, const QString& deviceName)
{
    return removeDevices({Alink::DeviceKey{productKey, deviceName}}, {});
}

// ---- changes by hand, with what undo needs ----

Expected<QList<DeviceSnapshot>> IdentityStore::deviceSnapshots(const QList<Alink::DeviceKey>& devices) const
{
    QList<DeviceSnapshot> snapshots;
    snapshots.reserve(devices.size());
    for (const Alink::DeviceKey& key : devices) {
        auto record = device(key.productKey, key.deviceName);
        if (!record)
            return record.error();
        if (!*record)
            return storeError(Workspace::tr("There is no device %1/%2 in the workspace.")
                                  .arg(key.productKey, key.deviceName));
        auto sealed = sealedDeviceSecret(key.productKey, key.deviceName);
        if (!sealed)
            return sealed.error();
        auto state = m_states.state(key.productKey, key.deviceName);
        if (!state)
            return state.error();
        auto held = m_states.heldVersions(key.productKey, key.deviceName);
        if (!held)
            return held.error();
        snapshots.append(
            DeviceSnapshot{std::move(**record), std::move(*sealed), std::move(*state), std::move(*held)});
    }
    return snapshots;
}

Status IdentityStore::removeDevices(const QList<Alink::DeviceKey>& devices, const QStringList& productKeys)
{
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("DELETE FROM devices WHERE id = ?"));
    for (const Alink::DeviceKey& key : devices) {
        const auto id = existingDevice(key.productKey, key.deviceName);
        if (!id)
            return id.error();
        query.bindValue(0, *id);
        if (!query.exec())
            return sqlError(Workspace::tr("Cannot remove device %1/%2").arg(key.productKey, key.deviceName),
                            query.lastError());
    }
    query.prepare(QStringLiteral("DELETE FROM products WHERE product_key = ?"));
    for (const QString& productKey : productKeys) {
        query.bindValue(0, productKey);
        if (!query.exec())
            return sqlError(Workspace::tr("Cannot remove product %1").arg(productKey), query.lastError());
        if (query.numRowsAffected() == 0)
            return storeError(Workspace::tr("There is no product %1 in the workspace.").arg(productKey));
    }
    QStringList removed;
    for (const Alink::DeviceKey& key : devices)
        removed.append(Sql::deviceId(key.productKey, key.deviceName));
    // A removed product takes all its devices: the others reload them all.
    transaction.announce(QStringLiteral("devices"), QStringLiteral("removed"),
                         productKeys.isEmpty() ? removed : QStringList());
    return transaction.commit();
}

Status IdentityStore::restore(const QList<ProductRecord>& products, const QList<DeviceSnapshot>& devices)
{
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    for (const ProductRecord& product : products) {
        if (const Status stored = storeProduct(product); !stored)
            return stored;
    }
    for (const DeviceSnapshot& snapshot : devices) {
        qint64 productRow = -1;
        if (const Status ensured = ensureProduct(snapshot.record.productKey, &productRow); !ensured)
            return ensured;
        const auto deviceRow = insertDevice(productRow, snapshot.record, snapshot.sealedSecret);
        if (!deviceRow)
            return deviceRow.error();
        if (const Status put =
                m_states.putBackInTransaction(*deviceRow, snapshot.state, snapshot.heldVersions);
            !put)
            return put;
    }
    QStringList restored;
    for (const DeviceSnapshot& snapshot : devices)
        restored.append(Sql::deviceId(snapshot.record.productKey, snapshot.record.deviceName));
    transaction.announce(QStringLiteral("devices"), QStringLiteral("added"), restored);
    return transaction.commit();
}

// ---- bulk import and export ----

Expected<qsizetype> IdentityStore::importDevices(const QStringList& productKeys,
                                                 const NextImportedDevice& next, const ImportOptions& options)
{
    const std::shared_ptr<const SecretSealer> sealer = m_keys.sealer();
    if (!sealer)
        return KeyStore::lockedError();
    QElapsedTimer timer;
    timer.start();
    QSqlDatabase db = database();
    struct BulkWrite
    {
        const SqlDialect& dialect;
        QSqlDatabase& db;
        int previous;
        ~BulkWrite() { dialect.endBulkWrite(db, previous); }
    } bulkWrite{dialect(), db, dialect().beginBulkWrite(db)};

    Transaction transaction(db);
    if (const Status begun = transaction.begin(); !begun)
        return begun.error();

    QHash<QByteArray, qint64> productIds;
    for (const QString& productKey : productKeys) {
        qint64 id = -1;
        if (const Status ensured = ensureProduct(productKey, &id); !ensured)
            return ensured.error();
        productIds.insert(productKey.toUtf8(), id);
        const QString name = options.productNames.value(productKey);
        if (name.isEmpty())
            continue;
        QSqlQuery rename(db);
        rename.prepare(QStringLiteral("UPDATE products SET name = ? WHERE id = ?"));
        rename.addBindValue(name);
        rename.addBindValue(id);
        if (!rename.exec())
            return sqlError(Workspace::tr("Cannot store product %1").arg(productKey), rename.lastError());
    }

    // Rows go in kBatchRows at a time through one multi-row INSERT (Qt's per-exec overhead is a large
    // part of the cost of a one-row INSERT); the rest one by one at the end.
    constexpr int kBatchRows = 64;
    // Updating keeps the device's row (and so its state, held versions and labels); a row without a
    // secret keeps the stored one.
    const QString onConflict = options.updateExisting
                                   ? QStringLiteral(" ON CONFLICT (product_id, device_name) DO UPDATE SET"
                                                    " secret = coalesce(excluded.secret, devices.secret)")
                                   : QString();
    QString batchSql =
        QStringLiteral("INSERT INTO devices (product_id, device_name, secret) VALUES (?, ?, ?)");
    QSqlQuery single(db);
    if (!single.prepare(batchSql + onConflict))
        return sqlError(Workspace::tr("Cannot import"), single.lastError());
    for (int i = 1; i < kBatchRows; ++i)
        batchSql += QStringLiteral(", (?, ?, ?)");
    batchSql += onConflict;
    QSqlQuery batch(db);
    if (!batch.prepare(batchSql))
        return sqlError(Workspace::tr("Cannot import"), batch.lastError());
    std::vector<QVariant> pending;
    pending.reserve(kBatchRows * 3);
    qsizetype pendingFirstLine = 0;
    auto insertFailed = [&](const QSqlQuery& query, qsizetype lastLine) {
        return storeError(
            Workspace::tr("Lines %1-%2: a device could not be added (%3); nothing was imported.")
                .arg(pendingFirstLine)
                .arg(lastLine)
                .arg(query.lastError().databaseText()));
    };

    ImportedDevice device;
    qsizetype done = 0;
    QByteArray lastProduct;
    qint64 lastProductId = -1;
    while (true) {
        const Expected<bool> more = next(device);
        if (!more)
            return more.error();
        if (!*more)
            break;
        if (device.productKey != lastProduct) {
            lastProduct = device.productKey.toByteArray();
            lastProductId = productIds.value(lastProduct, -1);
            if (lastProductId < 0)
                return storeError(
                    Workspace::tr("Line %1: product %2 was not announced; nothing was imported.")
                        .arg(device.line)
                        .arg(QString::fromUtf8(lastProduct)));
        }
        const QByteArray sealed = device.secret.isEmpty()
                                      ? QByteArray()
                                      : sealer->seal(device.secret, {device.productKey, device.deviceName});
        if (sealed.isEmpty() && !device.secret.isEmpty())
            return storeError(
                Workspace::tr("Line %1: the DeviceSecret could not be sealed; nothing was imported.")
                    .arg(device.line));
        if (pending.empty())
            pendingFirstLine = device.line;
        pending.emplace_back(lastProductId);
        pending.emplace_back(QString::fromLatin1(device.deviceName));
        pending.emplace_back(sealed.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                                              : QVariant(sealed));
        if (pending.size() < size_t(kBatchRows) * 3)
            continue;
        for (size_t i = 0; i < pending.size(); ++i)
            batch.bindValue(int(i), pending[i]);
        if (!batch.exec())
            return insertFailed(batch, device.line);
        pending.clear();
        done += kBatchRows;
    }
    for (size_t i = 0; i < pending.size(); i += 3) {
        single.bindValue(0, pending[i]);
        single.bindValue(1, pending[i + 1]);
        single.bindValue(2, pending[i + 2]);
        if (!single.exec())
            return insertFailed(single, device.line);
        ++done;
    }
    if (!options.online.isEmpty()) {
        QSqlQuery online(db);
        // "WHERE" before "ON CONFLICT": SQLite's upsert after a SELECT needs it to parse.
        online.prepare(QStringLiteral(
            "INSERT INTO device_state (device_id, online) SELECT d.id, ? FROM devices d"
            " JOIN products p ON p.id = d.product_id WHERE p.product_key = ? AND d.device_name = ?"
            " ON CONFLICT (device_id) DO UPDATE SET online = excluded.online"));
        for (auto it = options.online.cbegin(); it != options.online.cend(); ++it) {
            const qsizetype slash = it.key().indexOf(u'/');
            online.addBindValue(it.value() ? 1 : 0);
            online.addBindValue(it.key().left(slash));
            online.addBindValue(it.key().mid(slash + 1));
            if (!online.exec())
                return sqlError(Workspace::tr("Cannot store the online state of %1").arg(it.key()),
                                online.lastError());
        }
    }
    transaction.announce(QStringLiteral("devices"), QStringLiteral("imported"));
    if (const Status committed = transaction.commit(); !committed)
        return committed.error();
    qCInfo(lcStore) << "imported" << done << "devices in" << timer.elapsed() << "ms";
    return done;
}

Status IdentityStore::forEachDevice(const QString& productKey, bool withSecrets,
                                    const DeviceVisitor& visit) const
{
    if (withSecrets && m_keys.isLocked())
        return KeyStore::lockedError();
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT p.product_key, d.device_name, d.secret FROM devices d"
                                 " JOIN products p ON p.id = d.product_id") +
                  (productKey.isEmpty() ? QString() : QStringLiteral(" WHERE p.product_key = ?")) +
                  QStringLiteral(" ORDER BY d.id"));
    if (!productKey.isEmpty())
        query.addBindValue(productKey);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read the devices"), query.lastError());
    QByteArray secret;
    while (query.next()) {
        const QString pk = query.value(0).toString();
        const QString dn = query.value(1).toString();
        if (withSecrets) {
            auto opened = m_keys.open(pk, dn, query.value(2).toByteArray());
            if (!opened)
                return opened.error();
            secret = std::move(opened).value();
        }
        if (const Status visited = visit(pk, dn, secret); !visited)
            return visited;
    }
    if (query.lastError().isValid())
        return sqlError(Workspace::tr("Cannot read the devices"), query.lastError());
    return ok();
}

} // namespace ConfigDeck::Store
