#include "Workspace.h"

#include "StoreLog.h"
#include "secrets/SecretSealer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>
#include <QtEndian>

namespace ConfigDeck::Store {

using Alink::AlinkError;
using Alink::Expected;

namespace {

constexpr auto kDriver = "QSQLITE";

AlinkError storeError(const QString& reason, const QString& field = {})
{
    return AlinkError{field, reason, -1};
}

QVariant msOrNull(const QDateTime& time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime fromMs(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// Qt binds a null QString as SQL NULL; NOT NULL text columns get an empty string instead.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant intOrNull(const std::optional<int>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

std::optional<int> optionalInt(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toInt();
}

QByteArray secretAssociatedData(const QString& productKey, const QString& deviceName)
{
    return QString(productKey + u'/' + deviceName).toUtf8();
}

// Steps of the schema; a file at version N gets steps N+1.. applied, each in its own transaction.
const QList<Workspace::Migration> kMigrations{
    {1,
     {
         "CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID",
         "CREATE TABLE products (id INTEGER PRIMARY KEY, product_key TEXT NOT NULL UNIQUE,"
         " name TEXT NOT NULL DEFAULT '', endpoint TEXT NOT NULL DEFAULT '',"
         " remote_config INTEGER NOT NULL DEFAULT 1)",
         "CREATE TABLE devices (id INTEGER PRIMARY KEY,"
         " product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,"
         " device_name TEXT NOT NULL, secret BLOB, note TEXT NOT NULL DEFAULT '',"
         " UNIQUE (product_id, device_name))",
         "CREATE TABLE config_versions (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE,"
         " content BLOB NOT NULL, size INTEGER NOT NULL, product_key TEXT NOT NULL,"
         " created INTEGER NOT NULL, label TEXT NOT NULL DEFAULT '', origin INTEGER NOT NULL)",
         "CREATE INDEX config_versions_product ON config_versions (product_key, created)",
         "CREATE TABLE device_state (device_id INTEGER PRIMARY KEY REFERENCES devices(id) ON DELETE CASCADE,"
         " config_id TEXT NOT NULL DEFAULT '', sha256 TEXT NOT NULL DEFAULT '',"
         " state INTEGER NOT NULL DEFAULT 0, last_code INTEGER, code_source INTEGER NOT NULL DEFAULT 0,"
         " last_message INTEGER, online INTEGER NOT NULL DEFAULT 0)",
         "CREATE TABLE message_log (id INTEGER PRIMARY KEY, time INTEGER NOT NULL,"
         " product_key TEXT NOT NULL, device_name TEXT NOT NULL, direction INTEGER NOT NULL,"
         " topic TEXT NOT NULL, message_id TEXT NOT NULL DEFAULT '', code INTEGER, latency_ms INTEGER,"
         " payload BLOB, truncated INTEGER NOT NULL DEFAULT 0)",
         "CREATE INDEX message_log_device ON message_log (product_key, device_name, id)",
         "CREATE INDEX message_log_time ON message_log (time)",
     }},
    // v2: device labels (groups) and rollouts with each device's outcome.
    {2,
     {
         "CREATE TABLE device_labels (device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,"
         " label TEXT NOT NULL, PRIMARY KEY (device_id, label)) WITHOUT ROWID",
         "CREATE INDEX device_labels_label ON device_labels (label)",
         "CREATE TABLE rollouts (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '',"
         " product_key TEXT NOT NULL, config_sha256 TEXT NOT NULL REFERENCES config_versions(sha256),"
         " state INTEGER NOT NULL DEFAULT 0, batch_size INTEGER NOT NULL, rate_per_minute INTEGER NOT NULL,"
         " timeout_ms INTEGER NOT NULL, abort_threshold REAL NOT NULL, created INTEGER NOT NULL,"
         " started INTEGER, finished INTEGER)",
         "CREATE TABLE rollout_outcomes (rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE "
         "CASCADE,"
         " device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,"
         " state INTEGER NOT NULL DEFAULT 0, reply_code INTEGER, updated INTEGER,"
         " message TEXT NOT NULL DEFAULT '', PRIMARY KEY (rollout_id, device_id)) WITHOUT ROWID",
     }},
    // v3: every configuration a device was seen holding (verified or applied), kept across sessions; what
    // device_state holds already is its first entry.
    {3,
     {
         "CREATE TABLE held_versions (device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,"
         " sha256 TEXT NOT NULL, config_id TEXT NOT NULL DEFAULT '', first_seen INTEGER NOT NULL,"
         " last_seen INTEGER NOT NULL, PRIMARY KEY (device_id, sha256)) WITHOUT ROWID",
         "INSERT INTO held_versions (device_id, sha256, config_id, first_seen, last_seen)"
         " SELECT device_id, sha256, config_id, coalesce(last_message, 0), coalesce(last_message, 0)"
         " FROM device_state WHERE sha256 != '' AND state IN (4, 5)",
     }},
};

// Reads what the file's first 100 bytes say, without SQLite, so a foreign file is never opened for writing.
Status checkHeader(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return storeError(Workspace::tr("Cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray header = file.read(100);
    static constexpr char kMagic[] = "SQLite format 3";
    if (header.size() < 100 || !header.startsWith(QByteArrayView(kMagic, sizeof kMagic)))
        return storeError(Workspace::tr("%1 is not a ConfigDeck workspace (it is not an SQLite database).")
                              .arg(QFileInfo(path).fileName()));
    const qint32 applicationId = qFromBigEndian<qint32>(header.constData() + 68);
    if (applicationId != Workspace::kApplicationId)
        return storeError(Workspace::tr("%1 is not a ConfigDeck workspace (it is an SQLite database of "
                                        "another application).")
                              .arg(QFileInfo(path).fileName()));
    return ok();
}

QString newConnectionName()
{
    return QStringLiteral("configdeck-workspace-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Opens the file read-only and asks SQLite to check it: nothing is written, even to a damaged file.
Expected<int> verifyReadOnly(const QString& path)
{
    const QString name = newConnectionName();
    Expected<int> result = storeError(QString());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1StringView(kDriver), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        const QString fileName = QFileInfo(path).fileName();
        if (!db.open()) {
            result = storeError(
                Workspace::tr("Cannot open workspace %1: %2").arg(fileName, db.lastError().text()));
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next()) {
                result = storeError(Workspace::tr("Workspace %1 is damaged: %2")
                                        .arg(fileName, query.lastError().databaseText()));
            } else if (const QString verdict = query.value(0).toString(); verdict != u"ok") {
                result = storeError(Workspace::tr("Workspace %1 is damaged: %2").arg(fileName, verdict));
            } else if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next() ||
                       query.value(0).toInt() != Workspace::kApplicationId) {
                result = storeError(Workspace::tr("%1 is not a ConfigDeck workspace.").arg(fileName));
            } else if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
                result = storeError(Workspace::tr("Workspace %1 is damaged: %2")
                                        .arg(fileName, query.lastError().databaseText()));
            } else {
                const int version = query.value(0).toInt();
                if (version > Workspace::kSchemaVersion)
                    result = storeError(
                        Workspace::tr("Workspace %1 was made by a newer ConfigDeck (schema version "
                                      "%2; this version reads up to %3). Update ConfigDeck to "
                                      "open it.")
                            .arg(fileName)
                            .arg(version)
                            .arg(Workspace::kSchemaVersion));
                else if (version < 1)
                    result = storeError(
                        Workspace::tr("%1 is not a ConfigDeck workspace (it has no schema).").arg(fileName));
                else
                    result = version;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

// ---- Transaction ----

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Transaction::~Transaction()
{
    rollback();
}

Status Transaction::begin()
{
    QSqlQuery query(m_db);
    // IMMEDIATE takes the write lock now, so a transaction never fails half-way on "database is locked".
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return Workspace::sqlError(Workspace::tr("Cannot start a transaction"), query.lastError());
    m_active = true;
    return ok();
}

Status Transaction::commit()
{
    if (!m_active)
        return storeError(Workspace::tr("No transaction to commit"));
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const auto error = Workspace::sqlError(Workspace::tr("Cannot commit"), query.lastError());
        rollback();
        return error;
    }
    m_active = false;
    return ok();
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcStore) << "rollback failed:" << query.lastError().text();
}

// ---- Workspace ----

const QList<Workspace::Migration>& Workspace::migrations()
{
    return kMigrations;
}

AlinkError Workspace::sqlError(const QString& what, const QSqlError& error)
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return storeError(tr("%1: %2").arg(what, detail));
}

AlinkError Workspace::lockedError()
{
    return storeError(tr("The workspace is locked: unlock it to read or write device secrets."));
}

Workspace::Workspace(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{
}

Workspace::~Workspace()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            // Closing the last connection checkpoints the WAL into the file, so a closed workspace is one
            // file.
            QSqlQuery(db).exec(QStringLiteral("PRAGMA optimize"));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Workspace::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Expected<std::unique_ptr<Workspace>> Workspace::open(const QString& path, OpenMode mode)
{
    const QFileInfo info(path);
    int version = 0;
    if (info.exists()) {
        if (!info.isFile())
            return storeError(tr("%1 is not a file.").arg(path));
        if (const Status header = checkHeader(path); !header)
            return header.error();
        const Expected<int> verified = verifyReadOnly(path);
        if (!verified)
            return verified.error();
        version = *verified;
    } else if (mode == OpenMode::OpenExisting) {
        return storeError(tr("There is no workspace at %1.").arg(path));
    }

    std::unique_ptr<Workspace> workspace(new Workspace(path, newConnectionName()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1StringView(kDriver), workspace->m_connectionName);
        db.setDatabaseName(path);
        if (!db.open())
            return sqlError(tr("Cannot open workspace %1").arg(path), db.lastError());
        if (version == 0) {
            // Written while still in rollback-journal mode, so it reaches the main file at once and a crash
            // during creation never leaves a file without ConfigDeck's mark.
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId)))
                return sqlError(tr("Cannot create workspace %1").arg(path), query.lastError());
        }
    }
    if (const Status configured = workspace->configure(); !configured)
        return configured.error();
    if (const Status migrated = workspace->migrate(version); !migrated)
        return migrated.error();
    qCInfo(lcStore) << "opened workspace" << path << "schema" << kSchemaVersion << "from" << version;
    return workspace;
}

Status Workspace::configure()
{
    QSqlQuery query(database());
    for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                               "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000"}) {
        if (!query.exec(QLatin1StringView(pragma)))
            return sqlError(tr("Cannot configure workspace %1").arg(m_path), query.lastError());
    }
    return ok();
}

Status Workspace::migrate(int fromVersion)
{
    QSqlDatabase db = database();
    for (const Migration& migration : kMigrations) {
        if (migration.version <= fromVersion)
            continue;
        Transaction transaction(db);
        if (const Status begun = transaction.begin(); !begun)
            return begun;
        QSqlQuery query(db);
        for (const char* statement : migration.statements) {
            if (!query.exec(QLatin1StringView(statement)))
                return sqlError(tr("Cannot upgrade workspace to schema version %1").arg(migration.version),
                                query.lastError());
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version)))
            return sqlError(tr("Cannot upgrade workspace to schema version %1").arg(migration.version),
                            query.lastError());
        if (migration.version == 1) {
            query.prepare(
                QStringLiteral("INSERT INTO meta (key, value) VALUES ('workspace_id', ?), ('created', ?)"));
            query.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
            query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
            if (!query.exec())
                return sqlError(tr("Cannot create workspace %1").arg(m_path), query.lastError());
        }
        if (const Status committed = transaction.commit(); !committed)
            return committed;
        if (fromVersion > 0)
            qCInfo(lcStore) << "migrated workspace" << m_path << "to schema version" << migration.version;
    }
    return ok();
}

