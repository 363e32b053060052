#include "AddDeviceDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include <limits>

namespace ConfigDeck::Ui {

namespace {
constexpr int kFieldsTab = 0;
constexpr int kLinesTab = 1;
} // namespace

AddDeviceDialog::AddDeviceDialog(Store::Workspace* workspace, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_tabs(new QTabWidget(this))
    , m_productKey(new QLineEdit(this))
    , m_deviceName(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_showSecret(new QCheckBox(tr("Show"), this))
    , m_lines(new QPlainTextEdit(this))
    , m_summary(new QLabel(this))
    , m_problems(new QListWidget(this))
{
    setWindowTitle(tr("Add devices"));
    setObjectName(QStringLiteral("AddDeviceDialog"));

    auto* fields = new QWidget(m_tabs);
    auto* form = new QFormLayout(fields);
    m_productKey->setObjectName(QStringLiteral("productKey"));
    m_productKey->setPlaceholderText(tr("e.g. a1B2c3D4e5F"));
    m_deviceName->setObjectName(QStringLiteral("deviceName"));
    m_deviceName->setPlaceholderText(tr("4 to 32 of: letters, digits, - _ @ . :"));
    m_secret->setObjectName(QStringLiteral("deviceSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("from the platform's device page"));
    m_showSecret->setObjectName(QStringLiteral("showSecret"));
    auto* secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_showSecret);
    form->addRow(QStringLiteral("ProductKey"), m_productKey);
    form->addRow(QStringLiteral("DeviceName"), m_deviceName);
    form->addRow(QStringLiteral("DeviceSecret"), secretRow);
    auto* sealed =
        new QLabel(tr("The three values are checked as a CSV import checks them. The DeviceSecret is "
                      "stored sealed with the workspace's key and is not shown again unless you "
                      "reveal it."),
                   fields);
    sealed->setWordWrap(true);
    sealed->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(sealed);
    m_tabs->addTab(fields, tr("One device"));

    auto* pasted = new QWidget(m_tabs);
    auto* pastedLayout = new QVBoxLayout(pasted);
    auto* hint =
        new QLabel(tr("One device per line: ProductKey,DeviceName,DeviceSecret. A header line naming the "
                      "columns may come first, as in the platform's CSV file."),
                   pasted);
    hint->setWordWrap(true);
    m_lines->setObjectName(QStringLiteral("pastedLines"));
    m_lines->setPlaceholderText(QStringLiteral("a1B2c3D4e5F,sensor-0001,…"));
    m_lines->setLineWrapMode(QPlainTextEdit::NoWrap);
    pastedLayout->addWidget(hint);
    pastedLayout->addWidget(m_lines);
    m_tabs->addTab(pasted, tr("Paste lines"));

    m_summary->setObjectName(QStringLiteral("addSummary"));
    m_summary->setWordWrap(true);
    m_problems->setObjectName(QStringLiteral("addProblems"));
    m_problems->setMaximumHeight(120);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_add = buttons->addButton(tr("&Add"), QDialogButtonBox::AcceptRole);
    m_add->setObjectName(QStringLiteral("addDevices"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);

    connect(m_showSecret, &QCheckBox::toggled, this,
            [this](bool shown) { m_secret->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password); });
    for (QLineEdit* edit : {m_productKey, m_deviceName, m_secret})
        connect(edit, &QLineEdit::textChanged, this, &AddDeviceDialog::check);
    connect(m_lines, &QPlainTextEdit::textChanged, this, &AddDeviceDialog::check);
    connect(m_tabs, &QTabWidget::currentChanged, this, &AddDeviceDialog::check);
    resize(560, 380);
    check();
}

void AddDeviceDialog::showFields()
{
    m_tabs->setCurrentIndex(kFieldsTab);
}

void AddDeviceDialog::showPastedLines()
{
    m_tabs->setCurrentIndex(kLinesTab);
}

QString AddDeviceDialog::summaryText() const
{
    return m_summary->text();
}

QByteArray AddDeviceDialog::records() const
{
    if (m_tabs->currentIndex() == kLinesTab)
        return m_lines->toPlainText().toUtf8();
    if (m_productKey->text().isEmpty() && m_deviceName->text().isEmpty() && m_secret->text().isEmpty())
        return {};
    return Store::CsvImport::record(m_productKey->text(), m_deviceName->text(), m_secret->text());
}

void AddDeviceDialog::check()
{
    m_preview.reset();
    m_problems->clear();
    m_add->setEnabled(false);
    const QByteArray data = records();
    if (data.trimmed().isEmpty()) {
        m_summary->setText(m_tabs->currentIndex() == kLinesTab ? tr("Paste one device per line.")
                                                               : tr("Fill in the three fields."));
        return;
    }
    // Every row in the preview: the editor undoes the addition by the devices' names.
    auto checked = Store::CsvImport(*m_workspace).previewRecords(data, std::numeric_limits<int>::max());
    if (!checked) {
        m_summary->setText(checked.error().message());
        return;
    }
    const bool oneDevice = m_tabs->currentIndex() == kFieldsTab;
    for (const auto& error : checked->errors)
        m_problems->addItem(oneDevice ? error.message : tr("Line %1: %2").arg(error.line).arg(error.message));
    for (const QString& productKey : checked->newProducts)
        m_problems->addItem(tr("Product %1 is not in the workspace yet: it will be added.").arg(productKey));
    if (!checked->canCommit()) {
        m_summary->setText(oneDevice ? tr("This device cannot be added:")
                                     : tr("%n line(s) cannot be added; nothing will be added until every "
                                          "line is right.",
                                          nullptr, int(checked->errorRowCount)));
        return;
    }
    if (oneDevice) {
        const auto& row = checked->firstRows.first();
        m_summary->setText(
            checked->newProducts.isEmpty()
                ? tr("Ready to add %1/%2.").arg(row.productKey, row.deviceName)
                : tr("Ready to add %1/%2 and its new product %1.").arg(row.productKey, row.deviceName));
    } else {
        m_summary->setText(tr("%n device(s) ready to add", nullptr, int(checked->rowCount)) +
                           (checked->newProducts.isEmpty() ? QString()
                                                           : tr("; %n new product(s) will be added", nullptr,
                                                                int(checked->newProducts.size()))) +
                           u'.');
    }
    m_preview = std::move(*checked);
    m_add->setEnabled(true);
}

} // namespace ConfigDeck::Ui
