#include "CsvImportDialog.h"

#include "ImportPreviewView.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

CsvImportDialog::CsvImportDialog(Store::Workspace* workspace, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_path(new QLineEdit(this))
    , m_view(new ImportPreviewView(this))
    , m_import(nullptr)
{
    setWindowTitle(tr("Import devices from CSV"));
    setObjectName(QStringLiteral("csvImportDialog"));
    resize(760, 560);
    m_path->setReadOnly(true);
    auto* browse = new QPushButton(tr("Choose file…"), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("csvImportButton"));
    m_import->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import devices"), {},
                                                          tr("CSV files (*.csv);;All files (*)"));
        if (!path.isEmpty())
            previewFile(path);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_import, &QPushButton::clicked, this, &CsvImportDialog::commit);
}

bool CsvImportDialog::previewFile(const QString& path)
{
    m_path->setText(path);
    m_current.reset();
    m_view->clear();
    m_import->setEnabled(false);
    auto preview = Store::CsvImport(*m_workspace).previewFile(path);
    if (!preview) {
        m_view->showProblem(
            tr("<b>This file cannot be imported:</b> %1").arg(preview.error().message().toHtmlEscaped()));
        return false;
    }
    m_current = *preview;
    m_view->showPreview(*preview);
    m_import->setEnabled(preview->canCommit());
    return true;
}

QString CsvImportDialog::summaryText() const
{
    return m_view->summaryText();
}

QTableWidget* CsvImportDialog::errorsTable() const
{
    return m_view->errorsTable();
}

QTableWidget* CsvImportDialog::previewTable() const
{
    return m_view->previewTable();
}

void CsvImportDialog::commit()
{
    if (!m_current || !m_current->canCommit())
        return;
    QProgressDialog progress(tr("Importing devices…"), tr("Cancel"), 0,
                             int(qMin<qsizetype>(m_current->rowCount, INT_MAX)), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    auto result =
        Store::CsvImport(*m_workspace).commit(*m_current, [&progress](qsizetype done, qsizetype total) {
            progress.setMaximum(int(total));
            progress.setValue(int(done));
            QApplication::processEvents(); // keeps the window painting and the Cancel button live
            return !progress.wasCanceled();
        });
    progress.reset();
    if (!result) {
        QMessageBox::warning(this, windowTitle(),
                             tr("Nothing was imported: %1").arg(result.error().message()));
        return;
    }
    m_imported = *result;
    accept();
}

} // namespace ConfigDeck::Ui