int Workspace::schemaVersion() const
{
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return 0;
}

QString Workspace::workspaceId() const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'workspace_id'"));
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

QByteArray Workspace::keyRecord() const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'key_record'"));
    if (query.exec() && query.next())
        return query.value(0).toByteArray();
    return {};
}

Status Workspace::setKeyRecord(const QByteArray& record)
{
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('key_record', ?)"
                                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(record);
    if (!query.exec())
        return sqlError(tr("Cannot store the workspace key record"), query.lastError());
    return transaction.commit();
}

Status Workspace::saveCopy(const QString& targetPath) const
{
    const QFileInfo target(targetPath);
    if (target.exists())
        return storeError(tr("%1 already exists: choose a new file name for the copy.").arg(targetPath));
    if (target.absoluteFilePath() == QFileInfo(m_path).absoluteFilePath())
        return storeError(tr("A copy cannot replace the workspace itself."));
    QSqlQuery query(database());
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(target.absoluteFilePath());
    if (!query.exec()) {
        QFile::remove(target.absoluteFilePath()); // a partial copy is no copy
        return sqlError(tr("Cannot save a copy of the workspace to %1").arg(targetPath), query.lastError());
    }
    return ok();
}

void Workspace::setSealer(std::shared_ptr<const SecretSealer> sealer)
{
    m_sealer = std::move(sealer);
}

