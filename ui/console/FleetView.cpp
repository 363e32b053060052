#include "FleetView.h"

#include "FleetPresentationModel.h"
#include "ReplyCodeBadgeDelegate.h"
#include "store/FleetFilterModel.h"
#include "store/FleetModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

#include <set>

namespace ConfigDeck::Ui {

using Store::FleetFilterModel;
using Store::FleetModel;

namespace {
const QString kHeaderKey = QStringLiteral("Console/fleetHeader");
}

FleetView::FleetView(FleetModel* fleet, QWidget* parent)
    : QWidget(parent)
    , m_fleet(fleet)
    , m_filter(new FleetFilterModel(this))
    , m_presentation(new FleetPresentationModel(this))
    , m_search(new QLineEdit(this))
    , m_product(new QComboBox(this))
    , m_state(new QComboBox(this))
    , m_code(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
    , m_columnMenu(new QMenu(tr("Columns"), this))
{
    m_filter->setSourceModel(fleet);
    m_presentation->setSourceModel(m_filter);

    m_search->setObjectName(QStringLiteral("fleetSearch"));
    m_search->setPlaceholderText(tr("Filter by ProductKey, DeviceName or configuration…"));
    m_search->setClearButtonEnabled(true);
    m_product->setObjectName(QStringLiteral("fleetProductFilter"));
    m_state->setObjectName(QStringLiteral("fleetStateFilter"));
    m_code->setObjectName(QStringLiteral("fleetCodeFilter"));
    m_product->setToolTip(tr("Show one product"));
    m_state->setToolTip(tr("Show devices in one configuration state"));
    m_code->setToolTip(tr("Show devices whose last reply code is this one"));

    setProducts({});
    m_state->addItem(tr("Any state"));
    for (int s = 0; s < Store::kConfigStateCount; ++s)
        m_state->addItem(FleetModel::stateName(Store::ConfigState(s)), s);
    m_code->addItem(tr("Any code"));
    m_code->addItem(tr("No reply yet"), FleetFilterModel::kNoReplyCode);
    std::set<int> codes;
    for (const Alink::ReplyCodeInfo& info : Alink::ReplyCodeCatalog::all())
        codes.insert(info.code);
    for (int code : codes) {
        const auto info = Alink::ReplyCodeCatalog::lookup(code, Alink::ReplySource::Device);
        m_code->addItem(QStringLiteral("%1 %2").arg(code).arg(info.displayName()), code);
        m_code->setItemData(m_code->count() - 1, info.displayMeaning(), Qt::ToolTipRole);
    }

    m_table->setObjectName(QStringLiteral("fleetTable"));
    m_table->setModel(m_presentation);
    m_table->setItemDelegateForColumn(
        FleetModel::LastCodeColumn,
        new ReplyCodeBadgeDelegate(FleetPresentationModel::BadgeColorRole, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never asks 100,000 rows for their size.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    resetColumns();
    restoreLayout();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](const QPoint& position) {
        updateColumnMenu();
        m_columnMenu->popup(header->viewport()->mapToGlobal(position));
    });
    updateColumnMenu();

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 3);
    filters->addWidget(m_product, 1);
    filters->addWidget(m_state, 1);
    filters->addWidget(m_code, 2);
    filters->addWidget(m_count);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_table);

    connect(m_search, &QLineEdit::textChanged, this, &FleetView::applyFilter);
    for (QComboBox* combo : {m_product, m_state, m_code})
        connect(combo, &QComboBox::currentIndexChanged, this, &FleetView::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!current.isValid())
                    return;
                const Alink::DeviceKey key = keyAt(current.row());
                emit currentDeviceChanged(key.productKey, key.deviceName);
            });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FleetView::selectionChanged);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, [this] { emit filterChanged(visibleCount(), m_fleet->rowCount()); });
    connect(m_filter, &QAbstractItemModel::modelReset, this,
            [this] { emit filterChanged(visibleCount(), m_fleet->rowCount()); });
    connect(this, &FleetView::filterChanged, this,
            [this](int visible, int total) { m_count->setText(tr("%1 of %2").arg(visible).arg(total)); });
}

FleetView::~FleetView() = default;

void FleetView::setColumnVisible(int column, bool visible)
{
    QHeaderView* header = m_table->horizontalHeader();
    if (column < 0 || column >= header->count())
        return;
    if (!visible && header->count() - header->hiddenSectionCount() <= 1)
        return; // the last visible column stays
    header->setSectionHidden(column, !visible);
    updateColumnMenu();
}

bool FleetView::isColumnVisible(int column) const
{
    return !m_table->horizontalHeader()->isSectionHidden(column);
}

void FleetView::resetColumns()
{
    QHeaderView* header = m_table->horizontalHeader();
    const int widths[] = {110, 120, 80, 200, 100, 220, 150};
    for (int c = 0; c < FleetModel::ColumnCount; ++c) {
        header->moveSection(header->visualIndex(c), c);
        header->setSectionHidden(c, false);
        header->resizeSection(c, widths[c]);
    }
}

