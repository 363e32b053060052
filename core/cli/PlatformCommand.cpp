#include "PlatformCommand.h"

#include "CommandSupport.h"
#include "roles/SharedRollout.h"
#include "roles/WorkspaceRecorder.h"
#include "session/ConsoleSession.h"
#include "session/UrlSigningKey.h"
#include "store/Workspace.h"
#include "transfer/FileServer.h"
#include "transfer/TlsIdentity.h"
#include "transport/MosquittoConnection.h"
#include "transport/TopicFilter.h"

#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonObject>
#include <QTimer>

namespace ConfigDeck::Cli {

using Store::OutcomeState;
using Store::RolloutState;

namespace {

// How long an exit waits for outgoing messages to be acknowledged.
constexpr std::chrono::seconds kFlushWait{5};

QString outcomeName(OutcomeState state)
{
    switch (state) {
    case OutcomeState::Pending:
        return QStringLiteral("pending");
    case OutcomeState::Pushed:
        return QStringLiteral("pushed");
    case OutcomeState::Succeeded:
        return QStringLiteral("succeeded");
    case OutcomeState::Failed:
        return QStringLiteral("failed");
    case OutcomeState::TimedOut:
        return QStringLiteral("timed-out");
    case OutcomeState::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

} // namespace

PlatformCommand::PlatformCommand(QObject* parent)
    : QObject(parent)
{
}

PlatformCommand::~PlatformCommand()
{
    delete m_rollout; // before the workspace it works in
}

std::optional<int> PlatformCommand::start(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Serves remote configuration on an MQTT broker as Alibaba Cloud IoT "
                                        "Platform does, and pushes or rolls "
                                        "out a configuration."));
    parser.addHelpOption();
    CommandSupport::addBrokerOptions(parser);
    CommandSupport::addWorkspaceOptions(parser); // here: where the platform records what it does
    parser.addOptions({
        {QStringLiteral("product"), tr("ProductKey to serve."), QStringLiteral("pk")},
        {QStringLiteral("config"), tr("The configuration file to serve and push."), QStringLiteral("file")},
        {QStringLiteral("devices"),
         tr("Number of known devices, named PREFIX0000, PREFIX0001, ... (other devices get 6100)."),
         QStringLiteral("n")},
        {QStringLiteral("prefix"), tr("DeviceName prefix for --devices."), QStringLiteral("text"),
         QStringLiteral("dev-")},
        {QStringLiteral("device-list"), tr("File with one DeviceName per line: the known devices."),
         QStringLiteral("file")},
        {QStringLiteral("disabled"),
         tr("Remote configuration switched off for the product: gets answer 6713.")},
        {QStringLiteral("alibaba-limits"),
         tr("Behave exactly as the cloud: product scope, JSON only, 64 KB, one push per product per hour.")},
        {QStringLiteral("http-host"), tr("Address the file server listens on."), QStringLiteral("address"),
         QStringLiteral("127.0.0.1")},
        {QStringLiteral("http-port"), tr("Port of the file server (0: any free port)."),
         QStringLiteral("port"), QStringLiteral("0")},
        {QStringLiteral("http-idle-timeout"),
         tr("Seconds after which the file server closes a connection without traffic."),
         QStringLiteral("seconds"), QString::number(Transfer::FileServer::Limits().idleTimeout.count())},
        {QStringLiteral("http-max-connections"), tr("Connections the file server keeps open at most."),
         QStringLiteral("n"), QString::number(Transfer::FileServer::Limits().maxConnections)},
        {QStringLiteral("http-max-per-address"),
         tr("Connections the file server keeps open at most from one address."), QStringLiteral("n"),
         QString::number(Transfer::FileServer::Limits().maxConnectionsPerAddress)},
        {QStringLiteral("http-share-port"),
         tr("Let the other platform processes on this machine listen on the same --http-port: connections "
            "are "
            "spread over them, and a URL signed with the workspace's key downloads from any of them.")},
        {QStringLiteral("public-host"), tr("Host name devices use to reach the file server."),
         QStringLiteral("host")},
        {QStringLiteral("https-cert"), tr("Serve files over HTTPS with this certificate (PEM)."),
         QStringLiteral("file")},
        {QStringLiteral("https-key"), tr("Private key (PEM) of the HTTPS certificate."),
         QStringLiteral("file")},
        {QStringLiteral("url-validity"), tr("Validity of the signed download URLs in seconds."),
         QStringLiteral("seconds"), QStringLiteral("1800")},
        {QStringLiteral("push"), tr("Push the configuration to every known device.")},
        {QStringLiteral("rollout"), tr("Push in a staged rollout to every known device.")},
        {QStringLiteral("batch"), tr("Rollout batch size."), QStringLiteral("n"), QStringLiteral("100")},
        {QStringLiteral("rate"), tr("Rollout pushes per second (0: no limit)."), QStringLiteral("n"),
         QStringLiteral("0")},
        {QStringLiteral("timeout"), tr("Seconds to wait for each device's reply."), QStringLiteral("seconds"),
         QStringLiteral("60")},
        {QStringLiteral("abort"), tr("Abort the rollout when this share of devices failed."),
         QStringLiteral("share"), QStringLiteral("20%")},
        {QStringLiteral("after-gets"),
         tr("Start the push or rollout once this many devices requested their "
            "configuration."),
         QStringLiteral("n")},
        {QStringLiteral("after"), tr("Start the push or rollout this many seconds after connecting."),
         QStringLiteral("seconds")},
        {QStringLiteral("serve"), tr("Keep serving after the push or rollout finished.")},
        {QStringLiteral("allow-failures"), tr("Exit 0 when a rollout completed even if devices failed.")},
        {QStringLiteral("share-group"),
         tr("Share the devices' requests and replies with the other platform processes of this group (an "
            "MQTT "
            "shared subscription, $share/NAME/...): the broker hands each to one of them."),
         QStringLiteral("name")},
        {QStringLiteral("operator"),
         tr("Who runs this platform, recorded with its pushes and rollouts (default: the account name)."),
         QStringLiteral("name")},
        {QStringLiteral("json"), tr("Print one JSON object per line.")},
    });
    if (const auto exitCode = CommandSupport::parse(parser, arguments))
        return *exitCode;
    m_printer = std::make_unique<EventPrinter>(parser.isSet(QStringLiteral("json")));

