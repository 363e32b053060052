#include "VersionHistoryView.h"

#include "ConfigEditor.h"
#include "DiffUiLog.h"
#include "DiffView.h"
#include "diff/ConfigDocument.h"
#include "store/Workspace.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ConfigDeck::Ui {

namespace {
constexpr int kShortSha = 12;
constexpr int ShaRole = Qt::UserRole;
} // namespace

VersionHistoryView::VersionHistoryView(Store::Workspace* workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    m_product = new QComboBox(this);
    m_product->setObjectName(u"productSelector"_s);
    m_product->setMinimumContentsLength(16);
    m_product->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_compare = new QPushButton(tr("Compare"), this);
    m_compare->setObjectName(u"compareVersions"_s);
    m_compare->setToolTip(tr("Select two versions to see what changed between them"));
    m_restore = new QPushButton(tr("Restore…"), this);
    m_restore->setObjectName(u"restoreVersion"_s);
    m_restore->setToolTip(tr("Make the selected version the product's current configuration"));
    m_newVersion = new QPushButton(tr("New version…"), this);
    m_newVersion->setObjectName(u"newVersion"_s);

    auto* top = new QHBoxLayout;
    auto* productLabel = new QLabel(tr("&Product:"), this);
    productLabel->setBuddy(m_product);
    top->addWidget(productLabel);
    top->addWidget(m_product);
    top->addStretch(1);
    top->addWidget(m_compare);
    top->addWidget(m_restore);
    top->addWidget(m_newVersion);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"versionTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Size"), tr("SHA-256"), tr("Origin"), tr("Label")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    m_empty = new QLabel(this);
    m_empty->setObjectName(u"emptyNote"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    auto* listPane = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(top);
    listLayout->addWidget(m_table, 1);
    listLayout->addWidget(m_empty);

    m_diffView = new DiffView(this);
    m_diffView->setObjectName(u"versionDiff"_s);
    m_diffView->setVisible(false);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(listPane);
    m_splitter->addWidget(m_diffView);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter);

    connect(m_product, &QComboBox::currentIndexChanged, this, [this] {
        loadVersions();
        emit productChanged(productKey());
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &VersionHistoryView::updateButtons);
    connect(m_table, &QTableWidget::itemDoubleClicked, this, [this] { openEditor(); });
    connect(m_compare, &QPushButton::clicked, this, &VersionHistoryView::compareSelected);
    connect(m_restore, &QPushButton::clicked, this, &VersionHistoryView::restoreSelected);
    connect(m_newVersion, &QPushButton::clicked, this, [this] { openEditor(); });

    refresh();
}

QString VersionHistoryView::originText(Store::ConfigOrigin origin)
{
    switch (origin) {
    case Store::ConfigOrigin::Edited:
        return tr("Edited");
    case Store::ConfigOrigin::Pushed:
        return tr("Pushed");
    case Store::ConfigOrigin::Downloaded:
        return tr("Downloaded");
    }
    return {};
}

void VersionHistoryView::refresh()
{
    const QString current = productKey();
    {
        const QSignalBlocker blocker(m_product);
        m_product->clear();
        m_readError.clear();
        const auto products = m_workspace ? m_workspace->identities().products()
                                          : Alink::Expected(QList<Store::ProductRecord>());
        if (!products) {
            m_readError = products.error().message();
        } else {
            for (const Store::ProductRecord& product : *products) {
                const QString shown = product.name.isEmpty()
                                          ? product.productKey
                                          : u"%1 (%2)"_s.arg(product.name, product.productKey);
                m_product->addItem(shown, product.productKey);
            }
        }
        // A product known only from its versions (or set by the console) is listed too.
        if (!current.isEmpty() && m_product->findData(current) < 0)
            m_product->addItem(current, current);
        const int index = m_product->findData(current);
        m_product->setCurrentIndex(index >= 0 ? index : 0);
    }
    loadVersions();
}

