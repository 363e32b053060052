#include "MessageLogView.h"

#include "JsonHighlight.h"
#include "MessageLogModel.h"
#include "ReplyCodeBadgeDelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <iterator>

namespace ConfigDeck::Ui {

// Filters by device (substring of "pk/dn", or exactly "pk/dn" when it is one), topic, direction and code.
class MessageLogFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QString device;
    bool exactDevice = false;
    QString topic;
    int direction = -1;
    QString code;
    void apply() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (direction >= 0 && index.data(MessageLogModel::DirectionRole).toInt() != direction)
            return false;
        if (!device.isEmpty()) {
            const QString name = index.data(MessageLogModel::ProductKeyRole).toString() + u'/' +
                                 index.data(MessageLogModel::DeviceNameRole).toString();
            if (exactDevice ? name != device : !name.contains(device, Qt::CaseInsensitive))
                return false;
        }
        if (!topic.isEmpty() &&
            !index.data(MessageLogModel::TopicRole).toString().contains(topic, Qt::CaseInsensitive))
            return false;
        if (!code.isEmpty()) {
            const QVariant value = index.data(MessageLogModel::CodeRole);
            if (!value.isValid() || !QString::number(value.toInt()).startsWith(code))
                return false;
        }
        return true;
    }
};

MessageLogView::MessageLogView(MessageLogModel* model, bool compact, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new MessageLogFilter(this))
    , m_topic(new QLineEdit(this))
    , m_direction(new QComboBox(this))
    , m_code(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
    , m_detail(new QTextBrowser(this))
    , m_copy(new QPushButton(tr("Copy as JSON"), this))
{
    m_filter->setSourceModel(model);
    auto* filters = new QHBoxLayout;
    if (!compact) {
        m_device = new QLineEdit(this);
        m_device->setObjectName(QStringLiteral("logDeviceFilter"));
        m_device->setPlaceholderText(tr("Device"));
        m_device->setClearButtonEnabled(true);
        filters->addWidget(m_device, 2);
        connect(m_device, &QLineEdit::textChanged, this, &MessageLogView::setDeviceFilter);
    }
    m_topic->setObjectName(QStringLiteral("logTopicFilter"));
    m_topic->setPlaceholderText(tr("Topic contains…"));
    m_topic->setClearButtonEnabled(true);
    m_direction->setObjectName(QStringLiteral("logDirectionFilter"));
    m_direction->addItem(tr("In and out"), -1);
    m_direction->addItem(tr("In"), 0);
    m_direction->addItem(tr("Out"), 1);
    m_direction->addItem(tr("Edits"), int(Store::MessageDirection::Edit));
    m_code->setObjectName(QStringLiteral("logCodeFilter"));
    m_code->setPlaceholderText(tr("Code"));
    m_code->setClearButtonEnabled(true);
    m_code->setMaximumWidth(110);
    filters->addWidget(m_topic, 3);
    filters->addWidget(m_direction);
    filters->addWidget(m_code);
    filters->addWidget(m_count);

    m_table->setObjectName(QStringLiteral("messageLogTable"));
    m_table->setModel(m_filter);
    m_table->setItemDelegateForColumn(MessageLogModel::CodeColumn,
                                      new ReplyCodeBadgeDelegate(Qt::UserRole + 100, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int widths[] = {100, 70, 150, 330, 190, 70, 90};
    static_assert(std::size(widths) == MessageLogModel::ColumnCount);
    for (int c = 0; c < MessageLogModel::ColumnCount; ++c)
        m_table->horizontalHeader()->resizeSection(c, widths[c]);
    if (compact) {
        // Narrow side panel: one device, so topic and direction are the filters that matter.
        m_code->hide();
        m_count->hide();
        m_topic->setMinimumWidth(60);
        m_table->hideColumn(MessageLogModel::DeviceColumn);
        m_table->hideColumn(MessageLogModel::SizeColumn);
        m_table->hideColumn(MessageLogModel::OperatorColumn);
    }

    m_detail->setObjectName(QStringLiteral("messageDetail"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_detail->setFont(mono);
    m_detail->setPlaceholderText(tr("Select a message to see its payload."));
    m_copy->setObjectName(QStringLiteral("copyJson"));
    m_copy->setEnabled(false);

    auto* detailBox = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detail);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_copy);
    detailLayout->addLayout(buttons);

    auto* splitter = new QSplitter(compact ? Qt::Vertical : Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("messageLogSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(detailBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(m_topic, &QLineEdit::textChanged, this, &MessageLogView::setTopicFilter);
    connect(m_code, &QLineEdit::textChanged, this, &MessageLogView::setCodeFilter);
    connect(m_direction, &QComboBox::currentIndexChanged, this,
            [this] { setDirectionFilter(m_direction->currentData().toInt()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MessageLogView::showCurrent);
    connect(m_copy, &QPushButton::clicked, this, &MessageLogView::copySelectedJson);
    auto updateCount = [this] { m_count->setText(tr("%n message(s)", nullptr, visibleCount())); };
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, updateCount);
    updateCount();
}

void MessageLogView::setDeviceFilter(const QString& text)
{
    m_filter->device = text.trimmed();
    // The detail panel passes a whole "pk/dn": match it exactly so dev-1 does not also show dev-10.
    m_filter->exactDevice = m_device == nullptr;
    m_filter->apply();
    m_count->setText(tr("%n message(s)", nullptr, visibleCount()));
}

void MessageLogView::setTopicFilter(const QString& text)
{
    m_filter->topic = text.trimmed();
    m_filter->apply();
    m_count->setText(tr("%n message(s)", nullptr, visibleCount()));
}

void MessageLogView::setDirectionFilter(int direction)
{
    m_filter->direction = direction;
    m_filter->apply();
    m_count->setText(tr("%n message(s)", nullptr, visibleCount()));
}

void MessageLogView::setCodeFilter(const QString& text)
{
    m_filter->code = text.trimmed();
    m_filter->apply();
    m_count->setText(tr("%n message(s)", nullptr, visibleCount()));
}

int MessageLogView::visibleCount() const
{
    return m_filter->rowCount();
}

QByteArray MessageLogView::selectedJson() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return {};
    return prettyJson(current.data(MessageLogModel::PayloadRole).toByteArray());
}

void MessageLogView::copySelectedJson() const
{
    const QByteArray json = selectedJson();
    if (!json.isEmpty())
        QApplication::clipboard()->setText(QString::fromUtf8(json));
}

void MessageLogView::showCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    m_copy->setEnabled(current.isValid());
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    const QString topic = current.data(MessageLogModel::TopicRole).toString().toHtmlEscaped();
    m_detail->setHtml(QStringLiteral("<p style=\"margin:0 0 6px 0\"><b>%1</b></p>").arg(topic) +
                      highlightedJson(current.data(MessageLogModel::PayloadRole).toByteArray(), palette()));
}

} // namespace ConfigDeck::Ui
