#include "AccountProfile.h"

#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"
#include "store/secrets/WipedBytes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ConfigDeck::Cloud {

using Alink::AlinkError;
using Alink::Expected;

namespace {

const QString kSealedSecretKey = QStringLiteral("accessKeySecretSealed");

// What the sealed secret belongs to: this workspace's account. A sealed value copied into another
// workspace, or into a device's row, does not open.
Store::AssociatedData secretAssociatedData(const QByteArray& workspaceId)
{
    return {QByteArrayView("account/AccessKeySecret"), QByteArrayView(workspaceId)};
}

AlinkError profileError(const QString& field, const QString& reason)
{
    return AlinkError{field, reason, -1};
}

bool isHostLabel(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"));
    return pattern.match(text).hasMatch();
}

struct TextField
{
    const char* name;
    QString AccountProfile::*member;
};
constexpr TextField kTextFields[] = {
    {"regionId", &AccountProfile::regionId},       {"instanceId", &AccountProfile::instanceId},
    {"accessKeyId", &AccountProfile::accessKeyId}, {"consumerGroupId", &AccountProfile::consumerGroupId},
    {"accountUid", &AccountProfile::accountUid},   {"openApiUrl", &AccountProfile::openApiUrl},
    {"amqpHost", &AccountProfile::amqpHost},       {"caFile", &AccountProfile::caFile},
};

Expected<QJsonObject> storedObject(const Store::Workspace& workspace)
{
    const auto stored = workspace.settings().value(AccountProfile::kSettingKey);
    if (!stored)
        return stored.error();
    if (stored->isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(stored->toUtf8(), &parseError);
    if (!document.isObject())
        return profileError(AccountProfile::kSettingKey,
                            AccountProfile::tr("The stored account profile is damaged (%1); enter it again.")
                                .arg(parseError.errorString()));
    return document.object();
}

} // namespace

QUrl AccountProfile::effectiveOpenApiUrl() const
{
    if (!openApiUrl.isEmpty())
        return QUrl(openApiUrl);
    return QUrl(QStringLiteral("https://iot.%1.aliyuncs.com").arg(regionId));
}

QString AccountProfile::effectiveAmqpHost() const
{
    if (!amqpHost.isEmpty())
        return amqpHost;
    // As the server-side subscription documentation gives them: an instance's own endpoint, or the public
    // instance's endpoint under the account's UID.
    if (!instanceId.isEmpty())
        return QStringLiteral("%1.amqp.iothub.aliyuncs.com").arg(instanceId);
    return QStringLiteral("%1.iot-amqp.%2.aliyuncs.com").arg(accountUid, regionId);
}

AmqpSubscription::Settings AccountProfile::amqpSettings(const Store::WipedBytes& secret,
                                                        const QString& clientId) const
{
    AmqpSubscription::Settings settings;
    settings.host = effectiveAmqpHost();
    settings.port = effectiveAmqpPort();
    settings.accessKeyId = accessKeyId.trimmed();
    settings.accessKeySecret = secret.copy();
    settings.consumerGroupId = consumerGroupId.trimmed();
    settings.iotInstanceId = instanceId;
    settings.clientId = clientId;
    settings.caCertificateFile = caFile;
    return settings;
}

std::optional<AlinkError> AccountProfile::validate(Purpose purpose) const
{
    if (regionId.isEmpty() && purpose == Purpose::OpenApi)
        return profileError(QStringLiteral("regionId"), tr("no region is given (for example cn-shanghai)"));
    if (!regionId.isEmpty() && !isHostLabel(regionId))
        return profileError(QStringLiteral("regionId"),
                            tr("'%1' is not a region id: use lowercase letters, digits and dashes, as in "
                               "cn-shanghai")
                                .arg(regionId));
    if (!instanceId.isEmpty() && !isHostLabel(instanceId))
        return profileError(QStringLiteral("instanceId"),
                            tr("'%1' is not an instance id: use lowercase letters, digits and dashes, as in "
                               "iot-06z00ax1o4ly")
                                .arg(instanceId));
    if (accessKeyId.trimmed().isEmpty())
        return profileError(QStringLiteral("accessKeyId"), tr("no AccessKey ID is given"));
    if (accessKeyId.contains(QRegularExpression(QStringLiteral("\\s"))))
        return profileError(QStringLiteral("accessKeyId"), tr("the AccessKey ID contains spaces"));
    if (purpose == Purpose::Subscription) {
        // effectiveAmqpHost() names the public instance's endpoint by the account UID and the region.
        if (amqpHost.isEmpty() && instanceId.isEmpty() && (accountUid.isEmpty() || regionId.isEmpty()))
            return profileError(QStringLiteral("amqpHost"),
                                tr("no AMQP endpoint is given: give the AMQP host, the instance ID, or the "
                                   "account UID with the region"));
        if (consumerGroupId.trimmed().isEmpty())
            return profileError(QStringLiteral("consumerGroupId"), tr("no consumer group is given"));
        return std::nullopt;
    }
    if (!openApiUrl.isEmpty()) {
        const QUrl url(openApiUrl);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return profileError(
                QStringLiteral("openApiUrl"),
                tr("'%1' is not an http(s) address, as in https://iot.cn-shanghai.aliyuncs.com")
                    .arg(openApiUrl));
    }
    return std::nullopt;
}

QJsonObject AccountProfile::toJson() const
{
    QJsonObject object;
    for (const TextField& field : kTextFields) {
        if (!(this->*field.member).isEmpty())
            object.insert(QLatin1StringView(field.name), this->*field.member);
    }
    if (amqpPort)
        object.insert(QStringLiteral("amqpPort"), int(amqpPort));
    return object;
}

Expected<AccountProfile> AccountProfile::fromJson(const QJsonObject& object)
{
    AccountProfile profile;
    for (const TextField& field : kTextFields) {
        const QJsonValue value = object.value(QLatin1StringView(field.name));
        if (value.isUndefined() || value.isNull())
            continue;
        if (!value.isString())
            return profileError(QLatin1StringView(field.name), tr("must be a string"));
        profile.*field.member = value.toString();
    }
    const QJsonValue port = object.value(QStringLiteral("amqpPort"));
    if (!port.isUndefined() && !port.isNull()) {
        const int number = port.toInt(-1);
        if (!port.isDouble() || number < 1 || number > 65535)
            return profileError(QStringLiteral("amqpPort"), tr("must be a port number from 1 to 65535"));
        profile.amqpPort = quint16(number);
    }
    return profile;
}

Expected<std::optional<AccountProfile>> AccountProfile::load(const Store::Workspace& workspace)
{
    const auto object = storedObject(workspace);
    if (!object)
        return object.error();
    if (object->isEmpty())
        return std::optional<AccountProfile>();
    auto profile = fromJson(*object);
    if (!profile)
        return profile.error();
    profile->hasSecret = !object->value(kSealedSecretKey).toString().isEmpty();
    return std::optional<AccountProfile>(std::move(profile).value());
}

Store::Status AccountProfile::save(Store::Workspace& workspace, const AccountProfile& profile,
                                   std::optional<QByteArrayView> newSecret)
{
    if (const auto invalid = profile.validate())
        return *invalid;
    QJsonObject object = profile.toJson();
    if (newSecret) {
        const auto sealer = workspace.keys().sealer();
        if (!sealer)
            return Store::KeyStore::lockedError();
        if (newSecret->isEmpty())
            return profileError(QStringLiteral("accessKeySecret"), tr("the AccessKey Secret is empty"));
        const QByteArray sealed =
            sealer->seal(*newSecret, secretAssociatedData(workspace.workspaceId().toUtf8()));
        if (sealed.isEmpty())
            return profileError(QStringLiteral("accessKeySecret"), tr("Cannot seal the AccessKey Secret."));
        object.insert(kSealedSecretKey, QString::fromLatin1(sealed.toBase64()));
    } else {
        const auto stored = storedObject(workspace);
        if (!stored)
            return stored.error();
        if (const QJsonValue sealed = stored->value(kSealedSecretKey); sealed.isString())
            object.insert(kSealedSecretKey, sealed);
    }
    return workspace.settings().setValue(
        kSettingKey, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

Store::Status AccountProfile::remove(Store::Workspace& workspace)
{
    return workspace.settings().setValue(kSettingKey, QString());
}

Expected<std::unique_ptr<Store::WipedBytes>> AccountProfile::openSecret(const Store::Workspace& workspace)
{
    const auto sealer = workspace.keys().sealer();
    if (!sealer)
        return Store::KeyStore::lockedError();
    const auto object = storedObject(workspace);
    if (!object)
        return object.error();
    const QByteArray sealed = QByteArray::fromBase64(object->value(kSealedSecretKey).toString().toLatin1());
    if (sealed.isEmpty())
        return profileError(QStringLiteral("accessKeySecret"),
                            tr("No AccessKey Secret is stored for the account: enter it in the account "
                               "profile."));
    auto opened = sealer->open(sealed, secretAssociatedData(workspace.workspaceId().toUtf8()));
    if (!opened)
        return profileError(QStringLiteral("accessKeySecret"),
                            tr("Cannot open the stored AccessKey Secret (%1); enter it again.")
                                .arg(opened.error().message()));
    return std::make_unique<Store::WipedBytes>(std::move(opened).value());
}

} // namespace ConfigDeck::Cloud
