// The real cloud panel, offscreen, against a stand-in for Alibaba Cloud IoT Platform on loopback: a TLS
// Mosquitto that checks the signed passwords of the test identities and the platform service answering as the
// cloud does. The panel is a view over a CloudWorkbench on a sealed workspace, as the console's session
// makes it.
#include "CloudDeviceModel.h"
#include "CloudPanel.h"
#include "CloudProfileDialog.h"
#include "CloudRig.h"
#include "DiffView.h"
#include "cloud/CloudSession.h"
#include "roles/WorkspaceRecorder.h"
#include "session/CloudWorkbench.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"
#include "support/GuiTestHelpers.h"
#include "support/StoredValue.h"
#include "transfer/Sha256Stream.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFont>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

#include <functional>

using namespace ConfigDeck;
using Cloud::CloudProfile;
using Cloud::CloudSession;
using ConfigDeck::TestSupport::answerNextMessageBox;
using ConfigDeck::TestSupport::screenshot;
using ConfigDeck::TestSupport::whenShown;
using Session::CloudWorkbench;
using Tests::CloudRig;
using Ui::CloudDeviceModel;
using Ui::CloudPanel;

namespace {

const QString kProduct = QStringLiteral("a1CloudPanel");
const QByteArray kConfigV1 = "{\"reportInterval\":60,\"server\":\"mqtt.example.com\",\"features\":[1,2,3]}";
const QByteArray kConfigV2 =
    "{\"reportInterval\":30,\"server\":\"mqtt.example.com\",\"features\":[1,2,3],\"debug\":true}";

Alink::DeviceIdentity identity(int index)
{
    return {kProduct, QStringLiteral("panel-dev-%1").arg(index), QStringLiteral("Secret%1pAnEl").arg(index)};
}

Alink::DeviceKey key(int index)
{
    return {kProduct, identity(index).deviceName};
}

} // namespace

class TestCloudPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void declinedWarningConnectsNothing();
    void connectsTwoIdentitiesAfterTheWarning();
    void requestShowsTheVerifiedVersionAndItsDiff();
    void manualReplySendsTheChosenCode();
    void platform6713IsExplained();
    void wrongSecretIsRefusedInWords();
    void kickedOfflineIsShown();
    void disconnectAllThenConnectAfresh();
    void profileDialogPersistsThroughSettings();
    void unusableSavedProfileIsReported();
    void changingWorkspaceEndsConnections();

