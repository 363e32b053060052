#pragma once

#include "alink/ReplyCodeCatalog.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

#include <map>
#include <vector>

namespace ConfigDeck::Ui {

// The devices of one product and how each answered the last push, for the Account view: plain records in
// a vector plus a hash from DeviceName to row (no QObject per device). Answers and online changes are
// queued and applied together after a short delay: one dataChanged over the touched rows (all rows when
// more than half changed), one beginInsertRows for devices the workspace did not know. It keeps the count
// per answer as it goes, so the counts never need a pass over the rows.
class AccountDeviceModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountDeviceModel)

public:
    static constexpr int kNoAnswer = -1; // the "code" of devices that have not answered

    enum Column
    {
        DeviceNameColumn,
        AnswerColumn,
        MeaningColumn,
        AnsweredAtColumn,
        OnlineColumn,
        ColumnCount
    };

    enum Role
    {
        AnswerCodeRole = Qt::UserRole + 1, // int, or kNoAnswer
        AnswerColorRole,                   // QColor of the code's category (grey: no answer)
        SortRole,                          // what the column sorts by
        DeviceNameRole,                    // QString
        OnlineRole,                        // bool
        AnsweredAtRole,                    // QDateTime (UTC), invalid without an answer
    };

    struct Row
    {
        QString deviceName;
        qint64 answerMs = 0; // 0: unknown
        qint64 onlineMs = 0; // when the online state was last reported; 0: as stored
        int code = 0;
        Alink::ReplySource source = Alink::ReplySource::Device;
        bool answered = false;
        bool online = false;
    };

    // One count per answer: a code (with the source that gives it its meaning) or kNoAnswer.
    struct Count
    {
        int code = kNoAnswer;
        Alink::ReplySource source = Alink::ReplySource::Device;
        int count = 0;
    };

    explicit AccountDeviceModel(QObject* parent = nullptr);
    ~AccountDeviceModel() override;

    // Replaces the rows. When the same devices come in the same order only their data changes (one
    // dataChanged), so a view keeps its selection and scroll position; otherwise the model is reset.
    void setRows(std::vector<Row> rows);

    // Queued; applied by flush() or shortly after. An answer older than the one the row holds is ignored;
    // so is an online change older than the last one reported. Unknown devices are added.
    void queueAnswer(const QString& deviceName, int code, Alink::ReplySource source, qint64 ms);
    void queueOnline(const QString& deviceName, bool online, qint64 ms);
    void flush();
    void setCoalesceInterval(int milliseconds) { m_flushTimer.setInterval(milliseconds); }

    int rowOf(const QString& deviceName) const { return m_index.value(deviceName, -1); }
    const Row& rowAt(int row) const { return m_rows[size_t(row)]; }
    // Counts in a stable order: success, the other codes ascending, then "no answer yet".
    QList<Count> counts() const;
    int countOf(int code) const; // every source together; kNoAnswer for "no answer yet"
    int onlineCount() const { return m_online; }
    int answeredCount() const { return int(m_rows.size()) - m_noAnswer; }

    static QString answerText(const Row& row);
    // The catalog's short name of a code (empty for kNoAnswer).
    static QString codeName(int code, Alink::ReplySource source);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // After a flush or setRows(): counts() may have changed.
    void countsChanged();

private:
    struct Pending
    {
        QString deviceName;
        qint64 ms = 0;
        int code = 0;
        Alink::ReplySource source = Alink::ReplySource::Device;
        bool isAnswer = true; // false: an online change
        bool online = false;
    };
    using CountKey = std::pair<int, int>; // (code, source), or (kNoAnswer, 0)
    static CountKey keyOf(const Row& row);
    void recount();
    void adjustCounts(const Row& row, int delta);
    void scheduleFlush();

    std::vector<Row> m_rows;
    QHash<QString, int> m_index;
    std::vector<Pending> m_pending;
    std::map<CountKey, int> m_counts; // answered rows only
    int m_noAnswer = 0;
    int m_online = 0;
    QTimer m_flushTimer;
};

} // namespace ConfigDeck::Ui
