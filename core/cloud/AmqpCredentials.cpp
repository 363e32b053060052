#include "AmqpCredentials.h"

#include "alink/DeviceCredentials.h"

namespace ConfigDeck::Cloud {

QByteArray AmqpCredentials::signContent(const QString& accessKeyId, qint64 timestampMs)
{
    return "authId=" + accessKeyId.toUtf8() + "&timestamp=" + QByteArray::number(timestampMs);
}

AmqpCredentials AmqpCredentials::sign(const QString& clientId, const QString& accessKeyId,
                                      QByteArrayView accessKeySecret, const QString& iotInstanceId,
                                      const QString& consumerGroupId, qint64 timestampMs)
{
    AmqpCredentials credentials;
    credentials.userName =
        QStringLiteral("%1|authMode=aksign,signMethod=hmacsha1,timestamp=%2,authId=%3,"
                       "iotInstanceId=%4,consumerGroupId=%5|")
            .arg(clientId, QString::number(timestampMs), accessKeyId, iotInstanceId, consumerGroupId);
    // The key is copied into a QByteArray only for the HMAC call; the caller's buffer stays the one to wipe.
    QByteArray key(accessKeySecret.data(), accessKeySecret.size());
    credentials.password = Alink::DeviceCredentials::hmac(Alink::MqttSignMethod::HmacSha1, key,
                                                          signContent(accessKeyId, timestampMs))
                               .toBase64();
    key.fill('\0');
    return credentials;
}

} // namespace ConfigDeck::Cloud
