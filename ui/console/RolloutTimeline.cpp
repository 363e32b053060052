#include "RolloutTimeline.h"

#include "OutcomeColors.h"
#include "alink/ReplyCodeCatalog.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace ConfigDeck::Ui {

namespace {
constexpr int kLeft = 56;
constexpr int kTop = 34;
constexpr int kRight = 14;
constexpr int kBottom = 28;
} // namespace

RolloutTimeline::RolloutTimeline(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("rolloutTimeline"));
    m_repaint.setSingleShot(true);
    m_repaint.setInterval(60);
    connect(&m_repaint, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    m_legend = {Store::OutcomeState::Pushed, Store::OutcomeState::Succeeded, Store::OutcomeState::Failed,
                Store::OutcomeState::TimedOut, Store::OutcomeState::Skipped};
    m_placeholder = tr("Start a rollout to see each device's outcome over time.");
}

void RolloutTimeline::setLegend(const QList<Store::OutcomeState>& states)
{
    m_legend = states;
    update();
}

void RolloutTimeline::setPlaceholderText(const QString& text)
{
    m_placeholder = text;
    update();
}

void RolloutTimeline::setWaitingText(const QString& text)
{
    m_waiting = text;
    update();
}

void RolloutTimeline::start(const QStringList& devices, const QDateTime& started)
{
    m_devices = devices;
    m_index.clear();
    for (int i = 0; i < devices.size(); ++i)
        m_index.insert(devices.at(i), i);
    m_marks = QList<Mark>(devices.size());
    m_started = started;
    m_lastMs = 0;
    update();
}

void RolloutTimeline::clear()
{
    start({}, {});
}

void RolloutTimeline::setOutcome(const Store::RolloutOutcome& outcome)
{
    const auto it = m_index.constFind(outcome.deviceName);
    if (it == m_index.cend())
        return;
    Mark& mark = m_marks[*it];
    mark.state = outcome.state;
    mark.code = outcome.replyCode;
    mark.message = outcome.message;
    const QDateTime when = outcome.updated.isValid() ? outcome.updated : QDateTime::currentDateTimeUtc();
    mark.ms = qMax<qint64>(0, m_started.msecsTo(when));
    m_lastMs = qMax(m_lastMs, mark.ms);
    if (!m_repaint.isActive())
        m_repaint.start();
}

int RolloutTimeline::markCount() const
{
    int count = 0;
    for (const Mark& mark : m_marks)
        count += mark.ms >= 0 ? 1 : 0;
    return count;
}

qint64 RolloutTimeline::spanMs() const
{
    // Round the axis up to a readable span so marks do not jump around on every update.
    const qint64 steps[] = {2000, 5000, 10000, 20000, 30000, 60000, 120000, 300000, 600000, 1800000, 3600000};
    for (qint64 step : steps) {
        if (m_lastMs <= step)
            return step;
    }
    return (m_lastMs / 3600000 + 1) * 3600000;
}

QRectF RolloutTimeline::plotRect() const
{
    return QRectF(rect()).adjusted(kLeft, kTop, -kRight, -kBottom);
}

QPointF RolloutTimeline::position(int deviceIndex, qint64 ms) const
{
    const QRectF plot = plotRect();
    const double x = plot.left() + plot.width() * double(ms) / double(spanMs());
    const double y = m_devices.size() <= 1
                         ? plot.center().y()
                         : plot.top() + plot.height() * deviceIndex / double(m_devices.size() - 1);
    return {x, y};
}

void RolloutTimeline::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.base());
    const QRectF plot = plotRect();

    // Legend
    int x = kLeft;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    painter.setFont(small);
    const QFontMetrics metrics(small);
    for (const Store::OutcomeState state : std::as_const(m_legend)) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(OutcomeColors::color(state));
        painter.drawEllipse(QRectF(x, 12, 10, 10));
        painter.setPen(pal.color(QPalette::Text));
        const QString name = OutcomeColors::name(state);
        painter.drawText(QPointF(x + 14, 21), name);
        x += 14 + metrics.horizontalAdvance(name) + 18;
    }

    // Axes and grid
    QColor grid = pal.color(QPalette::Text);
    grid.setAlphaF(0.12);
    painter.setPen(QPen(grid, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot);
    const qint64 span = spanMs();
    painter.setPen(pal.color(QPalette::PlaceholderText));
    for (int i = 0; i <= 5; ++i) {
        const double gx = plot.left() + plot.width() * i / 5.0;
        painter.setPen(QPen(grid, 1));
        painter.drawLine(QPointF(gx, plot.top()), QPointF(gx, plot.bottom()));
        painter.setPen(pal.color(QPalette::Text));
        const double seconds = span / 1000.0 * i / 5.0;
        // Seconds for a rollout, minutes or hours once the axis spans longer (the Account view's answers).
        const QString label = span <= 120000    ? tr("%1 s").arg(seconds, 0, 'g', 3)
                              : span <= 7200000 ? tr("%1 min").arg(seconds / 60.0, 0, 'g', 3)
                                                : tr("%1 h").arg(seconds / 3600.0, 0, 'g', 3);
        painter.drawText(QRectF(gx - 40, plot.bottom() + 4, 80, 16), Qt::AlignHCenter | Qt::AlignTop, label);
    }
    painter.save();
    painter.translate(14, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-80, -8, 160, 16), Qt::AlignCenter,
                     tr("%n device(s)", nullptr, int(m_devices.size())));
    painter.restore();

    if (m_devices.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(plot.adjusted(8, 0, -8, 0), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    if (!m_waiting.isEmpty() && markCount() == 0) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(plot.adjusted(8, 0, -8, 0), Qt::AlignCenter | Qt::TextWordWrap, m_waiting);
        return;
    }
    const double radius = qBound(2.0, plot.height() / qMax<qsizetype>(1, m_devices.size()) * 0.45, 5.0);
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < m_marks.size(); ++i) {
        const Mark& mark = m_marks.at(i);
        if (mark.ms < 0)
            continue;
        QColor color = OutcomeColors::color(mark.state);
        if (mark.state == Store::OutcomeState::Failed && mark.code)
            color = OutcomeColors::codeColor(*mark.code);
        painter.setBrush(color);
        painter.drawEllipse(position(i, mark.ms), radius, radius);
    }
}

bool RolloutTimeline::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto* help = static_cast<QHelpEvent*>(event);
    int best = -1;
    double bestDistance = 8 * 8;
    for (int i = 0; i < m_marks.size(); ++i) {
        if (m_marks.at(i).ms < 0)
            continue;
        const QPointF delta = position(i, m_marks.at(i).ms) - QPointF(help->pos());
        const double distance = delta.x() * delta.x() + delta.y() * delta.y();
        if (distance < bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    if (best < 0) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    const Mark& mark = m_marks.at(best);
    QString text = QStringLiteral("<b>%1</b><br>%2 · %3")
                       .arg(m_devices.at(best).toHtmlEscaped(), OutcomeColors::name(mark.state),
                            tr("%1 s").arg(mark.ms / 1000.0, 0, 'f', 1));
    if (mark.code) {
        const auto info = Alink::ReplyCodeCatalog::lookup(*mark.code, Alink::ReplySource::Device);
        text += QStringLiteral("<br><b>%1 %2</b>: %3")
                    .arg(*mark.code)
                    .arg(info.displayName().toHtmlEscaped(), info.displayMeaning().toHtmlEscaped());
    }
    if (!mark.message.isEmpty())
        text += QStringLiteral("<br>") + mark.message.toHtmlEscaped();
    QToolTip::showText(help->globalPos(), text, this);
    return true;
}

} // namespace ConfigDeck::Ui