    auto broker = CommandSupport::brokerOptions(parser);
    if (!broker)
        return m_printer->usageError(broker.error());
    // One per process: N platform processes on one broker must not take each other's session.
    broker->clientId = Transport::MqttConnectOptions::processClientId(QStringLiteral("configdeck-platform"));
    m_operatorName = parser.isSet(QStringLiteral("operator"))
                         ? parser.value(QStringLiteral("operator")).trimmed()
                         : Session::ConsoleSession::defaultOperatorName();
    if (parser.isSet(QStringLiteral("operator")) && m_operatorName.isEmpty())
        return m_printer->usageError({QStringLiteral("--operator"), tr("the operator's name is empty"), -1});
    m_shareGroup = parser.value(QStringLiteral("share-group"));
    if (parser.isSet(QStringLiteral("share-group"))) {
        if (auto invalid = Transport::TopicFilter::validateShareName(m_shareGroup))
            return m_printer->usageError({QStringLiteral("--share-group"), invalid->reason, -1});
    }
    m_productKey = parser.value(QStringLiteral("product"));
    if (m_productKey.isEmpty())
        return m_printer->usageError({QStringLiteral("--product"), tr("is required"), -1});

    // Known devices.
    const auto deviceCount = CommandSupport::number(parser, QStringLiteral("devices"), 0, 0);
    if (!deviceCount)
        return m_printer->usageError(deviceCount.error());
    for (qint64 i = 0; i < *deviceCount; ++i)
        m_devices << parser.value(QStringLiteral("prefix")) +
                         QStringLiteral("%1").arg(i, 4, 10, QLatin1Char('0'));
    if (parser.isSet(QStringLiteral("device-list"))) {
        QFile list(parser.value(QStringLiteral("device-list")));
        if (!list.open(QIODevice::ReadOnly | QIODevice::Text))
            return m_printer->usageError({QStringLiteral("--device-list"),
                                          tr("cannot read %1: %2").arg(list.fileName(), list.errorString()),
                                          -1});
        for (const QByteArray& line : list.readAll().split('\n')) {
            if (const QString name = QString::fromUtf8(line).trimmed(); !name.isEmpty())
                m_devices << name;
        }
    }

