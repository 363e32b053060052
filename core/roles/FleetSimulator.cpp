#include "FleetSimulator.h"

#include "transfer/Downloader.h"
#include "transport/MqttConnection.h"

namespace ConfigDeck::Roles {

namespace {

QString keyOf(const QString& productKey, const QString& deviceName)
{
    return productKey + QLatin1Char('/') + deviceName;
}

} // namespace

FleetSimulator::FleetSimulator(ConnectionFactory connections, OptionsFactory options,
                               QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_connections(std::move(connections))
    , m_options(std::move(options))
    , m_downloader(new Transfer::Downloader(network, this))
{
    m_starter.setInterval(0);
    connect(&m_starter, &QTimer::timeout, this, &FleetSimulator::startSome);
}

FleetSimulator::~FleetSimulator() = default;

void FleetSimulator::setAgentSettings(const AgentSettings& settings)
{
    m_settings = settings;
    for (DeviceAgent* agent : std::as_const(m_agents))
        agent->setSettings(settings);
}

void FleetSimulator::addDevices(const QList<SimulatedDevice>& devices)
{
    m_agents.reserve(m_agents.size() + devices.size());
    for (const SimulatedDevice& device : devices) {
        Transport::MqttConnection* connection = m_connections(this);
        auto* agent = new DeviceAgent(device.identity, connection, m_downloader, this);
        connection->setParent(agent);
        agent->setFaultProfile(device.fault);
        agent->setSettings(m_settings);
        connect(agent, &DeviceAgent::stateChanged, this, &FleetSimulator::stateChanged);
        connect(agent, &DeviceAgent::messageLogged, this, &FleetSimulator::messageLogged);
        connect(connection, &Transport::MqttConnection::connected, this, [this, agent] {
            if (m_online.contains(agent))
                return;
            m_online.insert(agent);
            emit connectedCountChanged(connectedCount());
            if (connectedCount() == expectedOnline())
                emit allConnected();
        });
        connect(connection, &Transport::MqttConnection::disconnected, this,
                [this, agent](const QString& reason) {
                    if (m_online.remove(agent))
                        emit connectedCountChanged(connectedCount());
                    if (!reason.isEmpty())
                        emit connectionError(agent->productKey(), agent->deviceName(), reason);
                });
        m_agents << agent;
        m_identities << device.identity;
        m_byKey.insert(keyOf(device.identity.productKey, device.identity.deviceName), agent);
    }
}

void FleetSimulator::start()
{
    m_starter.start();
}

void FleetSimulator::stop()
{
    m_starter.stop();
    for (DeviceAgent* agent : std::as_const(m_agents))
        agent->stop();
}

void FleetSimulator::startSome()
{
    for (int i = 0; i < m_connectsPerTick && m_nextToStart < m_agents.size(); ++i) {
        DeviceAgent* agent = m_agents.at(m_nextToStart);
        const Alink::DeviceIdentity& identity = m_identities.at(m_nextToStart++);
        if (auto error = agent->start(m_options(identity)))
            emit connectionError(agent->productKey(), agent->deviceName(), error->message());
    }
    if (m_nextToStart >= m_agents.size())
        m_starter.stop();
}

int FleetSimulator::expectedOnline() const
{
    return int(std::count_if(m_agents.cbegin(), m_agents.cend(), [](const DeviceAgent* agent) {
        return agent->faultProfile().kind != FaultProfile::Kind::Offline;
    }));
}

DeviceAgent* FleetSimulator::agent(const QString& productKey, const QString& deviceName) const
{
    return m_byKey.value(keyOf(productKey, deviceName));
}

int FleetSimulator::requestAll()
{
    int requested = 0;
    for (DeviceAgent* agent : std::as_const(m_agents)) {
        if (agent->connection()->isConnected() && agent->requestConfig())
            ++requested;
    }
    return requested;
}

} // namespace ConfigDeck::Roles
