#include "DeviceEditDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

DeviceEditDialog::DeviceEditDialog(const Store::DeviceRecord& device, QWidget* parent)
    : QDialog(parent)
    , m_labels(new QLineEdit(device.labels.join(QStringLiteral(", ")), this))
    , m_note(new QPlainTextEdit(device.note, this))
    , m_secret(new QLineEdit(this))
    , m_showSecret(new QCheckBox(tr("Show"), this))
{
    setWindowTitle(tr("Edit %1/%2").arg(device.productKey, device.deviceName));
    setObjectName(QStringLiteral("DeviceEditDialog"));
    m_labels->setObjectName(QStringLiteral("labels"));
    m_labels->setPlaceholderText(tr("comma-separated, e.g. floor-2, pilot"));
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setTabChangesFocus(true);
    m_secret->setObjectName(QStringLiteral("newSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("leave empty to keep the stored one"));
    m_showSecret->setObjectName(QStringLiteral("showSecret"));
    connect(m_showSecret, &QCheckBox::toggled, this,
            [this](bool shown) { m_secret->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password); });

    auto* form = new QFormLayout;
    form->addRow(tr("Labels"), m_labels);
    form->addRow(tr("Note"), m_note);
    auto* secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_showSecret);
    form->addRow(tr("New DeviceSecret"), secretRow);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(480, 300);
}

QStringList DeviceEditDialog::labels() const
{
    QStringList result;
    for (const QString& label : m_labels->text().split(u',', Qt::SkipEmptyParts)) {
        const QString trimmed = label.trimmed();
        if (!trimmed.isEmpty() && !result.contains(trimmed))
            result.append(trimmed);
    }
    result.sort();
    return result;
}

QString DeviceEditDialog::note() const
{
    return m_note->toPlainText();
}

QByteArray DeviceEditDialog::newSecret() const
{
    return m_secret->text().trimmed().toUtf8();
}

} // namespace ConfigDeck::Ui
