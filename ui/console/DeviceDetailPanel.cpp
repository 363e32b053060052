#include "DeviceDetailPanel.h"

#include "MessageLogView.h"
#include "session/ConsoleSession.h"
#include "store/FleetModel.h"
#include "store/Workspace.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

namespace {
QString shortSha(const QString& sha)
{
    return sha.left(12);
}
} // namespace

DeviceDetailPanel::DeviceDetailPanel(Session::ConsoleSession* session, Store::FleetModel* fleet,
                                     MessageLogModel* log, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_fleet(fleet)
    , m_title(new QLabel(this))
    , m_product(new QLabel(this))
    , m_device(new QLabel(this))
    , m_labels(new QLabel(this))
    , m_note(new QLabel(this))
    , m_secret(new QLineEdit(this))
    , m_reveal(new QPushButton(tr("Reveal…"), this))
    , m_online(new QLabel(this))
    , m_state(new QLabel(this))
    , m_config(new QLabel(this))
    , m_code(new QLabel(this))
    , m_held(new QListWidget(this))
    , m_compareWith(new QComboBox(this))
    , m_compare(new QPushButton(tr("Compare"), this))
    , m_messages(new MessageLogView(log, true, this))
{
    setObjectName(QStringLiteral("deviceDetail"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setText(tr("No device selected"));
    m_secret->setObjectName(QStringLiteral("deviceSecret"));
    m_secret->setReadOnly(true);
    m_secret->setText(kMask);
    m_reveal->setObjectName(QStringLiteral("revealSecret"));
    m_reveal->setToolTip(tr("Show the DeviceSecret in plain text (asks first)"));
    m_note->setWordWrap(true);
    m_config->setWordWrap(true);
    m_code->setWordWrap(true);
    m_code->setTextFormat(Qt::RichText);
    m_held->setObjectName(QStringLiteral("heldVersions"));
    m_held->setMaximumHeight(64);
    m_compareWith->setObjectName(QStringLiteral("compareWith"));
    // Long version labels must not widen the panel beyond its column.
    m_compareWith->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_compareWith->setMinimumContentsLength(16);
    m_compare->setObjectName(QStringLiteral("compareButton"));
    for (QLabel* label : {m_product, m_device, m_config})
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* identity = new QGroupBox(tr("Identity"), this);
    auto* identityForm = new QFormLayout(identity);
    identityForm->addRow(tr("ProductKey"), m_product);
    identityForm->addRow(tr("DeviceName"), m_device);
    auto* secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret);
    secretRow->addWidget(m_reveal);
    identityForm->addRow(tr("DeviceSecret"), secretRow);
    identityForm->addRow(tr("Labels"), m_labels);
    identityForm->addRow(tr("Simulated as"), m_note);

    auto* state = new QGroupBox(tr("Configuration"), this);
    auto* stateForm = new QFormLayout(state);
    stateForm->addRow(tr("Connection"), m_online);
    stateForm->addRow(tr("State"), m_state);
    stateForm->addRow(tr("Holds"), m_config);
    stateForm->addRow(tr("Last code"), m_code);
    stateForm->addRow(tr("Versions held"), m_held);
    auto* compareRow = new QHBoxLayout;
    compareRow->addWidget(m_compareWith, 1);
    compareRow->addWidget(m_compare);
    stateForm->addRow(tr("Compare with"), compareRow);

    auto* messages = new QGroupBox(tr("Messages"), this);
    auto* messagesLayout = new QVBoxLayout(messages);
    messagesLayout->addWidget(m_messages);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(identity);
    layout->addWidget(state);
    layout->addWidget(messages, 1);

    connect(m_reveal, &QPushButton::clicked, this, [this] {
        if (m_revealed)
            hideSecret();
        else
            revealSecret();
    });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const QString to = m_compareWith->currentData().toString();
        const int row = m_fleet->rowOf(m_productKey, m_deviceName);
        const QString held = row >= 0 ? m_fleet->rowAt(row).sha256 : QString();
        QString from = held;
        if (from.isEmpty()) {
            const auto published = m_session->publishedSha256(m_productKey);
            if (!published) {
                QMessageBox::warning(this, tr("Compare"), published.error().message());
                return;
            }
            from = *published;
        }
        if (!to.isEmpty() && !from.isEmpty())
            emit compareRequested(m_productKey, from, to);
    });
    setEnabled(false);
}

void DeviceDetailPanel::showDevice(const QString& productKey, const QString& deviceName)
{
    if (productKey != m_productKey || deviceName != m_deviceName)
        hideSecret();
    m_productKey = productKey;
    m_deviceName = deviceName;
    setEnabled(!productKey.isEmpty());
    // An empty device filter means every device: with none selected there are no messages to show.
    m_messages->setDeviceFilter(productKey.isEmpty() ? QString() : productKey + u'/' + deviceName);
    m_messages->setVisible(!productKey.isEmpty());
    fillVersions();
    refresh();
}

