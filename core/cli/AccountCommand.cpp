#include "AccountCommand.h"

#include "AccountWatchCommand.h"
#include "CommandSupport.h"
#include "cloud/CloudFleetImport.h"
#include "cloud/OpenApiClient.h"
#include "store/Workspace.h"

#include <QFile>
#include <QHostInfo>
#include <QJsonArray>

#include <cstdio>

namespace ConfigDeck::Cli {

using Alink::AlinkError;
using Alink::Expected;
using Cloud::OpenApiClient;
using Purpose = Cloud::AccountProfile::Purpose;

namespace {

AlinkError optionError(const QString& option, const QString& reason)
{
    return AlinkError{QStringLiteral("--") + option, reason, -1};
}

QStringList listOption(const QCommandLineParser& parser, const QString& name)
{
    QStringList values;
    for (const QString& value : parser.values(name)) {
        for (const QString& part : value.split(u',', Qt::SkipEmptyParts))
            values.append(part.trimmed());
    }
    return values;
}

} // namespace

const QList<AccountCommand::Subcommand>& AccountCommand::subcommands()
{
    static const QList<Subcommand> list{
        {"products", QT_TRANSLATE_NOOP("AccountCommand", "list the account's products (QueryProductList)"),
         [](AccountCommand& command, const QStringList& arguments) {
             return command.startProducts(arguments);
         }},
        {"devices", QT_TRANSLATE_NOOP("AccountCommand", "list devices with their status (QueryDevice)"),
         [](AccountCommand& command, const QStringList& arguments) {
             return command.startDevices(arguments);
         }},
        {"import",
         QT_TRANSLATE_NOOP("AccountCommand",
                           "add or refresh the account's products and devices in the workspace"),
         [](AccountCommand& command, const QStringList& arguments) {
             return command.startImport(arguments);
         }},
        {"watch",
         QT_TRANSLATE_NOOP("AccountCommand",
                           "print device status changes and push replies as they arrive (AMQP)"),
         [](AccountCommand& command, const QStringList& arguments) { return command.startWatch(arguments); }},
    };
    return list;
}

AccountCommand::AccountCommand(QObject* parent)
    : QObject(parent)
    , m_printer(std::make_unique<EventPrinter>(false))
{
}

AccountCommand::~AccountCommand()
{
    // The watch reads the printer and the workspace: it ends first.
    m_watch.reset();
    m_import.reset();
    m_client.reset();
}

std::optional<int> AccountCommand::start(const QStringList& arguments)
{
    const QString name = arguments.value(1);
    for (const Subcommand& subcommand : subcommands()) {
        if (name != QLatin1StringView(subcommand.name))
            continue;
        QStringList rest = arguments;
        rest[0] = arguments.first() + u' ' + name;
        rest.removeAt(1);
        return subcommand.start(*this, rest);
    }
    const bool help = name == QLatin1String("--help") || name == QLatin1String("-h");
    QString usage = tr("Usage: configdeck-cli account <subcommand> [options]\n\nSubcommands:\n");
    for (const Subcommand& subcommand : subcommands())
        usage += QStringLiteral("  %1 %2\n")
                     .arg(QLatin1StringView(subcommand.name), -9)
                     .arg(QCoreApplication::translate("AccountCommand", subcommand.summary));
    usage += tr("\nRun configdeck-cli account <subcommand> --help for its options.\n");
    if (!help && !name.isEmpty())
        std::fprintf(stderr, "%s\n", qPrintable(tr("Unknown subcommand '%1'.").arg(name)));
    std::fputs(qPrintable(usage), help ? stdout : stderr);
    return help ? CommandSupport::Success : CommandSupport::UsageError;
}

void AccountCommand::addAccountOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("region"), tr("Region ID, e.g. cn-shanghai (overrides the workspace's profile)."),
         QStringLiteral("id")},
        {QStringLiteral("instance"), tr("IoT instance ID of an Enterprise Edition instance."),
         QStringLiteral("id")},
        {QStringLiteral("access-key-id"),
         tr("AccessKey ID of a RAM user (or set %1).").arg(QLatin1StringView(kAccessKeyIdVariable)),
         QStringLiteral("id")},
        {QStringLiteral("access-key-secret-file"),
         tr("File holding the AccessKey Secret (default: %1, else the workspace's sealed one).")
             .arg(QLatin1StringView(kAccessKeySecretVariable)),
         QStringLiteral("file")},
        {QStringLiteral("openapi-url"),
         tr("Call the OpenAPI here instead of https://iot.{region}.aliyuncs.com."), QStringLiteral("url")},
        {QStringLiteral("consumer-group"), tr("Consumer group ID of the server-side subscription."),
         QStringLiteral("id")},
        {QStringLiteral("account-uid"),
         tr("Alibaba Cloud account ID: names the public instance's AMQP endpoint with the region."),
         QStringLiteral("uid")},
        {QStringLiteral("amqp-host"),
         tr("AMQP endpoint (default: {instance}.amqp.iothub.aliyuncs.com, or "
            "{account-uid}.iot-amqp.{region}.aliyuncs.com)."),
         QStringLiteral("host")},
        {QStringLiteral("amqp-port"), tr("AMQP port (default: 5671)."), QStringLiteral("port")},
        {QStringLiteral("ca"),
         tr("PEM file of the roots to trust instead of the system's (OpenAPI) or the shipped GlobalSign "
            "Root CA R1 (AMQP)."),
         QStringLiteral("file")},
        {QStringLiteral("json"), tr("Print one JSON object per line.")},
    });
    CommandSupport::addWorkspaceOptions(parser);
}

