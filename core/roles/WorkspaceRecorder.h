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
//
// When writing fails (a full disk, a lost database), errorOccurred() says so once with the reason, the buffer
// stays within maxBuffered entries and maxBufferedBytes of payload (the oldest messages give way; device
// states and outcomes are merged per device), writing is tried again every retry interval, and
// writingResumed() reports the recovery with the number of messages that could not be kept.
class WorkspaceRecorder final : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceRecorder(Store::Workspace* workspace, QObject* parent = nullptr);
    ~WorkspaceRecorder() override; // flushes

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    void setMaxBuffered(int entries) { m_maxBuffered = entries; }
    void setMaxBufferedBytes(qint64 bytes) { m_maxBufferedBytes = bytes; }
    void setRetryInterval(int milliseconds) { m_retryTimer.setInterval(milliseconds); }
    // Writing failed and has not worked again since.
    bool isFailing() const { return m_failing; }

    // Who is recording: given to every message that does not name its operator already.
    void setOperatorName(const QString& name) { m_operatorName = name; }
    QString operatorName() const { return m_operatorName; }

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
    // Writing works again after it failed; droppedMessages could not be kept meanwhile.
    void writingResumed(int droppedMessages, const QString& message);

private:
    void scheduleFlush();
    bool write();
    void writeFailed(const QString& reason);
    void trimMessages();

    Store::Workspace* m_workspace;
    QString m_operatorName;
    QTimer m_timer;
    QList<Store::MessageLogEntry> m_messages;
    QList<Store::DeviceStateUpdate> m_states;
    QHash<QString, qsizetype> m_stateIndex; // pk/dn -> position in m_states
    QHash<QString, bool> m_known;           // pk/dn -> whether the workspace has the device
    QHash<qint64, QList<Store::RolloutOutcome>> m_outcomes;
    int m_maxBuffered = 5000;
    qint64 m_maxBufferedBytes = 16 * 1024 * 1024;
    qint64 m_bufferedBytes = 0; // payload bytes in m_messages
    QTimer m_retryTimer;
    bool m_failing = false;
    int m_droppedMessages = 0; // since writing failed
};

} // namespace ConfigDeck::Roles
