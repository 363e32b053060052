#include "AccountProfileDialog.h"

#include "store/Workspace.h"

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

AccountProfileDialog::AccountProfileDialog(Store::Workspace* workspace, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_region(new QLineEdit(this))
    , m_instance(new QLineEdit(this))
    , m_accessKeyId(new QLineEdit(this))
    , m_accessKeySecret(new QLineEdit(this))
    , m_consumerGroup(new QLineEdit(this))
    , m_accountUid(new QLineEdit(this))
    , m_openApiUrl(new QLineEdit(this))
    , m_amqpHost(new QLineEdit(this))
    , m_amqpPort(new QSpinBox(this))
    , m_caFile(new QLineEdit(this))
    , m_advice(new QLabel(this))
    , m_error(new QLabel(this))
    , m_ok(nullptr)
{
    setWindowTitle(tr("Alibaba Cloud account"));
    setObjectName(QStringLiteral("accountProfileDialog"));
    const QList<std::pair<QLineEdit*, const char*>> names{{m_region, "regionId"},
                                                          {m_instance, "instanceId"},
                                                          {m_accessKeyId, "accessKeyId"},
                                                          {m_accessKeySecret, "accessKeySecret"},
                                                          {m_consumerGroup, "consumerGroupId"},
                                                          {m_accountUid, "accountUid"},
                                                          {m_openApiUrl, "openApiUrl"},
                                                          {m_amqpHost, "amqpHost"},
                                                          {m_caFile, "caFile"}};
    for (const auto& [edit, name] : names)
        edit->setObjectName(QLatin1StringView(name));
    m_region->setPlaceholderText(QStringLiteral("cn-shanghai"));
    m_instance->setPlaceholderText(
        tr("empty for the region's public instance; iot-… for Enterprise Edition"));
    m_accessKeyId->setPlaceholderText(QStringLiteral("LTAI…"));
    m_accessKeySecret->setEchoMode(QLineEdit::Password);
    m_consumerGroup->setPlaceholderText(tr("the server-side subscription's consumer group ID"));
    m_accountUid->setPlaceholderText(tr("needed for the public instance's AMQP endpoint"));
    m_openApiUrl->setPlaceholderText(QStringLiteral("https://iot.{region}.aliyuncs.com"));
    m_amqpHost->setPlaceholderText(tr("the platform's AMQP endpoint"));
    m_amqpPort->setRange(0, 65535);
    m_amqpPort->setSpecialValueText(tr("5671 (default)"));
    m_caFile->setPlaceholderText(tr("the system's roots"));

    m_advice->setObjectName(QStringLiteral("accountAdvice"));
    m_advice->setWordWrap(true);
    m_advice->setTextFormat(Qt::RichText);
    m_advice->setText(
        tr("<p>Create a <b>RAM user</b> for ConfigDeck with <b>least privilege</b>: read-only IoT OpenAPI "
           "access "
           "(the system policy <b>AliyunIOTReadOnlyAccess</b>) and nothing else, and give ConfigDeck that "
           "user's AccessKey. The live view also needs a <b>consumer group</b> of the server-side "
           "subscription (device status and downlink replies).</p>"
           "<p><b>Never use the account's main AccessKey</b>: it can do everything in the account, and "
           "cannot be limited.</p>"
           "<p>The AccessKey Secret is sealed with this workspace's key; it is never shown, written to "
           "settings files, logs, support bundles or exports.</p>"));
    m_error->setObjectName(QStringLiteral("accountError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Region ID:"), m_region);
    form->addRow(tr("&Instance ID:"), m_instance);
    form->addRow(tr("AccessKey &ID:"), m_accessKeyId);
    form->addRow(tr("AccessKey &Secret:"), m_accessKeySecret);
    form->addRow(tr("&Consumer group ID:"), m_consumerGroup);
    form->addRow(tr("Account &UID:"), m_accountUid);

    auto* advanced = new QGroupBox(tr("Advanced: endpoints (tests, private deployments)"), this);
    advanced->setCheckable(true);
    advanced->setChecked(false);
    auto* advancedForm = new QFormLayout(advanced);
    auto* browse = new QPushButton(tr("Choose…"), advanced);
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    advancedForm->addRow(tr("OpenAPI address:"), m_openApiUrl);
    advancedForm->addRow(tr("AMQP host:"), m_amqpHost);
    advancedForm->addRow(tr("AMQP port:"), m_amqpPort);
    advancedForm->addRow(tr("CA certificate file:"), caRow);
    auto showAdvanced = [advanced](bool on) {
        for (QWidget* child : advanced->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly))
            child->setVisible(on);
    };
    connect(advanced, &QGroupBox::toggled, this, showAdvanced);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_advice);
    layout->addLayout(form);
    layout->addWidget(advanced);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &AccountProfileDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("CA certificate"), {},
                                                          tr("PEM files (*.pem *.crt);;All files (*)"));
        if (!path.isEmpty())
            m_caFile->setText(path);
    });
    for (const auto& [edit, name] : names)
        connect(edit, &QLineEdit::textChanged, this, &AccountProfileDialog::update);
    load();
    const Cloud::AccountProfile loaded = profile();
    const bool overridden = !loaded.openApiUrl.isEmpty() || !loaded.amqpHost.isEmpty() || loaded.amqpPort ||
                            !loaded.caFile.isEmpty();
    advanced->setChecked(overridden);
    showAdvanced(overridden);
    update();
}

