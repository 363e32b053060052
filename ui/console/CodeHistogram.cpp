#include "CodeHistogram.h"

#include "OutcomeColors.h"
#include "store/FleetModel.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <map>

namespace ConfigDeck::Ui {

using Alink::ReplyCategory;
using Alink::ReplyCodeCatalog;

namespace {
constexpr int kMargin = 10;
constexpr int kLegendHeight = 22;
constexpr int kAxisHeight = 34;
constexpr int kGroupGap = 18;

int categoryOrder(ReplyCategory category, int code)
{
    if (code == CodeHistogram::kNoReply)
        return 5;
    switch (category) {
    case ReplyCategory::Success:
        return 0;
    case ReplyCategory::DeviceError:
        return 1;
    case ReplyCategory::PlatformError:
        return 2;
    case ReplyCategory::Transient:
        return 3;
    case ReplyCategory::Unknown:
        return 4;
    }
    return 4;
}
} // namespace

CodeHistogram::CodeHistogram(Store::FleetModel* fleet, QWidget* parent)
    : QWidget(parent)
    , m_fleet(fleet)
{
    setObjectName(QStringLiteral("codeHistogram"));
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    m_recount.setSingleShot(true);
    m_recount.setInterval(150);
    connect(&m_recount, &QTimer::timeout, this, &CodeHistogram::recount);
    auto schedule = [this] {
        if (!m_recount.isActive())
            m_recount.start();
    };
    connect(fleet, &QAbstractItemModel::dataChanged, this, schedule);
    connect(fleet, &QAbstractItemModel::rowsInserted, this, schedule);
    connect(fleet, &QAbstractItemModel::rowsRemoved, this, schedule);
    connect(fleet, &QAbstractItemModel::modelReset, this, schedule);
    recount();
}

void CodeHistogram::recount()
{
    // key: (category order, code, source)
    std::map<std::tuple<int, int, int>, Bar> bars;
    const int rows = m_fleet->rowCount();
    for (int row = 0; row < rows; ++row) {
        const Store::FleetModel::Row& device = m_fleet->rowAt(row);
        const int code = device.hasCode ? device.lastCode : kNoReply;
        const auto source = device.replySource;
        const auto category =
            device.hasCode ? ReplyCodeCatalog::lookup(code, source).category : ReplyCategory::Unknown;
        Bar& bar = bars[{categoryOrder(category, code), code, device.hasCode ? int(source) : 0}];
        bar.code = code;
        bar.source = source;
        bar.category = category;
        ++bar.count;
    }
    m_bars.clear();
    for (auto& [key, bar] : bars)
        m_bars << bar;
    m_total = rows;
    layoutBars();
    update();
}

QList<int> CodeHistogram::codes() const
{
    QList<int> codes;
    for (const Bar& bar : m_bars)
        codes << bar.code;
    return codes;
}

int CodeHistogram::countOf(int code) const
{
    int count = 0;
    for (const Bar& bar : m_bars) {
        if (bar.code == code)
            count += bar.count;
    }
    return count;
}

QRect CodeHistogram::barRect(int code) const
{
    for (const Bar& bar : m_bars) {
        if (bar.code == code)
            return bar.rect;
    }
    return {};
}

QRect CodeHistogram::plotRect() const
{
    return rect().adjusted(kMargin, kMargin + kLegendHeight + 14, -kMargin, -kAxisHeight);
}

void CodeHistogram::layoutBars()
{
    const QRect plot = plotRect();
    if (m_bars.isEmpty() || plot.width() <= 0)
        return;
    int groups = 0;
    int lastGroup = -1;
    for (const Bar& bar : m_bars) {
        const int group = categoryOrder(bar.category, bar.code);
        if (group != lastGroup)
            ++groups;
        lastGroup = group;
    }
    const int gaps = (groups - 1) * kGroupGap;
    const int slot = qMin(90, qMax(14, (plot.width() - gaps) / int(m_bars.size())));
    const int barWidth = qMax(8, slot * 3 / 4);
    int maxCount = 1;
    for (const Bar& bar : m_bars)
        maxCount = qMax(maxCount, bar.count);
    int x = plot.left();
    lastGroup = -1;
    for (Bar& bar : m_bars) {
        const int group = categoryOrder(bar.category, bar.code);
        if (lastGroup >= 0 && group != lastGroup)
            x += kGroupGap;
        lastGroup = group;
        const int height = qMax(2, int(double(bar.count) / maxCount * plot.height()));
        bar.rect = QRect(x + (slot - barWidth) / 2, plot.bottom() - height + 1, barWidth, height);
        x += slot;
    }
}

QSize CodeHistogram::sizeHint() const
{
    return {640, 200};
}

QSize CodeHistogram::minimumSizeHint() const
{
    return {240, 140};
}

void CodeHistogram::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    layoutBars();
}

