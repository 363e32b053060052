#include "DeviceCommand.h"

#include "CommandSupport.h"
#include "alink/Topic.h"
#include "cloud/CloudProfile.h"
#include "cloud/CloudSession.h"
#include "store/CsvReader.h"
#include "store/Workspace.h"

#include <QFile>
#include <QSslCertificate>
#include <QTimer>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace ConfigDeck::Cli {

using Alink::AlinkError;
using Alink::DeviceIdentity;
using Cloud::CloudProfile;
using Cloud::CloudSession;

namespace {

QString deviceKey(const QString& productKey, const QString& deviceName)
{
    return productKey + QLatin1Char('/') + deviceName;
}

QJsonObject identityFields(const QString& productKey, const QString& deviceName)
{
    return {{QStringLiteral("productKey"), productKey}, {QStringLiteral("deviceName"), deviceName}};
}

QJsonObject with(QJsonObject object, std::initializer_list<std::pair<QString, QJsonValue>> fields)
{
    for (const auto& [key, value] : fields)
        object.insert(key, value);
    return object;
}

bool isTerminal(std::FILE* file)
{
#ifdef Q_OS_UNIX
    return isatty(fileno(file)) != 0;
#else
    Q_UNUSED(file);
    return false;
#endif
}

} // namespace

DeviceCommand::DeviceCommand(QObject* parent)
    : QObject(parent)
{
}

DeviceCommand::~DeviceCommand() = default;