QString Workspace::setting(const QString& key, const QString& defaultValue) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(QString(QStringLiteral("setting.") + key));
    if (query.exec() && query.next())
        return query.value(0).toString();
    return defaultValue;
}

Status Workspace::setSetting(const QString& key, const QString& value)
{
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"
                                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(QString(QStringLiteral("setting.") + key));
    query.addBindValue(text(value));
    if (!query.exec())
        return sqlError(tr("Cannot store setting %1").arg(key), query.lastError());
    return transaction.commit();
}

// ---- products ----

qint64 Workspace::productId(const QString& productKey) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT id FROM products WHERE product_key = ?"));
    query.addBindValue(productKey);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    return -1;
}

qint64 Workspace::deviceId(const QString& productKey, const QString& deviceName) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT d.id FROM devices d JOIN products p ON p.id = d.product_id"
                                 " WHERE p.product_key = ? AND d.device_name = ?"));
    query.addBindValue(productKey);
    query.addBindValue(deviceName);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    return -1;
}

Status Workspace::ensureProduct(const QString& productKey, qint64* id)
{
    *id = productId(productKey);
    if (*id >= 0)
        return ok();
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO products (product_key) VALUES (?)"));
    query.addBindValue(productKey);
    if (!query.exec())
        return sqlError(tr("Cannot add product %1").arg(productKey), query.lastError());
    *id = query.lastInsertId().toLongLong();
    return ok();
}

Status Workspace::upsertProduct(const ProductRecord& product)
{
    if (product.productKey.isEmpty())
        return storeError(tr("The ProductKey is empty."), QStringLiteral("productKey"));
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("INSERT INTO products (product_key, name, endpoint, remote_config) VALUES (?, ?, ?, ?)"
                       " ON CONFLICT (product_key) DO UPDATE SET name = excluded.name,"
                       " endpoint = excluded.endpoint, remote_config = excluded.remote_config"));
    query.addBindValue(product.productKey);
    query.addBindValue(text(product.name));
    query.addBindValue(text(product.endpoint));
    query.addBindValue(product.remoteConfigEnabled ? 1 : 0);
    if (!query.exec())
        return sqlError(tr("Cannot store product %1").arg(product.productKey), query.lastError());
    return transaction.commit();
}

namespace {
ProductRecord productFrom(const QSqlQuery& query)
{
    return ProductRecord{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                         query.value(3).toInt() != 0};
}
} // namespace

std::optional<ProductRecord> Workspace::product(const QString& productKey) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "SELECT product_key, name, endpoint, remote_config FROM products WHERE product_key = ?"));
    query.addBindValue(productKey);
    if (query.exec() && query.next())
        return productFrom(query);
    return std::nullopt;
}

QList<ProductRecord> Workspace::products() const
{
    QList<ProductRecord> result;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (query.exec(QStringLiteral(
            "SELECT product_key, name, endpoint, remote_config FROM products ORDER BY product_key"))) {
        while (query.next())
            result.append(productFrom(query));
    }
    return result;
}

Status Workspace::removeProduct(const QString& productKey)
{
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("DELETE FROM products WHERE product_key = ?"));
    query.addBindValue(productKey);
    if (!query.exec())
        return sqlError(tr("Cannot remove product %1").arg(productKey), query.lastError());
    if (query.numRowsAffected() == 0)
        return storeError(tr("There is no product %1 in the workspace.").arg(productKey));
    return transaction.commit();
}

// ---- devices ----

Expected<QByteArray> Workspace::seal(const QString& productKey, const QString& deviceName,
                                     const QByteArray& secret) const
{
    if (!m_sealer)
        return lockedError();
    QByteArray sealed = m_sealer->seal(secret, secretAssociatedData(productKey, deviceName));
    if (sealed.isEmpty())
        return storeError(tr("Cannot seal the secret of %1/%2.").arg(productKey, deviceName));
    return sealed;
}

Status Workspace::addDevice(const DeviceRecord& device, const QByteArray& secret)
{
    return addDevices({device}, {secret});
}