void FleetView::saveLayout() const
{
    QSettings().setValue(kHeaderKey, m_table->horizontalHeader()->saveState());
}

void FleetView::restoreLayout()
{
    m_table->horizontalHeader()->restoreState(QSettings().value(kHeaderKey).toByteArray());
    updateColumnMenu();
}

void FleetView::updateColumnMenu()
{
    // The actions are made once; afterwards only their check marks follow the header (an action must not
    // be deleted while it emits toggled).
    if (m_columnMenu->isEmpty()) {
        for (int c = 0; c < FleetModel::ColumnCount; ++c) {
            QAction* action = m_columnMenu->addAction(m_fleet->headerData(c, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setData(c);
            connect(action, &QAction::toggled, this, [this, c](bool on) { setColumnVisible(c, on); });
        }
        m_columnMenu->addSeparator();
        m_columnMenu->addAction(tr("Reset columns"), this, [this] {
            resetColumns();
            updateColumnMenu();
        });
    }
    QHeaderView* header = m_table->horizontalHeader();
    const bool lastVisible = header->count() - header->hiddenSectionCount() <= 1;
    for (QAction* action : m_columnMenu->actions()) {
        if (!action->isCheckable())
            continue;
        const int column = action->data().toInt();
        const QSignalBlocker blocker(action);
        action->setChecked(isColumnVisible(column));
        action->setEnabled(!(lastVisible && isColumnVisible(column)));
    }
}

void FleetView::setProducts(const QStringList& productKeys)
{
    const QString current = m_product->currentData().toString();
    const QSignalBlocker blocker(m_product);
    m_product->clear();
    m_product->addItem(tr("All products"));
    for (const QString& productKey : productKeys)
        m_product->addItem(productKey, productKey);
    m_product->setCurrentIndex(qMax(0, m_product->findData(current)));
}

void FleetView::setCodeFilter(std::optional<int> code)
{
    if (!code) {
        m_code->setCurrentIndex(0);
        return;
    }
    int index = m_code->findData(*code);
    if (index < 0) {
        // A code the catalog does not list: add it so the filter shows what it is.
        m_code->addItem(QString::number(*code), *code);
        index = m_code->count() - 1;
    }
    m_code->setCurrentIndex(index);
}

void FleetView::setTextFilter(const QString& text)
{
    m_search->setText(text);
}

void FleetView::setProductFilter(const QString& productKey)
{
    m_product->setCurrentIndex(productKey.isEmpty() ? 0 : qMax(0, m_product->findData(productKey)));
}

void FleetView::clearFilters()
{
    m_search->clear();
    for (QComboBox* combo : {m_product, m_state, m_code})
        combo->setCurrentIndex(0);
}

void FleetView::applyFilter()
{
    FleetFilterModel::Filter filter;
    filter.text = m_search->text().trimmed();
    if (m_product->currentIndex() > 0)
        filter.productKeys = {m_product->currentData().toString()};
    if (m_state->currentIndex() > 0)
        filter.states = {Store::ConfigState(m_state->currentData().toInt())};
    if (m_code->currentIndex() > 0)
        filter.replyCodes = {m_code->currentData().toInt()};
    m_filter->setFilter(filter);
    emit filterChanged(visibleCount(), m_fleet->rowCount());
}

int FleetView::visibleCount() const
{
    return m_filter->rowCount();
}

Alink::DeviceKey FleetView::keyAt(int viewRow) const
{
    const int source = m_filter->mapToSource(m_filter->index(viewRow, 0)).row();
    return {m_fleet->productKeyAt(source), m_fleet->rowAt(source).deviceName};
}

QList<Alink::DeviceKey> FleetView::selectedDevices() const
{
    QList<Alink::DeviceKey> devices;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        devices << keyAt(index.row());
    return devices;
}

QList<Alink::DeviceKey> FleetView::visibleDevices() const
{
    QList<Alink::DeviceKey> devices;
    const int rows = m_filter->rowCount();
    devices.reserve(rows);
    for (int row = 0; row < rows; ++row)
        devices << keyAt(row);
    return devices;
}

std::optional<Alink::DeviceKey> FleetView::currentDevice() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return keyAt(current.row());
}

void FleetView::selectDevice(const QString& productKey, const QString& deviceName)
{
    const int source = m_fleet->rowOf(productKey, deviceName);
    if (source < 0)
        return;
    const QModelIndex proxy = m_filter->mapFromSource(m_fleet->index(source, 0));
    if (!proxy.isValid())
        return;
    m_table->setCurrentIndex(m_presentation->index(proxy.row(), 0));
    m_table->selectRow(proxy.row());
}

} // namespace ConfigDeck::Ui
