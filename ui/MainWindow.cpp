#include "MainWindow.h"

#include "AboutDialog.h"
#include "AccountProfileDialog.h"
#include "AccountView.h"
#include "AddDeviceDialog.h"
#include "BuildInfo.h"
#include "CloudImportDialog.h"
#include "CloudPanel.h"
#include "CodeHistogram.h"
#include "ConnectionDialog.h"
#include "CsvImportDialog.h"
#include "DatabaseConnectionForm.h"
#include "DeviceDetailPanel.h"
#include "DeviceEditDialog.h"
#include "FleetView.h"
#include "IdentityEditor.h"
#include "MessageLogModel.h"
#include "MessageLogView.h"
#include "NewWorkspaceDialog.h"
#include "OpenSharedWorkspaceDialog.h"
#include "PassphraseDialog.h"
#include "PreferencesDialog.h"
#include "ProductsDialog.h"
#include "RecentWorkspaces.h"
#include "ReplyCodeCatalogView.h"
#include "RolloutPanel.h"
#include "StartPage.h"
#include "VersionHistoryView.h"
#include "session/RolloutWatch.h"
#include "store/CsvExport.h"
#include "store/FleetFilterModel.h"
#include "store/FleetModel.h"
#include "store/Workspace.h"
#include "store/WorkspaceLocation.h"
#include "store/secrets/KeyVault.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

using Session::ConsoleSession;
using Session::SessionMode;

namespace {
constexpr int kFleetTab = 0;
constexpr int kRolloutTab = 1;
constexpr int kLogTab = 2;
constexpr int kVersionsTab = 3;
constexpr qint64 kMessageLogRows = 2000; // the newest messages the log tab holds
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_fleet(new Store::FleetModel(this))
    , m_log(new MessageLogModel(this))
    , m_tabs(new QTabWidget(this))
    , m_banner(new QLabel(this))
    , m_fleetView(new FleetView(m_fleet, this))
    , m_histogram(new CodeHistogram(m_fleet, this))
    , m_detail(nullptr)
    , m_rollout(new RolloutPanel(this))
    , m_logView(new MessageLogView(m_log, false, this))
    , m_versionsPage(new QWidget(this))
    , m_replyCodes(new ReplyCodeCatalogView(this))
    , m_cloud(new CloudPanel(this))
    , m_account(new AccountView(m_fleet, this))
    , m_fleetSplitter(new QSplitter(Qt::Vertical, this))
    , m_mainSplitter(new QSplitter(Qt::Horizontal, this))
    , m_modeLabel(new QLabel(this))
    , m_connectionLabel(new QLabel(this))
    , m_countsLabel(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_startPage(new StartPage(this))
    , m_demoMarker(new QLabel(this))
{
    setWindowTitle(tr("ConfigDeck"));
    setObjectName(QStringLiteral("MainWindow"));
    m_fleet->setCoalesceInterval(100);

    // One session for the window's lifetime: workspaces are opened and closed through it, and every view
    // follows its workspaceAboutToClose/workspaceOpened.
    m_session = std::make_unique<ConsoleSession>(ConsoleSession::Options{}, nullptr);
    m_session->setOperatorName(PreferencesDialog::operatorName());
    m_identities = new IdentityEditor(m_session.get(), this);
    connect(m_identities, &IdentityEditor::failed, this,
            [this](const QString& message) { showBanner(message, true); });
    m_detail = new DeviceDetailPanel(m_session.get(), m_fleet, m_log, this);
    m_cloud->setConsoleSession(m_session.get());

    m_fleetSplitter->setObjectName(QStringLiteral("fleetSplitter"));
    m_fleetSplitter->addWidget(m_histogram);
    m_fleetSplitter->addWidget(m_fleetView);
    m_fleetSplitter->setStretchFactor(1, 1);
    m_fleetSplitter->setSizes({200, 500});
    auto* detailScroll = new QScrollArea(this);
    detailScroll->setWidget(m_detail);
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);
    detailScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(m_fleetSplitter);
    m_mainSplitter->addWidget(detailScroll);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({800, 480});

    auto* versionsLayout = new QVBoxLayout(m_versionsPage);
    versionsLayout->setContentsMargins(0, 0, 0, 0);

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_mainSplitter, tr("Fleet"));
    m_tabs->addTab(m_rollout, tr("Rollout"));
    m_tabs->addTab(m_logView, tr("Message log"));
    m_tabs->addTab(m_versionsPage, tr("Versions"));
    m_tabs->addTab(m_cloud, tr("Cloud"));
    m_tabs->addTab(m_account, tr("Account"));
    m_tabs->addTab(m_replyCodes, tr("Reply codes"));

    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->hide();
    // Wherever the fleet is shown, the Demo says what it is.
    m_demoMarker->setObjectName(QStringLiteral("demoMarker"));
    m_demoMarker->setText(
        tr("Demo: simulated devices. Its identities are made up and its key ships with "
           "ConfigDeck; a real fleet goes into a workspace of your own (File > New workspace)."));
    m_demoMarker->setWordWrap(true);
    m_demoMarker->setStyleSheet(QStringLiteral(
        "background:#fff4d6;color:#5c4300;padding:5px 10px;border-bottom:1px solid #ecd28b;font-weight:600"));
    m_demoMarker->hide();
    auto* console = new QWidget(this);
    auto* consoleLayout = new QVBoxLayout(console);
    consoleLayout->setContentsMargins(0, 0, 0, 0);
    consoleLayout->setSpacing(0);
    consoleLayout->addWidget(m_demoMarker);
    consoleLayout->addWidget(m_tabs);
    m_pages->addWidget(m_startPage);
    m_pages->addWidget(console);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_pages);
    setCentralWidget(central);
    connect(m_startPage, &StartPage::demoRequested, this, &MainWindow::openDemo);
    connect(m_startPage, &StartPage::newRequested, this, &MainWindow::newWorkspace);
    connect(m_startPage, &StartPage::openRequested, this, &MainWindow::openWorkspace);
    connect(m_startPage, &StartPage::openSharedRequested, this, [this] { openSharedWorkspace(); });
    connect(m_startPage, &StartPage::recentRequested, this, &MainWindow::openWorkspaceFile);

    createActions();
    createStatusBar();

    connect(m_histogram, &CodeHistogram::codeClicked, this, [this](int code) {
        m_fleetView->setCodeFilter(code == CodeHistogram::kNoReply ? Store::FleetFilterModel::kNoReplyCode
                                                                   : code);
    });
    connect(m_rollout, &RolloutPanel::startRequested, this, &MainWindow::startRollout);
    connect(m_rollout, &RolloutPanel::watchRequested, this, &MainWindow::watchRollout);

    connectSession();

    // The detail panel and the status bar re-read at most a few times a second during bursts.
    m_detailTimer.setSingleShot(true);
    m_detailTimer.setInterval(250);
    connect(&m_detailTimer, &QTimer::timeout, this, [this] { m_detail->refresh(); });
    m_statusTimer.setSingleShot(true);
    m_statusTimer.setInterval(300);
    connect(&m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);

    // Idle lock: any input restarts the countdown.
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_session->workspace() && !m_session->isDemo() && !m_session->isLocked()) {
            lockWorkspace();
            statusBar()->showMessage(tr("The workspace locked itself after %n minute(s) without input.",
                                        nullptr, RecentWorkspaces::idleLockMinutes()));
        }
    });
    qApp->installEventFilter(this);

    restoreLayout();
    updateStatus();
    showStartPage();
}

