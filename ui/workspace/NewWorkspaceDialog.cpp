#include "NewWorkspaceDialog.h"

#include "DatabaseConnectionForm.h"
#include "store/secrets/KeyVault.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <cmath>

namespace ConfigDeck::Ui {

namespace {
const QString kSuffix = QStringLiteral(".configdeck");
}

NewWorkspaceDialog::NewWorkspaceDialog(bool keychainAvailable, QWidget* parent)
    : QDialog(parent)
    , m_keychainAvailable(keychainAvailable)
    , m_fileMode(new QRadioButton(tr("A file on this &computer"), this))
    , m_sharedMode(new QRadioButton(tr("A &shared PostgreSQL database"), this))
    , m_connection(new DatabaseConnectionForm(this))
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_keychain(new QRadioButton(tr("Keep the key in the OS &keychain"), this))
    , m_passphraseMode(new QRadioButton(tr("Protect the key with a &passphrase"), this))
    , m_forgetTeamKey(new QRadioButton(tr("&Forget the team key on this computer"), this))
    , m_keychainNote(new QLabel(this))
    , m_passphrase(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_strength(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New workspace"));
    setObjectName(QStringLiteral("newWorkspaceDialog"));
    m_fileMode->setObjectName(QStringLiteral("newWorkspaceFileMode"));
    m_sharedMode->setObjectName(QStringLiteral("newWorkspaceSharedMode"));
    m_path->setObjectName(QStringLiteral("newWorkspacePath"));
    m_keychain->setObjectName(QStringLiteral("newWorkspaceKeychain"));
    m_passphraseMode->setObjectName(QStringLiteral("newWorkspacePassphraseMode"));
    m_forgetTeamKey->setObjectName(QStringLiteral("newWorkspaceForgetTeamKey"));
    m_keychainNote->setObjectName(QStringLiteral("newWorkspaceKeychainNote"));
    m_passphrase->setObjectName(QStringLiteral("newWorkspacePassphrase"));
    m_confirm->setObjectName(QStringLiteral("newWorkspaceConfirm"));
    m_strength->setObjectName(QStringLiteral("newWorkspaceStrength"));
    m_problem->setObjectName(QStringLiteral("newWorkspaceProblem"));

    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_path->setText(QDir::toNativeSeparators(QDir(documents).filePath(QStringLiteral("fleet") + kSuffix)));
    m_path->setMinimumWidth(380);
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(
        tr("At least %1 characters").arg(Store::KeyVault::kMinimumPassphraseLength));
    m_confirm->setPlaceholderText(tr("The same passphrase again"));
    m_keychainNote->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color:#b3261e"));

    auto* where = new QButtonGroup(this);
    where->addButton(m_fileMode);
    where->addButton(m_sharedMode);
    m_fileMode->setChecked(true);
    m_connection->hide();

    auto* group = new QButtonGroup(this);
    group->addButton(m_keychain);
    group->addButton(m_passphraseMode);
    group->addButton(m_forgetTeamKey);
    m_forgetTeamKey->setToolTip(tr("The next time this computer opens the workspace, the team passphrase is "
                                   "asked (the keychain entry is deleted; the workspace stays as it is)."));
    m_forgetTeamKey->hide();
    m_keychain->setEnabled(keychainAvailable);
    (keychainAvailable ? m_keychain : m_passphraseMode)->setChecked(true);
    m_keychainNote->setEnabled(false);

    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    auto* pathLabel = new QLabel(tr("&File:"), this);
    pathLabel->setBuddy(m_path);
    auto* passphraseLabel = new QLabel(tr("Pass&phrase:"), this);
    passphraseLabel->setBuddy(m_passphrase);
    auto* confirmLabel = new QLabel(tr("&Again:"), this);
    confirmLabel->setBuddy(m_confirm);

    auto* form = new QFormLayout;
    auto* whereLabel = new QLabel(tr("Where:"), this);
    form->addRow(whereLabel, m_fileMode);
    form->addRow(QString(), m_sharedMode);
    form->addRow(pathLabel, pathRow);
    form->addRow(QString(), m_connection);
    auto* protectionLabel = new QLabel(tr("Protection:"), this);
    form->addRow(protectionLabel, m_keychain);
    form->addRow(QString(), m_keychainNote);
    form->addRow(QString(), m_passphraseMode);
    form->addRow(passphraseLabel, m_passphrase);
    form->addRow(confirmLabel, m_confirm);
    form->addRow(QString(), m_strength);
    form->addRow(QString(), m_forgetTeamKey);
    m_pathWidgets = {whereLabel, m_fileMode, m_sharedMode, pathLabel, m_path, m_browse};
    m_fileWidgets = {pathLabel, m_path, m_browse};
    m_passphraseWidgets = {passphraseLabel, m_passphrase, confirmLabel, m_confirm, m_strength};

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_browse, &QPushButton::clicked, this, &NewWorkspaceDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* edit : {m_path, m_passphrase, m_confirm})
        connect(edit, &QLineEdit::textChanged, this, &NewWorkspaceDialog::fieldsChanged);
    connect(m_keychain, &QRadioButton::toggled, this, &NewWorkspaceDialog::fieldsChanged);
    connect(m_forgetTeamKey, &QRadioButton::toggled, this, &NewWorkspaceDialog::fieldsChanged);
    connect(m_sharedMode, &QRadioButton::toggled, this, &NewWorkspaceDialog::fieldsChanged);
    connect(m_connection, &DatabaseConnectionForm::changed, this, &NewWorkspaceDialog::fieldsChanged);
    update();
}

void NewWorkspaceDialog::setAsksForPath(bool asks)
{
    m_asksForPath = asks;
    if (!asks)
        m_fileMode->setChecked(true);
    for (QWidget* widget : std::as_const(m_pathWidgets))
        widget->setVisible(asks);
    update();
}

void NewWorkspaceDialog::setProtectsSharedWorkspace(bool shared)
{
    m_protectsShared = shared;
    if (shared) {
        setAsksForPath(false);
        m_passphraseMode->setChecked(true);
    }
    m_forgetTeamKey->setVisible(shared);
    update();
}

bool NewWorkspaceDialog::forgetsTeamKey() const
{
    return m_protectsShared && m_forgetTeamKey->isChecked();
}

bool NewWorkspaceDialog::isShared() const
{
    return m_asksForPath && m_sharedMode->isChecked();
}

void NewWorkspaceDialog::setShared(bool shared)
{
    (shared ? m_sharedMode : m_fileMode)->setChecked(true);
}

QString NewWorkspaceDialog::location() const
{
    return isShared() ? m_connection->url() : path();
}

void NewWorkspaceDialog::accept()
{
    if (!okButton()->isEnabled())
        return;
    if (m_opener) {
        const Store::Status status = m_opener();
        if (!status) {
            m_openError = status.error().message();
            update();
            return;
        }
    }
    QDialog::accept();
}

void NewWorkspaceDialog::setPath(const QString& path)
{
    m_path->setText(QDir::toNativeSeparators(path));
}

QString NewWorkspaceDialog::path() const
{
    QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    if (!path.isEmpty() && !path.endsWith(kSuffix, Qt::CaseInsensitive))
        path += kSuffix;
    return path;
}

Session::WorkspaceProtection NewWorkspaceDialog::protection() const
{
    return m_keychain->isChecked() ? Session::WorkspaceProtection::keychain()
                                   : Session::WorkspaceProtection::withPassphrase(m_passphrase->text());
}

QPushButton* NewWorkspaceDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString NewWorkspaceDialog::problem() const
{
    if (isShared()) {
        const QString connection = m_connection->problem();
        if (!connection.isEmpty())
            return connection;
    } else if (m_asksForPath) {
        const QString file = path();
        if (file.isEmpty())
            return tr("Choose where the workspace file goes.");
        const QFileInfo info(file);
        if (info.exists())
            return tr("%1 already exists: choose a new file name, or open it with Open workspace.")
                .arg(info.fileName());
        if (!info.absoluteDir().exists())
            return tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(info.absolutePath()));
    }
    if (m_keychain->isChecked())
        return m_protectsShared ? Session::WorkspaceKey::teamPassphraseReason() : QString();
    if (forgetsTeamKey())
        return {};
    const QString passphrase = m_passphrase->text();
    const auto length = passphrase.toUcs4().size();
    if (length < Store::KeyVault::kMinimumPassphraseLength)
        return tr("The passphrase needs at least %1 characters (%2 so far).")
            .arg(Store::KeyVault::kMinimumPassphraseLength)
            .arg(length);
    if (passphrase == Store::KeyRecord::kDemoPassphrase)
        return tr("This passphrase ships with ConfigDeck: choose your own.");
    if (m_confirm->text() != passphrase)
        return tr("The two passphrases differ.");
    return {};
}

