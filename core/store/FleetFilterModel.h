#pragma once

#include "StoreTypes.h"

#include <QAbstractProxyModel>
#include <QSet>

#include <optional>
#include <vector>

namespace ConfigDeck::Store {

class FleetModel;

// Filters a FleetModel by text, product, state, reply code and online. It holds one vector of source
// rows in source order (a QSortFilterProxyModel keeps two mappings per row and is several times slower
// to refilter a million rows). Changes of the source become the matching inserts, removals and
// dataChanged, so a view keeps its selection.
class FleetFilterModel final : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetFilterModel)

public:
    static constexpr int kNoReplyCode = -1; // in replyCodes: devices that have not replied yet

    struct Filter
    {
        QString text;               // substring of ProductKey, DeviceName or configId; any case
        QStringList productKeys;    // empty: every product
        QSet<ConfigState> states;   // empty: every state
        QSet<int> replyCodes;       // empty: any code; kNoReplyCode matches devices without one
        std::optional<bool> online; // unset: both
        bool isEmpty() const
        {
            return text.isEmpty() && productKeys.isEmpty() && states.isEmpty() && replyCodes.isEmpty() &&
                   !online;
        }
    };

    explicit FleetFilterModel(QObject* parent = nullptr);
    ~FleetFilterModel() override;

    void setSourceModel(QAbstractItemModel* sourceModel) override; // must be a FleetModel
    void setFilter(const Filter& filter);
    const Filter& filter() const { return m_filter; }

    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& index) const override;

private:
    void prepare(); // derives the per-product and per-state lookup tables from m_filter
    bool accepts(int sourceRow) const;
    std::vector<int> filterRange(int first, int last) const;
    void refilter();

    void onRowsInserted(const QModelIndex& parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last);
    void onRowsRemoved(const QModelIndex& parent, int first, int last);
    void onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);

    FleetModel* m_fleet = nullptr;
    Filter m_filter;
    std::vector<int> m_rows;            // source rows, ascending
    std::vector<char> m_productAllowed; // per product index of the source
    std::vector<char> m_productMatchesText;
    quint32 m_stateMask = 0;
    QList<QMetaObject::Connection> m_connections;
    std::pair<size_t, size_t> m_pendingRemoval{0, 0};
};

} // namespace ConfigDeck::Store