std::optional<int> DeviceCommand::start(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Connects as real device identities to Alibaba Cloud IoT Platform: "
                                        "requests the configuration, waits for "
                                        "pushes, downloads, verifies and replies."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("cloud"),
         tr("Connect to Alibaba Cloud IoT Platform, signing as the SDKs do (the default).")},
        {QStringLiteral("product"), tr("ProductKey of the devices."), QStringLiteral("pk")},
        {QStringLiteral("device"), tr("DeviceName; repeat the option or separate names with commas."),
         QStringLiteral("names")},
        {QStringLiteral("secret"),
         tr("DeviceSecret of the devices (prefer the CONFIGDECK_DEVICE_SECRET environment variable or "
            "--secrets-file)."),
         QStringLiteral("secret")},
        {QStringLiteral("secrets-file"), tr("CSV of ProductKey,DeviceName,DeviceSecret rows."),
         QStringLiteral("file")},
        {QStringLiteral("region"), tr("Public instance by region: {pk}.iot-as-mqtt.{region}.aliyuncs.com."),
         QStringLiteral("id")},
        {QStringLiteral("instance"), tr("Instance by id: {instanceId}.mqtt.iothub.aliyuncs.com."),
         QStringLiteral("id")},
        {QStringLiteral("port"), tr("Port: 1883, 8883 or 443 (any port with --host)."),
         QStringLiteral("port"), QStringLiteral("1883")},
        {QStringLiteral("no-tls"),
         tr("Plain TCP (securemode 3); the platform refuses it for newer accounts.")},
        {QStringLiteral("ca"),
         tr("PEM file of the roots to trust instead of the shipped GlobalSign Root CA R1."),
         QStringLiteral("file")},
        {QStringLiteral("download-ca"),
         tr("PEM file of the roots to trust for HTTPS downloads instead of the system's."),
         QStringLiteral("file")},
        {QStringLiteral("sign-method"), tr("hmacsha256, hmacsha1 or hmacmd5."), QStringLiteral("method"),
         QStringLiteral("hmacsha256")},
        {QStringLiteral("keepalive"), tr("Keep-alive in seconds, 30 to 1200."), QStringLiteral("seconds"),
         QStringLiteral("60")},
        {QStringLiteral("host"),
         tr("Connect to this host instead of the platform's endpoint (tests, private "
            "deployments)."),
         QStringLiteral("host")},
        {QStringLiteral("timestamp"),
         tr("Sign with this timestamp (ms since the epoch) instead of the current time (tests, replays)."),
         QStringLiteral("ms")},
        {QStringLiteral("max-connecting"), tr("Connections opened at once."), QStringLiteral("n"),
         QStringLiteral("4")},
        {QStringLiteral("get"), tr("Request the configuration once connected.")},
        {QStringLiteral("wait-push"), tr("Then wait this many seconds for pushes."),
         QStringLiteral("seconds")},
        {QStringLiteral("reply"), tr("Reply to pushes: auto (200 after verification) or a code."),
         QStringLiteral("auto|code"), QStringLiteral("auto")},
        {QStringLiteral("timeout"), tr("Give up on a requested configuration after this many seconds."),
         QStringLiteral("seconds"), QStringLiteral("60")},
        {QStringLiteral("yes"), tr("Do not ask before connecting as identities that may be live.")},
        {QStringLiteral("json"), tr("Print one JSON object per line.")},
    });
    CommandSupport::addWorkspaceOptions(parser);
    if (const auto exitCode = CommandSupport::parse(parser, arguments))
        return *exitCode;
    m_printer = std::make_unique<EventPrinter>(parser.isSet(QStringLiteral("json")));

    CloudProfile profile;
    const bool hasRegion = parser.isSet(QStringLiteral("region"));
    const bool hasInstance = parser.isSet(QStringLiteral("instance"));
    const bool hasHost = parser.isSet(QStringLiteral("host"));
    if (hasRegion && hasInstance)
        return m_printer->usageError(
            {QStringLiteral("--region"), tr("give either --region or --instance, not both"), -1});
    if (!hasRegion && !hasInstance && !hasHost)
        return m_printer->usageError(
            {QStringLiteral("--instance"), tr("give --instance ID or --region ID (or --host)"), -1});
    profile.endpointKind =
        hasRegion ? CloudProfile::EndpointKind::Region : CloudProfile::EndpointKind::Instance;
    profile.regionId = parser.value(QStringLiteral("region"));
    profile.instanceId = parser.value(QStringLiteral("instance"));
    profile.hostOverride = parser.value(QStringLiteral("host"));
    const auto port = CommandSupport::number(parser, QStringLiteral("port"), 1883, 1);
    const auto keepAlive = CommandSupport::number(parser, QStringLiteral("keepalive"), 60, 0);
    const auto maxConnecting = CommandSupport::number(parser, QStringLiteral("max-connecting"), 4, 1);
    const auto waitPush = CommandSupport::number(parser, QStringLiteral("wait-push"), 0, 0);
    const auto timeout = CommandSupport::number(parser, QStringLiteral("timeout"), 60, 1);
    const auto timestamp = CommandSupport::number(parser, QStringLiteral("timestamp"), 0, 0);
    for (const auto* value : {&port, &keepAlive, &maxConnecting, &waitPush, &timeout, &timestamp}) {
        if (!*value)
            return m_printer->usageError(value->error());
    }
    if (*port > 65535)
        return m_printer->usageError({QStringLiteral("--port"), tr("%1 is not a port").arg(*port), -1});
    if (hasHost && parser.isSet(QStringLiteral("port")))
        profile.portOverride = quint16(*port);
    else
        profile.port = quint16(*port);
    profile.tls = !parser.isSet(QStringLiteral("no-tls"));
    profile.caFile = parser.value(QStringLiteral("ca"));
    const auto method = Alink::DeviceCredentials::methodFromName(parser.value(QStringLiteral("sign-method")));
    if (!method)
        return m_printer->usageError({QStringLiteral("--sign-method"),
                                      tr("'%1' is not one of hmacsha256, hmacsha1, hmacmd5")
                                          .arg(parser.value(QStringLiteral("sign-method"))),
                                      -1});
    profile.signMethod = *method;
    profile.keepAliveSeconds = int(qMin<qint64>(*keepAlive, 65535));
    if (auto error = profile.validate()) {
        // Name the option the operator wrote, not the profile's field.
        static const QHash<QString, QString> options{
            {QStringLiteral("caFile"), QStringLiteral("ca")},
            {QStringLiteral("keepAlive"), QStringLiteral("keepalive")},
            {QStringLiteral("instanceId"), QStringLiteral("instance")}};
        return m_printer->usageError(
            {QStringLiteral("--") + options.value(error->field, error->field), error->reason, -1});
    }

    const QString reply = parser.value(QStringLiteral("reply"));
    if (reply != QLatin1String("auto")) {
        bool ok = false;
        const int code = reply.toInt(&ok);
        if (!ok || code < 100 || code > 999999)
            return m_printer->usageError(
                {QStringLiteral("--reply"),
                 tr("'%1' is neither auto nor a reply code such as 200 or 100005").arg(reply), -1});
        m_replyCode = code;
    }
    Roles::AgentSettings settings;
    settings.autoReply = !m_replyCode;
    if (parser.isSet(QStringLiteral("download-ca"))) {
        settings.caCertificates = QSslCertificate::fromPath(parser.value(QStringLiteral("download-ca")));
        if (settings.caCertificates.isEmpty())
            return m_printer->usageError({QStringLiteral("--download-ca"),
                                          tr("no PEM certificate could be read from %1")
                                              .arg(parser.value(QStringLiteral("download-ca"))),
                                          -1});
    }

    const auto devices = identities(parser);
    if (!devices)
        return m_printer->usageError(devices.error());
    m_devices = int(devices->size());
    m_get = parser.isSet(QStringLiteral("get"));
    m_waitPushSeconds = *waitPush;
    m_timeoutSeconds = *timeout;

    if (!profile.tls)
        m_printer->event(QStringLiteral("warning"),
                         {{QStringLiteral("text"), CloudProfile::plainTcpWarning()}},
                         tr("Warning: %1").arg(CloudProfile::plainTcpWarning()));
    if (!confirmLiveIdentities(m_devices, parser.isSet(QStringLiteral("yes"))))
        return CommandSupport::UsageError;

    m_session = new CloudSession(&m_network, this);
    m_session->setProfile(profile);
    m_session->setAgentSettings(settings);
    m_session->setMaxConnecting(int(*maxConnecting));
    if (parser.isSet(QStringLiteral("timestamp")))
        m_session->setClock([fixed = *timestamp] { return fixed; });

    connect(m_session, &CloudSession::deviceConnected, this, [this](const QString& pk, const QString& dn) {
        ++m_connected;
        m_printer->event(QStringLiteral("connected"), identityFields(pk, dn),
                         tr("%1/%2: connected").arg(pk, dn));
    });
    connect(m_session, &CloudSession::deviceRefused, this,
            [this](const QString& pk, const QString& dn, const QString& reason, const QString& advice) {
                ++m_refused;
                m_printer->event(QStringLiteral("refused"),
                                 with(identityFields(pk, dn), {{QStringLiteral("reason"), reason},
                                                               {QStringLiteral("advice"), advice}}),
                                 advice.isEmpty()
                                     ? tr("%1/%2: not connected: %3").arg(pk, dn, reason)
                                     : tr("%1/%2: not connected: %3\n  %4").arg(pk, dn, reason, advice));
            });
    connect(m_session, &CloudSession::deviceKicked, this,
            [this](const QString& pk, const QString& dn, const QString& reason) {
                ++m_kicked;
                m_printer->event(QStringLiteral("kicked"),
                                 with(identityFields(pk, dn), {{QStringLiteral("reason"), reason}}),
                                 tr("%1/%2: offline: %3").arg(pk, dn, reason));
                // Its request can no longer be answered.
                const QString prefix = deviceKey(pk, dn) + QLatin1Char('/');
                const qsizetype before = m_pendingGets.size();
                m_pendingGets.removeIf([&prefix](const QString& key) { return key.startsWith(prefix); });
                if (before && m_pendingGets.isEmpty())
                    afterGets();
                if (m_session->onlineCount() == 0 && !m_finished)
                    finish(CommandSupport::Refused);
            });
    connect(m_session, &CloudSession::allSettled, this, &DeviceCommand::onSettled);
    connect(m_session, &CloudSession::exchangeFinished, this, &DeviceCommand::onExchange);
    connect(m_session, &CloudSession::messageLogged, this, &DeviceCommand::onMessage);
    connect(m_session, &CloudSession::replyAwaited, this,
            [this](const QString& pk, const QString& dn, const QString& id, int suggested,
                   const QString& reason) {
                m_printer->event(QStringLiteral("reply-awaited"),
                                 with(identityFields(pk, dn), {{QStringLiteral("id"), id},
                                                               {QStringLiteral("suggestedCode"), suggested},
                                                               {QStringLiteral("reason"), reason},
                                                               {QStringLiteral("code"), *m_replyCode}}),
                                 tr("%1/%2: push %3 verified with %4; replying %5 as asked")
                                     .arg(pk, dn, id)
                                     .arg(suggested)
                                     .arg(*m_replyCode));
                if (auto error = m_session->reply(pk, dn, id, *m_replyCode))
                    m_printer->error(error->message());
            });
    connect(m_session, &CloudSession::configVerified, this,
            [this](const QString& pk, const QString& dn, const Alink::ConfigFile& file,
                   const QByteArray& content, const QString& previous, const QString& diff,
                   const QString& storedError) {
                Q_UNUSED(storedError);
                ++m_verified;
                const QString sha = file.sign.toLower();
                m_printer->event(
                    QStringLiteral("verified"),
                    with(identityFields(pk, dn), {{QStringLiteral("configId"), file.configId},
                                                  {QStringLiteral("size"), qint64(content.size())},
                                                  {QStringLiteral("sign"), sha},
                                                  {QStringLiteral("previousSha256"), previous},
                                                  {QStringLiteral("diff"), diff},
                                                  {QStringLiteral("content"), QString::fromUtf8(content)}}),
                    diff.isEmpty() ? tr("%1/%2: downloaded and verified %3 (%4 bytes, %5)")
                                         .arg(pk, dn, file.configId)
                                         .arg(content.size())
                                         .arg(sha.left(12))
                                   : tr("%1/%2: downloaded and verified %3 (%4 bytes, %5); changes: %6")
                                         .arg(pk, dn, file.configId)
                                         .arg(content.size())
                                         .arg(sha.left(12), diff));
            });
    connect(m_session, &CloudSession::wireError, this,
            [this](const QString& pk, const QString& dn, const QString& topic, const QString& reason) {
                m_printer->event(QStringLiteral("wire-error"),
                                 with(identityFields(pk, dn),
                                      {{QStringLiteral("topic"), topic}, {QStringLiteral("reason"), reason}}),
                                 tr("%1/%2: %3: %4").arg(pk, dn, topic, reason));
            });

    CommandSupport::onInterrupt(this, [this] { finish(CommandSupport::Interrupted); });
    if (auto error = m_session->start(*devices))
        return m_printer->usageError(*error);
    return std::nullopt;
}