void CodeHistogram::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.base());

    // Legend: one swatch per category present.
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    painter.setFont(small);
    const QFontMetrics smallMetrics(small);
    int x = kMargin;
    const int legendY = kMargin;
    QFont titleFont = font();
    titleFont.setBold(true);
    painter.setFont(titleFont);
    const QString title = tr("Last reply codes — %n device(s)", nullptr, m_total);
    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(QRect(x, legendY, width(), kLegendHeight), Qt::AlignLeft | Qt::AlignVCenter, title);
    x += QFontMetrics(titleFont).horizontalAdvance(title) + 20;
    painter.setFont(small);
    const QList<std::pair<QColor, QString>> legend = {
        {QColor::fromString(ReplyCodeCatalog::categoryColor(ReplyCategory::Success)),
         ReplyCodeCatalog::categoryName(ReplyCategory::Success)},
        {QColor::fromString(ReplyCodeCatalog::categoryColor(ReplyCategory::DeviceError)),
         ReplyCodeCatalog::categoryName(ReplyCategory::DeviceError)},
        {QColor::fromString(ReplyCodeCatalog::categoryColor(ReplyCategory::PlatformError)),
         ReplyCodeCatalog::categoryName(ReplyCategory::PlatformError)},
        {QColor::fromString(ReplyCodeCatalog::categoryColor(ReplyCategory::Transient)),
         ReplyCodeCatalog::categoryName(ReplyCategory::Transient)},
        {OutcomeColors::codeColor(kNoReply), tr("No reply yet")},
    };
    for (const auto& [color, name] : legend) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawRoundedRect(QRectF(x, legendY + kLegendHeight / 2.0 - 5, 10, 10), 2, 2);
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(QRect(x + 14, legendY, 400, kLegendHeight), Qt::AlignLeft | Qt::AlignVCenter, name);
        x += 14 + smallMetrics.horizontalAdvance(name) + 16;
    }

    const QRect plot = plotRect();
    QColor gridColor = pal.color(QPalette::Text);
    gridColor.setAlphaF(0.12);
    painter.setPen(QPen(gridColor, 1));
    painter.drawLine(plot.bottomLeft() + QPoint(0, 1), plot.bottomRight() + QPoint(0, 1));

    if (m_bars.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(plot, Qt::AlignCenter, tr("No devices"));
        return;
    }
    for (int i = 0; i < m_bars.size(); ++i) {
        const Bar& bar = m_bars.at(i);
        QColor color = OutcomeColors::codeColor(bar.code, bar.source);
        if (i == m_hovered)
            color = color.lighter(115);
        QPainterPath path;
        path.addRoundedRect(QRectF(bar.rect), 3, 3);
        painter.fillPath(path, color);
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(QRect(bar.rect.left() - 20, bar.rect.top() - 16, bar.rect.width() + 40, 14),
                         Qt::AlignHCenter | Qt::AlignBottom, QString::number(bar.count));
        const QString label = bar.code == kNoReply ? tr("none") : QString::number(bar.code);
        painter.drawText(QRect(bar.rect.center().x() - 40, plot.bottom() + 4, 80, 14),
                         Qt::AlignHCenter | Qt::AlignTop, label);
        if (bar.code != kNoReply) {
            painter.setPen(pal.color(QPalette::PlaceholderText));
            const QString name =
                smallMetrics.elidedText(ReplyCodeCatalog::lookup(bar.code, bar.source).displayName(),
                                        Qt::ElideRight, qMax(40, bar.rect.width() + 24));
            painter.drawText(QRect(bar.rect.center().x() - 50, plot.bottom() + 18, 100, 14),
                             Qt::AlignHCenter | Qt::AlignTop, name);
        }
    }
}

int CodeHistogram::barAt(const QPoint& position) const
{
    for (int i = 0; i < m_bars.size(); ++i) {
        // The whole column above a short bar counts, so small bars are easy to hit.
        const QRect& bar = m_bars.at(i).rect;
        if (QRect(bar.left(), plotRect().top(), bar.width(), plotRect().height() + 2).contains(position))
            return i;
    }
    return -1;
}

void CodeHistogram::mousePressEvent(QMouseEvent* event)
{
    const int index = barAt(event->position().toPoint());
    if (index >= 0 && event->button() == Qt::LeftButton)
        emit codeClicked(m_bars.at(index).code);
    QWidget::mousePressEvent(event);
}

void CodeHistogram::mouseMoveEvent(QMouseEvent* event)
{
    const int index = barAt(event->position().toPoint());
    if (index != m_hovered) {
        m_hovered = index;
        setCursor(index >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void CodeHistogram::leaveEvent(QEvent* event)
{
    m_hovered = -1;
    update();
    QWidget::leaveEvent(event);
}

bool CodeHistogram::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int index = barAt(help->pos());
        if (index < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const Bar& bar = m_bars.at(index);
        QString text;
        if (bar.code == kNoReply) {
            text = tr("<b>No reply yet</b><br>%n device(s) have not answered a request or push.", nullptr,
                      bar.count);
        } else {
            const auto info = ReplyCodeCatalog::lookup(bar.code, bar.source);
            text = tr("<b>%1 %2</b> (%3)<br>%4<br>%n device(s). Click to show them.", nullptr, bar.count)
                       .arg(bar.code)
                       .arg(info.displayName().toHtmlEscaped(), ReplyCodeCatalog::categoryName(info.category),
                            info.displayMeaning().toHtmlEscaped());
        }
        QToolTip::showText(help->globalPos(), text, this, bar.rect);
        return true;
    }
    return QWidget::event(event);
}

} // namespace ConfigDeck::Ui
