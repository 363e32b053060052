#include "DatabaseConnectionForm.h"

#include "store/WorkspaceLocation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QUrlQuery>

namespace ConfigDeck::Ui {

DatabaseConnectionForm::DatabaseConnectionForm(QWidget* parent)
    : QWidget(parent)
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_sslMode(new QComboBox(this))
    , m_caFile(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember the password in the OS keychain"), this))
{
    m_host->setObjectName(QStringLiteral("databaseHost"));
    m_port->setObjectName(QStringLiteral("databasePort"));
    m_database->setObjectName(QStringLiteral("databaseName"));
    m_user->setObjectName(QStringLiteral("databaseUser"));
    m_sslMode->setObjectName(QStringLiteral("databaseSslMode"));
    m_caFile->setObjectName(QStringLiteral("databaseCaFile"));
    m_password->setObjectName(QStringLiteral("databasePassword"));
    m_remember->setObjectName(QStringLiteral("databaseRememberPassword"));

    m_host->setPlaceholderText(tr("db.example.com"));
    m_port->setRange(1, 65535);
    m_port->setValue(Store::WorkspaceLocation::kDefaultPort);
    m_database->setPlaceholderText(tr("fleet"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Asked each time unless remembered"));
    // libpq's sslmode values, the recommended one first; the text says what each means.
    const QList<std::pair<QString, QString>> modes{
        {QStringLiteral("verify-full"), tr("Verify the server's certificate and name (verify-full)")},
        {QStringLiteral("verify-ca"), tr("Verify the server's certificate (verify-ca)")},
        {QStringLiteral("require"), tr("Encrypt, do not verify (require)")},
        {QStringLiteral("prefer"), tr("Encrypt when the server offers it (prefer)")},
        {QStringLiteral("disable"), tr("No TLS (disable)")}};
    for (const auto& [value, text] : modes)
        m_sslMode->addItem(text, value);
    m_sslMode->setCurrentIndex(m_sslMode->findData(QStringLiteral("prefer")));
    m_caFile->setPlaceholderText(tr("The CA certificate (PEM) that signed the server's"));

    auto* browse = new QPushButton(tr("B&rowse…"), this);
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&TLS:"), m_sslMode);
    form->addRow(tr("&CA file:"), caRow);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(QString(), m_remember);

    connect(browse, &QPushButton::clicked, this, &DatabaseConnectionForm::browseCaFile);
    for (QLineEdit* edit : {m_host, m_database, m_user, m_caFile, m_password})
        connect(edit, &QLineEdit::textChanged, this, &DatabaseConnectionForm::changed);
    connect(m_port, &QSpinBox::valueChanged, this, &DatabaseConnectionForm::changed);
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, &DatabaseConnectionForm::changed);
}

QString DatabaseConnectionForm::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(m_user->text().trimmed());
    url.setHost(m_host->text().trimmed());
    url.setPort(m_port->value());
    url.setPath(u'/' + m_database->text().trimmed());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sslmode"), m_sslMode->currentData().toString());
    if (!m_caFile->text().trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("sslrootcert"), m_caFile->text().trimmed());
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

void DatabaseConnectionForm::setUrl(const QString& text)
{
    const auto location = Store::WorkspaceLocation::parse(text);
    if (!location || !location->isDatabase())
        return;
    m_host->setText(location->host());
    m_port->setValue(location->port());
    m_database->setText(location->databaseName());
    m_user->setText(location->user());
    const int mode =
        m_sslMode->findData(location->sslMode().isEmpty() ? QStringLiteral("prefer") : location->sslMode());
    if (mode >= 0)
        m_sslMode->setCurrentIndex(mode);
    m_caFile->setText(location->sslRootCert());
    if (!location->password().isEmpty())
        m_password->setText(location->password());
}

QString DatabaseConnectionForm::password() const
{
    return m_password->text();
}

void DatabaseConnectionForm::setPassword(const QString& password)
{
    m_password->setText(password);
}

bool DatabaseConnectionForm::remembersPassword() const
{
    return m_remember->isChecked();
}

void DatabaseConnectionForm::setRemembersPassword(bool remember)
{
    m_remember->setChecked(remember);
}

QString DatabaseConnectionForm::problem() const
{
    if (m_host->text().trimmed().isEmpty())
        return tr("Enter the database server's host name.");
    if (m_database->text().trimmed().isEmpty())
        return tr("Enter the name of the database.");
    if (m_user->text().trimmed().isEmpty())
        return tr("Enter the database user.");
    const QString mode = m_sslMode->currentData().toString();
    if (mode.startsWith(QLatin1StringView("verify")) && m_caFile->text().trimmed().isEmpty())
        return tr("Verifying the server needs the CA file that signed its certificate.");
    const auto location = Store::WorkspaceLocation::parse(url());
    if (!location)
        return location.error().message();
    return {};
}

void DatabaseConnectionForm::browseCaFile()
{
    const QString chosen = QFileDialog::getOpenFileName(this, tr("CA certificate"), m_caFile->text(),
                                                        tr("Certificates (*.pem *.crt);;All files (*)"));
    if (!chosen.isEmpty())
        m_caFile->setText(chosen);
}

} // namespace ConfigDeck::Ui
