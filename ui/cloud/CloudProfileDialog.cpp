#include "CloudProfileDialog.h"

#include "alink/DeviceCredentials.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

using Alink::DeviceCredentials;
using Alink::MqttSignMethod;
using Cloud::CloudProfile;

namespace {

// Public-instance regions of IoT Platform; any other region id can be typed.
const char* const kRegions[] = {"cn-shanghai",    "cn-beijing",     "cn-shenzhen",
                                "ap-southeast-1", "ap-northeast-1", "ap-southeast-3",
                                "us-west-1",      "us-east-1",      "eu-central-1"};

} // namespace

CloudProfileDialog::CloudProfileDialog(const CloudProfile& profile, QWidget* parent)
    : QDialog(parent)
    , m_endpointKind(new QComboBox(this))
    , m_region(new QComboBox(this))
    , m_instance(new QLineEdit(this))
    , m_port(new QComboBox(this))
    , m_tls(new QCheckBox(tr("Use TLS (securemode 2)"), this))
    , m_caFile(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Choose…"), this))
    , m_plainWarning(new QLabel(this))
    , m_signMethod(new QComboBox(this))
    , m_keepAlive(new QSpinBox(this))
    , m_advanced(new QGroupBox(tr("Connect to another host (private deployments, tests)"), this))
    , m_host(new QLineEdit(this))
    , m_hostPort(new QSpinBox(this))
    , m_preview(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_endpointForm(new QFormLayout)
{
    setWindowTitle(tr("Alibaba Cloud connection profile"));
    setObjectName(QStringLiteral("cloudProfileDialog"));
    setMinimumWidth(560);

    m_endpointKind->setObjectName(QStringLiteral("cloudEndpointKind"));
    m_endpointKind->addItem(tr("Public instance, by region"), int(CloudProfile::EndpointKind::Region));
    m_endpointKind->addItem(tr("Instance, by instance ID"), int(CloudProfile::EndpointKind::Instance));
    m_region->setObjectName(QStringLiteral("cloudRegion"));
    m_region->setEditable(true);
    m_region->setInsertPolicy(QComboBox::NoInsert);
    for (const char* region : kRegions)
        m_region->addItem(QLatin1StringView(region));
    m_region->setToolTip(tr("The host is {ProductKey}.iot-as-mqtt.{region}.aliyuncs.com"));
    m_instance->setObjectName(QStringLiteral("cloudInstanceId"));
    m_instance->setPlaceholderText(QStringLiteral("iot-06z00ax1o4ly"));
    m_instance->setToolTip(tr("The instance ID on the instance's overview page in the IoT Platform console; "
                              "the host is {instanceId}.mqtt.iothub.aliyuncs.com"));
    m_port->setObjectName(QStringLiteral("cloudPort"));
    for (quint16 port : CloudProfile::kPorts)
        m_port->addItem(QString::number(port), int(port));
    m_tls->setObjectName(QStringLiteral("cloudTls"));
    m_caFile->setObjectName(QStringLiteral("cloudCaFile"));
    m_caFile->setPlaceholderText(tr("Shipped GlobalSign Root CA R1"));
    m_caFile->setToolTip(tr("A PEM file of the roots to trust instead of the shipped GlobalSign Root CA R1"));
    m_browse->setObjectName(QStringLiteral("cloudCaBrowse"));
    m_plainWarning->setObjectName(QStringLiteral("cloudPlainTcpWarning"));
    m_plainWarning->setWordWrap(true);
    m_plainWarning->setStyleSheet(QStringLiteral(
        "background:#fdecea;color:#8a1c1c;padding:6px 10px;border:1px solid #f5c2c0;font-weight:bold"));
    m_signMethod->setObjectName(QStringLiteral("cloudSignMethod"));
    for (MqttSignMethod method :
         {MqttSignMethod::HmacSha256, MqttSignMethod::HmacSha1, MqttSignMethod::HmacMd5})
        m_signMethod->addItem(DeviceCredentials::methodName(method), int(method));
    m_keepAlive->setObjectName(QStringLiteral("cloudKeepAlive"));
    m_keepAlive->setRange(DeviceCredentials::kMinKeepAlive, DeviceCredentials::kMaxKeepAlive);
    m_keepAlive->setSuffix(tr(" s"));
    m_keepAlive->setToolTip(tr("The platform accepts 30 to 1200 seconds"));
    m_advanced->setObjectName(QStringLiteral("cloudAdvanced"));
    m_advanced->setCheckable(true);
    m_host->setObjectName(QStringLiteral("cloudHost"));
    m_host->setPlaceholderText(tr("host name or address"));
    m_hostPort->setObjectName(QStringLiteral("cloudHostPort"));
    m_hostPort->setRange(0, 65535);
    m_hostPort->setSpecialValueText(tr("the port above"));
    m_preview->setObjectName(QStringLiteral("cloudPreview"));
    m_preview->setReadOnly(true);
    // A client ID has no spaces to break at.
    m_preview->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_preview->setFont(mono);
    m_preview->setFixedHeight(QFontMetrics(mono).lineSpacing() * 6 + 12);
    m_preview->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_preview->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_preview->setFrameShape(QFrame::NoFrame);
    m_preview->setBackgroundVisible(false);
    m_error->setObjectName(QStringLiteral("cloudProfileError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#c62828"));

    auto* endpointBox = new QGroupBox(tr("Endpoint"), this);
    m_endpointForm->addRow(tr("Type"), m_endpointKind);
    m_endpointForm->addRow(tr("Region"), m_region);
    m_endpointForm->addRow(tr("Instance ID"), m_instance);
    m_endpointForm->addRow(tr("Port"), m_port);
    endpointBox->setLayout(m_endpointForm);

    auto* securityBox = new QGroupBox(tr("Security"), this);
    auto* securityForm = new QFormLayout(securityBox);
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    securityForm->addRow(QString(), m_tls);
    securityForm->addRow(tr("CA file"), caRow);
    securityForm->addRow(tr("Sign method"), m_signMethod);
    securityForm->addRow(tr("Keep-alive"), m_keepAlive);

    auto* advancedForm = new QFormLayout(m_advanced);
    advancedForm->addRow(tr("Host"), m_host);
    advancedForm->addRow(tr("Port"), m_hostPort);

    auto* previewBox = new QGroupBox(tr("Preview"), this);
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_preview);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(endpointBox);
    layout->addWidget(securityBox);
    // Under the security settings, outside any form: a wrapped label in a form row is cut to one line.
    layout->addWidget(m_plainWarning);
    layout->addWidget(m_advanced);
    layout->addWidget(previewBox);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Root certificates to trust"), m_caFile->text(),
                                         tr("PEM files (*.pem *.crt *.cer);;All files (*)"));
        if (!path.isEmpty())
            m_caFile->setText(path);
    });
    connect(m_endpointKind, &QComboBox::currentIndexChanged, this, &CloudProfileDialog::update);
    connect(m_region, &QComboBox::currentTextChanged, this, &CloudProfileDialog::update);
    connect(m_instance, &QLineEdit::textChanged, this, &CloudProfileDialog::update);
    connect(m_port, &QComboBox::currentIndexChanged, this, &CloudProfileDialog::update);
    connect(m_tls, &QCheckBox::toggled, this, &CloudProfileDialog::update);
    connect(m_caFile, &QLineEdit::textChanged, this, &CloudProfileDialog::update);
    connect(m_signMethod, &QComboBox::currentIndexChanged, this, &CloudProfileDialog::update);
    // The editor's own textChanged: the spin box signals only acceptable values, and an out-of-range number
    // being typed must disable OK too.
    if (auto* editor = m_keepAlive->findChild<QLineEdit*>())
        connect(editor, &QLineEdit::textChanged, this, &CloudProfileDialog::update);
    connect(m_keepAlive, &QSpinBox::valueChanged, this, &CloudProfileDialog::update);
    connect(m_advanced, &QGroupBox::toggled, this, &CloudProfileDialog::update);
    connect(m_host, &QLineEdit::textChanged, this, &CloudProfileDialog::update);
    connect(m_hostPort, &QSpinBox::valueChanged, this, &CloudProfileDialog::update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CloudProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setProfile(profile);
}

