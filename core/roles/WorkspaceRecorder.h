#pragma once

#include "store/StoreTypes.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace ConfigDeck::Store {
class Workspace;
}

namespace ConfigDeck::Roles {

// Persists what the roles report: message-log entries and device-state changes are buffered and written in
// one transaction per flush (every `interval`, or sooner when the buffer is large), so a rollout to thousands
// of devices costs a few writes a second, not thousands. Partial updates of one device are merged first.
class WorkspaceRecorder final : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceRecorder(Store::Workspace* workspace, QObject* parent = nullptr);
    ~WorkspaceRecorder() override; // flushes

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    void setMaxBuffered(int entries) { m_maxBuffered = entries; }

    void recordMessage(const ConfigDeck::Store::MessageLogEntry& entry);
    // Updates of devices the workspace does not have are dropped.
    void recordState(const ConfigDeck::Store::DeviceStateUpdate& update);
    void forgetKnownDevices() { m_known.clear(); } // after devices were added or removed
    void recordOutcome(qint64 rolloutId, const ConfigDeck::Store::RolloutOutcome& outcome);

    // Writes what is buffered now; false (and errorOccurred) when the workspace refused, buffers kept.
    bool flush();
    int buffered() const { return int(m_messages.size() + m_states.size() + m_outcomes.size()); }

    // Folds `update` into `into` (later values win; fields absent in `update` keep theirs).
    static void merge(Store::DeviceStateUpdate& into, const Store::DeviceStateUpdate& update);

signals:
    void flushed(int messages, int states);
    void errorOccurred(const QString& message);

private:
    void scheduleFlush();

    Store::Workspace* m_workspace;
    QTimer m_timer;
    QList<Store::MessageLogEntry> m_messages;
    QList<Store::DeviceStateUpdate> m_states;
    QHash<QString, qsizetype> m_stateIndex; // pk/dn -> position in m_states
    QHash<QString, bool> m_known;           // pk/dn -> whether the workspace has the device
    QHash<qint64, QList<Store::RolloutOutcome>> m_outcomes;
    int m_maxBuffered = 5000;
};

} // namespace ConfigDeck::Roles
