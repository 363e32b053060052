#include "CsvImportDialog.h"
#include "FleetView.h"
#include "Localization.h"
#include "MainWindow.h"
#include "NewWorkspaceDialog.h"
#include "PassphraseDialog.h"
#include "RecentWorkspaces.h"
#include "StartPage.h"
#include "session/DemoSeed.h"
#include "store/CsvExport.h"
#include "store/FleetModel.h"
#include "store/Workspace.h"
#include "store/secrets/KeyVault.h"
#include "store/secrets/SecretSealer.h"
#include "support/GuiTestHelpers.h"
#include "support/StoredValue.h"
#include "support/WorkspaceChecks.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using namespace ConfigDeck::Ui;
using TestSupport::answerNextMessageBox;
using TestSupport::clickInNextMessageBox;
using TestSupport::whenModal;

namespace {

const QString kPassphrase = QStringLiteral("river stone lantern");
const QString kNewPassphrase = QStringLiteral("quiet harbour morning");
const QByteArray kSecret = "c0ffee00c0ffee00c0ffee00c0ffee01";

// The DeviceSecret of a1Real/`deviceName` as the window's open workspace gives it back.
QByteArray storedSecret(const MainWindow& window, const QString& deviceName)
{
    return storedValue(
        window.session()->workspace()->identities().deviceSecret(QStringLiteral("a1Real"), deviceName));
}

void fillNewWorkspace(NewWorkspaceDialog* dialog, const QString& path, const QString& passphrase)
{
    if (!path.isNull())
        dialog->setPath(path);
    if (passphrase.isEmpty()) {
        dialog->keychainButton()->setChecked(true);
    } else {
        dialog->passphraseButton()->setChecked(true);
        dialog->passphraseEdit()->setText(passphrase);
        dialog->confirmEdit()->setText(passphrase);
    }
    QVERIFY2(dialog->okButton()->isEnabled(), qPrintable(dialog->problem()));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
}

// Tries `wrong` (must be refused, the prompt staying open), then `right`.
void answerPassphrase(PassphraseDialog* dialog, const QString& wrong, const QString& right,
                      QString* wrongError, bool* stayedOpen)
{
    if (!wrong.isEmpty()) {
        dialog->passphraseEdit()->setText(wrong);
        dialog->accept();
        *wrongError = dialog->errorText();
        *stayedOpen = dialog->isVisible() && dialog->result() != QDialog::Accepted;
    }
    dialog->passphraseEdit()->setText(right);
    dialog->accept();
}

} // namespace

// The window's workspace flows as a user meets them: start page, new workspace (passphrase, keychain),
// passphrase prompt, lock, protection, recent list with a missing file, and the Demo refusing real
// identities.
class TestWorkspaceWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void startPageWhenNothingWasOpen();
    void newWorkspaceWithPassphrase();
    void wrongPassphraseChangesNothing();
    void lockAndUnlock();
    void idleLock();
    void changePassphrase();
    void newWorkspaceWithKeychain();
    void openRecentWithMissingFile();
    void demoRefusesRealIdentities();
    void demoHoldingRealDevicesAsksToProtect();
    void realDevicesMoveOutOfTheDemo();
    void cleanupTestCase();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    void verifyWorkspaceFile(const QString& file, Store::Workspace* workspace);

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestWorkspaceWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfigDeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestWorkspaceWindow"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCOMPARE(Localization::install(QLocale::c()), QStringLiteral("en"));
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    RecentWorkspaces::setIdleLockMinutes(0);
}

void TestWorkspaceWindow::cleanupTestCase()
{
    m_window.reset();
}

void TestWorkspaceWindow::verifyWorkspaceFile(const QString& file, Store::Workspace* workspace)
{
    QVERIFY(workspace);
    workspace->settings().setValue(QStringLiteral("test/checkpoint"),
                                   QStringLiteral("1")); // something in the -wal
    TestSupport::verifyStrongKeyRecord(workspace->keys().record().value());
    TestSupport::verifyNoPlainSecrets(file, {kSecret});
}

