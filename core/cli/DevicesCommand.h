#pragma once

#include "EventPrinter.h"
#include "roles/DeviceAgent.h"
#include "roles/FaultProfile.h"
#include "transport/MqttConnectOptions.h"

#include <QMap>
#include <QNetworkAccessManager>
#include <QObject>
#include <QProcess>

#include <memory>

namespace ConfigDeck::Roles {
class FleetSimulator;
}

namespace ConfigDeck::Cli {

// `configdeck-cli devices`: N simulated devices, each its own MQTT connection, with a fault mix. With
// --workers W it spreads the fleet over W worker processes of itself (each connection costs 3 file
// descriptors, so one process holds about 6,600 devices).
class DevicesCommand final : public QObject
{
    Q_OBJECT

public:
    explicit DevicesCommand(QObject* parent = nullptr);
    ~DevicesCommand() override;

    // Parses the arguments and starts; returns an exit code when there is nothing to run.
    std::optional<int> start(const QStringList& arguments);

signals:
    void finished(int exitCode);

private:
    void startFleet();
    void startWorkers(int workers, const QStringList& arguments);
    void takeWorkerLine(const QByteArray& line);
    void onExchange(const QString& productKey, const QString& deviceName, const QString& messageId, int code,
                    const QString& reason);
    void checkDone();
    void finish(int exitCode);
    void printSummary();

    std::unique_ptr<EventPrinter> m_printer;
    Transport::MqttConnectOptions m_broker;
    QString m_productKey;
    QString m_prefix;
    QString m_secret;
    qint64 m_first = 0;
    qint64 m_count = 0;
    qint64 m_fleetSize = 0;
    Roles::FaultMix m_mix;
    Roles::AgentSettings m_agentSettings;
    quint64 m_seed = 1;
    bool m_request = false;
    qint64 m_exitAfterExchanges = 0; // per online device; 0 = run until interrupted or --duration
    QNetworkAccessManager m_network;
    Roles::FleetSimulator* m_fleet = nullptr;
    QList<QProcess*> m_workers;
    QMap<int, qint64> m_codes;
    QHash<QString, int> m_exchangesPerDevice;
    qint64 m_exchanges = 0;
    qint64 m_devicesDone = 0;
    qint64 m_workerOnline = 0;
    qint64 m_refusals = 0;
    qint64 m_workerPeakRssKb = 0;
    int m_workersFinished = 0;
    bool m_finished = false;
};

} // namespace ConfigDeck::Cli
