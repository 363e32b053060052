#include "FleetFilterModel.h"

#include "FleetModel.h"
#include "StoreLog.h"

#include <QElapsedTimer>

#include <algorithm>
#include <iterator>
#include <numeric>
#include <thread>

namespace ConfigDeck::Store {

namespace {
// Above this many rows a refilter is split over two threads (rows are read-only meanwhile).
constexpr int kParallelThreshold = 200000;
// More separate runs of rows than this entering or leaving at once: a reset is cheaper than many signals.
constexpr int kMaxIncrementalRuns = 64;
} // namespace

FleetFilterModel::FleetFilterModel(QObject* parent)
    : QAbstractProxyModel(parent)
{
}

FleetFilterModel::~FleetFilterModel() = default;

void FleetFilterModel::setSourceModel(QAbstractItemModel* sourceModel)
{
    auto* fleet = qobject_cast<FleetModel*>(sourceModel);
    Q_ASSERT_X(!sourceModel || fleet, "FleetFilterModel", "the source must be a FleetModel");
    beginResetModel();
    for (const auto& connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    QAbstractProxyModel::setSourceModel(fleet);
    m_fleet = fleet;
    if (m_fleet) {
        m_connections
            << connect(m_fleet, &QAbstractItemModel::modelAboutToBeReset, this,
                       &FleetFilterModel::beginResetModel)
            << connect(m_fleet, &QAbstractItemModel::modelReset, this,
                       [this] {
                           prepare();
                           m_rows = filterRange(0, m_fleet->rowCount() - 1);
                           endResetModel();
                       })
            << connect(m_fleet, &QAbstractItemModel::layoutAboutToBeChanged, this,
                       &FleetFilterModel::beginResetModel)
            << connect(m_fleet, &QAbstractItemModel::layoutChanged, this,
                       [this] {
                           prepare();
                           m_rows = filterRange(0, m_fleet->rowCount() - 1);
                           endResetModel();
                       })
            << connect(m_fleet, &QAbstractItemModel::rowsInserted, this, &FleetFilterModel::onRowsInserted)
            << connect(m_fleet, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                       &FleetFilterModel::onRowsAboutToBeRemoved)
            << connect(m_fleet, &QAbstractItemModel::rowsRemoved, this, &FleetFilterModel::onRowsRemoved)
            << connect(m_fleet, &QAbstractItemModel::dataChanged, this, &FleetFilterModel::onDataChanged);
    }
    prepare();
    m_rows = m_fleet ? filterRange(0, m_fleet->rowCount() - 1) : std::vector<int>();
    endResetModel();
}

void FleetFilterModel::setFilter(const Filter& filter)
{
    QElapsedTimer timer;
    timer.start();
    m_filter = filter;
    refilter();
    qCDebug(lcStore) << "fleet filter:" << m_rows.size() << "rows in" << timer.elapsed() << "ms";
}

void FleetFilterModel::refilter()
{
    beginResetModel();
    prepare();
    m_rows = m_fleet ? filterRange(0, m_fleet->rowCount() - 1) : std::vector<int>();
    endResetModel();
}

void FleetFilterModel::prepare()
{
    m_stateMask = 0;
    for (const ConfigState state : std::as_const(m_filter.states))
        m_stateMask |= 1u << int(state);
    m_productAllowed.clear();
    m_productMatchesText.clear();
    if (!m_fleet)
        return;
    const QStringList& products = m_fleet->productKeys();
    m_productAllowed.resize(size_t(products.size()));
    m_productMatchesText.resize(size_t(products.size()));
    for (qsizetype i = 0; i < products.size(); ++i) {
        m_productAllowed[size_t(i)] =
            m_filter.productKeys.isEmpty() || m_filter.productKeys.contains(products.at(i));
        m_productMatchesText[size_t(i)] = products.at(i).contains(m_filter.text, Qt::CaseInsensitive);
    }
}

bool FleetFilterModel::accepts(int sourceRow) const
{
    const FleetModel::Row& row = m_fleet->rowAt(sourceRow);
    if (size_t(row.productIndex) >= m_productAllowed.size() || !m_productAllowed[size_t(row.productIndex)])
        return false;
    if (m_stateMask != 0 && !(m_stateMask & (1u << int(row.state))))
        return false;
    if (m_filter.online && row.online != *m_filter.online)
        return false;
    if (!m_filter.replyCodes.isEmpty() &&
        !m_filter.replyCodes.contains(row.hasCode ? row.lastCode : kNoReplyCode))
        return false;
    if (!m_filter.text.isEmpty() && !m_productMatchesText[size_t(row.productIndex)] &&
        !row.deviceName.contains(m_filter.text, Qt::CaseInsensitive) &&
        !row.configId.contains(m_filter.text, Qt::CaseInsensitive))
        return false;
    return true;
}

std::vector<int> FleetFilterModel::filterRange(int first, int last) const
{
    std::vector<int> result;
    if (!m_fleet || last < first)
        return result;
    const bool everything = m_filter.isEmpty();
    auto scan = [this, everything](int from, int to, std::vector<int>& out) {
        for (int row = from; row <= to; ++row) {
            if (everything || accepts(row))
                out.push_back(row);
        }
    };
    const int count = last - first + 1;
    if (everything) {
        result.resize(size_t(count));
        std::iota(result.begin(), result.end(), first);
        return result;
    }
    if (count < kParallelThreshold || std::thread::hardware_concurrency() < 2) {
        scan(first, last, result);
        return result;
    }
    // Two halves at once; accepts() only reads the source rows and the prepared tables.
    const int middle = first + count / 2;
    std::vector<int> upper;
    std::thread worker([&] { scan(middle, last, upper); });
    scan(first, middle - 1, result);
    worker.join();
    result.insert(result.end(), upper.begin(), upper.end());
    return result;
}

QModelIndex FleetFilterModel::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!m_fleet || !proxyIndex.isValid() || proxyIndex.model() != this ||
        size_t(proxyIndex.row()) >= m_rows.size())
        return {};
    return m_fleet->index(m_rows[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex FleetFilterModel::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!m_fleet || !sourceIndex.isValid() || sourceIndex.model() != m_fleet)
        return {};
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), sourceIndex.row());
    if (it == m_rows.cend() || *it != sourceIndex.row())
        return {};
    return createIndex(int(it - m_rows.cbegin()), sourceIndex.column());
}

