#pragma once

#include "store/StoreTypes.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <deque>

namespace ConfigDeck::Ui {

// Every Alink message in or out, newest first, in a bounded ring: after `capacity` rows the oldest go, so a
// session of days keeps a constant footprint (the workspace keeps the long history). Bursts are appended
// in batches: one beginInsertRows per batch, not per message.
class MessageLogModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        DirectionColumn,
        DeviceColumn,
        TopicColumn,
        CodeColumn,
        SizeColumn,
        OperatorColumn, // who was at the console that recorded it
        ColumnCount
    };
    enum Role
    {
        DirectionRole = Qt::UserRole + 1,
        CodeRole,
        ProductKeyRole,
        DeviceNameRole,
        TopicRole,
        PayloadRole,
        OperatorRole
    };
    static constexpr int kDefaultCapacity = 50000;

    explicit MessageLogModel(QObject* parent = nullptr);
    void setCapacity(int rows);
    int capacity() const { return m_capacity; }
    // Queued and shown within the coalescing interval; flushPending() shows them now.
    void append(const Store::MessageLogEntry& entry);
    // Replaces the contents (entries in any order; they are sorted newest first).
    void setEntries(QList<Store::MessageLogEntry> entries);
    void flushPending();
    void clear();
    const Store::MessageLogEntry& entryAt(int row) const { return m_entries[size_t(row)]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::deque<Store::MessageLogEntry> m_entries; // front = newest
    QList<Store::MessageLogEntry> m_pending;
    QTimer m_flush;
    int m_capacity = kDefaultCapacity;
};

} // namespace ConfigDeck::Ui
