#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace ConfigDeck::Ui {

class ReplyCodeModel;

// The reference of every reply code: search by code, name or meaning; narrow by category and sender.
class ReplyCodeCatalogView final : public QWidget
{
    Q_OBJECT

public:
    explicit ReplyCodeCatalogView(QWidget* parent = nullptr);

    void setSearchText(const QString& text);
    int visibleRowCount() const;
    QTableView* table() const { return m_table; }

private:
    void updateFilters();

    ReplyCodeModel* m_model;
    QSortFilterProxyModel* m_categoryFilter;
    QSortFilterProxyModel* m_sourceFilter;
    QSortFilterProxyModel* m_textFilter;
    QLineEdit* m_search;
    QComboBox* m_category;
    QComboBox* m_source;
    QTableView* m_table;
    QLabel* m_count;
};

} // namespace ConfigDeck::Ui
