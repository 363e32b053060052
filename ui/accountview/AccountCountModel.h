#pragma once

#include "AccountDeviceModel.h"

#include <QAbstractListModel>

namespace ConfigDeck::Ui {

// The count per answer of an AccountDeviceModel as a short list ("200 × 9 980", "100002 × 12",
// "No answer yet × 8"), one item per code, for a row of badges painted by ReplyCodeBadgeDelegate.
// Follows the device model's countsChanged: the same codes only change their numbers.
class AccountCountModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountCountModel)

public:
    enum Role
    {
        CodeRole = Qt::UserRole + 1, // int, or AccountDeviceModel::kNoAnswer
        ColorRole,                   // QColor of the code's category
        CountRole,                   // int
    };

    explicit AccountCountModel(AccountDeviceModel* devices, QObject* parent = nullptr);

    const QList<AccountDeviceModel::Count>& counts() const { return m_counts; }
    static QString badgeText(const AccountDeviceModel::Count& count);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    void refresh();

    AccountDeviceModel* m_devices;
    QList<AccountDeviceModel::Count> m_counts;
};

} // namespace ConfigDeck::Ui