void TestWorkspaceWindow::startPageWhenNothingWasOpen()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1100, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->startPageShown());
    QVERIFY(!m_window->session()->workspace());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("ConfigDeck"));
    QVERIFY(!m_window->demoMarker()->isVisible());
}

void TestWorkspaceWindow::newWorkspaceWithPassphrase()
{
    const QString file = path(QStringLiteral("lab.configdeck"));
    whenModal<NewWorkspaceDialog>(
        [file](NewWorkspaceDialog* dialog) { fillNewWorkspace(dialog, file, kPassphrase); });
    QVERIFY(m_window->newWorkspace());
    QVERIFY(!m_window->startPageShown());
    Session::ConsoleSession* session = m_window->session();
    QCOMPARE(session->workspacePath(), file);
    QVERIFY(!session->isDemo());
    QCOMPARE(session->protection(), Session::WorkspaceProtection::Kind::Passphrase);
    QVERIFY(!m_window->demoMarker()->isVisible());
    QCOMPARE(m_window->windowTitle(),
             QStringLiteral("lab.configdeck (simulated devices, passphrase) — ConfigDeck"));
    QCOMPARE(RecentWorkspaces::last(), file);
    QCOMPARE(RecentWorkspaces::list().value(0), file);
    QVERIFY(session->workspace()->identities().addDevice(
        {QStringLiteral("a1Real"), QStringLiteral("meter-1")}, kSecret));
    verifyWorkspaceFile(file, session->workspace());

    // Close: back to the start page, which lists it; the next start shows the start page too.
    m_window->closeWorkspace();
    QVERIFY(m_window->startPageShown());
    QVERIFY(!session->workspace());
    QCOMPARE(RecentWorkspaces::last(), QString());
    QCOMPARE(m_window->startPage()->recentList()->item(0)->text(), QStringLiteral("lab.configdeck"));
    TestSupport::screenshot(m_window.get(), QStringLiteral("start-page.png"));
}

void TestWorkspaceWindow::wrongPassphraseChangesNothing()
{
    const QString file = path(QStringLiteral("lab.configdeck"));
    QString wrongError;
    bool stayedOpen = false;
    whenModal<PassphraseDialog>([&](PassphraseDialog* dialog) {
        TestSupport::screenshot(dialog, QStringLiteral("passphrase-prompt.png"));
        answerPassphrase(dialog, QStringLiteral("not my passphrase"), kPassphrase, &wrongError, &stayedOpen);
    });
    QVERIFY(m_window->openWorkspaceFile(file));
    QCOMPARE(wrongError, QStringLiteral("Wrong passphrase: nothing was changed. Try again."));
    QVERIFY(stayedOpen);
    QVERIFY(!m_window->startPageShown());
    QCOMPARE(storedSecret(*m_window, QStringLiteral("meter-1")), kSecret);

    // Cancelling the prompt leaves the start page, nothing open.
    m_window->closeWorkspace();
    whenModal<PassphraseDialog>([](PassphraseDialog* dialog) { dialog->reject(); });
    QVERIFY(!m_window->openWorkspaceFile(file));
    QVERIFY(m_window->startPageShown());
    QVERIFY(!m_window->session()->workspace());
    QCOMPARE(TestSupport::fileBytes(file).size() > 0, true);

    whenModal<PassphraseDialog>([](PassphraseDialog* dialog) {
        dialog->passphraseEdit()->setText(kPassphrase);
        dialog->accept();
    });
    QVERIFY(m_window->openWorkspaceFile(file));
}

