#include "AccountFilterModel.h"

#include "AccountDeviceModel.h"

namespace ConfigDeck::Ui {

AccountFilterModel::AccountFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AccountDeviceModel::SortRole);
    setDynamicSortFilter(true);
}

void AccountFilterModel::setAnswerFilter(Answer answer, int code)
{
    if (answer == m_answer && code == m_code)
        return;
    // Qt 6.4 has no begin/endFilterChange; invalidateFilter() is the way on every supported version.
    m_answer = answer;
    m_code = code;
    invalidateFilter();
}

void AccountFilterModel::setText(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool AccountFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_text.isEmpty() &&
        !index.data(AccountDeviceModel::DeviceNameRole).toString().contains(m_text, Qt::CaseInsensitive))
        return false;
    const int code = index.data(AccountDeviceModel::AnswerCodeRole).toInt();
    switch (m_answer) {
    case Answer::Any:
        return true;
    case Answer::Success:
        return code == Alink::ReplyCodeCatalog::kSuccess;
    case Answer::Failure:
        return code != AccountDeviceModel::kNoAnswer && code != Alink::ReplyCodeCatalog::kSuccess;
    case Answer::NoAnswer:
        return code == AccountDeviceModel::kNoAnswer;
    case Answer::Code:
        return code == m_code;
    }
    return true;
}

} // namespace ConfigDeck::Ui
