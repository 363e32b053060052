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
    // The first time on this computer the team passphrase is asked; the database password is remembered.
    QString prefilledPassword;
    bool remembered = false;
    whenModal<OpenSharedWorkspaceDialog>([&](OpenSharedWorkspaceDialog* dialog) {
        prefilledPassword = dialog->connectionForm()->password();
        remembered = dialog->connectionForm()->rememberBox()->isChecked();
        QCOMPARE(dialog->connectionForm()->url(), url(QStringLiteral("fleet_team")));
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    bool passphraseAsked = false;
    whenModal<PassphraseDialog>([&](PassphraseDialog* dialog) {
        passphraseAsked = true;
        dialog->passphraseEdit()->setText(kTeamPassphrase);
        dialog->accept();
    });
    STORE_VERIFY(m_window->openWorkspaceFile(RecentWorkspaces::list().value(0)));
    QCOMPARE(prefilledPassword, m_server.password());
    QVERIFY(remembered);
    QVERIFY(passphraseAsked);
    QVERIFY(m_window->session()->workspace());
    QVERIFY(m_window->session()->workspace()->isShared());

    // Since then the team key is in this computer's keychain too: OK in the prefilled dialog is all.
    m_window->closeWorkspace();
    whenModal<OpenSharedWorkspaceDialog>(
        [&](OpenSharedWorkspaceDialog* dialog) { QTest::mouseClick(dialog->okButton(), Qt::LeftButton); });
    STORE_VERIFY(m_window->openWorkspaceFile(RecentWorkspaces::list().value(0)));
    QVERIFY(m_window->session()->workspace());
    QVERIFY(!m_window->session()->isLocked());
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