Expected<AccountCommand::Account> AccountCommand::account(const QCommandLineParser& parser,
                                                          bool workspaceRequired, Purpose purpose)
{
    Account account;
    if (parser.isSet(QStringLiteral("workspace"))) {
        auto workspace = CommandSupport::openWorkspace(parser);
        if (!workspace)
            return workspace.error();
        account.workspace = std::move(workspace).value();
        const auto stored = Cloud::AccountProfile::load(*account.workspace);
        if (!stored)
            return stored.error();
        if (stored->has_value())
            account.profile = **stored;
    } else if (workspaceRequired) {
        return optionError(QStringLiteral("workspace"), tr("give the workspace to import into"));
    }
    Cloud::AccountProfile& profile = account.profile;
    const auto take = [&parser](const char* option, QString* field) {
        if (parser.isSet(QLatin1StringView(option)))
            *field = parser.value(QLatin1StringView(option));
    };
    take("region", &profile.regionId);
    take("instance", &profile.instanceId);
    take("access-key-id", &profile.accessKeyId);
    take("openapi-url", &profile.openApiUrl);
    take("consumer-group", &profile.consumerGroupId);
    take("account-uid", &profile.accountUid);
    take("amqp-host", &profile.amqpHost);
    take("ca", &profile.caFile);
    if (parser.isSet(QStringLiteral("amqp-port"))) {
        const auto port = CommandSupport::number(parser, QStringLiteral("amqp-port"), 0, 1);
        if (!port)
            return port.error();
        if (*port > 65535)
            return optionError(QStringLiteral("amqp-port"), tr("must be at most 65535"));
        profile.amqpPort = quint16(*port);
    }
    if (profile.accessKeyId.isEmpty())
        profile.accessKeyId = qEnvironmentVariable(kAccessKeyIdVariable);
    if (const auto invalid = profile.validate(purpose))
        return account.workspace
                   ? AlinkError{invalid->field,
                                invalid->reason + u' ' +
                                    tr("(set the account profile in the console, or give the option)"),
                                -1}
                   : *invalid;

    // The secret is never an option's value: the command line is visible to the machine's other users.
    const QByteArray fromEnvironment = qgetenv(kAccessKeySecretVariable);
    if (parser.isSet(QStringLiteral("access-key-secret-file"))) {
        QFile file(parser.value(QStringLiteral("access-key-secret-file")));
        if (!file.open(QIODevice::ReadOnly))
            return optionError(QStringLiteral("access-key-secret-file"),
                               tr("cannot read '%1': %2").arg(file.fileName(), file.errorString()));
        QByteArray read = file.readAll();
        account.secret = std::make_unique<Store::WipedBytes>(QByteArrayView(read).trimmed());
        read.fill('\0');
        if (account.secret->view().isEmpty())
            return optionError(QStringLiteral("access-key-secret-file"),
                               tr("'%1' is empty").arg(file.fileName()));
    } else if (!fromEnvironment.isEmpty()) {
        account.secret = std::make_unique<Store::WipedBytes>(QByteArrayView(fromEnvironment));
    } else if (account.workspace && profile.hasSecret) {
        auto opened = Cloud::AccountProfile::openSecret(*account.workspace);
        if (!opened)
            return opened.error();
        account.secret = std::move(opened).value();
    } else {
        return AlinkError{QStringLiteral("AccessKey Secret"),
                          tr("none is given: set %1, give --access-key-secret-file, or save it in the "
                             "workspace's account profile")
                              .arg(QLatin1StringView(kAccessKeySecretVariable)),
                          -1};
    }
    return account;
}

