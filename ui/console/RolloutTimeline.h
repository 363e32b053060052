#pragma once

#include "store/StoreTypes.h"

#include <QDateTime>
#include <QHash>
#include <QTimer>
#include <QWidget>

namespace ConfigDeck::Ui {

// A rollout as it happens: one mark per device at the time of its latest outcome (x) in the order the
// devices were planned (y), coloured by outcome, with a legend and a tooltip naming the device, outcome and
// code. Fills in live; repaints are coalesced.
class RolloutTimeline final : public QWidget
{
    Q_OBJECT
public:
    explicit RolloutTimeline(QWidget* parent = nullptr);

    void start(const QStringList& devices, const QDateTime& started);
    void setOutcome(const Store::RolloutOutcome& outcome);
    void clear();
    // The outcomes the legend names (by default those of a rollout) and the text shown before any device
    // is planned; the Account view shows answers, not a rollout, and says so.
    void setLegend(const QList<Store::OutcomeState>& states);
    void setPlaceholderText(const QString& text);
    // Shown over the plot while devices are planned but none has an outcome yet (none by default).
    void setWaitingText(const QString& text);
    int markCount() const;
    int deviceCount() const { return int(m_devices.size()); }
    QSize sizeHint() const override { return {700, 260}; }
    QSize minimumSizeHint() const override { return {300, 160}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Mark
    {
        Store::OutcomeState state = Store::OutcomeState::Pending;
        std::optional<int> code;
        qint64 ms = -1; // since start
        QString message;
    };
    QRectF plotRect() const;
    QPointF position(int deviceIndex, qint64 ms) const;
    qint64 spanMs() const;

    QStringList m_devices;
    QHash<QString, int> m_index;
    QList<Mark> m_marks;
    QDateTime m_started;
    qint64 m_lastMs = 0;
    QTimer m_repaint;
    QList<Store::OutcomeState> m_legend;
    QString m_placeholder;
    QString m_waiting;
};

} // namespace ConfigDeck::Ui