    m_action = parser.isSet(QStringLiteral("rollout")) ? Action::Rollout
               : parser.isSet(QStringLiteral("push"))  ? Action::Push
                                                       : Action::Serve;
    if (m_action != Action::Serve && m_devices.isEmpty() && !parser.isSet(QStringLiteral("workspace")))
        return m_printer->usageError(
            {QStringLiteral("--devices"),
             tr("a push or rollout needs the known devices (--devices, --device-list or --workspace)"), -1});
    const auto afterGets = CommandSupport::number(parser, QStringLiteral("after-gets"), 0, 0);
    const auto after = CommandSupport::number(parser, QStringLiteral("after"), 0, 0);
    const auto batch = CommandSupport::number(parser, QStringLiteral("batch"), 100, 1);
    const auto rate = CommandSupport::number(parser, QStringLiteral("rate"), 0, 0);
    const auto timeout = CommandSupport::number(parser, QStringLiteral("timeout"), 60, 1);
    const auto validity = CommandSupport::number(parser, QStringLiteral("url-validity"), 1800, 1);
    const auto httpPort = CommandSupport::number(parser, QStringLiteral("http-port"), 0, 0);
    const Transfer::FileServer::Limits defaults;
    const auto idleTimeout =
        CommandSupport::number(parser, QStringLiteral("http-idle-timeout"), defaults.idleTimeout.count(), 1);
    const auto maxConnections =
        CommandSupport::number(parser, QStringLiteral("http-max-connections"), defaults.maxConnections, 1);
    const auto maxPerAddress = CommandSupport::number(parser, QStringLiteral("http-max-per-address"),
                                                      defaults.maxConnectionsPerAddress, 1);
    const auto abort = CommandSupport::share(parser, QStringLiteral("abort"), 0.2);
    for (const auto* value : {&afterGets, &after, &batch, &rate, &timeout, &validity, &httpPort, &idleTimeout,
                              &maxConnections, &maxPerAddress}) {
        if (!*value)
            return m_printer->usageError(value->error());
    }
    if (!abort)
        return m_printer->usageError(abort.error());
    Transfer::FileServer::Limits fileServerLimits;
    fileServerLimits.idleTimeout = std::chrono::seconds(*idleTimeout);
    fileServerLimits.maxConnections = int(std::min<qint64>(*maxConnections, 1'000'000));
    fileServerLimits.maxConnectionsPerAddress = int(std::min<qint64>(*maxPerAddress, 1'000'000));
    m_afterGets = *afterGets;
    m_afterSeconds = *after;
    m_serveAfter = parser.isSet(QStringLiteral("serve"));
    m_allowFailures = parser.isSet(QStringLiteral("allow-failures"));
    m_plan.productKey = m_productKey;
    m_plan.batchSize = int(*batch);
    m_plan.ratePerSecond = double(*rate);
    m_plan.timeout = std::chrono::seconds(*timeout);
    m_plan.abortThreshold = *abort;

