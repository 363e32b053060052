#pragma once

#include "StoreTypes.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <memory>

namespace ConfigDeck::Store {

class SecretSealer;

// One workspace = one SQLite file (WAL). Every write runs in a transaction; an existing file is checked
// (SQLite header, ConfigDeck application id, schema version, quick_check) before anything is written to it.
class Workspace final
{
    Q_DECLARE_TR_FUNCTIONS(Workspace)
    Q_DISABLE_COPY_MOVE(Workspace)

public:
    enum class OpenMode
    {
        CreateOrOpen, // create the file when it does not exist
        OpenExisting, // fail when it does not exist
    };

    // "CDk1": PRAGMA application_id of every ConfigDeck workspace.
    static constexpr qint32 kApplicationId = 0x43446b31;
    static constexpr int kSchemaVersion = 3;

    // One schema step: applied in a transaction, then user_version = version.
    struct Migration
    {
        int version;
        QList<const char*> statements;
    };
    static const QList<Migration>& migrations();

    static Alink::Expected<std::unique_ptr<Workspace>> open(const QString& path,
                                                            OpenMode mode = OpenMode::CreateOrOpen);
    ~Workspace();

    QString path() const { return m_path; }
    QString workspaceId() const;
    int schemaVersion() const;

    // The key record (KeyVault's blob) that unlocks this workspace's secrets.
    QByteArray keyRecord() const;
    Status setKeyRecord(const QByteArray& record);
    // Without a sealer the workspace is locked: secrets can be neither read nor written.
    void setSealer(std::shared_ptr<const SecretSealer> sealer);
    std::shared_ptr<const SecretSealer> sealer() const { return m_sealer; }
    bool isLocked() const { return !m_sealer; }
    static Alink::AlinkError lockedError();

    // A consistent copy of the whole workspace in a new file (SQLite VACUUM INTO): secrets stay sealed
    // under the same key. The target must not exist yet.
    Status saveCopy(const QString& targetPath) const;

    QString setting(const QString& key, const QString& defaultValue = {}) const;
    Status setSetting(const QString& key, const QString& value);

    // Products
    Status upsertProduct(const ProductRecord& product);
    std::optional<ProductRecord> product(const QString& productKey) const;
    QList<ProductRecord> products() const;
    Status removeProduct(const QString& productKey); // also removes its devices

    // Devices. The secret is sealed with associated data "ProductKey/DeviceName".
    Status addDevice(const DeviceRecord& device, const QByteArray& secret);
    Status addDevices(const QList<DeviceRecord>& devices, const QList<QByteArray>& secrets);
    std::optional<DeviceRecord> device(const QString& productKey, const QString& deviceName) const;
    QList<DeviceRecord> devices(const QString& productKey = {}, qint64 limit = -1, qint64 offset = 0) const;
    qint64 deviceCount(const QString& productKey = {}) const;
    Alink::Expected<QByteArray> deviceSecret(const QString& productKey, const QString& deviceName) const;
    Status setDeviceSecret(const QString& productKey, const QString& deviceName, const QByteArray& secret);
    Status setDeviceNote(const QString& productKey, const QString& deviceName, const QString& note);
    Status setDeviceLabels(const QString& productKey, const QString& deviceName, const QStringList& labels);
    Status removeDevice(const QString& productKey, const QString& deviceName);

    // Configuration versions, content-addressed: the same bytes twice are one version.
    Alink::Expected<QString> addConfigVersion(const QByteArray& content, const QString& productKey,
                                              const QString& label, ConfigOrigin origin);
    std::optional<ConfigVersion> configVersion(const QString& sha256) const;
    QList<ConfigVersion> configVersions(const QString& productKey, bool withContent = false) const;

    // Per-device configuration state; the whole list is one transaction.
    Status applyStateUpdates(const QList<DeviceStateUpdate>& updates);
    std::optional<DeviceState> deviceState(const QString& productKey, const QString& deviceName) const;
    // The configurations the device was seen holding (updates with a sha256 and state Verified or Applied),
    // in the order first seen.
    QList<HeldVersion> heldVersions(const QString& productKey, const QString& deviceName) const;

    // Message log, bounded by the retention setting (oldest rows pruned after each append).
    Status appendMessages(QList<MessageLogEntry> entries);
    QList<MessageLogEntry> messages(const QString& productKey = {}, const QString& deviceName = {},
                                    qint64 limit = 1000) const;
    qint64 messageCount() const;
    MessageLogRetention retention() const;
    Status setRetention(const MessageLogRetention& retention); // prunes at once
    Alink::Expected<qint64> pruneMessages(const QDateTime& now = QDateTime::currentDateTimeUtc());

    // Rollouts and each device's outcome in them.
    Alink::Expected<qint64> createRollout(const RolloutRecord& rollout);
    Status updateRollout(const RolloutRecord& rollout);
    std::optional<RolloutRecord> rollout(qint64 id) const;
    QList<RolloutRecord> rollouts() const;
    Status setRolloutOutcomes(qint64 rolloutId, const QList<RolloutOutcome>& outcomes);
    QList<RolloutOutcome> rolloutOutcomes(qint64 rolloutId) const;

    // For the store's own classes (CsvImport, CsvExport, FleetModel): the connection of this workspace.
    QSqlDatabase database() const;
    // A readable error for a failed statement.
    static Alink::AlinkError sqlError(const QString& what, const QSqlError& error);

private:
    Workspace(QString path, QString connectionName);
    Status migrate(int fromVersion);
    Status configure();
    qint64 productId(const QString& productKey) const;
    qint64 deviceId(const QString& productKey, const QString& deviceName) const;
    Status ensureProduct(const QString& productKey, qint64* id);
    Alink::Expected<QByteArray> seal(const QString& productKey, const QString& deviceName,
                                     const QByteArray& secret) const;
    Status insertDevices(const QList<DeviceRecord>& devices, const QList<QByteArray>& secrets);
    Status pruneLocked(const MessageLogRetention& retention, const QDateTime& now);

    QString m_path;
    QString m_connectionName;
    std::shared_ptr<const SecretSealer> m_sealer;
};

// BEGIN IMMEDIATE .. COMMIT, rolled back when it goes out of scope uncommitted.
class Transaction final
{
    Q_DISABLE_COPY_MOVE(Transaction)

public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Status begin();
    Status commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace ConfigDeck::Store