QString NewWorkspaceDialog::strengthHint(const QString& passphrase)
{
    if (passphrase.isEmpty())
        return {};
    // A rough estimate: length times the bits of the character classes used. Enough to tell "password1"
    // from a sentence; it is a hint, not a rule.
    bool lower = false, upper = false, digit = false, symbol = false, other = false;
    for (const uint c : passphrase.toUcs4()) {
        if (c >= 'a' && c <= 'z')
            lower = true;
        else if (c >= 'A' && c <= 'Z')
            upper = true;
        else if (c >= '0' && c <= '9')
            digit = true;
        else if (c < 128)
            symbol = true;
        else
            other = true;
    }
    const int pool =
        (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 100 : 0);
    const double bits = double(passphrase.toUcs4().size()) * std::log2(double(qMax(pool, 2)));
    if (bits < 45)
        return tr("Strength: weak. Longer is better: a few unrelated words make a strong passphrase.");
    if (bits < 65)
        return tr("Strength: fair. A few more characters or words would make it strong.");
    return tr("Strength: strong.");
}

void NewWorkspaceDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("New workspace"), path(),
                                                        tr("ConfigDeck workspaces (*.configdeck)"));
    if (!chosen.isEmpty())
        setPath(chosen);
}

void NewWorkspaceDialog::fieldsChanged()
{
    // A failed attempt stays said until a field changes.
    m_openError.clear();
    update();
}