Status Workspace::addDevices(const QList<DeviceRecord>& devices, const QList<QByteArray>& secrets)
{
    if (devices.size() != secrets.size())
        return storeError(tr("Every device needs a secret (%1 devices, %2 secrets).")
                              .arg(devices.size())
                              .arg(secrets.size()));
    if (!m_sealer)
        return lockedError();
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    if (const Status inserted = insertDevices(devices, secrets); !inserted)
        return inserted;
    return transaction.commit();
}

Status Workspace::insertDevices(const QList<DeviceRecord>& devices, const QList<QByteArray>& secrets)
{
    QHash<QString, qint64> productIds;
    QSqlQuery insert(database());
    insert.prepare(
        QStringLiteral("INSERT INTO devices (product_id, device_name, secret, note) VALUES (?, ?, ?, ?)"));
    QSqlQuery label(database());
    label.prepare(QStringLiteral("INSERT OR IGNORE INTO device_labels (device_id, label) VALUES (?, ?)"));
    for (qsizetype i = 0; i < devices.size(); ++i) {
        const DeviceRecord& device = devices.at(i);
        const QString name = device.productKey + u'/' + device.deviceName;
        if (device.productKey.isEmpty() || device.deviceName.isEmpty())
            return storeError(tr("A device needs a ProductKey and a DeviceName."));
        if (secrets.at(i).isEmpty())
            return storeError(tr("The DeviceSecret of %1 is empty.").arg(name));
        auto id = productIds.find(device.productKey);
        if (id == productIds.end()) {
            qint64 productId = -1;
            if (const Status ensured = ensureProduct(device.productKey, &productId); !ensured)
                return ensured;
            id = productIds.insert(device.productKey, productId);
        }
        const auto sealed = seal(device.productKey, device.deviceName, secrets.at(i));
        if (!sealed)
            return sealed.error();
        insert.bindValue(0, *id);
        insert.bindValue(1, text(device.deviceName));
        insert.bindValue(2, *sealed);
        insert.bindValue(3, text(device.note));
        if (!insert.exec()) {
            if (deviceId(device.productKey, device.deviceName) >= 0)
                return storeError(tr("Device %1 is already in the workspace.").arg(name));
            return sqlError(tr("Cannot add device %1").arg(name), insert.lastError());
        }
        const qint64 deviceRow = insert.lastInsertId().toLongLong();
        for (const QString& labelText : device.labels) {
            label.bindValue(0, deviceRow);
            label.bindValue(1, labelText.trimmed());
            if (!label.exec())
                return sqlError(tr("Cannot label device %1").arg(name), label.lastError());
        }
    }
    return ok();
}

namespace {
QStringList labelsOf(const QSqlDatabase& db, qint64 deviceId)
{
    QStringList labels;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT label FROM device_labels WHERE device_id = ? ORDER BY label"));
    query.addBindValue(deviceId);
    if (query.exec()) {
        while (query.next())
            labels.append(query.value(0).toString());
    }
    return labels;
}
} // namespace

std::optional<DeviceRecord> Workspace::device(const QString& productKey, const QString& deviceName) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "SELECT d.id, d.note, d.secret IS NOT NULL FROM devices d"
        " JOIN products p ON p.id = d.product_id WHERE p.product_key = ? AND d.device_name = ?"));
    query.addBindValue(productKey);
    query.addBindValue(deviceName);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return DeviceRecord{productKey, deviceName, query.value(1).toString(),
                        labelsOf(database(), query.value(0).toLongLong()), query.value(2).toBool()};
}

QList<DeviceRecord> Workspace::devices(const QString& productKey, qint64 limit, qint64 offset) const
{
    QList<DeviceRecord> result;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT p.product_key, d.device_name, d.note, d.secret IS NOT NULL,"
                       " (SELECT group_concat(label, char(10)) FROM"
                       "   (SELECT label FROM device_labels l WHERE l.device_id = d.id ORDER BY label))"
                       " FROM devices d JOIN products p ON p.id = d.product_id") +
        (productKey.isEmpty() ? QString() : QStringLiteral(" WHERE p.product_key = ?")) +
        QStringLiteral(" ORDER BY d.id LIMIT ? OFFSET ?"));
    if (!productKey.isEmpty())
        query.addBindValue(productKey);
    query.addBindValue(limit);
    query.addBindValue(offset);
    if (query.exec()) {
        while (query.next()) {
            const QString labels = query.value(4).toString();
            result.append(DeviceRecord{
                query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                labels.isEmpty() ? QStringList() : labels.split(u'\n'), query.value(3).toBool()});
        }
    }
    return result;
}

qint64 Workspace::deviceCount(const QString& productKey) const
{
    QSqlQuery query(database());
    if (productKey.isEmpty()) {
        query.prepare(QStringLiteral("SELECT count(*) FROM devices"));
    } else {
        query.prepare(QStringLiteral("SELECT count(*) FROM devices d JOIN products p ON p.id = d.product_id"
                                     " WHERE p.product_key = ?"));
        query.addBindValue(productKey);
    }
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    return -1;
}

Expected<QByteArray> Workspace::deviceSecret(const QString& productKey, const QString& deviceName) const
{
    if (!m_sealer)
        return lockedError();
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT d.secret FROM devices d JOIN products p ON p.id = d.product_id"
                                 " WHERE p.product_key = ? AND d.device_name = ?"));
    query.addBindValue(productKey);
    query.addBindValue(deviceName);
    if (!query.exec())
        return sqlError(tr("Cannot read device %1/%2").arg(productKey, deviceName), query.lastError());
    if (!query.next())
        return storeError(tr("There is no device %1/%2 in the workspace.").arg(productKey, deviceName));
    const QByteArray sealed = query.value(0).toByteArray();
    if (sealed.isEmpty())
        return storeError(tr("Device %1/%2 has no DeviceSecret.").arg(productKey, deviceName));
    auto opened = m_sealer->open(sealed, secretAssociatedData(productKey, deviceName));
    if (!opened)
        return storeError(tr("Cannot open the DeviceSecret of %1/%2: %3")
                              .arg(productKey, deviceName, opened.error().message()));
    return opened;
}

