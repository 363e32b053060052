#include "FleetModel.h"

#include "StoreLog.h"
#include "Workspace.h"

#include <QElapsedTimer>
#include <QLocale>

#include <algorithm>

namespace ConfigDeck::Store {

using Alink::ReplyCodeCatalog;

FleetModel::FleetModel(QObject* parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &FleetModel::flushQueuedUpdates);
}

FleetModel::~FleetModel() = default;

QString FleetModel::stateName(ConfigState state)
{
    switch (state) {
    case ConfigState::Unknown:
        return tr("Unknown");
    case ConfigState::Requested:
        return tr("Requested");
    case ConfigState::Pushed:
        return tr("Pushed");
    case ConfigState::Downloading:
        return tr("Downloading");
    case ConfigState::Verified:
        return tr("Verified");
    case ConfigState::Applied:
        return tr("Applied");
    case ConfigState::Failed:
        return tr("Failed");
    }
    return tr("Unknown");
}

int FleetModel::productIndex(const QString& productKey)
{
    const auto it = m_productIndex.constFind(productKey);
    if (it != m_productIndex.cend())
        return it.value();
    m_productKeys.append(productKey);
    m_productIndex.insert(productKey, int(m_productKeys.size() - 1));
    return int(m_productKeys.size() - 1);
}

void FleetModel::rebuildIndex()
{
    m_index.clear();
    m_index.reserve(qsizetype(m_rows.size()));
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_index.insert(Key{m_rows[i].productIndex, m_rows[i].deviceName}, int(i));
}

Status FleetModel::loadFrom(const Workspace& workspace)
{
    QElapsedTimer timer;
    timer.start();
    auto fleet = workspace.deviceStates().fleet();
    if (!fleet)
        return fleet.error();
    QHash<QString, int> productIndexes;
    productIndexes.reserve(fleet->productKeys.size());
    for (int i = 0; i < fleet->productKeys.size(); ++i)
        productIndexes.insert(fleet->productKeys.at(i), i);
    beginResetModel();
    m_rows = std::move(fleet->rows);
    m_productKeys = std::move(fleet->productKeys);
    m_productIndex = std::move(productIndexes);
    m_queued.clear();
    rebuildIndex();
    endResetModel();
    qCInfo(lcStore) << "fleet model loaded" << m_rows.size() << "devices in" << timer.elapsed() << "ms";
    return ok();
}

void FleetModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_productKeys.clear();
    m_productIndex.clear();
    m_queued.clear();
    endResetModel();
}

