#pragma once

#include "store/CsvImport.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace ConfigDeck::Ui {

// What an import would do, before it is done: the summary, every row's error with its line, and the first
// rows (a Result column says new or refreshed when the import refreshes). Shared by Import devices from
// CSV and Import from Alibaba Cloud, which both go through CsvImport's preview.
class ImportPreviewView final : public QWidget
{
    Q_OBJECT
public:
    explicit ImportPreviewView(QWidget* parent = nullptr);

    // Rows numbered by their line in a file (the default), or by their place in a list of records whose
    // first line is the header (Import from Alibaba Cloud: "Row" 1 is the first device).
    void setNumberedByRecord(bool byRecord);
    void showPreview(const Store::CsvImport::Preview& preview);
    // The source cannot be previewed at all (rich text).
    void showProblem(const QString& html);
    void clear();

    QTableWidget* errorsTable() const { return m_errors; }
    QTableWidget* previewTable() const { return m_preview; }
    QString summaryText() const;

private:
    QLabel* m_summary;
    QTableWidget* m_preview;
    QTableWidget* m_errors;
    bool m_byRecord = false;
};

} // namespace ConfigDeck::Ui
