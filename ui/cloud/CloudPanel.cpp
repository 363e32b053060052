#include "CloudPanel.h"

#include "CloudDeviceModel.h"
#include "CloudProfileDialog.h"
#include "CloudUiLog.h"
#include "DiffView.h"
#include "JsonHighlight.h"
#include "ReplyCodeBadgeDelegate.h"
#include "alink/ReplyCodeCatalog.h"
#include "cloud/CloudSession.h"

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
#include <QSignalBlocker>
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

QString codeText(int code, Alink::ReplySource source)
{
    return QStringLiteral("%1 %2").arg(code).arg(ReplyCodeCatalog::lookup(code, source).displayName());
}

} // namespace

CloudPanel::CloudPanel(QWidget* parent)
    : QWidget(parent)
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
        if (!m_shownChange.deviceName.isEmpty())
            showChange(m_shownChange.productKey, m_shownChange.deviceName);
    });
    connect(m_requestButton, &QPushButton::clicked, this, &CloudPanel::requestConfigForSelection);
    connect(m_disconnectButton, &QPushButton::clicked, this, &CloudPanel::disconnectAll);
    connect(m_profileButton, &QPushButton::clicked, this, &CloudPanel::editProfile);
    connect(m_autoReply, &QCheckBox::toggled, this, [this](bool on) {
        if (m_workbench)
            m_workbench->setAutoReply(on);
        updateButtons();
    });
    connect(m_maxConnecting, &QSpinBox::valueChanged, this, [this](int count) {
        if (m_workbench)
            m_workbench->setMaxConnecting(count);
    });
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
                if (m_shownChange != Alink::DeviceKey{row.productKey, row.deviceName})
                    showChange(row.productKey, row.deviceName);
            });

    loadProfile();
    updateCounts();
    updateButtons();
}

CloudPanel::~CloudPanel()
{
    // The workbench's last signals would reach widgets that are going.
    if (m_workbench)
        m_workbench->disconnect(this);
}

void CloudPanel::setConsoleSession(Session::ConsoleSession* session)
{
    connect(session, &Session::ConsoleSession::workspaceAboutToClose, this,
            [this] { setWorkbench(nullptr); });
    connect(session, &Session::ConsoleSession::workspaceOpened, this,
            [this, session] { setWorkbench(session->cloud()); });
    setWorkbench(session->cloud());
}

void CloudPanel::setWorkbench(Session::CloudWorkbench* workbench)
{
    // (m_workbench is null already when the one shown is being destroyed.)
    if (workbench && workbench == m_workbench)
        return;
    if (m_workbench)
        m_workbench->disconnect(this);
    m_workbench = workbench;
    m_model->clear();
    clearChange();
    // What the banner says is about the workbench that went (the first one keeps the profile's warnings).
    if (m_shownAWorkbench)
        clearBanner();
    m_shownAWorkbench = m_shownAWorkbench || m_workbench;
    if (m_workbench) {
        using Session::CloudWorkbench;
        m_workbench->setAutoReply(m_autoReply->isChecked());
        m_workbench->setMaxConnecting(m_maxConnecting->value());
        m_workbench->setDownloadCaCertificates(m_downloadRoots);
        for (const CloudDeviceRow& row : m_workbench->identities())
            m_model->setRow(row);
        connect(m_workbench, &CloudWorkbench::identityChanged, this, &CloudPanel::showIdentity);
        // Every connection has this panel as context, so that disconnect(this) ends them all.
        connect(m_workbench, &CloudWorkbench::identityRemoved, this,
                [this](const QString& productKey, const QString& deviceName) {
                    m_model->removeDevice(productKey, deviceName);
                });
        connect(m_workbench, &CloudWorkbench::awaitedRepliesChanged, this, &CloudPanel::showAwaitedReplies);
        connect(m_workbench, &CloudWorkbench::changeVerified, this, &CloudPanel::showChange);
        connect(m_workbench, &CloudWorkbench::notice, this, &CloudPanel::showBanner);
        connect(m_workbench, &CloudWorkbench::countsChanged, this, [this] {
            updateCounts();
            updateButtons();
        });
        // Destroyed with its workspace: the QPointer lets go, and so does the view.
        connect(m_workbench, &QObject::destroyed, this, [this] { setWorkbench(nullptr); });
    }
    showAwaitedReplies();
    updateCounts();
    updateButtons();
}

