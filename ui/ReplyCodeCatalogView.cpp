#include "ReplyCodeCatalogView.h"

#include "ReplyCodeBadgeDelegate.h"
#include "ReplyCodeModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

using Alink::ReplyCategory;
using Alink::ReplyCodeCatalog;
using Alink::ReplySource;

ReplyCodeCatalogView::ReplyCodeCatalogView(QWidget* parent)
    : QWidget(parent)
    , m_model(new ReplyCodeModel(this))
    , m_categoryFilter(new QSortFilterProxyModel(this))
    , m_sourceFilter(new QSortFilterProxyModel(this))
    , m_textFilter(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_category(new QComboBox(this))
    , m_source(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_count(new QLabel(this))
{
    m_categoryFilter->setSourceModel(m_model);
    m_categoryFilter->setFilterRole(ReplyCodeModel::CategoryRole);
    m_sourceFilter->setSourceModel(m_categoryFilter);
    m_sourceFilter->setFilterKeyColumn(ReplyCodeModel::SourceColumn);
    m_textFilter->setSourceModel(m_sourceFilter);
    m_textFilter->setFilterKeyColumn(-1);
    m_textFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_textFilter->setSortRole(ReplyCodeModel::CodeRole);

    m_search->setPlaceholderText(tr("Search code, name or meaning…"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("replyCodeSearch"));

    m_category->addItem(tr("All categories"), -1);
    for (auto category : {ReplyCategory::Success, ReplyCategory::DeviceError, ReplyCategory::PlatformError,
                          ReplyCategory::Transient}) {
        QPixmap swatch(12, 12);
        swatch.fill(QColor::fromString(ReplyCodeCatalog::categoryColor(category)));
        m_category->addItem(QIcon(swatch), ReplyCodeCatalog::categoryName(category),
                            static_cast<int>(category));
    }
    m_source->addItem(tr("Sent by anyone"), QString());
    m_source->addItem(ReplyCodeCatalog::sourceName(ReplySource::Device),
                      ReplyCodeCatalog::sourceName(ReplySource::Device));
    m_source->addItem(ReplyCodeCatalog::sourceName(ReplySource::Platform),
                      ReplyCodeCatalog::sourceName(ReplySource::Platform));

    m_table->setModel(m_textFilter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ReplyCodeModel::CodeColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setItemDelegateForColumn(ReplyCodeModel::CodeColumn,
                                      new ReplyCodeBadgeDelegate(ReplyCodeModel::CategoryColorRole, this));
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(ReplyCodeModel::NameColumn, 260);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_category);
    filters->addWidget(m_source);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    connect(m_search, &QLineEdit::textChanged, this, &ReplyCodeCatalogView::updateFilters);
    connect(m_category, &QComboBox::currentIndexChanged, this, &ReplyCodeCatalogView::updateFilters);
    connect(m_source, &QComboBox::currentIndexChanged, this, &ReplyCodeCatalogView::updateFilters);
    updateFilters();
}

void ReplyCodeCatalogView::setSearchText(const QString& text)
{
    m_search->setText(text);
}

int ReplyCodeCatalogView::visibleRowCount() const
{
    return m_textFilter->rowCount();
}

void ReplyCodeCatalogView::updateFilters()
{
    const int category = m_category->currentData().toInt();
    m_categoryFilter->setFilterRegularExpression(
        category < 0 ? QRegularExpression() : QRegularExpression(QStringLiteral("^%1$").arg(category)));
    const QString source = m_source->currentData().toString();
    m_sourceFilter->setFilterRegularExpression(
        source.isEmpty()
            ? QRegularExpression()
            : QRegularExpression(QLatin1Char('^') + QRegularExpression::escape(source) + QLatin1Char('$')));
    m_textFilter->setFilterFixedString(m_search->text().trimmed());
    m_count->setText(tr("%n code(s) shown", nullptr, visibleRowCount()));
}

} // namespace ConfigDeck::Ui
