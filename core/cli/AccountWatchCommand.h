#pragma once

#include "EventPrinter.h"
#include "cloud/AmqpSubscription.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

namespace ConfigDeck::Store {
class Workspace;
}
namespace ConfigDeck::Cloud {
class AccountFeed;
}

namespace ConfigDeck::Cli {

// The runner of `configdeck-cli account watch` (AccountCommand parses the options and reads the account):
// follows the account's server-side subscription (AMQP) and prints each device status change and each
// push reply as it arrives (JSON lines with --json), until stop() or the duration, then a summary. With a
// workspace, only the workspace's devices are printed (the others are reported once); the workspace is
// read, never written.
class AccountWatchCommand final : public QObject
{
    Q_OBJECT

public:
    // printer must outlive this runner; workspace (may be null) too.
    AccountWatchCommand(EventPrinter& printer, const Store::Workspace* workspace, QObject* parent = nullptr);
    ~AccountWatchCommand() override;

    // Connects with settings (their secret is wiped here) and stops by itself after duration (0: never).
    // The error when the settings cannot be used; then nothing runs.
    std::optional<Alink::AlinkError> start(Cloud::AmqpSubscription::Settings settings,
                                           std::chrono::seconds duration);
    // Stops (once), prints the summary and emits finished(exitCode).
    void stop(int exitCode);

signals:
    void finished(int exitCode);

private:
    void onState(Cloud::AmqpSubscription::State state, const QString& text);

    EventPrinter& m_printer;
    std::unique_ptr<Cloud::AccountFeed> m_feed;
    std::unique_ptr<Cloud::AmqpSubscription> m_subscription;
    QTimer m_durationTimer;
    int m_statuses = 0;
    int m_replies = 0;
    bool m_stopped = false;
};

} // namespace ConfigDeck::Cli