void VersionHistoryView::setProductKey(const QString& productKey)
{
    int index = m_product->findData(productKey);
    if (index < 0) {
        m_product->addItem(productKey, productKey);
        index = m_product->count() - 1;
    }
    if (index == m_product->currentIndex())
        loadVersions();
    else
        m_product->setCurrentIndex(index); // loads through currentIndexChanged
}

QString VersionHistoryView::productKey() const
{
    return m_product->currentData().toString();
}

void VersionHistoryView::loadVersions()
{
    const QStringList selected = selectedVersions();
    m_versions.clear();
    const QString product = productKey();
    QString readError = m_readError;
    if (m_workspace && !product.isEmpty()) {
        if (auto versions = m_workspace->versions().list(product))
            m_versions = std::move(*versions);
        else if (readError.isEmpty())
            readError = versions.error().message();
    }
    std::reverse(m_versions.begin(), m_versions.end()); // newest first

    const QLocale locale;
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_table->clearContents();
    m_table->setRowCount(int(m_versions.size()));
    for (int row = 0; row < m_versions.size(); ++row) {
        const Store::ConfigVersion& version = m_versions.at(row);
        auto* time =
            new QTableWidgetItem(locale.toString(version.created.toLocalTime(), QLocale::ShortFormat));
        time->setData(ShaRole, version.sha256);
        time->setToolTip(version.created.toLocalTime().toString(Qt::ISODateWithMs));
        auto* size = new QTableWidgetItem(Diff::ConfigDocument::formatSize(version.size));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        size->setToolTip(tr("%1 bytes").arg(QLocale().toString(version.size)));
        auto* sha = new QTableWidgetItem(version.sha256.left(kShortSha));
        sha->setFont(fixed);
        sha->setToolTip(version.sha256);
        auto* origin = new QTableWidgetItem(originText(version.origin));
        auto* label = new QTableWidgetItem(version.label);
        label->setToolTip(version.label);
        m_table->setItem(row, TimeColumn, time);
        m_table->setItem(row, SizeColumn, size);
        m_table->setItem(row, ShaColumn, sha);
        m_table->setItem(row, OriginColumn, origin);
        m_table->setItem(row, LabelColumn, label);
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    if (!readError.isEmpty())
        m_empty->setText(readError);
    else if (product.isEmpty())
        m_empty->setText(tr("No product in this workspace yet."));
    else if (m_versions.isEmpty())
        m_empty->setText(
            tr("No configuration versions of %1 yet: write one with \"New version…\".").arg(product));
    m_empty->setVisible(m_versions.isEmpty());
    m_table->setVisible(!m_versions.isEmpty());
    selectVersions(selected);
    updateButtons();
}

void VersionHistoryView::selectVersions(const QStringList& sha256s)
{
    m_table->clearSelection();
    QItemSelection selection;
    for (int row = 0; row < m_versions.size(); ++row) {
        if (sha256s.contains(m_versions.at(row).sha256))
            selection.select(m_table->model()->index(row, 0), m_table->model()->index(row, ColumnCount - 1));
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    updateButtons();
}

QStringList VersionHistoryView::selectedVersions() const
{
    QStringList shas;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows) {
        if (index.row() < m_versions.size())
            shas.append(m_versions.at(index.row()).sha256);
    }
    return shas;
}

void VersionHistoryView::updateButtons()
{
    const qsizetype selected = m_table->selectionModel()->selectedRows().size();
    m_compare->setEnabled(selected == 2);
    m_restore->setEnabled(selected == 1);
    m_newVersion->setEnabled(m_workspace && !productKey().isEmpty());
}

const Store::ConfigVersion* VersionHistoryView::find(const QString& sha256) const
{
    for (const Store::ConfigVersion& version : m_versions) {
        if (version.sha256 == sha256)
            return &version;
    }
    return nullptr;
}

QString VersionHistoryView::versionName(const Store::ConfigVersion& version) const
{
    const QString when = QLocale().toString(version.created.toLocalTime(), QLocale::ShortFormat);
    if (version.label.isEmpty())
        return u"%1  ·  %2"_s.arg(version.sha256.left(kShortSha), when);
    return u"%1  ·  %2  ·  %3"_s.arg(version.label, version.sha256.left(kShortSha), when);
}

bool VersionHistoryView::compareSelected()
{
    const QStringList shas = selectedVersions();
    if (shas.size() != 2)
        return false;
    const Store::ConfigVersion* a = find(shas.at(0));
    const Store::ConfigVersion* b = find(shas.at(1));
    if (!a || !b)
        return false;
    // The older version is the "old" side, whatever order they were selected in.
    // Same millisecond: the table is newest first, so the lower row is the older.
    const bool aFirst = a->created < b->created || (a->created == b->created && a > b);
    compare(aFirst ? a->sha256 : b->sha256, aFirst ? b->sha256 : a->sha256);
    return true;
}

void VersionHistoryView::compare(const QString& oldSha256, const QString& newSha256)
{
    if (!m_workspace)
        return;
    const auto oldVersion = m_workspace->versions().find(oldSha256);
    const auto newVersion = m_workspace->versions().find(newSha256);
    for (const auto* version : {&oldVersion, &newVersion}) {
        if (!*version) {
            QMessageBox::warning(this, tr("Compare versions"), version->error().message());
            return;
        }
    }
    if (!oldVersion->has_value() || !newVersion->has_value()) {
        qCWarning(lcDiffUi) << "cannot compare: version" << (oldVersion->has_value() ? newSha256 : oldSha256)
                            << "is not stored";
        return;
    }
    m_diffView->setVisible(true);
    m_diffView->setContents((*oldVersion)->content, (*newVersion)->content, versionName(**oldVersion),
                            versionName(**newVersion));
    emit compared(oldSha256, newSha256);
}

void VersionHistoryView::restoreSelected()
{
    const QStringList shas = selectedVersions();
    if (shas.size() != 1)
        return;
    const Store::ConfigVersion* version = find(shas.first());
    if (!version)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Restore version"),
        tr("Make version %1 (%2) the current configuration of %3?")
            .arg(version->sha256.left(kShortSha),
                 version->label.isEmpty() ? originText(version->origin) : version->label, productKey()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        emit restoreRequested(version->sha256);
}

ConfigEditor* VersionHistoryView::openEditor()
{
    if (!m_workspace || productKey().isEmpty())
        return nullptr;
    if (m_editorDialog)
        m_editorDialog->close();
    QByteArray start;
    const QStringList selected = selectedVersions();
    const QString base = !selected.isEmpty() ? selected.first()
                                             : (m_versions.isEmpty() ? QString() : m_versions.first().sha256);
    if (!base.isEmpty()) {
        const auto version = m_workspace->versions().find(base);
        if (!version) {
            QMessageBox::warning(this, tr("New version"), version.error().message());
            return nullptr;
        }
        if (version->has_value())
            start = (*version)->content;
    }

    auto* dialog = new QDialog(this);
    dialog->setObjectName(u"configEditorDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("New configuration version of %1").arg(productKey()));
    auto* editor = new ConfigEditor(m_workspace, dialog);
    editor->setObjectName(u"configEditor"_s);
    editor->setProductKey(productKey());
    editor->setAlibabaLimits(m_alibabaLimits);
    editor->setContent(start);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(editor);
    layout->addWidget(buttons);
    dialog->resize(900, 700);
    connect(editor, &ConfigEditor::versionSaved, this, [this](const QString& sha256, bool alreadyExisted) {
        loadVersions();
        selectVersions({sha256});
        if (!alreadyExisted)
            emit versionAdded(sha256);
    });
    m_editorDialog = dialog;
    dialog->open();
    return editor;
}

} // namespace ConfigDeck::Ui
