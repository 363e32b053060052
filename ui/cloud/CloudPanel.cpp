#include "CloudPanel.h"

#include "CloudDeviceModel.h"
#include "CloudProfileDialog.h"
#include "CloudUiLog.h"
#include "DiffView.h"
#include "JsonHighlight.h"
#include "ReplyCodeBadgeDelegate.h"
#include "alink/ReplyCodeCatalog.h"
#include "cloud/CloudSession.h"
#include "roles/WorkspaceRecorder.h"
#include "store/Workspace.h"
#include "transfer/Sha256Stream.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ConfigDeck::Ui {

using Alink::ReplyCodeCatalog;
using Cloud::CloudDeviceState;
using Cloud::CloudProfile;
using Cloud::CloudSession;

namespace {

// Columns of the "Waiting for your reply" list and the roles of its first column.
enum WaitingColumn
{
    WaitingDeviceColumn,
    WaitingIdColumn,
    WaitingVerificationColumn,
};
enum WaitingRole
{
    ProductKeyRole = Qt::UserRole,
    DeviceNameRole,
    MessageIdRole,
    SuggestedCodeRole,
};

bool isActive(CloudDeviceState state)
{
    return state == CloudDeviceState::Waiting || state == CloudDeviceState::Connecting ||
           state == CloudDeviceState::Online;
}

QString codeText(int code, Alink::ReplySource source)
{
    return QStringLiteral("%1 %2").arg(code).arg(ReplyCodeCatalog::lookup(code, source).displayName());
}

// Transport reasons come as sentences already; this adds the full stop only when it is missing.
QString sentence(const QString& text)
{
    return text.endsWith(QLatin1Char('.')) ? text : text + QLatin1Char('.');
}

} // namespace

