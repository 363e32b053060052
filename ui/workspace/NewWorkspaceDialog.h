#pragma once

#include "session/WorkspaceKey.h"
#include "store/StoreTypes.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace ConfigDeck::Ui {

class DatabaseConnectionForm;

// File > New workspace…: a file on this computer, protected by the OS keychain (the default where one
// answers) or a passphrase typed twice with a strength hint; or a shared PostgreSQL database, protected by a
// team passphrase only (one computer's keychain cannot open it in the team's other consoles). OK stays
// disabled, with the reason shown, while the choice is incomplete. Without a path (setAsksForPath(false)) it
// only chooses a protection, e.g. to protect a Demo that holds real devices. For an open shared workspace
// (setProtectsSharedWorkspace(true)) it offers a new team passphrase or forgetting the team key on this
// computer; the keychain alone stays refused, with the reason shown.
class NewWorkspaceDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit NewWorkspaceDialog(bool keychainAvailable, QWidget* parent = nullptr);

    void setAsksForPath(bool asks);
    void setPath(const QString& path);
    // The file, with the .configdeck suffix added when missing.
    QString path() const;
    Session::WorkspaceProtection protection() const;

    // File > Workspace protection… of an open shared workspace (implies setAsksForPath(false)).
    void setProtectsSharedWorkspace(bool shared);
    // The choice to delete this computer's keychain entry of the team key, instead of a new passphrase.
    bool forgetsTeamKey() const;

    // Whether the new workspace goes into a shared PostgreSQL database rather than a file.
    bool isShared() const;
    void setShared(bool shared);
    // The file path, or the database URL (without password) for a shared one.
    QString location() const;
    DatabaseConnectionForm* connectionForm() const { return m_connection; }

    // Called on OK; a failure is shown in the dialog, which stays open (nothing was changed).
    void setOpener(std::function<Store::Status()> opener) { m_opener = std::move(opener); }
    void accept() override;

    // Why OK is disabled (empty when it is not).
    QString problem() const;
    static QString strengthHint(const QString& passphrase);

    QRadioButton* fileButton() const { return m_fileMode; }
    QRadioButton* sharedButton() const { return m_sharedMode; }
    QLineEdit* pathEdit() const { return m_path; }
    QRadioButton* keychainButton() const { return m_keychain; }
    QRadioButton* passphraseButton() const { return m_passphraseMode; }
    QRadioButton* forgetTeamKeyButton() const { return m_forgetTeamKey; }
    QLabel* keychainNote() const { return m_keychainNote; }
    QLineEdit* passphraseEdit() const { return m_passphrase; }
    QLineEdit* confirmEdit() const { return m_confirm; }
    QLabel* strengthLabel() const { return m_strength; }
    QPushButton* okButton() const;

private:
    void browse();
    void update();
    void fieldsChanged();

    bool m_asksForPath = true;
    bool m_protectsShared = false;
    bool m_keychainAvailable;
    QRadioButton* m_fileMode;
    QRadioButton* m_sharedMode;
    DatabaseConnectionForm* m_connection;
    QString m_openError;
    std::function<Store::Status()> m_opener;
    QLineEdit* m_path;
    QPushButton* m_browse;
    QRadioButton* m_keychain;
    QRadioButton* m_passphraseMode;
    QRadioButton* m_forgetTeamKey;
    QLabel* m_keychainNote;
    QLineEdit* m_passphrase;
    QLineEdit* m_confirm;
    QLabel* m_strength;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
    QList<QWidget*> m_pathWidgets; // hidden without a path: where, and the file's
    QList<QWidget*> m_fileWidgets; // hidden for a shared workspace
    QList<QWidget*> m_passphraseWidgets;
};

} // namespace ConfigDeck::Ui