void CloudProfileDialog::setProfile(const CloudProfile& profile)
{
    m_endpointKind->setCurrentIndex(m_endpointKind->findData(int(profile.endpointKind)));
    m_region->setCurrentText(profile.regionId);
    m_instance->setText(profile.instanceId);
    const int port = m_port->findData(int(profile.port));
    m_port->setCurrentIndex(port >= 0 ? port : 0);
    m_tls->setChecked(profile.tls);
    m_caFile->setText(profile.caFile);
    m_signMethod->setCurrentIndex(m_signMethod->findData(int(profile.signMethod)));
    m_keepAlive->setValue(profile.keepAliveSeconds);
    m_advanced->setChecked(!profile.hostOverride.isEmpty() || profile.portOverride != 0);
    m_host->setText(profile.hostOverride);
    m_hostPort->setValue(profile.portOverride);
    update();
}

void CloudProfileDialog::setPreviewDevice(const QString& productKey, const QString& deviceName)
{
    m_previewProductKey = productKey;
    m_previewDeviceName = deviceName;
    update();
}

int CloudProfileDialog::typedKeepAlive() const
{
    bool ok = false;
    const int seconds = m_keepAlive->cleanText().trimmed().toInt(&ok);
    return ok ? seconds : 0;
}

CloudProfile CloudProfileDialog::profile() const
{
    CloudProfile profile;
    profile.endpointKind = CloudProfile::EndpointKind(m_endpointKind->currentData().toInt());
    profile.regionId = m_region->currentText().trimmed();
    profile.instanceId = m_instance->text().trimmed();
    profile.port = quint16(m_port->currentData().toInt());
    profile.tls = m_tls->isChecked();
    profile.caFile = m_caFile->text().trimmed();
    profile.signMethod = MqttSignMethod(m_signMethod->currentData().toInt());
    profile.keepAliveSeconds = typedKeepAlive();
    if (m_advanced->isChecked()) {
        profile.hostOverride = m_host->text().trimmed();
        profile.portOverride = quint16(m_hostPort->value());
    }
    return profile;
}

