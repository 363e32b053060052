#include "DeviceCredentials.h"

#include "Topic.h"

#include <QMessageAuthenticationCode>

namespace ConfigDeck::Alink {

QString CloudEndpoint::host(const QString& productKey) const
{
    if (kind == Kind::Region)
        return QStringLiteral("%1.iot-as-mqtt.%2.aliyuncs.com").arg(productKey, regionOrInstanceId);
    return QStringLiteral("%1.mqtt.iothub.aliyuncs.com").arg(regionOrInstanceId);
}

QString DeviceCredentials::signContent(const DeviceIdentity& identity, const QString& clientId,
                                       std::optional<qint64> timestamp)
{
    // Sorted by parameter name: clientId < deviceName < productKey < timestamp.
    QString content = QStringLiteral("clientId") + clientId + QStringLiteral("deviceName") +
                      identity.deviceName + QStringLiteral("productKey") + identity.productKey;
    if (timestamp)
        content += QStringLiteral("timestamp") + QString::number(*timestamp);
    return content;
}

QByteArray DeviceCredentials::hmac(MqttSignMethod method, const QByteArray& key, const QByteArray& content)
{
    QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256;
    if (method == MqttSignMethod::HmacMd5)
        algorithm = QCryptographicHash::Md5;
    else if (method == MqttSignMethod::HmacSha1)
        algorithm = QCryptographicHash::Sha1;
    return QMessageAuthenticationCode::hash(content, key, algorithm);
}

MqttCredentials DeviceCredentials::sign(const DeviceIdentity& identity, const SignOptions& options)
{
    const QString clientId = options.clientId.isEmpty()
                                 ? identity.productKey + QLatin1Char('.') + identity.deviceName
                                 : options.clientId;

    QStringList parameters{
        QStringLiteral("securemode=%1").arg(static_cast<int>(options.secureMode)),
        QStringLiteral("signmethod=%1").arg(methodName(options.method)),
    };
    if (options.timestamp)
        parameters << QStringLiteral("timestamp=%1").arg(*options.timestamp);
    parameters << options.extensions;

    MqttCredentials credentials;
    credentials.clientId = clientId + QLatin1Char('|') + parameters.join(QLatin1Char(',')) + QLatin1Char('|');
    credentials.username = identity.deviceName + QLatin1Char('&') + identity.productKey;
    const QByteArray content = signContent(identity, clientId, options.timestamp).toUtf8();
    credentials.password =
        QString::fromLatin1(hmac(options.method, identity.deviceSecret.toUtf8(), content).toHex().toUpper());
    return credentials;
}

QString DeviceCredentials::methodName(MqttSignMethod method)
{
    switch (method) {
    case MqttSignMethod::HmacMd5:
        return QStringLiteral("hmacmd5");
    case MqttSignMethod::HmacSha1:
        return QStringLiteral("hmacsha1");
    case MqttSignMethod::HmacSha256:
        return QStringLiteral("hmacsha256");
    }
    Q_UNREACHABLE();
}

std::optional<MqttSignMethod> DeviceCredentials::methodFromName(QStringView name)
{
    for (auto method : {MqttSignMethod::HmacMd5, MqttSignMethod::HmacSha1, MqttSignMethod::HmacSha256}) {
        if (name.compare(methodName(method), Qt::CaseInsensitive) == 0)
            return method;
    }
    return std::nullopt;
}

std::optional<AlinkError> DeviceCredentials::validateKeepAlive(int seconds)
{
    if (seconds < kMinKeepAlive || seconds > kMaxKeepAlive)
        return AlinkError{QStringLiteral("keepAlive"),
                          tr("%1 s is outside 30-1200 s; the platform refuses the connection").arg(seconds),
                          -1};
    return std::nullopt;
}

std::optional<AlinkError> DeviceCredentials::validateIdentity(const DeviceIdentity& identity)
{
    if (auto error = Topic::validateSegment(identity.productKey, QStringLiteral("productKey")))
        return error;
    if (auto error = Topic::validateSegment(identity.deviceName, QStringLiteral("deviceName")))
        return error;
    if (identity.deviceSecret.isEmpty())
        return AlinkError{QStringLiteral("deviceSecret"), tr("is empty"), -1};
    return std::nullopt;
}

} // namespace ConfigDeck::Alink