Status Workspace::setDeviceSecret(const QString& productKey, const QString& deviceName,
                                  const QByteArray& secret)
{
    if (secret.isEmpty())
        return storeError(tr("The DeviceSecret of %1/%2 is empty.").arg(productKey, deviceName));
    const auto sealed = seal(productKey, deviceName, secret);
    if (!sealed)
        return sealed.error();
    const qint64 id = deviceId(productKey, deviceName);
    if (id < 0)
        return storeError(tr("There is no device %1/%2 in the workspace.").arg(productKey, deviceName));
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE devices SET secret = ? WHERE id = ?"));
    query.addBindValue(*sealed);
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(tr("Cannot store the DeviceSecret of %1/%2").arg(productKey, deviceName),
                        query.lastError());
    return transaction.commit();
}

Status Workspace::setDeviceNote(const QString& productKey, const QString& deviceName, const QString& note)
{
    const qint64 id = deviceId(productKey, deviceName);
    if (id < 0)
        return storeError(tr("There is no device %1/%2 in the workspace.").arg(productKey, deviceName));
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE devices SET note = ? WHERE id = ?"));
    query.addBindValue(text(note));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(tr("Cannot store the note of %1/%2").arg(productKey, deviceName), query.lastError());
    return transaction.commit();
}

Status Workspace::setDeviceLabels(const QString& productKey, const QString& deviceName,
                                  const QStringList& labels)
{
    const qint64 id = deviceId(productKey, deviceName);
    if (id < 0)
        return storeError(tr("There is no device %1/%2 in the workspace.").arg(productKey, deviceName));
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("DELETE FROM device_labels WHERE device_id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(tr("Cannot label device %1/%2").arg(productKey, deviceName), query.lastError());
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO device_labels (device_id, label) VALUES (?, ?)"));
    for (const QString& label : labels) {
        if (label.trimmed().isEmpty())
            return storeError(tr("A label of %1/%2 is empty.").arg(productKey, deviceName));
        query.bindValue(0, id);
        query.bindValue(1, label.trimmed());
        if (!query.exec())
            return sqlError(tr("Cannot label device %1/%2").arg(productKey, deviceName), query.lastError());
    }
    return transaction.commit();
}

Status Workspace::removeDevice(const QString& productKey, const QString& deviceName)
{
    const qint64 id = deviceId(productKey, deviceName);
    if (id < 0)
        return storeError(tr("There is no device %1/%2 in the workspace.").arg(productKey, deviceName));
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("DELETE FROM devices WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(tr("Cannot remove device %1/%2").arg(productKey, deviceName), query.lastError());
    return transaction.commit();
}

// ---- configuration versions ----

Expected<QString> Workspace::addConfigVersion(const QByteArray& content, const QString& productKey,
                                              const QString& label, ConfigOrigin origin)
{
    if (productKey.isEmpty())
        return storeError(tr("A configuration version needs a ProductKey."), QStringLiteral("productKey"));
    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery query(database());
    // The same bytes are the same version: a second add keeps the first one's metadata.
    query.prepare(QStringLiteral(
        "INSERT INTO config_versions (sha256, content, size, product_key, created, label, origin)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING"));
    query.addBindValue(sha256);
    query.addBindValue(content.isNull() ? QByteArray("") : content);
    query.addBindValue(qint64(content.size()));
    query.addBindValue(productKey);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(text(label));
    query.addBindValue(int(origin));
    if (!query.exec())
        return sqlError(tr("Cannot store configuration version"), query.lastError());
    if (const Status committed = transaction.commit(); !committed)
        return committed.error();
    return sha256;
}

namespace {
ConfigVersion versionFrom(const QSqlQuery& query, bool withContent)
{
    ConfigVersion version;
    version.sha256 = query.value(0).toString();
    version.size = query.value(1).toLongLong();
    version.productKey = query.value(2).toString();
    version.created = fromMs(query.value(3));
    version.label = query.value(4).toString();
    version.origin = ConfigOrigin(query.value(5).toInt());
    if (withContent)
        version.content = query.value(6).toByteArray();
    return version;
}
} // namespace

std::optional<ConfigVersion> Workspace::configVersion(const QString& sha256) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT sha256, size, product_key, created, label, origin, content"
                                 " FROM config_versions WHERE sha256 = ?"));
    query.addBindValue(sha256.toLower());
    if (query.exec() && query.next())
        return versionFrom(query, true);
    return std::nullopt;
}

QList<ConfigVersion> Workspace::configVersions(const QString& productKey, bool withContent) const
{
    QList<ConfigVersion> result;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(withContent
                      ? QStringLiteral("SELECT sha256, size, product_key, created, label, origin, content"
                                       " FROM config_versions WHERE product_key = ? ORDER BY created, id")
                      : QStringLiteral("SELECT sha256, size, product_key, created, label, origin"
                                       " FROM config_versions WHERE product_key = ? ORDER BY created, id"));
    query.addBindValue(productKey);
    if (query.exec()) {
        while (query.next())
            result.append(versionFrom(query, withContent));
    }
    return result;
}

// ---- device state ----

