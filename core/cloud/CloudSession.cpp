#include "CloudSession.h"

#include "CloudLog.h"
#include "diff/ConfigDiff.h"
#include "store/Workspace.h"
#include "transfer/Downloader.h"
#include "transfer/Sha256Stream.h"
#include "transport/MosquittoConnection.h"

#include <QDateTime>
#include <QSet>
#include <QTimer>

namespace ConfigDeck::Cloud {

using Alink::AlinkError;

CloudSession::CloudSession(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_factory([](QObject* owner) { return new Transport::MosquittoConnection(owner); })
    , m_downloader(new Transfer::Downloader(network, this))
{
    qRegisterMetaType<CloudDeviceState>();
    setAgentSettings(m_agentSettings);
}

CloudSession::~CloudSession()
{
    // Agents and connections are children; stop them first so that no signal reaches a half-destroyed
    // session.
    for (Entry& entry : m_entries) {
        entry.state = CloudDeviceState::Stopped;
        disconnect(entry.connection, nullptr, this, nullptr);
        disconnect(entry.agent, nullptr, this, nullptr);
    }
}

void CloudSession::setAgentSettings(const Roles::AgentSettings& settings)
{
    m_agentSettings = settings;
    // The cloud serves nothing larger than its own limit: a larger configSize is refused unread.
    m_agentSettings.maxDownloadBytes =
        std::min(settings.maxDownloadBytes, Transfer::DownloadRequest::kAlibabaMaxSize);
    for (Entry& entry : m_entries)
        entry.agent->setSettings(m_agentSettings);
}

QString CloudSession::keyOf(const QString& productKey, const QString& deviceName)
{
    return productKey + QLatin1Char('/') + deviceName;
}

std::optional<AlinkError> CloudSession::check(const CloudProfile& profile,
                                              const QList<Alink::DeviceIdentity>& identities)
{
    if (auto error = profile.validate())
        return error;
    QSet<QString> listed;
    for (const Alink::DeviceIdentity& identity : identities) {
        if (auto error = Alink::DeviceCredentials::validateIdentity(identity)) {
            error->reason = tr("%1/%2: %3").arg(identity.productKey, identity.deviceName, error->reason);
            return error;
        }
        const QString key = keyOf(identity.productKey, identity.deviceName);
        if (listed.contains(key))
            return AlinkError{
                QStringLiteral("deviceName"),
                tr("%1 is listed twice; two connections as one identity kick each other offline").arg(key),
                -1};
        listed.insert(key);
    }
    return std::nullopt;
}

std::optional<AlinkError> CloudSession::start(const QList<Alink::DeviceIdentity>& identities)
{
    if (auto error = check(m_profile, identities))
        return error;

    for (const Alink::DeviceIdentity& identity : identities) {
        const QString key = keyOf(identity.productKey, identity.deviceName);
        if (m_entries.contains(key))
            continue;
        Entry entry;
        entry.identity = identity;
        entry.connection = m_factory(this);
        entry.agent = new Roles::DeviceAgent(identity, entry.connection, m_downloader, this);
        entry.agent->setSettings(m_agentSettings);
        entry.timeout = new QTimer(this);
        entry.timeout->setSingleShot(true);
        if (m_workspace) {
            // The version the workspace says this identity holds, so that the first download is diffed too.
            // Without it the first download is simply not diffed: a failed read is logged, not fatal.
            const auto held = m_workspace->deviceStates().state(identity.productKey, identity.deviceName);
            if (!held)
                qCWarning(lcCloud) << "held version unknown:" << held.error().message();
            else if (held->has_value() && !(*held)->sha256.isEmpty()) {
                entry.heldSha256 = (*held)->sha256;
                const auto version = m_workspace->versions().find(entry.heldSha256);
                if (!version)
                    qCWarning(lcCloud) << "held version unreadable:" << version.error().message();
                else if (version->has_value())
                    entry.heldContent = (*version)->content;
            }
        }

        const QString pk = identity.productKey;
        const QString dn = identity.deviceName;
        connect(entry.connection, &Transport::MqttConnection::connected, this,
                [this, key] { onConnected(key); });
        connect(entry.connection, &Transport::MqttConnection::subscribed, this,
                [this, key](const QString& filter) { onSubscribed(key, filter); });
        connect(entry.connection, &Transport::MqttConnection::errorOccurred, this,
                [this, key](const QString& message) { onError(key, message); });
        connect(entry.connection, &Transport::MqttConnection::disconnected, this,
                [this, key](const QString& reason) { onDisconnected(key, reason); });
        connect(entry.timeout, &QTimer::timeout, this, [this, key] {
            Entry& timedOut = m_entries[key];
            if (timedOut.state != CloudDeviceState::Connecting)
                return;
            const QString reason =
                tr("no answer from %1:%2 within %3 s")
                    .arg(timedOut.connection->options().host)
                    .arg(timedOut.connection->options().port)
                    .arg(std::chrono::duration_cast<std::chrono::seconds>(m_connectTimeout).count());
            setEntryState(timedOut, CloudDeviceState::Refused);
            timedOut.connection->disconnectFromBroker();
            emit deviceRefused(timedOut.identity.productKey, timedOut.identity.deviceName, reason, {});
            pump();
            checkSettled();
        });
        connect(entry.agent, &Roles::DeviceAgent::exchangeFinished, this,
                [this, pk, dn](const QString& id, int code, const QString& reason) {
                    emit exchangeFinished(pk, dn, id, code, reason, CloudProfile::advice(code));
                });
        connect(entry.agent, &Roles::DeviceAgent::replyAwaited, this,
                [this, pk, dn](const QString& id, int code, const QString& reason) {
                    emit replyAwaited(pk, dn, id, code, reason);
                });
        connect(entry.agent, &Roles::DeviceAgent::configVerified, this,
                [this, key](const Alink::ConfigFile& file, const QByteArray& content,
                            const QString& previous) { onConfigVerified(key, file, content, previous); });
        connect(entry.agent, &Roles::DeviceAgent::messageLogged, this, &CloudSession::messageLogged);
        connect(entry.agent, &Roles::DeviceAgent::stateChanged, this, &CloudSession::stateChanged);
        connect(entry.agent, &Roles::DeviceAgent::wireError, this,
                [this, pk, dn](const QString& topic, const QString& reason) {
                    emit wireError(pk, dn, topic, reason);
                });

        m_entries.insert(key, entry);
        m_order << key;
    }
    m_settledReported = false;
    pump();
    checkSettled();
    return std::nullopt;
}

void CloudSession::stop()
{
    for (const QString& key : std::as_const(m_order)) {
        Entry& entry = m_entries[key];
        entry.timeout->stop();
        if (entry.state == CloudDeviceState::Refused || entry.state == CloudDeviceState::Kicked)
            continue;
        setEntryState(entry, CloudDeviceState::Stopped);
        entry.agent->stop();
    }
}

bool CloudSession::remove(const QString& productKey, const QString& deviceName)
{
    const QString key = keyOf(productKey, deviceName);
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return false;
    const Entry entry = *it;
    m_entries.erase(it);
    m_order.removeOne(key);
    entry.timeout->stop();
    // Silenced first: the slots look the identity up by key, and this disconnection is the operator's.
    disconnect(entry.connection, nullptr, this, nullptr);
    disconnect(entry.agent, nullptr, this, nullptr);
    disconnect(entry.timeout, nullptr, this, nullptr);
    if (entry.state == CloudDeviceState::Connecting || entry.state == CloudDeviceState::Online)
        entry.agent->stop();
    qCInfo(lcCloud) << "removed" << productKey << deviceName;
    // Later: the caller may be inside one of their signals.
    entry.agent->deleteLater();
    entry.connection->deleteLater();
    entry.timeout->deleteLater();
    pump();
    checkSettled();
    return true;
}

void CloudSession::pump()
{
    int connecting = 0;
    for (const Entry& entry : std::as_const(m_entries)) {
        if (entry.state == CloudDeviceState::Connecting)
            ++connecting;
    }
    for (const QString& key : std::as_const(m_order)) {
        if (connecting >= m_maxConnecting)
            return;
        Entry& entry = m_entries[key];
        if (entry.state != CloudDeviceState::Waiting)
            continue;
        attempt(entry);
        if (entry.state == CloudDeviceState::Connecting)
            ++connecting;
    }
}

void CloudSession::attempt(Entry& entry)
{
    const QString pk = entry.identity.productKey;
    const QString dn = entry.identity.deviceName;
    auto refuse = [&](const AlinkError& error) {
        setEntryState(entry, CloudDeviceState::Refused);
        emit deviceRefused(pk, dn, error.message(), {});
    };
    // Signed now: the timestamp is part of the signed content.
    const auto options = m_profile.connectOptions(entry.identity, m_clock());
    if (!options) {
        refuse(options.error());
        return;
    }
    setEntryState(entry, CloudDeviceState::Connecting);
    qCInfo(lcCloud) << "connecting as" << pk << dn << "to" << options->host << options->port;
    if (auto error = entry.agent->start(*options)) {
        refuse(*error);
        return;
    }
    entry.timeout->start(m_connectTimeout);
}

void CloudSession::onConnected(const QString& key)
{
    Entry& entry = m_entries[key];
    if (entry.state != CloudDeviceState::Connecting)
        return;
    entry.mqttConnected = true;
    const auto filters = entry.connection->subscriptions().keys();
    entry.pendingFilters = QSet<QString>(filters.cbegin(), filters.cend());
    if (entry.pendingFilters.isEmpty())
        becomeOnline(entry);
}

void CloudSession::onSubscribed(const QString& key, const QString& filter)
{
    Entry& entry = m_entries[key];
    if (entry.state != CloudDeviceState::Connecting || !entry.mqttConnected)
        return;
    entry.pendingFilters.remove(filter);
    if (entry.pendingFilters.isEmpty())
        becomeOnline(entry);
}

void CloudSession::onError(const QString& key, const QString& message)
{
    Entry& entry = m_entries[key];
    // Connected, but the platform refused a subscription to the identity's own topics: the identity cannot
    // take configurations, which is a refusal too. (Errors that end the connection come as disconnected().)
    if (entry.state != CloudDeviceState::Connecting || !entry.mqttConnected ||
        entry.connection->state() != Transport::MqttConnection::State::Connected)
        return;
    entry.timeout->stop();
    setEntryState(entry, CloudDeviceState::Refused);
    emit deviceRefused(entry.identity.productKey, entry.identity.deviceName, message, {});
    entry.agent->stop();
    pump();
    checkSettled();
}

void CloudSession::becomeOnline(Entry& entry)
{
    entry.timeout->stop();
    setEntryState(entry, CloudDeviceState::Online);
    emit deviceConnected(entry.identity.productKey, entry.identity.deviceName);
    pump();
    checkSettled();
}

void CloudSession::onDisconnected(const QString& key, const QString& reason)
{
    Entry& entry = m_entries[key];
    const QString pk = entry.identity.productKey;
    const QString dn = entry.identity.deviceName;
    switch (entry.state) {
    case CloudDeviceState::Connecting:
        entry.timeout->stop();
        setEntryState(entry, CloudDeviceState::Refused);
        qCInfo(lcCloud) << "refused" << pk << dn << reason;
        emit deviceRefused(pk, dn, reason.isEmpty() ? tr("the connection attempt ended") : reason,
                           CloudProfile::refusalAdvice(reason));
        pump();
        checkSettled();
        break;
    case CloudDeviceState::Online:
        if (reason.isEmpty()) {
            setEntryState(entry, CloudDeviceState::Stopped);
            break;
        }
        // No automatic reconnection: coming back would kick the live device off again.
        setEntryState(entry, CloudDeviceState::Kicked);
        qCInfo(lcCloud) << "kicked offline" << pk << dn << reason;
        emit deviceKicked(pk, dn, kickedReason(reason));
        break;
    default:
        break;
    }
}

void CloudSession::onConfigVerified(const QString& key, const Alink::ConfigFile& file,
                                    const QByteArray& content, const QString& agentPrevious)
{
    Entry& entry = m_entries[key];
    const QString pk = entry.identity.productKey;
    const QString dn = entry.identity.deviceName;
    const QString sha = Transfer::Sha256Stream::hash(content);
    const QString previous = entry.heldSha256.isEmpty() ? agentPrevious : entry.heldSha256;

    QString summary;
    if (!previous.isEmpty()) {
        if (previous.compare(sha, Qt::CaseInsensitive) == 0) {
            summary = tr("unchanged from the version held before");
        } else if (entry.heldSha256 != previous ||
                   Transfer::Sha256Stream::hash(entry.heldContent).compare(previous, Qt::CaseInsensitive) !=
                       0) {
            summary = tr("the version held before (%1) is not stored; no diff").arg(previous.left(12));
        } else {
            const Diff::ConfigDiffResult diff = Diff::ConfigDiff::compare(entry.heldContent, content);
            if (diff.isBinary())
                summary = tr("binary content changed");
            else if (diff.structural)
                summary = tr("JSON: %1; lines: +%2 -%3")
                              .arg(diff.structural->summary())
                              .arg(diff.lines.insertedCount())
                              .arg(diff.lines.deletedCount());
            else
                summary = tr("lines: +%1 -%2").arg(diff.lines.insertedCount()).arg(diff.lines.deletedCount());
        }
    }

    QString storedError;
    if (m_workspace) {
        const auto stored =
            m_workspace->versions().add(content, pk, file.configId, Store::ConfigOrigin::Downloaded);
        if (!stored)
            storedError = stored.error().message();
    }
    entry.heldSha256 = sha;
    entry.heldContent = content;
    emit configVerified(pk, dn, file, content, previous, summary, storedError);
}

void CloudSession::setEntryState(Entry& entry, CloudDeviceState state)
{
    if (entry.state == state)
        return;
    entry.state = state;
    emit deviceStateChanged(entry.identity.productKey, entry.identity.deviceName, state);
}

void CloudSession::checkSettled()
{
    if (m_settledReported || m_entries.isEmpty())
        return;
    for (const Entry& entry : std::as_const(m_entries)) {
        if (entry.state == CloudDeviceState::Waiting || entry.state == CloudDeviceState::Connecting)
            return;
    }
    m_settledReported = true;
    emit allSettled();
}

QList<Roles::DeviceAgent*> CloudSession::agents() const
{
    QList<Roles::DeviceAgent*> list;
    for (const QString& key : m_order)
        list << m_entries.value(key).agent;
    return list;
}

Roles::DeviceAgent* CloudSession::agent(const QString& productKey, const QString& deviceName) const
{
    return m_entries.value(keyOf(productKey, deviceName)).agent;
}

CloudDeviceState CloudSession::deviceState(const QString& productKey, const QString& deviceName) const
{
    const auto it = m_entries.constFind(keyOf(productKey, deviceName));
    return it == m_entries.cend() ? CloudDeviceState::Stopped : it->state;
}

int CloudSession::onlineCount() const
{
    int online = 0;
    for (const Entry& entry : m_entries)
        online += entry.state == CloudDeviceState::Online ? 1 : 0;
    return online;
}

int CloudSession::settledCount() const
{
    int settled = 0;
    for (const Entry& entry : m_entries)
        settled +=
            entry.state == CloudDeviceState::Waiting || entry.state == CloudDeviceState::Connecting ? 0 : 1;
    return settled;
}

Alink::Expected<QString> CloudSession::requestConfig(const QString& productKey, const QString& deviceName)
{
    Roles::DeviceAgent* found = agent(productKey, deviceName);
    if (!found)
        return AlinkError{QStringLiteral("deviceName"),
                          tr("%1 is not connected in this session").arg(keyOf(productKey, deviceName)), -1};
    return found->requestConfig();
}

std::optional<AlinkError> CloudSession::reply(const QString& productKey, const QString& deviceName,
                                              const QString& messageId, int code, const QString& message)
{
    Roles::DeviceAgent* found = agent(productKey, deviceName);
    if (!found)
        return AlinkError{QStringLiteral("deviceName"),
                          tr("%1 is not connected in this session").arg(keyOf(productKey, deviceName)), -1};
    return found->reply(messageId, code, message);
}

QString CloudSession::liveIdentityWarning(int identityCount)
{
    return tr("ConfigDeck is about to connect as device identities (%1 in all). The platform allows one "
              "connection per identity: if a real device is online with the same identity, the platform "
              "disconnects "
              "it, and it stays offline for as long as ConfigDeck holds the connection (its own reconnection "
              "may "
              "then kick ConfigDeck off in turn). Use test identities, or devices you know to be offline.")
        .arg(identityCount);
}

QString CloudSession::kickedReason(const QString& transportReason)
{
    return tr("the platform closed the connection: another client may have connected with the same identity "
              "(%1)")
        .arg(transportReason);
}

QString CloudSession::stateName(CloudDeviceState state)
{
    switch (state) {
    case CloudDeviceState::Waiting:
        return tr("waiting");
    case CloudDeviceState::Connecting:
        return tr("connecting");
    case CloudDeviceState::Online:
        return tr("online");
    case CloudDeviceState::Refused:
        return tr("refused");
    case CloudDeviceState::Kicked:
        return tr("kicked offline");
    case CloudDeviceState::Stopped:
        return tr("offline");
    }
    return {};
}

} // namespace ConfigDeck::Cloud
