#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;
class QLabel;

namespace ConfigDeck::Ui {

class MessageLogModel;
class MessageLogFilter;

// The message log: newest first, filterable by device, topic, direction and code; the selected message's
// payload pretty-printed in colour, copied as JSON on request. `compact` hides the device filter and the
// header strip (the device detail panel shows one device's messages with it).
class MessageLogView final : public QWidget
{
    Q_OBJECT
public:
    explicit MessageLogView(MessageLogModel* model, bool compact = false, QWidget* parent = nullptr);

    void setDeviceFilter(const QString& text);
    void setTopicFilter(const QString& text);
    // -1: both directions, else int(Store::MessageDirection)
    void setDirectionFilter(int direction);
    void setCodeFilter(const QString& text);
    int visibleCount() const;
    QTableView* table() const { return m_table; }
    QTextBrowser* detail() const { return m_detail; }
    // The selected message's payload, indented (what "Copy as JSON" puts on the clipboard).
    QByteArray selectedJson() const;
    void copySelectedJson() const;

private:
    void showCurrent();

    MessageLogModel* m_model;
    MessageLogFilter* m_filter;
    QLineEdit* m_device = nullptr;
    QLineEdit* m_topic;
    QComboBox* m_direction;
    QLineEdit* m_code;
    QLabel* m_count;
    QTableView* m_table;
    QTextBrowser* m_detail;
    QPushButton* m_copy;
};

} // namespace ConfigDeck::Ui
