#pragma once

#include <QIdentityProxyModel>

namespace ConfigDeck::Ui {

// Presents a (filtered) FleetModel for the table: the code column reads "460 name", and BadgeColorRole
// gives the code's category colour as a QColor for ReplyCodeBadgeDelegate.
class FleetPresentationModel final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    enum Role
    {
        BadgeColorRole = Qt::UserRole + 100
    };
    explicit FleetPresentationModel(QObject* parent = nullptr);
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
};

} // namespace ConfigDeck::Ui
