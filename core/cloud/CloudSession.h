#pragma once

#include "CloudProfile.h"
#include "alink/ConfigMessages.h"
#include "alink/DeviceCredentials.h"
#include "roles/DeviceAgent.h"
#include "store/StoreTypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <chrono>
#include <functional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QTimer;
QT_END_NAMESPACE

namespace ConfigDeck::Transport {
class MqttConnection;
}
namespace ConfigDeck::Transfer {
class Downloader;
}
namespace ConfigDeck::Store {
class Workspace;
}

namespace ConfigDeck::Cloud {

// Where one identity's connection stands.
enum class CloudDeviceState
{
    Waiting,    // queued behind the bounded number of connections being opened
    Connecting, // opening the connection and subscribing to the identity's config topics
    Online,
    Refused, // the attempt failed: refused by the platform, TLS, unreachable, no answer
    Kicked,  // was online and the platform closed the connection
    Stopped,
};

// ConfigDeck connected to Alibaba Cloud IoT Platform as selected device identities: one MQTT connection and
// one DeviceAgent per identity (sharing one Downloader), at most maxConnecting() connection attempts at once.
// Reports each identity connected, refused (the reason in words with what to check), or kicked offline, and
// forwards the agents' signals tagged with the identity. A verified configuration is stored in the workspace
// (when one is set) and compared with the version the identity held before.
class CloudSession final : public QObject
{
    Q_OBJECT

public:
    using ConnectionFactory = std::function<Transport::MqttConnection*(QObject* parent)>;
    using Clock = std::function<qint64()>; // ms since the epoch, for the signed timestamp

    explicit CloudSession(QNetworkAccessManager* network = nullptr, QObject* parent = nullptr);
    ~CloudSession() override;

    void setProfile(const CloudProfile& profile) { m_profile = profile; }
    const CloudProfile& profile() const { return m_profile; }
    void setAgentSettings(const Roles::AgentSettings& settings);
    const Roles::AgentSettings& agentSettings() const { return m_agentSettings; }
    void setMaxConnecting(int count) { m_maxConnecting = qMax(1, count); }
    int maxConnecting() const { return m_maxConnecting; }
    // How long one attempt may take before it counts as refused for want of an answer.
    void setConnectTimeout(std::chrono::milliseconds timeout) { m_connectTimeout = timeout; }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    // libmosquitto connections unless set (tests may give another transport).
    void setConnectionFactory(ConnectionFactory factory) { m_factory = std::move(factory); }
    // Verified configurations are added as versions (origin Downloaded, label = configId); not owned.
    void setWorkspace(Store::Workspace* workspace) { m_workspace = workspace; }

    // Checks the profile and every identity first (nothing starts when one is wrong), then connects them, a
    // bounded number at a time. Identities already in the session are left as they are.
    std::optional<Alink::AlinkError> start(const QList<Alink::DeviceIdentity>& identities);
    // What start() checks before it changes anything: the profile, each identity, no identity twice.
    static std::optional<Alink::AlinkError> check(const CloudProfile& profile,
                                                  const QList<Alink::DeviceIdentity>& identities);
    void stop();
    // Ends the identity's connection, if it has one, without reporting it as refused or kicked, and drops
    // it from the session so that start() connects it anew (after a refusal, a kick or stop()). False when
    // the identity is not in the session.
    bool remove(const QString& productKey, const QString& deviceName);

    QList<Roles::DeviceAgent*> agents() const;
    Roles::DeviceAgent* agent(const QString& productKey, const QString& deviceName) const;
    CloudDeviceState deviceState(const QString& productKey, const QString& deviceName) const;
    int count() const { return int(m_order.size()); }
    int onlineCount() const;
    // Identities whose connection attempt has ended (online, refused, kicked or stopped).
    int settledCount() const;

