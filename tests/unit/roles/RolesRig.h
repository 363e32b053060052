#pragma once

// A platform, its file server and a simulated fleet wired together over one broker, for the roles tests.
// The broker is the in-process one, or a real Mosquitto when a port is given.

#include "roles/FleetSimulator.h"
#include "roles/PlatformService.h"
#include "transfer/FileServer.h"
#include "transport/InProcessBroker.h"
#include "transport/InProcessConnection.h"
#include "transport/MosquittoConnection.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

namespace ConfigDeck::Tests {

// The configuration most roles tests publish, and the device names RolesRig::addDevices gives.
inline const QByteArray kRolesTestConfig =
    "{\"reportInterval\":60,\"server\":\"mqtt.example.com\",\"features\":[1,2,3]}";

inline QStringList rigDeviceNames(int count)
{
    QStringList names;
    for (int i = 0; i < count; ++i)
        names << QStringLiteral("dev-%1").arg(i, 4, 10, QLatin1Char('0'));
    return names;
}

class RolesRig
{
public:
    // port 0: the in-process broker
    explicit RolesRig(quint16 mosquittoPort = 0)
        : m_port(mosquittoPort)
        , fileServer([this](const QString& sha) { return platform->content(sha); })
    {
        if (!m_port)
            broker = std::make_unique<Transport::InProcessBroker>();
        platformConnection = makeConnection(nullptr);
        platform = std::make_unique<Roles::PlatformService>(platformConnection, &fileServer);
        fleet = std::make_unique<Roles::FleetSimulator>(
            [this](QObject* parent) { return makeConnection(parent); },
            [this](const Alink::DeviceIdentity& identity) {
                return options(identity.productKey + u'.' + identity.deviceName);
            },
            &network);
    }

    ~RolesRig()
    {
        fleet.reset();
        platform.reset();
        delete platformConnection;
    }

    Transport::MqttConnection* makeConnection(QObject* parent)
    {
        if (m_port)
            return new Transport::MosquittoConnection(parent);
        return new Transport::InProcessConnection(broker.get(), parent);
    }

    Transport::MqttConnectOptions options(const QString& clientId) const
    {
        Transport::MqttConnectOptions options;
        options.host = QStringLiteral("127.0.0.1");
        options.port = m_port ? m_port : 1883;
        options.clientId = clientId;
        options.reconnect.minDelayMs = 100;
        options.reconnect.maxDelayMs = 1000;
        return options;
    }

    // Starts the file server and the platform; true when the platform is connected and subscribed.
    bool startPlatform()
    {
        if (!fileServer.listen())
            return false;
        if (platformConnection->connectToBroker(options(QStringLiteral("configdeck-platform"))))
            return false;
        if (platform->start())
            return false;
        return QTest::qWaitFor([this] { return platformConnection->isConnected(); }, 10000);
    }

    // Adds `count` devices named dev-0000.. of product `productKey` with the given faults, known to the
    // platform.
    void addDevices(const QString& productKey, int count, const Roles::FaultMix& mix = {}, quint64 seed = 7)
    {
        QList<Roles::SimulatedDevice> devices;
        Roles::PlatformProduct product = platform->product(productKey) ? *platform->product(productKey)
                                                                       : Roles::PlatformProduct{productKey};
        const QStringList names = rigDeviceNames(count);
        for (int i = 0; i < count; ++i) {
            const QString& name = names.at(i);
            devices << Roles::SimulatedDevice{{productKey, name, QStringLiteral("secret-%1").arg(i)},
                                              mix.profileFor(i, count, seed)};
            product.devices.insert(name);
        }
        platform->setProduct(product);
        fleet->addDevices(devices);
    }

    bool startFleet(int timeoutMs = 20000)
    {
        fleet->start();
        return QTest::qWaitFor([this] { return fleet->connectedCount() == fleet->expectedOnline(); },
                               timeoutMs);
    }

private:
    quint16 m_port = 0; // first: the members below are made with it

public:
    std::unique_ptr<Transport::InProcessBroker> broker;
    QNetworkAccessManager network;
    Transport::MqttConnection* platformConnection = nullptr;
    std::unique_ptr<Roles::PlatformService> platform;
    Transfer::FileServer fileServer;
    std::unique_ptr<Roles::FleetSimulator> fleet;
};

} // namespace ConfigDeck::Tests
