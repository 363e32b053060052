#include "DevicesCommand.h"

#include "CommandSupport.h"
#include "roles/FleetSimulator.h"
#include "transport/MosquittoConnection.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace ConfigDeck::Cli {

DevicesCommand::DevicesCommand(QObject* parent)
    : QObject(parent)
{
}

DevicesCommand::~DevicesCommand() = default;

std::optional<int> DevicesCommand::start(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Simulates devices that take remote configuration, each on its own MQTT "
           "connection."));
    parser.addHelpOption();
    CommandSupport::addBrokerOptions(parser);
    parser.addOptions({
        {QStringLiteral("product"), tr("ProductKey of the simulated devices."), QStringLiteral("pk")},
        {QStringLiteral("count"), tr("Number of devices."), QStringLiteral("n"), QStringLiteral("10")},
        {QStringLiteral("prefix"), tr("DeviceName prefix; names are PREFIX0000, PREFIX0001, ..."),
         QStringLiteral("text"), QStringLiteral("dev-")},
        {QStringLiteral("first"), tr("Index of the first device."), QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("faults"),
         tr("Fault mix, e.g. slow:2000=10%,offline=5%,never=5%,refuses:460=5%,badsign=5%,truncate=5%,"
            "applyfails=2%,slowdownload:1024=2%."),
         QStringLiteral("mix")},
        {QStringLiteral("seed"), tr("Seed that spreads the faults over the fleet."), QStringLiteral("n"),
         QStringLiteral("1")},
        {QStringLiteral("request"), tr("Each device requests its configuration once connected.")},
        {QStringLiteral("exit-after"), tr("Exit when every online device has finished this many exchanges."),
         QStringLiteral("n")},
        {QStringLiteral("duration"), tr("Exit after this many seconds."), QStringLiteral("seconds")},
        {QStringLiteral("workers"), tr("Spread the fleet over this many worker processes."),
         QStringLiteral("n"), QStringLiteral("1")},
        {QStringLiteral("fleet-size"),
         tr("Size of the whole fleet when this process simulates a slice of it."), QStringLiteral("n")},
        {QStringLiteral("max-download"),
         tr("Largest configuration file a device downloads, whatever size the platform announces (Alibaba "
            "Cloud: 65536)."),
         QStringLiteral("bytes"), QString::number(Transfer::DownloadRequest::kDefaultMaxSize)},
        {QStringLiteral("json"), tr("Print one JSON object per line.")},
    });
    if (const auto exitCode = CommandSupport::parse(parser, arguments))
        return *exitCode;
    m_printer = std::make_unique<EventPrinter>(parser.isSet(QStringLiteral("json")));

    const auto broker = CommandSupport::brokerOptions(parser);
    if (!broker)
        return m_printer->usageError(broker.error());
    m_broker = *broker;
    m_productKey = parser.value(QStringLiteral("product"));
    if (m_productKey.isEmpty())
        return m_printer->usageError({QStringLiteral("--product"), tr("is required"), -1});
    m_prefix = parser.value(QStringLiteral("prefix"));
    const auto count = CommandSupport::number(parser, QStringLiteral("count"), 10, 1);
    const auto first = CommandSupport::number(parser, QStringLiteral("first"), 0, 0);
    const auto seed = CommandSupport::number(parser, QStringLiteral("seed"), 1, 0);
    const auto workers = CommandSupport::number(parser, QStringLiteral("workers"), 1, 1);
    const auto exitAfter = CommandSupport::number(parser, QStringLiteral("exit-after"), 0, 0);
    const auto duration = CommandSupport::number(parser, QStringLiteral("duration"), 0, 0);
    const auto maxDownload = CommandSupport::number(parser, QStringLiteral("max-download"),
                                                    Transfer::DownloadRequest::kDefaultMaxSize, 1);
    for (const auto* value : {&count, &first, &seed, &workers, &exitAfter, &duration, &maxDownload}) {
        if (!*value)
            return m_printer->usageError(value->error());
    }
    m_count = *count;
    m_agentSettings.maxDownloadBytes = *maxDownload;
    m_first = *first;
    const auto fleetSize = CommandSupport::number(parser, QStringLiteral("fleet-size"), m_first + m_count, 1);
    if (!fleetSize)
        return m_printer->usageError(fleetSize.error());
    m_fleetSize = *fleetSize;
    m_seed = quint64(*seed);
    m_exitAfterExchanges = *exitAfter;
    m_request = parser.isSet(QStringLiteral("request"));
    const auto mix = Roles::FaultMix::parse(parser.value(QStringLiteral("faults")));
    if (!mix)
        return m_printer->usageError(mix.error());
    m_mix = *mix;

    CommandSupport::onInterrupt(this, [this] { finish(CommandSupport::Interrupted); });
    if (*duration > 0)
        QTimer::singleShot(std::chrono::seconds(*duration), this,
                           [this] { finish(CommandSupport::Success); });

    if (*workers > 1)
        startWorkers(int(*workers), arguments);
    else
        startFleet();
    return std::nullopt;
}