Status Workspace::applyStateUpdates(const QList<DeviceStateUpdate>& updates)
{
    if (updates.isEmpty())
        return ok();
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery find(database());
    find.prepare(QStringLiteral("SELECT d.id FROM devices d JOIN products p ON p.id = d.product_id"
                                " WHERE p.product_key = ? AND d.device_name = ?"));
    QSqlQuery upsert(database());
    // Each field has a "given" flag: a partial update leaves the other columns as they are.
    upsert.prepare(
        QStringLiteral("INSERT INTO device_state (device_id, config_id, sha256, state, last_code, "
                       "code_source, last_message, online)"
                       " VALUES (:id, coalesce(:config, ''), coalesce(:sha, ''), coalesce(:state, 0), :code, "
                       "coalesce(:source, 0),"
                       " :time, coalesce(:online, 0))"
                       " ON CONFLICT (device_id) DO UPDATE SET"
                       " config_id = CASE WHEN :hasConfig THEN excluded.config_id ELSE config_id END,"
                       " sha256 = CASE WHEN :hasSha THEN excluded.sha256 ELSE sha256 END,"
                       " state = CASE WHEN :hasState THEN excluded.state ELSE state END,"
                       " last_code = CASE WHEN :hasCode THEN excluded.last_code ELSE last_code END,"
                       " code_source = CASE WHEN :hasSource THEN excluded.code_source ELSE code_source END,"
                       " last_message = CASE WHEN :hasTime THEN excluded.last_message ELSE last_message END,"
                       " online = CASE WHEN :hasOnline THEN excluded.online ELSE online END"));
    QSqlQuery held(database());
    held.prepare(QStringLiteral(
        "INSERT INTO held_versions (device_id, sha256, config_id, first_seen, last_seen)"
        " SELECT device_id, sha256, config_id, :first, :last FROM device_state"
        " WHERE device_id = :id AND sha256 != '' ON CONFLICT (device_id, sha256) DO UPDATE SET"
        " last_seen = max(last_seen, excluded.last_seen),"
        " config_id = CASE WHEN excluded.config_id != '' THEN excluded.config_id ELSE config_id END"));
    const QVariant nullText(QMetaType::fromType<QString>());
    const QVariant nullInt(QMetaType::fromType<int>());
    for (const DeviceStateUpdate& update : updates) {
        find.bindValue(0, update.productKey);
        find.bindValue(1, update.deviceName);
        if (!find.exec())
            return sqlError(tr("Cannot update device state"), find.lastError());
        if (!find.next())
            return storeError(
                tr("There is no device %1/%2 in the workspace.").arg(update.productKey, update.deviceName));
        const qint64 id = find.value(0).toLongLong();
        find.finish();
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
            return sqlError(tr("Cannot update the state of %1/%2").arg(update.productKey, update.deviceName),
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
                return sqlError(
                    tr("Cannot update the state of %1/%2").arg(update.productKey, update.deviceName),
                    held.lastError());
        }
    }
    return transaction.commit();
}

QList<HeldVersion> Workspace::heldVersions(const QString& productKey, const QString& deviceName) const
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT h.sha256, h.config_id, h.first_seen, h.last_seen FROM held_versions h"
                       " JOIN devices d ON d.id = h.device_id JOIN products p ON p.id = d.product_id"
                       " WHERE p.product_key = ? AND d.device_name = ? ORDER BY h.first_seen, h.sha256"));
    query.addBindValue(productKey);
    query.addBindValue(deviceName);
    QList<HeldVersion> versions;
    if (!query.exec())
        return versions;
    while (query.next()) {
        HeldVersion version;
        version.sha256 = query.value(0).toString();
        version.configId = query.value(1).toString();
        version.firstSeen = QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC);
        version.lastSeen = QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC);
        versions << version;
    }
    return versions;
}

std::optional<DeviceState> Workspace::deviceState(const QString& productKey, const QString& deviceName) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "SELECT s.config_id, s.sha256, s.state, s.last_code, s.code_source, s.last_message, s.online, d.id"
        " FROM devices d JOIN products p ON p.id = d.product_id LEFT JOIN device_state s ON s.device_id = "
        "d.id"
        " WHERE p.product_key = ? AND d.device_name = ?"));
    query.addBindValue(productKey);
    query.addBindValue(deviceName);
    if (!query.exec() || !query.next())
        return std::nullopt;
    DeviceState state;
    state.productKey = productKey;
    state.deviceName = deviceName;
    state.configId = query.value(0).toString();
    state.sha256 = query.value(1).toString();
    state.state = ConfigState(query.value(2).toInt());
    state.lastReplyCode = optionalInt(query.value(3));
    state.replySource = Alink::ReplySource(query.value(4).toInt());
    state.lastMessageTime = fromMs(query.value(5));
    state.online = query.value(6).toInt() != 0;
    return state;
}

// ---- message log ----

MessageLogRetention Workspace::retention() const
{
    MessageLogRetention retention;
    retention.maxRows =
        setting(QStringLiteral("log.maxRows"), QString::number(retention.maxRows)).toLongLong();
    retention.maxAgeDays =
        setting(QStringLiteral("log.maxAgeDays"), QString::number(retention.maxAgeDays)).toInt();
    retention.maxPayloadBytes =
        setting(QStringLiteral("log.maxPayloadBytes"), QString::number(retention.maxPayloadBytes))
            .toLongLong();
    return retention;
}

Status Workspace::setRetention(const MessageLogRetention& retention)
{
    if (retention.maxRows < 1 || retention.maxAgeDays < 0 || retention.maxPayloadBytes < 0)
        return storeError(
            tr("The message log must keep at least one message, and its limits cannot be negative."));
    for (const auto& [key, value] :
         {std::pair{QStringLiteral("log.maxRows"), retention.maxRows},
          std::pair{QStringLiteral("log.maxAgeDays"), qint64(retention.maxAgeDays)},
          std::pair{QStringLiteral("log.maxPayloadBytes"), retention.maxPayloadBytes}}) {
        if (const Status stored = setSetting(key, QString::number(value)); !stored)
            return stored;
    }
    const auto pruned = pruneMessages();
    if (!pruned)
        return pruned.error();
    return ok();
}

