#include "ProductsDialog.h"

#include "IdentityEditor.h"
#include "session/ConsoleSession.h"
#include "store/Workspace.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

ProductsDialog::ProductsDialog(Session::ConsoleSession* session, IdentityEditor* editor, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_editor(editor)
    , m_newKey(new QLineEdit(this))
    , m_newName(new QLineEdit(this))
    , m_add(new QPushButton(tr("&Add product"), this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_rename(new QPushButton(tr("&Rename"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Products"));
    setObjectName(QStringLiteral("ProductsDialog"));
    m_newKey->setObjectName(QStringLiteral("newProductKey"));
    m_newKey->setPlaceholderText(QStringLiteral("ProductKey"));
    m_newName->setObjectName(QStringLiteral("newProductName"));
    m_newName->setPlaceholderText(tr("Display name (optional)"));
    m_add->setObjectName(QStringLiteral("addProduct"));
    m_add->setEnabled(false);
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_newKey, 1);
    addRow->addWidget(m_newName, 2);
    addRow->addWidget(m_add);

    m_table->setObjectName(QStringLiteral("products"));
    m_table->setHorizontalHeaderLabels({QStringLiteral("ProductKey"), tr("Display name"), tr("Devices"),
                                        tr("Remote configuration"), tr("Alibaba limits")});
    m_table->horizontalHeaderItem(RemoteConfigColumn)
        ->setToolTip(tr("Off: the platform answers every device's request with 6713 (the function is not "
                        "available) and pushes nothing"));
    m_table->horizontalHeaderItem(LimitsColumn)
        ->setToolTip(tr("The cloud's rules for this product: product scope only, JSON only, at most 64 KB, "
                        "one push per hour, a file pushed once"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_rename->setObjectName(QStringLiteral("renameProduct"));
    m_delete->setObjectName(QStringLiteral("deleteProduct"));
    m_problem->setObjectName(QStringLiteral("productProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color:#c62828"));
    m_problem->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_rename, QDialogButtonBox::ActionRole);
    buttons->addButton(m_delete, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(addRow);
    layout->addWidget(m_table);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_newKey, &QLineEdit::textChanged, this,
            [this](const QString& text) { m_add->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_newKey, &QLineEdit::returnPressed, this, &ProductsDialog::addProduct);
    connect(m_newName, &QLineEdit::returnPressed, this, &ProductsDialog::addProduct);
    connect(m_add, &QPushButton::clicked, this, &ProductsDialog::addProduct);
    connect(m_rename, &QPushButton::clicked, this, &ProductsDialog::renameCurrent);
    connect(m_delete, &QPushButton::clicked, this, &ProductsDialog::deleteCurrent);
    connect(m_table, &QTableWidget::itemChanged, this, &ProductsDialog::itemChanged);
    connect(m_editor, &IdentityEditor::failed, this, &ProductsDialog::showProblem);
    // Undo, redo and changes made elsewhere show here too; queued, because a change made from an item of
    // the table must not delete that item while it is being changed.
    connect(m_session, &Session::ConsoleSession::fleetChanged, this, &ProductsDialog::reload,
            Qt::QueuedConnection);
    connect(m_session, &Session::ConsoleSession::workspaceOpened, this, &ProductsDialog::reload,
            Qt::QueuedConnection);
    connect(m_session, &Session::ConsoleSession::workspaceAboutToClose, this, &QDialog::reject);
    resize(720, 360);
    reload();
}

QString ProductsDialog::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

int ProductsDialog::rowOf(const QString& productKey) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, KeyColumn)->text() == productKey)
            return row;
    }
    return -1;
}

void ProductsDialog::reload()
{
    const QString current =
        m_table->currentRow() >= 0 ? m_table->item(m_table->currentRow(), KeyColumn)->text() : QString();
    m_loading = true;
    m_table->setRowCount(0);
    const Store::Workspace* workspace = m_session->workspace();
    const auto products = workspace
                              ? workspace->identities().products()
                              : Alink::Expected<QList<Store::ProductRecord>>(QList<Store::ProductRecord>());
    if (!products) {
        showProblem(products.error().message());
    } else {
        m_table->setRowCount(int(products->size()));
        for (int row = 0; row < products->size(); ++row) {
            const Store::ProductRecord& product = products->at(row);
            const auto deviceCount = workspace->identities().deviceCount(product.productKey);
            auto* key = new QTableWidgetItem(product.productKey);
            key->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
            auto* name = new QTableWidgetItem(product.name);
            name->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable);
            auto* devices = new QTableWidgetItem(deviceCount ? QString::number(*deviceCount) : tr("?"));
            devices->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
            devices->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            auto* remote = new QTableWidgetItem(tr("On"));
            remote->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            remote->setCheckState(product.remoteConfigEnabled ? Qt::Checked : Qt::Unchecked);
            remote->setText(product.remoteConfigEnabled ? tr("On") : tr("Off (6713)"));
            auto* limits = new QTableWidgetItem(product.alibabaLimits ? tr("On") : tr("Off"));
            limits->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            limits->setCheckState(product.alibabaLimits ? Qt::Checked : Qt::Unchecked);
            m_table->setItem(row, KeyColumn, key);
            m_table->setItem(row, NameColumn, name);
            m_table->setItem(row, DevicesColumn, devices);
            m_table->setItem(row, RemoteConfigColumn, remote);
            m_table->setItem(row, LimitsColumn, limits);
        }
    }
    m_table->resizeColumnToContents(KeyColumn);
    m_table->resizeColumnToContents(DevicesColumn);
    m_table->resizeColumnToContents(RemoteConfigColumn);
    m_table->resizeColumnToContents(LimitsColumn);
    if (const int row = rowOf(current); row >= 0)
        m_table->setCurrentCell(row, NameColumn);
    m_loading = false;
    const bool any = m_table->rowCount() > 0;
    m_rename->setEnabled(any);
    m_delete->setEnabled(any);
}

void ProductsDialog::showProblem(const QString& message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

void ProductsDialog::addProduct()
{
    showProblem({});
    Store::ProductRecord product;
    product.productKey = m_newKey->text().trimmed();
    product.name = m_newName->text().trimmed();
    if (auto status = m_editor->addProduct(product); !status) {
        showProblem(status.error().message());
        return;
    }
    m_newKey->clear();
    m_newName->clear();
    if (const int row = rowOf(product.productKey); row >= 0)
        m_table->setCurrentCell(row, NameColumn);
}

void ProductsDialog::renameCurrent()
{
    const int row = m_table->currentRow() >= 0 ? m_table->currentRow() : 0;
    if (row >= m_table->rowCount())
        return;
    m_table->setCurrentCell(row, NameColumn);
    m_table->editItem(m_table->item(row, NameColumn));
}

void ProductsDialog::deleteCurrent()
{
    showProblem({});
    const int row = m_table->currentRow();
    Store::Workspace* workspace = m_session->workspace();
    if (row < 0 || !workspace) {
        showProblem(tr("Select the product to delete."));
        return;
    }
    const QString productKey = m_table->item(row, KeyColumn)->text();
    const auto count = workspace->identities().deviceCount(productKey);
    if (!count) {
        showProblem(count.error().message());
        return;
    }
    const qint64 devices = *count;
    const QString question =
        devices == 0 ? tr("Delete product %1? It has no devices.").arg(productKey)
                     : tr("Delete product %1 and its %n device(s)?", nullptr, int(devices)).arg(productKey);
    QMessageBox box(QMessageBox::Question, tr("Delete product"), question, QMessageBox::NoButton, this);
    if (devices > 0)
        box.setInformativeText(IdentityEditor::whatGoesWithDevices());
    QPushButton* remove = box.addButton(
        devices == 0 ? tr("Delete product") : tr("Delete product and %n device(s)", nullptr, int(devices)),
        QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    if (auto status = m_editor->removeProduct(productKey); !status)
        showProblem(status.error().message());
}

void ProductsDialog::itemChanged(QTableWidgetItem* item)
{
    if (m_loading || item->column() == KeyColumn || item->column() == DevicesColumn)
        return;
    const Store::Workspace* workspace = m_session->workspace();
    if (!workspace)
        return;
    const QString productKey = m_table->item(item->row(), KeyColumn)->text();
    auto read = workspace->identities().product(productKey);
    if (!read || !*read) {
        showProblem(read ? tr("There is no product %1 in the workspace.").arg(productKey)
                         : read.error().message());
        return;
    }
    std::optional<Store::ProductRecord>& product = *read;
    showProblem({});
    switch (item->column()) {
    case NameColumn:
        if (item->text().trimmed() == product->name)
            return;
        product->name = item->text().trimmed();
        break;
    case RemoteConfigColumn:
        if ((item->checkState() == Qt::Checked) == product->remoteConfigEnabled)
            return;
        product->remoteConfigEnabled = item->checkState() == Qt::Checked;
        break;
    case LimitsColumn:
        if ((item->checkState() == Qt::Checked) == product->alibabaLimits)
            return;
        product->alibabaLimits = item->checkState() == Qt::Checked;
        break;
    default:
        return;
    }
    if (auto status = m_editor->updateProduct(*product); !status) {
        showProblem(status.error().message());
        reload();
    }
}

} // namespace ConfigDeck::Ui