int FleetModel::appendDevices(const QList<DeviceState>& devices)
{
    std::vector<Row> added;
    QHash<Key, int> addedIndex;
    for (const DeviceState& device : devices) {
        Key key{productIndex(device.productKey), device.deviceName};
        if (m_index.contains(key) || addedIndex.contains(key))
            continue;
        Row row;
        row.productIndex = key.productIndex;
        row.deviceName = device.deviceName;
        row.configId = device.configId;
        row.sha256 = device.sha256;
        row.state = device.state;
        row.hasCode = device.lastReplyCode.has_value();
        row.lastCode = device.lastReplyCode.value_or(0);
        row.replySource = device.replySource;
        row.lastMessageMs = device.lastMessageTime.isValid() ? device.lastMessageTime.toMSecsSinceEpoch() : 0;
        row.online = device.online;
        addedIndex.insert(key, int(m_rows.size() + added.size()));
        added.push_back(std::move(row));
    }
    if (added.empty())
        return 0;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_rows.insert(m_rows.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
    m_index.insert(addedIndex);
    endInsertRows();
    return int(added.size());
}

int FleetModel::rowOf(const QString& productKey, const QString& deviceName) const
{
    const auto product = m_productIndex.constFind(productKey);
    if (product == m_productIndex.cend())
        return -1;
    return m_index.value(Key{product.value(), deviceName}, -1);
}

int FleetModel::applyUpdates(const QList<DeviceStateUpdate>& updates)
{
    int firstRow = std::numeric_limits<int>::max();
    int lastRow = -1;
    int firstColumn = ColumnCount;
    int lastColumn = -1;
    QSet<int> changedRows;
    auto touchColumn = [&](Column column) {
        firstColumn = std::min<int>(firstColumn, column);
        lastColumn = std::max<int>(lastColumn, column);
    };
    for (const DeviceStateUpdate& update : updates) {
        const int index = rowOf(update.productKey, update.deviceName);
        if (index < 0)
            continue;
        Row& row = m_rows[size_t(index)];
        if (update.configId) {
            row.configId = *update.configId;
            touchColumn(ConfigColumn);
        }
        if (update.sha256) {
            row.sha256 = update.sha256->toLower();
            touchColumn(ConfigColumn);
        }
        if (update.state) {
            row.state = *update.state;
            touchColumn(StateColumn);
        }
        if (update.lastReplyCode) {
            row.hasCode = true;
            row.lastCode = *update.lastReplyCode;
            touchColumn(LastCodeColumn);
        }
        if (update.replySource) {
            row.replySource = *update.replySource;
            touchColumn(LastCodeColumn);
        }
        if (update.lastMessageTime) {
            row.lastMessageMs =
                update.lastMessageTime->isValid() ? update.lastMessageTime->toMSecsSinceEpoch() : 0;
            touchColumn(LastMessageColumn);
        }
        if (update.online) {
            row.online = *update.online;
            touchColumn(OnlineColumn);
        }
        changedRows.insert(index);
        firstRow = std::min(firstRow, index);
        lastRow = std::max(lastRow, index);
    }
    if (changedRows.isEmpty())
        return 0;
    if (changedRows.size() * 2 > qsizetype(m_rows.size())) { // most rows: say so once, for everything
        firstRow = 0;
        lastRow = int(m_rows.size()) - 1;
    }
    emit dataChanged(index(firstRow, firstColumn), index(lastRow, lastColumn));
    return int(changedRows.size());
}

void FleetModel::queueUpdates(const QList<DeviceStateUpdate>& updates)
{
    m_queued.append(updates);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void FleetModel::flushQueuedUpdates()
{
    m_flushTimer.stop();
    const QList<DeviceStateUpdate> queued = std::exchange(m_queued, {});
    applyUpdates(queued);
}

int FleetModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FleetModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[size_t(index.row())];
    const auto codeInfo = [&row] { return ReplyCodeCatalog::lookup(row.lastCode, row.replySource); };
    const auto time = [&row] {
        return row.lastMessageMs != 0 ? Sql::utcFromMs(row.lastMessageMs) : QDateTime();
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ProductKeyColumn:
            return m_productKeys.at(row.productIndex);
        case DeviceNameColumn:
            return row.deviceName;
        case OnlineColumn:
            return row.online ? tr("Online") : tr("Offline");
        case ConfigColumn:
            if (row.sha256.isEmpty())
                return row.configId;
            if (row.configId.isEmpty())
                return row.sha256.left(12);
            return tr("%1 (%2)").arg(row.configId, row.sha256.left(8));
        case StateColumn:
            return stateName(row.state);
        case LastCodeColumn:
            return row.hasCode ? QVariant(QString::number(row.lastCode)) : QVariant(QString());
        case LastMessageColumn:
            return row.lastMessageMs != 0 ? QLocale().toString(time().toLocalTime(), QLocale::ShortFormat)
                                          : QString();
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == LastCodeColumn && row.hasCode) {
            const auto info = codeInfo();
            if (!info.known && !info.name)
                return tr("%1: a code ConfigDeck does not know (%2)")
                    .arg(row.lastCode)
                    .arg(ReplyCodeCatalog::sourceName(row.replySource));
            return tr("%1 %2: %3")
                .arg(QString::number(row.lastCode), info.displayName(), info.displayMeaning());
        }
        if (index.column() == ConfigColumn && !row.sha256.isEmpty())
            return tr("configId %1\nSHA-256 %2").arg(row.configId, row.sha256);
        return {};
    case ProductKeyRole:
        return m_productKeys.at(row.productIndex);
    case DeviceNameRole:
        return row.deviceName;
    case OnlineRole:
        return row.online;
    case ConfigIdRole:
        return row.configId;
    case Sha256Role:
        return row.sha256;
    case StateRole:
        return int(row.state);
    case ReplyCodeRole:
        return row.hasCode ? QVariant(row.lastCode) : QVariant();
    case ReplySourceRole:
        return int(row.replySource);
    case LastMessageTimeRole:
        return time();
    case CategoryColorRole:
        return row.hasCode ? QVariant(ReplyCodeCatalog::categoryColor(codeInfo().category)) : QVariant();
    default:
        return {};
    }
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ProductKeyColumn:
        return tr("ProductKey");
    case DeviceNameColumn:
        return tr("DeviceName");
    case OnlineColumn:
        return tr("Online");
    case ConfigColumn:
        return tr("Configuration");
    case StateColumn:
        return tr("State");
    case LastCodeColumn:
        return tr("Last code");
    case LastMessageColumn:
        return tr("Last message");
    }
    return {};
}

QHash<int, QByteArray> FleetModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ProductKeyRole, "productKey");
    names.insert(DeviceNameRole, "deviceName");
    names.insert(OnlineRole, "online");
    names.insert(ConfigIdRole, "configId");
    names.insert(Sha256Role, "sha256");
    names.insert(StateRole, "state");
    names.insert(ReplyCodeRole, "replyCode");
    names.insert(ReplySourceRole, "replySource");
    names.insert(LastMessageTimeRole, "lastMessageTime");
    names.insert(CategoryColorRole, "categoryColor");
    return names;
}

} // namespace ConfigDeck::Store
