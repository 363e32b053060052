#include "RolloutRunner.h"

#include "RolesLog.h"

#include <QDateTime>

#include <cmath>

namespace ConfigDeck::Roles {

using Alink::AlinkError;
using Store::OutcomeState;
using Store::RolloutState;

Store::RolloutRecord RolloutPlan::record(const QString& name, const QString& configSha256,
                                         const QString& operatorName) const
{
    Store::RolloutRecord record;
    record.name = name;
    record.productKey = productKey;
    record.configSha256 = configSha256;
    record.state = Store::RolloutState::Running;
    record.batchSize = batchSize;
    record.ratePerMinute = int(ratePerSecond * 60);
    record.timeoutMs = int(timeout.count());
    record.abortThreshold = abortThreshold;
    record.created = record.started = QDateTime::currentDateTimeUtc();
    record.operatorName = operatorName;
    return record;
}

std::optional<AlinkError> RolloutPlan::validate() const
{
    if (productKey.isEmpty())
        return AlinkError{QStringLiteral("productKey"), RolloutRunner::tr("is empty"), -1};
    if (devices.isEmpty())
        return AlinkError{QStringLiteral("devices"), RolloutRunner::tr("the rollout has no devices"), -1};
    if (batchSize < 1)
        return AlinkError{QStringLiteral("batchSize"), RolloutRunner::tr("must be at least 1"), -1};
    if (ratePerSecond < 0)
        return AlinkError{QStringLiteral("rate"), RolloutRunner::tr("must not be negative"), -1};
    if (timeout.count() < 100)
        return AlinkError{QStringLiteral("timeout"), RolloutRunner::tr("must be at least 100 ms"), -1};
    if (abortThreshold < 0 || abortThreshold > 1)
        return AlinkError{QStringLiteral("abortThreshold"), RolloutRunner::tr("must be between 0 and 100%"),
                          -1};
    return std::nullopt;
}

std::optional<AlinkError> RolloutPlan::checkStart(const PlatformService& platform) const
{
    if (auto error = validate())
        return error;
    if (platform.settings().alibabaLimits)
        return AlinkError{
            QStringLiteral("rollout"),
            RolloutRunner::tr("with Alibaba limits a push goes to the whole product at once: staged rollouts "
                              "need the limits switched off"),
            -1};
    return platform.checkPush(productKey, {devices.first()});
}

RolloutRunner::RolloutRunner(PlatformService* platform, RolloutPlan plan, QObject* parent)
    : Rollout(parent)
    , m_platform(platform)
    , m_plan(std::move(plan))
{
    m_plan.devices.removeDuplicates();
    m_outcomes.reserve(m_plan.devices.size());
    for (const QString& device : std::as_const(m_plan.devices)) {
        m_index.insert(device, int(m_outcomes.size()));
        Store::RolloutOutcome outcome;
        outcome.productKey = m_plan.productKey;
        outcome.deviceName = device;
        m_outcomes << outcome;
    }
    m_counts[int(OutcomeState::Pending)] = int(m_outcomes.size());
    m_pace.setTimerType(Qt::PreciseTimer);
    connect(&m_pace, &QTimer::timeout, this, &RolloutRunner::pump);
    m_sweep.setInterval(50);
    connect(&m_sweep, &QTimer::timeout, this, &RolloutRunner::sweepTimeouts);
    connect(m_platform, &PlatformService::pushReplied, this, &RolloutRunner::onReply);
}

RolloutRunner::~RolloutRunner() = default;

std::optional<AlinkError> RolloutRunner::start()
{
    if (m_state != RolloutState::Planned)
        return AlinkError{QStringLiteral("rollout"), tr("the rollout has already started"), -1};
    if (auto error = m_plan.checkStart(*m_platform))
        return error;
    setState(RolloutState::Running);
    m_batchEnd = qMin(m_plan.batchSize, int(m_plan.devices.size()));
    // A tick every 5 ms at least (never a busy loop); a rate above 200/s sends several pushes per tick.
    m_pace.setInterval(m_plan.ratePerSecond > 0 ? qMax(5, int(1000.0 / m_plan.ratePerSecond)) : 5);
    m_pace.start();
    m_sweep.start();
    emit progress(0, int(m_outcomes.size()));
    return std::nullopt;
}

void RolloutRunner::pause()
{
    if (m_state != RolloutState::Running)
        return;
    m_pace.stop(); // replies and timeouts of pushes in flight are still taken
    setState(RolloutState::Paused);
}

void RolloutRunner::resume()
{
    if (m_state != RolloutState::Paused)
        return;
    setState(RolloutState::Running);
    m_pace.start();
}

void RolloutRunner::cancel()
{
    if (m_state != RolloutState::Running && m_state != RolloutState::Paused &&
        m_state != RolloutState::Planned)
        return;
    finish(RolloutState::Aborted, tr("cancelled by the operator"));
}

void RolloutRunner::pump()
{
    // While the broker is away nothing can be pushed: wait for the reconnect instead of failing devices.
    if (m_state != RolloutState::Running || !m_platform->isConnected())
        return;
    // A batch ends when every device in it has an outcome; then the abort check, then the next batch.
    if (m_next >= m_batchEnd) {
        if (!m_inFlight.isEmpty())
            return;
        const int done = doneCount();
        const int failed = count(OutcomeState::Failed) + count(OutcomeState::TimedOut);
        if (done >= m_plan.minSampleForAbort && double(failed) / done > m_plan.abortThreshold) {
            finish(RolloutState::Aborted, tr("aborted: %1 of %2 devices failed, above the %3% threshold")
                                              .arg(failed)
                                              .arg(done)
                                              .arg(m_plan.abortThreshold * 100.0));
            return;
        }
        if (m_next >= m_plan.devices.size()) {
            checkFinished();
            return;
        }
        m_batchEnd = qMin(m_batchEnd + m_plan.batchSize, int(m_plan.devices.size()));
    }
    // Without a rate limit a whole batch goes out in one tick; with one, what the rate allows per tick.
    const int burst = m_plan.ratePerSecond > 0
                          ? qMax(1, int(std::lround(m_plan.ratePerSecond * m_pace.interval() / 1000.0)))
                          : m_batchEnd - m_next;
    for (int i = 0;
         i < burst && m_next < m_batchEnd && m_state == RolloutState::Running && m_platform->isConnected();
         ++i)
        sendOne(m_plan.devices.at(m_next++));
}

void RolloutRunner::sendOne(const QString& deviceName)
{
    const auto tickets = m_platform->push(m_plan.productKey, {deviceName});
    if (!tickets) {
        setOutcome(deviceName, OutcomeState::Failed, std::nullopt, tickets.error().message());
        return;
    }
    const PushTicket& ticket = tickets->first();
    m_inFlight.insert(deviceName,
                      InFlight{ticket, QDateTime::currentMSecsSinceEpoch() + m_plan.timeout.count()});
    setOutcome(deviceName, OutcomeState::Pushed, std::nullopt, {});
}

void RolloutRunner::sweepTimeouts()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<QString> expired;
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it) {
        if (it->deadline <= now)
            expired << it.key();
    }
    for (const QString& device : std::as_const(expired)) {
        const InFlight flight = m_inFlight.take(device);
        m_platform->forget(flight.ticket);
        setOutcome(device, OutcomeState::TimedOut, std::nullopt,
                   tr("no reply within %1 s").arg(m_plan.timeout.count() / 1000.0));
    }
    if (!expired.isEmpty())
        checkFinished();
}

