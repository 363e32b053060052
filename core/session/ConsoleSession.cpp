#include "ConsoleSession.h"

#include "CloudWorkbench.h"
#include "DemoSeed.h"
#include "RolloutClaim.h"
#include "RolloutWatch.h"
#include "SessionLog.h"
#include "UrlSigningKey.h"
#include "cloud/AccountFeed.h"
#include "cloud/AccountProfile.h"
#include "roles/FleetSimulator.h"
#include "roles/WorkspaceRecorder.h"
#include "store/Workspace.h"
#include "store/secrets/KeyVault.h"
#include "store/secrets/SecretSealer.h"
#include "transfer/FileServer.h"
#include "transfer/TlsIdentity.h"
#include "transport/BrokerAddress.h"
#include "transport/InProcessBroker.h"
#include "transport/InProcessConnection.h"
#include "transport/MosquittoConnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QUuid>

namespace ConfigDeck::Session {

namespace {

Alink::AlinkError error(const QString& field, const QString& reason)
{
    return Alink::AlinkError{field, reason, -1};
}

QByteArray randomSecret()
{
    // Like the platform's: 32 hex characters.
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), 4);
    return bytes.toHex();
}
} // namespace

ConsoleSession::ConsoleSession(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_path(m_options.workspacePath.isEmpty() ? defaultWorkspacePath() : m_options.workspacePath)
{
    m_sharedChangeReload.setSingleShot(true);
    m_sharedChangeReload.setInterval(250);
    connect(&m_sharedChangeReload, &QTimer::timeout, this, &ConsoleSession::applySharedChanges);
}

ConsoleSession::~ConsoleSession()
{
    shutdown();
}

QString ConsoleSession::defaultWorkspacePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo.configdeck"));
}

Store::Status ConsoleSession::open()
{
    shutdown();
    m_unlockFailure = UnlockFailure::None;
    if (auto status = openWorkspace(); !status) {
        m_workspace.reset(); // nothing half-open stays behind (a wrong passphrase changes nothing)
        return status;
    }
    openCloud();
    auto settings = SessionSettings::load(*m_workspace);
    if (!settings)
        return settings.error();
    m_settings = std::move(*settings);
    // Only the Demo gets the made-up devices; a workspace of the user's own starts empty.
    if (isDemo() && m_settings.mode == SessionMode::Demo) {
        if (auto status = ensureSeeded(); !status)
            return status;
    }
    auto status = startEngine();
    emit workspaceOpened();
    return status;
}

Store::Status ConsoleSession::open(const Options& options)
{
    shutdown();
    m_options = options;
    m_path = m_options.workspacePath.isEmpty() ? defaultWorkspacePath() : m_options.workspacePath;
    return open();
}

Store::Status ConsoleSession::openWorkspace()
{
    const bool demo = m_options.workspacePath.isEmpty();
    // A database holds a workspace unless one is to be made in it (Workspace::open tells which it is).
    const bool shared = Store::WorkspaceLocation::isDatabaseUrl(m_path);
    if (shared) {
        // The password is kept in memory apart from the URL, which is shown and remembered.
        const auto location = Store::WorkspaceLocation::parse(m_path);
        if (!location)
            return location.error();
        if (!location->password().isEmpty())
            m_options.databasePassword = location->password();
        m_path = location->url();
    }
    const bool existed = shared ? !m_options.create : QFileInfo::exists(m_path);
    if (!existed && !demo && !m_options.create)
        return error(QStringLiteral("workspace"), tr("There is no workspace at %1.").arg(m_path));
    if (!shared)
        QDir().mkpath(QFileInfo(m_path).absolutePath());
    auto workspace = Store::Workspace::open(
        m_path, existed ? Store::Workspace::OpenMode::OpenExisting : Store::Workspace::OpenMode::CreateOrOpen,
        m_options.databasePassword);
    if (!workspace)
        return workspace.error();
    m_workspace = std::move(*workspace);
    // What other consoles change in a shared workspace reaches the views as the session's own changes do.
    connect(&m_workspace->changeFeed(), &Store::WorkspaceChangeFeed::changed, this,
            &ConsoleSession::takeSharedChange);
    connect(&m_workspace->changeFeed(), &Store::WorkspaceChangeFeed::reconnected, this, [this] {
        // Announcements were missed while the connection was down.
        m_sharedReloadAll = true;
        if (!m_sharedChangeReload.isActive())
            m_sharedChangeReload.start();
    });
    auto status = unlockWorkspace();
    if (!status && !existed && !shared) {
        // A workspace whose key could not be made is no workspace: leave no file behind.
        m_workspace.reset();
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(m_path + suffix);
    }
    return status;
}

void ConsoleSession::openCloud()
{
    m_recorder = std::make_unique<Roles::WorkspaceRecorder>(m_workspace.get());
    m_recorder->setInterval(250);
    m_recorder->setOperatorName(m_operatorName);
    connect(m_recorder.get(), &Roles::WorkspaceRecorder::errorOccurred, this, &ConsoleSession::problem);
    // The banner that said writing failed gives way to the news that it works again.
    connect(m_recorder.get(), &Roles::WorkspaceRecorder::writingResumed, this,
            [this](int, const QString& message) { emit problem(message); });
    m_cloud = std::make_unique<CloudWorkbench>(m_workspace.get(), m_recorder.get());
    // The identities' messages and states reach the views as the engine's do (recorded already).
    connect(m_cloud.get(), &CloudWorkbench::messageLogged, this, &ConsoleSession::messageLogged);
    connect(m_cloud.get(), &CloudWorkbench::stateChanged, this, &ConsoleSession::deviceStateChanged);
}

