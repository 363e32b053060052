#include "CloudDeviceModel.h"

#include "OutcomeColors.h"

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QLocale>

namespace ConfigDeck::Ui {

using Cloud::CloudDeviceState;

namespace {

bool isProblem(CloudDeviceState state)
{
    return state == CloudDeviceState::Refused || state == CloudDeviceState::Kicked;
}

} // namespace

CloudDeviceModel::CloudDeviceModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int CloudDeviceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CloudDeviceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CloudDeviceModel::stateText(CloudDeviceState state)
{
    // The session's names are lower case for use inside sentences; a table cell starts with a capital.
    QString text = Cloud::CloudSession::stateName(state);
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QColor CloudDeviceModel::stateColor(CloudDeviceState state)
{
    using Alink::ReplyCategory;
    using Alink::ReplyCodeCatalog;
    switch (state) {
    case CloudDeviceState::Waiting:
        return QColor(QStringLiteral("#9aa0a6"));
    case CloudDeviceState::Connecting:
        return QColor(QStringLiteral("#3d7be0"));
    case CloudDeviceState::Online:
        return QColor::fromString(ReplyCodeCatalog::categoryColor(ReplyCategory::Success));
    case CloudDeviceState::Refused:
    case CloudDeviceState::Kicked:
        return QColor::fromString(ReplyCodeCatalog::categoryColor(ReplyCategory::DeviceError));
    case CloudDeviceState::Stopped:
        return QColor(QStringLiteral("#8a8f98"));
    }
    return {};
}

QVariant CloudDeviceModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CloudDeviceRow& row = m_rows.at(index.row());
    switch (index.column()) {
    case ProductKeyColumn:
        if (role == Qt::DisplayRole)
            return row.productKey;
        break;
    case DeviceNameColumn:
        if (role == Qt::DisplayRole)
            return row.deviceName;
        break;
    case StateColumn:
        switch (role) {
        case Qt::DisplayRole:
            return stateText(row.state);
        case Qt::DecorationRole: {
            static const QHash<int, QIcon> dots = [] {
                QHash<int, QIcon> icons;
                for (auto state :
                     {CloudDeviceState::Waiting, CloudDeviceState::Connecting, CloudDeviceState::Online,
                      CloudDeviceState::Refused, CloudDeviceState::Kicked, CloudDeviceState::Stopped})
                    icons.insert(int(state), OutcomeColors::statusDot(stateColor(state)));
                return icons;
            }();
            return dots.value(int(row.state));
        }
        case Qt::ForegroundRole:
            return isProblem(row.state) ? QVariant(stateColor(row.state)) : QVariant();
        case Qt::FontRole:
            if (isProblem(row.state)) {
                QFont font;
                font.setBold(true);
                return font;
            }
            break;
        case Qt::ToolTipRole:
            return row.stateDetail.isEmpty() ? stateText(row.state) : row.stateDetail;
        case StateRole:
            return int(row.state);
        default:
            break;
        }
        break;
    case ConfigColumn:
        if (role == Qt::DisplayRole) {
            if (row.sha256.isEmpty())
                return row.configId;
            // Some platforms use the digest as the configId: once is enough.
            if (row.configId.isEmpty() || row.sha256.startsWith(row.configId, Qt::CaseInsensitive))
                return row.sha256.left(12);
            return tr("%1 · %2").arg(row.configId, row.sha256.left(12));
        }
        if (role == Qt::ToolTipRole && !row.sha256.isEmpty())
            return tr("configId %1\nSHA-256 %2").arg(row.configId, row.sha256);
        break;
    case CodeColumn: {
        if (!row.lastCode)
            break;
        const auto info = Alink::ReplyCodeCatalog::lookup(*row.lastCode, row.codeSource);
        if (role == Qt::DisplayRole)
            return QStringLiteral("%1 %2").arg(*row.lastCode).arg(info.displayName());
        if (role == BadgeColorRole)
            return QColor::fromString(Alink::ReplyCodeCatalog::categoryColor(info.category));
        if (role == Qt::ToolTipRole)
            return tr("%1 (%2): %3")
                .arg(*row.lastCode)
                .arg(Alink::ReplyCodeCatalog::sourceName(row.codeSource), info.displayMeaning());
        break;
    }
    case LastEventColumn:
        if (!row.lastEvent.isValid())
            break;
        if (role == Qt::DisplayRole)
            return QLocale().toString(row.lastEvent.toLocalTime(), QStringLiteral("HH:mm:ss"));
        if (role == Qt::ToolTipRole)
            return QLocale().toString(row.lastEvent.toLocalTime(), QLocale::LongFormat);
        break;
    default:
        break;
    }
    return {};
}

QVariant CloudDeviceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ProductKeyColumn:
        return tr("ProductKey");
    case DeviceNameColumn:
        return tr("DeviceName");
    case StateColumn:
        return tr("Connection");
    case ConfigColumn:
        return tr("Configuration held");
    case CodeColumn:
        return tr("Last code");
    case LastEventColumn:
        return tr("Last event");
    default:
        return {};
    }
}