void TestWorkspaceWindow::lockAndUnlock()
{
    Session::ConsoleSession* session = m_window->session();
    QVERIFY(session->workspace());
    const int rows = m_window->fleetModel()->rowCount();
    m_window->lockWorkspace();
    QVERIFY(session->isLocked());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("locked")));
    QCOMPARE(m_window->fleetModel()->rowCount(), rows); // the fleet stays visible
    const auto secret =
        session->workspace()->identities().deviceSecret(QStringLiteral("a1Real"), QStringLiteral("meter-1"));
    QVERIFY(!secret);
    QCOMPARE(secret.error().message(), Store::KeyStore::lockedError().message());
    const auto exported =
        m_window->exportCsvTo(path(QStringLiteral("out.csv")), Store::CsvExport::Secrets::Revealed);
    QVERIFY(!exported);
    QVERIFY(m_window->bannerText().contains(QStringLiteral("locked")));

    QString wrongError;
    bool stayedOpen = false;
    whenModal<PassphraseDialog>([&](PassphraseDialog* dialog) {
        answerPassphrase(dialog, QStringLiteral("still not it"), kPassphrase, &wrongError, &stayedOpen);
    });
    QVERIFY(m_window->unlockWorkspace());
    QVERIFY(stayedOpen);
    QVERIFY(wrongError.contains(QStringLiteral("Wrong passphrase")));
    QVERIFY(!session->isLocked());
    QVERIFY(!m_window->windowTitle().contains(QStringLiteral("locked")));
    QCOMPARE(storedSecret(*m_window, QStringLiteral("meter-1")), kSecret);
}

void TestWorkspaceWindow::idleLock()
{
    Session::ConsoleSession* session = m_window->session();
    QVERIFY(!session->isLocked());
    RecentWorkspaces::setIdleLockMinutes(5);
    m_window->closeWorkspace();
    QVERIFY(!m_window->idleLockTimer()->isActive()); // nothing open, nothing to lock
    whenModal<PassphraseDialog>([](PassphraseDialog* dialog) {
        dialog->passphraseEdit()->setText(kPassphrase);
        dialog->accept();
    });
    QVERIFY(m_window->openWorkspaceFile(path(QStringLiteral("lab.configdeck"))));
    QTimer* timer = m_window->idleLockTimer();
    QVERIFY(timer->isActive());
    QCOMPARE(timer->interval(), 5 * 60 * 1000);

    // Input restarts the countdown.
    timer->start(60 * 1000);
    QTest::keyClick(m_window->fleetView(), Qt::Key_Down);
    QCOMPARE(timer->interval(), 60 * 1000);
    QVERIFY(timer->remainingTime() > 55 * 1000);

    // Without input, the workspace locks itself and says so; the fleet stays visible.
    const int rows = m_window->fleetModel()->rowCount();
    timer->start(50);
    QTRY_VERIFY(session->isLocked());
    QCOMPARE(m_window->fleetModel()->rowCount(), rows);
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("locked")));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("locked itself after 5 minute")));

    // The Demo never locks itself: it holds no real secrets.
    m_window->openDemo();
    QVERIFY(session->isDemo());
    QVERIFY(!timer->isActive());
    RecentWorkspaces::setIdleLockMinutes(0);

    whenModal<PassphraseDialog>([](PassphraseDialog* dialog) {
        dialog->passphraseEdit()->setText(kPassphrase);
        dialog->accept();
    });
    QVERIFY(m_window->openWorkspaceFile(path(QStringLiteral("lab.configdeck"))));
    QVERIFY(!session->isLocked());
}

void TestWorkspaceWindow::changePassphrase()
{
    whenModal<PassphraseDialog>([](PassphraseDialog* dialog) {
        dialog->passphraseEdit()->setText(kPassphrase);
        dialog->accept();
        whenModal<NewWorkspaceDialog>([](NewWorkspaceDialog* next) {
            QVERIFY(!next->pathEdit()->isVisible());
            fillNewWorkspace(next, QString(), kNewPassphrase);
        });
    });
    m_window->editProtection();
    Session::ConsoleSession* session = m_window->session();
    QCOMPARE(session->protection(), Session::WorkspaceProtection::Kind::Passphrase);
    verifyWorkspaceFile(session->workspacePath(), session->workspace());
    // Only the new passphrase opens it now.
    auto old = Session::WorkspaceKey::unlock(*session->workspace(), kPassphrase);
    QVERIFY(!old);
    QVERIFY(Session::WorkspaceKey::unlock(*session->workspace(), kNewPassphrase));
}

