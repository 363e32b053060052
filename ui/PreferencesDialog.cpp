#include "PreferencesDialog.h"

#include "Localization.h"
#include "RecentWorkspaces.h"
#include "session/ConsoleSession.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

namespace {

const QString kOperatorKey = QStringLiteral("General/operatorName");

// The language a choice stands for ("" is the system's).
QString languageOf(const QString& choice)
{
    return choice.isEmpty() ? Localization::languageFor(QLocale::system()) : choice;
}

} // namespace

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_restartNote(new QLabel(this))
    , m_idleLock(new QSpinBox(this))
    , m_operator(new QLineEdit(this))
    , m_stored(Localization::configuredLanguage())
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));

    m_language->setObjectName(QStringLiteral("preferencesLanguage"));
    m_language->addItem(
        tr("System default (%1)").arg(Localization::nativeName(Localization::languageFor(QLocale::system()))),
        QString());
    for (const QString& language : Localization::availableLanguages())
        m_language->addItem(Localization::nativeName(language), language);
    if (!selectLanguage(m_stored))
        m_language->setCurrentIndex(0);

    m_restartNote->setObjectName(QStringLiteral("preferencesRestartNote"));
    m_restartNote->setText(tr("The new language takes effect when ConfigDeck restarts."));
    m_restartNote->setWordWrap(true);
    connect(m_language, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateNote);

    m_idleLock->setObjectName(QStringLiteral("preferencesIdleLock"));
    m_idleLock->setRange(0, 24 * 60);
    m_idleLock->setSuffix(tr(" min"));
    m_idleLock->setSpecialValueText(tr("Never"));
    m_idleLock->setValue(RecentWorkspaces::idleLockMinutes());
    m_idleLock->setToolTip(
        tr("Without input for this long, an open workspace locks itself: its DeviceSecrets "
           "need the passphrase or the keychain again."));

    m_operator->setObjectName(QStringLiteral("preferencesOperator"));
    m_operator->setText(QSettings().value(kOperatorKey).toString());
    m_operator->setPlaceholderText(Session::ConsoleSession::defaultOperatorName());
    m_operator->setToolTip(tr("Recorded with every push, rollout and edit made at this console, and shown in "
                              "the message log and the rollout history. Empty: your account name."));

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("Lock the workspace when &idle for:"), m_idleLock);
    form->addRow(tr("&Operator name:"), m_operator);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_restartNote);
    layout->addStretch(1);
    layout->addWidget(buttons);
    updateNote();
}

QString PreferencesDialog::selectedLanguage() const
{
    return m_language->currentData().toString();
}

bool PreferencesDialog::selectLanguage(const QString& language)
{
    const int index = m_language->findData(language);
    if (index < 0)
        return false;
    m_language->setCurrentIndex(index);
    return true;
}

void PreferencesDialog::updateNote()
{
    m_restartNote->setVisible(languageOf(selectedLanguage()) != Localization::installedLanguage());
}

QString PreferencesDialog::operatorName()
{
    const QString stored = QSettings().value(kOperatorKey).toString().trimmed();
    return stored.isEmpty() ? Session::ConsoleSession::defaultOperatorName() : stored;
}

void PreferencesDialog::accept()
{
    RecentWorkspaces::setIdleLockMinutes(m_idleLock->value());
    QSettings().setValue(kOperatorKey, m_operator->text().trimmed());
    const QString chosen = selectedLanguage();
    if (chosen != m_stored) {
        Localization::setConfiguredLanguage(chosen);
        m_stored = chosen;
        emit languageChanged(chosen);
    }
    QDialog::accept();
}

} // namespace ConfigDeck::Ui