void DeviceDetailPanel::fillVersions()
{
    m_compareWith->clear();
    Store::Workspace* workspace = m_session ? m_session->workspace() : nullptr;
    if (!workspace || m_productKey.isEmpty())
        return;
    const auto published = m_session->publishedSha256(m_productKey);
    const auto versions = workspace->versions().list(m_productKey);
    if (!published || !versions) {
        // Shown where the versions would be; without a SHA-256 it cannot be compared with.
        m_compareWith->addItem(published ? versions.error().message() : published.error().message());
        return;
    }
    for (const Store::ConfigVersion& version : *versions) {
        QString text = QStringLiteral("%1 (%2)").arg(version.label, shortSha(version.sha256));
        if (version.sha256 == *published)
            text += u' ' + tr("published");
        m_compareWith->addItem(text, version.sha256);
    }
}

void DeviceDetailPanel::refresh()
{
    Store::Workspace* workspace = m_session ? m_session->workspace() : nullptr;
    if (!workspace || m_productKey.isEmpty()) {
        m_title->setText(tr("No device selected"));
        return;
    }
    m_title->setText(m_deviceName);
    m_product->setText(m_productKey);
    m_device->setText(m_deviceName);
    const auto read = workspace->identities().device(m_productKey, m_deviceName);
    const std::optional<Store::DeviceRecord> record = read ? *read : std::nullopt;
    m_labels->setText(record ? record->labels.join(QStringLiteral(", ")) : QString());
    // A failed read says so where the note would be.
    m_note->setText(!read ? read.error().message() : record ? record->note : QString());
    if (!m_revealed)
        m_secret->setText(record && record->hasSecret ? kMask : tr("(none)"));
    m_reveal->setEnabled(record && record->hasSecret);

    const int row = m_fleet->rowOf(m_productKey, m_deviceName);
    if (row < 0)
        return;
    const Store::FleetModel::Row& state = m_fleet->rowAt(row);
    m_online->setText(state.online ? tr("● Online") : tr("○ Offline"));
    m_online->setStyleSheet(state.online ? QStringLiteral("color:#2e9d4f") : QString());
    m_state->setText(Store::FleetModel::stateName(state.state));
    auto versionLabel = [workspace](const QString& sha) {
        const auto version = workspace->versions().find(sha);
        if (!version)
            return tr("%1 (%2)").arg(shortSha(sha), version.error().message());
        return version->has_value() ? QStringLiteral("%1 (%2)").arg((*version)->label, shortSha(sha))
                                    : shortSha(sha);
    };
    m_config->setText(!state.sha256.isEmpty() ? versionLabel(state.sha256) : tr("nothing known"));
    m_config->setToolTip(state.configId.isEmpty()
                             ? QString()
                             : tr("configId %1\nSHA-256 %2").arg(state.configId, state.sha256));
    if (state.hasCode) {
        const auto info = Alink::ReplyCodeCatalog::lookup(state.lastCode, state.replySource);
        const QString color = Alink::ReplyCodeCatalog::categoryColor(info.category);
        m_code->setText(QStringLiteral("<span style=\"background:%1;color:white\">&nbsp;%2&nbsp;</span> "
                                       "<b>%3</b><br><small>%4</small>")
                            .arg(color)
                            .arg(state.lastCode)
                            .arg(info.displayName().toHtmlEscaped(), info.displayMeaning().toHtmlEscaped()));
        m_code->setToolTip(info.displayMeaning());
    } else {
        m_code->setText(tr("no reply yet"));
        m_code->setToolTip({});
    }
    m_held->clear();
    if (const auto held = m_session->heldVersions(m_productKey, m_deviceName); !held) {
        m_held->addItem(held.error().message());
    } else {
        for (const QString& sha : *held)
            m_held->addItem(versionLabel(sha));
    }
    if (m_held->count() == 0)
        m_held->addItem(tr("none seen yet"));
}

bool DeviceDetailPanel::revealSecret()
{
    Store::Workspace* workspace = m_session ? m_session->workspace() : nullptr;
    if (!workspace || m_productKey.isEmpty())
        return false;
    const auto answer = QMessageBox::question(this, tr("Reveal DeviceSecret"),
                                              tr("Show the DeviceSecret of %1/%2 in plain text?\n\nAnyone "
                                                 "who can see your screen can then connect as "
                                                 "this device.")
                                                  .arg(m_productKey, m_deviceName),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    auto secret = workspace->identities().deviceSecret(m_productKey, m_deviceName);
    if (!secret) {
        QMessageBox::warning(this, tr("Reveal DeviceSecret"), secret.error().message());
        return false;
    }
    m_secret->setText(QString::fromUtf8(*secret));
    m_revealed = true;
    m_reveal->setText(tr("Hide"));
    return true;
}

void DeviceDetailPanel::hideSecret()
{
    m_revealed = false;
    m_secret->setText(kMask);
    m_reveal->setText(tr("Reveal…"));
}

} // namespace ConfigDeck::Ui