    // The file server and the platform service.
    m_connection = new Transport::MosquittoConnection(this);
    m_fileServer =
        new Transfer::FileServer([this](const QString& sha) { return m_platform->content(sha); }, this);
    m_platform = new Roles::PlatformService(m_connection, m_fileServer, this);
    Roles::PlatformSettings settings;
    settings.alibabaLimits = parser.isSet(QStringLiteral("alibaba-limits"));
    settings.urlValidity = std::chrono::seconds(*validity);
    settings.shareGroup = m_shareGroup;
    m_platform->setSettings(settings);
    if (parser.isSet(QStringLiteral("workspace"))) {
        QString warning;
        auto workspace = CommandSupport::openWorkspace(parser, &warning);
        if (!workspace)
            return m_printer->usageError(workspace.error());
        if (!warning.isEmpty())
            m_printer->event(QStringLiteral("warning"), {{QStringLiteral("text"), warning}},
                             tr("Warning: %1").arg(warning));
        m_workspace = std::move(*workspace);
        // The workspace's URL-signing key: a URL this process gives is good at every platform of the
        // workspace (behind one host name), and theirs here.
        if (const auto ownKey = Session::UrlSigningKey::applyTo(*m_fileServer, *m_workspace))
            m_printer->event(QStringLiteral("warning"), {{QStringLiteral("text"), *ownKey}},
                             tr("Warning: %1").arg(*ownKey));
        else
            m_printer->event(
                QStringLiteral("url-signing"),
                {{QStringLiteral("accessKeyId"), m_fileServer->accessKeyId()},
                 {QStringLiteral("shared"), true}},
                tr("Download URLs are signed with the workspace's key %1").arg(m_fileServer->accessKeyId()));
        m_recorder = std::make_unique<Roles::WorkspaceRecorder>(m_workspace.get());
        m_recorder->setOperatorName(m_operatorName);
        connect(m_platform, &Roles::PlatformService::messageLogged, m_recorder.get(),
                &Roles::WorkspaceRecorder::recordMessage);
        connect(m_platform, &Roles::PlatformService::deviceStateChanged, m_recorder.get(),
                &Roles::WorkspaceRecorder::recordState);
        connect(m_recorder.get(), &Roles::WorkspaceRecorder::errorOccurred, this,
                [this](const QString& message) {
                    m_printer->event(QStringLiteral("workspace-error"), {{QStringLiteral("reason"), message}},
                                     message);
                });
        // Without a list of its own the platform serves the workspace's devices of the product.
        if (m_devices.isEmpty()) {
            const auto names = m_workspace->identities().deviceNames(m_productKey);
            if (!names)
                return m_printer->usageError({QStringLiteral("--workspace"), names.error().message(), -1});
            m_devices = *names;
            if (m_devices.isEmpty() && m_action != Action::Serve)
                return m_printer->usageError({QStringLiteral("--product"),
                                              tr("the workspace %1 has no devices of product %2")
                                                  .arg(m_workspace->path(), m_productKey),
                                              -1});
        }
    }
    m_plan.devices = m_devices;

    Roles::PlatformProduct product;
    product.productKey = m_productKey;
    product.devices = QSet<QString>(m_devices.cbegin(), m_devices.cend());
    product.remoteConfigEnabled = !parser.isSet(QStringLiteral("disabled"));
    m_platform->setProduct(product);
    if (parser.isSet(QStringLiteral("config"))) {
        QFile file(parser.value(QStringLiteral("config")));
        if (!file.open(QIODevice::ReadOnly))
            return m_printer->usageError({QStringLiteral("--config"),
                                          tr("cannot read %1: %2").arg(file.fileName(), file.errorString()),
                                          -1});
        const auto published =
            m_platform->publishConfig(m_productKey, file.readAll(), QFileInfo(file).fileName());
        if (!published)
            return m_printer->usageError(published.error());
        m_printer->event(QStringLiteral("published"),
                         {{QStringLiteral("productKey"), m_productKey},
                          {QStringLiteral("configId"), published->configId},
                          {QStringLiteral("sha256"), published->sha256},
                          {QStringLiteral("size"), published->content.size()}},
                         tr("Serving %1 (%2 bytes, SHA-256 %3) for product %4")
                             .arg(published->fileName)
                             .arg(published->content.size())
                             .arg(published->sha256, m_productKey));
    } else if (m_action != Action::Serve) {
        return m_printer->usageError(
            {QStringLiteral("--config"), tr("a push or rollout needs a configuration file"), -1});
    }

    if (parser.isSet(QStringLiteral("https-cert"))) {
        const auto identity = Transfer::TlsIdentity::fromPemFiles(parser.value(QStringLiteral("https-cert")),
                                                                  parser.value(QStringLiteral("https-key")));
        if (!identity)
            return m_printer->usageError(identity.error());
        m_fileServer->setTlsIdentity(*identity);
    }
    const QHostAddress httpAddress(parser.value(QStringLiteral("http-host")));
    if (httpAddress.isNull())
        return m_printer->usageError(
            {QStringLiteral("--http-host"),
             tr("'%1' is not an IP address").arg(parser.value(QStringLiteral("http-host"))), -1});
    m_fileServer->setLimits(fileServerLimits);
    m_fileServer->setPortShared(parser.isSet(QStringLiteral("http-share-port")));
    const auto listening = m_fileServer->listen(httpAddress, quint16(*httpPort));
    if (!listening)
        return m_printer->usageError(listening.error());
    if (parser.isSet(QStringLiteral("public-host")))
        m_fileServer->setPublicHost(parser.value(QStringLiteral("public-host")));
    m_printer->event(QStringLiteral("file-server"),
                     {{QStringLiteral("url"),
                       QStringLiteral("%1://%2:%3")
                           .arg(m_fileServer->isHttps() ? QStringLiteral("https") : QStringLiteral("http"),
                                m_fileServer->publicHost())
                           .arg(*listening)}},
                     tr("File server on %1 port %2").arg(m_fileServer->publicHost()).arg(*listening));

