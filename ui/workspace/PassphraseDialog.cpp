#include "PassphraseDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

PassphraseDialog::PassphraseDialog(const QString& workspaceName, Attempt attempt, QWidget* parent)
    : QDialog(parent)
    , m_attempt(std::move(attempt))
    , m_passphrase(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Unlock workspace"));
    setObjectName(QStringLiteral("passphraseDialog"));
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_error->setObjectName(QStringLiteral("passphraseError"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setMinimumWidth(320);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#b3261e"));
    m_error->hide();

    auto* prompt = new QLabel(tr("<b>%1</b> is protected by a passphrase. Enter it to open the workspace's "
                                 "DeviceSecrets.")
                                  .arg(workspaceName.toHtmlEscaped()),
                              this);
    prompt->setWordWrap(true);
    auto* label = new QLabel(tr("&Passphrase:"), this);
    label->setBuddy(m_passphrase);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Unlock"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PassphraseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(prompt);
    layout->addSpacing(6);
    layout->addWidget(label);
    layout->addWidget(m_passphrase);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

QString PassphraseDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void PassphraseDialog::accept()
{
    if (m_passphrase->text().isEmpty()) {
        m_error->setText(tr("Enter the passphrase."));
        m_error->show();
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor); // PBKDF2 takes a moment
    const Store::Status status = m_attempt(m_passphrase->text());
    QApplication::restoreOverrideCursor();
    if (status) {
        QDialog::accept();
        return;
    }
    ++m_failed;
    m_error->setText(status.error().field == QLatin1StringView("passphrase")
                         ? tr("Wrong passphrase: nothing was changed. Try again.")
                         : status.error().message());
    m_error->show();
    m_passphrase->clear();
    m_passphrase->setFocus();
}

} // namespace ConfigDeck::Ui
