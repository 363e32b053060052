#include "DatabaseConnectionForm.h"
#include "Localization.h"
#include "MainWindow.h"
#include "NewWorkspaceDialog.h"
#include "OpenSharedWorkspaceDialog.h"
#include "PassphraseDialog.h"
#include "RecentWorkspaces.h"
#include "store/Workspace.h"
#include "store/secrets/KeyVault.h"
#include "support/GuiTestHelpers.h"
#include "support/PostgresFixture.h"
#include "support/StoredValue.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using namespace ConfigDeck::Ui;
using TestSupport::PostgresFixture;
using TestSupport::whenModal;

// A Store::Status the test expects to succeed; a failure prints its error.
#define STORE_VERIFY(expression)                                                                             \
    do {                                                                                                     \
        const auto status_ = (expression);                                                                   \
        QVERIFY2(bool(status_), qPrintable(status_ ? QString() : status_.error().message()));                \
    } while (false)

namespace {
const QString kTeamPassphrase = QStringLiteral("harbour lantern seven");
const QString kNewTeamPassphrase = QStringLiteral("quay compass eleven");

// Counts the passphrase prompts shown while it lives, cancelling each (a test that expects none).
class PassphrasePromptWatch final
{
public:
    PassphrasePromptWatch()
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            if (auto* prompt = qobject_cast<PassphraseDialog*>(QApplication::activeModalWidget())) {
                ++m_shown;
                prompt->reject();
            }
        });
        m_timer.start();
    }
    int shown() const { return m_shown; }

private:
    QTimer m_timer;
    int m_shown = 0;
};

void fillConnection(DatabaseConnectionForm* form, const PostgresFixture& server, const QString& database,
                    const QString& password)
{
    form->hostEdit()->setText(server.host());
    form->portEdit()->setValue(server.port());
    form->databaseEdit()->setText(database);
    form->userEdit()->setText(server.user());
    form->sslModeBox()->setCurrentIndex(form->sslModeBox()->findData(QStringLiteral("disable")));
    form->passwordEdit()->setText(password);
}
} // namespace

// The shared workspace as a user reaches it: New workspace… into a PostgreSQL database (team passphrase
// only), Open shared workspace… and the recent list with the password the OS keychain keeps, errors said in
// the dialog with nothing changed, and a second console that sees the first one's changes.
class TestSharedWorkspaceWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createSharedWorkspaceThroughTheDialog();
    void foreignDatabaseIsRefusedInTheDialog();
    void reopenFromRecentWithTheRememberedPassword();
    void protectionRefusesTheKeychainAndForgetsTheTeamKey();
    void protectionChangesTheTeamPassphrase();
    void saveCopyOfTheSharedWorkspace();
    void wrongPasswordIsRefusedAndChangesNothing();
    void secondConsoleSeesDevicesAddedInTheFirst();
    void cleanupTestCase();

private:
    QString url(const QString& database) const;

    QTemporaryDir m_settingsDir;
    PostgresFixture m_server;
    std::unique_ptr<MainWindow> m_window;
};

void TestSharedWorkspaceWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfigDeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestSharedWorkspaceWindow"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCOMPARE(Localization::install(QLocale::c()), QStringLiteral("en"));
    RecentWorkspaces::setIdleLockMinutes(0);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY2(m_server.createDatabase(QStringLiteral("fleet_team")), qPrintable(m_server.errorString()));
    Store::KeyVault::forgetDatabasePassword(url(QStringLiteral("fleet_team")));
    Store::KeyVault::forgetTeamKey(url(QStringLiteral("fleet_team")));
    m_window = std::make_unique<MainWindow>();
    m_window->show();
}

void TestSharedWorkspaceWindow::cleanupTestCase()
{
    m_window.reset();
    Store::KeyVault::forgetDatabasePassword(url(QStringLiteral("fleet_team")));
    Store::KeyVault::forgetTeamKey(url(QStringLiteral("fleet_team")));
}

