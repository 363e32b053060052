#pragma once

#include "DeviceAgent.h"
#include "FaultProfile.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace ConfigDeck::Transport {
struct MqttConnectOptions;
}

namespace ConfigDeck::Roles {

struct SimulatedDevice
{
    Alink::DeviceIdentity identity;
    FaultProfile fault;
};

// N device agents, each on its own MQTT connection, sharing one network manager for downloads. The transport
// is whatever the connection factory makes: the in-process broker in Demo mode, libmosquitto on a real
// broker.
class FleetSimulator final : public QObject
{
    Q_OBJECT

public:
    using ConnectionFactory = std::function<Transport::MqttConnection*(QObject* parent)>;
    using OptionsFactory =
        std::function<Transport::MqttConnectOptions(const Alink::DeviceIdentity& identity)>;

    FleetSimulator(ConnectionFactory connections, OptionsFactory options, QNetworkAccessManager* network,
                   QObject* parent = nullptr);
    ~FleetSimulator() override;

    // For the agents there are and those added later.
    void setAgentSettings(const AgentSettings& settings);
    // How many connections are opened per event-loop tick, so a large fleet does not flood the broker.
    void setConnectsPerTick(int count) { m_connectsPerTick = qMax(1, count); }

    void addDevices(const QList<SimulatedDevice>& devices);
    void start();
    void stop();

    int size() const { return int(m_agents.size()); }
    int connectedCount() const { return int(m_online.size()); }
    // Devices expected online: every device whose profile is not Offline.
    int expectedOnline() const;
    DeviceAgent* agent(const QString& productKey, const QString& deviceName) const;
    const QList<DeviceAgent*>& agents() const { return m_agents; }
    Transfer::Downloader* downloader() const { return m_downloader; }

    // Makes every started agent request its configuration.
    int requestAll();

signals:
    void stateChanged(const ConfigDeck::Store::DeviceStateUpdate& update);
    void messageLogged(const ConfigDeck::Store::MessageLogEntry& entry);
    void connectedCountChanged(int connected);
    void allConnected();
    void connectionError(const QString& productKey, const QString& deviceName, const QString& reason);

private:
    void startSome();

    ConnectionFactory m_connections;
    OptionsFactory m_options;
    Transfer::Downloader* m_downloader;
    AgentSettings m_settings;
    QList<DeviceAgent*> m_agents;
    QList<Alink::DeviceIdentity> m_identities; // with secrets, for signed connections
    QSet<DeviceAgent*> m_online;
    QHash<QString, DeviceAgent*> m_byKey;
    QTimer m_starter;
    int m_nextToStart = 0;
    int m_connectsPerTick = 50;
};

} // namespace ConfigDeck::Roles
