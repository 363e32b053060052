#pragma once

#include "EventPrinter.h"
#include "cloud/AmqpSubscription.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace ConfigDeck::Store {
class Workspace;
}
namespace ConfigDeck::Cloud {
class AccountFeed;
}

namespace ConfigDeck::Cli {

// `configdeck-cli account watch`: follows the account's server-side subscription (AMQP) and prints each
// device status change and each push reply as it arrives (JSON lines with --json), until Ctrl+C or
// --duration. With --workspace, only the workspace's devices are printed (the others are reported once);
// the workspace is read, never written.
class AccountWatchCommand final : public QObject
{
    Q_OBJECT

public:
    explicit AccountWatchCommand(QObject* parent = nullptr);
    ~AccountWatchCommand() override;

    // Parses the arguments and starts; returns an exit code when there is nothing to run.
    std::optional<int> start(const QStringList& arguments);

    // The AccessKey Secret comes from this environment variable or --access-key-secret-file, never from
    // the command line (where other users could read it).
    static inline const char* const kSecretVariable = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";

signals:
    void finished(int exitCode);

private:
    void onState(Cloud::AmqpSubscription::State state, const QString& text);
    void finish(int exitCode);

    std::unique_ptr<EventPrinter> m_printer;
    std::unique_ptr<Store::Workspace> m_workspace;
    std::unique_ptr<Cloud::AccountFeed> m_feed;
    std::unique_ptr<Cloud::AmqpSubscription> m_subscription;
    QTimer m_durationTimer;
    int m_statuses = 0;
    int m_replies = 0;
    bool m_finished = false;
};

} // namespace ConfigDeck::Cli