QString TestSharedWorkspaceWindow::url(const QString& database) const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4?sslmode=disable")
        .arg(m_server.user(), m_server.host())
        .arg(m_server.port())
        .arg(database);
}

void TestSharedWorkspaceWindow::createSharedWorkspaceThroughTheDialog()
{
    bool keychainOffered = true;
    QString note;
    whenModal<NewWorkspaceDialog>([&](NewWorkspaceDialog* dialog) {
        dialog->sharedButton()->setChecked(true);
        keychainOffered = dialog->keychainButton()->isEnabled();
        for (QLabel* label : dialog->findChildren<QLabel*>())
            if (label->text().contains(QStringLiteral("keychain")))
                note = label->text();
        fillConnection(dialog->connectionForm(), m_server, QStringLiteral("fleet_team"), m_server.password());
        dialog->connectionForm()->rememberBox()->setChecked(true);
        // Only the team passphrase, typed twice.
        dialog->passphraseEdit()->setText(kTeamPassphrase);
        QVERIFY(!dialog->okButton()->isEnabled());
        dialog->confirmEdit()->setText(kTeamPassphrase);
        QVERIFY2(dialog->okButton()->isEnabled(), qPrintable(dialog->problem()));
        QCOMPARE(dialog->location(), url(QStringLiteral("fleet_team")));
        QVERIFY(!dialog->location().contains(m_server.password()));
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    QVERIFY(m_window->newWorkspace());
    QVERIFY(!keychainOffered);
    QVERIFY2(note.contains(QStringLiteral("team passphrase")), qPrintable(note));
    // The creator's keychain keeps the team key, as a first unlock does, and the window says so.
    QVERIFY(m_window->session()->teamKeyKept());
    const QString said = m_window->statusBar()->currentMessage();
    QVERIFY2(said.contains(QStringLiteral("team key is kept in this computer's keychain")), qPrintable(said));

    Store::Workspace* workspace = m_window->session()->workspace();
    QVERIFY(workspace);
    QVERIFY(workspace->isShared());
    QCOMPARE(workspace->path(), url(QStringLiteral("fleet_team")));
    QVERIFY2(m_window->windowTitle().startsWith(
                 QStringLiteral("fleet_team on 127.0.0.1 (shared, team passphrase")),
             qPrintable(m_window->windowTitle()));
    auto* mode = m_window->findChild<QLabel*>(QStringLiteral("statusMode"));
    QVERIFY(mode);
    QVERIFY2(mode->text().contains(QStringLiteral("fleet_team on 127.0.0.1 (shared, team passphrase)")),
             qPrintable(mode->text()));
    // The recent list keeps the URL, never the password; the keychain keeps the password.
    QCOMPARE(RecentWorkspaces::list().value(0), url(QStringLiteral("fleet_team")));
    for (const QString& key : QSettings().allKeys())
        QVERIFY(!QSettings().value(key).toString().contains(m_server.password()));
    QCOMPARE(Store::KeyVault::recallDatabasePassword(url(QStringLiteral("fleet_team"))).value_or(QString()),
             m_server.password());
}

void TestSharedWorkspaceWindow::foreignDatabaseIsRefusedInTheDialog()
{
    QVERIFY(m_server.createDatabase(QStringLiteral("inventory")));
    QVERIFY(m_server.exec(QStringLiteral("CREATE TABLE parts (id integer)"), QStringLiteral("inventory")));
    Store::Workspace* before = m_window->session()->workspace();
    QVERIFY(before);
    QString error;
    bool stayedOpen = false;
    whenModal<NewWorkspaceDialog>([&](NewWorkspaceDialog* dialog) {
        dialog->sharedButton()->setChecked(true);
        fillConnection(dialog->connectionForm(), m_server, QStringLiteral("inventory"), m_server.password());
        dialog->passphraseEdit()->setText(kTeamPassphrase);
        dialog->confirmEdit()->setText(kTeamPassphrase);
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        error = dialog->findChild<QLabel*>(QStringLiteral("newWorkspaceProblem"))->text();
        stayedOpen = dialog->isVisible();
        dialog->reject();
    });
    QVERIFY(!m_window->newWorkspace());
    QVERIFY(stayedOpen);
    QVERIFY2(error.contains(QStringLiteral("not a ConfigDeck workspace")), qPrintable(error));
    // Nothing changed: the same workspace is open, the foreign table alone in its database.
    QCOMPARE(m_window->session()->workspace(), before);
    QCOMPARE(m_window->session()->workspace()->path(), url(QStringLiteral("fleet_team")));
}

void TestSharedWorkspaceWindow::reopenFromRecentWithTheRememberedPassword()
{
    m_window->closeWorkspace();
    QVERIFY(!m_window->session()->workspace());
    // The creator's computer keeps the team key since the creation: OK in the prefilled dialog is all, the
    // database password coming from the keychain too.
    QString prefilledPassword;
    bool remembered = false;
    whenModal<OpenSharedWorkspaceDialog>([&](OpenSharedWorkspaceDialog* dialog) {
        prefilledPassword = dialog->connectionForm()->password();
        remembered = dialog->connectionForm()->rememberBox()->isChecked();
        QCOMPARE(dialog->connectionForm()->url(), url(QStringLiteral("fleet_team")));
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    {
        PassphrasePromptWatch prompts;
        STORE_VERIFY(m_window->openWorkspaceFile(RecentWorkspaces::list().value(0)));
        QCOMPARE(prompts.shown(), 0);
    }
    QCOMPARE(prefilledPassword, m_server.password());
    QVERIFY(remembered);
    QVERIFY(m_window->session()->workspace());
    QVERIFY(m_window->session()->workspace()->isShared());
    QVERIFY(!m_window->session()->isLocked());
}

// File > Workspace protection… on a shared workspace: the keychain alone is refused with the reason shown;
// "Forget the team key on this computer" deletes the keychain entry, so the next open asks the team
// passphrase (and that first unlock keeps the key again).
void TestSharedWorkspaceWindow::protectionRefusesTheKeychainAndForgetsTheTeamKey()
{
    QVERIFY(m_window->session()->teamKeyKept());
    bool keychainOffered = true;
    bool forgetOffered = false;
    QString reason;
    QString problemWithKeychain;
    whenModal<NewWorkspaceDialog>([&](NewWorkspaceDialog* dialog) {
        keychainOffered = dialog->keychainButton()->isEnabled();
        forgetOffered = dialog->forgetTeamKeyButton()->isVisible();
        reason = dialog->keychainNote()->isVisible() ? dialog->keychainNote()->text() : QString();
        QVERIFY(!dialog->pathEdit()->isVisible());
        QVERIFY(!dialog->connectionForm()->isVisible());
        // Even forced, the keychain is no choice: OK stays disabled with the reason.
        dialog->keychainButton()->setChecked(true);
        problemWithKeychain = dialog->problem();
        QVERIFY(!dialog->okButton()->isEnabled());
        dialog->forgetTeamKeyButton()->setChecked(true);
        QVERIFY2(dialog->okButton()->isEnabled(), qPrintable(dialog->problem()));
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    const QByteArray record = storedValue(m_window->session()->workspace()->keys().record());
    m_window->editProtection();
    QVERIFY(!keychainOffered);
    QVERIFY(forgetOffered);
    QVERIFY2(
        reason.contains(QStringLiteral("wrapped under a team passphrase so that every member can open it")),
        qPrintable(reason));
    QVERIFY2(problemWithKeychain.contains(QStringLiteral("so that every member can open it")),
             qPrintable(problemWithKeychain));
    const QString said = m_window->statusBar()->currentMessage();
    QVERIFY2(said.contains(QStringLiteral("no longer keeps the team key")), qPrintable(said));
    QVERIFY(!m_window->session()->teamKeyKept());
    QVERIFY(!m_window->session()->isLocked());
    // The workspace's record is untouched; only this computer's keychain entry went.
    const auto keyRecord = Store::KeyRecord::fromBytes(record);
    QVERIFY(keyRecord);
    QCOMPARE(storedValue(m_window->session()->workspace()->keys().record()), record);
    QVERIFY(!Store::KeyVault::recallTeamKey(url(QStringLiteral("fleet_team")), *keyRecord));

    // So the next open asks for the team passphrase, once.
    m_window->closeWorkspace();
    whenModal<OpenSharedWorkspaceDialog>(
        [&](OpenSharedWorkspaceDialog* dialog) { QTest::mouseClick(dialog->okButton(), Qt::LeftButton); });
    bool passphraseAsked = false;
    whenModal<PassphraseDialog>([&](PassphraseDialog* dialog) {
        passphraseAsked = true;
        dialog->passphraseEdit()->setText(kTeamPassphrase);
        dialog->accept();
    });
    STORE_VERIFY(m_window->openWorkspaceFile(RecentWorkspaces::list().value(0)));
    QVERIFY(passphraseAsked);
    QVERIFY(m_window->session()->workspace());
    QVERIFY(m_window->session()->teamKeyKept());
}

// A new team passphrase: asked after the choice, the current one checked first (a wrong one changes
// nothing); a console that keeps the team key in its keychain opens as before, the old passphrase is wrong.
void TestSharedWorkspaceWindow::protectionChangesTheTeamPassphrase()
{
    Store::Workspace* workspace = m_window->session()->workspace();
    QVERIFY(workspace);
    QString wrongSaid;
    whenModal<NewWorkspaceDialog>([&](NewWorkspaceDialog* dialog) {
        QVERIFY(dialog->passphraseButton()->isChecked()); // the default
        QCOMPARE(dialog->passphraseButton()->text(), QStringLiteral("Change the team &passphrase"));
        dialog->passphraseEdit()->setText(kNewTeamPassphrase);
        dialog->confirmEdit()->setText(kNewTeamPassphrase);
        QVERIFY2(dialog->okButton()->isEnabled(), qPrintable(dialog->problem()));
        whenModal<PassphraseDialog>([&](PassphraseDialog* prompt) {
            prompt->passphraseEdit()->setText(QStringLiteral("not the team passphrase"));
            prompt->accept();
            wrongSaid = prompt->errorText();
            QVERIFY(prompt->isVisible());
            prompt->passphraseEdit()->setText(kTeamPassphrase);
            prompt->accept();
        });
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    m_window->editProtection();
    QVERIFY2(wrongSaid.contains(QStringLiteral("Wrong passphrase")), qPrintable(wrongSaid));
    const QString said = m_window->statusBar()->currentMessage();
    QVERIFY2(said.contains(QStringLiteral("team passphrase is changed")), qPrintable(said));
    QCOMPARE(m_window->session()->workspace(), workspace);
    QVERIFY(!m_window->session()->isLocked());

    Session::UnlockFailure failure = Session::UnlockFailure::None;
    QVERIFY(!Session::WorkspaceKey::unlock(*workspace, kTeamPassphrase, &failure));
    QCOMPARE(failure, Session::UnlockFailure::WrongPassphrase);
    QVERIFY(Session::WorkspaceKey::unlock(*workspace, kNewTeamPassphrase));

    // Another console on this computer (its keychain holds the unchanged key) opens with no prompt.
    MainWindow other;
    other.show();
    whenModal<OpenSharedWorkspaceDialog>(
        [&](OpenSharedWorkspaceDialog* dialog) { QTest::mouseClick(dialog->okButton(), Qt::LeftButton); });
    {
        PassphrasePromptWatch prompts;
        STORE_VERIFY(other.openSharedWorkspace(url(QStringLiteral("fleet_team"))));
        QCOMPARE(prompts.shown(), 0);
    }
    QVERIFY(other.session()->workspace());
    QVERIFY(!other.session()->isLocked());
}

// File > Save a copy… of a shared workspace: a workspace file, said to open with the team passphrase.
void TestSharedWorkspaceWindow::saveCopyOfTheSharedWorkspace()
{
    STORE_VERIFY(m_window->session()->workspace()->identities().addDevice(
        {QStringLiteral("a1Shared"), QStringLiteral("copied-lamp")}, "c0ffee00c0ffee00c0ffee00c0ffee02"));
    const QString copy = QDir(m_settingsDir.path()).filePath(QStringLiteral("team-copy.configdeck"));
    STORE_VERIFY(m_window->saveCopyTo(copy));
    const QString said = m_window->statusBar()->currentMessage();
    QVERIFY2(said.contains(QStringLiteral("opens with the team passphrase")), qPrintable(said));
    auto opened = Store::Workspace::open(copy, Store::Workspace::OpenMode::OpenExisting);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
    QVERIFY(!(*opened)->isShared());
    QVERIFY(Session::WorkspaceKey::unlock(**opened, kNewTeamPassphrase));
    QCOMPARE(
        storedValue((*opened)->identities().deviceCount(QStringLiteral("a1Shared"))),
        storedValue(m_window->session()->workspace()->identities().deviceCount(QStringLiteral("a1Shared"))));
    // Never over an existing file.
    QVERIFY(!m_window->saveCopyTo(copy));
}

void TestSharedWorkspaceWindow::wrongPasswordIsRefusedAndChangesNothing()
{
    Store::Workspace* before = m_window->session()->workspace();
    QVERIFY(before);
    QString error;
    bool stayedOpen = false;
    whenModal<OpenSharedWorkspaceDialog>([&](OpenSharedWorkspaceDialog* dialog) {
        dialog->connectionForm()->passwordEdit()->setText(QStringLiteral("not-the-password"));
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        error = dialog->problem();
        stayedOpen = dialog->isVisible();
        dialog->reject();
    });
    QVERIFY(!m_window->openSharedWorkspace(url(QStringLiteral("fleet_team"))));
    QVERIFY(stayedOpen);
    QVERIFY2(error.contains(QStringLiteral("password")), qPrintable(error));
    QCOMPARE(m_window->session()->workspace(), before);
    // The remembered password is still the right one.
    QCOMPARE(Store::KeyVault::recallDatabasePassword(url(QStringLiteral("fleet_team"))).value_or(QString()),
             m_server.password());
}

void TestSharedWorkspaceWindow::secondConsoleSeesDevicesAddedInTheFirst()
{
    MainWindow second;
    second.show();
    whenModal<OpenSharedWorkspaceDialog>(
        [&](OpenSharedWorkspaceDialog* dialog) { QTest::mouseClick(dialog->okButton(), Qt::LeftButton); });
    STORE_VERIFY(second.openSharedWorkspace(url(QStringLiteral("fleet_team"))));
    QVERIFY(second.session()->workspace());
    const int devices = storedValue(second.session()->workspace()->identities().deviceCount());

    STORE_VERIFY(m_window->session()->workspace()->identities().addDevice(
        {QStringLiteral("a1Shared"), QStringLiteral("lamp-from-first")}, "c0ffee00c0ffee00c0ffee00c0ffee01"));
    const QString expected = QStringLiteral("%1 devices").arg(devices + 1);
    QTRY_VERIFY2_WITH_TIMEOUT(second.countsText().startsWith(expected), qPrintable(second.countsText()),
                              5000);
}

QTEST_MAIN(TestSharedWorkspaceWindow)
#include "TestSharedWorkspaceWindow.moc"
