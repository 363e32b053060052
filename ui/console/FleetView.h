#pragma once

#include "session/ConsoleSession.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;
class QLabel;
class QMenu;

namespace ConfigDeck::Store {
class FleetModel;
class FleetFilterModel;
} // namespace ConfigDeck::Store

namespace ConfigDeck::Ui {

class FleetPresentationModel;

// The fleet table: a filter box, quick filters (product, state, reply code) and the devices with their
// configuration state; the code column is a coloured badge with the code's name. Column layout is kept in
// QSettings.
class FleetView final : public QWidget
{
    Q_OBJECT
public:
    explicit FleetView(Store::FleetModel* fleet, QWidget* parent = nullptr);
    ~FleetView() override;

    void setProducts(const QStringList& productKeys);
    // Shows only devices whose last reply code is `code` (FleetFilterModel::kNoReplyCode: no code yet).
    void setCodeFilter(std::optional<int> code);
    void setTextFilter(const QString& text);
    void setProductFilter(const QString& productKey); // empty: every product
    void clearFilters();

    QTableView* table() const { return m_table; }
    Store::FleetFilterModel* filterModel() const { return m_filter; }
    int visibleCount() const;
    QList<Alink::DeviceKey> selectedDevices() const;
    QList<Alink::DeviceKey> visibleDevices() const;
    std::optional<Alink::DeviceKey> currentDevice() const;
    void selectDevice(const QString& productKey, const QString& deviceName);

    // Column choices (order, widths, hidden columns): the header's context menu changes them; they are
    // saved in and restored from QSettings. At least one column stays visible.
    void setColumnVisible(int column, bool visible);
    bool isColumnVisible(int column) const;
    QMenu* columnMenu() const { return m_columnMenu; }
    void saveLayout() const;
    void restoreLayout();
    void resetColumns();

signals:
    void currentDeviceChanged(const QString& productKey, const QString& deviceName);
    void selectionChanged();
    void filterChanged(int visible, int total);

private:
    void applyFilter();
    void updateColumnMenu();
    Alink::DeviceKey keyAt(int viewRow) const;

    Store::FleetModel* m_fleet;
    Store::FleetFilterModel* m_filter;
    FleetPresentationModel* m_presentation;
    QLineEdit* m_search;
    QComboBox* m_product;
    QComboBox* m_state;
    QComboBox* m_code;
    QLabel* m_count;
    QTableView* m_table;
    QMenu* m_columnMenu;
};

} // namespace ConfigDeck::Ui