CloudPanel::CloudPanel(Store::Workspace* workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_session(new CloudSession(nullptr, this))
    , m_banner(new QFrame(this))
    , m_bannerText(new QLabel(m_banner))
    , m_profileSummary(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_requestButton(new QPushButton(tr("Request configuration"), this))
    , m_disconnectButton(new QPushButton(tr("Disconnect all"), this))
    , m_profileButton(new QPushButton(tr("Profile…"), this))
    , m_autoReply(new QCheckBox(tr("Auto-reply 200 after verification"), this))
    , m_maxConnecting(new QSpinBox(this))
    , m_model(new CloudDeviceModel(this))
    , m_table(new QTableView(this))
    , m_waitingBox(new QGroupBox(tr("Waiting for your reply"), this))
    , m_waiting(new QTreeWidget(this))
    , m_replyCode(new QComboBox(this))
    , m_replyButton(new QPushButton(tr("Reply"), this))
    , m_changesBox(new QGroupBox(tr("Changes"), this))
    , m_diffSummary(new QLabel(this))
    , m_indentJson(new QCheckBox(tr("Compare as indented JSON"), this))
    , m_diff(new DiffView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName(QStringLiteral("cloudPanel"));
    m_session->setWorkspace(m_workspace);
    makeRecorder();
    m_session->setMaxConnecting(kDefaultMaxConnecting);

    m_banner->setObjectName(QStringLiteral("cloudBanner"));
    m_bannerText->setObjectName(QStringLiteral("cloudBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* dismiss = new QToolButton(m_banner);
    dismiss->setObjectName(QStringLiteral("cloudBannerDismiss"));
    dismiss->setText(tr("Dismiss"));
    dismiss->setAutoRaise(true);
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(10, 6, 6, 6);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(dismiss, 0, Qt::AlignTop);
    m_banner->hide();

    m_requestButton->setObjectName(QStringLiteral("cloudRequest"));
    m_requestButton->setToolTip(
        tr("The selected identities (all online ones when none is selected) send thing/config/get"));
    m_disconnectButton->setObjectName(QStringLiteral("cloudDisconnectAll"));
    m_disconnectButton->setToolTip(tr("Close every connection; the devices may then come back online"));
    m_profileButton->setObjectName(QStringLiteral("cloudProfileButton"));
    m_profileButton->setToolTip(tr("Region or instance, port, TLS, sign method and keep-alive"));
    m_autoReply->setObjectName(QStringLiteral("cloudAutoReply"));
    m_autoReply->setChecked(true);
    m_autoReply->setToolTip(tr("Off: each verified push waits in \"Waiting for your reply\" for the code you "
                               "choose, to reproduce a device's answer"));
    m_maxConnecting->setObjectName(QStringLiteral("cloudMaxConnecting"));
    m_maxConnecting->setRange(1, 32);
    m_maxConnecting->setValue(kDefaultMaxConnecting);
    m_maxConnecting->setToolTip(tr("Connections being opened at the same time; the others wait their turn"));
    m_profileSummary->setObjectName(QStringLiteral("cloudProfileSummary"));
    m_profileSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_counts->setObjectName(QStringLiteral("cloudCounts"));
    m_counts->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("cloudDevices"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Wide enough for "Kicked offline" and for the longest code badge, which would spill over otherwise.
    m_table->horizontalHeader()->setSectionResizeMode(CloudDeviceModel::StateColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CloudDeviceModel::CodeColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setColumnWidth(CloudDeviceModel::ProductKeyColumn, 130);
    m_table->setColumnWidth(CloudDeviceModel::DeviceNameColumn, 150);
    m_table->setColumnWidth(CloudDeviceModel::ConfigColumn, 240);
    m_table->setItemDelegateForColumn(CloudDeviceModel::CodeColumn,
                                      new ReplyCodeBadgeDelegate(CloudDeviceModel::BadgeColorRole, this));

    m_waitingBox->setObjectName(QStringLiteral("cloudWaitingBox"));
    m_waiting->setObjectName(QStringLiteral("cloudWaiting"));
    m_waiting->setRootIsDecorated(false);
    m_waiting->setHeaderLabels({tr("Device"), tr("Push id"), tr("Verification")});
    m_waiting->setColumnWidth(WaitingDeviceColumn, 190);
    m_waiting->setColumnWidth(WaitingIdColumn, 90);
    m_replyCode->setObjectName(QStringLiteral("cloudReplyCode"));
    m_replyCode->addItem(codeText(ReplyCodeCatalog::kSuccess, Alink::ReplySource::Device),
                         ReplyCodeCatalog::kSuccess);
    m_replyCode->setItemData(0, ReplyCodeCatalog::lookup(200, Alink::ReplySource::Device).displayMeaning(),
                             Qt::ToolTipRole);
    for (const Alink::ReplyCodeInfo& info : ReplyCodeCatalog::all()) {
        if (info.source != Alink::ReplySource::Device || info.code < ReplyCodeCatalog::kDeviceDefinedFirst ||
            info.code > ReplyCodeCatalog::kDeviceDefinedLast)
            continue;
        m_replyCode->addItem(codeText(info.code, info.source), info.code);
        m_replyCode->setItemData(m_replyCode->count() - 1, info.displayMeaning(), Qt::ToolTipRole);
    }
    m_replyCode->setToolTip(tr("The code this device answers the push with"));
    m_replyButton->setObjectName(QStringLiteral("cloudReply"));
    auto* replyRow = new QHBoxLayout;
    replyRow->addWidget(new QLabel(tr("Reply with"), this));
    replyRow->addWidget(m_replyCode, 1);
    replyRow->addWidget(m_replyButton);
    auto* waitingLayout = new QVBoxLayout(m_waitingBox);
    waitingLayout->addWidget(m_waiting, 1);
    waitingLayout->addLayout(replyRow);

    m_changesBox->setObjectName(QStringLiteral("cloudChanges"));
    m_diffSummary->setObjectName(QStringLiteral("cloudDiffSummary"));
    m_diffSummary->setWordWrap(true);
    m_diffSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diffSummary->setText(changesPlaceholder());
    m_diff->setObjectName(QStringLiteral("cloudDiff"));
    m_diff->hide();
    m_indentJson->setObjectName(QStringLiteral("cloudIndentJson"));
    m_indentJson->setChecked(true);
    m_indentJson->setToolTip(tr("Platform configurations are often one line of JSON: compare both versions "
                                "indented, keys in order. Off: the bytes as downloaded."));
    auto* summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_diffSummary, 1);
    summaryRow->addWidget(m_indentJson, 0, Qt::AlignTop);
    auto* changesLayout = new QVBoxLayout(m_changesBox);
    changesLayout->addLayout(summaryRow);
    changesLayout->addWidget(m_diff, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_requestButton);
    buttons->addWidget(m_disconnectButton);
    buttons->addWidget(m_profileButton);
    buttons->addSpacing(16);
    buttons->addWidget(m_autoReply);
    buttons->addSpacing(16);
    auto* atOnce = new QLabel(tr("Connections opened at once"), this);
    atOnce->setBuddy(m_maxConnecting);
    buttons->addWidget(atOnce);
    buttons->addWidget(m_maxConnecting);
    buttons->addStretch();

    auto* devices = new QSplitter(Qt::Horizontal, this);
    devices->setObjectName(QStringLiteral("cloudDeviceSplitter"));
    devices->addWidget(m_table);
    devices->addWidget(m_waitingBox);
    devices->setStretchFactor(0, 3);
    devices->setStretchFactor(1, 2);
    devices->setSizes({760, 480});
    m_splitter->setObjectName(QStringLiteral("cloudSplitter"));
    m_splitter->addWidget(devices);
    m_splitter->addWidget(m_changesBox);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({240, 560});

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(buttons);
    layout->addWidget(m_profileSummary);
    layout->addWidget(m_counts);
    layout->addWidget(m_splitter, 1);

    connect(dismiss, &QToolButton::clicked, this, &CloudPanel::clearBanner);
    connect(m_indentJson, &QCheckBox::toggled, this, [this] {
        if (!m_shownChange.isEmpty())
            showChange(m_shownChange);
    });
    connect(m_requestButton, &QPushButton::clicked, this, &CloudPanel::requestConfigForSelection);
    connect(m_disconnectButton, &QPushButton::clicked, this, &CloudPanel::disconnectAll);
    connect(m_profileButton, &QPushButton::clicked, this, &CloudPanel::editProfile);
    connect(m_autoReply, &QCheckBox::toggled, this, [this](bool on) {
        Roles::AgentSettings settings = m_session->agentSettings();
        settings.autoReply = on;
        m_session->setAgentSettings(settings);
        updateButtons();
    });
    connect(m_maxConnecting, &QSpinBox::valueChanged, m_session, &CloudSession::setMaxConnecting);
    connect(m_replyButton, &QPushButton::clicked, this, &CloudPanel::replyToSelected);
    connect(m_waiting, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item) {
            const int index = m_replyCode->findData(item->data(0, SuggestedCodeRole));
            if (index >= 0)
                m_replyCode->setCurrentIndex(index);
        }
        updateButtons();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!current.isValid())
                    return;
                const CloudDeviceRow& row = m_model->rowAt(current.row());
                const QString key = keyOf(row.productKey, row.deviceName);
                if (m_changes.contains(key) && key != m_shownChange)
                    showChange(key);
            });

    connectSession();
    loadProfile();
    updateCounts();
    updateButtons();
}

CloudPanel::~CloudPanel()
{
    // The session's last signals would reach widgets that are going; the recorder then writes what is left.
    m_session->disconnect(this);
    delete m_session;
    m_recorder.reset();
}

void CloudPanel::makeRecorder()
{
    m_recorder.reset();
    if (!m_workspace)
        return;
    m_recorder = std::make_unique<Roles::WorkspaceRecorder>(m_workspace);
    m_recorder->setInterval(250);
    connect(m_recorder.get(), &Roles::WorkspaceRecorder::errorOccurred, this, [this](const QString& message) {
        showBanner(tr("The workspace did not record the cloud session: %1").arg(message), Severity::Error);
    });
}

QString CloudPanel::changesPlaceholder()
{
    return tr("Each configuration an identity downloads and verifies appears here, compared with the version "
              "it held before.");
}

QString CloudPanel::keyOf(const QString& productKey, const QString& deviceName)
{
    return productKey + QLatin1Char('/') + deviceName;
}

void CloudPanel::connectSession()
{
    connect(m_session, &CloudSession::deviceStateChanged, this,
            [this](const QString& pk, const QString& dn, CloudDeviceState state) {
                m_model->setState(pk, dn, state);
                updateCounts();
                updateButtons();
            });
    connect(m_session, &CloudSession::deviceRefused, this, &CloudPanel::onRefused);
    connect(m_session, &CloudSession::deviceKicked, this, &CloudPanel::onKicked);
    connect(m_session, &CloudSession::exchangeFinished, this, &CloudPanel::onExchange);
    connect(m_session, &CloudSession::replyAwaited, this, &CloudPanel::onReplyAwaited);
    connect(m_session, &CloudSession::configVerified, this, &CloudPanel::onVerified);
    connect(m_session, &CloudSession::stateChanged, this, &CloudPanel::onStateUpdate);
    connect(m_session, &CloudSession::messageLogged, this, [this](const Store::MessageLogEntry& entry) {
        if (m_model->rowOf(entry.productKey, entry.deviceName) >= 0)
            m_model->setLastEvent(entry.productKey, entry.deviceName, entry.time);
        if (m_recorder)
            m_recorder->recordMessage(entry);
        emit messageLogged(entry);
    });
    connect(m_session, &CloudSession::wireError, this,
            [this](const QString& pk, const QString& dn, const QString& topic, const QString& reason) {
                showBanner(topic.isEmpty() ? tr("%1/%2: %3").arg(pk, dn, reason)
                                           : tr("%1/%2: %3: %4").arg(pk, dn, topic, reason),
                           Severity::Warning);
            });
}

void CloudPanel::setWorkspace(Store::Workspace* workspace)
{
    if (workspace == m_workspace)
        return;
    // The identities, their secrets and the versions they held belong to the workspace that goes.
    for (const CloudDeviceRow& row : m_model->rows())
        m_session->remove(row.productKey, row.deviceName);
    m_model->clear();
    m_waiting->clear();
    m_changes.clear();
    m_heldContent.clear();
    m_shownChange.clear();
    m_requests.clear();
    m_operatorReplies.clear();
    m_diff->clear();
    m_diff->hide();
    m_changesBox->setTitle(tr("Changes"));
    m_diffSummary->setText(changesPlaceholder());
    m_recorder.reset(); // writes what it holds to the workspace it was made for
    m_workspace = workspace;
    m_session->setWorkspace(workspace);
    makeRecorder();
    clearBanner();
    updateCounts();
    updateButtons();
}

bool CloudPanel::connectAs(const QList<Alink::DeviceKey>& devices)
{
    if (devices.isEmpty()) {
        showBanner(tr("Choose the devices to connect as: select them in the fleet table, then Fleet > "
                      "Connect as these devices on Alibaba Cloud…"),
                   Severity::Info);
        return false;
    }
    if (!m_workspace) {
        showBanner(tr("Not connected: no workspace is open, and the DeviceSecrets are read from it."),
                   Severity::Error);
        return false;
    }
    if (m_workspace->keys().isLocked()) {
        showBanner(tr("Not connected: %1").arg(Store::KeyStore::lockedError().message()), Severity::Error);
        return false;
    }
    QList<Alink::DeviceIdentity> identities;
    QStringList problems;
    for (const Alink::DeviceKey& device : devices) {
        const auto secret = m_workspace->identities().deviceSecret(device.productKey, device.deviceName);
        if (!secret) {
            problems << secret.error().message();
            continue;
        }
        identities << Alink::DeviceIdentity{device.productKey, device.deviceName, QString::fromUtf8(*secret)};
    }
    if (!problems.isEmpty()) {
        showBanner(tr("Not connected: %1").arg(problems.join(QLatin1Char(' '))), Severity::Error);
        return false;
    }
    return connectAsIdentities(identities);
}

bool CloudPanel::connectAsIdentities(const QList<Alink::DeviceIdentity>& identities)
{
    if (identities.isEmpty())
        return connectAs({});
    if (m_profile.validate()) {
        // First use: the profile must be filled in before anything connects.
        if (!editProfileFor({identities.first().productKey, identities.first().deviceName}))
            return false;
    }
    if (auto error = CloudSession::check(m_profile, identities)) {
        showBanner(tr("Not connected: %1").arg(error->message()), Severity::Error);
        return false;
    }
    if (m_confirmLiveIdentities) {
        QMessageBox box(QMessageBox::Warning, tr("Connect as device identities?"),
                        CloudSession::liveIdentityWarning(int(identities.size())),
                        QMessageBox::Yes | QMessageBox::No, this);
        box.setObjectName(QStringLiteral("cloudLiveIdentityWarning"));
        if (!m_profile.tls)
            box.setInformativeText(m_profile.warning());
        box.button(QMessageBox::Yes)->setText(tr("Connect"));
        box.button(QMessageBox::No)->setText(tr("Do not connect"));
        box.setDefaultButton(QMessageBox::No);
        box.setEscapeButton(QMessageBox::No);
        if (box.exec() != QMessageBox::Yes)
            return false;
    }
    clearBanner();

    // Identities whose connection ended connect anew; when none is active, the table starts afresh.
    bool anyActive = false;
    for (const CloudDeviceRow& row : m_model->rows())
        anyActive = anyActive || isActive(m_session->deviceState(row.productKey, row.deviceName));
    for (const CloudDeviceRow& row : m_model->rows()) {
        if (isActive(m_session->deviceState(row.productKey, row.deviceName)))
            continue;
        const bool listed =
            std::any_of(identities.cbegin(), identities.cend(), [&row](const Alink::DeviceIdentity& id) {
                return id.productKey == row.productKey && id.deviceName == row.deviceName;
            });
        if (!anyActive || listed)
            forget(row.productKey, row.deviceName);
    }
    for (const Alink::DeviceIdentity& identity : identities) {
        if (m_model->rowOf(identity.productKey, identity.deviceName) >= 0)
            continue; // connected already; the session leaves it as it is
        m_model->ensureRow(identity.productKey, identity.deviceName);
        if (m_workspace) {
            const auto held = m_workspace->deviceStates().state(identity.productKey, identity.deviceName);
            if (!held)
                showBanner(held.error().message(), Severity::Warning);
            else if (held->has_value() && !(*held)->sha256.isEmpty())
                m_model->setHeld(identity.productKey, identity.deviceName, (*held)->configId,
                                 (*held)->sha256);
        }
    }

    m_session->setProfile(m_profile);
    // The session reads what each identity holds from the workspace: write what is buffered first.
    if (m_recorder)
        m_recorder->flush();
    qCInfo(lcCloudUi) << "connecting as" << identities.size() << "identities";
    if (auto error = m_session->start(identities)) {
        // check() passed, so this is not expected; say it rather than leave rows that never connect.
        for (const Alink::DeviceIdentity& identity : identities) {
            if (m_session->deviceState(identity.productKey, identity.deviceName) == CloudDeviceState::Stopped)
                m_model->removeDevice(identity.productKey, identity.deviceName);
        }
        showBanner(tr("Not connected: %1").arg(error->message()), Severity::Error);
        updateCounts();
        return false;
    }
    if (!m_profile.tls)
        showBanner(m_profile.warning(), Severity::Warning);
    updateCounts();
    updateButtons();
    return true;
}

void CloudPanel::forget(const QString& productKey, const QString& deviceName)
{
    m_session->remove(productKey, deviceName);
    m_model->removeDevice(productKey, deviceName);
    removeWaiting(productKey, deviceName);
}

QList<Alink::DeviceKey> CloudPanel::selectedDevices() const
{
    QList<Alink::DeviceKey> devices;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows) {
        const CloudDeviceRow& row = m_model->rowAt(index.row());
        devices << Alink::DeviceKey{row.productKey, row.deviceName};
    }
    std::sort(devices.begin(), devices.end(), [this](const Alink::DeviceKey& a, const Alink::DeviceKey& b) {
        return m_model->rowOf(a.productKey, a.deviceName) < m_model->rowOf(b.productKey, b.deviceName);
    });
    return devices;
}

void CloudPanel::requestConfigForSelection()
{
    QList<Alink::DeviceKey> devices = selectedDevices();
    if (devices.isEmpty()) {
        for (const CloudDeviceRow& row : m_model->rows()) {
            if (m_session->deviceState(row.productKey, row.deviceName) == CloudDeviceState::Online)
                devices << Alink::DeviceKey{row.productKey, row.deviceName};
        }
    }
    if (devices.isEmpty()) {
        showBanner(tr("No identity is online to request its configuration."), Severity::Info);
        return;
    }
    requestConfig(devices);
}

void CloudPanel::requestConfig(const QList<Alink::DeviceKey>& devices)
{
    QStringList problems;
    for (const Alink::DeviceKey& device : devices) {
        const CloudDeviceState state = m_session->deviceState(device.productKey, device.deviceName);
        if (state != CloudDeviceState::Online) {
            problems << tr("%1/%2 is %3; connect it again first.")
                            .arg(device.productKey, device.deviceName, CloudSession::stateName(state));
            continue;
        }
        const auto id = m_session->requestConfig(device.productKey, device.deviceName);
        if (!id)
            problems << tr("%1/%2: %3").arg(device.productKey, device.deviceName, id.error().message());
        else
            m_requests.insert(keyOf(device.productKey, device.deviceName) + QLatin1Char('/') + *id);
    }
    if (!problems.isEmpty())
        showBanner(tr("Not requested: %1").arg(problems.join(QLatin1Char(' '))), Severity::Warning);
}

void CloudPanel::disconnectAll()
{
    m_session->stop();
    // Those pushes can no longer be answered.
    m_waiting->clear();
    updateCounts();
    updateButtons();
}

bool CloudPanel::editProfile()
{
    QList<Alink::DeviceKey> devices = selectedDevices();
    if (devices.isEmpty() && m_model->rowCount() > 0)
        devices << Alink::DeviceKey{m_model->rowAt(0).productKey, m_model->rowAt(0).deviceName};
    return editProfileFor(devices.isEmpty() ? Alink::DeviceKey{} : devices.first());
}

bool CloudPanel::editProfileFor(const Alink::DeviceKey& preview)
{
    CloudProfileDialog dialog(m_profile, this);
    dialog.setPreviewDevice(preview.productKey, preview.deviceName);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const CloudProfile chosen = dialog.profile();
    if (chosen == m_profile)
        return false;
    setProfile(chosen);
    return true;
}

void CloudPanel::setProfile(const CloudProfile& profile)
{
    m_profile = profile;
    QSettings settings;
    settings.setValue(QLatin1StringView(kSettingsKey),
                      QString::fromUtf8(QJsonDocument(profile.toJson()).toJson(QJsonDocument::Compact)));
    updateProfileSummary();
}

void CloudPanel::loadProfile()
{
    const QString text = QSettings().value(QLatin1StringView(kSettingsKey)).toString();
    if (!text.isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
        if (!document.isObject()) {
            showBanner(tr("The saved Alibaba Cloud profile is not JSON (%1); choose it again with Profile…")
                           .arg(parseError.errorString()),
                       Severity::Warning);
        } else if (const auto loaded = CloudProfile::fromJson(document.object()); !loaded) {
            showBanner(
                tr("The saved Alibaba Cloud profile cannot be used (%1); choose it again with Profile…")
                    .arg(loaded.error().message()),
                Severity::Warning);
        } else {
            m_profile = *loaded;
        }
    }
    updateProfileSummary();
}

void CloudPanel::updateProfileSummary()
{
    m_profileSummary->setText(tr("Profile: %1").arg(CloudProfileDialog::describe(m_profile)));
    m_profileSummary->setStyleSheet(m_profile.tls ? QString() : QStringLiteral("color:#c62828"));
    m_profileSummary->setToolTip(m_profile.warning());
}

bool CloudPanel::autoReply() const
{
    return m_autoReply->isChecked();
}

void CloudPanel::setAutoReply(bool on)
{
    m_autoReply->setChecked(on);
}

int CloudPanel::maxConnecting() const
{
    return m_session->maxConnecting();
}

void CloudPanel::setMaxConnecting(int count)
{
    m_maxConnecting->setValue(count);
    m_session->setMaxConnecting(count);
}

void CloudPanel::setDownloadCaCertificates(const QList<QSslCertificate>& certificates)
{
    Roles::AgentSettings settings = m_session->agentSettings();
    settings.caCertificates = certificates;
    m_session->setAgentSettings(settings);
}

void CloudPanel::onRefused(const QString& productKey, const QString& deviceName, const QString& reason,
                           const QString& advice)
{
    const QString detail = advice.isEmpty() ? reason : tr("%1\n%2").arg(reason, advice);
    m_model->setState(productKey, deviceName, CloudDeviceState::Refused, detail);
    showBanner(advice.isEmpty()
                   ? tr("%1/%2 was refused: %3").arg(productKey, deviceName, sentence(reason))
                   : tr("%1/%2 was refused: %3 %4").arg(productKey, deviceName, sentence(reason), advice),
               Severity::Error);
}

void CloudPanel::onKicked(const QString& productKey, const QString& deviceName, const QString& reason)
{
    m_model->setState(productKey, deviceName, CloudDeviceState::Kicked, reason);
    removeWaiting(productKey, deviceName);
    showBanner(tr("%1/%2 was kicked offline: %3. ConfigDeck does not reconnect by itself, so that the other "
                  "connection keeps the identity; connect as it again when you want it back.")
                   .arg(productKey, deviceName, reason),
               Severity::Error);
}

void CloudPanel::onExchange(const QString& productKey, const QString& deviceName, const QString& messageId,
                            int code, const QString& reason, const QString& advice)
{
    const QString exchange = keyOf(productKey, deviceName) + QLatin1Char('/') + messageId;
    const bool isRequest = m_requests.remove(exchange);
    // A code the operator chose is no news to them.
    if (m_operatorReplies.remove(exchange) || code == ReplyCodeCatalog::kSuccess)
        return;
    // The state update that came first says who sent the code (the platform's get_reply or the device).
    const int row = m_model->rowOf(productKey, deviceName);
    const Alink::ReplySource source = row >= 0 ? m_model->rowAt(row).codeSource : Alink::ReplySource::Device;
    const QString what = tr("%1 (%2)").arg(code).arg(ReplyCodeCatalog::lookup(code, source).displayName());
    if (!advice.isEmpty()) {
        showBanner(tr("%1/%2: the platform answered %3. %4").arg(productKey, deviceName, what, advice),
                   Severity::Warning);
        return;
    }
    const QString text =
        isRequest ? tr("%1/%2: the request %3 ended with %4").arg(productKey, deviceName, messageId, what)
                  : tr("%1/%2: the push %3 was answered %4").arg(productKey, deviceName, messageId, what);
    showBanner(reason.isEmpty() ? sentence(text) : tr("%1: %2").arg(text, sentence(reason)),
               Severity::Warning);
}

void CloudPanel::onReplyAwaited(const QString& productKey, const QString& deviceName,
                                const QString& messageId, int suggestedCode, const QString& reason)
{
    auto* item = new QTreeWidgetItem(m_waiting);
    item->setText(WaitingDeviceColumn, keyOf(productKey, deviceName));
    item->setText(WaitingIdColumn, messageId);
    const QString verification =
        suggestedCode == ReplyCodeCatalog::kSuccess
            ? tr("verified")
            : tr("%1: %2").arg(codeText(suggestedCode, Alink::ReplySource::Device), reason);
    item->setText(WaitingVerificationColumn, verification);
    item->setToolTip(WaitingVerificationColumn, verification);
    item->setData(0, ProductKeyRole, productKey);
    item->setData(0, DeviceNameRole, deviceName);
    item->setData(0, MessageIdRole, messageId);
    item->setData(0, SuggestedCodeRole, suggestedCode);
    if (!m_waiting->currentItem())
        m_waiting->setCurrentItem(item);
    updateCounts();
    updateButtons();
}

bool CloudPanel::replyToSelected()
{
    QTreeWidgetItem* item = m_waiting->currentItem();
    if (!item && m_waiting->topLevelItemCount() > 0)
        item = m_waiting->topLevelItem(0);
    if (!item)
        return false;
    const QString productKey = item->data(0, ProductKeyRole).toString();
    const QString deviceName = item->data(0, DeviceNameRole).toString();
    const QString messageId = item->data(0, MessageIdRole).toString();
    const int code = m_replyCode->currentData().toInt();
    const QString exchange = keyOf(productKey, deviceName) + QLatin1Char('/') + messageId;
    m_operatorReplies.insert(exchange);
    if (auto error = m_session->reply(productKey, deviceName, messageId, code)) {
        m_operatorReplies.remove(exchange);
        showBanner(tr("%1/%2: no reply was sent to push %3: %4")
                       .arg(productKey, deviceName, messageId, error->message()),
                   Severity::Error);
        return false;
    }
    delete item;
    updateCounts();
    updateButtons();
    return true;
}

void CloudPanel::removeWaiting(const QString& productKey, const QString& deviceName)
{
    for (int i = m_waiting->topLevelItemCount() - 1; i >= 0; --i) {
        QTreeWidgetItem* item = m_waiting->topLevelItem(i);
        if (item->data(0, ProductKeyRole).toString() == productKey &&
            item->data(0, DeviceNameRole).toString() == deviceName)
            delete item;
    }
}

void CloudPanel::onVerified(const QString& productKey, const QString& deviceName,
                            const Alink::ConfigFile& file, const QByteArray& content,
                            const QString& previousSha256, const QString& diffSummary,
                            const QString& storedError)
{
    const QString key = keyOf(productKey, deviceName);
    const QString sha = Transfer::Sha256Stream::hash(content);
    // The configId of the version held before, when the table knew it (from the workspace or a download).
    QString previousConfigId;
    if (const int row = m_model->rowOf(productKey, deviceName); row >= 0) {
        const CloudDeviceRow& held = m_model->rowAt(row);
        if (!previousSha256.isEmpty() && held.sha256.compare(previousSha256, Qt::CaseInsensitive) == 0 &&
            !previousSha256.startsWith(held.configId, Qt::CaseInsensitive))
            previousConfigId = held.configId;
    }
    m_model->setHeld(productKey, deviceName, file.configId, sha);

    Change change;
    change.after = content;
    // Some platforms use the digest as the configId: once is enough.
    if (file.configId.isEmpty() || sha.startsWith(file.configId, Qt::CaseInsensitive))
        change.afterName = file.configId.isEmpty() ? sha.left(12) : file.configId;
    else
        change.afterName = tr("%1 (%2)").arg(file.configId, sha.left(12));
    if (previousSha256.isEmpty()) {
        change.first = true;
        change.beforeName = tr("nothing held before");
        change.summary = tr("%1/%2 downloaded and verified %3 (%4 bytes); it held no configuration before.")
                             .arg(productKey, deviceName, file.configId)
                             .arg(content.size());
    } else {
        // The content held before: the one this panel saw verified last, or the workspace's stored version.
        bool found = false;
        const auto held = m_heldContent.constFind(key);
        if (held != m_heldContent.cend() &&
            Transfer::Sha256Stream::hash(*held).compare(previousSha256, Qt::CaseInsensitive) == 0) {
            change.before = *held;
            found = true;
        } else if (m_workspace) {
            // A failed read counts as "not stored": the change is still shown, without its "before".
            if (const auto version = m_workspace->versions().find(previousSha256.toLower());
                version && version->has_value()) {
                change.before = (*version)->content;
                found = true;
            } else if (!version) {
                qCWarning(lcCloudUi) << "previous version unreadable:" << version.error().message();
            }
        }
        const QString before = previousConfigId.isEmpty()
                                   ? previousSha256.left(12)
                                   : tr("%1, %2").arg(previousConfigId, previousSha256.left(12));
        change.beforeName =
            found ? tr("held before (%1)").arg(before) : tr("held before (%1, not stored)").arg(before);
        change.summary = tr("%1/%2 downloaded and verified %3 (%4 bytes): %5")
                             .arg(productKey, deviceName, file.configId)
                             .arg(content.size())
                             .arg(diffSummary);
    }
    m_heldContent.insert(key, content);
    m_changes.insert(key, change);
    showChange(key);
    if (!storedError.isEmpty())
        showBanner(tr("%1/%2: %3 verified but not kept in the workspace: %4")
                       .arg(productKey, deviceName, file.configId, storedError),
                   Severity::Warning);
}

void CloudPanel::showChange(const QString& key)
{
    const auto it = m_changes.constFind(key);
    if (it == m_changes.cend())
        return;
    m_shownChange = key;
    m_changesBox->setTitle(tr("Changes: %1").arg(key));
    m_diffSummary->setText(it->summary);
    Diff::ConfigDiffOptions options;
    options.structural = !it->first;
    m_diff->setOptions(options);
    if (m_indentJson->isChecked())
        m_diff->setContents(prettyJson(it->before), prettyJson(it->after), it->beforeName, it->afterName);
    else
        m_diff->setContents(it->before, it->after, it->beforeName, it->afterName);
    m_diff->show();
}

void CloudPanel::onStateUpdate(const Store::DeviceStateUpdate& update)
{
    if (m_model->rowOf(update.productKey, update.deviceName) >= 0) {
        if (update.lastReplyCode)
            m_model->setCode(update.productKey, update.deviceName, *update.lastReplyCode,
                             update.replySource.value_or(Alink::ReplySource::Device));
        if (update.configId && update.sha256)
            m_model->setHeld(update.productKey, update.deviceName, *update.configId, *update.sha256);
        if (update.lastMessageTime)
            m_model->setLastEvent(update.productKey, update.deviceName, *update.lastMessageTime);
    }
    if (m_recorder)
        m_recorder->recordState(update);
    emit stateChanged(update);
}

void CloudPanel::updateCounts()
{
    int online = 0;
    int refused = 0;
    int kicked = 0;
    int connecting = 0;
    for (const CloudDeviceRow& row : m_model->rows()) {
        switch (m_session->deviceState(row.productKey, row.deviceName)) {
        case CloudDeviceState::Online:
            ++online;
            break;
        case CloudDeviceState::Refused:
            ++refused;
            break;
        case CloudDeviceState::Kicked:
            ++kicked;
            break;
        case CloudDeviceState::Waiting:
        case CloudDeviceState::Connecting:
            ++connecting;
            break;
        case CloudDeviceState::Stopped:
            break;
        }
    }
    const int count = m_model->rowCount();
    if (count == 0) {
        m_counts->setText(
            tr("Not connected. Select devices in the fleet table, then Fleet > Connect as these "
               "devices on Alibaba Cloud…"));
    } else {
        // "name: count" reads right for any count without plural forms.
        QStringList parts{tr("Identities: %1").arg(count), tr("online: %1").arg(online)};
        if (connecting)
            parts << tr("connecting: %1").arg(connecting);
        if (refused)
            parts << tr("refused: %1").arg(refused);
        if (kicked)
            parts << tr("kicked offline: %1").arg(kicked);
        if (const int waiting = m_waiting->topLevelItemCount())
            parts << tr("waiting for your reply: %1").arg(waiting);
        m_counts->setText(parts.join(QStringLiteral(" · ")));
    }
    emit onlineCountChanged(online);
}

void CloudPanel::updateButtons()
{
    const int online = m_session->onlineCount();
    m_requestButton->setEnabled(online > 0);
    bool anyActive = false;
    for (const CloudDeviceRow& row : m_model->rows())
        anyActive = anyActive || isActive(m_session->deviceState(row.productKey, row.deviceName));
    m_disconnectButton->setEnabled(anyActive);
    const bool waiting = m_waiting->topLevelItemCount() > 0;
    m_waitingBox->setVisible(!m_autoReply->isChecked() || waiting);
    m_replyButton->setEnabled(waiting);
    m_replyCode->setEnabled(waiting);
}

void CloudPanel::showBanner(const QString& text, Severity severity)
{
    if (!m_bannerLines.contains(text))
        m_bannerLines << text;
    // The latest few; older ones are in the message log.
    while (m_bannerLines.size() > 6)
        m_bannerLines.removeFirst();
    if (m_banner->isHidden() || severity > m_bannerSeverity)
        m_bannerSeverity = severity;
    QString background = QStringLiteral("#e8f1fd");
    QString color = QStringLiteral("#123f7a");
    QString border = QStringLiteral("#c3d7f5");
    if (m_bannerSeverity == Severity::Error) {
        background = QStringLiteral("#fdecea");
        color = QStringLiteral("#8a1c1c");
        border = QStringLiteral("#f5c2c0");
    } else if (m_bannerSeverity == Severity::Warning) {
        background = QStringLiteral("#fff4e0");
        color = QStringLiteral("#6b4100");
        border = QStringLiteral("#f0d29a");
    }
    m_banner->setStyleSheet(QStringLiteral("#cloudBanner{background:%1;border:1px solid %3;border-radius:3px}"
                                           "#cloudBanner QLabel{color:%2}")
                                .arg(background, color, border));
    m_bannerText->setText(m_bannerLines.join(QLatin1Char('\n')));
    m_banner->show();
    qCInfo(lcCloudUi) << "banner:" << text;
}

void CloudPanel::clearBanner()
{
    m_bannerLines.clear();
    m_bannerText->clear();
    m_banner->hide();
    m_bannerSeverity = Severity::Info;
}

QString CloudPanel::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

QString CloudPanel::diffSummaryText() const
{
    return m_diffSummary->text();
}

QString CloudPanel::countsText() const
{
    return m_counts->text();
}

} // namespace ConfigDeck::Ui
