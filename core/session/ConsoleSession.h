#pragma once

#include "SessionSettings.h"
#include "WorkspaceKey.h"
#include "alink/AlinkError.h"
#include "alink/DeviceKey.h"
#include "cloud/AmqpSubscription.h"
#include "roles/DeviceAgent.h"
#include "roles/PlatformService.h"
#include "roles/RolloutRunner.h"
#include "store/StoreTypes.h"
#include "store/WorkspaceChangeFeed.h"
#include "transport/MqttConnection.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace ConfigDeck::Store {
class Workspace;
}
namespace ConfigDeck::Transport {
class InProcessBroker;
}
namespace ConfigDeck::Transfer {
class FileServer;
}
namespace ConfigDeck::Cloud {
class AccountFeed;
}
namespace ConfigDeck::Roles {
class FleetSimulator;
class WorkspaceRecorder;
} // namespace ConfigDeck::Roles

namespace ConfigDeck::Session {

class CloudWorkbench;
class RolloutClaim;
class RolloutWatch;

// The console's session: one workspace and the engine that serves it. In Demo mode that is an in-process
// broker, the platform service on it, the file server on loopback and a simulated fleet built from the
// workspace's devices with a mix of fault profiles; nothing needs a network. In broker mode the platform
// service connects to a real MQTT broker (libmosquitto) and there is no simulated fleet. In every mode it
// also owns the Cloud tab's session over the workspace (cloud()), made at open and destroyed at close.
//
// The UI only calls this API and listens to its signals; all protocol work stays in core.
class ConsoleSession final : public QObject
{
    Q_OBJECT
public:
    // At most this many workspace devices are simulated in Demo mode (each is an agent and a connection).
    static constexpr int kMaxSimulatedDevices = 10000;

    struct Options
    {
        QString workspacePath; // empty: the Demo (defaultWorkspacePath(), made with the Demo's passphrase);
                               // or postgresql://user@host:port/database for a shared workspace
        QString passphrase;    // opens a workspace protected by a passphrase (a shared one's team passphrase)
        QString databasePassword; // a shared workspace's database password, when its URL has none
        // How a new workspace is protected; without it a named workspace must already exist.
        std::optional<WorkspaceProtection> create;
    };

    explicit ConsoleSession(Options options, QObject* parent = nullptr);
    ~ConsoleSession() override;

    // QStandardPaths::AppDataLocation/demo.configdeck
    static QString defaultWorkspacePath();

    // Opens (or creates) the workspace, unlocks its secrets, seeds a Demo workspace that has no products
    // and starts the engine of the workspace's mode. Safe to call again after an error. A passphrase
    // workspace opened without its passphrase, or with a wrong one, fails with unlockFailure() saying so;
    // nothing is changed and nothing stays open.
    Store::Status open();
    // Closes the open workspace, if any, and opens the one the options name (the Demo's when none).
    Store::Status open(const Options& options);
    UnlockFailure unlockFailure() const { return m_unlockFailure; }
    // The key's protection of the open workspace: Demo for one under the Demo's public passphrase (the
    // Demo, or a workspace made by an older release where no keychain answered).
    WorkspaceProtection::Kind protection() const { return m_protection; }
    bool isDemo() const { return m_workspace && m_protection == WorkspaceProtection::Kind::Demo; }
    // In a Demo: the devices that are not its own made-up ones (real identities, imported before ConfigDeck
    // kept them out). Empty elsewhere.
    QList<Alink::DeviceKey> foreignDemoDevices() const;
    // Copies those devices (with their products and DeviceSecrets) into a new workspace at `path`, protected
    // as chosen; the new workspace is left closed. Nothing is made when any step fails.
    Store::Status copyForeignDemoDevices(const QString& path, const WorkspaceProtection& protection);
    // Whether this is the Demo at defaultWorkspacePath() (the one reset() may delete).
    bool isDefaultDemo() const { return m_options.workspacePath.isEmpty(); }

    // Drops the key: the fleet stays visible, but revealing or exporting secrets and connecting as
    // identities fail with the workspace's locked error until unlock() succeeds.
    void lock();
    // Opens the key again (the passphrase of a passphrase workspace; nothing for the keychain). A wrong
    // passphrase changes nothing; unlockFailure() says why.
    Store::Status unlock(const QString& passphrase);
    bool isLocked() const;
    // Protects the open workspace's key differently (WorkspaceKey::reprotect), then keeps it unlocked.
    Store::Status reprotect(const QString& currentPassphrase, const WorkspaceProtection& to);
    // A shared workspace's team key is in this computer's keychain (kept when it was created or first
    // unlocked here): the next open needs no team passphrase.
    bool teamKeyKept() const { return m_teamKeyKept; }
    // Deletes this computer's keychain entry of the open shared workspace's team key: the next open here
    // asks for the team passphrase. The open workspace stays unlocked.
    Store::Status forgetTeamKey();
    // A consistent copy of the open workspace (same key, same protection) at a new path; a shared
    // workspace's copy is a workspace file whose key opens with the team passphrase.
    Store::Status saveCopy(const QString& path) const;
    // Deletes the Demo workspace and makes a fresh one (only in Demo mode).
    Store::Status reset();
    // Writes a Demo's products, devices and configuration versions into an empty workspace.
    Store::Status ensureSeeded();
    void shutdown();

