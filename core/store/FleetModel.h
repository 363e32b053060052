#pragma once

#include "StoreTypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

#include <vector>

namespace ConfigDeck::Store {

class Workspace;

// Every device of a workspace with its configuration state, one plain record per row (no QObject per
// device), found by (ProductKey, DeviceName) through a hash. Changes arrive in batches and become one
// dataChanged over the touched range; new devices one beginInsertRows.
class FleetModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetModel)

public:
    enum Column
    {
        ProductKeyColumn,
        DeviceNameColumn,
        OnlineColumn,
        ConfigColumn,
        StateColumn,
        LastCodeColumn,
        LastMessageColumn,
        ColumnCount
    };

    enum Role
    {
        ProductKeyRole = Qt::UserRole + 1, // QString
        DeviceNameRole,                    // QString
        OnlineRole,                        // bool
        ConfigIdRole,                      // QString
        Sha256Role,                        // QString, 64 hex characters or empty
        StateRole,                         // int (ConfigState)
        ReplyCodeRole,                     // int, or an invalid QVariant when no code was received
        ReplySourceRole,                   // int (Alink::ReplySource)
        LastMessageTimeRole,               // QDateTime (UTC), invalid when none
        CategoryColorRole, // QString "#rrggbb" of the reply code's category, invalid without code
    };

    // One device. Product keys are stored once (m_productKeys) and referenced by index.
    using Row = FleetRow;

    explicit FleetModel(QObject* parent = nullptr);
    ~FleetModel() override;

    // Replaces the rows with the workspace's devices and their state.
    Status loadFrom(const Workspace& workspace);
    void clear();

    // New devices go to the end under one beginInsertRows; devices already present are left as they are.
    // Returns how many were added.
    int appendDevices(const QList<DeviceState>& devices);
    // Applies changes at once: one dataChanged over the touched rows (all rows when more than half
    // changed). Unknown devices are ignored; returns how many rows changed.
    int applyUpdates(const QList<DeviceStateUpdate>& updates);
    // Collects changes and applies them together after a short delay (for bursts of single updates).
    void queueUpdates(const QList<DeviceStateUpdate>& updates);
    void flushQueuedUpdates();
    void setCoalesceInterval(int milliseconds) { m_flushTimer.setInterval(milliseconds); }

    int rowOf(const QString& productKey, const QString& deviceName) const;
    const Row& rowAt(int row) const { return m_rows[size_t(row)]; }
    const QString& productKeyAt(int row) const { return m_productKeys.at(m_rows[size_t(row)].productIndex); }
    const QStringList& productKeys() const { return m_productKeys; }

    static QString stateName(ConfigState state);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Key
    {
        int productIndex;
        QString deviceName;
        bool operator==(const Key&) const = default;
    };
    friend size_t qHash(const Key& key, size_t seed) noexcept
    {
        return qHashMulti(seed, key.productIndex, key.deviceName);
    }

    int productIndex(const QString& productKey);
    void rebuildIndex();

    std::vector<Row> m_rows;
    QHash<Key, int> m_index;
    QStringList m_productKeys;
    QHash<QString, int> m_productIndex;
    QList<DeviceStateUpdate> m_queued;
    QTimer m_flushTimer;
};

} // namespace ConfigDeck::Store
