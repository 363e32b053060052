#include "MessageLogModel.h"

#include "OutcomeColors.h"
#include "alink/ReplyCodeCatalog.h"

#include <QColor>
#include <QLocale>

#include <algorithm>

namespace ConfigDeck::Ui {

MessageLogModel::MessageLogModel(QObject* parent)
    : QAbstractTableModel(parent)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(100);
    connect(&m_flush, &QTimer::timeout, this, &MessageLogModel::flushPending);
}

void MessageLogModel::setCapacity(int rows)
{
    m_capacity = qMax(1, rows);
    if (int(m_entries.size()) > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_entries.size()) - 1);
        m_entries.resize(size_t(m_capacity));
        endRemoveRows();
    }
}

void MessageLogModel::append(const Store::MessageLogEntry& entry)
{
    m_pending << entry;
    if (!m_flush.isActive())
        m_flush.start();
}

void MessageLogModel::flushPending()
{
    m_flush.stop();
    if (m_pending.isEmpty())
        return;
    QList<Store::MessageLogEntry> batch;
    batch.swap(m_pending);
    if (batch.size() > m_capacity)
        batch.remove(0, batch.size() - m_capacity);
    const int incoming = int(batch.size());
    const int overflow = int(m_entries.size()) + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, int(m_entries.size()) - overflow, int(m_entries.size()) - 1);
        m_entries.resize(m_entries.size() - size_t(overflow));
        endRemoveRows();
    }
    beginInsertRows({}, 0, incoming - 1);
    // The batch is oldest first; the newest ends up in row 0.
    for (const Store::MessageLogEntry& entry : std::as_const(batch))
        m_entries.push_front(entry);
    endInsertRows();
}

void MessageLogModel::setEntries(QList<Store::MessageLogEntry> entries)
{
    beginResetModel();
    m_pending.clear();
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return a.time != b.time ? a.time > b.time : a.id > b.id;
    });
    if (entries.size() > m_capacity)
        entries.resize(m_capacity);
    m_entries.assign(entries.cbegin(), entries.cend());
    endResetModel();
}

void MessageLogModel::clear()
{
    setEntries({});
}

int MessageLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int MessageLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_entries.size()))
        return {};
    const Store::MessageLogEntry& entry = m_entries[size_t(index.row())];
    const bool in = entry.direction == Store::MessageDirection::In;
    const bool edit = entry.direction == Store::MessageDirection::Edit;
    // A device's reply arrives "in"; a platform's get_reply goes "out".
    const auto source = entry.topic.contains(QLatin1StringView("get_reply")) ? Alink::ReplySource::Platform
                                                                             : Alink::ReplySource::Device;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(entry.time.toLocalTime(), QStringLiteral("HH:mm:ss.zzz"));
        case DirectionColumn:
            return edit ? tr("Edit") : in ? tr("In") : tr("Out");
        case DeviceColumn:
            return entry.productKey + u'/' + entry.deviceName;
        case TopicColumn:
            return entry.topic;
        case CodeColumn:
            return entry.code ? QStringLiteral("%1 %2")
                                    .arg(*entry.code)
                                    .arg(Alink::ReplyCodeCatalog::lookup(*entry.code, source).displayName())
                              : QString();
        case SizeColumn:
            return edit ? QString() : QLocale().formattedDataSize(entry.payload.size());
        case OperatorColumn:
            return entry.operatorName;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == CodeColumn && entry.code) {
            const auto info = Alink::ReplyCodeCatalog::lookup(*entry.code, source);
            return QStringLiteral("%1 %2: %3")
                .arg(*entry.code)
                .arg(info.displayName(), info.displayMeaning());
        }
        if (index.column() == TimeColumn)
            return QLocale().toString(entry.time.toLocalTime(), QLocale::LongFormat);
        if (index.column() == DirectionColumn)
            return edit ? tr("Changed by hand in the console")
                   : in ? tr("Received by ConfigDeck")
                        : tr("Sent by ConfigDeck");
        break;
    case Qt::UserRole + 100: // badge colour for the code column
        if (index.column() == CodeColumn && entry.code)
            return OutcomeColors::codeColor(*entry.code, source);
        break;
    case Qt::ForegroundRole:
        if (index.column() == DirectionColumn)
            return QColor(edit ? QStringLiteral("#6b6b6b")
                          : in ? QStringLiteral("#2b7bb9")
                               : QStringLiteral("#b9772b"));
        break;
    case DirectionRole:
        return int(entry.direction);
    case CodeRole:
        return entry.code ? QVariant(*entry.code) : QVariant();
    case ProductKeyRole:
        return entry.productKey;
    case DeviceNameRole:
        return entry.deviceName;
    case TopicRole:
        return entry.topic;
    case PayloadRole:
        return entry.payload;
    case OperatorRole:
        return entry.operatorName;
    }
    return {};
}

QVariant MessageLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case DirectionColumn:
        return tr("Direction");
    case DeviceColumn:
        return tr("Device");
    case TopicColumn:
        return tr("Topic");
    case CodeColumn:
        return tr("Code");
    case SizeColumn:
        return tr("Size");
    case OperatorColumn:
        return tr("Operator");
    }
    return {};
}

} // namespace ConfigDeck::Ui
