#include "RolloutPanel.h"

#include "OutcomeColors.h"
#include "RolloutTimeline.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

using Store::OutcomeState;
using Store::RolloutState;

RolloutPanel::RolloutPanel(QWidget* parent)
    : QWidget(parent)
    , m_product(new QComboBox(this))
    , m_batch(new QSpinBox(this))
    , m_rate(new QDoubleSpinBox(this))
    , m_timeout(new QSpinBox(this))
    , m_threshold(new QSpinBox(this))
    , m_start(new QPushButton(tr("Start rollout"), this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_timeline(new RolloutTimeline(this))
    , m_history(new QTreeWidget(this))
    , m_watchButton(new QPushButton(tr("Watch it"), this))
{
    setObjectName(QStringLiteral("rolloutPanel"));
    m_product->setObjectName(QStringLiteral("rolloutProduct"));
    m_batch->setObjectName(QStringLiteral("rolloutBatch"));
    m_batch->setRange(1, 100000);
    m_batch->setValue(10);
    m_batch->setToolTip(tr("Devices pushed before waiting for the batch's replies"));
    m_rate->setObjectName(QStringLiteral("rolloutRate"));
    m_rate->setRange(0, 10000);
    m_rate->setDecimals(1);
    m_rate->setValue(5);
    m_rate->setSpecialValueText(tr("unlimited"));
    m_rate->setSuffix(tr(" /s"));
    m_timeout->setObjectName(QStringLiteral("rolloutTimeout"));
    m_timeout->setRange(1, 3600);
    m_timeout->setValue(10);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("How long to wait for each device's push_reply"));
    m_threshold->setObjectName(QStringLiteral("rolloutThreshold"));
    m_threshold->setRange(1, 100);
    m_threshold->setValue(50);
    m_threshold->setSuffix(tr(" %"));
    m_threshold->setToolTip(tr("Abort when more than this share of the devices done so far failed"));
    m_start->setObjectName(QStringLiteral("rolloutStart"));
    m_pause->setObjectName(QStringLiteral("rolloutPause"));
    m_cancel->setObjectName(QStringLiteral("rolloutCancel"));
    m_status->setObjectName(QStringLiteral("rolloutStatus"));
    m_status->setWordWrap(true);
    m_counts->setTextFormat(Qt::RichText);

    auto* planBox = new QGroupBox(tr("Plan"), this);
    auto* form = new QFormLayout(planBox);
    form->addRow(tr("Product"), m_product);
    form->addRow(tr("Batch size"), m_batch);
    form->addRow(tr("Rate"), m_rate);
    form->addRow(tr("Reply timeout"), m_timeout);
    form->addRow(tr("Abort threshold"), m_threshold);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    form->addRow(buttons);
    planBox->setMaximumWidth(360);

    auto* progressBox = new QGroupBox(tr("Progress"), this);
    auto* progressLayout = new QVBoxLayout(progressBox);
    progressLayout->addWidget(m_progress);
    progressLayout->addWidget(m_status);
    m_watchButton->setObjectName(QStringLiteral("rolloutWatch"));
    m_watchButton->setToolTip(tr("Follow that rollout here as it goes (read only)"));
    m_watchButton->hide();
    progressLayout->addWidget(m_watchButton, 0, Qt::AlignLeft);
    progressLayout->addWidget(m_counts);
    progressLayout->addStretch();

    auto* top = new QHBoxLayout;
    top->addWidget(planBox);
    top->addWidget(progressBox, 1);
    auto* timelineBox = new QGroupBox(tr("Timeline"), this);
    auto* timelineLayout = new QVBoxLayout(timelineBox);
    timelineLayout->addWidget(m_timeline);
    m_history->setObjectName(QStringLiteral("rolloutHistory"));
    m_history->setRootIsDecorated(false);
    m_history->setHeaderLabels({tr("Started"), tr("Product"), tr("Outcome"), tr("Operator")});
    auto* historyBox = new QGroupBox(tr("History"), this);
    auto* historyLayout = new QVBoxLayout(historyBox);
    historyLayout->addWidget(m_history);
    historyBox->setMaximumWidth(480);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(timelineBox, 1);
    bottom->addWidget(historyBox);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(bottom, 1);

    connect(m_start, &QPushButton::clicked, this, [this] { emit startRequested(plan()); });
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (!m_runner)
            return;
        if (m_runner->state() == RolloutState::Paused)
            m_runner->resume();
        else
            m_runner->pause();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_runner)
            m_runner->cancel();
    });
    connect(m_watchButton, &QPushButton::clicked, this, [this] {
        if (m_refusedRollout > 0)
            emit watchRequested(m_refusedRollout);
    });
    m_status->setText(tr("No rollout yet. Pick a product and start one."));
    updateButtons();
    updateCounts();
}

