#include "CloudProfile.h"

#include "BuildInfo.h"
#include "CloudLog.h"
#include "transport/MqttReason.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonValue>
#include <QMutex>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>

namespace ConfigDeck::Cloud {

using Alink::AlinkError;
using Alink::DeviceCredentials;

namespace {

const QString kBundledRootResource = QStringLiteral(":/certs/GlobalSign_Root_CA_R1.pem");

// Region and instance ids become part of a host name: lowercase letters, digits and dashes.
bool isHostLabel(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"));
    return pattern.match(text).hasMatch();
}

QString endpointKindName(CloudProfile::EndpointKind kind)
{
    return kind == CloudProfile::EndpointKind::Region ? QStringLiteral("region") : QStringLiteral("instance");
}

} // namespace

QString CloudProfile::host(const QString& productKey) const
{
    if (!hostOverride.isEmpty())
        return hostOverride;
    Alink::CloudEndpoint endpoint;
    endpoint.kind = endpointKind == EndpointKind::Region ? Alink::CloudEndpoint::Kind::Region
                                                         : Alink::CloudEndpoint::Kind::Instance;
    endpoint.regionOrInstanceId = endpointKind == EndpointKind::Region ? regionId : instanceId;
    endpoint.port = effectivePort();
    return endpoint.host(productKey);
}

std::optional<AlinkError> CloudProfile::validate() const
{
    if (hostOverride.isEmpty()) {
        if (endpointKind == EndpointKind::Region) {
            if (regionId.isEmpty())
                return AlinkError{QStringLiteral("region"),
                                  tr("no region is given (for example cn-shanghai)"), -1};
            if (!isHostLabel(regionId))
                return AlinkError{
                    QStringLiteral("region"),
                    tr("'%1' is not a region id: use lowercase letters, digits and dashes, as in "
                       "cn-shanghai")
                        .arg(regionId),
                    -1};
        } else {
            if (instanceId.isEmpty())
                return AlinkError{
                    QStringLiteral("instanceId"),
                    tr("no instance id is given (the console shows it on the instance's overview, "
                       "for example iot-06z00ax1o4ly)"),
                    -1};
            if (!isHostLabel(instanceId))
                return AlinkError{
                    QStringLiteral("instanceId"),
                    tr("'%1' is not an instance id: use lowercase letters, digits and dashes, as in "
                       "iot-06z00ax1o4ly")
                        .arg(instanceId),
                    -1};
        }
    } else if (hostOverride.trimmed() != hostOverride || hostOverride.contains(QLatin1Char(' '))) {
        return AlinkError{QStringLiteral("host"), tr("'%1' is not a host name or address").arg(hostOverride),
                          -1};
    }
    if (portOverride == 0 && std::find(std::begin(kPorts), std::end(kPorts), port) == std::end(kPorts))
        return AlinkError{QStringLiteral("port"),
                          tr("the platform listens on 1883, 8883 and 443, not on %1").arg(port), -1};
    if (auto error = DeviceCredentials::validateKeepAlive(keepAliveSeconds))
        return error;
    if (tls && !caFile.isEmpty()) {
        const QFileInfo info(caFile);
        if (!info.isFile() || !info.isReadable())
            return AlinkError{QStringLiteral("caFile"),
                              tr("the file %1 does not exist or cannot be read").arg(caFile), -1};
    }
    // The platform presents its own root on 8883, not the shipped GlobalSign one.
    if (tls && caFile.isEmpty() && hostOverride.isEmpty() && port == 8883)
        return AlinkError{
            QStringLiteral("caFile"),
            tr("on port 8883 the platform presents its own root certificate, which ConfigDeck does "
               "not ship: give that root's file as the CA file, or use port 1883 or 443"),
            -1};
    return std::nullopt;
}

Alink::Expected<Transport::MqttConnectOptions>
CloudProfile::connectOptions(const Alink::DeviceIdentity& identity, qint64 timestampMs) const
{
    if (auto error = validate())
        return *error;
    if (auto error = DeviceCredentials::validateIdentity(identity))
        return *error;

    Alink::SignOptions sign;
    sign.method = signMethod;
    sign.secureMode = tls ? Alink::SecureMode::Tls : Alink::SecureMode::PlainTcp;
    sign.timestamp = timestampMs;
    // Like the SDKs' "_v=sdk-c-4.1.0": tells the platform's logs which client this is; not signed.
    sign.extensions << QStringLiteral("_v=configdeck-%1").arg(QLatin1StringView(BuildInfo::kVersion));
    const Alink::MqttCredentials credentials = DeviceCredentials::sign(identity, sign);

    Transport::MqttConnectOptions options;
    options.host = host(identity.productKey);
    options.port = effectivePort();
    options.clientId = credentials.clientId;
    options.username = credentials.username;
    options.password = credentials.password;
    options.cleanSession = true;
    options.keepAliveSeconds = keepAliveSeconds;
    options.protocol = Transport::MqttProtocol::V311;
    options.reconnect.enabled = false;
    options.tls.enabled = tls;
    if (tls) {
        if (!caFile.isEmpty()) {
            options.tls.caFile = caFile;
        } else {
            const auto bundled = bundledRootCaPath();
            if (!bundled)
                return bundled.error();
            options.tls.caFile = *bundled;
        }
    }
    if (auto error = options.validate())
        return *error;
    return options;
}

QString CloudProfile::plainTcpWarning()
{
    return tr(
        "TLS is off: the connection uses securemode 3 (plain TCP). Messages, configuration URLs and the "
        "signed password travel unencrypted, and the platform refuses plain TCP for accounts created after "
        "2022-08-02.");
}

Alink::Expected<QString> CloudProfile::bundledRootCaPath()
{
    static QMutex mutex;
    static QString path;
    static std::unique_ptr<QTemporaryDir> fallbackDir;
    const QMutexLocker lock(&mutex);
    if (!path.isEmpty() && QFileInfo::exists(path))
        return path;

    QFile resource(kBundledRootResource);
    if (!resource.open(QIODevice::ReadOnly))
        return AlinkError{
            QStringLiteral("caFile"),
            tr("the shipped root certificate %1 is missing from this build").arg(kBundledRootResource), -1};
    const QByteArray pem = resource.readAll();

    auto writeTo = [&pem](const QString& directory) -> QString {
        if (directory.isEmpty() || !QDir().mkpath(directory))
            return {};
        const QString file = QDir(directory).filePath(QStringLiteral("GlobalSign_Root_CA_R1.pem"));
        QFile existing(file);
        if (existing.open(QIODevice::ReadOnly) && existing.readAll() == pem)
            return file;
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(pem) != pem.size() || !out.commit())
            return {};
        return file;
    };

    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    path = writeTo(cache.isEmpty() ? QString() : QDir(cache).filePath(QStringLiteral("certs")));
    if (path.isEmpty()) {
        // No writable cache: a temporary directory kept for the life of the process.
        fallbackDir = std::make_unique<QTemporaryDir>();
        if (fallbackDir->isValid())
            path = writeTo(fallbackDir->path());
    }
    if (path.isEmpty())
        return AlinkError{
            QStringLiteral("caFile"),
            tr("the shipped root certificate could not be written to a file (cache directory %1)").arg(cache),
            -1};
    qCInfo(lcCloud) << "GlobalSign Root CA R1 at" << path;
    return path;
}