void DevicesCommand::startFleet()
{
    m_fleet =
        new Roles::FleetSimulator([](QObject* parent) { return new Transport::MosquittoConnection(parent); },
                                  [this](const Alink::DeviceIdentity& identity) {
                                      Transport::MqttConnectOptions options = m_broker;
                                      options.clientId =
                                          identity.productKey + QLatin1Char('.') + identity.deviceName;
                                      return options;
                                  },
                                  &m_network, this);
    QList<Roles::SimulatedDevice> devices;
    devices.reserve(m_count);
    for (qint64 i = 0; i < m_count; ++i) {
        const qint64 index = m_first + i;
        const QString name = m_prefix + QStringLiteral("%1").arg(index, 4, 10, QLatin1Char('0'));
        // Faults are spread over the whole fleet, so that workers together hold exactly the mix's shares.
        devices << Roles::SimulatedDevice{{m_productKey, name, {}},
                                          m_mix.profileFor(index, m_fleetSize, m_seed)};
    }
    m_fleet->setAgentSettings(m_agentSettings);
    m_fleet->addDevices(devices);

    for (Roles::DeviceAgent* agent : m_fleet->agents()) {
        connect(agent, &Roles::DeviceAgent::exchangeFinished, this,
                [this, agent](const QString& id, int code, const QString& reason) {
                    onExchange(agent->productKey(), agent->deviceName(), id, code, reason);
                });
        if (m_request) {
            connect(agent->connection(), &Transport::MqttConnection::connected, agent,
                    [agent] { agent->requestConfig(); });
        }
    }
    connect(m_fleet, &Roles::FleetSimulator::connectionError, this,
            [this](const QString& productKey, const QString& deviceName, const QString& reason) {
                ++m_refusals;
                m_printer->event(QStringLiteral("connection-error"),
                                 {{QStringLiteral("productKey"), productKey},
                                  {QStringLiteral("deviceName"), deviceName},
                                  {QStringLiteral("reason"), reason}},
                                 tr("%1/%2: %3").arg(productKey, deviceName, reason));
            });
    connect(m_fleet, &Roles::FleetSimulator::connectedCountChanged, this, [this](int connected) {
        m_printer->progress(tr("%1 of %2 devices online, %3 exchanges")
                                .arg(connected)
                                .arg(m_fleet->expectedOnline())
                                .arg(m_exchanges));
    });
    connect(m_fleet, &Roles::FleetSimulator::allConnected, this, [this] {
        m_printer->event(QStringLiteral("online"),
                         {{QStringLiteral("devices"), m_fleet->size()},
                          {QStringLiteral("online"), m_fleet->connectedCount()}},
                         tr("%1 of %2 devices online").arg(m_fleet->connectedCount()).arg(m_fleet->size()));
    });
    m_fleet->start();
}

void DevicesCommand::startWorkers(int workers, const QStringList& arguments)
{
    // Each worker runs this same command on its slice, in JSON; this process adds the results up.
    // Every argument but those that describe this process's own slice.
    const QStringList sliceOptions{QStringLiteral("--workers"), QStringLiteral("--first"),
                                   QStringLiteral("--count"), QStringLiteral("--fleet-size")};
    QStringList base;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        const QString name = argument.section(QLatin1Char('='), 0, 0);
        if (argument == QLatin1String("--json"))
            continue;
        if (sliceOptions.contains(name)) {
            if (!argument.contains(QLatin1Char('=')))
                ++i; // its value is the next argument
            continue;
        }
        base << argument;
    }
    const qint64 slice = (m_count + workers - 1) / workers;
    for (int w = 0; w < workers; ++w) {
        const qint64 first = m_first + w * slice;
        const qint64 count = qMin(slice, m_first + m_count - first);
        if (count <= 0)
            break;
        auto* process = new QProcess(this);
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        connect(process, &QProcess::readyReadStandardOutput, this, [this, process] {
            while (process->canReadLine())
                takeWorkerLine(process->readLine().trimmed());
        });
        connect(process, &QProcess::finished, this, [this, process] {
            while (process->canReadLine())
                takeWorkerLine(process->readLine().trimmed());
            if (++m_workersFinished == m_workers.size() && !m_finished)
                finish(m_refusals > 0 ? CommandSupport::Refused : CommandSupport::Success);
        });
        QStringList workerArguments = QStringList{QStringLiteral("devices")} + base;
        workerArguments << QStringLiteral("--first") << QString::number(first) << QStringLiteral("--count")
                        << QString::number(count) << QStringLiteral("--fleet-size")
                        << QString::number(m_fleetSize) << QStringLiteral("--json");
        process->start(QCoreApplication::applicationFilePath(), workerArguments);
        m_workers << process;
    }
}

