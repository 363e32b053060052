#pragma once

#include "session/WorkspaceKey.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace ConfigDeck::Ui {

// File > New workspace…: where the file goes and how its key is protected, the OS keychain (the default
// where one answers) or a passphrase typed twice, with a strength hint. OK stays disabled, with the reason
// shown, while the choice is incomplete. Without a path (setAsksForPath(false)) it only chooses a protection,
// e.g. to protect a Demo that holds real devices.
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

    // Why OK is disabled (empty when it is not).
    QString problem() const;
    static QString strengthHint(const QString& passphrase);

    QLineEdit* pathEdit() const { return m_path; }
    QRadioButton* keychainButton() const { return m_keychain; }
    QRadioButton* passphraseButton() const { return m_passphraseMode; }
    QLineEdit* passphraseEdit() const { return m_passphrase; }
    QLineEdit* confirmEdit() const { return m_confirm; }
    QLabel* strengthLabel() const { return m_strength; }
    QPushButton* okButton() const;

private:
    void browse();
    void update();

    bool m_asksForPath = true;
    QLineEdit* m_path;
    QPushButton* m_browse;
    QRadioButton* m_keychain;
    QRadioButton* m_passphraseMode;
    QLabel* m_keychainNote;
    QLineEdit* m_passphrase;
    QLineEdit* m_confirm;
    QLabel* m_strength;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
    QList<QWidget*> m_pathWidgets;
    QList<QWidget*> m_passphraseWidgets;
};

} // namespace ConfigDeck::Ui