QString CloudProfile::advice(int code)
{
    switch (code) {
    case 6713:
        return tr("Remote configuration is switched off for this product. In the IoT Platform console open "
                  "Devices > Products (设备管理 > 产品), pick the product, open Remote Configuration "
                  "(远程配置) and "
                  "switch it on, then request again.");
    case 6710:
        return tr(
            "The product has no configuration file yet. In the console's Remote Configuration page for the "
            "product, edit or upload a configuration file and save it, then request again.");
    default:
        return {};
    }
}

QString CloudProfile::refusalAdvice(const QString& reason)
{
    using Transport::MqttProtocol;
    using Transport::MqttReason;
    if (reason.contains(MqttReason::describe(MqttProtocol::V311, 4), Qt::CaseInsensitive))
        return tr(
            "The platform did not accept the signed password: check the DeviceSecret, the ProductKey and "
            "DeviceName, the sign method, and that this computer's clock is right.");
    if (reason.contains(MqttReason::describe(MqttProtocol::V311, 5), Qt::CaseInsensitive))
        return tr(
            "The platform refused this identity: check the DeviceSecret and the computer's clock, that the "
            "device exists in this instance and region, and that it is not disabled in the console "
            "(Devices > Devices).");
    if (reason.contains(MqttReason::describe(MqttProtocol::V311, 2), Qt::CaseInsensitive))
        return tr("The platform rejected the client ID: check the ProductKey and DeviceName.");
    return {};
}

