#pragma once

#include "alink/AlinkError.h"
#include "alink/DeviceCredentials.h"
#include "transport/MqttConnectOptions.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ConfigDeck::Cloud {

// How ConfigDeck reaches Alibaba Cloud IoT Platform as a device: the endpoint (a public instance by region,
// or an instance by id), the port, TLS with the platform's root certificate, the MQTT sign method and the
// keep-alive. connectOptions() turns it and one identity into the exact CONNECT fields the official SDKs
// send.
class CloudProfile
{
    Q_DECLARE_TR_FUNCTIONS(CloudProfile)

public:
    enum class EndpointKind
    {
        Region,
        Instance
    };

    EndpointKind endpointKind = EndpointKind::Instance;
    QString regionId;    // e.g. cn-shanghai: {pk}.iot-as-mqtt.{region}.aliyuncs.com
    QString instanceId;  // e.g. iot-06z00ax1o4ly: {instanceId}.mqtt.iothub.aliyuncs.com
    quint16 port = 1883; // 1883, 8883 or 443; TLS on 1883 and 443 uses GlobalSign Root CA R1
    bool tls = true;     // off: securemode 3, plain TCP, only when the operator asks for it
    QString caFile;      // PEM roots to trust instead of the shipped GlobalSign Root CA R1
    Alink::MqttSignMethod signMethod = Alink::MqttSignMethod::HmacSha256;
    int keepAliveSeconds = 60;
    // For tests and private deployments: connect here instead of the platform's endpoint.
    QString hostOverride;
    quint16 portOverride = 0; // 0: port

    static constexpr quint16 kPorts[] = {1883, 8883, 443};

    // The host name the device connects to (hostOverride when set).
    QString host(const QString& productKey) const;
    quint16 effectivePort() const { return portOverride ? portOverride : port; }

    // Why the profile cannot be used, naming the field, or nothing.
    std::optional<Alink::AlinkError> validate() const;

    // The CONNECT options for one identity: endpoint, port, SDK-form clientId
    // ({pk}.{dn}|securemode=2,signmethod=hmacsha256,timestamp=...,_v=configdeck-x.y.z|), username and signed
    // password, TLS with the CA file, keep-alive, MQTT 3.1.1, clean session, no automatic reconnection (a
    // reconnect would kick a live device off again).
    Alink::Expected<Transport::MqttConnectOptions> connectOptions(const Alink::DeviceIdentity& identity,
                                                                  qint64 timestampMs) const;

    // The words shown before connecting without TLS; empty when TLS is on.
    QString warning() const { return tls ? QString() : plainTcpWarning(); }
    static QString plainTcpWarning();

    // A PEM file holding the shipped GlobalSign Root CA R1 (extracted from the resources once per process).
    static Alink::Expected<QString> bundledRootCaPath();

    // What to do in the cloud console about a code the platform answered with (6713, 6710, ...); empty when
    // there is nothing more to say than the code's meaning.
    static QString advice(int code);
    // What to check when the platform refused the connection with this reason (bad user name or password,
    // not authorized); empty when there is no advice.
    static QString refusalAdvice(const QString& reason);

    QJsonObject toJson() const;
    static Alink::Expected<CloudProfile> fromJson(const QJsonObject& object);

    bool operator==(const CloudProfile&) const = default;
};

} // namespace ConfigDeck::Cloud
