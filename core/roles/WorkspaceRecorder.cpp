#include "WorkspaceRecorder.h"

#include "RolesLog.h"
#include "store/Workspace.h"

namespace ConfigDeck::Roles {

WorkspaceRecorder::WorkspaceRecorder(Store::Workspace* workspace, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &WorkspaceRecorder::flush);
}

WorkspaceRecorder::~WorkspaceRecorder()
{
    flush();
}

void WorkspaceRecorder::recordMessage(const Store::MessageLogEntry& entry)
{
    m_messages << entry;
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
    if (buffered() >= m_maxBuffered)
        flush();
    else if (!m_timer.isActive())
        m_timer.start();
}

bool WorkspaceRecorder::flush()
{
    m_timer.stop();
    if (!m_workspace || buffered() == 0)
        return true;
    if (!m_states.isEmpty()) {
        if (const auto status = m_workspace->deviceStates().apply(m_states); !status) {
            emit errorOccurred(status.error().message());
            return false;
        }
    }
    if (!m_messages.isEmpty()) {
        if (const auto status = m_workspace->messageLog().append(m_messages); !status) {
            emit errorOccurred(status.error().message());
            return false;
        }
    }
    for (auto it = m_outcomes.cbegin(); it != m_outcomes.cend(); ++it) {
        if (const auto status = m_workspace->rollouts().setOutcomes(it.key(), it.value()); !status) {
            emit errorOccurred(status.error().message());
            return false;
        }
    }
    const int messages = int(m_messages.size());
    const int states = int(m_states.size());
    m_messages.clear();
    m_states.clear();
    m_stateIndex.clear();
    m_outcomes.clear();
    emit flushed(messages, states);
    return true;
}

} // namespace ConfigDeck::Roles