Store::Status ConsoleSession::unlockWorkspace()
{
    Alink::Expected<WorkspaceKey::Unlocked> unlocked = Alink::AlinkError{};
    const auto record = m_workspace->keys().record();
    if (!record)
        return record.error();
    if (record->isEmpty()) {
        // A new workspace: the Demo gets its public passphrase (it holds made-up devices only); any other
        // the protection the user chose, never a fallback.
        const bool demo = m_options.workspacePath.isEmpty();
        if (!demo && !m_options.create)
            return error(
                QStringLiteral("workspace"),
                tr("The workspace %1 has no key: it was never finished. Create it again.").arg(m_path));
        unlocked = WorkspaceKey::create(*m_workspace, demo ? WorkspaceProtection::demo() : *m_options.create);
    } else {
        unlocked = WorkspaceKey::unlock(*m_workspace, m_options.passphrase, &m_unlockFailure);
    }
    if (!unlocked)
        return unlocked.error();
    m_protection = unlocked->kind;
    m_teamKeyKept = unlocked->teamKeyKept;
    m_workspace->keys().setSealer(unlocked->sealer);
    return Store::ok();
}

QList<Alink::DeviceKey> ConsoleSession::foreignDemoDevices() const
{
    QList<Alink::DeviceKey> foreign;
    if (!isDemo())
        return foreign;
    const auto devices = m_workspace->identities().devices();
    if (!devices) {
        qCWarning(lcSession) << "cannot list the Demo's devices:" << devices.error().message();
        return foreign;
    }
    for (const Store::DeviceRecord& device : *devices) {
        if (!DemoSeed::isSeedDevice(device.productKey, device.deviceName))
            foreign << Alink::DeviceKey{device.productKey, device.deviceName};
    }
    return foreign;
}

Store::Status ConsoleSession::copyForeignDemoDevices(const QString& path,
                                                     const WorkspaceProtection& protection)
{
    const QList<Alink::DeviceKey> foreign = foreignDemoDevices();
    if (foreign.isEmpty())
        return error(QStringLiteral("devices"), tr("the Demo holds no devices but its own"));
    if (QFileInfo::exists(path))
        return error(QStringLiteral("workspace"), tr("%1 already exists").arg(path));
    QList<Store::DeviceRecord> devices;
    QList<QByteArray> secrets;
    QStringList productKeys;
    for (const Alink::DeviceKey& key : foreign) {
        auto device = m_workspace->identities().device(key.productKey, key.deviceName);
        if (!device)
            return device.error();
        if (!*device)
            return error(QStringLiteral("devices"), tr("%1/%2 is gone").arg(key.productKey, key.deviceName));
        auto secret = m_workspace->identities().deviceSecret(key.productKey, key.deviceName);
        if (!secret)
            return secret.error();
        devices << **device;
        secrets << *secret;
        if (!productKeys.contains(key.productKey))
            productKeys << key.productKey;
    }
    const auto removeTarget = [&path] {
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
    };
    Store::Status status = Store::ok();
    {
        auto target = Store::Workspace::open(path);
        if (!target)
            return target.error();
        auto key = WorkspaceKey::create(**target, protection);
        if (!key) {
            status = key.error();
        } else {
            (*target)->keys().setSealer(key->sealer);
            for (const QString& productKey : std::as_const(productKeys)) {
                if (!status)
                    break;
                const auto product = m_workspace->identities().product(productKey);
                if (!product)
                    status = product.error();
                else if (*product)
                    status = (*target)->identities().upsertProduct(**product);
            }
            if (status)
                status = (*target)->identities().addDevices(devices, secrets);
        }
    }
    if (!status)
        removeTarget();
    return status;
}

void ConsoleSession::lock()
{
    if (!m_workspace || m_workspace->keys().isLocked())
        return;
    m_workspace->keys().setSealer(nullptr);
    qCInfo(lcSession) << "workspace locked";
    emit lockChanged(true);
}

Store::Status ConsoleSession::unlock(const QString& passphrase)
{
    if (!m_workspace)
        return error(QStringLiteral("workspace"), tr("no workspace is open"));
    auto unlocked = WorkspaceKey::unlock(*m_workspace, passphrase, &m_unlockFailure);
    if (!unlocked)
        return unlocked.error();
    m_teamKeyKept = unlocked->teamKeyKept;
    m_workspace->keys().setSealer(unlocked->sealer);
    qCInfo(lcSession) << "workspace unlocked";
    emit lockChanged(false);
    return Store::ok();
}

bool ConsoleSession::isLocked() const
{
    return m_workspace && m_workspace->keys().isLocked();
}

