#pragma once

#include "FaultProfile.h"
#include "alink/AlinkError.h"
#include "alink/ConfigMessages.h"
#include "alink/DeviceCredentials.h"
#include "alink/MessageIdGenerator.h"
#include "store/StoreTypes.h"
#include "transfer/DownloadRequest.h"

#include <QHash>
#include <QObject>
#include <QSslCertificate>

#include <chrono>

namespace ConfigDeck::Transport {
class MqttConnection;
struct MqttConnectOptions;
} // namespace ConfigDeck::Transport
namespace ConfigDeck::Transfer {
class Downloader;
} // namespace ConfigDeck::Transfer

namespace ConfigDeck::Roles {

struct AgentSettings
{
    int qos = 1;
    bool autoReply = true; // false: a verified push waits for reply() with the operator's code
    std::chrono::milliseconds downloadTimeout = std::chrono::minutes(2);
    QList<QSslCertificate> caCertificates; // trusted roots for HTTPS downloads; empty = the system's
    // The largest file the device takes, whatever configSize the sender claims
    // (Transfer::DownloadRequest::kAlibabaMaxSize with Alibaba limits).
    qint64 maxDownloadBytes = Transfer::DownloadRequest::kDefaultMaxSize;
    // Downloads at once; a push beyond them is answered DeviceBusy.
    int maxConcurrentDownloads = 2;
};

// The configuration a device holds.
struct HeldConfig
{
    QString configId;
    QString sha256;
    QByteArray content;
};

// One device identity on one MQTT connection: requests configurations, takes pushes, downloads, verifies
// size and sign, keeps the version, and replies 200 or the precise device-defined code. A fault profile
// makes it misbehave the way real fleets do. Every message and state change is reported as a signal.
class DeviceAgent final : public QObject
{
    Q_OBJECT

public:
    DeviceAgent(Alink::DeviceIdentity identity, Transport::MqttConnection* connection,
                Transfer::Downloader* downloader, QObject* parent = nullptr);
    ~DeviceAgent() override;

    const QString& productKey() const { return m_identity.productKey; }
    const QString& deviceName() const { return m_identity.deviceName; }
    Transport::MqttConnection* connection() const { return m_connection; }

    void setSettings(const AgentSettings& settings) { m_settings = settings; }
    void setFaultProfile(const FaultProfile& profile) { m_fault = profile; }
    const FaultProfile& faultProfile() const { return m_fault; }

    // Subscribes to its push and get_reply topics and connects (an Offline profile never connects).
    std::optional<Alink::AlinkError> start(const Transport::MqttConnectOptions& options);
    void stop();

    // Publishes thing/config/get; returns its message id.
    Alink::Expected<QString> requestConfig();

    // With autoReply off: answers a push that waits for the operator.
    std::optional<Alink::AlinkError> reply(const QString& messageId, int code, const QString& message = {});
    QStringList awaitingReply() const { return m_awaiting.keys(); }

    const HeldConfig& held() const { return m_held; }
    Store::ConfigState state() const { return m_state; }
    std::optional<int> lastCode() const { return m_lastCode; }

    // The device-defined code and the reason when content does not match what the platform declared.
    static std::pair<int, QString> verify(const Alink::ConfigFile& file, const QByteArray& content);

signals:
    void messageLogged(const ConfigDeck::Store::MessageLogEntry& entry);
    void stateChanged(const ConfigDeck::Store::DeviceStateUpdate& update);
    // A configuration was downloaded and verified; previousSha256 is what the device held before.
    void configVerified(const ConfigDeck::Alink::ConfigFile& file, const QByteArray& content,
                        const QString& previousSha256);
    // A push or a get ended: the code the device replied (push) or ended with (get), and why.
    void exchangeFinished(const QString& messageId, int code, const QString& reason);
    // With autoReply off, a push is verified (or failed) and waits for reply().
    void replyAwaited(const QString& messageId, int suggestedCode, const QString& reason);
    void wireError(const QString& topic, const QString& reason);

private:
    enum class Exchange
    {
        Push,
        Get
    };
    struct Awaiting
    {
        bool replyWanted = true;
        int code = 200;
        QString reason;
    };

    void onMessage(const QString& topic, const QByteArray& payload);
    void takePush(const QString& topic, const QByteArray& payload);
    void takeGetReply(const QString& topic, const QByteArray& payload);
    void fetch(Exchange exchange, const QString& messageId, const Alink::ConfigFile& file, bool replyWanted);
    void downloaded(Exchange exchange, const QString& messageId, const Alink::ConfigFile& file,
                    bool replyWanted, const Transfer::DownloadResult& result);
    void conclude(Exchange exchange, const QString& messageId, bool replyWanted, int code,
                  const QString& reason);
    void sendReply(const QString& messageId, int code, const QString& message);
    void setState(Store::ConfigState state, std::optional<int> code = std::nullopt,
                  Alink::ReplySource source = Alink::ReplySource::Device);
    void reportOnline(bool online);
    void log(Store::MessageDirection direction, const QString& topic, const QByteArray& payload,
             const QString& messageId, std::optional<int> code);
    void later(std::chrono::milliseconds delay, std::function<void()> work);

    Alink::DeviceIdentity m_identity;
    Transport::MqttConnection* m_connection;
    Transfer::Downloader* m_downloader;
    AgentSettings m_settings;
    FaultProfile m_fault;
    Alink::MessageIdGenerator m_ids;
    QHash<QString, qint64> m_pendingGets; // id -> ms since epoch when sent
    QHash<QString, Awaiting> m_awaiting;
    HeldConfig m_held;
    Store::ConfigState m_state = Store::ConfigState::Unknown;
    std::optional<int> m_lastCode;
    int m_downloads = 0; // running now
    bool m_started = false;
};

} // namespace ConfigDeck::Roles
