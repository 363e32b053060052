#pragma once

#include "store/StoreTypes.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace ConfigDeck::Ui {

class DatabaseConnectionForm;

// File > Open shared workspace…: the PostgreSQL connection of a shared workspace and its password. OK
// calls the opener; a failure (connection refused, wrong password, not a ConfigDeck database, newer
// schema) is shown in the dialog, which stays open with nothing changed.
class OpenSharedWorkspaceDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit OpenSharedWorkspaceDialog(QWidget* parent = nullptr);

    DatabaseConnectionForm* connectionForm() const { return m_connection; }
    void setOpener(std::function<Store::Status()> opener) { m_opener = std::move(opener); }
    // What the dialog says is wrong (empty when nothing).
    QString problem() const;
    QPushButton* okButton() const;
    void accept() override;

private:
    void update();

    DatabaseConnectionForm* m_connection;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
    QString m_openError;
    std::function<Store::Status()> m_opener;
};

} // namespace ConfigDeck::Ui
