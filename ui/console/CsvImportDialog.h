#pragma once

#include "store/CsvImport.h"

#include <QDialog>

#include <optional>

class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ConfigDeck::Ui {

class ImportPreviewView;

// Imports a batch-registration CSV: the preview of the first rows, every row's error with its line number,
// and Import enabled only when the file has no error (the import is all or nothing).
class CsvImportDialog final : public QDialog
{
    Q_OBJECT
public:
    CsvImportDialog(Store::Workspace* workspace, QWidget* parent = nullptr);

    // Reads and checks the file; writes nothing.
    bool previewFile(const QString& path);
    QTableWidget* errorsTable() const;
    QTableWidget* previewTable() const;
    QPushButton* importButton() const { return m_import; }
    QString summaryText() const;
    qsizetype importedCount() const { return m_imported; }

private:
    void commit();

    Store::Workspace* m_workspace;
    std::optional<Store::CsvImport::Preview> m_current;
    QLineEdit* m_path;
    ImportPreviewView* m_view;
    QPushButton* m_import;
    qsizetype m_imported = 0;
};

} // namespace ConfigDeck::Ui
