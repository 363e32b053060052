#pragma once

#include <QSortFilterProxyModel>

namespace ConfigDeck::Ui {

// Filters an AccountDeviceModel by DeviceName and by answer, and sorts it by each column's SortRole.
class AccountFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountFilterModel)

public:
    enum class Answer
    {
        Any,
        Success,  // 200
        Failure,  // answered with any other code
        NoAnswer, // not answered yet
        Code,     // exactly code()
    };

    explicit AccountFilterModel(QObject* parent = nullptr);

    void setAnswerFilter(Answer answer, int code = 0);
    Answer answerFilter() const { return m_answer; }
    int code() const { return m_code; }
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    Answer m_answer = Answer::Any;
    int m_code = 0;
    QString m_text;
};

} // namespace ConfigDeck::Ui