void TestWorkspaceWindow::newWorkspaceWithKeychain()
{
    if (!Store::KeyVault::keychainAvailable())
        QSKIP("no OS keychain (run under tests/with-test-session.sh)");
    const QString file = path(QStringLiteral("office.configdeck"));
    whenModal<NewWorkspaceDialog>([file](NewWorkspaceDialog* dialog) {
        QVERIFY(dialog->keychainButton()->isChecked()); // the default where a keychain answers
        fillNewWorkspace(dialog, file, {});
    });
    QVERIFY(m_window->newWorkspace());
    Session::ConsoleSession* session = m_window->session();
    QCOMPARE(session->protection(), Session::WorkspaceProtection::Kind::Keychain);
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("key in the OS keychain")));
    QVERIFY(session->workspace()->identities().addDevice(
        {QStringLiteral("a1Real"), QStringLiteral("meter-1")}, kSecret));
    verifyWorkspaceFile(file, session->workspace());
    const auto record = Store::KeyRecord::fromBytes(session->workspace()->keys().record().value()).value();
    QCOMPARE(record.mode, Store::KeyRecord::Mode::Keychain);

    // It reopens without a prompt.
    m_window->closeWorkspace();
    QVERIFY(m_window->openWorkspaceFile(file));
    QCOMPARE(storedSecret(*m_window, QStringLiteral("meter-1")), kSecret);
    m_window->closeWorkspace();
    Store::KeyVault::forget(record);
}

void TestWorkspaceWindow::openRecentWithMissingFile()
{
    const QString missing = path(QStringLiteral("moved-away.configdeck"));
    RecentWorkspaces::add(missing);
    MainWindow window;
    QMenu* recent = window.recentMenu();
    QAction* missingAction = nullptr;
    for (QAction* action : recent->actions()) {
        if (action->text().contains(QStringLiteral("moved-away.configdeck")))
            missingAction = action;
    }
    QVERIFY(missingAction);
    QVERIFY(missingAction->text().endsWith(QStringLiteral("(missing)")));
    QString asked;
    answerNextMessageBox(QMessageBox::Yes, &asked);
    missingAction->trigger();
    QVERIFY(asked.contains(QStringLiteral("is missing")));
    QVERIFY(!RecentWorkspaces::list().contains(missing));
    QVERIFY(!QFile::exists(missing));
    QVERIFY(window.startPageShown());
}