QModelIndex FleetFilterModel::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || size_t(row) >= m_rows.size() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex FleetFilterModel::parent(const QModelIndex&) const
{
    return {};
}

QModelIndex FleetFilterModel::sibling(int row, int column, const QModelIndex&) const
{
    return index(row, column);
}

int FleetFilterModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FleetFilterModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_fleet ? 0 : m_fleet->columnCount();
}

bool FleetFilterModel::hasChildren(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_rows.empty() && columnCount() > 0;
}

void FleetFilterModel::onRowsInserted(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    prepare(); // the new rows may bring new products
    const int count = last - first + 1;
    const auto position = std::lower_bound(m_rows.begin(), m_rows.end(), first);
    const int proxyFirst = int(position - m_rows.begin());
    for (auto it = position; it != m_rows.end(); ++it)
        *it += count;
    const std::vector<int> accepted = filterRange(first, last);
    if (accepted.empty())
        return;
    beginInsertRows({}, proxyFirst, proxyFirst + int(accepted.size()) - 1);
    m_rows.insert(m_rows.begin() + proxyFirst, accepted.begin(), accepted.end());
    endInsertRows();
}

void FleetFilterModel::onRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    const size_t begin = size_t(std::lower_bound(m_rows.cbegin(), m_rows.cend(), first) - m_rows.cbegin());
    const size_t end = size_t(std::upper_bound(m_rows.cbegin(), m_rows.cend(), last) - m_rows.cbegin());
    m_pendingRemoval = {begin, end};
    if (end > begin)
        beginRemoveRows({}, int(begin), int(end) - 1);
}

void FleetFilterModel::onRowsRemoved(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    const auto [begin, end] = m_pendingRemoval;
    m_rows.erase(m_rows.begin() + qsizetype(begin), m_rows.begin() + qsizetype(end));
    const int count = last - first + 1;
    for (auto it = m_rows.begin() + qsizetype(begin); it != m_rows.end(); ++it)
        *it -= count;
    if (end > begin)
        endRemoveRows();
}

void FleetFilterModel::onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                                     const QList<int>& roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    const int first = topLeft.row();
    const int last = bottomRight.row();
    const std::vector<int> accepted = filterRange(first, last);
    const auto oldBegin = std::lower_bound(m_rows.begin(), m_rows.end(), first);
    const auto oldEnd = std::upper_bound(oldBegin, m_rows.end(), last);

    if (!std::equal(oldBegin, oldEnd, accepted.begin(), accepted.end())) {
        // Rows entered or left the filter: removals first (last to first), then insertions.
        std::vector<std::pair<int, int>> removals; // proxy runs [from, to]
        std::vector<int> leaving;
        std::set_difference(oldBegin, oldEnd, accepted.begin(), accepted.end(), std::back_inserter(leaving));
        std::vector<int> entering;
        std::set_difference(accepted.begin(), accepted.end(), oldBegin, oldEnd, std::back_inserter(entering));
        for (const int sourceRow : leaving) {
            const int proxyRow =
                int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), sourceRow) - m_rows.cbegin());
            if (!removals.empty() && removals.back().second + 1 == proxyRow)
                removals.back().second = proxyRow;
            else
                removals.emplace_back(proxyRow, proxyRow);
        }
        if (removals.size() + entering.size() > size_t(kMaxIncrementalRuns) * 2) {
            beginResetModel();
            m_rows.erase(std::lower_bound(m_rows.begin(), m_rows.end(), first),
                         std::upper_bound(m_rows.begin(), m_rows.end(), last));
            m_rows.insert(std::lower_bound(m_rows.begin(), m_rows.end(), first), accepted.begin(),
                          accepted.end());
            endResetModel();
            return;
        }
        for (auto run = removals.rbegin(); run != removals.rend(); ++run) {
            beginRemoveRows({}, run->first, run->second);
            m_rows.erase(m_rows.begin() + run->first, m_rows.begin() + run->second + 1);
            endRemoveRows();
        }
        for (size_t i = 0; i < entering.size();) {
            const int proxyRow =
                int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), entering[i]) - m_rows.cbegin());
            // Source rows that land next to each other in the proxy enter together.
            size_t j = i + 1;
            while (j < entering.size() &&
                   (size_t(proxyRow) >= m_rows.size() || entering[j] < m_rows[size_t(proxyRow)]))
                ++j;
            beginInsertRows({}, proxyRow, proxyRow + int(j - i) - 1);
            m_rows.insert(m_rows.begin() + proxyRow, entering.begin() + qsizetype(i),
                          entering.begin() + qsizetype(j));
            endInsertRows();
            i = j;
        }
    }
    const auto begin = std::lower_bound(m_rows.cbegin(), m_rows.cend(), first);
    const auto end = std::upper_bound(begin, m_rows.cend(), last);
    if (begin != end)
        emit dataChanged(index(int(begin - m_rows.cbegin()), topLeft.column()),
                         index(int(end - m_rows.cbegin()) - 1, bottomRight.column()), roles);
}

} // namespace ConfigDeck::Store
