#pragma once

#include "alink/AlinkError.h"
#include "transport/MqttConnectOptions.h"

#include <QCommandLineParser>
#include <QObject>

#include <memory>

namespace ConfigDeck::Store {
class Workspace;
}

namespace ConfigDeck::Cli {

// What every configdeck-cli command shares: the broker options, exit codes, and a clean stop on Ctrl+C.
class CommandSupport
{
    Q_DECLARE_TR_FUNCTIONS(CommandSupport)

public:
    enum ExitCode
    {
        Success = 0,
        Failed = 1,       // a rollout aborted, or devices did not take the configuration
        UsageError = 2,   // bad options or files
        Refused = 3,      // the broker refused or could not be reached
        Interrupted = 130 // Ctrl+C
    };

    // Parses a command's arguments; an exit code when there is nothing to run (--help, or an error printed).
    static std::optional<int> parse(QCommandLineParser& parser, const QStringList& arguments);

    static void addBrokerOptions(QCommandLineParser& parser);
    static Alink::Expected<Transport::MqttConnectOptions> brokerOptions(const QCommandLineParser& parser);

    // --workspace FILE and --passphrase-file FILE (the passphrase may also come from CONFIGDECK_PASSPHRASE).
    static void addWorkspaceOptions(QCommandLineParser& parser);
    // Opens the --workspace file and unlocks its key: the OS keychain, or the passphrase from
    // --passphrase-file or CONFIGDECK_PASSPHRASE. Refuses, saying why, when a passphrase workspace has none
    // (the CLI never prompts). A workspace still under the Demo's public passphrase opens with a warning.
    static Alink::Expected<std::unique_ptr<Store::Workspace>> openWorkspace(const QCommandLineParser& parser,
                                                                            QString* warning = nullptr);
    static inline const char* const kPassphraseVariable = "CONFIGDECK_PASSPHRASE";

    // Reads a positive whole number option, with its default.
    static Alink::Expected<qint64> number(const QCommandLineParser& parser, const QString& name,
                                          qint64 fallback, qint64 minimum = 0);
    static Alink::Expected<double> share(const QCommandLineParser& parser, const QString& name,
                                         double fallback);

    // Calls `stop` (once) on SIGINT or SIGTERM, from the event loop.
    static void onInterrupt(QObject* context, std::function<void()> stop);
};

} // namespace ConfigDeck::Cli