    // Wire events.
    connect(
        m_platform, &Roles::PlatformService::getAnswered, this,
        [this](const QString& productKey, const QString& deviceName, int code) {
            ++m_gets;
            count(m_getCodes, code);
            m_printer->event(
                QStringLiteral("get"),
                {{QStringLiteral("productKey"), productKey},
                 {QStringLiteral("deviceName"), deviceName},
                 {QStringLiteral("code"), code}},
                tr("%1/%2 requested its configuration: answered %3").arg(productKey, deviceName).arg(code));
            m_requested.insert(productKey + QLatin1Char('/') + deviceName);
            if (!m_acted && m_afterGets > 0 && m_requested.size() >= m_afterGets)
                act();
        });
    connect(m_platform, &Roles::PlatformService::pushReplied, this,
            [this](const QString& productKey, const QString& deviceName, const QString& id, int code,
                   qint64 latency) {
                ++m_replies;
                count(m_replyCodes, code);
                m_printer->event(
                    QStringLiteral("reply"),
                    {{QStringLiteral("productKey"), productKey},
                     {QStringLiteral("deviceName"), deviceName},
                     {QStringLiteral("id"), id},
                     {QStringLiteral("code"), code},
                     {QStringLiteral("latencyMs"), latency}},
                    tr("%1/%2 replied %3 after %4 ms").arg(productKey, deviceName).arg(code).arg(latency));
                if (m_action == Action::Push && m_platform->pendingCount() == 0 && !m_serveAfter)
                    finish(CommandSupport::Success);
            });
    connect(m_platform, &Roles::PlatformService::wireError, this,
            [this](const QString& topic, const QString& reason) {
                ++m_wireErrors;
                m_printer->event(QStringLiteral("wire-error"),
                                 {{QStringLiteral("topic"), topic}, {QStringLiteral("reason"), reason}},
                                 tr("Ignored a message on %1: %2").arg(topic, reason));
            });
    connect(m_connection, &Transport::MqttConnection::connected, this, &PlatformCommand::onConnected);
    connect(m_connection, &Transport::MqttConnection::errorOccurred, this, [this](const QString& message) {
        m_printer->event(QStringLiteral("broker-error"), {{QStringLiteral("reason"), message}},
                         tr("Broker: %1").arg(message));
        // Refused before ever connecting: nothing can work, say why and stop.
        if (!m_acted && m_connection->state() != Transport::MqttConnection::State::Connected && m_gets == 0)
            finish(CommandSupport::Refused);
    });