Store::Status ConsoleSession::reprotect(const QString& currentPassphrase, const WorkspaceProtection& to)
{
    if (!m_workspace)
        return error(QStringLiteral("workspace"), tr("no workspace is open"));
    if (auto status = WorkspaceKey::reprotect(*m_workspace, currentPassphrase, to); !status)
        return status;
    auto unlocked = WorkspaceKey::unlock(*m_workspace, to.passphrase);
    if (!unlocked)
        return unlocked.error();
    m_protection = unlocked->kind;
    m_teamKeyKept = unlocked->teamKeyKept;
    m_workspace->keys().setSealer(unlocked->sealer);
    emit lockChanged(false);
    return Store::ok();
}

Store::Status ConsoleSession::forgetTeamKey()
{
    if (!m_workspace || !m_workspace->isShared())
        return error(QStringLiteral("workspace"), tr("no shared workspace is open"));
    Store::KeyVault::forgetTeamKey(m_workspace->path());
    m_teamKeyKept = false;
    qCInfo(lcSession) << "the team key is no longer kept in this computer's keychain";
    return Store::ok();
}

Store::Status ConsoleSession::saveCopy(const QString& path) const
{
    if (!m_workspace)
        return error(QStringLiteral("workspace"), tr("no workspace is open"));
    if (m_recorder)
        m_recorder->flush();
    return m_workspace->saveCopy(path);
}

Store::Status ConsoleSession::ensureSeeded()
{
    if (!m_workspace)
        return error(QStringLiteral("workspace"), tr("no workspace is open"));
    const auto existing = m_workspace->identities().products();
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return Store::ok();
    const QList<DemoSeed::Product> products = DemoSeed::products();
    const int fleetSize = int(products.size()) * DemoSeed::kDevicesPerProduct;
    int fleetIndex = 0;
    for (const DemoSeed::Product& product : products) {
        if (auto status = m_workspace->identities().upsertProduct(product.record); !status)
            return status;
        QList<Store::DeviceRecord> devices;
        QList<QByteArray> secrets;
        for (int i = 0; i < DemoSeed::kDevicesPerProduct; ++i, ++fleetIndex) {
            Store::DeviceRecord device;
            device.productKey = product.record.productKey;
            device.deviceName = DemoSeed::deviceName(product, i);
            device.labels = {product.labels.at(i % product.labels.size())};
            // The note says how the simulated device behaves, so the operator can tell a fault from a bug.
            device.note = DemoSeed::profileFor(fleetIndex, fleetSize).describe();
            devices << device;
            secrets << randomSecret();
        }
        if (auto status = m_workspace->identities().addDevices(devices, secrets); !status)
            return status;
        QString newest;
        for (const DemoSeed::Version& version : product.versions) {
            auto sha = m_workspace->versions().add(version.content, product.record.productKey, version.label,
                                                   Store::ConfigOrigin::Edited);
            if (!sha)
                return sha.error();
            newest = *sha;
        }
        if (auto status = m_workspace->versions().setPublished(product.record.productKey, newest); !status)
            return status;
    }
    qCInfo(lcSession) << "seeded the Demo workspace with" << fleetSize << "devices";
    return Store::ok();
}

Store::Status ConsoleSession::reset()
{
    // Only the Demo (also when it did not open): a reset deletes the file.
    if (!m_options.workspacePath.isEmpty() || (m_workspace && !isDemo()))
        return error(QStringLiteral("mode"), tr("only the Demo workspace can be reset"));
    std::optional<Store::KeyRecord> record;
    if (m_workspace) {
        if (const auto bytes = m_workspace->keys().record()) {
            if (auto parsed = Store::KeyRecord::fromBytes(*bytes))
                record = *parsed;
        }
    }
    shutdown();
    if (record)
        Store::KeyVault::forget(*record); // a keychain entry of the old Demo would otherwise linger
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile file(m_path + suffix);
        if (file.exists() && !file.remove())
            return error(QStringLiteral("workspace"),
                         tr("cannot delete %1: %2").arg(file.fileName(), file.errorString()));
    }
    return open();
}

void ConsoleSession::shutdown()
{
    if (m_rollout)
        m_rollout->cancel();
    delete m_rollout;
    m_rolloutClaim.reset();
    m_rolloutWatch.reset();
    stopEngine();
    stopWatchingAccount();
    if (m_workspace) {
        emit workspaceAboutToClose();
        // The Cloud tab's connections end and the recorder writes what it holds before the workspace goes.
        m_cloud.reset();
        m_recorder.reset();
        m_workspace.reset();
    }
}