QString CloudProfileDialog::errorText() const
{
    return m_error->text();
}

QString CloudProfileDialog::previewText() const
{
    return m_preview->toPlainText();
}

void CloudProfileDialog::fitHeight()
{
    // A warning or error that appears must be read whole: grow the dialog when its wrapped text needs it.
    if (!isVisible() || !layout())
        return;
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

QString CloudProfileDialog::warningText() const
{
    return m_plainWarning->isHidden() ? QString() : m_plainWarning->text();
}

bool CloudProfileDialog::isAcceptable() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void CloudProfileDialog::update()
{
    const CloudProfile current = profile();
    const bool region = current.endpointKind == CloudProfile::EndpointKind::Region;
    m_endpointForm->setRowVisible(m_region, region);
    m_endpointForm->setRowVisible(m_instance, !region);
    m_caFile->setEnabled(current.tls);
    m_browse->setEnabled(current.tls);
    const bool warningWasHidden = m_plainWarning->isHidden();
    m_plainWarning->setText(current.warning());
    m_plainWarning->setVisible(!current.tls);
    if (warningWasHidden != m_plainWarning->isHidden())
        fitHeight();

    // The reason in words, under the name of the field as this dialog labels it.
    const auto error = current.validate();
    if (error) {
        static const QHash<QString, const char*> labels{
            {QStringLiteral("region"), QT_TR_NOOP("Region")},
            {QStringLiteral("instanceId"), QT_TR_NOOP("Instance ID")},
            {QStringLiteral("port"), QT_TR_NOOP("Port")},
            {QStringLiteral("keepAlive"), QT_TR_NOOP("Keep-alive")},
            {QStringLiteral("caFile"), QT_TR_NOOP("CA file")},
            {QStringLiteral("host"), QT_TR_NOOP("Host")},
        };
        const char* label = labels.value(error->field);
        m_error->setText(label ? tr("%1: %2").arg(tr(label), error->reason) : error->message());
    } else if (m_advanced->isChecked() && current.hostOverride.isEmpty()) {
        m_error->setText(tr("Host: give the host to connect to, or untick \"%1\"").arg(m_advanced->title()));
    } else {
        m_error->clear();
    }
    const bool errorWasHidden = m_error->isHidden();
    m_error->setVisible(!m_error->text().isEmpty());
    if (errorWasHidden != m_error->isHidden())
        fitHeight();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_error->text().isEmpty());

    // The preview: what an identity would send, signed now (the timestamp changes on every connection).
    QStringList lines;
    const QString productKey =
        m_previewProductKey.isEmpty() ? QStringLiteral("{ProductKey}") : m_previewProductKey;
    const bool hasEndpoint =
        !current.hostOverride.isEmpty() || !(region ? current.regionId : current.instanceId).isEmpty();
    lines << tr("Host:      %1")
                 .arg(hasEndpoint ? QStringLiteral("%1:%2 (%3)")
                                        .arg(current.host(productKey))
                                        .arg(current.effectivePort())
                                        .arg(current.tls ? tr("TLS") : tr("plain TCP"))
                                  : tr("—"));
    if (m_previewProductKey.isEmpty() || m_previewDeviceName.isEmpty()) {
        lines << tr("Select a device to see its client ID and user name.");
    } else if (error) {
        lines << tr("Client ID: —") << tr("User name: —");
    } else {
        // The client ID and user name do not depend on the secret, and the password is not shown: any
        // non-empty secret gives the same preview.
        const Alink::DeviceIdentity identity{m_previewProductKey, m_previewDeviceName, QStringLiteral("-")};
        const auto options = current.connectOptions(identity, QDateTime::currentMSecsSinceEpoch());
        if (options)
            lines << tr("Client ID: %1").arg(options->clientId) << tr("User name: %1").arg(options->username);
        else
            lines << tr("Client ID: — (%1)").arg(options.error().message());
    }
    m_preview->setPlainText(lines.join(QLatin1Char('\n')));
}

void CloudProfileDialog::accept()
{
    update();
    if (!isAcceptable())
        return;
    QDialog::accept();
}

QString CloudProfileDialog::describe(const CloudProfile& profile)
{
    QStringList parts;
    if (profile.endpointKind == CloudProfile::EndpointKind::Region)
        parts << tr("Region %1").arg(profile.regionId.isEmpty() ? tr("(none)") : profile.regionId);
    else
        parts << tr("Instance %1").arg(profile.instanceId.isEmpty() ? tr("(none)") : profile.instanceId);
    if (!profile.hostOverride.isEmpty())
        parts << tr("via %1:%2").arg(profile.hostOverride).arg(profile.effectivePort());
    else
        parts << tr("port %1").arg(profile.port);
    if (!profile.tls)
        parts << tr("plain TCP");
    else if (profile.caFile.isEmpty())
        parts << tr("TLS, GlobalSign Root CA R1");
    else
        parts << tr("TLS, %1").arg(QFileInfo(profile.caFile).fileName());
    parts << DeviceCredentials::methodName(profile.signMethod);
    parts << tr("keep-alive %1 s").arg(profile.keepAliveSeconds);
    return parts.join(QStringLiteral(" · "));
}

} // namespace ConfigDeck::Ui
