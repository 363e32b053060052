#include "ConnectionDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

using Session::SessionMode;
using Session::SessionSettings;

ConnectionDialog::ConnectionDialog(const SessionSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_mode(new QComboBox(this))
    , m_brokerBox(new QGroupBox(tr("Broker"), this))
    , m_url(new QLineEdit(this))
    , m_tls(new QCheckBox(tr("Use TLS"), this))
    , m_caFile(new QLineEdit(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_fileHost(new QLineEdit(this))
    , m_filePort(new QSpinBox(this))
    , m_fileCertificate(new QLineEdit(this))
    , m_fileKey(new QLineEdit(this))
    , m_limits(new QCheckBox(
          tr("Alibaba limits (product scope, JSON only, 64 KB, one push per product per hour)"), this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Connection"));
    setObjectName(QStringLiteral("connectionDialog"));
    m_mode->setObjectName(QStringLiteral("connectionMode"));
    m_mode->addItem(SessionSettings::modeName(SessionMode::Demo), int(SessionMode::Demo));
    m_mode->addItem(SessionSettings::modeName(SessionMode::Broker), int(SessionMode::Broker));
    m_url->setObjectName(QStringLiteral("brokerUrl"));
    m_url->setPlaceholderText(QStringLiteral("mqtt://host:1883 or mqtts://host:8883"));
    m_caFile->setPlaceholderText(tr("System roots"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("Kept sealed in the workspace with its key"));
    m_filePort->setRange(0, 65535);
    m_filePort->setSpecialValueText(tr("any free port"));
    m_error->setObjectName(QStringLiteral("connectionError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#c62828"));

    m_fileCertificate->setObjectName(QStringLiteral("fileServerCertificate"));
    m_fileCertificate->setPlaceholderText(tr("None: plain HTTP"));
    m_fileCertificate->setToolTip(tr("PEM certificate for HTTPS downloads (leaf first, then intermediates)"));
    m_fileKey->setObjectName(QStringLiteral("fileServerKey"));
    m_fileKey->setToolTip(tr("PEM private key of the file server's certificate"));

    // A path field with a button that picks the file.
    const auto fileRow = [this](QLineEdit* field, const QString& title, const QString& filter) {
        auto* row = new QHBoxLayout;
        auto* browse = new QPushButton(tr("…"), this);
        row->addWidget(field, 1);
        row->addWidget(browse);
        connect(browse, &QPushButton::clicked, this, [this, field, title, filter] {
            const QString path = QFileDialog::getOpenFileName(this, title, {}, filter);
            if (!path.isEmpty())
                field->setText(path);
        });
        return row;
    };
    const QString pemFiles = tr("PEM files (*.pem *.crt *.key);;All files (*)");
    auto* brokerForm = new QFormLayout(m_brokerBox);
    brokerForm->addRow(tr("Broker URL"), m_url);
    brokerForm->addRow(QString(), m_tls);
    brokerForm->addRow(tr("CA file"), fileRow(m_caFile, tr("CA certificates"), pemFiles));
    brokerForm->addRow(tr("User name"), m_username);
    brokerForm->addRow(tr("Password"), m_password);

    auto* files = new QGroupBox(tr("File server"), this);
    auto* filesForm = new QFormLayout(files);
    filesForm->addRow(tr("Listen address"), m_fileHost);
    filesForm->addRow(tr("Port"), m_filePort);
    filesForm->addRow(tr("HTTPS certificate"),
                      fileRow(m_fileCertificate, tr("File server certificate"), pemFiles));
    filesForm->addRow(tr("HTTPS key"), fileRow(m_fileKey, tr("File server private key"), pemFiles));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    auto* modeForm = new QFormLayout;
    modeForm->addRow(tr("Mode"), m_mode);
    layout->addLayout(modeForm);
    layout->addWidget(m_brokerBox);
    layout->addWidget(files);
    layout->addWidget(m_limits);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &ConnectionDialog::updateEnabled);
    connect(m_tls, &QCheckBox::toggled, this, &ConnectionDialog::updateEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setSettings(settings);
}

void ConnectionDialog::setSettings(const SessionSettings& settings)
{
    m_mode->setCurrentIndex(m_mode->findData(int(settings.mode)));
    m_url->setText(settings.brokerUrl);
    m_tls->setChecked(settings.tls);
    m_caFile->setText(settings.caFile);
    m_username->setText(settings.username);
    m_password->setText(settings.password);
    m_fileHost->setText(settings.fileServerHost);
    m_filePort->setValue(settings.fileServerPort);
    m_fileCertificate->setText(settings.fileServerCertificate);
    m_fileKey->setText(settings.fileServerKey);
    m_limits->setChecked(settings.alibabaLimits);
    updateEnabled();
}

SessionSettings ConnectionDialog::settings() const
{
    SessionSettings settings;
    settings.mode = SessionMode(m_mode->currentData().toInt());
    settings.brokerUrl = m_url->text().trimmed();
    settings.tls = m_tls->isChecked();
    settings.caFile = m_caFile->text().trimmed();
    settings.username = m_username->text();
    settings.password = m_password->text();
    settings.fileServerHost = m_fileHost->text().trimmed();
    settings.fileServerPort = quint16(m_filePort->value());
    settings.fileServerCertificate = m_fileCertificate->text().trimmed();
    settings.fileServerKey = m_fileKey->text().trimmed();
    settings.alibabaLimits = m_limits->isChecked();
    return settings;
}

void ConnectionDialog::accept()
{
    if (auto error = settings().validate()) {
        m_error->setText(error->message());
        return;
    }
    m_error->clear();
    QDialog::accept();
}

QString ConnectionDialog::errorText() const
{
    return m_error->text();
}

void ConnectionDialog::updateEnabled()
{
    const bool broker = SessionMode(m_mode->currentData().toInt()) == SessionMode::Broker;
    m_brokerBox->setEnabled(broker);
    m_caFile->setEnabled(m_tls->isChecked());
    m_fileHost->setEnabled(broker);
    m_filePort->setEnabled(broker);
    m_fileCertificate->setEnabled(broker);
    m_fileKey->setEnabled(broker);
}

} // namespace ConfigDeck::Ui