Alink::Expected<QList<DeviceIdentity>> DeviceCommand::identities(const QCommandLineParser& parser) const
{
    const QString productKey = parser.value(QStringLiteral("product"));
    QStringList names;
    for (const QString& value : parser.values(QStringLiteral("device"))) {
        for (const QString& name : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            names << name.trimmed();
    }

    QList<DeviceIdentity> result;
    const bool fromWorkspace = parser.isSet(QStringLiteral("workspace"));
    if (fromWorkspace && parser.isSet(QStringLiteral("secrets-file")))
        return AlinkError{QStringLiteral("--workspace"),
                          tr("give either --workspace or --secrets-file, not both"), -1};
    if (fromWorkspace || parser.isSet(QStringLiteral("secrets-file"))) {
        const auto rows = fromWorkspace ? workspaceIdentities(parser)
                                        : readSecretsFile(parser.value(QStringLiteral("secrets-file")));
        if (!rows)
            return rows.error();
        // --product and --device pick rows out of the file.
        for (const DeviceIdentity& row : *rows) {
            if ((productKey.isEmpty() || row.productKey == productKey) &&
                (names.isEmpty() || names.contains(row.deviceName)))
                result << row;
        }
        for (const QString& name : std::as_const(names)) {
            const bool found = std::any_of(result.cbegin(), result.cend(), [&name](const DeviceIdentity& id) {
                return id.deviceName == name;
            });
            if (!found)
                return AlinkError{
                    QStringLiteral("--device"),
                    tr("%1 is not in %2")
                        .arg(name, parser.value(fromWorkspace ? QStringLiteral("workspace")
                                                              : QStringLiteral("secrets-file"))),
                    -1};
        }
        if (result.isEmpty())
            return AlinkError{fromWorkspace ? QStringLiteral("--workspace")
                                            : QStringLiteral("--secrets-file"),
                              tr("no device matches the chosen product and devices"), -1};
        return result;
    }

    if (productKey.isEmpty())
        return AlinkError{QStringLiteral("--product"),
                          tr("is required (or give --secrets-file or --workspace)"), -1};
    if (names.isEmpty())
        return AlinkError{QStringLiteral("--device"), tr("name at least one device"), -1};
    QString secret = parser.value(QStringLiteral("secret"));
    if (!parser.isSet(QStringLiteral("secret")))
        secret = QString::fromUtf8(qgetenv("CONFIGDECK_DEVICE_SECRET"));
    if (secret.isEmpty())
        return AlinkError{
            QStringLiteral("--secret"),
            tr("no DeviceSecret: set CONFIGDECK_DEVICE_SECRET, or give --secret or --secrets-file"), -1};
    for (const QString& name : std::as_const(names))
        result << DeviceIdentity{productKey, name, secret};
    return result;
}

Alink::Expected<QList<DeviceIdentity>>
DeviceCommand::workspaceIdentities(const QCommandLineParser& parser) const
{
    QString warning;
    auto workspace = CommandSupport::openWorkspace(parser, &warning);
    if (!workspace)
        return workspace.error();
    if (!warning.isEmpty())
        m_printer->event(QStringLiteral("warning"), {{QStringLiteral("text"), warning}},
                         tr("Warning: %1").arg(warning));
    QList<DeviceIdentity> rows;
    const auto devices = (*workspace)->identities().devices();
    if (!devices)
        return AlinkError{QStringLiteral("--workspace"), devices.error().message(), -1};
    for (const Store::DeviceRecord& device : *devices) {
        auto secret = (*workspace)->identities().deviceSecret(device.productKey, device.deviceName);
        if (!secret)
            return AlinkError{QStringLiteral("--workspace"), secret.error().message(), -1};
        rows << DeviceIdentity{device.productKey, device.deviceName, QString::fromUtf8(*secret)};
    }
    if (rows.isEmpty())
        return AlinkError{QStringLiteral("--workspace"),
                          tr("%1 holds no device").arg(parser.value(QStringLiteral("workspace"))), -1};
    return rows;
}

Alink::Expected<QList<DeviceIdentity>> DeviceCommand::readSecretsFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return AlinkError{QStringLiteral("--secrets-file"),
                          tr("%1 cannot be read: %2").arg(path, file.errorString()), -1};
    const QByteArray data = file.readAll();
    Store::CsvReader reader(data);
    QList<DeviceIdentity> rows;
    bool first = true;
    while (reader.next()) {
        if (reader.problem() != Store::CsvReader::Problem::None)
            return AlinkError{
                QStringLiteral("--secrets-file"),
                tr("%1 line %2: a quoted field is not closed properly").arg(path).arg(reader.line()), -1};
        if (reader.isBlank())
            continue;
        const auto& fields = reader.fields();
        auto field = [&fields](size_t i) {
            return i < fields.size() ? QString::fromUtf8(fields[i]).trimmed() : QString();
        };
        if (first && field(0).compare(QLatin1String("ProductKey"), Qt::CaseInsensitive) == 0) {
            first = false;
            continue;
        }
        first = false;
        if (fields.size() < 3 || field(0).isEmpty() || field(1).isEmpty() || field(2).isEmpty())
            return AlinkError{
                QStringLiteral("--secrets-file"),
                tr("%1 line %2: expected ProductKey,DeviceName,DeviceSecret").arg(path).arg(reader.line()),
                -1};
        DeviceIdentity identity{field(0), field(1), field(2)};
        if (auto error = Alink::DeviceCredentials::validateIdentity(identity))
            return AlinkError{QStringLiteral("--secrets-file"),
                              tr("%1 line %2: %3").arg(path).arg(reader.line()).arg(error->message()), -1};
        rows << identity;
    }
    if (rows.isEmpty())
        return AlinkError{QStringLiteral("--secrets-file"), tr("%1 holds no device").arg(path), -1};
    return rows;
}

