#include "CsvImportDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

CsvImportDialog::CsvImportDialog(Store::Workspace* workspace, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_path(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_preview(new QTableWidget(0, 3, this))
    , m_errors(new QTableWidget(0, 2, this))
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
    m_summary->setObjectName(QStringLiteral("csvSummary"));
    m_summary->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("csvPreview"));
    m_preview->setHorizontalHeaderLabels({tr("Line"), tr("ProductKey"), tr("DeviceName")});
    m_errors->setObjectName(QStringLiteral("csvErrors"));
    m_errors->setHorizontalHeaderLabels({tr("Line"), tr("Problem")});
    for (QTableWidget* table : {m_preview, m_errors}) {
        table->verticalHeader()->hide();
        table->horizontalHeader()->setStretchLastSection(true);
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("csvImportButton"));
    m_import->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("Errors (nothing is imported while there are any):"), this));
    layout->addWidget(m_errors, 1);
    layout->addWidget(new QLabel(tr("First rows (secrets are never shown):"), this));
    layout->addWidget(m_preview, 2);
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
    m_errors->setRowCount(0);
    m_preview->setRowCount(0);
    m_import->setEnabled(false);
    auto preview = Store::CsvImport(*m_workspace).previewFile(path);
    if (!preview) {
        m_summary->setText(
            tr("<b>This file cannot be imported:</b> %1").arg(preview.error().message().toHtmlEscaped()));
        return false;
    }
    m_current = *preview;
    m_summary->setText(preview->summary());
    m_errors->setRowCount(int(preview->errors.size()));
    for (int i = 0; i < preview->errors.size(); ++i) {
        const auto& error = preview->errors.at(i);
        m_errors->setItem(i, 0, new QTableWidgetItem(QString::number(error.line)));
        m_errors->setItem(i, 1, new QTableWidgetItem(error.message));
    }
    m_preview->setRowCount(int(preview->firstRows.size()));
    for (int i = 0; i < preview->firstRows.size(); ++i) {
        const auto& row = preview->firstRows.at(i);
        m_preview->setItem(i, 0, new QTableWidgetItem(QString::number(row.line)));
        m_preview->setItem(i, 1, new QTableWidgetItem(row.productKey));
        m_preview->setItem(i, 2, new QTableWidgetItem(row.deviceName));
    }
    m_import->setEnabled(preview->canCommit());
    return true;
}

QString CsvImportDialog::summaryText() const
{
    return m_summary->text();
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