    if (auto error = m_platform->start())
        return m_printer->usageError(*error);
    broker->reconnect.enabled = true;
    if (auto error = m_connection->connectToBroker(*broker)) {
        m_printer->error(error->message());
        return CommandSupport::Refused;
    }
    CommandSupport::onInterrupt(this, [this] { finish(CommandSupport::Interrupted); });
    return std::nullopt;
}

void PlatformCommand::onConnected()
{
    m_printer->event(QStringLiteral("connected"),
                     {{QStringLiteral("broker"), m_connection->options().host},
                      {QStringLiteral("clientId"), m_connection->options().clientId},
                      {QStringLiteral("shareGroup"), m_shareGroup}},
                     m_shareGroup.isEmpty() ? tr("Connected to %1:%2 as %3")
                                                  .arg(m_connection->options().host)
                                                  .arg(m_connection->options().port)
                                                  .arg(m_connection->options().clientId)
                                            : tr("Connected to %1:%2 as %3, sharing the work of group %4")
                                                  .arg(m_connection->options().host)
                                                  .arg(m_connection->options().port)
                                                  .arg(m_connection->options().clientId, m_shareGroup));
    if (m_acted || m_action == Action::Serve || m_afterGets > 0)
        return;
    QTimer::singleShot(std::chrono::seconds(m_afterSeconds), this, [this] {
        if (!m_acted)
            act();
    });
}

void PlatformCommand::act()
{
    m_acted = true;
    m_actionClock.start();
    if (m_action == Action::Push) {
        const auto tickets = m_platform->push(m_productKey);
        if (!tickets) {
            m_printer->error(tickets.error().message());
            finish(CommandSupport::Failed);
            return;
        }
        m_pushed = tickets->size();
        m_printer->event(
            QStringLiteral("pushed"),
            {{QStringLiteral("devices"), m_pushed}, {QStringLiteral("operator"), m_operatorName}},
            tr("%1 pushed to %2 devices").arg(m_operatorName).arg(m_pushed));
        // Devices that never answer must not keep the command waiting forever.
        QTimer::singleShot(m_plan.timeout, this, [this] {
            if (!m_serveAfter)
                finish(m_platform->pendingCount() == 0 || m_allowFailures ? CommandSupport::Success
                                                                          : CommandSupport::Failed);
        });
        return;
    }
    if (m_action != Action::Rollout)
        return;
    if (m_workspace) {
        if (!startSharedRollout())
            return;
    } else {
        m_rollout = new Roles::RolloutRunner(m_platform, m_plan, this);
    }
    connect(m_rollout, &Roles::Rollout::outcomeChanged, this, [this](const Store::RolloutOutcome& outcome) {
        if (!Roles::RolloutRunner::isFinal(outcome.state))
            return;
        QJsonObject fields{{QStringLiteral("productKey"), outcome.productKey},
                           {QStringLiteral("deviceName"), outcome.deviceName},
                           {QStringLiteral("outcome"), outcomeName(outcome.state)},
                           {QStringLiteral("message"), outcome.message}};
        if (outcome.replyCode)
            fields.insert(QStringLiteral("code"), *outcome.replyCode);
        m_printer->event(QStringLiteral("outcome"), fields,
                         tr("%1/%2: %3 %4 %5")
                             .arg(outcome.productKey, outcome.deviceName, outcomeName(outcome.state),
                                  outcome.replyCode ? QString::number(*outcome.replyCode) : QString(),
                                  outcome.message));
    });
    connect(m_rollout, &Roles::Rollout::progress, this, [this](int done, int total) {
        m_printer->progress(tr("Rollout: %1 of %2 devices done").arg(done).arg(total));
    });
    connect(m_rollout, &Roles::Rollout::finished, this, [this](RolloutState state, const QString& reason) {
        m_actionMs = m_actionClock.elapsed();
        m_printer->event(
            QStringLiteral("rollout-finished"),
            {{QStringLiteral("state"),
              state == RolloutState::Completed ? QStringLiteral("completed") : QStringLiteral("aborted")},
             {QStringLiteral("reason"), reason},
             {QStringLiteral("operator"), m_operatorName},
             {QStringLiteral("wallMs"), m_actionMs}},
            tr("Rollout %1 in %2 ms: %3")
                .arg(state == RolloutState::Completed ? tr("completed") : tr("aborted"))
                .arg(m_actionMs)
                .arg(reason));
        if (m_serveAfter)
            return;
        const bool clean =
            m_rollout->count(OutcomeState::Failed) + m_rollout->count(OutcomeState::TimedOut) == 0;
        finish(state == RolloutState::Completed && (clean || m_allowFailures) ? CommandSupport::Success
                                                                              : CommandSupport::Failed);
    });
    if (auto error = m_rollout->start()) {
        m_printer->error(error->message());
        finish(CommandSupport::Failed);
    }
}

bool PlatformCommand::startSharedRollout()
{
    const Roles::PlatformProduct* product = m_platform->product(m_productKey);
    const auto version = m_workspace->versions().add(product->config->content, m_productKey,
                                                     product->config->fileName, Store::ConfigOrigin::Pushed);
    if (!version) {
        m_printer->error(version.error().message());
        finish(CommandSupport::Failed);
        return false;
    }
    Roles::SharedRollout::Options options;
    options.worker = m_connection->options().clientId;
    options.operatorName = m_operatorName;
    auto* shared = new Roles::SharedRollout(
        m_platform, m_workspace.get(), m_plan,
        m_plan.record(tr("%1 rollout").arg(m_productKey), *version, m_operatorName), options, this);
    connect(shared, &Roles::SharedRollout::stateChanged, this, [this, shared](RolloutState state) {
        if (state != RolloutState::Running)
            return;
        m_printer->event(
            QStringLiteral("rollout"),
            {{QStringLiteral("id"), shared->rolloutId()},
             {QStringLiteral("created"), shared->createdIt()},
             {QStringLiteral("devices"), shared->tally().total},
             {QStringLiteral("worker"), m_connection->options().clientId}},
            shared->createdIt()
                ? tr("Started rollout %1 of %2 devices in the workspace; other platform processes "
                     "can join it")
                      .arg(shared->rolloutId())
                      .arg(shared->tally().total)
                : tr("Joined rollout %1 of %2 devices, started by another platform process")
                      .arg(shared->rolloutId())
                      .arg(shared->tally().total));
    });
    connect(shared, &Roles::SharedRollout::databaseWaiting, this, [this](const QString& reason) {
        m_printer->event(QStringLiteral("workspace-waiting"), {{QStringLiteral("reason"), reason}},
                         tr("Waiting for the workspace: %1").arg(reason));
    });
    connect(shared, &Roles::SharedRollout::databaseResumed, this, [this] {
        m_printer->event(QStringLiteral("workspace-resumed"), {}, tr("The workspace is back: resuming"));
    });
    m_sharedRollout = shared;
    m_rollout = shared;
    return true;
}

void PlatformCommand::count(QMap<int, qint64>& counts, int code)
{
    ++counts[code];
}

void PlatformCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_recorder)
        m_recorder->flush();
    if (m_actionMs < 0 && m_actionClock.isValid())
        m_actionMs = m_actionClock.elapsed();
    // Replies still going out (forwarded push_replies) are written and acknowledged before the summary, so
    // that it is the last line and counts everything.
    connect(m_connection, &Transport::MqttConnection::flushed, this, [this, exitCode](int unacknowledged) {
        if (unacknowledged > 0) {
            m_wireErrors += unacknowledged;
            m_printer->event(
                QStringLiteral("wire-error"),
                {{QStringLiteral("unacknowledged"), unacknowledged},
                 {QStringLiteral("reason"), tr("not acknowledged by the broker before exit")}},
                tr("%n message(s) were not acknowledged by the broker before exit", nullptr, unacknowledged));
        }
        printSummary();
        emit finished(exitCode);
    });
    m_connection->disconnectWhenFlushed(kFlushWait);
}

