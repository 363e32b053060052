#include "OutcomeColors.h"

#include "alink/ReplyCodeCatalog.h"

#include <QPainter>
#include <QPixmap>

namespace ConfigDeck::Ui {

QColor OutcomeColors::color(Store::OutcomeState state)
{
    using Alink::ReplyCategory;
    using Alink::ReplyCodeCatalog;
    switch (state) {
    case Store::OutcomeState::Pending:
        return QColor(QStringLiteral("#c7ccd1"));
    case Store::OutcomeState::Pushed:
        return QColor(QStringLiteral("#3d7be0"));
    case Store::OutcomeState::Succeeded:
        return QColor::fromString(ReplyCodeCatalog::categoryColor(ReplyCategory::Success));
    case Store::OutcomeState::Failed:
        return QColor::fromString(ReplyCodeCatalog::categoryColor(ReplyCategory::DeviceError));
    case Store::OutcomeState::TimedOut:
        return QColor::fromString(ReplyCodeCatalog::categoryColor(ReplyCategory::Transient));
    case Store::OutcomeState::Skipped:
        return QColor(QStringLiteral("#8a8f98"));
    }
    return {};
}

QString OutcomeColors::name(Store::OutcomeState state)
{
    switch (state) {
    case Store::OutcomeState::Pending:
        return tr("Pending");
    case Store::OutcomeState::Pushed:
        return tr("Pushed");
    case Store::OutcomeState::Succeeded:
        return tr("Succeeded");
    case Store::OutcomeState::Failed:
        return tr("Failed");
    case Store::OutcomeState::TimedOut:
        return tr("Timed out");
    case Store::OutcomeState::Skipped:
        return tr("Skipped");
    }
    return {};
}

QColor OutcomeColors::codeColor(int code, Alink::ReplySource source)
{
    if (code < 0)
        return QColor(QStringLiteral("#9aa0a6"));
    return QColor::fromString(
        Alink::ReplyCodeCatalog::categoryColor(Alink::ReplyCodeCatalog::lookup(code, source).category));
}

QIcon OutcomeColors::statusDot(const QColor& color)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(8, 8, 16, 16));
    return QIcon(pixmap);
}

} // namespace ConfigDeck::Ui
