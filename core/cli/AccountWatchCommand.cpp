#include "AccountWatchCommand.h"

#include "CommandSupport.h"
#include "alink/ReplyCodeCatalog.h"
#include "cloud/AccountFeed.h"
#include "store/Workspace.h"

#include <QCommandLineParser>
#include <QFile>
#include <QHostInfo>
#include <QJsonObject>

namespace ConfigDeck::Cli {

namespace {

QString stateName(Cloud::AmqpSubscription::State state)
{
    switch (state) {
    case Cloud::AmqpSubscription::State::Connecting:
        return QStringLiteral("connecting");
    case Cloud::AmqpSubscription::State::Connected:
        return QStringLiteral("connected");
    case Cloud::AmqpSubscription::State::Retrying:
        return QStringLiteral("retrying");
    case Cloud::AmqpSubscription::State::Stopped:
        break;
    }
    return QStringLiteral("stopped");
}

} // namespace

AccountWatchCommand::AccountWatchCommand(QObject* parent)
    : QObject(parent)
{
    m_durationTimer.setSingleShot(true);
    connect(&m_durationTimer, &QTimer::timeout, this, [this] { finish(CommandSupport::Success); });
}

AccountWatchCommand::~AccountWatchCommand()
{
    // The subscription (and its thread) ends before the feed it delivers to.
    m_subscription.reset();
}

std::optional<int> AccountWatchCommand::start(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Follows the account's server-side subscription on Alibaba Cloud IoT Platform (AMQP 1.0 over TLS) "
           "and "
           "prints each device status change and each reply to a configuration push as it arrives. The "
           "AccessKey Secret is read from %1 or --access-key-secret-file.")
            .arg(QLatin1String(kSecretVariable)));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("instance"), tr("IoT instance ID (iotInstanceId); also names the endpoint."),
         QStringLiteral("id")},
        {QStringLiteral("host"), tr("AMQP endpoint (default: {instance}.amqp.iothub.aliyuncs.com)."),
         QStringLiteral("host")},
        {QStringLiteral("port"), tr("Port."), QStringLiteral("port"), QStringLiteral("5671")},
        {QStringLiteral("access-key-id"), tr("AccessKey ID of a RAM user allowed to read the subscription."),
         QStringLiteral("id")},
        {QStringLiteral("access-key-secret-file"), tr("File holding the AccessKey Secret."),
         QStringLiteral("file")},
        {QStringLiteral("consumer-group"), tr("Consumer group ID."), QStringLiteral("id")},
        {QStringLiteral("client-id"),
         tr("Client ID shown in the console's list of clients (default: this "
            "host's name)."),
         QStringLiteral("id")},
        {QStringLiteral("ca"),
         tr("PEM file of the roots to trust instead of the shipped GlobalSign Root CA R1."),
         QStringLiteral("file")},
        {QStringLiteral("idle-timeout"), tr("AMQP idle-time-out in seconds, 30 to 300."),
         QStringLiteral("seconds"), QStringLiteral("60")},
        {QStringLiteral("duration"), tr("Stop after this many seconds (default: run until Ctrl+C)."),
         QStringLiteral("seconds")},
        {QStringLiteral("json"), tr("Print one JSON object per line.")},
    });
    CommandSupport::addWorkspaceOptions(parser);
    if (const auto exitCode = CommandSupport::parse(parser, arguments))
        return *exitCode;
    m_printer = std::make_unique<EventPrinter>(parser.isSet(QStringLiteral("json")));

    Cloud::AmqpSubscription::Settings settings;
    settings.iotInstanceId = parser.value(QStringLiteral("instance"));
    settings.host = parser.value(QStringLiteral("host"));
    if (settings.host.isEmpty() && !settings.iotInstanceId.isEmpty())
        settings.host = settings.iotInstanceId + QStringLiteral(".amqp.iothub.aliyuncs.com");
    const auto port = CommandSupport::number(parser, QStringLiteral("port"), 5671, 1);
    if (!port)
        return m_printer->usageError(port.error());
    if (*port > 65535)
        return m_printer->usageError({QStringLiteral("port"), tr("must be at most 65535"), -1});
    settings.port = quint16(*port);
    settings.accessKeyId = parser.value(QStringLiteral("access-key-id"));
    if (parser.isSet(QStringLiteral("access-key-secret-file"))) {
        QFile file(parser.value(QStringLiteral("access-key-secret-file")));
        if (!file.open(QIODevice::ReadOnly))
            return m_printer->usageError({QStringLiteral("access-key-secret-file"),
                                          tr("cannot read '%1': %2").arg(file.fileName(), file.errorString()),
                                          -1});
        settings.accessKeySecret = file.readAll().trimmed();
    } else {
        settings.accessKeySecret = qgetenv(kSecretVariable);
    }
    settings.consumerGroupId = parser.value(QStringLiteral("consumer-group"));
    settings.clientId = parser.value(QStringLiteral("client-id"));
    if (settings.clientId.isEmpty())
        settings.clientId = QStringLiteral("configdeck-cli-") + QHostInfo::localHostName();
    settings.caCertificateFile = parser.value(QStringLiteral("ca"));
    const auto idle = CommandSupport::number(parser, QStringLiteral("idle-timeout"), 60, 1);
    if (!idle)
        return m_printer->usageError(idle.error());
    settings.idleTimeout = std::chrono::seconds(*idle);
    const auto duration = CommandSupport::number(parser, QStringLiteral("duration"), 0, 1);
    if (!duration)
        return m_printer->usageError(duration.error());

    Cloud::AccountFeed::KnownDevice known;
    if (!parser.value(QStringLiteral("workspace")).isEmpty()) {
        QString warning;
        auto workspace = CommandSupport::openWorkspace(parser, &warning);
        if (!workspace)
            return m_printer->usageError(workspace.error());
        if (!warning.isEmpty())
            m_printer->error(warning);
        m_workspace = std::move(*workspace);
        known = [workspace = m_workspace.get()](const QString& pk, const QString& dn) {
            const auto device = workspace->identities().device(pk, dn);
            return device && device->has_value();
        };
    }
    m_feed = std::make_unique<Cloud::AccountFeed>(known);
    connect(m_feed.get(), &Cloud::AccountFeed::statusChanged, this,
            [this](const QString& pk, const QString& dn, bool online, const QDateTime& time) {
                ++m_statuses;
                m_printer->event(QStringLiteral("status"),
                                 {{QStringLiteral("productKey"), pk},
                                  {QStringLiteral("deviceName"), dn},
                                  {QStringLiteral("online"), online},
                                  {QStringLiteral("time"), time.toString(Qt::ISODateWithMs)}},
                                 online ? tr("%1/%2 online").arg(pk, dn) : tr("%1/%2 offline").arg(pk, dn));
            });
    connect(m_feed.get(), &Cloud::AccountFeed::pushReplied, this,
            [this](const QString& pk, const QString& dn, int code, const QDateTime& time) {
                ++m_replies;
                const auto info = Alink::ReplyCodeCatalog::lookup(code, Alink::ReplySource::Device);
                m_printer->event(QStringLiteral("reply"),
                                 {{QStringLiteral("productKey"), pk},
                                  {QStringLiteral("deviceName"), dn},
                                  {QStringLiteral("code"), code},
                                  {QStringLiteral("name"), info.displayName()},
                                  {QStringLiteral("meaning"), info.displayMeaning()},
                                  {QStringLiteral("time"), time.toString(Qt::ISODateWithMs)}},
                                 tr("%1/%2 replied %3 %4").arg(pk, dn).arg(code).arg(info.displayName()));
            });
    connect(m_feed.get(), &Cloud::AccountFeed::unknownDevice, this,
            [this](const QString& pk, const QString& dn) {
                m_printer->event(QStringLiteral("unknownDevice"),
                                 {{QStringLiteral("productKey"), pk}, {QStringLiteral("deviceName"), dn}},
                                 tr("%1/%2 is not in the workspace; ignored").arg(pk, dn));
            });
    connect(m_feed.get(), &Cloud::AccountFeed::messageRejected, this,
            [this](const QString& topic, const QString& reason) {
                m_printer->event(QStringLiteral("rejected"),
                                 {{QStringLiteral("topic"), topic}, {QStringLiteral("reason"), reason}},
                                 tr("ignored a message on %1: %2").arg(topic, reason));
            });

    m_subscription = std::make_unique<Cloud::AmqpSubscription>();
    connect(m_subscription.get(), &Cloud::AmqpSubscription::messageReceived, m_feed.get(),
            &Cloud::AccountFeed::take);
    connect(m_subscription.get(), &Cloud::AmqpSubscription::stateChanged, this,
            &AccountWatchCommand::onState);
    connect(m_subscription.get(), &Cloud::AmqpSubscription::messageDropped, this,
            [this](const QString& reason) { m_printer->error(reason); });
    CommandSupport::onInterrupt(this, [this] { finish(CommandSupport::Interrupted); });
    const auto invalid = m_subscription->start(settings);
    settings.accessKeySecret.fill('\0');
    if (invalid)
        return m_printer->usageError(*invalid);
    if (*duration > 0)
        m_durationTimer.start(std::chrono::seconds(*duration));
    return std::nullopt;
}

void AccountWatchCommand::onState(Cloud::AmqpSubscription::State state, const QString& text)
{
    QJsonObject fields{{QStringLiteral("state"), stateName(state)}, {QStringLiteral("text"), text}};
    if (state == Cloud::AmqpSubscription::State::Retrying) {
        fields.insert(QStringLiteral("retryInSeconds"), m_subscription->retryInSeconds());
        fields.insert(QStringLiteral("reason"), m_subscription->lastError());
    }
    m_printer->event(QStringLiteral("connection"), fields, text);
}

void AccountWatchCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_subscription->stop();
    m_printer->event(QStringLiteral("summary"),
                     {{QStringLiteral("statuses"), m_statuses},
                      {QStringLiteral("replies"), m_replies},
                      {QStringLiteral("unknownDeviceMessages"), m_feed->unknownDeviceMessages()},
                      {QStringLiteral("rejected"), m_feed->rejectedMessages()}},
                     tr("%n status change(s)", nullptr, m_statuses) + QStringLiteral(", ") +
                         tr("%n push reply(s)", nullptr, m_replies));
    emit finished(exitCode);
}

} // namespace ConfigDeck::Cli
