#pragma once

#include "EventPrinter.h"
#include "alink/AlinkError.h"
#include "cloud/AccountProfile.h"

#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace ConfigDeck::Cloud {
class CloudFleetImport;
class OpenApiClient;
} // namespace ConfigDeck::Cloud
namespace ConfigDeck::Store {
class Workspace;
}

namespace ConfigDeck::Cli {

class AccountWatchCommand;

// `configdeck-cli account <subcommand>`: the Alibaba Cloud account as a server sees it. The account comes
// from a workspace's profile (--workspace, --passphrase-file) or, for scripts, from options and the
// ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET environment variables.
//   products  lists the account's products (QueryProductList)
//   devices   lists devices with their status (QueryDevice)
//   import    Import from Alibaba Cloud into the workspace, with the CSV import's preview and rules
//   watch     follows the server-side subscription (AMQP): status changes and push replies as they come
// More subcommands add one entry to subcommands() in AccountCommand.cpp and use the shared pieces below:
// addAccountOptions(), account(), printer(), finish().
class AccountCommand final : public QObject
{
    Q_OBJECT

public:
    static inline const char* const kAccessKeyIdVariable = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    static inline const char* const kAccessKeySecretVariable = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";

    // One subcommand: parses its own arguments (the first names "configdeck-cli account <name>") and
    // starts; returns an exit code when there is nothing (more) to run, else ends with finish().
    struct Subcommand
    {
        const char* name;
        const char* summary; // translated in the "AccountCommand" context
        std::function<std::optional<int>(AccountCommand& command, const QStringList& arguments)> start;
    };
    static const QList<Subcommand>& subcommands();

    // What a subcommand runs with: the profile, its opened secret and, with --workspace, the workspace.
    struct Account
    {
        Cloud::AccountProfile profile;
        std::unique_ptr<Store::WipedBytes> secret;
        std::unique_ptr<Store::Workspace> workspace;
    };

    explicit AccountCommand(QObject* parent = nullptr);
    ~AccountCommand() override;

    // arguments: "configdeck-cli account", then the subcommand and its options.
    std::optional<int> start(const QStringList& arguments);

    // The options every subcommand shares: the workspace, the account profile's fields, the secret's file
    // and --json.
    static void addAccountOptions(QCommandLineParser& parser);
    // The account from --workspace (and options overriding its fields), or from options and environment,
    // checked for `purpose`. The secret comes from --access-key-secret-file, else the environment, else the
    // workspace's sealed one.
    static Alink::Expected<Account> account(const QCommandLineParser& parser, bool workspaceRequired,
                                            Cloud::AccountProfile::Purpose purpose);

    EventPrinter& printer() { return *m_printer; }
    void setPrinter(bool json) { m_printer = std::make_unique<EventPrinter>(json); }
    QNetworkAccessManager& network() { return m_network; }
    // Ends the command (once) with this exit code.
    void finish(int exitCode);

signals:
    void finished(int exitCode);

private:
    std::optional<int> startProducts(const QStringList& arguments);
    std::optional<int> startDevices(const QStringList& arguments);
    std::optional<int> startImport(const QStringList& arguments);
    std::optional<int> startWatch(const QStringList& arguments);
    // Parses and reads the account for `purpose`; an exit code when that failed.
    std::optional<int> readAccount(QCommandLineParser& parser, const QStringList& arguments,
                                   bool workspaceRequired, Cloud::AccountProfile::Purpose purpose);
    // readAccount() for the OpenAPI, then makes the client; an exit code when that failed.
    std::optional<int> prepare(QCommandLineParser& parser, const QStringList& arguments,
                               bool workspaceRequired);
    void failWith(const QString& error);

    std::unique_ptr<EventPrinter> m_printer;
    QNetworkAccessManager m_network;
    std::optional<Account> m_account;
    std::unique_ptr<Cloud::OpenApiClient> m_client;
    std::unique_ptr<Cloud::CloudFleetImport> m_import;
    std::unique_ptr<AccountWatchCommand> m_watch;
    bool m_finished = false;
};

} // namespace ConfigDeck::Cli