MainWindow::~MainWindow()
{
    // The session's signals reach widgets that are about to go.
    m_session->disconnect(this);
    if (Roles::RolloutRunner* runner = m_session->currentRollout()) // cancelled as the session goes
        runner->disconnect(this);
    m_cloud->setWorkbench(nullptr);
    m_session.reset();
}

Store::Status MainWindow::openSession(const ConsoleSession::Options& options)
{
    auto status = m_session->open(options);
    if (!status) {
        if (m_session->unlockFailure() == Session::UnlockFailure::None ||
            m_session->unlockFailure() == Session::UnlockFailure::Other)
            showBanner(tr("The workspace %1 cannot be opened: %2")
                           .arg(m_session->workspacePath(), status.error().message()),
                       true);
        if (!m_session->workspace())
            showStartPage();
        return status;
    }
    workspaceShown(options.workspacePath.isEmpty() ? RecentWorkspaces::kDemo : options.workspacePath);
    return status;
}

bool MainWindow::startPageShown() const
{
    return m_pages->currentWidget() == m_startPage;
}

void MainWindow::showStartPage()
{
    m_startPage->refresh();
    m_pages->setCurrentWidget(m_startPage);
    // The fleet's tool bar has nothing to act on here.
    if (auto* tools = findChild<QToolBar*>(QStringLiteral("actionsToolBar")))
        tools->hide();
    statusBar()->clearMessage();
    for (QAction* action : std::as_const(m_workspaceActions))
        action->setEnabled(false);
    updateTitle();
}

void MainWindow::workspaceShown(const QString& pathOrDemo)
{
    if (pathOrDemo != RecentWorkspaces::kDemo)
        RecentWorkspaces::add(pathOrDemo);
    RecentWorkspaces::setLast(pathOrDemo);
    rebuildRecentMenu();
    m_pages->setCurrentIndex(1);
    if (auto* tools = findChild<QToolBar*>(QStringLiteral("actionsToolBar")))
        tools->show();
    for (QAction* action : std::as_const(m_workspaceActions))
        action->setEnabled(true);
    updateTitle();
    restartIdleLock();
    // Asked once the window shows the workspace (and not inside whatever opened it).
    if (!m_session->foreignDemoDevices().isEmpty())
        QTimer::singleShot(0, this, [this] {
            if (!m_session->foreignDemoDevices().isEmpty())
                offerToProtectDemo();
        });
}

void MainWindow::updateTitle()
{
    const Store::Workspace* workspace = m_session->workspace();
    m_demoMarker->setVisible(m_session->isDemo());
    if (m_resetAction)
        m_resetAction->setEnabled(m_session->isDemo());
    if (m_lockAction)
        m_lockAction->setEnabled(workspace && !m_session->isDemo() && !m_session->isLocked());
    if (!workspace) {
        setWindowTitle(tr("ConfigDeck"));
        return;
    }
    QString mode;
    if (m_session->isDemo()) {
        mode = tr("Demo: simulated devices");
    } else {
        const QString engine = m_session->mode() == SessionMode::Demo
                                   ? tr("simulated devices")
                                   : Session::SessionSettings::modeName(m_session->mode());
        const QString protection = m_session->protection() == Session::WorkspaceProtection::Kind::Passphrase
                                       ? tr("passphrase")
                                       : tr("key in the OS keychain");
        mode = m_session->isLocked() ? tr("%1, %2, locked").arg(engine, protection)
                                     : tr("%1, %2").arg(engine, protection);
        if (workspace->isShared())
            mode = m_session->isLocked() ? tr("shared, team passphrase, %1, locked").arg(engine)
                                         : tr("shared, team passphrase, %1").arg(engine);
    }
    setWindowTitle(tr("%1 (%2) — ConfigDeck").arg(RecentWorkspaces::displayName(workspace->path()), mode));
}

void MainWindow::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = RecentWorkspaces::list();
    for (const QString& path : recent) {
        const bool missing = RecentWorkspaces::isMissing(path);
        const QString name =
            Store::WorkspaceLocation::isDatabaseUrl(path) ? path : QDir::toNativeSeparators(path);
        if (missing) {
            // A missing file cannot be opened; choosing it offers to take it off the list.
            QAction* action = m_recentMenu->addAction(tr("%1 (missing)").arg(name));
            connect(action, &QAction::triggered, this, [this, path] {
                const auto answer = QMessageBox::question(
                    this, tr("Open Recent"),
                    tr("%1 is missing: it was moved or deleted. Remove it from the list?")
                        .arg(QDir::toNativeSeparators(path)),
                    QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
                if (answer == QMessageBox::Yes) {
                    RecentWorkspaces::remove(path);
                    rebuildRecentMenu();
                    m_startPage->refresh();
                }
            });
        } else {
            m_recentMenu->addAction(name, this, [this, path] { openWorkspaceFile(path); });
        }
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent workspaces"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear list"), this, [this] {
        for (const QString& path : RecentWorkspaces::list())
            RecentWorkspaces::remove(path);
        rebuildRecentMenu();
        m_startPage->refresh();
    });
}

Store::Status MainWindow::openWorkspaceFile(const QString& path)
{
    if (Store::WorkspaceLocation::isDatabaseUrl(path))
        return openSharedWorkspace(path);
    ConsoleSession::Options options;
    options.workspacePath = path;
    auto status = openSession(options);
    if (status || m_session->unlockFailure() != Session::UnlockFailure::NeedsPassphrase)
        return status;
    return askPassphraseAndOpen(options);
}

Store::Status MainWindow::askPassphraseAndOpen(ConsoleSession::Options options)
{
    PassphraseDialog prompt(
        RecentWorkspaces::displayName(options.workspacePath),
        [this, &options](const QString& passphrase) {
            options.passphrase = passphrase;
            return openSession(options);
        },
        this);
    if (prompt.exec() == QDialog::Accepted)
        return Store::ok();
    showStartPage();
    return Alink::AlinkError{QStringLiteral("passphrase"), tr("The workspace was not unlocked.")};
}

void MainWindow::openDemo()
{
    openSession({});
}

bool MainWindow::keychainAvailable()
{
    if (!m_keychainAvailable)
        m_keychainAvailable = Store::KeyVault::keychainAvailable();
    return *m_keychainAvailable;
}