std::optional<int> AccountCommand::readAccount(QCommandLineParser& parser, const QStringList& arguments,
                                               bool workspaceRequired, Purpose purpose)
{
    parser.addHelpOption();
    addAccountOptions(parser);
    if (const auto exitCode = CommandSupport::parse(parser, arguments))
        return *exitCode;
    setPrinter(parser.isSet(QStringLiteral("json")));
    auto account = AccountCommand::account(parser, workspaceRequired, purpose);
    if (!account)
        return m_printer->usageError(account.error());
    m_account = std::move(account).value();
    return std::nullopt;
}

std::optional<int> AccountCommand::prepare(QCommandLineParser& parser, const QStringList& arguments,
                                           bool workspaceRequired)
{
    if (const auto exitCode = readAccount(parser, arguments, workspaceRequired, Purpose::OpenApi))
        return exitCode;
    m_client = std::make_unique<OpenApiClient>(&m_network, m_account->profile, m_account->secret->view());
    connect(m_client.get(), &OpenApiClient::retrying, this,
            [this](const QString& action, int attempt, int delayMs, const QString& code) {
                m_printer->event(
                    QStringLiteral("retrying"),
                    {{QStringLiteral("action"), action},
                     {QStringLiteral("attempt"), attempt},
                     {QStringLiteral("delayMs"), delayMs},
                     {QStringLiteral("code"), code}},
                    tr("%1 was throttled (%2); retrying in %3 ms").arg(action, code).arg(delayMs));
            });
    connect(m_client.get(), &OpenApiClient::progress, this,
            [this](const QString& text) { m_printer->progress(text); });
    CommandSupport::onInterrupt(this, [this] {
        if (m_client)
            m_client->cancel();
        finish(CommandSupport::Interrupted);
    });
    return std::nullopt;
}

void AccountCommand::failWith(const QString& error)
{
    m_printer->error(error);
    finish(CommandSupport::Failed);
}

void AccountCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(exitCode);
}

std::optional<int> AccountCommand::startProducts(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Lists the Alibaba Cloud account's IoT products."));
    if (const auto exitCode = prepare(parser, arguments, false))
        return exitCode;
    m_client->queryProducts([this](Expected<QList<OpenApiClient::Product>> products) {
        if (!products) {
            failWith(products.error().message());
            return;
        }
        for (const OpenApiClient::Product& product : std::as_const(*products))
            m_printer->event(QStringLiteral("product"),
                             {{QStringLiteral("productKey"), product.productKey},
                              {QStringLiteral("name"), product.name},
                              {QStringLiteral("deviceCount"), product.deviceCount},
                              {QStringLiteral("nodeType"), product.nodeType}},
                             tr("%1  %2  (%n device(s))", nullptr, product.deviceCount)
                                 .arg(product.productKey, product.name));
        finish(CommandSupport::Success);
    });
    return std::nullopt;
}

