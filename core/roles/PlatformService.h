#pragma once

#include "alink/AlinkError.h"
#include "alink/ConfigMessages.h"
#include "alink/MessageIdGenerator.h"
#include "store/StoreTypes.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>

#include <chrono>

namespace ConfigDeck::Transport {
class MqttConnection;
}
namespace ConfigDeck::Transfer {
class FileServer;
}

namespace ConfigDeck::Roles {

// The configuration a product serves: what `get` answers with and what a push sends.
struct PublishedConfig
{
    QString configId;
    QString sha256;
    QByteArray content;
    QString fileName = QStringLiteral("config.json");
};

struct PlatformProduct
{
    QString productKey;
    bool remoteConfigEnabled = true;
    // The cloud's rules for this product even when the session's setting (PlatformSettings) is off.
    bool alibabaLimits = false;
    std::optional<PublishedConfig> config;
    QSet<QString> devices; // empty: any device of the product is served (as on a lab broker)
    // Alibaba limits bookkeeping
    QDateTime lastPush;
    QSet<QString> pushedSha256;
};

struct PlatformSettings
{
    // The cloud's rules: product scope only, JSON only, at most 64 KB, one push per product per hour,
    // a file pushed only once. Off: per-device pushes and any file are allowed.
    bool alibabaLimits = false;
    std::chrono::seconds urlValidity = std::chrono::minutes(30);
    std::chrono::seconds pushCooldown = std::chrono::hours(1);
    qint64 maxConfigBytes = 64 * 1024; // with alibabaLimits
    int qos = 1;
    bool forwardReplies = true; // to /{pk}/{dn}/thing/downlink/reply/message
    // Non-empty: subscribe to the devices' get and push_reply through the shared subscription
    // $share/<shareGroup>/<filter>, so that the broker hands each of them to one platform of the group.
    QString shareGroup;
};

// One push sent to one device, waiting for its push_reply.
struct PushTicket
{
    QString productKey;
    QString deviceName;
    QString messageId;
    QString sha256;
};

// The platform's remote-configuration service on an MQTT connection: answers every device's
// thing/config/get from the product's state (6713 switched off, 6710 nothing published, else 200 with a
// signed URL of the embedded file server), pushes, matches push_reply by device and id, tolerates late and
// duplicate replies, forwards replies to the data-exchange topic, and reports every message and state change
// as signals (the workspace recorder persists them). Bad input from the wire is reported with its reason and
// changes no state.
class PlatformService final : public QObject
{
    Q_OBJECT

public:
    PlatformService(Transport::MqttConnection* connection, Transfer::FileServer* fileServer,
                    QObject* parent = nullptr);
    ~PlatformService() override;

    void setSettings(const PlatformSettings& settings) { m_settings = settings; }
    const PlatformSettings& settings() const { return m_settings; }

    // Subscribes to every device's get and push_reply (the connection re-subscribes after reconnects),
    // through the settings' share group when there is one.
    std::optional<Alink::AlinkError> start();
    // The filters start() subscribes to with these settings.
    static QStringList subscriptionFilters(const PlatformSettings& settings);

    // The catalog.
    void setProduct(const PlatformProduct& product);
    const PlatformProduct* product(const QString& productKey) const;
    QStringList productKeys() const;
    void setRemoteConfigEnabled(const QString& productKey, bool enabled);
    // Checks the content against the settings (JSON and 64 KB with Alibaba limits) and makes it the
    // product's.
    Alink::Expected<PublishedConfig> publishConfig(const QString& productKey, const QByteArray& content,
                                                   const QString& fileName = QStringLiteral("config.json"));
    // What the file server serves: any configuration the catalog has published.
    std::optional<QByteArray> content(const QString& sha256) const;

    // Pushes the product's configuration to the named devices (empty: every known device of the product).
    // With Alibaba limits: product scope only, once per cooldown, the same file once. messageIds, when
    // given, are the pushes' ids (one per device, from nextMessageId()): a shared rollout stores them before
    // the push goes out, so that whichever platform of the group receives the reply can match it.
    Alink::Expected<QList<PushTicket>> push(const QString& productKey, const QStringList& deviceNames = {},
                                            const QStringList& messageIds = {});
    QString nextMessageId() { return m_ids.next(); }
    // Why a push to these devices would be refused now, or nothing.
    std::optional<Alink::AlinkError> checkPush(const QString& productKey,
                                               const QStringList& deviceNames) const;

    int pendingCount() const { return int(m_pending.size()); }
    bool isConnected() const;
    // For rollouts: stop waiting for a push; a reply that still comes is recorded as late.
    void forget(const PushTicket& ticket);

    static std::optional<Alink::AlinkError> validateContent(const QByteArray& content, qint64 maxBytes,
                                                            bool jsonOnly);

signals:
    void messageLogged(const ConfigDeck::Store::MessageLogEntry& entry);
    void deviceStateChanged(const ConfigDeck::Store::DeviceStateUpdate& update);
    // A push_reply matched a push this service sent; late = after it was given up by a rollout. In a share
    // group also a reply to a push another platform of the group sent (latencyMs is then -1): the broker
    // hands each reply to one of them.
    void pushReplied(const QString& productKey, const QString& deviceName, const QString& messageId, int code,
                     qint64 latencyMs);
    void getAnswered(const QString& productKey, const QString& deviceName, int code);
    // Input from the wire that could not be taken: the topic, and why.
    void wireError(const QString& topic, const QString& reason);

private:
    struct Pending
    {
        PushTicket ticket;
        QElapsedTimer sent;
    };

    void onMessage(const QString& topic, const QByteArray& payload);
    void answerGet(const QString& productKey, const QString& deviceName, const QString& topic,
                   const QByteArray& payload);
    void takePushReply(const QString& productKey, const QString& deviceName, const QString& topic,
                       const QByteArray& payload);
    std::optional<int> refusal(const QString& productKey, const QString& deviceName) const;
    // Whether the cloud's rules apply to the product: the session's setting or the product's own.
    bool hasAlibabaLimits(const QString& productKey) const;
    Alink::ConfigFile configFile(const PublishedConfig& config) const;
    bool send(const QString& topic, const QByteArray& payload, const QString& productKey,
              const QString& deviceName, const QString& messageId, std::optional<int> code);
    static QString pendingKey(const QString& productKey, const QString& deviceName, const QString& messageId);

    Transport::MqttConnection* m_connection;
    Transfer::FileServer* m_fileServer;
    PlatformSettings m_settings;
    QHash<QString, PlatformProduct> m_products;
    QHash<QString, QByteArray> m_contents;  // sha256 -> bytes of every published configuration
    QHash<QString, Pending> m_pending;      // pk/dn/id -> push waiting for its reply
    QHash<QString, PushTicket> m_forgotten; // given-up pushes whose late replies are still welcome
    QSet<QString> m_resolved;               // answered pushes, to tell a duplicate reply from a stray one
    Alink::MessageIdGenerator m_ids;
};

} // namespace ConfigDeck::Roles