Store::Status MainWindow::openSharedSession(const ConsoleSession::Options& options, bool rememberPassword)
{
    {
        // Connect (and, for a new one, lay out the schema) before the open workspace is closed.
        auto probe = Store::Workspace::open(options.workspacePath,
                                            options.create ? Store::Workspace::OpenMode::CreateOrOpen
                                                           : Store::Workspace::OpenMode::OpenExisting,
                                            options.databasePassword);
        if (!probe)
            return probe.error();
    }
    auto status = m_session->open(options);
    if (!status && m_session->unlockFailure() != Session::UnlockFailure::NeedsPassphrase) {
        if (!m_session->workspace())
            showStartPage();
        return status;
    }
    if (!rememberPassword) {
        Store::KeyVault::forgetDatabasePassword(options.workspacePath);
    } else if (auto kept =
                   Store::KeyVault::rememberDatabasePassword(options.workspacePath, options.databasePassword);
               !kept) {
        statusBar()->showMessage(kept.error().message(), 8000);
    }
    return Store::ok();
}

Store::Status MainWindow::openSharedWorkspace(const QString& url)
{
    OpenSharedWorkspaceDialog dialog(this);
    DatabaseConnectionForm* form = dialog.connectionForm();
    if (!url.isEmpty()) {
        form->setUrl(url);
        if (const auto password = Store::KeyVault::recallDatabasePassword(form->url())) {
            form->setPassword(*password);
            form->setRemembersPassword(true);
        }
    }
    ConsoleSession::Options options;
    dialog.setOpener([this, form, &options] {
        options.workspacePath = form->url();
        options.databasePassword = form->password();
        return openSharedSession(options, form->remembersPassword());
    });
    if (dialog.exec() != QDialog::Accepted)
        return Alink::AlinkError{QStringLiteral("workspace"), tr("No shared workspace was opened.")};
    if (m_session->workspace()) {
        hideBanner();
        workspaceShown(options.workspacePath);
        return Store::ok();
    }
    return askPassphraseAndOpen(options);
}

bool MainWindow::newWorkspace()
{
    NewWorkspaceDialog dialog(keychainAvailable(), this);
    ConsoleSession::Options shared;
    dialog.setOpener([this, &dialog, &shared]() -> Store::Status {
        if (!dialog.isShared())
            return Store::ok(); // a file is made once the dialog is closed
        shared.workspacePath = dialog.location();
        shared.databasePassword = dialog.connectionForm()->password();
        shared.create = dialog.protection();
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const auto status = openSharedSession(shared, dialog.connectionForm()->remembersPassword());
        QApplication::restoreOverrideCursor();
        return status;
    });
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (dialog.isShared()) {
        hideBanner();
        workspaceShown(shared.workspacePath);
        statusBar()->showMessage(
            m_session->teamKeyKept()
                ? tr("Created the shared workspace %1. The team key is kept in this computer's keychain: it "
                     "opens here without the team passphrase.")
                      .arg(shared.workspacePath)
                : tr("Created the shared workspace %1. No OS keychain kept the team key: the team "
                     "passphrase is asked when it opens here.")
                      .arg(shared.workspacePath),
            10000);
        return true;
    }
    ConsoleSession::Options options;
    options.workspacePath = dialog.path();
    options.create = dialog.protection();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto status = openSession(options);
    QApplication::restoreOverrideCursor();
    if (status)
        statusBar()->showMessage(tr("Created %1.").arg(QDir::toNativeSeparators(dialog.path())), 6000);
    return bool(status);
}

void MainWindow::openWorkspace()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open workspace"), documents, tr("ConfigDeck workspaces (*.configdeck);;All files (*)"));
    if (!path.isEmpty())
        openWorkspaceFile(path);
}

void MainWindow::saveCopy()
{
    if (!m_session->workspace())
        return;
    const QString location = m_session->workspace()->path();
    const QFileInfo current(location);
    QDir folder = current.dir();
    QString name = current.completeBaseName();
    if (m_session->workspace()->isShared()) {
        // The copy of a shared workspace is a file named after its database, among the user's documents.
        folder.setPath(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
        if (const auto database = Store::WorkspaceLocation::parse(location))
            name = database->databaseName();
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save a copy"), folder.filePath(name + tr("-copy") + QStringLiteral(".configdeck")),
        tr("ConfigDeck workspaces (*.configdeck)"));
    if (!path.isEmpty())
        saveCopyTo(path);
}

Store::Status MainWindow::saveCopyTo(const QString& path)
{
    QApplication::setOverrideCursor(Qt::WaitCursor); // a shared workspace is copied row by row
    auto status = m_session->saveCopy(path);
    QApplication::restoreOverrideCursor();
    if (!status)
        showBanner(tr("No copy was saved: %1").arg(status.error().message()), true);
    else
        statusBar()->showMessage(
            m_session->workspace()->isShared()
                ? tr("Saved a copy to %1, a workspace file; it opens with the team passphrase.")
                      .arg(QDir::toNativeSeparators(path))
                : tr("Saved a copy to %1; it opens with the same key.").arg(QDir::toNativeSeparators(path)),
            8000);
    return status;
}

void MainWindow::closeWorkspace()
{
    m_session->flush();
    m_session->shutdown();
    RecentWorkspaces::setLast({});
    hideBanner();
    reload();
    showStartPage();
}

void MainWindow::editProtection()
{
    Store::Workspace* workspace = m_session->workspace();
    if (!workspace)
        return;
    if (workspace->isShared()) {
        editTeamProtection();
        return;
    }
    const auto kind = m_session->protection();
    QString current;
    if (kind == Session::WorkspaceProtection::Kind::Passphrase && !askCurrentPassphrase(current))
        return;
    NewWorkspaceDialog dialog(kind != Session::WorkspaceProtection::Kind::Keychain && keychainAvailable(),
                              this);
    dialog.setWindowTitle(tr("Workspace protection"));
    dialog.setAsksForPath(false);
    if (kind == Session::WorkspaceProtection::Kind::Keychain)
        dialog.passphraseButton()->setChecked(true);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!reprotect(current, dialog.protection()))
        return;
    statusBar()->showMessage(dialog.protection().kind == Session::WorkspaceProtection::Kind::Keychain
                                 ? tr("The workspace's key is now in the OS keychain.")
                                 : tr("The workspace's key is now protected by the new passphrase."),
                             8000);
    updateTitle();
}

void MainWindow::editTeamProtection()
{
    // A new team passphrase, or forgetting the key on this computer; never the keychain alone (said why).
    NewWorkspaceDialog dialog(false, this);
    dialog.setWindowTitle(tr("Workspace protection"));
    dialog.setProtectsSharedWorkspace(true);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.forgetsTeamKey()) {
        if (const auto status = m_session->forgetTeamKey(); !status) {
            showBanner(status.error().message(), true);
            return;
        }
        statusBar()->showMessage(
            tr("This computer no longer keeps the team key: the team passphrase is asked "
               "the next time the workspace opens here."),
            8000);
        return;
    }
    QString current;
    if (!askCurrentPassphrase(current) || !reprotect(current, dialog.protection()))
        return;
    statusBar()->showMessage(
        tr("The team passphrase is changed: give your team the new one. Consoles that keep the team key in "
           "their keychain open the workspace as before; the old passphrase no longer opens it."),
        10000);
}

bool MainWindow::askCurrentPassphrase(QString& current)
{
    Store::Workspace* workspace = m_session->workspace();
    PassphraseDialog ask(
        RecentWorkspaces::displayName(workspace->path()),
        [workspace, &current](const QString& passphrase) -> Store::Status {
            auto unlocked = Session::WorkspaceKey::unlock(*workspace, passphrase);
            if (!unlocked)
                return unlocked.error();
            current = passphrase;
            return Store::ok();
        },
        this);
    ask.setWindowTitle(tr("Workspace protection"));
    return ask.exec() == QDialog::Accepted;
}