Store::Status ConsoleSession::startEngine()
{
    m_network = std::make_unique<QNetworkAccessManager>();

    m_fileServer =
        std::make_unique<Transfer::FileServer>([this](const QString& sha) -> std::optional<QByteArray> {
            return m_platform ? m_platform->content(sha) : std::nullopt;
        });
    // Signed with the workspace's key, a URL is good at every console and platform process of the workspace.
    if (m_workspace) {
        if (const auto ownKey = UrlSigningKey::applyTo(*m_fileServer, *m_workspace))
            emit problem(*ownKey);
    }
    const bool demo = m_settings.mode == SessionMode::Demo;
    const QHostAddress listenAddress =
        demo ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(m_settings.fileServerHost);
    std::optional<Alink::AlinkError> tlsError;
    if (!demo && !m_settings.fileServerCertificate.isEmpty()) {
        auto identity =
            Transfer::TlsIdentity::fromPemFiles(m_settings.fileServerCertificate, m_settings.fileServerKey);
        if (identity)
            m_fileServer->setTlsIdentity(*identity);
        else
            tlsError = identity.error();
    }
    if (tlsError) { // never fall back to plain HTTP when HTTPS was asked for
        emit problem(
            tr("The file server is off: its certificate cannot be used: %1").arg(tlsError->message()));
    } else if (auto listened =
                   m_fileServer->listen(listenAddress, demo ? quint16(0) : m_settings.fileServerPort);
               !listened) {
        emit problem(tr("The file server cannot listen on %1: %2")
                         .arg(listenAddress.toString(), listened.error().message()));
    }

    Transport::MqttConnectOptions options;
    if (demo) {
        m_broker = std::make_unique<Transport::InProcessBroker>();
        m_connection = new Transport::InProcessConnection(m_broker.get(), this);
        options.host = QStringLiteral("in-process");
        options.clientId = QStringLiteral("configdeck-platform");
        options.reconnect.minDelayMs = 200;
        options.reconnect.maxDelayMs = 2000;
    } else {
        auto parsed = Transport::BrokerAddress::parse(m_settings.brokerUrl);
        if (parsed)
            options = *parsed;
        options.tls.enabled = options.tls.enabled || m_settings.tls;
        options.tls.caFile = m_settings.caFile;
        options.username = m_settings.username;
        options.password = m_settings.password;
        // Unique per running console: two consoles on one workspace must not take each other's session.
        options.clientId = Transport::MqttConnectOptions::uniqueClientId(
            QStringLiteral("configdeck-platform-%1").arg(m_workspace->workspaceId().left(8)));
        m_connection = new Transport::MosquittoConnection(this);
    }
    connect(m_connection, &Transport::MqttConnection::stateChanged, this,
            [this](Transport::MqttConnection::State state) {
                if (state == Transport::MqttConnection::State::Connected)
                    m_lastConnectionError.clear();
                emit connectionStateChanged(state, connectionStateText());
            });
    connect(m_connection, &Transport::MqttConnection::errorOccurred, this, [this](const QString& message) {
        m_lastConnectionError = message;
        emit connectionError(message);
        emit connectionStateChanged(connectionState(), connectionStateText());
    });

    m_platform = std::make_unique<Roles::PlatformService>(m_connection, m_fileServer.get());
    Roles::PlatformSettings platformSettings;
    platformSettings.alibabaLimits = m_settings.alibabaLimits;
    m_platform->setSettings(platformSettings);
    connect(m_platform.get(), &Roles::PlatformService::messageLogged, this, &ConsoleSession::noteMessage);
    connect(m_platform.get(), &Roles::PlatformService::deviceStateChanged, this, &ConsoleSession::noteState);
    connect(m_platform.get(), &Roles::PlatformService::pushReplied, this, &ConsoleSession::pushReplied);
    connect(m_platform.get(), &Roles::PlatformService::wireError, this,
            [this](const QString& topic, const QString& reason) {
                emit problem(tr("Ignored a message on %1: %2").arg(topic, reason));
            });
    loadCatalog();
    if (auto failed = m_platform->start())
        emit problem(failed->message());

    if (auto invalid = m_connection->connectToBroker(options)) {
        m_lastConnectionError = invalid->message();
        emit connectionError(m_lastConnectionError);
        emit connectionStateChanged(connectionState(), connectionStateText());
    }
    if (demo)
        startFleet();
    return Store::ok();
}

void ConsoleSession::loadCatalog()
{
    const auto devices = m_workspace->identities().devices();
    const auto products = m_workspace->identities().products();
    const auto published = m_workspace->versions().allPublished();
    for (const Alink::AlinkError* failed :
         {devices ? nullptr : &devices.error(), products ? nullptr : &products.error(),
          published ? nullptr : &published.error()}) {
        if (failed) {
            emit problem(tr("The platform's catalogue could not be read: %1").arg(failed->message()));
            return;
        }
    }
    QHash<QString, QSet<QString>> byProduct;
    for (const Store::DeviceRecord& device : *devices)
        byProduct[device.productKey].insert(device.deviceName);
    for (const Store::ProductRecord& record : *products) {
        Roles::PlatformProduct product;
        product.productKey = record.productKey;
        product.remoteConfigEnabled = record.remoteConfigEnabled;
        product.alibabaLimits = record.alibabaLimits;
        product.devices = byProduct.value(record.productKey);
        m_platform->setProduct(product);
        const QString sha = published->value(record.productKey);
        if (sha.isEmpty())
            continue;
        const auto version = m_workspace->versions().find(sha);
        if (!version) {
            emit problem(tr("%1: the published configuration was not taken: %2")
                             .arg(record.productKey, version.error().message()));
        } else if (version->has_value()) {
            if (auto taken = m_platform->publishConfig(record.productKey, (*version)->content); !taken)
                emit problem(tr("%1: the published configuration was not taken: %2")
                                 .arg(record.productKey, taken.error().message()));
        }
    }
}

