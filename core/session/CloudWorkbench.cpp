#include "CloudWorkbench.h"

#include "SessionLog.h"
#include "roles/WorkspaceRecorder.h"
#include "store/Workspace.h"
#include "transfer/Sha256Stream.h"

#include <algorithm>

namespace ConfigDeck::Session {

using Alink::ReplyCodeCatalog;
using Cloud::CloudDeviceState;
using Cloud::CloudSession;

namespace {

bool isActive(CloudDeviceState state)
{
    return state == CloudDeviceState::Waiting || state == CloudDeviceState::Connecting ||
           state == CloudDeviceState::Online;
}

// Transport reasons come as sentences already; this adds the full stop only when it is missing.
QString sentence(const QString& text)
{
    return text.endsWith(QLatin1Char('.')) ? text : text + QLatin1Char('.');
}

Alink::AlinkError error(const QString& field, const QString& reason)
{
    return Alink::AlinkError{field, reason, -1};
}

} // namespace

CloudWorkbench::CloudWorkbench(Store::Workspace* workspace, Roles::WorkspaceRecorder* recorder,
                               QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_recorder(recorder)
    , m_session(new CloudSession(nullptr, this))
{
    qRegisterMetaType<ConfigDeck::Session::CloudWorkbench::Severity>();
    m_session->setWorkspace(m_workspace);
    m_session->setMaxConnecting(kDefaultMaxConnecting);

    connect(m_session, &CloudSession::deviceStateChanged, this,
            [this](const QString& pk, const QString& dn, CloudDeviceState state) {
                setState(pk, dn, state);
                emit countsChanged();
            });
    connect(m_session, &CloudSession::deviceRefused, this,
            [this](const QString& pk, const QString& dn, const QString& reason, const QString& advice) {
                setState(pk, dn, CloudDeviceState::Refused,
                         advice.isEmpty() ? reason : tr("%1\n%2").arg(reason, advice));
                emit notice(advice.isEmpty()
                                ? tr("%1/%2 was refused: %3").arg(pk, dn, sentence(reason))
                                : tr("%1/%2 was refused: %3 %4").arg(pk, dn, sentence(reason), advice),
                            Severity::Error);
            });
    connect(m_session, &CloudSession::deviceKicked, this,
            [this](const QString& pk, const QString& dn, const QString& reason) {
                setState(pk, dn, CloudDeviceState::Kicked, reason);
                removeAwaited(pk, dn);
                emit notice(
                    tr("%1/%2 was kicked offline: %3. ConfigDeck does not reconnect by itself, so that "
                       "the other connection keeps the identity; connect as it again when you want it "
                       "back.")
                        .arg(pk, dn, reason),
                    Severity::Error);
                emit countsChanged();
            });
    connect(m_session, &CloudSession::exchangeFinished, this, &CloudWorkbench::onExchange);
    connect(m_session, &CloudSession::replyAwaited, this,
            [this](const QString& pk, const QString& dn, const QString& messageId, int suggestedCode,
                   const QString& reason) {
                m_awaited << CloudAwaitedReply{pk, dn, messageId, suggestedCode, reason};
                emit awaitedRepliesChanged();
                emit countsChanged();
            });
    connect(m_session, &CloudSession::configVerified, this, &CloudWorkbench::onVerified);
    connect(m_session, &CloudSession::stateChanged, this, &CloudWorkbench::onStateUpdate);
    connect(m_session, &CloudSession::messageLogged, this, [this](const Store::MessageLogEntry& entry) {
        if (CloudIdentityStatus* status = find(entry.productKey, entry.deviceName)) {
            status->lastEvent = entry.time;
            emit identityChanged(entry.productKey, entry.deviceName);
        }
        if (m_recorder)
            m_recorder->recordMessage(entry);
        emit messageLogged(entry);
    });
    connect(m_session, &CloudSession::wireError, this,
            [this](const QString& pk, const QString& dn, const QString& topic, const QString& reason) {
                emit notice(topic.isEmpty() ? tr("%1/%2: %3").arg(pk, dn, reason)
                                            : tr("%1/%2: %3: %4").arg(pk, dn, topic, reason),
                            Severity::Warning);
            });
}

CloudWorkbench::~CloudWorkbench()
{
    // Its last signals (connections closing) would reach a half-destroyed object; what the recorder holds
    // is written by its owner before the workspace goes.
    m_session->disconnect(this);
    delete m_session;
}

QString CloudWorkbench::keyOf(const QString& productKey, const QString& deviceName)
{
    return productKey + QLatin1Char('/') + deviceName;
}

CloudIdentityStatus* CloudWorkbench::find(const QString& productKey, const QString& deviceName)
{
    for (CloudIdentityStatus& status : m_identities) {
        if (status.productKey == productKey && status.deviceName == deviceName)
            return &status;
    }
    return nullptr;
}

const CloudIdentityStatus* CloudWorkbench::identity(const QString& productKey,
                                                    const QString& deviceName) const
{
    return const_cast<CloudWorkbench*>(this)->find(productKey, deviceName);
}

Alink::Expected<QList<Alink::DeviceIdentity>>
CloudWorkbench::identitiesOf(const QList<Alink::DeviceKey>& devices) const
{
    if (m_workspace->keys().isLocked())
        return Store::KeyStore::lockedError();
    QList<Alink::DeviceIdentity> identities;
    QStringList problems;
    for (const Alink::DeviceKey& device : devices) {
        const auto secret = m_workspace->identities().deviceSecret(device.productKey, device.deviceName);
        if (!secret) {
            problems << secret.error().message();
            continue;
        }
        identities << Alink::DeviceIdentity{device.productKey, device.deviceName, QString::fromUtf8(*secret)};
    }
    if (!problems.isEmpty())
        return error(QStringLiteral("devices"), problems.join(QLatin1Char(' ')));
    return identities;
}

std::optional<Alink::AlinkError> CloudWorkbench::connectAs(const Cloud::CloudProfile& profile,
                                                           const QList<Alink::DeviceIdentity>& identities)
{
    if (auto invalid = CloudSession::check(profile, identities))
        return invalid;

    // Identities whose connection ended connect anew; when none is active, the list starts afresh.
    const bool active = anyActive();
    const QList<CloudIdentityStatus> shown = m_identities;
    for (const CloudIdentityStatus& status : shown) {
        if (isActive(m_session->deviceState(status.productKey, status.deviceName)))
            continue;
        const bool listed =
            std::any_of(identities.cbegin(), identities.cend(), [&status](const Alink::DeviceIdentity& id) {
                return id.productKey == status.productKey && id.deviceName == status.deviceName;
            });
        if (!active || listed)
            forget(status.productKey, status.deviceName);
    }
    for (const Alink::DeviceIdentity& identity : identities) {
        if (find(identity.productKey, identity.deviceName))
            continue; // connected already; the session leaves it as it is
        CloudIdentityStatus added;
        added.productKey = identity.productKey;
        added.deviceName = identity.deviceName;
        // A failed read leaves the held version unknown; the identity still connects.
        if (const auto held = m_workspace->deviceStates().state(identity.productKey, identity.deviceName);
            held && held->has_value() && !(*held)->sha256.isEmpty()) {
            added.configId = (*held)->configId;
            added.sha256 = (*held)->sha256;
        }
        m_identities << added;
        emit identityChanged(identity.productKey, identity.deviceName);
    }

    m_session->setProfile(profile);
    // The session reads what each identity holds from the workspace: write what is buffered first.
    if (m_recorder)
        m_recorder->flush();
    qCInfo(lcSession) << "connecting to Alibaba Cloud as" << identities.size() << "identities";
    if (auto failed = m_session->start(identities)) {
        // check() passed, so this is not expected; say it rather than keep identities that never connect.
        for (const Alink::DeviceIdentity& identity : identities) {
            if (m_session->deviceState(identity.productKey, identity.deviceName) == CloudDeviceState::Stopped)
                forget(identity.productKey, identity.deviceName);
        }
        emit countsChanged();
        return failed;
    }
    emit countsChanged();
    return std::nullopt;
}

void CloudWorkbench::forget(const QString& productKey, const QString& deviceName)
{
    m_session->remove(productKey, deviceName);
    const auto it = std::find_if(m_identities.begin(), m_identities.end(), [&](const CloudIdentityStatus& s) {
        return s.productKey == productKey && s.deviceName == deviceName;
    });
    if (it != m_identities.end()) {
        m_identities.erase(it);
        emit identityRemoved(productKey, deviceName);
    }
    removeAwaited(productKey, deviceName);
}

void CloudWorkbench::removeAwaited(const QString& productKey, const QString& deviceName)
{
    const auto removed = m_awaited.removeIf([&](const CloudAwaitedReply& awaited) {
        return awaited.productKey == productKey && awaited.deviceName == deviceName;
    });
    if (removed > 0)
        emit awaitedRepliesChanged();
}

void CloudWorkbench::setState(const QString& productKey, const QString& deviceName, CloudDeviceState state,
                              const QString& detail)
{
    CloudIdentityStatus* status = find(productKey, deviceName);
    if (!status)
        return;
    status->state = state;
    status->stateDetail = detail;
    emit identityChanged(productKey, deviceName);
}

QStringList CloudWorkbench::requestConfig(const QList<Alink::DeviceKey>& devices)
{
    QStringList problems;
    for (const Alink::DeviceKey& device : devices) {
        const CloudDeviceState state = m_session->deviceState(device.productKey, device.deviceName);
        if (state != CloudDeviceState::Online) {
            problems << tr("%1/%2 is %3; connect it again first.")
                            .arg(device.productKey, device.deviceName, CloudSession::stateName(state));
            continue;
        }
        const auto id = m_session->requestConfig(device.productKey, device.deviceName);
        if (!id)
            problems << tr("%1/%2: %3").arg(device.productKey, device.deviceName, id.error().message());
        else
            m_requests.insert(keyOf(device.productKey, device.deviceName) + QLatin1Char('/') + *id);
    }
    return problems;
}

std::optional<Alink::AlinkError> CloudWorkbench::reply(const QString& productKey, const QString& deviceName,
                                                       const QString& messageId, int code)
{
    const QString exchange = keyOf(productKey, deviceName) + QLatin1Char('/') + messageId;
    m_operatorReplies.insert(exchange);
    if (auto failed = m_session->reply(productKey, deviceName, messageId, code)) {
        m_operatorReplies.remove(exchange);
        return failed;
    }
    m_awaited.removeIf([&](const CloudAwaitedReply& awaited) {
        return awaited.productKey == productKey && awaited.deviceName == deviceName &&
               awaited.messageId == messageId;
    });
    emit awaitedRepliesChanged();
    emit countsChanged();
    return std::nullopt;
}

void CloudWorkbench::disconnectAll()
{
    m_session->stop();
    // Those pushes can no longer be answered.
    if (!m_awaited.isEmpty()) {
        m_awaited.clear();
        emit awaitedRepliesChanged();
    }
    emit countsChanged();
}

bool CloudWorkbench::autoReply() const
{
    return m_session->agentSettings().autoReply;
}

void CloudWorkbench::setAutoReply(bool on)
{
    Roles::AgentSettings settings = m_session->agentSettings();
    settings.autoReply = on;
    m_session->setAgentSettings(settings);
}

int CloudWorkbench::maxConnecting() const
{
    return m_session->maxConnecting();
}

void CloudWorkbench::setMaxConnecting(int count)
{
    m_session->setMaxConnecting(count);
}

void CloudWorkbench::setDownloadCaCertificates(const QList<QSslCertificate>& certificates)
{
    Roles::AgentSettings settings = m_session->agentSettings();
    settings.caCertificates = certificates;
    m_session->setAgentSettings(settings);
}

bool CloudWorkbench::anyActive() const
{
    return std::any_of(m_identities.cbegin(), m_identities.cend(), [this](const CloudIdentityStatus& status) {
        return isActive(m_session->deviceState(status.productKey, status.deviceName));
    });
}

CloudWorkbench::Counts CloudWorkbench::counts() const
{
    Counts counts;
    counts.identities = int(m_identities.size());
    counts.waitingForReply = int(m_awaited.size());
    for (const CloudIdentityStatus& status : m_identities) {
        switch (m_session->deviceState(status.productKey, status.deviceName)) {
        case CloudDeviceState::Online:
            ++counts.online;
            break;
        case CloudDeviceState::Refused:
            ++counts.refused;
            break;
        case CloudDeviceState::Kicked:
            ++counts.kicked;
            break;
        case CloudDeviceState::Waiting:
        case CloudDeviceState::Connecting:
            ++counts.connecting;
            break;
        case CloudDeviceState::Stopped:
            break;
        }
    }
    return counts;
}

std::optional<CloudChange> CloudWorkbench::change(const QString& productKey, const QString& deviceName) const
{
    const auto it = m_changes.constFind(keyOf(productKey, deviceName));
    if (it == m_changes.cend())
        return std::nullopt;
    return *it;
}

void CloudWorkbench::onExchange(const QString& productKey, const QString& deviceName,
                                const QString& messageId, int code, const QString& reason,
                                const QString& advice)
{
    const QString exchange = keyOf(productKey, deviceName) + QLatin1Char('/') + messageId;
    const bool isRequest = m_requests.remove(exchange);
    // A code the operator chose is no news to them.
    if (m_operatorReplies.remove(exchange) || code == ReplyCodeCatalog::kSuccess)
        return;
    // The state update that came first says who sent the code (the platform's get_reply or the device).
    const CloudIdentityStatus* status = identity(productKey, deviceName);
    const Alink::ReplySource source = status ? status->codeSource : Alink::ReplySource::Device;
    const QString what = tr("%1 (%2)").arg(code).arg(ReplyCodeCatalog::lookup(code, source).displayName());
    if (!advice.isEmpty()) {
        emit notice(tr("%1/%2: the platform answered %3. %4").arg(productKey, deviceName, what, advice),
                    Severity::Warning);
        return;
    }
    const QString text =
        isRequest ? tr("%1/%2: the request %3 ended with %4").arg(productKey, deviceName, messageId, what)
                  : tr("%1/%2: the push %3 was answered %4").arg(productKey, deviceName, messageId, what);
    emit notice(reason.isEmpty() ? sentence(text) : tr("%1: %2").arg(text, sentence(reason)),
                Severity::Warning);
}

void CloudWorkbench::onVerified(const QString& productKey, const QString& deviceName,
                                const Alink::ConfigFile& file, const QByteArray& content,
                                const QString& previousSha256, const QString& diffSummary,
                                const QString& storedError)
{
    const QString key = keyOf(productKey, deviceName);
    const QString sha = Transfer::Sha256Stream::hash(content);
    // The configId of the version held before, when it was known (from the workspace or a download).
    QString previousConfigId;
    if (CloudIdentityStatus* held = find(productKey, deviceName)) {
        if (!previousSha256.isEmpty() && held->sha256.compare(previousSha256, Qt::CaseInsensitive) == 0 &&
            !previousSha256.startsWith(held->configId, Qt::CaseInsensitive))
            previousConfigId = held->configId;
        held->configId = file.configId;
        held->sha256 = sha;
        emit identityChanged(productKey, deviceName);
    }

    CloudChange change;
    change.after = content;
    // Some platforms use the digest as the configId: once is enough.
    if (file.configId.isEmpty() || sha.startsWith(file.configId, Qt::CaseInsensitive))
        change.afterName = file.configId.isEmpty() ? sha.left(12) : file.configId;
    else
        change.afterName = tr("%1 (%2)").arg(file.configId, sha.left(12));
    if (previousSha256.isEmpty()) {
        change.first = true;
        change.beforeName = tr("nothing held before");
        change.summary = tr("%1/%2 downloaded and verified %3 (%4 bytes); it held no configuration before.")
                             .arg(productKey, deviceName, file.configId)
                             .arg(content.size());
    } else {
        // The content held before: the one verified here last, or the workspace's stored version.
        bool found = false;
        const auto held = m_heldContent.constFind(key);
        if (held != m_heldContent.cend() &&
            Transfer::Sha256Stream::hash(*held).compare(previousSha256, Qt::CaseInsensitive) == 0) {
            change.before = *held;
            found = true;
        } else if (const auto version = m_workspace->versions().find(previousSha256.toLower());
                   version && version->has_value()) {
            change.before = (*version)->content;
            found = true;
        }
        const QString before = previousConfigId.isEmpty()
                                   ? previousSha256.left(12)
                                   : tr("%1, %2").arg(previousConfigId, previousSha256.left(12));
        change.beforeName =
            found ? tr("held before (%1)").arg(before) : tr("held before (%1, not stored)").arg(before);
        change.summary = tr("%1/%2 downloaded and verified %3 (%4 bytes): %5")
                             .arg(productKey, deviceName, file.configId)
                             .arg(content.size())
                             .arg(diffSummary);
    }
    m_heldContent.insert(key, content);
    m_changes.insert(key, change);
    emit changeVerified(productKey, deviceName);
    if (!storedError.isEmpty())
        emit notice(tr("%1/%2: %3 verified but not kept in the workspace: %4")
                        .arg(productKey, deviceName, file.configId, storedError),
                    Severity::Warning);
}

void CloudWorkbench::onStateUpdate(const Store::DeviceStateUpdate& update)
{
    if (CloudIdentityStatus* status = find(update.productKey, update.deviceName)) {
        if (update.lastReplyCode) {
            status->lastCode = *update.lastReplyCode;
            status->codeSource = update.replySource.value_or(Alink::ReplySource::Device);
        }
        if (update.configId && update.sha256) {
            status->configId = *update.configId;
            status->sha256 = *update.sha256;
        }
        if (update.lastMessageTime)
            status->lastEvent = *update.lastMessageTime;
        emit identityChanged(update.productKey, update.deviceName);
    }
    if (m_recorder)
        m_recorder->recordState(update);
    emit stateChanged(update);
}

} // namespace ConfigDeck::Session
