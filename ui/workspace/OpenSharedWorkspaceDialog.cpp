#include "OpenSharedWorkspaceDialog.h"

#include "DatabaseConnectionForm.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

OpenSharedWorkspaceDialog::OpenSharedWorkspaceDialog(QWidget* parent)
    : QDialog(parent)
    , m_connection(new DatabaseConnectionForm(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Open shared workspace"));
    setObjectName(QStringLiteral("openSharedWorkspaceDialog"));
    m_problem->setObjectName(QStringLiteral("openSharedWorkspaceProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color:#b3261e"));
    okButton()->setText(tr("&Open"));

    auto* intro = new QLabel(tr("A workspace that the team shares in a PostgreSQL database."), this);
    intro->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_connection);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &OpenSharedWorkspaceDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_connection, &DatabaseConnectionForm::changed, this, [this] {
        m_openError.clear();
        update();
    });
    update();
}

QPushButton* OpenSharedWorkspaceDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString OpenSharedWorkspaceDialog::problem() const
{
    const QString fields = m_connection->problem();
    return fields.isEmpty() ? m_openError : fields;
}

void OpenSharedWorkspaceDialog::accept()
{
    if (!m_connection->problem().isEmpty())
        return;
    if (m_opener) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const Store::Status status = m_opener();
        QApplication::restoreOverrideCursor();
        if (!status) {
            m_openError = status.error().message();
            update();
            return;
        }
    }
    QDialog::accept();
}

void OpenSharedWorkspaceDialog::update()
{
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    okButton()->setEnabled(m_connection->problem().isEmpty());
}

} // namespace ConfigDeck::Ui
