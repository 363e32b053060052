#pragma once

#include "roles/RolloutRunner.h"
#include "session/RolloutWatch.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace ConfigDeck::Ui {

class RolloutTimeline;

// Plans a staged rollout (product, batch size, rate, timeout, abort threshold), starts it through the
// session (startRequested), and follows the runner: pause, resume, cancel, progress, counts per outcome
// and the live timeline. A rollout that another console or the platform processes run can be watched the
// same way, read only.
class RolloutPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit RolloutPanel(QWidget* parent = nullptr);

    void setProducts(const QStringList& productKeys);
    Roles::RolloutPlan plan() const;
    void setPlan(const Roles::RolloutPlan& plan);
    // Follows a started runner (it is owned by the session).
    void follow(Roles::RolloutRunner* runner);
    void showError(const QString& message);
    // The start was refused because another console or the platform processes run rolloutId: says so and
    // offers to watch it (watchRequested).
    void showRefusal(const QString& message, qint64 rolloutId);
    // Shows a rollout run elsewhere as it goes, read only (it is owned by the session), until it ends.
    void watch(Session::RolloutWatch* watch);
    bool isWatching() const { return !m_watch.isNull(); }
    QPushButton* watchButton() const { return m_watchButton; }
    RolloutTimeline* timeline() const { return m_timeline; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* cancelButton() const { return m_cancel; }
    QString statusText() const;
    // The workspace's rollouts, newest first: when, product, outcome and who started each.
    void setHistory(const QList<Store::RolloutRecord>& rollouts);
    QTreeWidget* history() const { return m_history; }
    enum HistoryColumn
    {
        HistoryStartedColumn,
        HistoryProductColumn,
        HistoryStateColumn,
        HistoryOperatorColumn,
    };

signals:
    void startRequested(const ConfigDeck::Roles::RolloutPlan& plan);
    void watchRequested(qint64 rolloutId);

private:
    void updateButtons();
    void updateCounts();
    void showWatched();
    void stopFollowing();

    QComboBox* m_product;
    QSpinBox* m_batch;
    QDoubleSpinBox* m_rate;
    QSpinBox* m_timeout;
    QSpinBox* m_threshold;
    QPushButton* m_start;
    QPushButton* m_pause;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
    QLabel* m_counts;
    RolloutTimeline* m_timeline;
    QTreeWidget* m_history;
    QPointer<Roles::RolloutRunner> m_runner;
    QPushButton* m_watchButton;
    qint64 m_refusedRollout = -1;
    QPointer<Session::RolloutWatch> m_watch;
};

} // namespace ConfigDeck::Ui