bool DeviceCommand::confirmLiveIdentities(int count, bool yes)
{
    const QString warning = CloudSession::liveIdentityWarning(count);
    m_printer->event(QStringLiteral("warning"), {{QStringLiteral("text"), warning}},
                     tr("Warning: %1").arg(warning));
    if (yes)
        return true;
    if (!isTerminal(stdin)) {
        m_printer->error(
            tr("Not connecting: there is no terminal to confirm on. Pass --yes to connect anyway."));
        return false;
    }
    std::fprintf(stderr, "%s ", qPrintable(tr("Connect as these identities? [y/N]")));
    std::fflush(stderr);
    char answer[16] = {};
    if (!std::fgets(answer, sizeof answer, stdin))
        return false;
    const QString text = QString::fromLocal8Bit(answer).trimmed().toLower();
    if (text == QLatin1String("y") || text == QLatin1String("yes") || text == tr("y"))
        return true;
    m_printer->error(tr("Not connecting."));
    return false;
}

void DeviceCommand::onSettled()
{
    if (m_session->onlineCount() == 0) {
        finish(CommandSupport::Refused);
        return;
    }
    if (m_get) {
        for (Roles::DeviceAgent* agent : m_session->agents()) {
            if (m_session->deviceState(agent->productKey(), agent->deviceName()) !=
                Cloud::CloudDeviceState::Online)
                continue;
            const auto id = agent->requestConfig();
            if (!id) {
                ++m_failed;
                m_printer->error(
                    tr("%1/%2: %3").arg(agent->productKey(), agent->deviceName(), id.error().message()));
                continue;
            }
            m_pendingGets.insert(deviceKey(agent->productKey(), agent->deviceName()) + QLatin1Char('/') +
                                 *id);
            m_printer->event(
                QStringLiteral("get-sent"),
                with(identityFields(agent->productKey(), agent->deviceName()), {{QStringLiteral("id"), *id}}),
                tr("%1/%2: requested the configuration (id %3)")
                    .arg(agent->productKey(), agent->deviceName(), *id));
        }
        if (!m_pendingGets.isEmpty()) {
            m_getTimer = new QTimer(this);
            m_getTimer->setSingleShot(true);
            connect(m_getTimer, &QTimer::timeout, this, [this] {
                for (const QString& key : std::as_const(m_pendingGets)) {
                    ++m_failed;
                    m_printer->event(QStringLiteral("get-timeout"), {{QStringLiteral("key"), key}},
                                     tr("%1: no configuration within %2 s").arg(key).arg(m_timeoutSeconds));
                }
                m_pendingGets.clear();
                afterGets();
            });
            m_getTimer->start(std::chrono::seconds(m_timeoutSeconds));
            return;
        }
    }
    afterGets();
}