bool MainWindow::reprotect(const QString& current, const Session::WorkspaceProtection& to)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto status = m_session->reprotect(current, to);
    QApplication::restoreOverrideCursor();
    if (!status)
        showBanner(tr("The protection was not changed: %1").arg(status.error().message()), true);
    return bool(status);
}

void MainWindow::lockWorkspace()
{
    if (!m_session->workspace() || m_session->isDemo())
        return;
    m_session->lock();
    showBanner(
        tr("The workspace is locked: the fleet stays visible, but revealing or exporting DeviceSecrets and "
           "connecting as devices need the key again (File > Unlock workspace)."),
        false);
    updateTitle();
}

bool MainWindow::unlockWorkspace()
{
    if (!m_session->isLocked())
        return true;
    Store::Status status = Store::ok();
    if (m_session->protection() == Session::WorkspaceProtection::Kind::Passphrase) {
        PassphraseDialog prompt(
            QFileInfo(m_session->workspacePath()).fileName(),
            [this](const QString& passphrase) { return m_session->unlock(passphrase); }, this);
        if (prompt.exec() != QDialog::Accepted)
            return false;
    } else {
        status = m_session->unlock({});
    }
    if (!status) {
        showBanner(tr("The workspace was not unlocked: %1").arg(status.error().message()), true);
        return false;
    }
    hideBanner();
    updateTitle();
    restartIdleLock();
    return true;
}

bool MainWindow::ensureRealWorkspaceForIdentities()
{
    if (m_session->workspace() && !m_session->isDemo())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Real devices go into a workspace of your own"),
        tr("The Demo holds made-up devices only: its key is a passphrase that ships with ConfigDeck, so "
           "anyone "
           "with a copy of the file could read DeviceSecrets stored in it.\n\nCreate a workspace of your own "
           "(file and protection) and add the devices there?"),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
    if (answer != QMessageBox::Yes)
        return false;
    return newWorkspace();
}