void RolloutPanel::setHistory(const QList<Store::RolloutRecord>& rollouts)
{
    m_history->clear();
    for (auto it = rollouts.crbegin(); it != rollouts.crend(); ++it) {
        const Store::RolloutRecord& rollout = *it;
        QString state;
        switch (rollout.state) {
        case RolloutState::Planned:
            state = tr("planned");
            break;
        case RolloutState::Running:
            state = tr("running");
            break;
        case RolloutState::Paused:
            state = tr("paused");
            break;
        case RolloutState::Completed:
            state = tr("completed");
            break;
        case RolloutState::Aborted:
            state = tr("aborted");
            break;
        }
        const QDateTime started = rollout.started.isValid() ? rollout.started : rollout.created;
        auto* item =
            new QTreeWidgetItem(m_history, {QLocale().toString(started.toLocalTime(), QLocale::ShortFormat),
                                            rollout.productKey, state, rollout.operatorName});
        item->setToolTip(HistoryProductColumn, rollout.name);
        item->setToolTip(HistoryStateColumn, rollout.finishReason);
    }
}

void RolloutPanel::setProducts(const QStringList& productKeys)
{
    const QString current = m_product->currentText();
    m_product->clear();
    m_product->addItems(productKeys);
    if (const int index = m_product->findText(current); index >= 0)
        m_product->setCurrentIndex(index);
}

Roles::RolloutPlan RolloutPanel::plan() const
{
    Roles::RolloutPlan plan;
    plan.productKey = m_product->currentText();
    plan.batchSize = m_batch->value();
    plan.ratePerSecond = m_rate->value();
    plan.timeout = std::chrono::seconds(m_timeout->value());
    plan.abortThreshold = m_threshold->value() / 100.0;
    return plan;
}

void RolloutPanel::setPlan(const Roles::RolloutPlan& plan)
{
    if (const int index = m_product->findText(plan.productKey); index >= 0)
        m_product->setCurrentIndex(index);
    m_batch->setValue(plan.batchSize);
    m_rate->setValue(plan.ratePerSecond);
    m_timeout->setValue(int(std::chrono::duration_cast<std::chrono::seconds>(plan.timeout).count()));
    m_threshold->setValue(int(plan.abortThreshold * 100 + 0.5));
}

void RolloutPanel::stopFollowing()
{
    if (m_runner)
        m_runner->disconnect(this);
    m_runner = nullptr;
    if (m_watch)
        m_watch->disconnect(this);
    m_watch = nullptr;
    m_refusedRollout = -1;
    m_watchButton->hide();
}

