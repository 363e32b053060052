#pragma once

#include "EventPrinter.h"
#include "roles/RolloutRunner.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QSet>

#include <memory>

namespace ConfigDeck::Transport {
class MqttConnection;
}
namespace ConfigDeck::Store {
class Workspace;
}
namespace ConfigDeck::Roles {
class SharedRollout;
class WorkspaceRecorder;
} // namespace ConfigDeck::Roles
namespace ConfigDeck::Transfer {
class FileServer;
}

namespace ConfigDeck::Cli {

// `configdeck-cli platform`: serves remote configuration on a broker as the cloud does (answers gets, serves
// the file over HTTP(S) with expiring signed URLs) and optionally pushes or runs a rollout.
class PlatformCommand final : public QObject
{
    Q_OBJECT

public:
    explicit PlatformCommand(QObject* parent = nullptr);
    ~PlatformCommand() override;

    std::optional<int> start(const QStringList& arguments);

signals:
    void finished(int exitCode);

private:
    enum class Action
    {
        Serve,
        Push,
        Rollout
    };

    void onConnected();
    void act();
    void finish(int exitCode);
    void printSummary();
    static void count(QMap<int, qint64>& counts, int code);
    // With --workspace: the rollout's work is in the workspace, shared with the platform processes that join
    // it. False when it could not begin (said, and finished).
    bool startSharedRollout();

    std::unique_ptr<EventPrinter> m_printer;
    // With --workspace: what this platform sends and receives is recorded there, with the operator.
    std::unique_ptr<Store::Workspace> m_workspace;
    std::unique_ptr<Roles::WorkspaceRecorder> m_recorder; // destroyed (flushed) before the workspace
    Transport::MqttConnection* m_connection = nullptr;
    Transfer::FileServer* m_fileServer = nullptr;
    Roles::PlatformService* m_platform = nullptr;
    Roles::Rollout* m_rollout = nullptr;
    Roles::SharedRollout* m_sharedRollout = nullptr; // m_rollout, when it is shared through the workspace
    Roles::RolloutPlan m_plan;
    QString m_productKey;
    QStringList m_devices;
    QString m_operatorName;
    QString m_shareGroup;
    Action m_action = Action::Serve;
    qint64 m_afterGets = 0;
    qint64 m_afterSeconds = 0;
    bool m_serveAfter = false;
    bool m_allowFailures = false;
    bool m_acted = false;
    bool m_finished = false;
    QSet<QString> m_requested;
    QMap<int, qint64> m_getCodes;   // what gets were answered with
    QMap<int, qint64> m_replyCodes; // what devices replied to pushes
    qint64 m_pushed = 0;
    qint64 m_replies = 0;
    qint64 m_gets = 0;
    qint64 m_wireErrors = 0;
    QElapsedTimer m_actionClock;
    qint64 m_actionMs = -1;
};

} // namespace ConfigDeck::Cli