void ConsoleSession::startFleet()
{
    auto* broker = m_broker.get();
    m_fleet = std::make_unique<Roles::FleetSimulator>(
        [broker](QObject* parent) { return new Transport::InProcessConnection(broker, parent); },
        [](const Alink::DeviceIdentity& identity) {
            Transport::MqttConnectOptions options;
            options.host = QStringLiteral("in-process");
            options.clientId = identity.productKey + u'.' + identity.deviceName;
            options.reconnect.minDelayMs = 200;
            options.reconnect.maxDelayMs = 2000;
            return options;
        },
        m_network.get());
    m_fleet->setAgentSettings(simulatedAgentSettings());
    connect(m_fleet.get(), &Roles::FleetSimulator::messageLogged, this, &ConsoleSession::noteMessage);
    connect(m_fleet.get(), &Roles::FleetSimulator::stateChanged, this, &ConsoleSession::noteState);

    // Every device starts offline; the simulated ones report themselves online as they connect.
    const auto read = m_workspace->identities().devices({}, kMaxSimulatedDevices);
    if (!read)
        emit problem(read.error().message());
    const QList<Store::DeviceRecord> devices = read ? *read : QList<Store::DeviceRecord>();
    QList<Store::DeviceStateUpdate> offline;
    QList<Roles::SimulatedDevice> simulated;
    const qsizetype fleetSize = devices.size();
    for (qsizetype i = 0; i < fleetSize; ++i) {
        const Store::DeviceRecord& device = devices.at(i);
        auto secret = m_workspace->identities().deviceSecret(device.productKey, device.deviceName);
        simulated << Roles::SimulatedDevice{
            {device.productKey, device.deviceName, secret ? QString::fromUtf8(*secret) : QString()},
            DemoSeed::profileFor(int(i), int(fleetSize))};
        Store::DeviceStateUpdate update;
        update.productKey = device.productKey;
        update.deviceName = device.deviceName;
        update.online = false;
        offline << update;
    }
    if (auto status = m_workspace->deviceStates().apply(offline); !status)
        emit problem(status.error().message());
    m_fleet->addDevices(simulated);
    m_fleet->start();
}

void ConsoleSession::stopEngine()
{
    if (m_recorder)
        m_recorder->flush();
    m_fleet.reset();
    m_platform.reset();
    if (m_connection) {
        m_connection->disconnect(this);
        delete m_connection;
        m_connection = nullptr;
    }
    m_broker.reset();
    m_fileServer.reset();
    m_network.reset();
    m_online = 0;
}

Store::Status ConsoleSession::applySettings(const SessionSettings& settings)
{
    if (!m_workspace)
        return error(QStringLiteral("workspace"), tr("no workspace is open"));
    auto stored = settings.withCredentialsFromUrl();
    if (!stored)
        return stored.error();
    if (auto status = stored->save(*m_workspace); !status)
        return status;
    if (m_rollout)
        m_rollout->cancel();
    stopEngine();
    m_settings = std::move(*stored);
    return restartEngine();
}

Store::Status ConsoleSession::restartEngine()
{
    if (!m_workspace)
        return error(QStringLiteral("workspace"), tr("no workspace is open"));
    if (m_rollout)
        m_rollout->cancel();
    stopEngine();
    if (isDemo() && m_settings.mode == SessionMode::Demo) {
        if (auto status = ensureSeeded(); !status)
            return status;
    }
    auto status = startEngine();
    emit fleetChanged();
    return status;
}

void ConsoleSession::announceFleetChanged()
{
    emit fleetChanged();
}

void ConsoleSession::takeSharedChange(const Store::WorkspaceChange& change)
{
    // A throttle, not a debounce: a steady stream of changes (another console's rollout) is still shown
    // every 250 ms.
    constexpr qsizetype kMaxPendingChanges = 10000;
    if (m_sharedChanges.size() < kMaxPendingChanges)
        m_sharedChanges.append(change);
    else
        m_sharedReloadAll = true;
    if (!m_sharedChangeReload.isActive())
        m_sharedChangeReload.start();
}

void ConsoleSession::applySharedChanges()
{
    constexpr qsizetype kMaxStatesReadOneByOne = 2000;
    const QList<Store::WorkspaceChange> changes = std::exchange(m_sharedChanges, {});
    bool reloadAll = std::exchange(m_sharedReloadAll, false);
    bool messages = false;
    QSet<QString> states;
    QSet<qint64> rollouts;
    for (const Store::WorkspaceChange& change : changes) {
        if (change.part == u"deviceStates" && !change.ids.isEmpty()) {
            for (const QString& id : change.ids)
                states.insert(id);
        } else if (change.part == u"messages") {
            messages = true;
        } else if (change.part == u"rollouts") {
            for (const QString& id : change.ids)
                rollouts.insert(id.toLongLong());
            if (change.ids.isEmpty())
                rollouts.insert(0); // some rollout: reload them all
        } else {
            reloadAll = true; // devices, products, versions, settings, keys: the whole fleet
        }
    }
    if (!m_workspace)
        return;
    if (reloadAll || states.size() > kMaxStatesReadOneByOne) {
        emit fleetChanged();
        return;
    }
    for (const QString& id : std::as_const(states)) {
        const QString productKey = id.section(u'/', 0, 0);
        const QString deviceName = id.section(u'/', 1);
        const auto state = m_workspace->deviceStates().state(productKey, deviceName);
        if (!state || !state->has_value())
            continue; // gone meanwhile (a removal comes as its own change)
        const Store::DeviceState& read = **state;
        Store::DeviceStateUpdate update;
        update.productKey = productKey;
        update.deviceName = deviceName;
        update.configId = read.configId;
        update.sha256 = read.sha256;
        update.state = read.state;
        update.lastReplyCode = read.lastReplyCode;
        update.replySource = read.replySource;
        update.lastMessageTime = read.lastMessageTime;
        update.online = read.online;
        emit deviceStateChanged(update);
    }
    if (messages)
        emit messageLogChanged();
    if (!rollouts.isEmpty())
        emit rolloutsChanged(rollouts.values());
}

