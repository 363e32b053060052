#include "AccountCountModel.h"

#include "OutcomeColors.h"

#include <QLocale>

namespace ConfigDeck::Ui {

using Alink::ReplyCodeCatalog;

AccountCountModel::AccountCountModel(AccountDeviceModel* devices, QObject* parent)
    : QAbstractListModel(parent)
    , m_devices(devices)
{
    connect(devices, &AccountDeviceModel::countsChanged, this, &AccountCountModel::refresh);
    refresh();
}

void AccountCountModel::refresh()
{
    QList<AccountDeviceModel::Count> counts = m_devices->counts();
    const bool sameCodes =
        std::equal(counts.cbegin(), counts.cend(), m_counts.cbegin(), m_counts.cend(),
                   [](const auto& a, const auto& b) { return a.code == b.code && a.source == b.source; });
    if (sameCodes) {
        m_counts = std::move(counts);
        if (!m_counts.isEmpty())
            emit dataChanged(index(0), index(int(m_counts.size()) - 1));
        return;
    }
    beginResetModel();
    m_counts = std::move(counts);
    endResetModel();
}

QString AccountCountModel::badgeText(const AccountDeviceModel::Count& count)
{
    const QString number = QLocale().toString(count.count);
    if (count.code == AccountDeviceModel::kNoAnswer)
        return tr("No answer yet × %1").arg(number);
    return tr("%1 × %2").arg(QString::number(count.code), number);
}

int AccountCountModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_counts.size());
}

QVariant AccountCountModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AccountDeviceModel::Count& count = m_counts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return badgeText(count);
    case Qt::ToolTipRole: {
        if (count.code == AccountDeviceModel::kNoAnswer)
            return tr("%n device(s) have not answered yet. Click to show them.", nullptr, count.count);
        const auto info = ReplyCodeCatalog::lookup(count.code, count.source);
        return tr("%1 %2: %3\n%n device(s). Click to show them.", nullptr, count.count)
            .arg(QString::number(count.code), AccountDeviceModel::codeName(count.code, count.source),
                 info.displayMeaning());
    }
    case CodeRole:
        return count.code;
    case ColorRole:
        return OutcomeColors::codeColor(count.code, count.source);
    case CountRole:
        return count.count;
    default:
        return {};
    }
}

} // namespace ConfigDeck::Ui