void RolloutRunner::onReply(const QString& productKey, const QString& deviceName, const QString& messageId,
                            int code, qint64 latencyMs)
{
    Q_UNUSED(latencyMs)
    if (productKey != m_plan.productKey || !m_index.contains(deviceName))
        return;
    const auto it = m_inFlight.find(deviceName);
    const bool current = it != m_inFlight.end() && it->ticket.messageId == messageId;
    const Store::RolloutOutcome& known = m_outcomes.at(m_index.value(deviceName));
    if (current) {
        m_inFlight.erase(it);
    } else if (known.state != OutcomeState::TimedOut) {
        return; // a reply to an older push, not this rollout's
    }
    // A late reply after a timeout still tells the truth about the device: it replaces the timeout.
    setOutcome(deviceName, code == 200 ? OutcomeState::Succeeded : OutcomeState::Failed, code,
               current ? QString() : tr("late reply, after the timeout"));
    checkFinished();
}

void RolloutRunner::setOutcome(const QString& deviceName, OutcomeState state, std::optional<int> code,
                               const QString& message)
{
    Store::RolloutOutcome& outcome = m_outcomes[m_index.value(deviceName)];
    const bool wasDone = isFinal(outcome.state);
    --m_counts[int(outcome.state)];
    ++m_counts[int(state)];
    outcome.state = state;
    outcome.replyCode = code;
    outcome.message = message;
    outcome.updated = QDateTime::currentDateTimeUtc();
    emit outcomeChanged(outcome);
    if (!wasDone && isFinal(state))
        emit progress(doneCount(), int(m_outcomes.size()));
}

void RolloutRunner::checkFinished()
{
    if (m_state != RolloutState::Running && m_state != RolloutState::Paused)
        return;
    if (m_next < m_plan.devices.size() || !m_inFlight.isEmpty())
        return;
    const int failed = count(OutcomeState::Failed) + count(OutcomeState::TimedOut);
    finish(RolloutState::Completed,
           failed == 0
               ? tr("every device took the configuration")
               : tr("%1 of %2 devices did not take the configuration").arg(failed).arg(m_outcomes.size()));
}

void RolloutRunner::finish(RolloutState state, const QString& reason)
{
    m_pace.stop();
    m_sweep.stop();
    // Devices never pushed are skipped; pushes in flight are given up (a late reply is still recorded by the
    // platform, but the rollout is over).
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it) {
        m_platform->forget(it->ticket);
        setOutcome(it.key(), OutcomeState::TimedOut, std::nullopt, reason);
    }
    m_inFlight.clear();
    for (int i = m_next; i < m_plan.devices.size(); ++i)
        setOutcome(m_plan.devices.at(i), OutcomeState::Skipped, std::nullopt, reason);
    m_next = int(m_plan.devices.size());
    m_finishReason = reason;
    setState(state);
    qCInfo(lcRoles) << "rollout of" << m_plan.productKey << "finished:" << reason;
    emit finished(state, reason);
}

void RolloutRunner::setState(RolloutState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

QList<Store::RolloutOutcome> RolloutRunner::outcomes() const
{
    return m_outcomes;
}

const Store::RolloutOutcome* RolloutRunner::outcome(const QString& deviceName) const
{
    const auto it = m_index.constFind(deviceName);
    return it == m_index.cend() ? nullptr : &m_outcomes.at(it.value());
}

int RolloutRunner::count(OutcomeState state) const
{
    return m_counts[int(state)];
}

int RolloutRunner::doneCount() const
{
    return count(OutcomeState::Succeeded) + count(OutcomeState::Failed) + count(OutcomeState::TimedOut) +
           count(OutcomeState::Skipped);
}

} // namespace ConfigDeck::Roles
