#include "ImportPreviewView.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

ImportPreviewView::ImportPreviewView(QWidget* parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_preview(new QTableWidget(0, 3, this))
    , m_errors(new QTableWidget(0, 2, this))
{
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
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("Errors (nothing is imported while there are any):"), this));
    layout->addWidget(m_errors, 1);
    layout->addWidget(new QLabel(tr("First rows (secrets are never shown):"), this));
    layout->addWidget(m_preview, 2);
}

void ImportPreviewView::setNumberedByRecord(bool byRecord)
{
    m_byRecord = byRecord;
    const QString header = byRecord ? tr("Row") : tr("Line");
    m_preview->setHorizontalHeaderItem(0, new QTableWidgetItem(header));
    m_errors->setHorizontalHeaderItem(0, new QTableWidgetItem(header));
}

void ImportPreviewView::clear()
{
    m_summary->clear();
    m_errors->setRowCount(0);
    m_preview->setRowCount(0);
}

void ImportPreviewView::showProblem(const QString& html)
{
    clear();
    m_summary->setText(html);
}

void ImportPreviewView::showPreview(const Store::CsvImport::Preview& preview)
{
    clear();
    m_summary->setText(preview.summary());
    m_errors->setRowCount(int(preview.errors.size()));
    for (int i = 0; i < preview.errors.size(); ++i) {
        const auto& error = preview.errors.at(i);
        m_errors->setItem(i, 0,
                          new QTableWidgetItem(QString::number(m_byRecord ? error.line - 1 : error.line)));
        m_errors->setItem(i, 1, new QTableWidgetItem(error.message));
    }
    const bool refresh = preview.options.mode == Store::CsvImport::Mode::Refresh;
    m_preview->setColumnCount(refresh ? 4 : 3);
    if (refresh)
        m_preview->setHorizontalHeaderItem(3, new QTableWidgetItem(tr("Result")));
    m_preview->setRowCount(int(preview.firstRows.size()));
    for (int i = 0; i < preview.firstRows.size(); ++i) {
        const auto& row = preview.firstRows.at(i);
        m_preview->setItem(i, 0, new QTableWidgetItem(QString::number(m_byRecord ? row.line - 1 : row.line)));
        m_preview->setItem(i, 1, new QTableWidgetItem(row.productKey));
        m_preview->setItem(i, 2, new QTableWidgetItem(row.deviceName));
        if (refresh)
            m_preview->setItem(i, 3,
                               new QTableWidgetItem(row.existing ? tr("refreshed (state kept)") : tr("new")));
    }
}

QString ImportPreviewView::summaryText() const
{
    return m_summary->text();
}

} // namespace ConfigDeck::Ui