void CloudPanel::showIdentity(const QString& productKey, const QString& deviceName)
{
    if (const CloudDeviceRow* row = m_workbench ? m_workbench->identity(productKey, deviceName) : nullptr)
        m_model->setRow(*row);
}

void CloudPanel::showAwaitedReplies()
{
    // Keep the operator's choice of push when the list changes under it.
    QString current;
    if (QTreeWidgetItem* item = m_waiting->currentItem())
        current = item->text(WaitingDeviceColumn) + QLatin1Char('/') + item->text(WaitingIdColumn);
    const QSignalBlocker blocker(m_waiting);
    m_waiting->clear();
    QTreeWidgetItem* select = nullptr;
    const QList<Session::CloudAwaitedReply> awaited =
        m_workbench ? m_workbench->awaitedReplies() : QList<Session::CloudAwaitedReply>{};
    for (const Session::CloudAwaitedReply& reply : awaited) {
        auto* item = new QTreeWidgetItem(m_waiting);
        item->setText(WaitingDeviceColumn, reply.productKey + QLatin1Char('/') + reply.deviceName);
        item->setText(WaitingIdColumn, reply.messageId);
        const QString verification =
            reply.suggestedCode == ReplyCodeCatalog::kSuccess
                ? tr("verified")
                : tr("%1: %2").arg(codeText(reply.suggestedCode, Alink::ReplySource::Device), reply.reason);
        item->setText(WaitingVerificationColumn, verification);
        item->setToolTip(WaitingVerificationColumn, verification);
        item->setData(0, ProductKeyRole, reply.productKey);
        item->setData(0, DeviceNameRole, reply.deviceName);
        item->setData(0, MessageIdRole, reply.messageId);
        item->setData(0, SuggestedCodeRole, reply.suggestedCode);
        if (!select || item->text(WaitingDeviceColumn) + QLatin1Char('/') + reply.messageId == current)
            select = item;
    }
    if (select) {
        m_waiting->setCurrentItem(select);
        const int index = m_replyCode->findData(select->data(0, SuggestedCodeRole));
        if (index >= 0)
            m_replyCode->setCurrentIndex(index);
    }
    updateCounts();
    updateButtons();
}

void CloudPanel::clearChange()
{
    m_shownChange = {};
    m_diff->clear();
    m_diff->hide();
    m_changesBox->setTitle(tr("Changes"));
    m_diffSummary->setText(changesPlaceholder());
}

QString CloudPanel::changesPlaceholder()
{
    return tr("Each configuration an identity downloads and verifies appears here, compared with the version "
              "it held before.");
}

bool CloudPanel::connectAs(const QList<Alink::DeviceKey>& devices)
{
    if (devices.isEmpty()) {
        showBanner(tr("Choose the devices to connect as: select them in the fleet table, then Fleet > "
                      "Connect as these devices on Alibaba Cloud…"),
                   Severity::Info);
        return false;
    }
    if (!m_workbench) {
        showBanner(tr("Not connected: no workspace is open, and the DeviceSecrets are read from it."),
                   Severity::Error);
        return false;
    }
    const auto identities = m_workbench->identitiesOf(devices);
    if (!identities) {
        showBanner(tr("Not connected: %1").arg(identities.error().message()), Severity::Error);
        return false;
    }
    return connectAsIdentities(*identities);
}