    Store::Workspace* workspace() const { return m_workspace.get(); }
    Roles::PlatformService* platform() const { return m_platform.get(); }
    Roles::FleetSimulator* fleet() const { return m_fleet.get(); }
    Transfer::FileServer* fileServer() const { return m_fileServer.get(); }
    Transport::InProcessBroker* broker() const { return m_broker.get(); }
    // The Cloud tab's session over the open workspace: made when a workspace opens, destroyed after
    // workspaceAboutToClose (null while none is open).
    CloudWorkbench* cloud() const { return m_cloud.get(); }
    QString workspacePath() const { return m_path; }

    SessionMode mode() const { return m_settings.mode; }
    const SessionSettings& settings() const { return m_settings; }
    // Saves the settings and restarts the engine with them (a broker that cannot be reached is reported by
    // connectionStateChanged/connectionError; the workspace stays usable).
    Store::Status applySettings(const SessionSettings& settings);
    // Restarts the engine on the open workspace (its catalog and, in the Demo, the simulated fleet are
    // read again), e.g. after devices were imported. Emits fleetChanged.
    Store::Status restartEngine();
    // The open workspace's device records changed in what the engine does not use (labels, notes): emits
    // fleetChanged so that the views reload, without restarting the engine.
    void announceFleetChanged();

    Transport::MqttConnection::State connectionState() const;
    QString connectionStateText() const;
    QString lastConnectionError() const { return m_lastConnectionError; }
    int onlineCount() const;

    // --- The console's actions.
    // Makes the simulated devices request their configuration (Demo only); returns how many asked.
    Alink::Expected<int> requestConfig(const QList<Alink::DeviceKey>& devices);
    // Pushes the product's published configuration to the devices (empty: all of the product).
    Alink::Expected<QList<Roles::PushTicket>> push(const QString& productKey,
                                                   const QStringList& deviceNames = {});
    std::optional<Alink::AlinkError> checkPush(const QString& productKey,
                                               const QStringList& deviceNames) const;
    // Starts a rollout of the product's published configuration; the runner is owned by the session and
    // its outcomes are recorded in the workspace.
    Alink::Expected<Roles::RolloutRunner*> startRollout(const Roles::RolloutPlan& plan);
    Roles::RolloutRunner* currentRollout() const { return m_rollout; }
    // Follows a rollout that another console or the platform processes run (read only) until it ends or
    // the workspace closes; replaces the one followed before. The watch is owned by the session.
    Alink::Expected<RolloutWatch*> watchRollout(qint64 rolloutId);
    // Makes a stored version the product's published configuration.
    Alink::Expected<Roles::PublishedConfig> publish(const QString& productKey, const QString& sha256);
    // Empty when the product publishes no version.
    Alink::Expected<QString> publishedSha256(const QString& productKey) const;
    // Stores edited content as a new version of the product.
    Alink::Expected<QString> saveVersion(const QString& productKey, const QByteArray& content,
                                         const QString& label);
    void setAlibabaLimits(bool on);
    // The configurations (sha256) the device was seen holding, oldest first.
    Alink::Expected<QStringList> heldVersions(const QString& productKey, const QString& deviceName) const;
    // Writes buffered log and state to the workspace now.
    void flush();