void RolloutPanel::follow(Roles::RolloutRunner* runner)
{
    stopFollowing();
    m_runner = runner;
    m_timeline->start(runner->plan().devices, QDateTime::currentDateTimeUtc());
    for (const Store::RolloutOutcome& outcome : runner->outcomes())
        if (outcome.state != OutcomeState::Pending)
            m_timeline->setOutcome(outcome);
    m_progress->setRange(0, int(runner->plan().devices.size()));
    m_progress->setValue(runner->doneCount());
    m_status->setText(tr("Rolling out %1 to %n device(s)…", nullptr, int(runner->plan().devices.size()))
                          .arg(runner->plan().productKey));
    connect(runner, &Roles::RolloutRunner::outcomeChanged, m_timeline, &RolloutTimeline::setOutcome);
    connect(runner, &Roles::RolloutRunner::outcomeChanged, this, &RolloutPanel::updateCounts);
    connect(runner, &Roles::RolloutRunner::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(runner, &Roles::RolloutRunner::stateChanged, this, [this](RolloutState state) {
        if (state == RolloutState::Paused)
            m_status->setText(tr("Paused. Devices already pushed may still reply."));
        else if (state == RolloutState::Running)
            m_status->setText(tr("Running…"));
        updateButtons();
    });
    connect(runner, &Roles::RolloutRunner::finished, this, [this](RolloutState state, const QString& reason) {
        m_status->setText(state == RolloutState::Completed ? tr("Completed. %1").arg(reason)
                                                           : tr("Aborted: %1").arg(reason));
        updateButtons();
        updateCounts();
    });
    updateButtons();
    updateCounts();
}

void RolloutPanel::showError(const QString& message)
{
    if (m_watch) // the message would be overwritten by the next update of the watched rollout
        m_watch->disconnect(this);
    m_watch = nullptr;
    m_refusedRollout = -1;
    m_watchButton->hide();
    m_status->setText(tr("Not started: %1").arg(message));
}

void RolloutPanel::showRefusal(const QString& message, qint64 rolloutId)
{
    showError(message);
    m_refusedRollout = rolloutId;
    m_watchButton->show();
}

void RolloutPanel::watch(Session::RolloutWatch* watch)
{
    stopFollowing();
    m_watch = watch;
    const Store::RolloutRecord& record = watch->rollout().rollout;
    QStringList devices;
    for (const Store::RolloutOutcome& outcome : watch->outcomes())
        devices << outcome.deviceName;
    m_timeline->start(devices, record.started.isValid() ? record.started : record.created);
    connect(watch, &Session::RolloutWatch::updated, this, &RolloutPanel::showWatched);
    connect(watch, &Session::RolloutWatch::readFailed, this, [this](const QString& message) {
        m_status->setText(tr("Cannot read the watched rollout: %1").arg(message));
    });
    showWatched();
}

void RolloutPanel::showWatched()
{
    if (!m_watch)
        return;
    const Session::RunningRollout& watched = m_watch->rollout();
    if (m_timeline->deviceCount() != m_watch->outcomes().size()) {
        QStringList devices;
        for (const Store::RolloutOutcome& outcome : m_watch->outcomes())
            devices << outcome.deviceName;
        m_timeline->start(devices, watched.rollout.started);
    }
    for (const Store::RolloutOutcome& outcome : m_watch->outcomes())
        if (outcome.state != OutcomeState::Pending)
            m_timeline->setOutcome(outcome);
    m_progress->setRange(0, qMax(1, watched.tally.total));
    m_progress->setValue(watched.tally.done());
    QString text = tr("Watching (read only): %1").arg(watched.describe());
    if (watched.hasEnded()) {
        const QString outcome =
            watched.rollout.state == RolloutState::Completed ? tr("Completed") : tr("Aborted");
        text = watched.tally.finishReason.isEmpty()
                   ? tr("%1. %2").arg(outcome, watched.describe())
                   : tr("%1: %2. %3").arg(outcome, watched.tally.finishReason, watched.describe());
    }
    m_status->setText(text);
    updateButtons();
    updateCounts();
}

QString RolloutPanel::statusText() const
{
    return m_status->text();
}

void RolloutPanel::updateButtons()
{
    const bool active =
        m_runner && (m_runner->state() == RolloutState::Running || m_runner->state() == RolloutState::Paused);
    m_start->setEnabled(!active);
    m_pause->setEnabled(active);
    m_cancel->setEnabled(active);
    m_pause->setText(m_runner && m_runner->state() == RolloutState::Paused ? tr("Resume") : tr("Pause"));
    for (QWidget* field : std::initializer_list<QWidget*>{m_product, m_batch, m_rate, m_timeout, m_threshold})
        field->setEnabled(!active);
}

void RolloutPanel::updateCounts()
{
    QStringList parts;
    for (auto state : {OutcomeState::Succeeded, OutcomeState::Failed, OutcomeState::TimedOut,
                       OutcomeState::Skipped, OutcomeState::Pushed, OutcomeState::Pending}) {
        const int count = m_runner  ? m_runner->count(state)
                          : m_watch ? m_watch->rollout().tally.count(state)
                                    : 0;
        parts << QStringLiteral("<span style=\"color:%1\">●</span> %2 <b>%3</b>")
                     .arg(OutcomeColors::color(state).name(), OutcomeColors::name(state))
                     .arg(count);
    }
    m_counts->setText(parts.join(QStringLiteral("&nbsp;&nbsp;&nbsp;")));
}

} // namespace ConfigDeck::Ui