std::optional<int> AccountCommand::startDevices(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Lists the devices of the account's products with their status."));
    parser.addOption({QStringLiteral("product"),
                      tr("ProductKey; repeat or separate with commas (default: every product)."),
                      QStringLiteral("pk")});
    if (const auto exitCode = prepare(parser, arguments, false))
        return exitCode;
    auto listDevices = std::make_shared<std::function<void(QStringList)>>();
    *listDevices = [this, weak = std::weak_ptr(listDevices)](QStringList productKeys) {
        if (productKeys.isEmpty()) {
            finish(CommandSupport::Success);
            return;
        }
        const QString productKey = productKeys.takeFirst();
        const auto keep = weak.lock();
        m_client->queryDevices(
            productKey, [this, keep, productKeys](Expected<QList<OpenApiClient::Device>> devices) {
                if (!devices) {
                    failWith(devices.error().message());
                    return;
                }
                for (const OpenApiClient::Device& device : std::as_const(*devices))
                    m_printer->event(
                        QStringLiteral("device"),
                        {{QStringLiteral("productKey"), device.productKey},
                         {QStringLiteral("deviceName"), device.deviceName},
                         {QStringLiteral("status"), device.status},
                         {QStringLiteral("iotId"), device.iotId}},
                        QStringLiteral("%1/%2  %3").arg(device.productKey, device.deviceName, device.status));
                (*keep)(productKeys);
            });
    };
    const QStringList wanted = listOption(parser, QStringLiteral("product"));
    if (!wanted.isEmpty()) {
        (*listDevices)(wanted);
        return std::nullopt;
    }
    m_client->queryProducts([this, listDevices](Expected<QList<OpenApiClient::Product>> products) {
        if (!products) {
            failWith(products.error().message());
            return;
        }
        QStringList keys;
        for (const OpenApiClient::Product& product : std::as_const(*products))
            keys.append(product.productKey);
        (*listDevices)(keys);
    });
    return std::nullopt;
}