private:
    int rowOf(int index) const { return m_panel->model()->rowOf(kProduct, identity(index).deviceName); }
    QModelIndex cell(int index, int column) const { return m_panel->model()->index(rowOf(index), column); }
    QString stateText(int index) const
    {
        return cell(index, CloudDeviceModel::StateColumn).data().toString();
    }
    bool connectConfirmed(const QList<Alink::DeviceKey>& devices, QString* warning = nullptr);
    template <typename T>
    T* child(const char* name) const
    {
        T* found = m_panel->findChild<T*>(QLatin1StringView(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_workspaceDir;
    std::unique_ptr<CloudRig> m_rig;
    std::unique_ptr<Store::Workspace> m_workspace;
    std::unique_ptr<Roles::WorkspaceRecorder> m_recorder;
    std::unique_ptr<CloudWorkbench> m_workbench;
    std::unique_ptr<CloudPanel> m_panel;
};

void TestCloudPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfigDeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestCloudPanel"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    qRegisterMetaType<Alink::ConfigFile>();

    // Three identities registered on the "cloud"; the workspace holds a wrong secret for the third.
    m_rig = std::make_unique<CloudRig>(QList<Alink::DeviceIdentity>{identity(0), identity(1), identity(2)});
    QString error;
    QVERIFY2(m_rig->start(&error), qPrintable(error));
    Roles::PlatformProduct product;
    product.productKey = kProduct;
    m_rig->platform->setProduct(product);
    QVERIFY(m_rig->platform->publishConfig(kProduct, kConfigV2));

    auto opened = Store::Workspace::open(m_workspaceDir.filePath(QStringLiteral("cloud.configdeck")));
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
    m_workspace = std::move(*opened);
    m_workspace->keys().setSealer(std::make_shared<Store::SecretSealer>(Store::SecretSealer::randomKey()));
    for (int i = 0; i < 3; ++i) {
        const QByteArray secret = i == 2 ? QByteArray("not-the-secret") : identity(i).deviceSecret.toUtf8();
        QVERIFY(m_workspace->identities().addDevice(
            Store::DeviceRecord{kProduct, identity(i).deviceName, {}, {}, true}, secret));
    }
    // The first identity is known to hold version 1: the first download is compared with it.
    const auto v1 = m_workspace->versions().add(kConfigV1, kProduct, QStringLiteral("cfg-v1"),
                                                Store::ConfigOrigin::Downloaded);
    QVERIFY(v1);
    Store::DeviceStateUpdate held;
    held.productKey = kProduct;
    held.deviceName = identity(0).deviceName;
    held.configId = QStringLiteral("cfg-v1");
    held.sha256 = *v1;
    QVERIFY(m_workspace->deviceStates().apply({held}));

    m_recorder = std::make_unique<Roles::WorkspaceRecorder>(m_workspace.get());
    m_workbench = std::make_unique<CloudWorkbench>(m_workspace.get(), m_recorder.get());
    m_panel = std::make_unique<CloudPanel>();
    m_panel->setWorkbench(m_workbench.get());
    m_panel->resize(1280, 820);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    m_panel->setProfile(m_rig->profile());
    m_workbench->session()->setClock([] { return CloudRig::kTimestamp; });
    m_panel->setDownloadCaCertificates(m_rig->downloadRoots());
    QVERIFY(m_panel->confirmsLiveIdentities());
    QCOMPARE(m_panel->maxConnecting(), 4);
    QVERIFY(m_panel->autoReply());
}

void TestCloudPanel::cleanupTestCase()
{
    m_panel.reset();
    m_workbench.reset(); // its connections end, then the recorder writes, before the workspace goes
    m_recorder.reset();
    m_workspace.reset();
    m_rig.reset();
}

bool TestCloudPanel::connectConfirmed(const QList<Alink::DeviceKey>& devices, QString* warning)
{
    QString text;
    answerNextMessageBox(QMessageBox::Yes, &text);
    const bool started = m_panel->connectAs(devices);
    if (warning)
        *warning = text;
    return started && text == CloudSession::liveIdentityWarning(int(devices.size()));
}

void TestCloudPanel::declinedWarningConnectsNothing()
{
    QString text;
    answerNextMessageBox(QMessageBox::No, &text);
    QVERIFY(!m_panel->connectAs({key(0)}));
    QVERIFY(text.contains(QStringLiteral("(1 in all)")));
    QCOMPARE(m_panel->model()->rowCount(), 0);
    QCOMPARE(m_workbench->session()->count(), 0);
    QVERIFY(m_panel->countsText().startsWith(QStringLiteral("Not connected")));
}

void TestCloudPanel::connectsTwoIdentitiesAfterTheWarning()
{
    QSignalSpy states(m_workbench.get(), &CloudWorkbench::stateChanged);
    QString warning;
    QVERIFY(connectConfirmed({key(0), key(1)}, &warning));
    QVERIFY2(warning.contains(QStringLiteral("(2 in all)")), qPrintable(warning));
    QVERIFY(warning.contains(QStringLiteral("disconnects")));
    QCOMPARE(m_panel->model()->rowCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(0), QStringLiteral("Online"), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(1), QStringLiteral("Online"), 15000);
    QVERIFY2(m_panel->bannerText().isEmpty(), qPrintable(m_panel->bannerText()));
    QVERIFY2(m_panel->countsText().contains(QStringLiteral("Identities: 2 · online: 2")),
             qPrintable(m_panel->countsText()));
    // What the workspace says the first one holds is shown from the start.
    QCOMPARE(cell(0, CloudDeviceModel::ConfigColumn).data().toString(),
             QStringLiteral("cfg-v1 · ") + Transfer::Sha256Stream::hash(kConfigV1).left(12));
    QVERIFY(cell(1, CloudDeviceModel::ConfigColumn).data().toString().isEmpty());
    // The agents' state changes are passed on for the main window's fleet table.
    QTRY_VERIFY(std::any_of(states.cbegin(), states.cend(), [](const QList<QVariant>& call) {
        const auto update = call.first().value<Store::DeviceStateUpdate>();
        return update.deviceName == identity(1).deviceName && update.online == true;
    }));
    QVERIFY(child<QPushButton>("cloudRequest")->isEnabled());
    QVERIFY(child<QPushButton>("cloudDisconnectAll")->isEnabled());
}

void TestCloudPanel::requestShowsTheVerifiedVersionAndItsDiff()
{
    QSignalSpy logged(m_workbench.get(), &CloudWorkbench::messageLogged);
    m_panel->table()->selectRow(rowOf(0));
    QCOMPARE(m_panel->selectedDevices(), QList<Alink::DeviceKey>{key(0)});
    QTest::mouseClick(child<QPushButton>("cloudRequest"), Qt::LeftButton);

    const QString sha2 = Transfer::Sha256Stream::hash(kConfigV2);
    QTRY_VERIFY_WITH_TIMEOUT(
        cell(0, CloudDeviceModel::ConfigColumn).data().toString().endsWith(sha2.left(12)), 10000);
    QTRY_VERIFY(cell(0, CloudDeviceModel::CodeColumn).data().toString().startsWith(QStringLiteral("200 ")));
    QVERIFY(!cell(0, CloudDeviceModel::LastEventColumn).data().toString().isEmpty());
    // Only the selected identity asked.
    QVERIFY(cell(1, CloudDeviceModel::ConfigColumn).data().toString().isEmpty());

    // The diff against version 1, which the workspace said it held.
    Ui::DiffView* diff = m_panel->diffView();
    QVERIFY(diff->isVisible());
    QTRY_VERIFY(!diff->isBusy());
    QVERIFY(diff->changeCount() > 0);
    QVERIFY2(diff->oldName().contains(QStringLiteral("cfg-v1, ") +
                                      Transfer::Sha256Stream::hash(kConfigV1).left(12)),
             qPrintable(diff->oldName()));
    QVERIFY2(diff->newName().contains(sha2.left(12)), qPrintable(diff->newName()));
    // Compact JSON is compared indented, one key per line; unticked, as the bytes came.
    QVERIFY2(diff->unifiedDiff().contains("+    \"debug\": true"), diff->unifiedDiff().constData());
    QVERIFY(diff->unifiedDiff().contains("-    \"reportInterval\": 60"));
    auto* indent = child<QCheckBox>("cloudIndentJson");
    QVERIFY(indent->isChecked());
    indent->click();
    QTRY_VERIFY(!diff->isBusy());
    QVERIFY(diff->unifiedDiff().contains("\"debug\":true"));
    indent->click();
    QTRY_VERIFY(!diff->isBusy());
    QVERIFY(diff->unifiedDiff().contains("\"debug\": true"));
    const QString summary = m_panel->diffSummaryText();
    QVERIFY2(summary.contains(identity(0).deviceName) && summary.contains(QStringLiteral("1 changed")) &&
                 summary.contains(QStringLiteral("1 added")),
             qPrintable(summary));
    QCOMPARE(child<QGroupBox>("cloudChanges")->title(),
             QStringLiteral("Changes: %1/%2").arg(kProduct, identity(0).deviceName));
    // Stored in the workspace as a downloaded version.
    const auto stored = storedValue(m_workspace->versions().find(sha2));
    QVERIFY(stored);
    QCOMPARE(stored->origin, Store::ConfigOrigin::Downloaded);
    // The get and its reply are passed on for the main window's message log.
    auto sawTopic = [&logged](const QString& suffix) {
        return std::any_of(logged.cbegin(), logged.cend(), [&suffix](const QList<QVariant>& call) {
            return call.first().value<Store::MessageLogEntry>().topic.endsWith(suffix);
        });
    };
    QVERIFY(sawTopic(QStringLiteral("/thing/config/get")));
    QVERIFY(sawTopic(QStringLiteral("/thing/config/get_reply")));
    QVERIFY2(m_panel->bannerText().isEmpty(), qPrintable(m_panel->bannerText()));
    m_panel->table()->clearSelection();
    screenshot(m_panel.get(), QStringLiteral("cloud.png"));
}

void TestCloudPanel::manualReplySendsTheChosenCode()
{
    auto* autoReply = child<QCheckBox>("cloudAutoReply");
    auto* waitingBox = child<QGroupBox>("cloudWaitingBox");
    auto* waiting = m_panel->waitingList();
    QVERIFY(!waitingBox->isVisible());
    autoReply->click();
    QVERIFY(!m_panel->autoReply());
    QVERIFY(!m_workbench->session()->agentSettings().autoReply);
    QVERIFY(waitingBox->isVisible());
    QVERIFY(!child<QPushButton>("cloudReply")->isEnabled());

    QSignalSpy replied(m_rig->platform.get(), &Roles::PlatformService::pushReplied);
    QVERIFY(m_rig->platform->push(kProduct, {identity(1).deviceName}));
    QTRY_COMPARE_WITH_TIMEOUT(waiting->topLevelItemCount(), 1, 10000);
    QTreeWidgetItem* item = waiting->topLevelItem(0);
    QCOMPARE(item->text(0), kProduct + u'/' + identity(1).deviceName);
    QCOMPARE(item->text(2), QStringLiteral("verified"));
    const QString messageId = item->text(1);
    screenshot(m_panel.get(), QStringLiteral("cloud-waiting.png"));
    QVERIFY(m_panel->countsText().contains(QStringLiteral("waiting for your reply: 1")));
    // Nothing is answered until the operator does.
    QTest::qWait(300);
    QVERIFY(replied.isEmpty());

    // The chooser offers 200 and the device-defined codes, each with its name.
    QComboBox* codes = m_panel->replyCodeChooser();
    QCOMPARE(codes->currentData().toInt(), 200); // the suggestion: it verified
    QCOMPARE(codes->itemText(0), QStringLiteral("200 Success"));
    const int downloadFailed = codes->findData(int(Alink::ReplyCodeCatalog::DownloadFailed));
    QVERIFY(downloadFailed > 0);
    QCOMPARE(codes->itemText(downloadFailed), QStringLiteral("100001 Download failed"));
    QVERIFY(codes->findData(int(Alink::ReplyCodeCatalog::DeviceBusy)) > 0);
    QCOMPARE(codes->findData(6713), -1);
    codes->setCurrentIndex(downloadFailed);
    QTest::mouseClick(child<QPushButton>("cloudReply"), Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 10000);
    QCOMPARE(replied.first().at(1).toString(), identity(1).deviceName);
    QCOMPARE(replied.first().at(2).toString(), messageId);
    QCOMPARE(replied.first().at(3).toInt(), 100001);
    QCOMPARE(waiting->topLevelItemCount(), 0);
    QTRY_COMPARE(cell(1, CloudDeviceModel::CodeColumn).data().toString(),
                 QStringLiteral("100001 Download failed"));
    // The operator's own choice is not reported back to them as a problem.
    QTest::qWait(200);
    QVERIFY2(m_panel->bannerText().isEmpty(), qPrintable(m_panel->bannerText()));

    autoReply->click();
    QVERIFY(m_workbench->session()->agentSettings().autoReply);
    QVERIFY(!waitingBox->isVisible());
    child<QToolButton>("cloudBannerDismiss")->click();
}

void TestCloudPanel::platform6713IsExplained()
{
    QVERIFY(m_panel->bannerText().isEmpty());
    m_rig->platform->setRemoteConfigEnabled(kProduct, false);
    m_panel->requestConfig({key(0)});
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->bannerText().contains(CloudProfile::advice(6713)), 10000);
    QVERIFY(m_panel->bannerText().contains(QStringLiteral("the platform answered 6713 (")));
    QVERIFY(child<QFrame>("cloudBanner")->isVisible());
    QVERIFY(cell(0, CloudDeviceModel::CodeColumn).data().toString().startsWith(QStringLiteral("6713 ")));
    m_rig->platform->setRemoteConfigEnabled(kProduct, true);
    child<QToolButton>("cloudBannerDismiss")->click();
    QVERIFY(m_panel->bannerText().isEmpty());
}