Transport::MqttConnection::State ConsoleSession::connectionState() const
{
    return m_connection ? m_connection->state() : Transport::MqttConnection::State::Disconnected;
}

QString ConsoleSession::connectionStateText() const
{
    const QString where = m_settings.mode == SessionMode::Demo
                              ? tr("in-process broker")
                              : Transport::BrokerAddress::withoutPassword(m_settings.brokerUrl);
    switch (connectionState()) {
    case Transport::MqttConnection::State::Connected:
        return tr("Connected to %1").arg(where);
    case Transport::MqttConnection::State::Connecting:
        return tr("Connecting to %1…").arg(where);
    case Transport::MqttConnection::State::Reconnecting:
        return m_lastConnectionError.isEmpty()
                   ? tr("Reconnecting to %1…").arg(where)
                   : tr("Reconnecting to %1: %2").arg(where, m_lastConnectionError);
    case Transport::MqttConnection::State::Disconnected:
        break;
    }
    return m_lastConnectionError.isEmpty() ? tr("Not connected")
                                           : tr("Not connected: %1").arg(m_lastConnectionError);
}

int ConsoleSession::onlineCount() const
{
    return m_online;
}

void ConsoleSession::noteMessage(const Store::MessageLogEntry& entry)
{
    Store::MessageLogEntry stamped = entry;
    if (stamped.operatorName.isEmpty())
        stamped.operatorName = m_operatorName;
    if (m_recorder)
        m_recorder->recordMessage(stamped);
    emit messageLogged(stamped);
}

void ConsoleSession::noteState(const Store::DeviceStateUpdate& update)
{
    if (m_recorder)
        m_recorder->recordState(update);
    if (update.online && m_fleet) {
        const int online = m_fleet->connectedCount();
        if (online != m_online) {
            m_online = online;
            emit onlineCountChanged(online);
        }
    }
    emit deviceStateChanged(update);
}

Alink::Expected<int> ConsoleSession::requestConfig(const QList<Alink::DeviceKey>& devices)
{
    if (!m_fleet)
        return error(QStringLiteral("mode"),
                     tr("only the Demo's simulated devices can be asked to request a configuration"));
    int asked = 0;
    QStringList failures;
    for (const Alink::DeviceKey& device : devices) {
        Roles::DeviceAgent* agent = m_fleet->agent(device.productKey, device.deviceName);
        if (!agent) {
            failures << tr("%1/%2 is not simulated").arg(device.productKey, device.deviceName);
            continue;
        }
        if (auto id = agent->requestConfig())
            ++asked;
        else
            failures << tr("%1: %2").arg(device.deviceName, id.error().message());
    }
    if (asked == 0 && !failures.isEmpty())
        return error(QStringLiteral("devices"), failures.join(u'\n'));
    if (!failures.isEmpty())
        emit problem(tr("%n device(s) could not ask:", nullptr, int(failures.size())) + u' ' +
                     failures.join(QStringLiteral("; ")));
    return asked;
}

Alink::Expected<QList<Roles::PushTicket>> ConsoleSession::push(const QString& productKey,
                                                               const QStringList& deviceNames)
{
    if (!m_platform)
        return error(QStringLiteral("platform"), tr("the platform is not running"));
    return m_platform->push(productKey, deviceNames);
}

std::optional<Alink::AlinkError> ConsoleSession::checkPush(const QString& productKey,
                                                           const QStringList& deviceNames) const
{
    if (!m_platform)
        return error(QStringLiteral("platform"), tr("the platform is not running"));
    return m_platform->checkPush(productKey, deviceNames);
}