QString CloudDeviceModel::keyOf(const QString& productKey, const QString& deviceName)
{
    return productKey + QLatin1Char('/') + deviceName;
}

int CloudDeviceModel::rowOf(const QString& productKey, const QString& deviceName) const
{
    return m_index.value(keyOf(productKey, deviceName), -1);
}

int CloudDeviceModel::ensureRow(const QString& productKey, const QString& deviceName)
{
    if (const int row = rowOf(productKey, deviceName); row >= 0)
        return row;
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    CloudDeviceRow added;
    added.productKey = productKey;
    added.deviceName = deviceName;
    m_rows << added;
    m_index.insert(keyOf(productKey, deviceName), row);
    endInsertRows();
    return row;
}

void CloudDeviceModel::setRow(const CloudDeviceRow& row)
{
    const int index = ensureRow(row.productKey, row.deviceName);
    m_rows[index] = row;
    changed(index, ProductKeyColumn, LastEventColumn);
}

void CloudDeviceModel::removeDevice(const QString& productKey, const QString& deviceName)
{
    const int row = rowOf(productKey, deviceName);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    reindex();
    endRemoveRows();
}

void CloudDeviceModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    endResetModel();
}

void CloudDeviceModel::reindex()
{
    m_index.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert(keyOf(m_rows.at(i).productKey, m_rows.at(i).deviceName), i);
}

void CloudDeviceModel::changed(int row, Column first, Column last)
{
    emit dataChanged(index(row, first), index(row, last));
}

void CloudDeviceModel::setState(const QString& productKey, const QString& deviceName, CloudDeviceState state,
                                const QString& detail)
{
    const int row = ensureRow(productKey, deviceName);
    CloudDeviceRow& entry = m_rows[row];
    entry.state = state;
    entry.stateDetail = detail;
    changed(row, StateColumn, StateColumn);
}

void CloudDeviceModel::setHeld(const QString& productKey, const QString& deviceName, const QString& configId,
                               const QString& sha256)
{
    const int row = ensureRow(productKey, deviceName);
    m_rows[row].configId = configId;
    m_rows[row].sha256 = sha256;
    changed(row, ConfigColumn, ConfigColumn);
}

void CloudDeviceModel::setCode(const QString& productKey, const QString& deviceName, int code,
                               Alink::ReplySource source)
{
    const int row = ensureRow(productKey, deviceName);
    m_rows[row].lastCode = code;
    m_rows[row].codeSource = source;
    changed(row, CodeColumn, CodeColumn);
}

void CloudDeviceModel::setLastEvent(const QString& productKey, const QString& deviceName,
                                    const QDateTime& time)
{
    const int row = ensureRow(productKey, deviceName);
    m_rows[row].lastEvent = time;
    changed(row, LastEventColumn, LastEventColumn);
}

} // namespace ConfigDeck::Ui