bool CloudPanel::connectAsIdentities(const QList<Alink::DeviceIdentity>& identities)
{
    if (identities.isEmpty() || !m_workbench)
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
        // The workspace may close while the question is open.
        if (box.exec() != QMessageBox::Yes || !m_workbench)
            return false;
    }
    clearBanner();
    qCInfo(lcCloudUi) << "connecting as" << identities.size() << "identities";
    if (auto error = m_workbench->connectAs(m_profile, identities)) {
        showBanner(tr("Not connected: %1").arg(error->message()), Severity::Error);
        return false;
    }
    if (!m_profile.tls)
        showBanner(m_profile.warning(), Severity::Warning);
    return true;
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
    if (devices.isEmpty() && m_workbench) {
        for (const CloudDeviceRow& row : m_workbench->identities()) {
            if (m_workbench->session()->deviceState(row.productKey, row.deviceName) ==
                CloudDeviceState::Online)
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
    if (!m_workbench)
        return;
    const QStringList problems = m_workbench->requestConfig(devices);
    if (!problems.isEmpty())
        showBanner(tr("Not requested: %1").arg(problems.join(QLatin1Char(' '))), Severity::Warning);
}

void CloudPanel::disconnectAll()
{
    if (m_workbench)
        m_workbench->disconnectAll();
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
    return m_maxConnecting->value();
}

void CloudPanel::setMaxConnecting(int count)
{
    m_maxConnecting->setValue(count);
}

void CloudPanel::setDownloadCaCertificates(const QList<QSslCertificate>& certificates)
{
    m_downloadRoots = certificates;
    if (m_workbench)
        m_workbench->setDownloadCaCertificates(certificates);
}

bool CloudPanel::replyToSelected()
{
    QTreeWidgetItem* item = m_waiting->currentItem();
    if (!item && m_waiting->topLevelItemCount() > 0)
        item = m_waiting->topLevelItem(0);
    if (!item || !m_workbench)
        return false;
    const QString productKey = item->data(0, ProductKeyRole).toString();
    const QString deviceName = item->data(0, DeviceNameRole).toString();
    const QString messageId = item->data(0, MessageIdRole).toString();
    const int code = m_replyCode->currentData().toInt();
    if (auto error = m_workbench->reply(productKey, deviceName, messageId, code)) {
        showBanner(tr("%1/%2: no reply was sent to push %3: %4")
                       .arg(productKey, deviceName, messageId, error->message()),
                   Severity::Error);
        return false;
    }
    return true;
}

void CloudPanel::showChange(const QString& productKey, const QString& deviceName)
{
    const auto change = m_workbench ? m_workbench->change(productKey, deviceName) : std::nullopt;
    if (!change)
        return;
    m_shownChange = {productKey, deviceName};
    m_changesBox->setTitle(tr("Changes: %1/%2").arg(productKey, deviceName));
    m_diffSummary->setText(change->summary);
    Diff::ConfigDiffOptions options;
    options.structural = !change->first;
    m_diff->setOptions(options);
    if (m_indentJson->isChecked())
        m_diff->setContents(prettyJson(change->before), prettyJson(change->after), change->beforeName,
                            change->afterName);
    else
        m_diff->setContents(change->before, change->after, change->beforeName, change->afterName);
    m_diff->show();
}

void CloudPanel::updateCounts()
{
    const Session::CloudWorkbench::Counts counts =
        m_workbench ? m_workbench->counts() : Session::CloudWorkbench::Counts{};
    if (counts.identities == 0) {
        m_counts->setText(
            tr("Not connected. Select devices in the fleet table, then Fleet > Connect as these "
               "devices on Alibaba Cloud…"));
    } else {
        // "name: count" reads right for any count without plural forms.
        QStringList parts{tr("Identities: %1").arg(counts.identities), tr("online: %1").arg(counts.online)};
        if (counts.connecting)
            parts << tr("connecting: %1").arg(counts.connecting);
        if (counts.refused)
            parts << tr("refused: %1").arg(counts.refused);
        if (counts.kicked)
            parts << tr("kicked offline: %1").arg(counts.kicked);
        if (counts.waitingForReply)
            parts << tr("waiting for your reply: %1").arg(counts.waitingForReply);
        m_counts->setText(parts.join(QStringLiteral(" · ")));
    }
    emit onlineCountChanged(counts.online);
}

void CloudPanel::updateButtons()
{
    m_requestButton->setEnabled(m_workbench && m_workbench->session()->onlineCount() > 0);
    m_disconnectButton->setEnabled(m_workbench && m_workbench->anyActive());
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
