#include "WorkspaceRecorder.h"

#include "RolesLog.h"
#include "store/Workspace.h"

#include <utility>

namespace ConfigDeck::Roles {

WorkspaceRecorder::WorkspaceRecorder(Store::Workspace* workspace, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &WorkspaceRecorder::flush);
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setInterval(2000);
    connect(&m_retryTimer, &QTimer::timeout, this, &WorkspaceRecorder::flush);
}

WorkspaceRecorder::~WorkspaceRecorder()
{
    flush();
}

void WorkspaceRecorder::recordMessage(const Store::MessageLogEntry& entry)
{
    m_messages << entry;
    if (m_messages.last().operatorName.isEmpty())
        m_messages.last().operatorName = m_operatorName;
    m_bufferedBytes += entry.payload.size();
    if (m_failing)
        trimMessages();
    scheduleFlush();
}

void WorkspaceRecorder::recordState(const Store::DeviceStateUpdate& update)
{
    const QString key = update.productKey + QLatin1Char('/') + update.deviceName;
    // A device heard on the wire that the operator never imported has no row to update: its messages are
    // logged, its state is not kept (the workspace refuses a batch naming an unknown device).
    auto known = m_known.constFind(key);
    if (known == m_known.cend()) {
        bool isKnown = false;
        if (m_workspace) {
            const auto device = m_workspace->identities().device(update.productKey, update.deviceName);
            if (!device) { // not remembered: asked again with the next update
                emit errorOccurred(device.error().message());
                return;
            }
            isKnown = device->has_value();
        }
        known = m_known.insert(key, isKnown);
    }
    if (!known.value()) {
        qCDebug(lcRoles) << "no state kept for unknown device" << key;
        return;
    }
    if (const auto it = m_stateIndex.constFind(key); it != m_stateIndex.cend()) {
        merge(m_states[it.value()], update);
    } else {
        m_stateIndex.insert(key, m_states.size());
        m_states << update;
    }
    scheduleFlush();
}

void WorkspaceRecorder::recordOutcome(qint64 rolloutId, const Store::RolloutOutcome& outcome)
{
    QList<Store::RolloutOutcome>& outcomes = m_outcomes[rolloutId];
    // The latest outcome of a device replaces the buffered one.
    for (auto& buffered : outcomes) {
        if (buffered.productKey == outcome.productKey && buffered.deviceName == outcome.deviceName) {
            buffered = outcome;
            scheduleFlush();
            return;
        }
    }
    outcomes << outcome;
    scheduleFlush();
}

void WorkspaceRecorder::merge(Store::DeviceStateUpdate& into, const Store::DeviceStateUpdate& update)
{
    auto take = [](auto& target, const auto& source) {
        if (source)
            target = source;
    };
    take(into.configId, update.configId);
    take(into.sha256, update.sha256);
    take(into.state, update.state);
    take(into.lastReplyCode, update.lastReplyCode);
    take(into.replySource, update.replySource);
    take(into.lastMessageTime, update.lastMessageTime);
    take(into.online, update.online);
}

void WorkspaceRecorder::scheduleFlush()
{
    if (m_failing) {
        // Only the retry writes: one failing write per interval, not one per message.
        if (!m_retryTimer.isActive())
            m_retryTimer.start();
    } else if (buffered() >= m_maxBuffered || m_bufferedBytes >= m_maxBufferedBytes) {
        flush();
    } else if (!m_timer.isActive()) {
        m_timer.start();
    }
}

void WorkspaceRecorder::trimMessages()
{
    qsizetype drop = 0;
    qint64 bytes = m_bufferedBytes;
    while (drop < m_messages.size() &&
           (m_messages.size() - drop > m_maxBuffered || bytes > m_maxBufferedBytes)) {
        bytes -= m_messages.at(drop).payload.size();
        ++drop;
    }
    if (drop == 0)
        return;
    m_messages.remove(0, drop);
    m_bufferedBytes = bytes;
    m_droppedMessages += int(drop);
}

bool WorkspaceRecorder::flush()
{
    m_timer.stop();
    m_retryTimer.stop();
    if (!m_workspace || buffered() == 0)
        return true;
    const int messages = int(m_messages.size());
    const int states = int(m_states.size());
    if (!write())
        return false;
    if (m_failing) {
        m_failing = false;
        const QString message = m_droppedMessages > 0
                                    ? tr("Writing to the workspace works again. %n message(s) received "
                                         "meanwhile could not be kept.",
                                         nullptr, m_droppedMessages)
                                    : tr("Writing to the workspace works again; nothing was lost.");
        qCInfo(lcRoles).noquote() << message;
        const int dropped = std::exchange(m_droppedMessages, 0);
        emit writingResumed(dropped, message);
    }
    emit flushed(messages, states);
    return true;
}

bool WorkspaceRecorder::write()
{
    // Each part is cleared once written, so that a retry after a later part failed writes nothing twice.
    if (!m_states.isEmpty()) {
        if (const auto status = m_workspace->deviceStates().apply(m_states); !status) {
            writeFailed(status.error().message());
            return false;
        }
        m_states.clear();
        m_stateIndex.clear();
    }
    if (!m_messages.isEmpty()) {
        if (const auto status = m_workspace->messageLog().append(m_messages); !status) {
            writeFailed(status.error().message());
            return false;
        }
        m_messages.clear();
        m_bufferedBytes = 0;
    }
    for (auto it = m_outcomes.begin(); it != m_outcomes.end(); it = m_outcomes.erase(it)) {
        if (const auto status = m_workspace->rollouts().setOutcomes(it.key(), it.value()); !status) {
            writeFailed(status.error().message());
            return false;
        }
    }
    return true;
}

void WorkspaceRecorder::writeFailed(const QString& reason)
{
    m_retryTimer.start();
    if (m_failing)
        return; // told once; the retry timer tries again
    m_failing = true;
    trimMessages();
    const QString message =
        tr("Cannot write to the workspace: %1. What arrives is kept in memory (at most %n "
           "message(s)) and written as soon as writing works again.",
           nullptr, m_maxBuffered)
            .arg(reason);
    qCWarning(lcRoles).noquote() << message;
    emit errorOccurred(message);
}

} // namespace ConfigDeck::Roles