Status Workspace::pruneLocked(const MessageLogRetention& retention, const QDateTime& now)
{
    QSqlQuery query(database());
    // Row ids only grow and only the oldest rows are deleted, so "id <= max - maxRows" keeps at most
    // maxRows rows without counting them.
    query.prepare(
        QStringLiteral("DELETE FROM message_log WHERE id <= (SELECT max(id) FROM message_log) - ?"));
    query.addBindValue(retention.maxRows);
    if (!query.exec())
        return sqlError(tr("Cannot prune the message log"), query.lastError());
    if (retention.maxAgeDays > 0) {
        query.prepare(QStringLiteral("DELETE FROM message_log WHERE time < ?"));
        query.addBindValue(now.addDays(-retention.maxAgeDays).toMSecsSinceEpoch());
        if (!query.exec())
            return sqlError(tr("Cannot prune the message log"), query.lastError());
    }
    return ok();
}

Expected<qint64> Workspace::pruneMessages(const QDateTime& now)
{
    const qint64 before = messageCount();
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun.error();
    if (const Status pruned = pruneLocked(retention(), now); !pruned)
        return pruned.error();
    if (const Status committed = transaction.commit(); !committed)
        return committed.error();
    return before - messageCount();
}

Status Workspace::appendMessages(QList<MessageLogEntry> entries)
{
    if (entries.isEmpty())
        return ok();
    const MessageLogRetention limits = retention();
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery insert(database());
    insert.prepare(QStringLiteral(
        "INSERT INTO message_log (time, product_key, device_name, direction, topic,"
        " message_id, code, latency_ms, payload, truncated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (MessageLogEntry& entry : entries) {
        if (!entry.time.isValid())
            entry.time = QDateTime::currentDateTimeUtc();
        if (limits.maxPayloadBytes >= 0 && entry.payload.size() > limits.maxPayloadBytes) {
            entry.payload.truncate(limits.maxPayloadBytes);
            entry.payloadTruncated = true;
        }
        insert.bindValue(0, entry.time.toMSecsSinceEpoch());
        insert.bindValue(1, text(entry.productKey));
        insert.bindValue(2, text(entry.deviceName));
        insert.bindValue(3, int(entry.direction));
        insert.bindValue(4, text(entry.topic));
        insert.bindValue(5, text(entry.messageId));
        insert.bindValue(6, intOrNull(entry.code));
        insert.bindValue(7, intOrNull(entry.latencyMs));
        insert.bindValue(8, entry.payload.isNull() ? QByteArray("") : entry.payload);
        insert.bindValue(9, entry.payloadTruncated ? 1 : 0);
        if (!insert.exec())
            return sqlError(tr("Cannot write the message log"), insert.lastError());
    }
    if (const Status pruned = pruneLocked(limits, QDateTime::currentDateTimeUtc()); !pruned)
        return pruned;
    return transaction.commit();
}

QList<MessageLogEntry> Workspace::messages(const QString& productKey, const QString& deviceName,
                                           qint64 limit) const
{
    QList<MessageLogEntry> result;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    // Newest first.
    query.prepare(QStringLiteral("SELECT id, time, product_key, device_name, direction, topic, message_id, "
                                 "code, latency_ms, payload, truncated"
                                 " FROM message_log WHERE 1") +
                  (productKey.isEmpty() ? QString() : QStringLiteral(" AND product_key = ?")) +
                  (deviceName.isEmpty() ? QString() : QStringLiteral(" AND device_name = ?")) +
                  QStringLiteral(" ORDER BY id DESC LIMIT ?"));
    if (!productKey.isEmpty())
        query.addBindValue(productKey);
    if (!deviceName.isEmpty())
        query.addBindValue(deviceName);
    query.addBindValue(limit);
    if (query.exec()) {
        while (query.next()) {
            MessageLogEntry entry;
            entry.id = query.value(0).toLongLong();
            entry.time = fromMs(query.value(1));
            entry.productKey = query.value(2).toString();
            entry.deviceName = query.value(3).toString();
            entry.direction = MessageDirection(query.value(4).toInt());
            entry.topic = query.value(5).toString();
            entry.messageId = query.value(6).toString();
            entry.code = optionalInt(query.value(7));
            entry.latencyMs = optionalInt(query.value(8));
            entry.payload = query.value(9).toByteArray();
            entry.payloadTruncated = query.value(10).toInt() != 0;
            result.append(entry);
        }
    }
    return result;
}

qint64 Workspace::messageCount() const
{
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("SELECT count(*) FROM message_log")) && query.next())
        return query.value(0).toLongLong();
    return -1;
}

// ---- rollouts ----