void TestCloudPanel::wrongSecretIsRefusedInWords()
{
    QString warning;
    QVERIFY(connectConfirmed({key(2)}, &warning));
    QVERIFY(warning.contains(QStringLiteral("(1 in all)")));
    // Added to the two online identities.
    QCOMPARE(m_panel->model()->rowCount(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(2), QStringLiteral("Refused"), 15000);
    const QString tooltip = cell(2, CloudDeviceModel::StateColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.contains(QStringLiteral("not authorized")) ||
                 tooltip.contains(QStringLiteral("bad user name or password")),
             qPrintable(tooltip));
    QVERIFY(tooltip.contains(QStringLiteral("DeviceSecret")));
    QVERIFY(cell(2, CloudDeviceModel::StateColumn).data(Qt::FontRole).value<QFont>().bold());
    const QString banner = m_panel->bannerText();
    QVERIFY2(banner.contains(identity(2).deviceName + QStringLiteral(" was refused")) &&
                 banner.contains(QStringLiteral("check the DeviceSecret")) &&
                 !banner.contains(QStringLiteral("..")),
             qPrintable(banner));
    QVERIFY(m_panel->countsText().contains(QStringLiteral("refused: 1")));
    QCOMPARE(stateText(0), QStringLiteral("Online"));
    child<QToolButton>("cloudBannerDismiss")->click();
}

void TestCloudPanel::kickedOfflineIsShown()
{
    // The "real device" comes online with the same identity: the platform drops ConfigDeck's connection.
    const auto options = m_rig->profile().connectOptions(identity(1), CloudRig::kTimestamp);
    QVERIFY(options);
    Transport::MosquittoConnection device;
    QVERIFY(!device.connectToBroker(*options));
    QTRY_VERIFY_WITH_TIMEOUT(device.isConnected(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(1), QStringLiteral("Kicked offline"), 10000);
    QVERIFY(cell(1, CloudDeviceModel::StateColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("another client may have connected")));
    QVERIFY2(m_panel->bannerText().contains(identity(1).deviceName + QStringLiteral(" was kicked offline")),
             qPrintable(m_panel->bannerText()));
    QVERIFY(m_panel->countsText().contains(QStringLiteral("kicked offline: 1")));
    screenshot(m_panel.get(), QStringLiteral("cloud-kicked.png"));
    // ConfigDeck does not come back on its own and kick the device in turn.
    QTest::qWait(1000);
    QVERIFY(device.isConnected());
    QCOMPARE(stateText(1), QStringLiteral("Kicked offline"));
    device.disconnectFromBroker();
    QTRY_VERIFY(!device.isConnected());

    // Connecting as it again is the operator's choice.
    QVERIFY(connectConfirmed({key(1)}));
    QTRY_COMPARE_WITH_TIMEOUT(stateText(1), QStringLiteral("Online"), 15000);
    QCOMPARE(m_panel->model()->rowCount(), 3);
    QVERIFY(m_panel->bannerText().isEmpty());
}

void TestCloudPanel::disconnectAllThenConnectAfresh()
{
    QTest::mouseClick(child<QPushButton>("cloudDisconnectAll"), Qt::LeftButton);
    QTRY_COMPARE(stateText(0), QStringLiteral("Offline"));
    QTRY_COMPARE(stateText(1), QStringLiteral("Offline"));
    QCOMPARE(stateText(2), QStringLiteral("Refused"));
    QVERIFY(!child<QPushButton>("cloudRequest")->isEnabled());
    QVERIFY(!child<QPushButton>("cloudDisconnectAll")->isEnabled());

    // Nothing is active any more: the next connection starts a fresh table.
    QVERIFY(connectConfirmed({key(0)}));
    QCOMPARE(m_panel->model()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(0), QStringLiteral("Online"), 15000);
    QCOMPARE(m_workbench->session()->count(), 1);
    // The panel recorded what the identity holds now in the workspace: version 2, shown from the start.
    const QString sha2 = Transfer::Sha256Stream::hash(kConfigV2);
    const auto held = storedValue(m_workspace->deviceStates().state(kProduct, identity(0).deviceName));
    QVERIFY(held);
    QCOMPARE(held->sha256, sha2);
    QVERIFY(cell(0, CloudDeviceModel::ConfigColumn).data().toString().endsWith(sha2.left(12)));
    QVERIFY(!storedValue(m_workspace->messageLog().entries(kProduct, identity(0).deviceName)).isEmpty());
}

void TestCloudPanel::profileDialogPersistsThroughSettings()
{
    const CloudProfile before = m_panel->profile();
    QVERIFY(!QSettings().value(QLatin1StringView(CloudPanel::kSettingsKey)).toString().isEmpty());

    // Through the Profile… button: the dialog opens with the current profile and a preview of a device.
    bool seen = false;
    QString preview;
    whenShown<Ui::CloudProfileDialog>([&](Ui::CloudProfileDialog* dialog) {
        seen = true;
        preview = dialog->previewText();
        dialog->findChild<QSpinBox*>(QStringLiteral("cloudKeepAlive"))->setValue(90);
        dialog->accept();
    });
    QVERIFY(m_panel->editProfile());
    QVERIFY(seen);
    QVERIFY2(preview.contains(identity(0).deviceName + u'&' + kProduct), qPrintable(preview));
    QCOMPARE(m_panel->profile().keepAliveSeconds, 90);
    CloudProfile expected = before;
    expected.keepAliveSeconds = 90;
    QVERIFY(m_panel->profile() == expected);
    QVERIFY(child<QLabel>("cloudProfileSummary")->text().contains(QStringLiteral("keep-alive 90 s")));

    // Saved as JSON under Cloud/profile, and read back by a new panel.
    const QString saved = QSettings().value(QLatin1StringView(CloudPanel::kSettingsKey)).toString();
    const QJsonObject json = QJsonDocument::fromJson(saved.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("keepAlive")).toInt(), 90);
    QCOMPARE(json.value(QStringLiteral("host")).toString(), m_rig->broker->host());
    CloudPanel reopened;
    QVERIFY(reopened.profile() == expected);
    QVERIFY(reopened.bannerText().isEmpty());

    // Cancelled: nothing changes.
    whenShown<Ui::CloudProfileDialog>([](Ui::CloudProfileDialog* dialog) { dialog->reject(); });
    QVERIFY(!m_panel->editProfile());
    QVERIFY(m_panel->profile() == expected);
}

void TestCloudPanel::unusableSavedProfileIsReported()
{
    QSettings settings;
    const QVariant kept = settings.value(QLatin1StringView(CloudPanel::kSettingsKey));
    settings.setValue(QLatin1StringView(CloudPanel::kSettingsKey),
                      QStringLiteral("{\"keepAlive\": 5, \"instanceId\": \"iot-1\"}"));
    {
        CloudPanel panel;
        QVERIFY2(panel.bannerText().contains(QStringLiteral("cannot be used")) &&
                     panel.bannerText().contains(QStringLiteral("outside 30-1200")),
                 qPrintable(panel.bannerText()));
        QVERIFY(panel.profile() == CloudProfile{});
    }
    settings.setValue(QLatin1StringView(CloudPanel::kSettingsKey), QStringLiteral("not json"));
    {
        CloudWorkbench workbench(m_workspace.get(), m_recorder.get());
        CloudPanel panel;
        panel.setWorkbench(&workbench);
        QVERIFY(panel.bannerText().contains(QStringLiteral("not JSON")));
        // Without a usable profile, connecting opens the dialog first; cancelled, nothing connects.
        bool seen = false;
        QString preview;
        whenShown<Ui::CloudProfileDialog>([&](Ui::CloudProfileDialog* dialog) {
            seen = true;
            preview = dialog->previewText();
            dialog->reject();
        });
        QVERIFY(!panel.connectAs({key(0)}));
        QVERIFY(seen);
        QVERIFY2(preview.contains(QStringLiteral("Client ID: —")), qPrintable(preview));
        QCOMPARE(workbench.session()->count(), 0);
        QCOMPARE(panel.model()->rowCount(), 0);
    }
    settings.setValue(QLatin1StringView(CloudPanel::kSettingsKey), kept);
}

void TestCloudPanel::changingWorkspaceEndsConnections()
{
    QVERIFY(m_panel->model()->rowCount() > 0);
    QVERIFY(m_panel->diffView()->isVisible());
    // The workbench goes with its workspace (ConsoleSession does this at workspaceAboutToClose): the view
    // lets go of it and shows nothing of it.
    m_workbench.reset();
    QCOMPARE(m_panel->workbench(), nullptr);
    QCOMPARE(m_panel->model()->rowCount(), 0);
    QVERIFY(!m_panel->diffView()->isVisible());
    QVERIFY(m_panel->countsText().startsWith(QStringLiteral("Not connected")));
    QVERIFY(!child<QPushButton>("cloudDisconnectAll")->isEnabled());
    // Without a workspace there is no secret to connect with; said, and nothing starts.
    QVERIFY(!m_panel->connectAs({key(0)}));
    QVERIFY(m_panel->bannerText().contains(QStringLiteral("no workspace is open")));

    // A new workbench takes the panel's preferences; a locked workspace gives no secret.
    m_panel->setAutoReply(false);
    m_workbench = std::make_unique<CloudWorkbench>(m_workspace.get(), m_recorder.get());
    m_panel->setWorkbench(m_workbench.get());
    QVERIFY(!m_workbench->autoReply());
    QCOMPARE(m_workbench->maxConnecting(), m_panel->maxConnecting());
    QVERIFY(m_panel->bannerText().isEmpty());
    m_workspace->keys().setSealer(nullptr);
    QVERIFY(!m_panel->connectAs({key(0)}));
    QVERIFY(m_panel->bannerText().contains(QStringLiteral("locked")));
    QCOMPARE(m_workbench->session()->count(), 0);
}

QTEST_MAIN(TestCloudPanel)
#include "TestCloudPanel.moc"
