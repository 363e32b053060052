#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ConfigDeck::Ui {

// Edit > Preferences: the interface language, "System default (<language>)" or one ConfigDeck ships,
// each named in its own language. Stored by Localization (QSettings "General/language", empty for the
// system's); the new language is used from the next start. Also the idle time after which a workspace
// locks itself, and the operator's name: who is at this console, recorded with each push, rollout and edit
// (QSettings "General/operatorName", empty for the account name).
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    QComboBox* languageBox() const { return m_language; }
    // The chosen language: "zh_CN", "en", or empty for the system's.
    QString selectedLanguage() const;
    // Selects a language ("" for the system's); false when ConfigDeck has no such translation.
    bool selectLanguage(const QString& language);
    // Shown while the choice differs from the language ConfigDeck runs in.
    QLabel* restartNote() const { return m_restartNote; }
    // Minutes without input after which an open workspace locks itself (0: never).
    QSpinBox* idleLockBox() const { return m_idleLock; }
    // Empty: the OS account name (shown as the placeholder).
    QLineEdit* operatorBox() const { return m_operator; }

    // The operator's name: the one stored, else the OS account name.
    static QString operatorName();

    // Stores the choice.
    void accept() override;

signals:
    // After accept(), when the stored choice changed.
    void languageChanged(const QString& language);

private:
    void updateNote();

    QComboBox* m_language;
    QLabel* m_restartNote;
    QSpinBox* m_idleLock;
    QLineEdit* m_operator;
    QString m_stored; // the stored choice when the dialog opened
};

} // namespace ConfigDeck::Ui