void AccountProfileDialog::load()
{
    const auto stored = Cloud::AccountProfile::load(*m_workspace);
    if (!stored) {
        m_error->setText(stored.error().message());
        return;
    }
    const Cloud::AccountProfile profile = stored->value_or(Cloud::AccountProfile());
    m_hasSecret = profile.hasSecret;
    m_region->setText(profile.regionId);
    m_instance->setText(profile.instanceId);
    m_accessKeyId->setText(profile.accessKeyId);
    m_consumerGroup->setText(profile.consumerGroupId);
    m_accountUid->setText(profile.accountUid);
    m_openApiUrl->setText(profile.openApiUrl);
    m_amqpHost->setText(profile.amqpHost);
    m_amqpPort->setValue(profile.amqpPort);
    m_caFile->setText(profile.caFile);
    m_accessKeySecret->setPlaceholderText(m_hasSecret ? tr("stored, sealed: leave empty to keep it")
                                                      : tr("shown once when the AccessKey is created"));
}

Cloud::AccountProfile AccountProfileDialog::profile() const
{
    Cloud::AccountProfile profile;
    profile.regionId = m_region->text().trimmed();
    profile.instanceId = m_instance->text().trimmed();
    profile.accessKeyId = m_accessKeyId->text().trimmed();
    profile.consumerGroupId = m_consumerGroup->text().trimmed();
    profile.accountUid = m_accountUid->text().trimmed();
    profile.openApiUrl = m_openApiUrl->text().trimmed();
    profile.amqpHost = m_amqpHost->text().trimmed();
    profile.amqpPort = quint16(m_amqpPort->value());
    profile.caFile = m_caFile->text().trimmed();
    return profile;
}

void AccountProfileDialog::update()
{
    QString problem;
    if (const auto invalid = profile().validate())
        problem = invalid->reason;
    else if (!m_hasSecret && m_accessKeySecret->text().isEmpty())
        problem = tr("enter the AccessKey Secret");
    else if (!m_accessKeySecret->text().isEmpty() && m_workspace->keys().isLocked())
        problem = tr("the workspace is locked: unlock it to store the AccessKey Secret");
    m_error->setText(problem.isEmpty() ? QString() : tr("Cannot save yet: %1.").arg(problem));
    m_ok->setEnabled(problem.isEmpty());
}

QString AccountProfileDialog::errorText() const
{
    return m_error->text();
}

QString AccountProfileDialog::adviceText() const
{
    return m_advice->text();
}

QLineEdit* AccountProfileDialog::field(const QString& name) const
{
    return findChild<QLineEdit*>(name);
}

void AccountProfileDialog::accept()
{
    const QByteArray secret = m_accessKeySecret->text().toUtf8();
    const auto saved = Cloud::AccountProfile::save(
        *m_workspace, profile(), secret.isEmpty() ? std::nullopt : std::optional<QByteArrayView>(secret));
    if (!saved) {
        m_error->setText(tr("Not saved: %1").arg(saved.error().message()));
        return;
    }
    m_accessKeySecret->clear();
    QDialog::accept();
}

} // namespace ConfigDeck::Ui
