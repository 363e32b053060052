#include "AccountDeviceModel.h"

#include "OutcomeColors.h"
#include "store/WorkspacePart.h"

#include <QDateTime>
#include <QIcon>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace ConfigDeck::Ui {

using Alink::ReplyCodeCatalog;
using Alink::ReplySource;

namespace {
QDateTime utcFromMs(qint64 ms)
{
    return ms != 0 ? Store::Sql::utcFromMs(ms) : QDateTime();
}
} // namespace

AccountDeviceModel::AccountDeviceModel(QObject* parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &AccountDeviceModel::flush);
}

AccountDeviceModel::~AccountDeviceModel() = default;

AccountDeviceModel::CountKey AccountDeviceModel::keyOf(const Row& row)
{
    return row.answered ? CountKey{row.code, int(row.source)} : CountKey{kNoAnswer, 0};
}

void AccountDeviceModel::adjustCounts(const Row& row, int delta)
{
    if (row.online)
        m_online += delta;
    if (!row.answered) {
        m_noAnswer += delta;
        return;
    }
    const auto it = m_counts.try_emplace(keyOf(row), 0).first;
    it->second += delta;
    if (it->second == 0)
        m_counts.erase(it);
}

void AccountDeviceModel::recount()
{
    m_counts.clear();
    m_noAnswer = 0;
    m_online = 0;
    for (const Row& row : m_rows)
        adjustCounts(row, +1);
}

void AccountDeviceModel::setRows(std::vector<Row> rows)
{
    m_pending.clear();
    m_flushTimer.stop();
    const bool sameDevices =
        rows.size() == m_rows.size() &&
        std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                   [](const Row& a, const Row& b) { return a.deviceName == b.deviceName; });
    if (sameDevices) {
        m_rows = std::move(rows);
        recount();
        if (!m_rows.empty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_rows = std::move(rows);
        m_index.clear();
        m_index.reserve(qsizetype(m_rows.size()));
        for (size_t i = 0; i < m_rows.size(); ++i)
            m_index.insert(m_rows[i].deviceName, int(i));
        recount();
        endResetModel();
    }
    emit countsChanged();
}

void AccountDeviceModel::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void AccountDeviceModel::queueAnswer(const QString& deviceName, int code, ReplySource source, qint64 ms)
{
    m_pending.push_back(Pending{deviceName, ms, code, source, true, false});
    scheduleFlush();
}

void AccountDeviceModel::queueOnline(const QString& deviceName, bool online, qint64 ms)
{
    m_pending.push_back(Pending{deviceName, ms, 0, ReplySource::Device, false, online});
    scheduleFlush();
}

void AccountDeviceModel::flush()
{
    m_flushTimer.stop();
    if (m_pending.empty())
        return;
    const std::vector<Pending> pending = std::exchange(m_pending, {});
    std::vector<Row> added;
    QHash<QString, int> addedIndex;
    int firstRow = std::numeric_limits<int>::max();
    int lastRow = -1;
    int changed = 0;
    for (const Pending& change : pending) {
        Row* row = nullptr;
        int rowIndex = m_index.value(change.deviceName, -1);
        if (rowIndex >= 0) {
            row = &m_rows[size_t(rowIndex)];
        } else {
            // A device the workspace does not know (not imported yet): shown all the same.
            const int addedRow = addedIndex.value(change.deviceName, -1);
            if (addedRow < 0) {
                addedIndex.insert(change.deviceName, int(added.size()));
                added.push_back(Row{change.deviceName});
                row = &added.back();
            } else {
                row = &added[size_t(addedRow)];
            }
        }
        if (change.isAnswer ? (row->answered && change.ms < row->answerMs) : change.ms < row->onlineMs)
            continue; // older than what the row shows: the messages crossed
        if (rowIndex >= 0)
            adjustCounts(*row, -1);
        if (change.isAnswer) {
            row->answered = true;
            row->code = change.code;
            row->source = change.source;
            row->answerMs = change.ms;
        } else {
            row->online = change.online;
            row->onlineMs = change.ms;
        }
        if (rowIndex >= 0) {
            adjustCounts(*row, +1);
            firstRow = std::min(firstRow, rowIndex);
            lastRow = std::max(lastRow, rowIndex);
            ++changed;
        }
    }
    if (lastRow >= 0) {
        if (changed * 2 > int(m_rows.size())) { // most rows: say so once, for everything
            firstRow = 0;
            lastRow = int(m_rows.size()) - 1;
        }
        emit dataChanged(index(firstRow, 0), index(lastRow, ColumnCount - 1));
    }
    if (!added.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (Row& row : added) {
            m_index.insert(row.deviceName, int(m_rows.size()));
            adjustCounts(row, +1);
            m_rows.push_back(std::move(row));
        }
        endInsertRows();
    }
    emit countsChanged();
}