void TestWorkspaceWindow::demoRefusesRealIdentities()
{
    m_window->openDemo();
    Session::ConsoleSession* demo = m_window->session();
    QVERIFY(demo->isDemo());
    QVERIFY(m_window->demoMarker()->isVisible());
    QVERIFY(m_window->demoMarker()->text().startsWith(QStringLiteral("Demo: simulated devices")));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Demo: simulated devices")));
    const QString demoPath = demo->workspacePath();
    const qint64 demoDevices = storedValue(demo->workspace()->identities().deviceCount());

    const QString csv = path(QStringLiteral("real.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("ProductKey,DeviceName,DeviceSecret\na1Real,meter-9," + kSecret + "\n");
    file.close();

    const QString target = path(QStringLiteral("real.configdeck"));
    QString offer;
    answerNextMessageBox(QMessageBox::Yes, &offer);
    whenModal<NewWorkspaceDialog>(
        [target](NewWorkspaceDialog* dialog) { fillNewWorkspace(dialog, target, kPassphrase); });
    CsvImportDialog* import = m_window->importCsv(csv);
    QVERIFY(offer.contains(QStringLiteral("made-up devices only")));
    QVERIFY(import);
    Session::ConsoleSession* session = m_window->session();
    QVERIFY(!session->isDemo());
    QCOMPARE(session->workspacePath(), target);
    QVERIFY(!m_window->demoMarker()->isVisible());
    QVERIFY(import->importButton()->isEnabled());
    QTest::mouseClick(import->importButton(), Qt::LeftButton);
    QTRY_COMPARE(storedValue(session->workspace()->identities().deviceCount()), qint64(1));
    QCOMPARE(storedSecret(*m_window, QStringLiteral("meter-9")), kSecret);
    verifyWorkspaceFile(target, session->workspace());

    // The Demo kept its own devices only.
    auto demoFile = Store::Workspace::open(demoPath, Store::Workspace::OpenMode::OpenExisting);
    QVERIFY(demoFile);
    QCOMPARE(storedValue((*demoFile)->identities().deviceCount()), demoDevices);
    QVERIFY(
        !storedValue((*demoFile)->identities().device(QStringLiteral("a1Real"), QStringLiteral("meter-9"))));

    // Declined: nothing is imported, the Demo stays open.
    m_window->openDemo();
    answerNextMessageBox(QMessageBox::Cancel, &offer);
    QVERIFY(!m_window->importCsv(csv));
    QVERIFY(m_window->session()->isDemo());
    QCOMPARE(storedValue(m_window->session()->workspace()->identities().deviceCount()), demoDevices);
}

void TestWorkspaceWindow::demoHoldingRealDevicesAsksToProtect()
{
    // A named workspace as the current release made it where no keychain answered, holding a real device.
    const QString file = path(QStringLiteral("from-last-release.configdeck"));
    {
        auto opened = Store::Workspace::open(file);
        QVERIFY(opened);
        QVERIFY(TestSupport::keyAsPreviousReleaseDid(**opened));
        QVERIFY((*opened)->identities().addDevice({QStringLiteral("a1Real"), QStringLiteral("meter-3")},
                                                  kSecret));
    }
    // Asked on open; protected with a passphrase of the user's own.
    QString text;
    clickInNextMessageBox(QStringLiteral("&Protect…"), &text, [] {
        whenModal<NewWorkspaceDialog>(
            [](NewWorkspaceDialog* dialog) { fillNewWorkspace(dialog, QString(), kPassphrase); });
    });
    QVERIFY(m_window->openWorkspaceFile(file));
    QTRY_VERIFY2(text.contains(QStringLiteral("not the Demo's made-up ones")), qPrintable(text));
    Session::ConsoleSession* session = m_window->session();
    QTRY_VERIFY(!session->isDemo());
    QCOMPARE(session->protection(), Session::WorkspaceProtection::Kind::Passphrase);
    verifyWorkspaceFile(file, session->workspace());
    QVERIFY(!m_window->demoMarker()->isVisible());
}

void TestWorkspaceWindow::realDevicesMoveOutOfTheDemo()
{
    // The Demo as the current release left it: its made-up fleet, and a real device imported into it.
    m_window->openDemo();
    Session::ConsoleSession* session = m_window->session();
    QVERIFY(session->isDefaultDemo());
    const QString demoFile = session->workspacePath();
    const int seeded = m_window->fleetModel()->rowCount();
    QVERIFY(seeded > 0);
    QVERIFY(session->workspace()->identities().addDevice(
        {QStringLiteral("a1Real"), QStringLiteral("meter-9")}, kSecret));
    m_window->closeWorkspace();

    // Opening it asks; the user moves the device into a new passphrase workspace.
    const QString file = path(QStringLiteral("moved.configdeck"));
    QString text;
    clickInNextMessageBox(QStringLiteral("&Move to a new workspace…"), &text, [file] {
        whenModal<NewWorkspaceDialog>(
            [file](NewWorkspaceDialog* dialog) { fillNewWorkspace(dialog, file, kPassphrase); });
    });
    m_window->openDemo();
    QTRY_COMPARE(session->workspacePath(), file);
    QVERIFY2(text.contains(QStringLiteral("not the Demo's made-up ones")), qPrintable(text));
    QVERIFY(!session->isDemo());
    QCOMPARE(session->protection(), Session::WorkspaceProtection::Kind::Passphrase);
    QCOMPARE(m_window->fleetModel()->rowCount(), 1); // only the real device came along
    QCOMPARE(storedSecret(*m_window, QStringLiteral("meter-9")), kSecret);
    verifyWorkspaceFile(file, session->workspace());

    // The Demo started afresh: its own fleet only, and the secret is gone from its file.
    m_window->openDemo();
    QVERIFY(session->isDemo());
    QVERIFY(session->foreignDemoDevices().isEmpty());
    QCOMPARE(m_window->fleetModel()->rowCount(), seeded);
    m_window->closeWorkspace();
    TestSupport::verifyNoPlainSecrets(demoFile, {kSecret});
}

QTEST_MAIN(TestWorkspaceWindow)
#include "TestWorkspaceWindow.moc"
