#include "ReplyCodeBadgeDelegate.h"

#include <QApplication>
#include <QPainter>

namespace ConfigDeck::Ui {

ReplyCodeBadgeDelegate::ReplyCodeBadgeDelegate(int colorRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_colorRole(colorRole)
{
}

void ReplyCodeBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                   const QModelIndex& index) const
{
    const QColor color = index.data(m_colorRole).value<QColor>();
    const QString text = index.data(Qt::DisplayRole).toString();
    if (!color.isValid() || text.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    // Background and selection as the style draws them, then the badge on top.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = option.font;
    font.setBold(true);
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 4;
    const int width = metrics.horizontalAdvance(text) + 14;
    QRectF badge(0, 0, width, height);
    badge.moveCenter(QRectF(option.rect).center());
    if (background.displayAlignment & Qt::AlignLeft)
        badge.moveLeft(option.rect.left() + 4);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setFont(font);
    painter->setPen(color.lightnessF() > 0.6 ? Qt::black : Qt::white);
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

QSize ReplyCodeBadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    QFont font = option.font;
    font.setBold(true);
    const QFontMetrics metrics(font);
    size.setWidth(qMax(size.width(), metrics.horizontalAdvance(index.data().toString()) + 24));
    size.setHeight(qMax(size.height(), metrics.height() + 8));
    return size;
}

} // namespace ConfigDeck::Ui
