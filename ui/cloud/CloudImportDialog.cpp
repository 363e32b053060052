#include "CloudImportDialog.h"

#include "ImportPreviewView.h"
#include "cloud/AccountProfile.h"
#include "cloud/CloudFleetImport.h"
#include "cloud/OpenApiClient.h"
#include "store/Workspace.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

CloudImportDialog::CloudImportDialog(Store::Workspace* workspace, QNetworkAccessManager* network,
                                     QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_network(network)
    , m_status(new QLabel(this))
    , m_withSecrets(new QCheckBox(tr("Also import the &DeviceSecrets (sealed in this workspace)"), this))
    , m_withOnline(new QCheckBox(tr("Read the &online state"), this))
    , m_fetch(new QPushButton(tr("&Read from Alibaba Cloud"), this))
    , m_cancel(new QPushButton(tr("&Stop"), this))
    , m_profile(new QPushButton(tr("Account &profile…"), this))
    , m_view(new ImportPreviewView(this))
    , m_import(nullptr)
{
    setWindowTitle(tr("Import from Alibaba Cloud"));
    setObjectName(QStringLiteral("cloudImportDialog"));
    resize(760, 580);
    m_status->setObjectName(QStringLiteral("cloudImportStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_withSecrets->setObjectName(QStringLiteral("withSecrets"));
    m_withSecrets->setToolTip(tr("Needed to connect as the devices; the RAM user then needs "
                                 "iot:BatchQueryDeviceDetail (part of AliyunIOTReadOnlyAccess)."));
    m_withOnline->setChecked(true);
    m_fetch->setObjectName(QStringLiteral("cloudFetch"));
    m_cancel->setEnabled(false);
    m_view->setNumberedByRecord(true);

    auto* options = new QHBoxLayout;
    options->addWidget(m_withSecrets);
    options->addWidget(m_withOnline);
    options->addStretch(1);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_fetch);
    actions->addWidget(m_cancel);
    actions->addStretch(1);
    actions->addWidget(m_profile);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("cloudImportButton"));
    m_import->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Adds the account's products and devices to the workspace, and refreshes "
                                    "the ones it has: names, secrets when asked, online state. Nothing the "
                                    "workspace keeps about a device (state, versions, labels, rollouts) is "
                                    "dropped."),
                                 this));
    layout->addLayout(options);
    layout->addLayout(actions);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);

    connect(m_fetch, &QPushButton::clicked, this, &CloudImportDialog::fetch);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_fleetImport)
            m_fleetImport->cancel();
    });
    connect(m_profile, &QPushButton::clicked, this, &CloudImportDialog::profileRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_import, &QPushButton::clicked, this, &CloudImportDialog::commit);
}

CloudImportDialog::~CloudImportDialog()
{
    m_fleetImport.reset();
    m_client.reset();
}

bool CloudImportDialog::isFetching() const
{
    return m_fleetImport && m_fleetImport->isFetching();
}

QTableWidget* CloudImportDialog::previewTable() const
{
    return m_view->previewTable();
}

QTableWidget* CloudImportDialog::errorsTable() const
{
    return m_view->errorsTable();
}

QString CloudImportDialog::summaryText() const
{
    return m_view->summaryText();
}

QString CloudImportDialog::statusText() const
{
    return m_status->text();
}

void CloudImportDialog::setBusy(bool busy)
{
    m_fetch->setEnabled(!busy);
    m_withSecrets->setEnabled(!busy);
    m_withOnline->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    if (busy)
        m_import->setEnabled(false);
}

bool CloudImportDialog::fetch()
{
    if (isFetching())
        return false;
    m_current.reset();
    m_view->clear();
    const auto stored = Cloud::AccountProfile::load(*m_workspace);
    if (!stored || !stored->has_value()) {
        m_status->setText(stored ? tr("No Alibaba Cloud account is set for this workspace: enter it under "
                                      "Account profile.")
                                 : stored.error().message());
        return false;
    }
    const Cloud::AccountProfile profile = **stored;
    if (const auto invalid = profile.validate()) {
        m_status->setText(tr("The account profile cannot be used: %1").arg(invalid->message()));
        return false;
    }
    const auto secret = Cloud::AccountProfile::openSecret(*m_workspace);
    if (!secret) {
        m_status->setText(secret.error().message());
        return false;
    }
    m_fleetImport.reset();
    m_client = std::make_unique<Cloud::OpenApiClient>(m_network, profile, (*secret)->view());
    connect(m_client.get(), &Cloud::OpenApiClient::retrying, this,
            [this](const QString& action, int, int delayMs, const QString& code) {
                m_status->setText(tr("%1 was throttled by the platform (%2); trying again in %3 s…")
                                      .arg(action, code)
                                      .arg(delayMs / 1000.0));
            });
    Cloud::CloudFleetImport::Options options;
    options.withSecrets = m_withSecrets->isChecked();
    options.withOnlineState = m_withOnline->isChecked();
    m_fleetImport = std::make_unique<Cloud::CloudFleetImport>(*m_workspace, *m_client, options);
    connect(m_fleetImport.get(), &Cloud::CloudFleetImport::progress, m_status, &QLabel::setText);
    connect(m_fleetImport.get(), &Cloud::CloudFleetImport::finished, this, &CloudImportDialog::onFetched);
    setBusy(true);
    m_fleetImport->fetch();
    return true;
}

void CloudImportDialog::onFetched(const QString& error)
{
    setBusy(false);
    if (!error.isEmpty()) {
        m_status->setText(error);
        emit previewReady();
        return;
    }
    const auto& fleet = m_fleetImport->fleet();
    m_status->setText(tr("Read %n product(s)", nullptr, int(fleet.products.size())) + QStringLiteral(", ") +
                      tr("%n device(s) from Alibaba Cloud.", nullptr, int(fleet.devices.size())));
    auto preview = m_fleetImport->preview();
    if (!preview) {
        m_view->showProblem(
            tr("<b>This fleet cannot be imported:</b> %1").arg(preview.error().message().toHtmlEscaped()));
    } else {
        m_current = std::move(preview).value();
        m_view->showPreview(*m_current);
        m_import->setEnabled(m_current->canCommit());
    }
    emit previewReady();
}

void CloudImportDialog::commit()
{
    if (!m_current || !m_current->canCommit() || !m_fleetImport)
        return;
    const auto result = m_fleetImport->commit(*m_current);
    if (!result) {
        QMessageBox::warning(this, windowTitle(),
                             tr("Nothing was imported: %1").arg(result.error().message()));
        return;
    }
    m_imported = *result;
    accept();
}

} // namespace ConfigDeck::Ui