    // --- The account's server-side subscription (Alibaba Cloud IoT Platform, AMQP): device status and every
    // device's push reply, applied to the open workspace's devices exactly as the platform service's are
    // (recorded, deviceStateChanged, messageLogged). Devices the workspace does not have are ignored. Runs
    // until stopWatchingAccount() or the workspace closes; reconnects by itself. An error when no workspace
    // is open or the settings cannot be used.
    std::optional<Alink::AlinkError> watchAccount(const Cloud::AmqpSubscription::Settings& settings);
    // The same with the open workspace's account profile (File > Alibaba Cloud account…) and its sealed
    // AccessKey Secret: an error in words when there is no profile, it lacks a consumer group, or the
    // workspace is locked.
    std::optional<Alink::AlinkError> watchAccountFromWorkspace();
    void stopWatchingAccount();
    // The running subscription (its lastError() and retryInSeconds()), or null when not watching.
    const Cloud::AmqpSubscription* accountSubscription() const { return m_account.get(); }
    Cloud::AmqpSubscription::State accountWatchState() const;
    QString accountWatchStateText() const;
    // What the subscription ignored (other topics, unknown devices, unreadable messages); null when not
    // watching.
    Cloud::AccountFeed* accountFeed() const { return m_accountFeed.get(); }
    // --- Who is at the console: recorded with every message, push, rollout and hand edit of this session.
    // The operator's name when none is set: the OS account name (USER, or USERNAME on Windows).
    static QString defaultOperatorName();
    void setOperatorName(const QString& name);
    QString operatorName() const { return m_operatorName; }
    // Records a change made by hand (what: e.g. "Delete device") in the message log, one entry per device
    // named (or one for the product when no device is), with the operator; messageLogged() shows them.
    Store::Status recordEdit(const QString& what, const QList<Alink::DeviceKey>& devices,
                             const QString& productKey = {});

signals:
    void deviceStateChanged(const ConfigDeck::Store::DeviceStateUpdate& update);
    void messageLogged(const ConfigDeck::Store::MessageLogEntry& entry);
    void pushReplied(const QString& productKey, const QString& deviceName, const QString& messageId, int code,
                     qint64 latencyMs);
    void connectionStateChanged(ConfigDeck::Transport::MqttConnection::State state, const QString& text);
    void connectionError(const QString& message);
    void onlineCountChanged(int online);
    // Something went wrong that the operator should read (recorder, wire errors).
    void problem(const QString& message);
    // The workspace is about to be closed (its object destroyed): let go of everything read from it. Every
    // view that holds the workspace, or anything of it, follows this signal and workspaceOpened.
    void workspaceAboutToClose();
    // A workspace was opened (or the Demo reset) and its engine started: show it.
    void workspaceOpened();
    // The open workspace's devices or settings changed and the engine restarted on them: reload what is
    // shown.
    void fleetChanged();
    // Another console changed a shared workspace's message log, or rollouts (their ids): reload only those.
    // Its device state changes come as deviceStateChanged, as the session's own do.
    void messageLogChanged();
    void rolloutsChanged(const QList<qint64>& rolloutIds);
    void rolloutStarted(ConfigDeck::Roles::RolloutRunner* runner);
    // The key was dropped (lock) or opened again (unlock), or its protection changed.
    void lockChanged(bool locked);
    // The account subscription: connecting, connected, retrying in N s (with why), stopped.
    void accountWatchStateChanged(ConfigDeck::Cloud::AmqpSubscription::State state, const QString& text);
    // A workspace device answered a push made in the cloud (its code), or went online or offline.
    void accountReply(const QString& productKey, const QString& deviceName, int code, const QDateTime& time);
    void accountStatus(const QString& productKey, const QString& deviceName, bool online,
                       const QDateTime& time);

private:
    Store::Status openWorkspace();
    void openCloud();
    Store::Status unlockWorkspace();
    Store::Status startEngine();
    void stopEngine();
    void loadCatalog();
    void startFleet();
    Roles::AgentSettings simulatedAgentSettings() const;
    void noteState(const Store::DeviceStateUpdate& update);
    void noteMessage(const Store::MessageLogEntry& entry);

    Options m_options;
    QString m_path;
    SessionSettings m_settings;
    std::unique_ptr<Store::Workspace> m_workspace;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Transport::InProcessBroker> m_broker;
    std::unique_ptr<Transfer::FileServer> m_fileServer;
    Transport::MqttConnection* m_connection = nullptr; // owned by this
    std::unique_ptr<Roles::PlatformService> m_platform;
    std::unique_ptr<Roles::FleetSimulator> m_fleet;
    // Lives as long as the workspace (the Cloud tab records through it across engine restarts).
    std::unique_ptr<Roles::WorkspaceRecorder> m_recorder;
    std::unique_ptr<CloudWorkbench> m_cloud;
    std::unique_ptr<Cloud::AccountFeed> m_accountFeed;
    std::unique_ptr<Cloud::AmqpSubscription> m_account;
    QPointer<Roles::RolloutRunner> m_rollout;
    std::unique_ptr<RolloutClaim> m_rolloutClaim; // the product of m_rollout, while it runs
    std::unique_ptr<RolloutWatch> m_rolloutWatch;
    QString m_lastConnectionError;
    QString m_operatorName = defaultOperatorName();
    int m_online = 0;
    UnlockFailure m_unlockFailure = UnlockFailure::None;
    WorkspaceProtection::Kind m_protection = WorkspaceProtection::Kind::Keychain;
    bool m_teamKeyKept = false;
    // Other consoles' changes to a shared workspace, taken at most every 250 ms: device states re-read one by
    // one, the log and rollouts reloaded, anything else (devices, products, versions...) a whole reload.
    void takeSharedChange(const Store::WorkspaceChange& change);
    void applySharedChanges();
    QTimer m_sharedChangeReload;
    QList<Store::WorkspaceChange> m_sharedChanges;
    bool m_sharedReloadAll = false;
};

} // namespace ConfigDeck::Session
