#pragma once

#include "AmqpSubscription.h"
#include "alink/AlinkError.h"
#include "store/StoreTypes.h"
#include "store/secrets/WipedBytes.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace ConfigDeck::Store {
class Workspace;
} // namespace ConfigDeck::Store

namespace ConfigDeck::Cloud {

// The workspace's Alibaba Cloud account, as a server (not as a device): the region or instance, the
// AccessKey pair of a RAM user for the IoT OpenAPI and the AMQP server-side subscription, and the consumer
// group. Stored in the workspace's settings as one value (one transaction); the AccessKey Secret is sealed
// with the workspace key and only openSecret() gives it back, so a locked workspace can neither read nor
// change it. The secret is never part of this struct, of toJson() or of anything logged.
class AccountProfile
{
    Q_DECLARE_TR_FUNCTIONS(AccountProfile)

public:
    static constexpr quint16 kDefaultAmqpPort = 5671;
    static inline const QString kSettingKey = QStringLiteral("cloud/account");

    QString regionId;        // e.g. cn-shanghai
    QString instanceId;      // e.g. iot-06z00ax1o4ly; empty for the region's public instance
    QString accessKeyId;     // of a RAM user, never the account's main AccessKey
    QString consumerGroupId; // the server-side subscription's consumer group
    QString accountUid;      // Alibaba Cloud account ID: names the public instance's AMQP host
    // Overrides for tests and private deployments (empty or 0: the platform's own).
    QString openApiUrl;   // default https://iot.{region}.aliyuncs.com
    QString amqpHost;     // default {instanceId}.amqp.iothub.aliyuncs.com, or {uid}.iot-amqp.{region}...
    quint16 amqpPort = 0; // default 5671 (AMQP over TLS)
    QString caFile;       // PEM roots to trust instead of the system's, for both OpenAPI and AMQP

    // Filled by load(): whether a sealed AccessKey Secret is stored. Not saved as such.
    bool hasSecret = false;

    QUrl effectiveOpenApiUrl() const;
    QString effectiveAmqpHost() const;
    quint16 effectiveAmqpPort() const { return amqpPort ? amqpPort : kDefaultAmqpPort; }

    // What the profile is used for: the OpenAPI needs the region; the server-side subscription needs an
    // endpoint (--amqp-host, the instance, or the account UID with the region) but no region of its own.
    enum class Purpose
    {
        OpenApi,
        Subscription,
    };
    // Why the profile cannot be used for `purpose`, naming the field, or nothing.
    std::optional<Alink::AlinkError> validate(Purpose purpose = Purpose::OpenApi) const;

    // Everything but the secret (the settings value also holds the sealed secret: see save()).
    QJsonObject toJson() const;
    static Alink::Expected<AccountProfile> fromJson(const QJsonObject& object);

    // The workspace's profile; nothing when none was saved. Works on a locked workspace (without the secret).
    static Alink::Expected<std::optional<AccountProfile>> load(const Store::Workspace& workspace);
    // Saves the profile in one transaction. newSecret: the AccessKey Secret to seal (the workspace must be
    // unlocked); nothing keeps the stored one.
    static Store::Status save(Store::Workspace& workspace, const AccountProfile& profile,
                              std::optional<QByteArrayView> newSecret);
    static Store::Status remove(Store::Workspace& workspace);
    // The AccessKey Secret, opened with the workspace key, in a buffer wiped when it is released.
    static Alink::Expected<std::unique_ptr<Store::WipedBytes>> openSecret(const Store::Workspace& workspace);

    // What the server-side subscription client connects with: this profile's endpoint, consumer group and
    // instance, and `secret` (copied into the settings, which the subscription takes over and wipes).
    AmqpSubscription::Settings amqpSettings(const Store::WipedBytes& secret, const QString& clientId) const;

    bool operator==(const AccountProfile&) const = default;
};

} // namespace ConfigDeck::Cloud