Alink::Expected<Roles::RolloutRunner*> ConsoleSession::startRollout(const Roles::RolloutPlan& plan)
{
    if (!m_platform)
        return error(QStringLiteral("platform"), tr("the platform is not running"));
    if (m_rollout && (m_rollout->state() == Store::RolloutState::Running ||
                      m_rollout->state() == Store::RolloutState::Paused))
        return error(QStringLiteral("rollout"), tr("a rollout is still running; pause or cancel it first"));
    Roles::RolloutPlan full = plan;
    if (full.devices.isEmpty()) {
        const auto devices = m_workspace->identities().deviceNames(plan.productKey);
        if (!devices)
            return devices.error();
        full.devices = *devices;
    }
    if (full.devices.isEmpty())
        return error(QStringLiteral("productKey"), tr("the product %1 has no devices").arg(plan.productKey));
    if (auto invalid = full.validate())
        return *invalid;

    const auto published = publishedSha256(plan.productKey);
    if (!published)
        return published.error();
    // One rollout per product across the consoles and platform processes sharing the workspace.
    auto claim = RolloutClaim::take(*m_workspace, plan.productKey);
    if (!claim)
        return claim.error();
    Store::RolloutRecord record =
        plan.record(tr("%1 rollout").arg(plan.productKey), *published, m_operatorName);
    // The record and every device pending, in one transaction: a watching console sees the whole plan.
    auto created = m_workspace->rolloutWork().createOrJoin(record, full.devices, std::chrono::seconds(0));
    if (!created)
        return created.error();
    if (!created->created) // cannot happen while the claim holds the product; never run a rollout twice
        return error(QStringLiteral("rollout"),
                     tr("rollout %1 of %2 is running already").arg(created->rollout.id).arg(plan.productKey));
    record = created->rollout;

    delete m_rollout;
    m_rolloutWatch.reset();
    auto* runner = new Roles::RolloutRunner(m_platform.get(), full, this);
    connect(runner, &Roles::RolloutRunner::outcomeChanged, this,
            [this, rolloutId = record.id](const Store::RolloutOutcome& outcome) {
                if (m_recorder)
                    m_recorder->recordOutcome(rolloutId, outcome);
            });
    connect(runner, &Roles::RolloutRunner::finished, this,
            [this, record](Store::RolloutState state, const QString& reason) mutable {
                record.state = state;
                record.finished = QDateTime::currentDateTimeUtc();
                record.finishReason = reason;
                flush();
                if (m_workspace) {
                    if (auto status = m_workspace->rollouts().update(record); !status)
                        emit problem(status.error().message());
                }
                m_rolloutClaim.reset(); // after the record says it ended
            });
    if (auto failed = runner->start()) {
        delete runner;
        if (auto ended =
                m_workspace->rolloutWork().finish(record.id, Store::RolloutState::Aborted, failed->message());
            !ended)
            emit problem(ended.error().message());
        return *failed;
    }
    m_rolloutClaim = std::move(*claim);
    // Queued: the runner's end drops the claim, which must not go while it is telling.
    connect(
        m_rolloutClaim.get(), &RolloutClaim::lost, runner,
        [this, runner](const QString& message) {
            emit problem(message);
            runner->cancel();
        },
        Qt::QueuedConnection);
    m_rollout = runner;
    emit rolloutStarted(runner);
    return runner;
}

Alink::Expected<RolloutWatch*> ConsoleSession::watchRollout(qint64 rolloutId)
{
    if (!m_workspace)
        return error(QStringLiteral("workspace"), tr("no workspace is open"));
    auto watch = std::make_unique<RolloutWatch>(m_workspace.get(), rolloutId);
    if (auto read = watch->refresh(); !read)
        return read.error();
    m_rolloutWatch = std::move(watch);
    return m_rolloutWatch.get();
}

Alink::Expected<QString> ConsoleSession::publishedSha256(const QString& productKey) const
{
    if (!m_workspace)
        return QString();
    return m_workspace->versions().published(productKey);
}

Alink::Expected<Roles::PublishedConfig> ConsoleSession::publish(const QString& productKey,
                                                                const QString& sha256)
{
    if (!m_platform || !m_workspace)
        return error(QStringLiteral("platform"), tr("the platform is not running"));
    const auto version = m_workspace->versions().find(sha256);
    if (!version)
        return version.error();
    if (!version->has_value())
        return error(QStringLiteral("sha256"), tr("no stored version has the SHA-256 %1").arg(sha256));
    auto published = m_platform->publishConfig(productKey, (*version)->content);
    if (!published)
        return published;
    if (auto status = m_workspace->versions().setPublished(productKey, sha256); !status)
        return status.error();
    return published;
}

Alink::Expected<QString> ConsoleSession::saveVersion(const QString& productKey, const QByteArray& content,
                                                     const QString& label)
{
    if (!m_workspace)
        return error(QStringLiteral("workspace"), tr("no workspace is open"));
    return m_workspace->versions().add(content, productKey, label, Store::ConfigOrigin::Edited);
}

void ConsoleSession::setAlibabaLimits(bool on)
{
    m_settings.alibabaLimits = on;
    if (m_workspace)
        m_settings.save(*m_workspace);
    if (m_platform) {
        Roles::PlatformSettings settings = m_platform->settings();
        settings.alibabaLimits = on;
        m_platform->setSettings(settings);
    }
    if (m_fleet)
        m_fleet->setAgentSettings(simulatedAgentSettings());
}

Roles::AgentSettings ConsoleSession::simulatedAgentSettings() const
{
    Roles::AgentSettings settings;
    settings.downloadTimeout = std::chrono::seconds(15);
    settings.maxDownloadBytes = m_settings.alibabaLimits ? Transfer::DownloadRequest::kAlibabaMaxSize
                                                         : Transfer::DownloadRequest::kDefaultMaxSize;
    return settings;
}

Alink::Expected<QStringList> ConsoleSession::heldVersions(const QString& productKey,
                                                          const QString& deviceName) const
{
    if (!m_workspace)
        return QStringList();
    // The history is the workspace's; what the recorder still buffers belongs in it too.
    if (m_recorder)
        m_recorder->flush();
    const auto versions = m_workspace->deviceStates().heldVersions(productKey, deviceName);
    if (!versions)
        return versions.error();
    QStringList held;
    for (const Store::HeldVersion& version : *versions)
        held << version.sha256;
    return held;
}