void DeviceCommand::onExchange(const QString& productKey, const QString& deviceName, const QString& messageId,
                               int code, const QString& reason, const QString& advice)
{
    ++m_codes[code];
    if (code != 200)
        ++m_failed;
    const QString getKey = deviceKey(productKey, deviceName) + QLatin1Char('/') + messageId;
    const bool isGet = m_pendingGets.remove(getKey);
    const QJsonObject fields =
        with(identityFields(productKey, deviceName), {{QStringLiteral("id"), messageId},
                                                      {QStringLiteral("code"), code},
                                                      {QStringLiteral("reason"), reason},
                                                      {QStringLiteral("advice"), advice}});
    QString text = isGet
                       ? tr("%1/%2: get %3 ended with %4").arg(productKey, deviceName, messageId).arg(code)
                       : tr("%1/%2: replied %4 to push %3").arg(productKey, deviceName, messageId).arg(code);
    if (!reason.isEmpty())
        text += QStringLiteral(": ") + reason;
    if (!advice.isEmpty())
        text += QStringLiteral("\n  ") + advice;
    m_printer->event(isGet ? QStringLiteral("get") : QStringLiteral("reply"), fields, text);
    if (isGet && m_pendingGets.isEmpty()) {
        if (m_getTimer)
            m_getTimer->stop();
        afterGets();
    }
}