void MainWindow::offerToProtectDemo()
{
    const int count = int(m_session->foreignDemoDevices().size());
    QMessageBox box(
        QMessageBox::Warning, tr("Real devices in the Demo"),
        tr("This workspace holds %n device(s) that are not the Demo's made-up ones, under a key "
           "that ships with ConfigDeck: anyone with a copy of the file can read their DeviceSecrets.",
           nullptr, count),
        QMessageBox::NoButton, this);
    // The Demo itself can also give them to a new workspace and start afresh; a named file can only be
    // protected.
    const bool canMove = m_session->isDefaultDemo();
    box.setInformativeText(
        canMove ? tr("Move them into a new workspace of your own (the Demo then starts afresh), "
                     "or protect this one with the OS keychain or a passphrase.")
                : tr("Protect it with the OS keychain or a passphrase of your own now."));
    QPushButton* move =
        canMove ? box.addButton(tr("&Move to a new workspace…"), QMessageBox::AcceptRole) : nullptr;
    QPushButton* protect = box.addButton(tr("&Protect…"), QMessageBox::AcceptRole);
    box.addButton(tr("&Later"), QMessageBox::RejectRole);
    box.setDefaultButton(move ? move : protect);
    box.exec();
    if (box.clickedButton() == static_cast<QAbstractButton*>(protect)) {
        editProtection();
    } else if (move && box.clickedButton() == static_cast<QAbstractButton*>(move)) {
        NewWorkspaceDialog dialog(keychainAvailable(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        auto status = m_session->copyForeignDemoDevices(dialog.path(), dialog.protection());
        if (status)
            status = m_session->reset(); // the Demo's file, and the real secrets in it, are deleted
        if (!status) {
            showBanner(tr("The devices were not moved: %1").arg(status.error().message()), true);
            return;
        }
        ConsoleSession::Options options;
        options.workspacePath = dialog.path();
        options.passphrase = dialog.protection().passphrase;
        openSession(options);
    }
}

void MainWindow::restartIdleLock()
{
    const int minutes = RecentWorkspaces::idleLockMinutes();
    if (minutes > 0 && m_session->workspace() && !m_session->isDemo())
        m_idleTimer.start(minutes * 60 * 1000);
    else
        m_idleTimer.stop();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
        if (m_idleTimer.isActive())
            m_idleTimer.start();
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::connectSession()
{
    ConsoleSession* session = m_session.get();
    connect(m_fleetView, &FleetView::currentDeviceChanged, m_detail, &DeviceDetailPanel::showDevice);
    connect(m_detail, &DeviceDetailPanel::compareRequested, this, &MainWindow::compareVersions);
    connect(session, &ConsoleSession::deviceStateChanged, this,
            [this](const Store::DeviceStateUpdate& update) {
                m_fleet->queueUpdates({update});
                if (update.productKey == m_detail->productKey() &&
                    update.deviceName == m_detail->deviceName() && !m_detailTimer.isActive())
                    m_detailTimer.start();
                if (!m_statusTimer.isActive())
                    m_statusTimer.start();
            });
    connect(session, &ConsoleSession::messageLogged, m_log, &MessageLogModel::append);
    connect(session, &ConsoleSession::connectionStateChanged, this,
            [this](Transport::MqttConnection::State state) {
                if (state == Transport::MqttConnection::State::Connected &&
                    m_banner->property("connection").toBool())
                    hideBanner();
                updateStatus();
            });
    connect(session, &ConsoleSession::connectionError, this, [this](const QString& message) {
        showBanner(
            tr("Connection problem: %1. The console keeps working with the workspace's data.").arg(message),
            true);
        m_banner->setProperty("connection", true);
        updateStatus();
    });
    connect(session, &ConsoleSession::problem, this,
            [this](const QString& message) { showBanner(message, true); });
    // Nothing keeps the workspace across a reopen (the Cloud tab follows the session itself).
    connect(session, &ConsoleSession::workspaceAboutToClose, this, [this] {
        delete m_versions; // with its editor, which writes to the workspace
        m_versions = nullptr;
        m_fleet->clear();
        m_log->clear();
        m_detail->showDevice({}, {});
        m_account->clear();
    });
    connect(session, &ConsoleSession::accountReply, m_account, &AccountView::accountReply);
    connect(session, &ConsoleSession::accountStatus, m_account, &AccountView::accountStatus);
    connect(session, &ConsoleSession::accountWatchStateChanged, this, &MainWindow::showAccountWatchState);
    connect(m_account, &AccountView::setUpAccountRequested, this, [this] { editAccountProfile(); });
    connect(m_account, &AccountView::watchAccountRequested, this,
            [this] { m_watchAccount->setChecked(true); });
    connect(session, &ConsoleSession::workspaceOpened, this, &MainWindow::reload);
    connect(session, &ConsoleSession::fleetChanged, this, &MainWindow::reload);
    // Another console's messages and rollouts: only what changed, the selection and the table kept.
    connect(session, &ConsoleSession::messageLogChanged, this, &MainWindow::reloadMessageLog);
    connect(session, &ConsoleSession::rolloutsChanged, this, &MainWindow::reloadRolloutHistory);
    connect(session, &ConsoleSession::lockChanged, this, &MainWindow::updateTitle);
    connect(session, &ConsoleSession::onlineCountChanged, this, [this] {
        if (!m_statusTimer.isActive())
            m_statusTimer.start();
    });
}

void MainWindow::reload()
{
    Store::Workspace* workspace = m_session->workspace();
    m_fleet->clear();
    m_log->clear();
    QStringList productKeys;
    QList<Store::ProductRecord> productRecords;
    if (workspace) {
        if (auto status = m_fleet->loadFrom(*workspace); !status)
            showBanner(status.error().message(), true);
        if (const auto products = workspace->identities().products(); !products) {
            showBanner(products.error().message(), true);
        } else {
            productRecords = *products;
            for (const Store::ProductRecord& product : *products)
                productKeys << product.productKey;
        }
        reloadMessageLog();
    }
    m_fleetView->setProducts(productKeys);
    m_rollout->setProducts(productKeys);
    m_account->setProducts(productRecords);
    reloadRolloutHistory();
    m_detail->showDevice({}, {});
    m_histogram->recount();
    if (m_pushProductMenu) {
        m_pushProductMenu->clear();
        for (const QString& productKey : productKeys)
            m_pushProductMenu->addAction(productKey, this, [this, productKey] { pushToProduct(productKey); });
    }
    rebuildVersionsTab();
    if (workspace && m_tabs->currentWidget() == m_replyCodes && !m_tabRestored) {
        m_tabs->setCurrentIndex(QSettings().value(QStringLiteral("Console/tab"), kFleetTab).toInt());
        m_tabRestored = true;
    }
    updateTitle();
    updateStatus();
}

void MainWindow::rebuildVersionsTab()
{
    delete m_versions;
    m_versions = nullptr;
    if (!m_session->workspace())
        return;
    m_versions = new VersionHistoryView(m_session->workspace(), m_versionsPage);
    m_versions->setAlibabaLimits(m_session->settings().alibabaLimits);
    m_versionsPage->layout()->addWidget(m_versions);
    m_versions->refresh();
    connect(m_versions, &VersionHistoryView::restoreRequested, this, [this](const QString& sha256) {
        const QString productKey = m_versions->productKey();
        auto published = m_session->publish(productKey, sha256);
        if (!published)
            showBanner(tr("%1 was not published: %2").arg(sha256.left(12), published.error().message()),
                       true);
        else
            statusBar()->showMessage(
                tr("%1 now serves %2 (%3)").arg(productKey, published->configId, sha256.left(12)), 8000);
    });
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New workspace…"), QKeySequence::New, this, &MainWindow::newWorkspace);
    file->addAction(tr("&Open workspace…"), QKeySequence::Open, this, &MainWindow::openWorkspace);
    file->addAction(tr("Open &shared workspace…"), this, [this] { openSharedWorkspace(); });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    rebuildRecentMenu();
    file->addAction(tr("Open the &Demo"), this, &MainWindow::openDemo);
    QAction* saveCopyAction = file->addAction(
        tr("Save a &copy…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this, &MainWindow::saveCopy);
    QAction* close =
        file->addAction(tr("C&lose workspace"), QKeySequence::Close, this, &MainWindow::closeWorkspace);
    file->addSeparator();
    QAction* protection = file->addAction(tr("Workspace &protection…"), this, &MainWindow::editProtection);
    m_lockAction = file->addAction(tr("Loc&k workspace"), QKeySequence(Qt::CTRL | Qt::Key_L), this,
                                   &MainWindow::lockWorkspace);
    QAction* unlock = file->addAction(tr("&Unlock workspace…"), this, &MainWindow::unlockWorkspace);
    file->addSeparator();
    QAction* import = file->addAction(tr("&Import devices from CSV…"), this, [this] { importCsv(); });
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction* exportAction = file->addAction(tr("&Export devices to CSV…"), this, &MainWindow::exportCsv);
    QAction* bundle = file->addAction(tr("Export &support bundle…"), this, &MainWindow::exportSupportBundle);
    file->addSeparator();
    QAction* connection = file->addAction(tr("Co&nnection…"), this, &MainWindow::editConnection);
    m_resetAction = file->addAction(tr("&Reset Demo…"), this, &MainWindow::resetDemo);
    m_workspaceActions = {saveCopyAction, close,        protection, unlock,
                          import,         exportAction, bundle,     connection};
    QAction* preferences = file->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole); // macOS: in the application menu
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_identities->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_identities->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    editMenu->addActions({undo, redo});

    QMenu* fleet = menuBar()->addMenu(tr("F&leet"));
    QAction* request =
        fleet->addAction(tr("&Request configuration"), this, &MainWindow::requestConfigForSelection);
    request->setToolTip(tr("The selected simulated devices ask for their configuration (thing/config/get)"));
    QAction* push = fleet->addAction(tr("&Push to selection"), this, &MainWindow::pushToSelection);
    push->setToolTip(tr("Push the product's published configuration to the selected devices"));
    push->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pushProductMenu = fleet->addMenu(tr("Push to &product"));
    QAction* rollout = fleet->addAction(tr("Start r&ollout…"), this, &MainWindow::showRollout);
    fleet->addSeparator();
    QAction* compare = fleet->addAction(tr("&Compare configuration…"), this, [this] {
        m_detail->findChild<QWidget*>(QStringLiteral("compareWith"))->setFocus();
    });

    // The same actions on the table's context menu, where the selection is.
    QTableView* table = m_fleetView->table();
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    QAction* cloud = fleet->addAction(tr("Connect as these devices on &Alibaba Cloud…"), this,
                                      &MainWindow::connectSelectionOnCloud);
    cloud->setToolTip(tr("Connect to the real IoT Platform with the selected devices' identities"));
    fleet->addSeparator();
    QAction* addDevice = fleet->addAction(tr("A&dd devices…"), this, [this] { addDevices(); });
    QAction* editDevice = fleet->addAction(tr("&Edit device…"), this, [this] { editCurrentDevice(); });
    QAction* deleteDevices =
        fleet->addAction(tr("De&lete devices…"), this, &MainWindow::deleteSelectedDevices);
    deleteDevices->setShortcut(QKeySequence::Delete);
    deleteDevices->setShortcutContext(Qt::WidgetShortcut); // in the table only, not in the filter box
    QAction* products = fleet->addAction(tr("Pr&oducts…"), this, [this] { showProducts(); });
    fleet->addSeparator();
    QAction* account =
        fleet->addAction(tr("Alibaba Cloud &account…"), this, [this] { editAccountProfile(); });
    QAction* cloudImport =
        fleet->addAction(tr("&Import from Alibaba Cloud…"), this, [this] { importFromCloud(); });
    cloudImport->setToolTip(tr("Add or refresh the account's products and devices through the IoT OpenAPI"));
    m_watchAccount = fleet->addAction(tr("&Watch the account live"));
    m_watchAccount->setCheckable(true);
    m_watchAccount->setToolTip(tr("Follow the account's server-side subscription: every device's online "
                                  "state and answer to a push, as they happen"));
    connect(m_watchAccount, &QAction::toggled, this, &MainWindow::setAccountWatched);
    m_workspaceActions << addDevice << editDevice << deleteDevices << products << account << cloudImport
                       << m_watchAccount;
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    table->addActions({request, push, compare, cloud, separator, addDevice, editDevice, deleteDevices});

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Fleet"), QKeySequence(Qt::CTRL | Qt::Key_1), this, &MainWindow::showFleet);
    view->addAction(tr("&Rollout"), QKeySequence(Qt::CTRL | Qt::Key_2), this, &MainWindow::showRollout);
    view->addAction(tr("&Message log"), QKeySequence(Qt::CTRL | Qt::Key_3), this,
                    &MainWindow::showMessageLog);
    view->addAction(tr("&Account"), QKeySequence(Qt::CTRL | Qt::Key_4), this, &MainWindow::showAccount);
    view->addAction(tr("Clear &filters"), this, [this] { m_fleetView->clearFilters(); });
    view->addMenu(m_fleetView->columnMenu());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About ConfigDeck"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar* tools = addToolBar(tr("Actions"));
    tools->setObjectName(QStringLiteral("actionsToolBar"));
    tools->setMovable(false);
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->addAction(request);
    tools->addAction(push);
    auto* pushProduct = tools->addAction(tr("Push to product"));
    pushProduct->setMenu(m_pushProductMenu);
    connect(pushProduct, &QAction::triggered, this, [this] {
        const auto current = m_fleetView->currentDevice();
        const QStringList products = m_fleet->productKeys();
        if (current)
            pushToProduct(current->productKey);
        else if (!products.isEmpty())
            pushToProduct(products.first());
    });
    tools->addAction(rollout);
    tools->addSeparator();
    tools->addAction(import);
    tools->addAction(exportAction);
    tools->addAction(compare);
    tools->addSeparator();
    tools->addAction(connection);
}

void MainWindow::createStatusBar()
{
    m_modeLabel->setObjectName(QStringLiteral("statusMode"));
    m_connectionLabel->setObjectName(QStringLiteral("statusConnection"));
    m_countsLabel->setObjectName(QStringLiteral("statusCounts"));
    statusBar()->addPermanentWidget(m_modeLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->addPermanentWidget(m_countsLabel);
}

void MainWindow::updateStatus()
{
    const Store::Workspace* workspace = m_session->workspace();
    QString mode = workspace ? Session::SessionSettings::modeName(m_session->mode()) : tr("No workspace");
    if (workspace && workspace->isShared())
        mode = tr("%1 · %2 (shared, team passphrase)")
                   .arg(mode, RecentWorkspaces::displayName(workspace->path()));
    m_modeLabel->setText(mode);
    const QString connection = m_session->workspace() ? m_session->connectionStateText() : QString();
    m_connectionLabel->setText(connection);
    const bool connected = m_session->connectionState() == Transport::MqttConnection::State::Connected;
    m_connectionLabel->setStyleSheet(connected || connection.isEmpty() ? QString()
                                                                       : QStringLiteral("color:#c62828"));
    int online = 0;
    int replied = 0;
    const int rows = m_fleet->rowCount();
    for (int row = 0; row < rows; ++row) {
        const Store::FleetModel::Row& device = m_fleet->rowAt(row);
        online += device.online ? 1 : 0;
        replied += device.hasCode ? 1 : 0;
    }
    m_countsLabel->setText(tr("%1 devices · %2 online · %3 with a code").arg(rows).arg(online).arg(replied));
}

QString MainWindow::connectionText() const
{
    return m_connectionLabel->text();
}

QString MainWindow::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

QString MainWindow::countsText() const
{
    return m_countsLabel->text();
}

void MainWindow::showBanner(const QString& text, bool error)
{
    m_banner->setText(text);
    m_banner->setStyleSheet(
        error ? QStringLiteral(
                    "background:#fdecea;color:#8a1c1c;padding:6px 10px;border-bottom:1px solid #f5c2c0")
              : QStringLiteral(
                    "background:#e8f1fd;color:#123f7a;padding:6px 10px;border-bottom:1px solid #c3d7f5"));
    m_banner->setProperty("connection", false);
    m_banner->show();
}

void MainWindow::hideBanner()
{
    m_banner->hide();
    m_banner->setProperty("connection", false);
}

void MainWindow::requestConfigForSelection()
{
    QList<Alink::DeviceKey> devices = m_fleetView->selectedDevices();
    if (devices.isEmpty()) {
        statusBar()->showMessage(tr("Select the devices that should ask for their configuration."), 5000);
        return;
    }
    auto asked = m_session->requestConfig(devices);
    if (!asked)
        showBanner(tr("No request was sent: %1").arg(asked.error().message()), true);
    else
        statusBar()->showMessage(tr("%n device(s) asked for their configuration.", nullptr, *asked), 5000);
}

void MainWindow::pushToSelection()
{
    const QList<Alink::DeviceKey> devices = m_fleetView->selectedDevices();
    if (devices.isEmpty()) {
        statusBar()->showMessage(tr("Select the devices to push to, or push to a whole product."), 5000);
        return;
    }
    QHash<QString, QStringList> byProduct;
    for (const Alink::DeviceKey& device : devices)
        byProduct[device.productKey] << device.deviceName;
    int sent = 0;
    for (auto it = byProduct.cbegin(); it != byProduct.cend(); ++it) {
        auto tickets = m_session->push(it.key(), it.value());
        if (!tickets) {
            showBanner(tr("Push to %1 refused: %2").arg(it.key(), tickets.error().message()), true);
            continue;
        }
        sent += int(tickets->size());
    }
    statusBar()->showMessage(tr("Pushed to %n device(s); replies appear as they arrive.", nullptr, sent),
                             6000);
}

void MainWindow::pushToProduct(const QString& productKey)
{
    auto tickets = m_session->push(productKey);
    if (!tickets) {
        showBanner(tr("Push to %1 refused: %2").arg(productKey, tickets.error().message()), true);
        return;
    }
    statusBar()->showMessage(
        tr("Pushed %1 to %n device(s); replies appear as they arrive.", nullptr, int(tickets->size()))
            .arg(productKey),
        6000);
}

void MainWindow::startRollout(const Roles::RolloutPlan& plan)
{
    auto runner = m_session->startRollout(plan);
    if (!runner) {
        // Another console or the platform processes run the product's rollout: offer to watch it.
        Store::Workspace* workspace = m_session->workspace();
        const auto elsewhere = workspace && !workspace->rolloutLock().holds(plan.productKey)
                                   ? Session::RunningRollout::ofProduct(*workspace, plan.productKey)
                                   : std::optional<Session::RunningRollout>();
        if (elsewhere && elsewhere->has_value())
            m_rollout->showRefusal(runner.error().message(), (*elsewhere)->rollout.id);
        else
            m_rollout->showError(runner.error().message());
        return;
    }
    m_rollout->follow(*runner);
    reloadRolloutHistory();
    connect(*runner, &Roles::RolloutRunner::finished, this, &MainWindow::reloadRolloutHistory);
    showRollout();
}

void MainWindow::reloadMessageLog()
{
    Store::Workspace* workspace = m_session->workspace();
    if (!workspace)
        return;
    if (const auto entries = workspace->messageLog().entries({}, {}, kMessageLogRows); !entries)
        showBanner(entries.error().message(), true);
    else
        m_log->setEntries(*entries);
}

void MainWindow::watchRollout(qint64 rolloutId)
{
    auto watch = m_session->watchRollout(rolloutId);
    if (!watch) {
        m_rollout->showError(watch.error().message());
        return;
    }
    m_rollout->watch(*watch);
    connect(*watch, &Session::RolloutWatch::ended, this, &MainWindow::reloadRolloutHistory);
    showRollout();
}

void MainWindow::reloadRolloutHistory()
{
    Store::Workspace* workspace = m_session->workspace();
    if (!workspace) {
        m_rollout->setHistory({});
        return;
    }
    if (const auto rollouts = workspace->rollouts().list(); rollouts)
        m_rollout->setHistory(*rollouts);
    else
        showBanner(rollouts.error().message(), true);
}

Store::Workspace* MainWindow::workspaceForIdentities()
{
    // Real identities never go into the Demo: they go into a workspace of the user's own.
    if (m_session->isDemo() && !ensureRealWorkspaceForIdentities())
        return nullptr;
    return m_session->workspace();
}

void MainWindow::showWorkspaceDialog(QDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // It works on this workspace only: it goes when the workspace does.
    connect(m_session.get(), &ConsoleSession::workspaceAboutToClose, dialog, &QDialog::reject);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
}

CsvImportDialog* MainWindow::importCsv(const QString& path)
{
    Store::Workspace* workspace = workspaceForIdentities();
    if (!workspace)
        return nullptr;
    auto* dialog = new CsvImportDialog(workspace, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        statusBar()->showMessage(tr("Imported %n device(s).", nullptr, int(dialog->importedCount())), 6000);
        // New devices join the platform's catalog and, in the Demo, the simulated fleet.
        if (auto status = m_session->restartEngine(); !status)
            showBanner(status.error().message(), true);
    });
    if (!path.isEmpty())
        dialog->previewFile(path);
    showWorkspaceDialog(dialog);
    return dialog;
}

AccountProfileDialog* MainWindow::editAccountProfile()
{
    Store::Workspace* workspace = workspaceForIdentities();
    if (!workspace)
        return nullptr;
    auto* dialog = new AccountProfileDialog(workspace, this);
    showWorkspaceDialog(dialog);
    return dialog;
}

CloudImportDialog* MainWindow::importFromCloud()
{
    Store::Workspace* workspace = workspaceForIdentities();
    if (!workspace)
        return nullptr;
    auto* network = new QNetworkAccessManager;
    auto* dialog = new CloudImportDialog(workspace, network, this);
    network->setParent(dialog); // outlives the dialog's client: children go last
    connect(dialog, &CloudImportDialog::profileRequested, this, [this] { editAccountProfile(); });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        statusBar()->showMessage(tr("Imported from Alibaba Cloud: %n device(s) added or refreshed.", nullptr,
                                    int(dialog->importedCount())),
                                 6000);
        if (auto status = m_session->restartEngine(); !status)
            showBanner(status.error().message(), true);
    });
    showWorkspaceDialog(dialog);
    return dialog;
}

void MainWindow::exportCsv()
{
    if (!m_session->workspace())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export devices"),
                                                      QStringLiteral("devices.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Export devices"),
        tr("Write the DeviceSecrets in plain text?\n\nAnyone who reads the file can then connect as these "
           "devices. Choose No to write \"%1\" in their place.")
            .arg(QLatin1StringView(Store::CsvImport::kRedactedSecret)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    exportCsvTo(path, answer == QMessageBox::Yes ? Store::CsvExport::Secrets::Revealed
                                                 : Store::CsvExport::Secrets::Redacted);
}

Alink::Expected<qint64> MainWindow::exportCsvTo(const QString& path, Store::CsvExport::Secrets secrets)
{
    if (!m_session->workspace())
        return Alink::AlinkError{QStringLiteral("workspace"), tr("No workspace is open.")};
    auto written = Store::CsvExport::writeFile(*m_session->workspace(), path, secrets);
    if (!written)
        showBanner(tr("Nothing was exported: %1").arg(written.error().message()), true);
    else
        statusBar()->showMessage(tr("Exported %n device(s) to %1.", nullptr, int(*written)).arg(path), 6000);
    return written;
}

void MainWindow::editConnection()
{
    if (!m_session->workspace())
        return;
    ConnectionDialog dialog(m_session->settings(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto status = m_session->applySettings(dialog.settings()); !status)
        showBanner(tr("The settings were not applied: %1").arg(status.error().message()), true);
}

void MainWindow::resetDemo()
{
    if (!m_session->isDemo())
        return;
    const auto answer =
        QMessageBox::question(this, tr("Reset Demo"),
                              tr("Delete the Demo workspace with its devices, versions and log, and "
                                 "start a fresh one?"),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    if (auto status = m_session->reset(); !status)
        showBanner(tr("The Demo was not reset: %1").arg(status.error().message()), true);
    else
        hideBanner();
}

void MainWindow::compareVersions(const QString& productKey, const QString& fromSha256,
                                 const QString& toSha256)
{
    emit compareRequested(productKey, fromSha256, toSha256);
    if (!m_versions)
        return;
    m_versions->setProductKey(productKey);
    m_versions->compare(fromSha256, toSha256);
    m_tabs->setCurrentIndex(kVersionsTab);
}

void MainWindow::showFleet()
{
    m_tabs->setCurrentIndex(kFleetTab);
}

void MainWindow::showRollout()
{
    m_tabs->setCurrentIndex(kRolloutTab);
}

void MainWindow::showMessageLog()
{
    m_tabs->setCurrentIndex(kLogTab);
}

void MainWindow::showAccount()
{
    m_tabs->setCurrentWidget(m_account);
}

void MainWindow::setAccountWatched(bool on)
{
    if (!on) {
        m_session->stopWatchingAccount();
        return;
    }
    if (const auto failed = m_session->watchAccountFromWorkspace()) {
        const QSignalBlocker blocker(m_watchAccount);
        m_watchAccount->setChecked(false);
        QMessageBox box(QMessageBox::Warning, tr("Watch the account live"),
                        tr("Cannot watch the account: %1.").arg(failed->message()), QMessageBox::Cancel,
                        this);
        QPushButton* setUp = box.addButton(tr("Set up the account…"), QMessageBox::AcceptRole);
        box.exec();
        if (box.clickedButton() == setUp)
            editAccountProfile();
        return;
    }
    showAccount();
}

void MainWindow::showAccountWatchState(Cloud::AmqpSubscription::State state)
{
    const Cloud::AmqpSubscription* subscription = m_session->accountSubscription();
    const QString reason = subscription ? subscription->lastError() : QString();
    using Shown = AccountView::ConnectionState;
    switch (state) {
    case Cloud::AmqpSubscription::State::Stopped: {
        // Also when the workspace closed the subscription: the action follows.
        const QSignalBlocker blocker(m_watchAccount);
        m_watchAccount->setChecked(false);
        m_account->setConnectionState(Shown::NotWatching);
        break;
    }
    case Cloud::AmqpSubscription::State::Connecting:
        m_account->setConnectionState(Shown::Connecting);
        break;
    case Cloud::AmqpSubscription::State::Connected:
        m_account->setConnectionState(Shown::Connected);
        break;
    case Cloud::AmqpSubscription::State::Retrying:
        m_account->setConnectionState(Shown::Retrying, reason,
                                      subscription ? subscription->retryInSeconds() : 0);
        break;
    }
}

void MainWindow::connectSelectionOnCloud()
{
    const QList<Alink::DeviceKey> devices = m_fleetView->selectedDevices();
    if (devices.isEmpty()) {
        statusBar()->showMessage(tr("Select the devices whose identities ConfigDeck should connect as."),
                                 5000);
        return;
    }
    m_tabs->setCurrentWidget(m_cloud);
    m_cloud->connectAs(devices);
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("MainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("MainWindow/state"), saveState());
    settings.setValue(QStringLiteral("Console/fleetSplitter"), m_fleetSplitter->saveState());
    settings.setValue(QStringLiteral("Console/mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("Console/tab"), m_tabs->currentIndex());
    m_fleetView->saveLayout();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("MainWindow/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("MainWindow/state")).toByteArray());
    m_fleetSplitter->restoreState(settings.value(QStringLiteral("Console/fleetSplitter")).toByteArray());
    m_mainSplitter->restoreState(settings.value(QStringLiteral("Console/mainSplitter")).toByteArray());
    // Until a workspace is open the reply-code reference is the one view with something to show.
    m_tabs->setCurrentWidget(m_replyCodes);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    m_session->flush();
    event->accept();
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    dialog.exec();
    restartIdleLock(); // the idle time may have changed
    m_session->setOperatorName(PreferencesDialog::operatorName());
}

void MainWindow::exportSupportBundle()
{
    if (!m_session->workspace())
        return;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export support bundle"),
        QDir(documents).filePath(Support::SupportBundle::suggestedFileName()), tr("Zip archives (*.zip)"));
    if (!path.isEmpty())
        exportSupportBundleTo(path);
}

Alink::Expected<Support::SupportBundle::Summary> MainWindow::exportSupportBundleTo(const QString& path)
{
    if (!m_session->workspace())
        return Alink::AlinkError{QStringLiteral("workspace"), tr("No workspace is open.")};
    QList<Alink::DeviceKey> devices = m_fleetView->selectedDevices();
    if (devices.isEmpty()) {
        if (const auto current = m_fleetView->currentDevice())
            devices << *current;
    }
    m_session->flush(); // the newest messages into the workspace first
    auto written = Support::SupportBundle::write(*m_session->workspace(), devices, path);
    if (!written)
        showBanner(tr("No support bundle was written: %1").arg(written.error().message()), true);
    else
        statusBar()->showMessage(tr("Support bundle of %n device(s) written to %1; secrets are redacted.",
                                    nullptr, written->deviceCount)
                                     .arg(QDir::toNativeSeparators(path)),
                                 8000);
    return written;
}

AddDeviceDialog* MainWindow::addDevices()
{
    Store::Workspace* workspace = workspaceForIdentities();
    if (!workspace)
        return nullptr;
    auto* dialog = new AddDeviceDialog(workspace, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const auto& preview = dialog->preview();
        if (!preview)
            return;
        if (auto status = m_identities->addDevices(*preview); !status) {
            showBanner(tr("No device was added: %1").arg(status.error().message()), true);
            return;
        }
        statusBar()->showMessage(tr("Added %n device(s).", nullptr, int(preview->rowCount)), 6000);
    });
    showWorkspaceDialog(dialog);
    return dialog;
}

DeviceEditDialog* MainWindow::editCurrentDevice()
{
    const auto current = m_fleetView->currentDevice();
    const Store::Workspace* workspace = m_session->workspace();
    if (!current || !workspace) {
        statusBar()->showMessage(tr("Select the device to edit."), 6000);
        return nullptr;
    }
    const auto read = workspace->identities().device(current->productKey, current->deviceName);
    if (!read || !*read) {
        showBanner(read ? tr("There is no device %1/%2.").arg(current->productKey, current->deviceName)
                        : read.error().message(),
                   true);
        return nullptr;
    }
    const Store::DeviceRecord record = **read;
    auto* dialog = new DeviceEditDialog(record, this);
    if (m_session->isDemo()) {
        // The Demo's key ships with ConfigDeck: a real secret has no place under it.
        dialog->secretEdit()->setEnabled(false);
        dialog->secretEdit()->setPlaceholderText(tr("the Demo keeps its made-up secrets"));
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog, record] {
        const Alink::DeviceKey key{record.productKey, record.deviceName};
        const bool labels = dialog->labels() != record.labels;
        const bool note = dialog->note() != record.note;
        const bool secret = !dialog->newSecret().isEmpty();
        if (!labels && !note && !secret)
            return;
        QUndoStack* stack = m_identities->undoStack();
        // One undo step for the dialog; each change is its own transaction.
        stack->beginMacro(tr("edit %1/%2").arg(key.productKey, key.deviceName));
        Store::Status status = Store::ok();
        if (labels)
            status = m_identities->setLabels(key, dialog->labels());
        if (status && note)
            status = m_identities->setNote(key, dialog->note());
        if (status && secret)
            status = m_identities->replaceSecret(key, dialog->newSecret());
        stack->endMacro();
        if (!status)
            showBanner(tr("%1/%2 was not changed completely: %3")
                           .arg(key.productKey, key.deviceName, status.error().message()),
                       true);
    });
    showWorkspaceDialog(dialog);
    return dialog;
}

void MainWindow::deleteSelectedDevices()
{
    QList<Alink::DeviceKey> devices = m_fleetView->selectedDevices();
    if (devices.isEmpty()) {
        if (const auto current = m_fleetView->currentDevice())
            devices.append(*current);
    }
    if (devices.isEmpty() || !m_session->workspace()) {
        statusBar()->showMessage(tr("Select the devices to delete."), 6000);
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Delete devices"),
                    tr("Delete %n device(s) from the workspace?", nullptr, int(devices.size())),
                    QMessageBox::NoButton, this);
    box.setInformativeText(IdentityEditor::whatGoesWithDevices());
    QPushButton* remove =
        box.addButton(tr("Delete %n device(s)", nullptr, int(devices.size())), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    if (auto status = m_identities->removeDevices(devices); !status) {
        showBanner(tr("No device was deleted: %1").arg(status.error().message()), true);
        return;
    }
    statusBar()->showMessage(tr("Deleted %n device(s).", nullptr, int(devices.size())), 6000);
}

ProductsDialog* MainWindow::showProducts()
{
    if (!m_session->workspace())
        return nullptr;
    auto* dialog = new ProductsDialog(m_session.get(), m_identities, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
    return dialog;
}

} // namespace ConfigDeck::Ui