QList<AccountDeviceModel::Count> AccountDeviceModel::counts() const
{
    QList<Count> counts;
    const auto success = m_counts.find({ReplyCodeCatalog::kSuccess, int(ReplySource::Device)});
    if (success != m_counts.cend())
        counts.append({success->first.first, ReplySource(success->first.second), success->second});
    for (const auto& [key, count] : m_counts) {
        if (key.first != ReplyCodeCatalog::kSuccess || key.second != int(ReplySource::Device))
            counts.append({key.first, ReplySource(key.second), count});
    }
    if (m_noAnswer > 0)
        counts.append({kNoAnswer, ReplySource::Device, m_noAnswer});
    return counts;
}

int AccountDeviceModel::countOf(int code) const
{
    if (code == kNoAnswer)
        return m_noAnswer;
    int count = 0;
    for (const auto& [key, value] : m_counts) {
        if (key.first == code)
            count += value;
    }
    return count;
}

QString AccountDeviceModel::answerText(const Row& row)
{
    return row.answered ? QString::number(row.code) : tr("No answer yet");
}

QString AccountDeviceModel::codeName(int code, ReplySource source)
{
    if (code == kNoAnswer)
        return {};
    const auto info = ReplyCodeCatalog::lookup(code, source);
    return info.name ? info.displayName() : tr("A code ConfigDeck does not know");
}

int AccountDeviceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AccountDeviceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountDeviceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[size_t(index.row())];
    const int code = row.answered ? row.code : kNoAnswer;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DeviceNameColumn:
            return row.deviceName;
        case AnswerColumn:
            return answerText(row);
        case MeaningColumn: {
            if (!row.answered)
                return {};
            const auto info = ReplyCodeCatalog::lookup(row.code, row.source);
            return info.name ? tr("%1: %2").arg(info.displayName(), info.displayMeaning())
                             : codeName(row.code, row.source);
        }
        case AnsweredAtColumn:
            return row.answered && row.answerMs != 0
                       ? QLocale().toString(utcFromMs(row.answerMs).toLocalTime(),
                                            QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QString();
        case OnlineColumn:
            return row.online ? tr("Online") : tr("Offline");
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == OnlineColumn) {
            static const QIcon online = OutcomeColors::statusDot(QColor(QStringLiteral("#2e9d57")));
            static const QIcon offline = OutcomeColors::statusDot(QColor(QStringLiteral("#9aa0a6")));
            return row.online ? online : offline;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == AnswerColumn || index.column() == MeaningColumn) {
            if (!row.answered)
                return tr("The device has not answered yet.");
            const auto info = ReplyCodeCatalog::lookup(row.code, row.source);
            if (!info.known && !info.name)
                return tr("%1: a code ConfigDeck does not know (%2)")
                    .arg(row.code)
                    .arg(ReplyCodeCatalog::sourceName(row.source));
            return tr("%1 %2: %3").arg(QString::number(row.code), info.displayName(), info.displayMeaning());
        }
        return {};
    case AnswerCodeRole:
        return code;
    case AnswerColorRole:
        return OutcomeColors::codeColor(code, row.source);
    case DeviceNameRole:
        return row.deviceName;
    case OnlineRole:
        return row.online;
    case AnsweredAtRole:
        return row.answered ? utcFromMs(row.answerMs) : QDateTime();
    case SortRole:
        switch (index.column()) {
        case DeviceNameColumn:
            return row.deviceName;
        case AnswerColumn:
        case MeaningColumn:
            return code;
        case AnsweredAtColumn:
            return row.answered ? row.answerMs : qint64(-1);
        case OnlineColumn:
            return row.online;
        }
        return {};
    default:
        return {};
    }
}

QVariant AccountDeviceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == AnsweredAtColumn)
        return tr("When the answer arrived. For an answer stored before the account was watched: the time "
                  "of the device's last message the workspace holds.");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DeviceNameColumn:
        return tr("DeviceName");
    case AnswerColumn:
        return tr("Answer");
    case MeaningColumn:
        return tr("Meaning");
    case AnsweredAtColumn:
        return tr("Answered at");
    case OnlineColumn:
        return tr("Online");
    }
    return {};
}

} // namespace ConfigDeck::Ui
