#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace ConfigDeck::Cloud {

// The SASL PLAIN user name and password with which an AMQP client signs in to the account's server-side
// subscription, as "Connect an AMQP client to IoT Platform" describes:
//   user name  clientId|authMode=aksign,signMethod=hmacsha1,timestamp=<ms>,authId=<AccessKey ID>,
//              iotInstanceId=<instance>,consumerGroupId=<group>|
//   password   base64(HMAC-SHA1(AccessKey Secret, "authId=<AccessKey ID>&timestamp=<ms>"))
struct AmqpCredentials
{
    QString userName;
    QByteArray password;

    static AmqpCredentials sign(const QString& clientId, const QString& accessKeyId,
                                QByteArrayView accessKeySecret, const QString& iotInstanceId,
                                const QString& consumerGroupId, qint64 timestampMs);
    // The text the password signs.
    static QByteArray signContent(const QString& accessKeyId, qint64 timestampMs);
};

} // namespace ConfigDeck::Cloud
