#pragma once

#include "session/ConsoleSession.h"
#include "store/CsvExport.h"
#include "support/SupportBundle.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>

class QDialog;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace ConfigDeck::Store {
class FleetModel;
class Workspace;
} // namespace ConfigDeck::Store

namespace ConfigDeck::Ui {

class AccountProfileDialog;
class AccountView;
class AddDeviceDialog;
class CloudImportDialog;
class CloudPanel;
class CodeHistogram;
class CsvImportDialog;
class DeviceDetailPanel;
class DeviceEditDialog;
class FleetView;
class IdentityEditor;
class MessageLogModel;
class MessageLogView;
class ProductsDialog;
class ReplyCodeCatalogView;
class RolloutPanel;
class StartPage;
class VersionHistoryView;

// The console: the fleet table with its reply-code histogram and the device detail panel, the rollout view,
// the message log, configuration versions and the reply-code reference, over one session (Demo or the
// platform on a broker). All protocol work is the session's; this window only calls its API and shows
// what it reports.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens the workspace (the Demo's when the options name none) through the window's one session, closing
    // the open one first, and shows it. Errors are shown in the window and returned.
    Store::Status openSession(const Session::ConsoleSession::Options& options);
    Session::ConsoleSession* session() const { return m_session.get(); }

    // --- Workspaces (File menu and start page). Each shows its result; failures never throw.
    // Opens a workspace file, asking for its passphrase when it has one (a wrong one is said so and the
    // prompt stays for another try); back on the start page when nothing opened.
    Store::Status openWorkspaceFile(const QString& path);
    void openDemo();
    // Asks for a file and its protection and opens the new workspace; false when cancelled or it failed.
    bool newWorkspace();
    void openWorkspace(); // asks for a file
    // Asks for a shared workspace's PostgreSQL connection (prefilled from `url`, with the password the OS
    // keychain keeps for it, if any) and opens it; failures are shown in the dialog.
    Store::Status openSharedWorkspace(const QString& url = {});
    void saveCopy(); // asks for a file
    Store::Status saveCopyTo(const QString& path);
    // Back to the start page; the next start shows it too.
    void closeWorkspace();
    // Change the passphrase, move the key into the OS keychain or out of it (asks the current passphrase).
    // A shared workspace: a new team passphrase, or forget the team key on this computer.
    void editProtection();
    void lockWorkspace();
    // Asks for the passphrase (or uses the keychain); true once unlocked.
    bool unlockWorkspace();
    // Before identities are added while the Demo is open: offers to create a real workspace (file and
    // protection) and opens it, so that the identities go there. True when a non-Demo workspace is open
    // (at once, or after creating one); false when the user declined (nothing is to be added).
    bool ensureRealWorkspaceForIdentities();
    // The start page (shown while no workspace is open) and the Demo's marker.
    StartPage* startPage() const { return m_startPage; }
    bool startPageShown() const;
    QLabel* demoMarker() const { return m_demoMarker; }
    QMenu* recentMenu() const { return m_recentMenu; }
    // Counts down to the idle lock; any input restarts it.
    QTimer* idleLockTimer() { return &m_idleTimer; }

    ReplyCodeCatalogView* replyCodeCatalog() const { return m_replyCodes; }
    CloudPanel* cloudPanel() const { return m_cloud; }
    AccountView* accountView() const { return m_account; }
    FleetView* fleetView() const { return m_fleetView; }
    Store::FleetModel* fleetModel() const { return m_fleet; }
    CodeHistogram* histogram() const { return m_histogram; }
    DeviceDetailPanel* detailPanel() const { return m_detail; }
    RolloutPanel* rolloutPanel() const { return m_rollout; }
    MessageLogView* messageLog() const { return m_logView; }
    MessageLogModel* messageLogModel() const { return m_log; }
    QTabWidget* tabs() const { return m_tabs; }
    QString connectionText() const;
    QString bannerText() const;
    QString countsText() const;

