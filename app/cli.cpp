// configdeck-cli: the headless engine. Start-up only: picks the command and runs it.
#include "BuildInfo.h"
#include "Localization.h"
#include "cli/AccountCommand.h"
#include "cli/CommandSupport.h"
#include "cli/DeviceCommand.h"
#include "cli/DevicesCommand.h"
#include "cli/PlatformCommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

namespace {

void printUsage()
{
    const QString usage = QCoreApplication::translate(
        "main",
        "Usage: configdeck-cli <command> [options]\n\n"
        "Commands:\n"
        "  devices    simulate N devices, each its own MQTT connection, with a fault mix\n"
        "  platform   serve remote configuration on a broker as the cloud does; push or roll out\n"
        "  device     connect as real device identities to Alibaba Cloud IoT Platform (--cloud): request,\n"
        "             wait for pushes, download, verify, reply\n"
        "  account    the Alibaba Cloud account: products, devices, import (OpenAPI), watch (AMQP)\n\n"
        "Run configdeck-cli <command> --help for the options of a command.\n");
    std::fputs(qPrintable(usage), stdout);
}

template <typename Command>
int run(QCoreApplication& app, const QStringList& arguments)
{
    Command command;
    QObject::connect(&command, &Command::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
    if (const auto exitCode = command.start(arguments))
        return *exitCode;
    return app.exec();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfigDeck"));
    QCoreApplication::setApplicationName(QStringLiteral("configdeck-cli"));
    QCoreApplication::setApplicationVersion(QLatin1StringView(ConfigDeck::BuildInfo::kVersion));
    ConfigDeck::Localization::install();
    // The engine's informational log is for the GUI's log view; on a terminal only warnings, unless asked
    // (QT_LOGGING_RULES="configdeck.*.info=true").
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("configdeck.*.info=false"));

    QStringList arguments = app.arguments();
    const QString command = arguments.size() > 1 ? arguments.at(1) : QString();
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        std::printf("%s\n", qPrintable(ConfigDeck::BuildInfo::versionLine()));
        return 0;
    }
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        printUsage();
        return command.isEmpty() ? ConfigDeck::Cli::CommandSupport::UsageError : 0;
    }
    // The command's parser sees "configdeck-cli <command>" --its --options; its help names the command.
    arguments[0] = QStringLiteral("configdeck-cli ") + command;
    arguments.removeAt(1);
    if (command == QLatin1String("devices"))
        return run<ConfigDeck::Cli::DevicesCommand>(app, arguments);
    if (command == QLatin1String("platform"))
        return run<ConfigDeck::Cli::PlatformCommand>(app, arguments);
    if (command == QLatin1String("device"))
        return run<ConfigDeck::Cli::DeviceCommand>(app, arguments);
    if (command == QLatin1String("account"))
        return run<ConfigDeck::Cli::AccountCommand>(app, arguments);
    std::fprintf(stderr, "%s\n",
                 qPrintable(QCoreApplication::translate("main", "Unknown command '%1'.").arg(command)));
    printUsage();
    return ConfigDeck::Cli::CommandSupport::UsageError;
}