void PlatformCommand::printSummary()
{
    QJsonObject getCodes;
    QJsonObject replyCodes;
    const QString getText = EventPrinter::describeCounts(m_getCodes, getCodes);
    const QString replyText = EventPrinter::describeCounts(m_replyCodes, replyCodes);
    QJsonObject fields{{QStringLiteral("gets"), m_gets},
                       {QStringLiteral("replies"), m_replies},
                       {QStringLiteral("wireErrors"), m_wireErrors},
                       {QStringLiteral("getCodes"), getCodes},
                       {QStringLiteral("replyCodes"), replyCodes},
                       {QStringLiteral("wallMs"), m_actionMs},
                       {QStringLiteral("clientId"), m_connection->options().clientId},
                       {QStringLiteral("shareGroup"), m_shareGroup},
                       {QStringLiteral("operator"), m_operatorName},
                       {QStringLiteral("peakRssKb"), EventPrinter::peakRssKb()}};
    QString text = tr("%1 configuration requests answered (%2); %3 push replies (%4)")
                       .arg(m_gets)
                       .arg(getText)
                       .arg(m_replies)
                       .arg(replyText);
    if (m_rollout) {
        for (auto state :
             {OutcomeState::Succeeded, OutcomeState::Failed, OutcomeState::TimedOut, OutcomeState::Skipped})
            fields.insert(outcomeName(state), m_rollout->count(state));
        if (m_sharedRollout) {
            fields.insert(QStringLiteral("rolloutId"), m_sharedRollout->rolloutId());
            fields.insert(QStringLiteral("pushedHere"), m_sharedRollout->pushedHere());
            fields.insert(QStringLiteral("retried"), m_sharedRollout->retried());
        }
        text += tr("; rollout: %1 succeeded, %2 failed, %3 timed out, %4 skipped")
                    .arg(m_rollout->count(OutcomeState::Succeeded))
                    .arg(m_rollout->count(OutcomeState::Failed))
                    .arg(m_rollout->count(OutcomeState::TimedOut))
                    .arg(m_rollout->count(OutcomeState::Skipped));
    }
    m_printer->event(QStringLiteral("summary"), fields, text);
}

} // namespace ConfigDeck::Cli