void ConsoleSession::flush()
{
    if (m_recorder)
        m_recorder->flush();
}

std::optional<Alink::AlinkError>
ConsoleSession::watchAccount(const Cloud::AmqpSubscription::Settings& settings)
{
    if (!m_workspace || !m_recorder)
        return Alink::AlinkError{QStringLiteral("workspace"), tr("no workspace is open"), -1};
    if (auto invalid = settings.validate())
        return invalid;
    stopWatchingAccount();
    Store::Workspace* workspace = m_workspace.get();
    m_accountFeed = std::make_unique<Cloud::AccountFeed>([workspace](const QString& pk, const QString& dn) {
        const auto device = workspace->identities().device(pk, dn);
        return device && device->has_value();
    });
    // The same path as the platform service's messages and states.
    connect(m_accountFeed.get(), &Cloud::AccountFeed::messageLogged, this, &ConsoleSession::noteMessage);
    connect(m_accountFeed.get(), &Cloud::AccountFeed::deviceStateChanged, this, &ConsoleSession::noteState);
    connect(m_accountFeed.get(), &Cloud::AccountFeed::pushReplied, this, &ConsoleSession::accountReply);
    connect(m_accountFeed.get(), &Cloud::AccountFeed::statusChanged, this, &ConsoleSession::accountStatus);
    connect(m_accountFeed.get(), &Cloud::AccountFeed::messageRejected, this,
            [this](const QString& topic, const QString& reason) {
                emit problem(
                    tr("Ignored a message of the account subscription on %1: %2").arg(topic, reason));
            });
    m_account = std::make_unique<Cloud::AmqpSubscription>();
    connect(m_account.get(), &Cloud::AmqpSubscription::messageReceived, m_accountFeed.get(),
            &Cloud::AccountFeed::take);
    connect(m_account.get(), &Cloud::AmqpSubscription::stateChanged, this,
            &ConsoleSession::accountWatchStateChanged);
    if (auto failed = m_account->start(settings)) {
        m_account.reset();
        m_accountFeed.reset();
        return failed;
    }
    return std::nullopt;
}

std::optional<Alink::AlinkError> ConsoleSession::watchAccountFromWorkspace()
{
    if (!m_workspace)
        return Alink::AlinkError{QStringLiteral("workspace"), tr("no workspace is open"), -1};
    const auto profile = Cloud::AccountProfile::load(*m_workspace);
    if (!profile)
        return profile.error();
    if (!profile->has_value())
        return Alink::AlinkError{QStringLiteral("account"),
                                 tr("this workspace has no Alibaba Cloud account yet: set one up first"), -1};
    if ((*profile)->consumerGroupId.trimmed().isEmpty())
        return Alink::AlinkError{
            QStringLiteral("consumerGroupId"),
            tr("the account profile names no AMQP consumer group: add the consumer group "
               "of the server-side subscription to the profile"),
            -1};
    const auto secret = Cloud::AccountProfile::openSecret(*m_workspace);
    if (!secret)
        return secret.error();
    // One client ID per console, so the account's client list tells consoles apart.
    const QString clientId = QStringLiteral("configdeck-") + QHostInfo::localHostName();
    return watchAccount((*profile)->amqpSettings(**secret, clientId));
}

void ConsoleSession::stopWatchingAccount()
{
    if (!m_account)
        return;
    m_account->stop(); // says "stopped" while still connected to the views
    m_account.reset();
    m_accountFeed.reset();
    if (m_recorder)
        m_recorder->flush();
}

Cloud::AmqpSubscription::State ConsoleSession::accountWatchState() const
{
    return m_account ? m_account->state() : Cloud::AmqpSubscription::State::Stopped;
}

QString ConsoleSession::accountWatchStateText() const
{
    return m_account ? m_account->stateText() : tr("not watching the account");
}

QString ConsoleSession::defaultOperatorName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.trimmed();
}

void ConsoleSession::setOperatorName(const QString& name)
{
    const QString trimmed = name.trimmed();
    m_operatorName = trimmed.isEmpty() ? defaultOperatorName() : trimmed;
    if (m_recorder)
        m_recorder->setOperatorName(m_operatorName);
}

Store::Status ConsoleSession::recordEdit(const QString& what, const QList<Alink::DeviceKey>& devices,
                                         const QString& productKey)
{
    if (!m_workspace)
        return error(QStringLiteral("workspace"), tr("no workspace is open"));
    Store::MessageLogEntry edit;
    edit.time = QDateTime::currentDateTimeUtc();
    edit.direction = Store::MessageDirection::Edit;
    edit.topic = what;
    edit.operatorName = m_operatorName;
    QList<Store::MessageLogEntry> entries;
    for (const Alink::DeviceKey& device : devices) {
        edit.productKey = device.productKey;
        edit.deviceName = device.deviceName;
        entries << edit;
    }
    if (entries.isEmpty()) {
        edit.productKey = productKey;
        entries << edit;
    }
    if (auto status = m_workspace->messageLog().append(entries); !status)
        return status;
    for (const Store::MessageLogEntry& entry : std::as_const(entries))
        emit messageLogged(entry);
    return Store::ok();
}

} // namespace ConfigDeck::Session