Expected<qint64> Workspace::createRollout(const RolloutRecord& rollout)
{
    if (rollout.productKey.isEmpty())
        return storeError(tr("A rollout needs a ProductKey."), QStringLiteral("productKey"));
    if (!configVersion(rollout.configSha256))
        return storeError(
            tr("There is no configuration version %1 in the workspace.").arg(rollout.configSha256),
            QStringLiteral("configSha256"));
    if (rollout.batchSize < 1 || rollout.ratePerMinute < 0 || rollout.timeoutMs < 1 ||
        rollout.abortThreshold < 0 || rollout.abortThreshold > 1)
        return storeError(
            tr("A rollout needs a batch size of at least 1, a positive timeout and an abort threshold "
               "between 0 and 1."));
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO rollouts (name, product_key, config_sha256, state, batch_size,"
                                 " rate_per_minute, timeout_ms, abort_threshold, created, started, finished)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(text(rollout.name));
    query.addBindValue(text(rollout.productKey));
    query.addBindValue(rollout.configSha256.toLower());
    query.addBindValue(int(rollout.state));
    query.addBindValue(rollout.batchSize);
    query.addBindValue(rollout.ratePerMinute);
    query.addBindValue(rollout.timeoutMs);
    query.addBindValue(rollout.abortThreshold);
    query.addBindValue(rollout.created.isValid() ? rollout.created.toMSecsSinceEpoch()
                                                 : QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(msOrNull(rollout.started));
    query.addBindValue(msOrNull(rollout.finished));
    if (!query.exec())
        return sqlError(tr("Cannot store the rollout"), query.lastError());
    const qint64 id = query.lastInsertId().toLongLong();
    if (const Status committed = transaction.commit(); !committed)
        return committed.error();
    return id;
}

Status Workspace::updateRollout(const RolloutRecord& rollout)
{
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("UPDATE rollouts SET name = ?, state = ?, started = ?, finished = ? WHERE id = ?"));
    query.addBindValue(text(rollout.name));
    query.addBindValue(int(rollout.state));
    query.addBindValue(msOrNull(rollout.started));
    query.addBindValue(msOrNull(rollout.finished));
    query.addBindValue(rollout.id);
    if (!query.exec())
        return sqlError(tr("Cannot update rollout %1").arg(rollout.id), query.lastError());
    if (query.numRowsAffected() == 0)
        return storeError(tr("There is no rollout %1 in the workspace.").arg(rollout.id));
    return transaction.commit();
}

namespace {
constexpr auto kRolloutColumns =
    "SELECT id, name, product_key, config_sha256, state, batch_size, rate_per_minute,"
    " timeout_ms, abort_threshold, created, started, finished FROM rollouts";
RolloutRecord rolloutFrom(const QSqlQuery& query)
{
    RolloutRecord rollout;
    rollout.id = query.value(0).toLongLong();
    rollout.name = query.value(1).toString();
    rollout.productKey = query.value(2).toString();
    rollout.configSha256 = query.value(3).toString();
    rollout.state = RolloutState(query.value(4).toInt());
    rollout.batchSize = query.value(5).toInt();
    rollout.ratePerMinute = query.value(6).toInt();
    rollout.timeoutMs = query.value(7).toInt();
    rollout.abortThreshold = query.value(8).toDouble();
    rollout.created = fromMs(query.value(9));
    rollout.started = fromMs(query.value(10));
    rollout.finished = fromMs(query.value(11));
    return rollout;
}
} // namespace

std::optional<RolloutRecord> Workspace::rollout(qint64 id) const
{
    QSqlQuery query(database());
    query.prepare(QLatin1StringView(kRolloutColumns) + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(id);
    if (query.exec() && query.next())
        return rolloutFrom(query);
    return std::nullopt;
}

QList<RolloutRecord> Workspace::rollouts() const
{
    QList<RolloutRecord> result;
    QSqlQuery query(database());
    if (query.exec(QLatin1StringView(kRolloutColumns) + QStringLiteral(" ORDER BY id"))) {
        while (query.next())
            result.append(rolloutFrom(query));
    }
    return result;
}

Status Workspace::setRolloutOutcomes(qint64 rolloutId, const QList<RolloutOutcome>& outcomes)
{
    if (!rollout(rolloutId))
        return storeError(tr("There is no rollout %1 in the workspace.").arg(rolloutId));
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery find(database());
    find.prepare(QStringLiteral("SELECT d.id FROM devices d JOIN products p ON p.id = d.product_id"
                                " WHERE p.product_key = ? AND d.device_name = ?"));
    QSqlQuery upsert(database());
    upsert.prepare(
        QStringLiteral("INSERT INTO rollout_outcomes (rollout_id, device_id, state, reply_code, updated,"
                       " message) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (rollout_id, device_id) DO UPDATE SET"
                       " state = excluded.state, reply_code = excluded.reply_code,"
                       " updated = excluded.updated, message = excluded.message"));
    for (const RolloutOutcome& outcome : outcomes) {
        find.bindValue(0, outcome.productKey);
        find.bindValue(1, outcome.deviceName);
        if (!find.exec() || !find.next())
            return storeError(
                tr("There is no device %1/%2 in the workspace.").arg(outcome.productKey, outcome.deviceName));
        const qint64 deviceRow = find.value(0).toLongLong();
        find.finish();
        upsert.bindValue(0, rolloutId);
        upsert.bindValue(1, deviceRow);
        upsert.bindValue(2, int(outcome.state));
        upsert.bindValue(3, intOrNull(outcome.replyCode));
        upsert.bindValue(4, outcome.updated.isValid() ? outcome.updated.toMSecsSinceEpoch()
                                                      : QDateTime::currentMSecsSinceEpoch());
        upsert.bindValue(5, text(outcome.message));
        if (!upsert.exec())
            return sqlError(
                tr("Cannot store the outcome of %1/%2").arg(outcome.productKey, outcome.deviceName),
                upsert.lastError());
    }
    return transaction.commit();
}

QList<RolloutOutcome> Workspace::rolloutOutcomes(qint64 rolloutId) const
{
    QList<RolloutOutcome> result;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT p.product_key, d.device_name, o.state, o.reply_code, o.updated, o.message"
                       " FROM rollout_outcomes o JOIN devices d ON d.id = o.device_id"
                       " JOIN products p ON p.id = d.product_id WHERE o.rollout_id = ? ORDER BY d.id"));
    query.addBindValue(rolloutId);
    if (query.exec()) {
        while (query.next()) {
            result.append(RolloutOutcome{query.value(0).toString(), query.value(1).toString(),
                                         OutcomeState(query.value(2).toInt()), optionalInt(query.value(3)),
                                         fromMs(query.value(4)), query.value(5).toString()});
        }
    }
    return result;
}

} // namespace ConfigDeck::Store