    // The console's actions (also behind the menus and tool bar). Failures are shown, never thrown.
    void requestConfigForSelection();
    void pushToSelection();
    void pushToProduct(const QString& productKey);
    void startRollout(const Roles::RolloutPlan& plan);
    // Shows in the Rollout tab a rollout that another console or the platform processes run.
    void watchRollout(qint64 rolloutId);
    // Opens the import dialog (window-modal, not blocking); with a path its preview is shown at once.
    CsvImportDialog* importCsv(const QString& path = {});
    // The workspace's Alibaba Cloud account, and Import from Alibaba Cloud (window-modal, not blocking;
    // in the Demo only after the user made a workspace of their own). nullptr when refused.
    AccountProfileDialog* editAccountProfile();
    CloudImportDialog* importFromCloud();
    // Fleet > Watch the account live: the account's server-side subscription on or off.
    QAction* watchAccountAction() const { return m_watchAccount; }
    void exportCsv();
    // Writes every device of the workspace to a CSV file; the result is also shown in the window.
    Alink::Expected<qint64> exportCsvTo(const QString& path, Store::CsvExport::Secrets secrets);
    // Writes a support bundle of the selected devices (the current one when none is selected) to a file
    // the operator picks; exportSupportBundleTo() writes it to a path and shows the result.
    void exportSupportBundle();
    Alink::Expected<Support::SupportBundle::Summary> exportSupportBundleTo(const QString& path);
    void showPreferences();
    void editConnection();
    void resetDemo();
    // Opens the DiffView on two stored versions of a product.
    void compareVersions(const QString& productKey, const QString& fromSha256, const QString& toSha256);
    void showFleet();
    void showRollout();
    void showMessageLog();
    void showAccount();
    void setAccountWatched(bool on);
    void showAccountWatchState(ConfigDeck::Cloud::AmqpSubscription::State state);
    // Connects as the selected devices to Alibaba Cloud IoT Platform (the Cloud tab; it warns first).
    void connectSelectionOnCloud();

    // Identities by hand (undoable through identities()->undoStack(), Edit > Undo/Redo). The dialogs open
    // window-modal without blocking and are returned (nullptr when refused). Adding devices while the Demo
    // is open goes through ensureRealWorkspaceForIdentities().
    IdentityEditor* identities() const { return m_identities; }
    AddDeviceDialog* addDevices();
    DeviceEditDialog* editCurrentDevice();
    // Asks first, with the count and what goes with the devices.
    void deleteSelectedDevices();
    ProductsDialog* showProducts();

signals:
    void compareRequested(const QString& productKey, const QString& fromSha256, const QString& toSha256);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void editTeamProtection();
    // Asks for the open workspace's current passphrase (tried, asked again when wrong); false when cancelled.
    bool askCurrentPassphrase(QString& current);
    // The session's reprotect with a wait cursor; a failure is shown in the banner.
    bool reprotect(const QString& current, const Session::WorkspaceProtection& to);
    void createActions();
    void connectSession();
    void createStatusBar();
    void reload();
    // The rollout history of the open workspace (empty when none is).
    void reloadRolloutHistory();
    void reloadMessageLog();
    void updateStatus();
    void showBanner(const QString& text, bool error);
    void hideBanner();
    void saveLayout();
    void restoreLayout();
    void rebuildVersionsTab();
    void showAbout();
    void showStartPage();
    void workspaceShown(const QString& pathOrDemo);
    void updateTitle();
    // Opens a shared workspace for a dialog: connects first (a failure changes nothing), then opens it in
    // the session; one that needs its team passphrase counts as connected. Keeps or forgets the password.
    Store::Status openSharedSession(const Session::ConsoleSession::Options& options, bool rememberPassword);
    // Asks the passphrase of the workspace the options name until it opens or the user gives up.
    Store::Status askPassphraseAndOpen(Session::ConsoleSession::Options options);
    void rebuildRecentMenu();
    void offerToProtectDemo();
    bool keychainAvailable();
    void restartIdleLock();
    // The open workspace for dialogs that add identities: while the Demo is open, only after the user made a
    // workspace of their own (ensureRealWorkspaceForIdentities()); null when there is none.
    Store::Workspace* workspaceForIdentities();
    // Window-modal, deleted when closed, rejected when the workspace is about to close.
    void showWorkspaceDialog(QDialog* dialog);

    std::unique_ptr<Session::ConsoleSession> m_session;
    IdentityEditor* m_identities;
    Store::FleetModel* m_fleet;
    MessageLogModel* m_log;
    QTabWidget* m_tabs;
    QLabel* m_banner;
    FleetView* m_fleetView;
    CodeHistogram* m_histogram;
    DeviceDetailPanel* m_detail;
    RolloutPanel* m_rollout;
    MessageLogView* m_logView;
    QWidget* m_versionsPage;
    VersionHistoryView* m_versions = nullptr;
    ReplyCodeCatalogView* m_replyCodes;
    CloudPanel* m_cloud;
    QAction* m_watchAccount = nullptr;
    AccountView* m_account;
    QSplitter* m_fleetSplitter;
    QSplitter* m_mainSplitter;
    QMenu* m_pushProductMenu = nullptr;
    QAction* m_resetAction = nullptr;
    bool m_tabRestored = false;
    QLabel* m_modeLabel;
    QLabel* m_connectionLabel;
    QLabel* m_countsLabel;
    QTimer m_statusTimer;
    QTimer m_detailTimer;
    QStackedWidget* m_pages;
    StartPage* m_startPage;
    QLabel* m_demoMarker;
    QMenu* m_recentMenu = nullptr;
    QList<QAction*> m_workspaceActions; // enabled while a workspace is open
    QAction* m_lockAction = nullptr;
    QTimer m_idleTimer;
    std::optional<bool> m_keychainAvailable;
};

} // namespace ConfigDeck::Ui
