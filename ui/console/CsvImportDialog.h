#pragma once

#include "store/CsvImport.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ConfigDeck::Ui {

// Imports a batch-registration CSV: the preview of the first rows, every row's error with its line number,
// and Import enabled only when the file has no error (the import is all or nothing).
class CsvImportDialog final : public QDialog
{
    Q_OBJECT
public:
    CsvImportDialog(Store::Workspace* workspace, QWidget* parent = nullptr);

    // Reads and checks the file; writes nothing.
    bool previewFile(const QString& path);
    QTableWidget* errorsTable() const { return m_errors; }
    QTableWidget* previewTable() const { return m_preview; }
    QPushButton* importButton() const { return m_import; }
    QString summaryText() const;
    qsizetype importedCount() const { return m_imported; }

private:
    void commit();

    Store::Workspace* m_workspace;
    std::optional<Store::CsvImport::Preview> m_current;
    QLineEdit* m_path;
    QLabel* m_summary;
    QTableWidget* m_preview;
    QTableWidget* m_errors;
    QPushButton* m_import;
    qsizetype m_imported = 0;
};

} // namespace ConfigDeck::Ui
