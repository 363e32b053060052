#include "FleetPresentationModel.h"

#include "OutcomeColors.h"
#include "alink/ReplyCodeCatalog.h"
#include "store/FleetModel.h"

#include <QColor>
#include <QIcon>

namespace ConfigDeck::Ui {

using Store::FleetModel;

FleetPresentationModel::FleetPresentationModel(QObject* parent)
    : QIdentityProxyModel(parent)
{
}

QVariant FleetPresentationModel::data(const QModelIndex& index, int role) const
{
    if (index.column() == FleetModel::LastCodeColumn) {
        if (role == BadgeColorRole) {
            const QVariant color = QIdentityProxyModel::data(index, FleetModel::CategoryColorRole);
            return color.isValid() ? QVariant(QColor::fromString(color.toString())) : QVariant();
        }
        if (role == Qt::DisplayRole) {
            const QVariant code = QIdentityProxyModel::data(index, FleetModel::ReplyCodeRole);
            if (!code.isValid())
                return QString();
            const auto source =
                Alink::ReplySource(QIdentityProxyModel::data(index, FleetModel::ReplySourceRole).toInt());
            const auto info = Alink::ReplyCodeCatalog::lookup(code.toInt(), source);
            return QStringLiteral("%1 %2").arg(code.toInt()).arg(info.displayName());
        }
    }
    if (index.column() == FleetModel::OnlineColumn && role == Qt::DecorationRole) {
        const bool online = QIdentityProxyModel::data(index, FleetModel::OnlineRole).toBool();
        static const QIcon onlineIcon = OutcomeColors::statusDot(QColor(QStringLiteral("#2e9d4f")));
        static const QIcon offlineIcon = OutcomeColors::statusDot(QColor(QStringLiteral("#9aa0a6")));
        return online ? onlineIcon : offlineIcon;
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace ConfigDeck::Ui