void DevicesCommand::takeWorkerLine(const QByteArray& line)
{
    if (line.isEmpty())
        return;
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    const QString type = object.value(QStringLiteral("event")).toString();
    if (type == QLatin1String("summary")) {
        const QJsonObject codes = object.value(QStringLiteral("codes")).toObject();
        for (auto it = codes.begin(); it != codes.end(); ++it)
            m_codes[it.key().toInt()] += it.value().toInteger();
        m_exchanges += object.value(QStringLiteral("exchanges")).toInteger();
        m_workerOnline += object.value(QStringLiteral("online")).toInteger();
        m_refusals += object.value(QStringLiteral("connectionErrors")).toInteger();
        m_workerPeakRssKb = qMax(m_workerPeakRssKb, object.value(QStringLiteral("peakRssKb")).toInteger());
        return;
    }
    if (m_printer->isJson()) {
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
    } else if (type == QLatin1String("exchange") || type == QLatin1String("connection-error")) {
        m_printer->event(type, object, object.value(QStringLiteral("text")).toString());
    }
}

void DevicesCommand::onExchange(const QString& productKey, const QString& deviceName,
                                const QString& messageId, int code, const QString& reason)
{
    ++m_exchanges;
    ++m_codes[code];
    m_printer->event(
        QStringLiteral("exchange"),
        {{QStringLiteral("productKey"), productKey},
         {QStringLiteral("deviceName"), deviceName},
         {QStringLiteral("id"), messageId},
         {QStringLiteral("code"), code},
         {QStringLiteral("reason"), reason},
         {QStringLiteral("text"), tr("%1/%2: %3 %4").arg(productKey, deviceName).arg(code).arg(reason)}},
        tr("%1/%2: %3 %4").arg(productKey, deviceName).arg(code).arg(reason));
    if (m_exitAfterExchanges > 0 &&
        ++m_exchangesPerDevice[productKey + QLatin1Char('/') + deviceName] == m_exitAfterExchanges) {
        ++m_devicesDone;
        checkDone();
    }
}

void DevicesCommand::checkDone()
{
    // Devices that reply at all: online ones, minus those that never reply.
    qint64 answering = 0;
    for (Roles::DeviceAgent* agent : m_fleet->agents()) {
        const auto kind = agent->faultProfile().kind;
        if (kind != Roles::FaultProfile::Kind::Offline && kind != Roles::FaultProfile::Kind::NeverReplies)
            ++answering;
    }
    if (m_devicesDone >= answering)
        finish(CommandSupport::Success);
}

void DevicesCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    for (QProcess* worker : std::as_const(m_workers)) {
        if (worker->state() != QProcess::NotRunning) {
            worker->terminate();
            worker->waitForFinished(5000);
            while (worker->canReadLine())
                takeWorkerLine(worker->readLine().trimmed());
        }
    }
    printSummary(); // before stopping, while the online count still means something
    if (m_fleet)
        m_fleet->stop();
    if (exitCode == CommandSupport::Success && m_refusals > 0)
        exitCode = CommandSupport::Refused;
    emit finished(exitCode);
}

void DevicesCommand::printSummary()
{
    QJsonObject codes;
    const QString codesText = EventPrinter::describeCounts(m_codes, codes);
    const qint64 online = m_fleet ? m_fleet->connectedCount() : m_workerOnline;
    const qint64 devices = m_count;
    m_printer->event(QStringLiteral("summary"),
                     {{QStringLiteral("devices"), devices},
                      {QStringLiteral("online"), online},
                      {QStringLiteral("exchanges"), m_exchanges},
                      {QStringLiteral("connectionErrors"), m_refusals},
                      {QStringLiteral("codes"), codes},
                      {QStringLiteral("peakRssKb"), qMax(EventPrinter::peakRssKb(), m_workerPeakRssKb)}},
                     tr("%1 devices, %2 online, %3 exchanges; codes: %4")
                         .arg(devices)
                         .arg(online)
                         .arg(m_exchanges)
                         .arg(codesText));
}

} // namespace ConfigDeck::Cli
