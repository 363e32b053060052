#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace ConfigDeck::Session {
class ConsoleSession;
}

namespace ConfigDeck::Ui {

class IdentityEditor;

// The workspace's products: add one (ProductKey, display name), rename it (edit the name in place), delete
// it (asks first; with its devices when it has any), and per product switch remote configuration (off:
// devices get 6713) and Alibaba limits. Every change goes through the IdentityEditor, so it can be undone.
class ProductsDialog final : public QDialog
{
    Q_OBJECT
public:
    enum Column
    {
        KeyColumn,
        NameColumn,
        DevicesColumn,
        RemoteConfigColumn,
        LimitsColumn,
        ColumnCount
    };

    ProductsDialog(Session::ConsoleSession* session, IdentityEditor* editor, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QLineEdit* newKeyEdit() const { return m_newKey; }
    QLineEdit* newNameEdit() const { return m_newName; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* deleteButton() const { return m_delete; }
    QString problemText() const;
    int rowOf(const QString& productKey) const;

    void addProduct();
    // Asks first; with devices, says how many go with the product.
    void deleteCurrent();
    void renameCurrent();

private:
    void reload();
    void itemChanged(QTableWidgetItem* item);
    void showProblem(const QString& message);

    Session::ConsoleSession* m_session;
    IdentityEditor* m_editor;
    QLineEdit* m_newKey;
    QLineEdit* m_newName;
    QPushButton* m_add;
    QTableWidget* m_table;
    QPushButton* m_rename;
    QPushButton* m_delete;
    QLabel* m_problem;
    bool m_loading = false;
};

} // namespace ConfigDeck::Ui