std::optional<int> AccountCommand::startImport(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Adds or refreshes the account's products and devices in the workspace, all or nothing, as the CSV "
        "import does; a refresh keeps every device's state, labels and history."));
    parser.addOptions({
        {QStringLiteral("product"),
         tr("ProductKey; repeat or separate with commas (default: every product)."), QStringLiteral("pk")},
        {QStringLiteral("with-secrets"),
         tr("Also fetch and store (sealed) the DeviceSecrets (BatchQueryDeviceDetail).")},
        {QStringLiteral("no-online-state"), tr("Do not fetch the online state (BatchGetDeviceState).")},
        {QStringLiteral("dry-run"), tr("Only preview: check every row and write nothing.")},
    });
    if (const auto exitCode = prepare(parser, arguments, true))
        return exitCode;
    Cloud::CloudFleetImport::Options options;
    options.withSecrets = parser.isSet(QStringLiteral("with-secrets"));
    options.withOnlineState = !parser.isSet(QStringLiteral("no-online-state"));
    options.productKeys = listOption(parser, QStringLiteral("product"));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (!dryRun && m_account->workspace->keys().isLocked())
        return m_printer->usageError(Store::KeyStore::lockedError());
    m_import = std::make_unique<Cloud::CloudFleetImport>(*m_account->workspace, *m_client, options);
    connect(m_import.get(), &Cloud::CloudFleetImport::progress, this,
            [this](const QString& text) { m_printer->progress(text); });
    connect(m_import.get(), &Cloud::CloudFleetImport::finished, this, [this, dryRun](const QString& error) {
        if (!error.isEmpty()) {
            failWith(error);
            return;
        }
        const auto preview = m_import->preview(0);
        if (!preview) {
            failWith(preview.error().message());
            return;
        }
        for (const Store::CsvImport::RowError& row : preview->errors)
            m_printer->event(
                QStringLiteral("row-error"),
                {{QStringLiteral("row"), row.line - 1}, {QStringLiteral("message"), row.message}},
                tr("Row %1: %2").arg(row.line - 1).arg(row.message));
        m_printer->event(QStringLiteral("preview"),
                         {{QStringLiteral("products"), preview->productKeys.size()},
                          {QStringLiteral("newProducts"), QJsonArray::fromStringList(preview->newProducts)},
                          {QStringLiteral("devices"), preview->rowCount},
                          {QStringLiteral("existing"), preview->existingRowCount},
                          {QStringLiteral("errors"), preview->errorRowCount}},
                         preview->summary());
        if (dryRun || !preview->canCommit()) {
            finish(preview->canCommit() ? CommandSupport::Success : CommandSupport::Failed);
            return;
        }
        const auto imported = m_import->commit(*preview);
        if (!imported) {
            failWith(imported.error().message());
            return;
        }
        m_printer->event(QStringLiteral("imported"),
                         {{QStringLiteral("devices"), *imported},
                          {QStringLiteral("added"), preview->rowCount - preview->existingRowCount},
                          {QStringLiteral("refreshed"), preview->existingRowCount}},
                         tr("Imported: %n device(s) added or refreshed.", nullptr, int(*imported)));
        finish(CommandSupport::Success);
    });
    m_import->fetch();
    return std::nullopt;
}

std::optional<int> AccountCommand::startWatch(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Follows the account's server-side subscription on Alibaba Cloud IoT Platform (AMQP 1.0 over TLS) "
           "and prints each device status change and each reply to a configuration push as it arrives. With "
           "--workspace, only the workspace's devices are printed; the workspace is only read."));
    parser.addOptions({
        {QStringLiteral("client-id"),
         tr("Client ID shown in the console's list of clients (default: this host's name)."),
         QStringLiteral("id")},
        {QStringLiteral("idle-timeout"), tr("AMQP idle-time-out in seconds, 30 to 300."),
         QStringLiteral("seconds"), QStringLiteral("60")},
        {QStringLiteral("duration"), tr("Stop after this many seconds (default: run until Ctrl+C)."),
         QStringLiteral("seconds")},
    });
    if (const auto exitCode = readAccount(parser, arguments, false, Purpose::Subscription))
        return exitCode;
    const auto idle = CommandSupport::number(parser, QStringLiteral("idle-timeout"), 60, 1);
    if (!idle)
        return m_printer->usageError(idle.error());
    const auto duration = CommandSupport::number(parser, QStringLiteral("duration"), 0, 1);
    if (!duration)
        return m_printer->usageError(duration.error());
    QString clientId = parser.value(QStringLiteral("client-id"));
    if (clientId.isEmpty())
        clientId = QStringLiteral("configdeck-cli-") + QHostInfo::localHostName();

    Cloud::AmqpSubscription::Settings settings =
        m_account->profile.amqpSettings(*m_account->secret, clientId);
    settings.idleTimeout = std::chrono::seconds(*idle);
    m_account->secret.reset();
    m_watch = std::make_unique<AccountWatchCommand>(*m_printer, m_account->workspace.get());
    connect(m_watch.get(), &AccountWatchCommand::finished, this, &AccountCommand::finish);
    CommandSupport::onInterrupt(this, [this] { m_watch->stop(CommandSupport::Interrupted); });
    if (const auto invalid = m_watch->start(std::move(settings), std::chrono::seconds(*duration)))
        return m_printer->usageError(*invalid);
    return std::nullopt;
}

} // namespace ConfigDeck::Cli