void DeviceCommand::onMessage(const Store::MessageLogEntry& entry)
{
    if (entry.direction != Store::MessageDirection::In)
        return;
    const auto topic = Alink::Topic::parse(entry.topic);
    if (!topic || topic->kind() != Alink::TopicKind::ConfigPush)
        return;
    ++m_pushes;
    m_printer->event(
        QStringLiteral("push"),
        with(identityFields(entry.productKey, entry.deviceName), {{QStringLiteral("id"), entry.messageId}}),
        tr("%1/%2: push %3 received").arg(entry.productKey, entry.deviceName, entry.messageId));
}

void DeviceCommand::afterGets()
{
    if (m_finished || m_waitTimer)
        return;
    if (m_waitPushSeconds <= 0) {
        finish(CommandSupport::Success);
        return;
    }
    m_printer->event(QStringLiteral("waiting"), {{QStringLiteral("seconds"), m_waitPushSeconds}},
                     tr("waiting %1 s for pushes").arg(m_waitPushSeconds));
    m_waitTimer = new QTimer(this);
    m_waitTimer->setSingleShot(true);
    connect(m_waitTimer, &QTimer::timeout, this, [this] { finish(CommandSupport::Success); });
    m_waitTimer->start(std::chrono::seconds(m_waitPushSeconds));
}

void DeviceCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    printSummary();
    if (m_session)
        m_session->stop();
    if (exitCode == CommandSupport::Success) {
        if (m_refused > 0 || m_kicked > 0)
            exitCode = CommandSupport::Refused;
        else if (m_failed > 0)
            exitCode = CommandSupport::Failed;
    }
    emit finished(exitCode);
}

void DeviceCommand::printSummary()
{
    QJsonObject codes;
    const QString codesText = EventPrinter::describeCounts(m_codes, codes);
    m_printer->event(
        QStringLiteral("summary"),
        {{QStringLiteral("devices"), m_devices},
         {QStringLiteral("connected"), m_connected},
         {QStringLiteral("refused"), m_refused},
         {QStringLiteral("kicked"), m_kicked},
         {QStringLiteral("verified"), m_verified},
         {QStringLiteral("pushes"), m_pushes},
         {QStringLiteral("failed"), m_failed},
         {QStringLiteral("codes"), codes}},
        tr("%1 devices: %2 connected, %3 refused, %4 kicked offline; %5 verified, %6 pushes; codes: %7")
            .arg(m_devices)
            .arg(m_connected)
            .arg(m_refused)
            .arg(m_kicked)
            .arg(m_verified)
            .arg(m_pushes)
            .arg(codesText));
}

} // namespace ConfigDeck::Cli
