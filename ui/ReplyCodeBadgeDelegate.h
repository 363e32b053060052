#pragma once

#include <QStyledItemDelegate>

namespace ConfigDeck::Ui {

// Paints a reply code as a rounded badge in its category's colour. The colour comes from the model's
// colorRole, the text from DisplayRole; the same delegate serves every view that shows a code.
class ReplyCodeBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ReplyCodeBadgeDelegate(int colorRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_colorRole;
};

} // namespace ConfigDeck::Ui