QJsonObject CloudProfile::toJson() const
{
    QJsonObject object{
        {QStringLiteral("endpoint"), endpointKindName(endpointKind)},
        {QStringLiteral("port"), int(port)},
        {QStringLiteral("tls"), tls},
        {QStringLiteral("signMethod"), DeviceCredentials::methodName(signMethod)},
        {QStringLiteral("keepAlive"), keepAliveSeconds},
    };
    if (!regionId.isEmpty())
        object.insert(QStringLiteral("region"), regionId);
    if (!instanceId.isEmpty())
        object.insert(QStringLiteral("instanceId"), instanceId);
    if (!caFile.isEmpty())
        object.insert(QStringLiteral("caFile"), caFile);
    if (!hostOverride.isEmpty())
        object.insert(QStringLiteral("host"), hostOverride);
    if (portOverride)
        object.insert(QStringLiteral("hostPort"), int(portOverride));
    return object;
}

Alink::Expected<CloudProfile> CloudProfile::fromJson(const QJsonObject& object)
{
    CloudProfile profile;
    auto text = [&object](const QString& key, QString* out) -> std::optional<AlinkError> {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        if (!value.isString())
            return AlinkError{key, tr("must be a string"), -1};
        *out = value.toString();
        return std::nullopt;
    };
    auto number = [&object](const QString& key, int minimum, int maximum,
                            int* out) -> std::optional<AlinkError> {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number != double(qint64(number)) || number < minimum || number > maximum)
            return AlinkError{key, tr("must be a whole number from %1 to %2").arg(minimum).arg(maximum), -1};
        *out = int(number);
        return std::nullopt;
    };

    QString endpoint = endpointKindName(profile.endpointKind);
    QString method = DeviceCredentials::methodName(profile.signMethod);
    int port = profile.port;
    int hostPort = 0;
    for (auto error :
         {text(QStringLiteral("endpoint"), &endpoint), text(QStringLiteral("region"), &profile.regionId),
          text(QStringLiteral("instanceId"), &profile.instanceId),
          text(QStringLiteral("caFile"), &profile.caFile), text(QStringLiteral("signMethod"), &method),
          text(QStringLiteral("host"), &profile.hostOverride),
          number(QStringLiteral("port"), 1, 65535, &port),
          number(QStringLiteral("hostPort"), 0, 65535, &hostPort),
          number(QStringLiteral("keepAlive"), 0, 65535, &profile.keepAliveSeconds)}) {
        if (error)
            return *error;
    }
    if (endpoint == QLatin1String("region"))
        profile.endpointKind = EndpointKind::Region;
    else if (endpoint == QLatin1String("instance"))
        profile.endpointKind = EndpointKind::Instance;
    else
        return AlinkError{QStringLiteral("endpoint"),
                          tr("'%1' is neither \"region\" nor \"instance\"").arg(endpoint), -1};
    const auto signMethod = DeviceCredentials::methodFromName(method);
    if (!signMethod)
        return AlinkError{QStringLiteral("signMethod"),
                          tr("'%1' is not one of hmacsha256, hmacsha1, hmacmd5").arg(method), -1};
    profile.signMethod = *signMethod;
    const QJsonValue tls = object.value(QStringLiteral("tls"));
    if (!tls.isUndefined() && !tls.isBool())
        return AlinkError{QStringLiteral("tls"), tr("must be true or false"), -1};
    profile.tls = tls.toBool(true);
    profile.port = quint16(port);
    profile.portOverride = quint16(hostPort);
    if (auto error = profile.validate())
        return *error;
    return profile;
}

} // namespace ConfigDeck::Cloud
