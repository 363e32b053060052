#pragma once

#include "AlinkError.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace ConfigDeck::Alink {

struct DeviceIdentity
{
    QString productKey;
    QString deviceName;
    QString deviceSecret;
};

enum class MqttSignMethod
{
    HmacMd5,
    HmacSha1,
    HmacSha256
};

enum class SecureMode
{
    Tls = 2,
    PlainTcp = 3, // refused for accounts made after 2022-08-02
};

struct SignOptions
{
    QString clientId; // empty: "{productKey}.{deviceName}", as the official SDKs do
    MqttSignMethod method = MqttSignMethod::HmacSha256;
    SecureMode secureMode = SecureMode::Tls;
    std::optional<qint64> timestamp; // ms since the epoch; left out of clientId and content when absent
    QStringList extensions;          // extra "key=value" parameters, e.g. "_v=sdk-c-4.1.0", "lan=C"
};

// The three MQTT CONNECT fields that authenticate a device identity with the platform.
struct MqttCredentials
{
    QString clientId; // as sent on the wire, with the |...| parameters
    QString username; // {deviceName}&{productKey}
    QString password; // uppercase hex HMAC over the sorted parameters
};

// Where a device connects: a public instance by region or an instance by id.
struct CloudEndpoint
{
    enum class Kind
    {
        Region,
        Instance
    };
    Kind kind = Kind::Instance;
    QString regionOrInstanceId;
    quint16 port = 8883;

    QString host(const QString& productKey) const;
};

// Alibaba Cloud IoT Platform's device signing for MQTT (help document 73742).
class DeviceCredentials
{
    Q_DECLARE_TR_FUNCTIONS(DeviceCredentials)

public:
    static MqttCredentials sign(const DeviceIdentity& identity, const SignOptions& options);

    // The text the HMAC is computed over: parameters sorted by name, concatenated without separators.
    static QString signContent(const DeviceIdentity& identity, const QString& clientId,
                               std::optional<qint64> timestamp);
    static QByteArray hmac(MqttSignMethod method, const QByteArray& key, const QByteArray& content);

    static QString methodName(MqttSignMethod method);
    static std::optional<MqttSignMethod> methodFromName(QStringView name);

    static constexpr int kMinKeepAlive = 30;
    static constexpr int kMaxKeepAlive = 1200;
    static std::optional<AlinkError> validateKeepAlive(int seconds);
    static std::optional<AlinkError> validateIdentity(const DeviceIdentity& identity);
};

} // namespace ConfigDeck::Alink