    // Sends thing/config/get for the identity; returns the message id.
    Alink::Expected<QString> requestConfig(const QString& productKey, const QString& deviceName);
    // Answers a push that waits for the operator (agent settings with autoReply off).
    std::optional<Alink::AlinkError> reply(const QString& productKey, const QString& deviceName,
                                           const QString& messageId, int code, const QString& message = {});

    // What the operator must read before connecting as identities that may belong to devices in the field.
    static QString liveIdentityWarning(int identityCount);
    // Why the platform closed a connection that was online.
    static QString kickedReason(const QString& transportReason);
    static QString stateName(CloudDeviceState state);

signals:
    void deviceStateChanged(const QString& productKey, const QString& deviceName,
                            ConfigDeck::Cloud::CloudDeviceState state);
    void deviceConnected(const QString& productKey, const QString& deviceName);
    // reason: the transport's words (the CONNACK refusal, a TLS failure, ...); advice: what to check.
    void deviceRefused(const QString& productKey, const QString& deviceName, const QString& reason,
                       const QString& advice);
    void deviceKicked(const QString& productKey, const QString& deviceName, const QString& reason);
    // Every identity has either connected or failed to.
    void allSettled();

    // The agents' signals, with the identity and, for platform codes such as 6713, advice in words.
    void exchangeFinished(const QString& productKey, const QString& deviceName, const QString& messageId,
                          int code, const QString& reason, const QString& advice);
    void replyAwaited(const QString& productKey, const QString& deviceName, const QString& messageId,
                      int suggestedCode, const QString& reason);
    // A configuration was downloaded and verified. previousSha256/diffSummary describe the change against
    // what the identity held before (empty when it held nothing); storedError is why storing it failed, if it
    // did.
    void configVerified(const QString& productKey, const QString& deviceName,
                        const ConfigDeck::Alink::ConfigFile& file, const QByteArray& content,
                        const QString& previousSha256, const QString& diffSummary,
                        const QString& storedError);
    void messageLogged(const ConfigDeck::Store::MessageLogEntry& entry);
    void stateChanged(const ConfigDeck::Store::DeviceStateUpdate& update);
    void wireError(const QString& productKey, const QString& deviceName, const QString& topic,
                   const QString& reason);

private:
    struct Entry
    {
        Alink::DeviceIdentity identity;
        Transport::MqttConnection* connection = nullptr;
        Roles::DeviceAgent* agent = nullptr;
        QTimer* timeout = nullptr;
        CloudDeviceState state = CloudDeviceState::Waiting;
        // Connected but not yet subscribed: Online only once pushes can arrive.
        bool mqttConnected = false;
        QSet<QString> pendingFilters;
        QByteArray heldContent; // what the identity held before the last verified version, when known
        QString heldSha256;
    };

    void pump();
    void attempt(Entry& entry);
    void onConnected(const QString& key);
    void onSubscribed(const QString& key, const QString& filter);
    void onError(const QString& key, const QString& message);
    void becomeOnline(Entry& entry);
    void onDisconnected(const QString& key, const QString& reason);
    void onConfigVerified(const QString& key, const Alink::ConfigFile& file, const QByteArray& content,
                          const QString& previousSha256);
    void setEntryState(Entry& entry, CloudDeviceState state);
    void checkSettled();
    static QString keyOf(const QString& productKey, const QString& deviceName);

    CloudProfile m_profile;
    Roles::AgentSettings m_agentSettings;
    int m_maxConnecting = 4;
    std::chrono::milliseconds m_connectTimeout = std::chrono::seconds(30);
    Clock m_clock;
    ConnectionFactory m_factory;
    Store::Workspace* m_workspace = nullptr;
    Transfer::Downloader* m_downloader;
    QHash<QString, Entry> m_entries; // "pk/dn" -> entry
    QStringList m_order;             // keys in the order given
    bool m_settledReported = false;
};

} // namespace ConfigDeck::Cloud

Q_DECLARE_METATYPE(ConfigDeck::Cloud::CloudDeviceState)