void NewWorkspaceDialog::update()
{
    const bool creatingShared = isShared();
    const bool shared = creatingShared || m_protectsShared;
    for (QWidget* widget : std::as_const(m_fileWidgets))
        widget->setVisible(m_asksForPath && !creatingShared);
    m_connection->setVisible(creatingShared);
    // A shared workspace opens in every team member's console: only a passphrase they share opens its key.
    m_keychain->setEnabled(m_keychainAvailable && !shared);
    if (creatingShared)
        m_passphraseMode->setChecked(true);
    m_passphraseMode->setText(m_protectsShared ? tr("Change the team &passphrase")
                              : shared         ? tr("Protect the key with a team &passphrase")
                                               : tr("Protect the key with a &passphrase"));
    m_keychainNote->setText(
        m_protectsShared
            ? Session::WorkspaceKey::teamPassphraseReason() + u' ' +
                  tr("The consoles that keep the team key in their keychain open it as before when the "
                     "passphrase changes; give your team the new one.")
        : shared
            ? tr("A shared workspace is opened by the whole team: one computer's keychain cannot open it "
                 "in the others' consoles, so its key is protected by a team passphrase that you give "
                 "your team.")
        : m_keychainAvailable
            ? tr("The OS keychain unlocks the workspace when you log in; nothing to remember.")
            : tr("No OS keychain answers here (remote session, container or no keychain service): protect "
                 "the workspace with a passphrase."));
    m_keychainNote->setEnabled(m_protectsShared); // there it is the reason, not a hint
    const bool passphrase = m_passphraseMode->isChecked();
    for (QWidget* widget : std::as_const(m_passphraseWidgets))
        widget->setEnabled(passphrase);
    m_strength->setText(passphrase ? strengthHint(m_passphrase->text()) : QString());
    const QString why = problem();
    const QString shown = why.isEmpty() ? m_openError : why;
    m_problem->setText(shown);
    m_problem->setVisible(!shown.isEmpty());
    okButton()->setEnabled(why.isEmpty());
}

} // namespace ConfigDeck::Ui
