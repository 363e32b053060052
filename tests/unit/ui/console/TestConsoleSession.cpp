// The console's session as a user goes through it, offscreen: the Demo open, an identity connected in the
// Cloud tab (against the TLS Mosquitto stand-in for Alibaba Cloud), devices imported from a CSV file, the
// Demo reset and another workspace opened, then connected again. Each reopen destroys a workspace while the
// Cloud tab holds connections made with its secrets; before the Cloud tab followed the session, this
// sequence used a destroyed Workspace (a crash; run under AddressSanitizer in CI, see the `asan` preset).
#include "CloudDeviceModel.h"
#include "CloudPanel.h"
#include "CloudRig.h"
#include "CsvImportDialog.h"
#include "FleetView.h"
#include "MainWindow.h"
#include "session/CloudWorkbench.h"
#include "session/ConsoleSession.h"
#include "store/FleetModel.h"
#include "store/Workspace.h"
#include "support/GuiTestHelpers.h"
#include "support/StoredValue.h"
#include "transfer/Sha256Stream.h"

#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using Session::ConsoleSession;
using Tests::CloudRig;
using TestSupport::answerNextMessageBox;
using Ui::CloudDeviceModel;
using Ui::MainWindow;

namespace {

// Two devices of the Demo's own product, as a CSV of real identities would bring them.
const QString kProduct = QStringLiteral("a1Thermo");
Alink::DeviceIdentity imported(int index)
{
    return {kProduct, QStringLiteral("field-unit-%1").arg(index),
            QStringLiteral("0123456789abcdef0123456789abcd%1").arg(index, 2, 10, QLatin1Char('0'))};
}

ConsoleSession::Options demoOptions()
{
    return ConsoleSession::Options{}; // the Demo: made under the Demo's passphrase
}

// A workspace of one's own at `path`: made under a test passphrase the first time, opened with it after.
ConsoleSession::Options namedOptions(const QString& path)
{
    const QString passphrase = QStringLiteral("console session test passphrase");
    ConsoleSession::Options options;
    options.workspacePath = path;
    options.create = Session::WorkspaceProtection::withPassphrase(passphrase);
    options.passphrase = passphrase;
    return options;
}

} // namespace

class TestConsoleSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void connectImportResetReopenConnect();

private:
    // Connects as the device through the fleet table and Fleet > Connect as these devices…, confirming
    // the warning; true once the Cloud tab shows it online.
    bool connectOnCloud(const Alink::DeviceKey& device);
    // Imports the CSV into the workspace at `path`, opened through the session. (When the Demo offers a new
    // workspace for an import, this is the step that changes.)
    void importIntoWorkspace(const QString& path, const QString& csv);
    QString stateText(const Alink::DeviceKey& device) const;
    // The Cloud tab shows the session's current workbench, and nothing of an earlier one.
    void verifyCloudTabFollowsTheSession() const;

    QTemporaryDir m_dir;
    std::unique_ptr<CloudRig> m_rig;
    std::unique_ptr<MainWindow> m_window;
};

void TestConsoleSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfigDeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestConsoleSession"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    qRegisterMetaType<Alink::ConfigFile>();
    // A Demo left by an earlier run would hold other secrets.
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(ConsoleSession::defaultWorkspacePath() + suffix);

    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestConsoleSession::cleanupTestCase()
{
    m_window.reset();
    m_rig.reset();
}

QString TestConsoleSession::stateText(const Alink::DeviceKey& device) const
{
    CloudDeviceModel* model = m_window->cloudPanel()->model();
    const int row = model->rowOf(device.productKey, device.deviceName);
    return row < 0 ? QString() : model->index(row, CloudDeviceModel::StateColumn).data().toString();
}

void TestConsoleSession::verifyCloudTabFollowsTheSession() const
{
    Session::CloudWorkbench* workbench = m_window->session()->cloud();
    QVERIFY(workbench);
    QCOMPARE(m_window->cloudPanel()->workbench(), workbench);
    QCOMPARE(m_window->cloudPanel()->model()->rowCount(), int(workbench->identities().size()));
    // The password the rig expects is signed for a fixed timestamp.
    workbench->session()->setClock([] { return CloudRig::kTimestamp; });
}

bool TestConsoleSession::connectOnCloud(const Alink::DeviceKey& device)
{
    m_window->showFleet();
    m_window->fleetView()->selectDevice(device.productKey, device.deviceName);
    if (m_window->fleetView()->selectedDevices() != QList<Alink::DeviceKey>{device})
        return false;
    QString warning;
    answerNextMessageBox(QMessageBox::Yes, &warning);
    m_window->connectSelectionOnCloud();
    if (warning.isEmpty() || m_window->tabs()->currentWidget() != m_window->cloudPanel())
        return false;
    return QTest::qWaitFor([&] { return stateText(device) == QStringLiteral("Online"); }, 15000);
}

void TestConsoleSession::importIntoWorkspace(const QString& path, const QString& csv)
{
    QVERIFY(m_window->openSession(namedOptions(path)));
    QCOMPARE(m_window->session()->workspacePath(), path);
    verifyCloudTabFollowsTheSession();
    QCOMPARE(m_window->cloudPanel()->model()->rowCount(), 0);

    const QString file = m_dir.filePath(QStringLiteral("devices.csv"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(csv.toUtf8());
    out.close();
    const qint64 before = m_window->session()->workspace()->identities().deviceCount().value();
    Ui::CsvImportDialog* dialog = m_window->importCsv(file);
    QVERIFY(dialog);
    QVERIFY(dialog->importButton()->isEnabled());
    QSignalSpy fleetChanged(m_window->session(), &ConsoleSession::fleetChanged);
    QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
    QTRY_COMPARE(fleetChanged.size(), 1);
    QCOMPARE(m_window->session()->workspace()->identities().deviceCount().value(), before + 2);
    QTRY_COMPARE(m_window->fleetModel()->rowCount(), int(before + 2));
}

void TestConsoleSession::connectImportResetReopenConnect()
{
    // 1. The Demo, and one of its identities registered on the stand-in cloud with the secret it got.
    QVERIFY(m_window->openSession(demoOptions()));
    QCOMPARE(m_window->session()->mode(), Session::SessionMode::Demo);
    const Store::DeviceRecord demoDevice =
        storedValue(m_window->session()->workspace()->identities().devices(kProduct, 1)).first();
    const auto demoSecret =
        m_window->session()->workspace()->identities().deviceSecret(kProduct, demoDevice.deviceName);
    QVERIFY(demoSecret);
    const Alink::DeviceIdentity demoIdentity{kProduct, demoDevice.deviceName, QString::fromUtf8(*demoSecret)};
    m_rig = std::make_unique<CloudRig>(QList<Alink::DeviceIdentity>{demoIdentity, imported(0), imported(1)});
    QString error;
    QVERIFY2(m_rig->start(&error), qPrintable(error));
    Roles::PlatformProduct product;
    product.productKey = kProduct;
    m_rig->platform->setProduct(product);
    QVERIFY(m_rig->platform->publishConfig(kProduct, "{\"reportInterval\":45}"));
    m_window->cloudPanel()->setProfile(m_rig->profile());
    m_window->cloudPanel()->setDownloadCaCertificates(m_rig->downloadRoots());

    // 2. Connected in the Cloud tab.
    verifyCloudTabFollowsTheSession();
    const Alink::DeviceKey demoKey{kProduct, demoDevice.deviceName};
    QVERIFY(connectOnCloud(demoKey));

    // 3. Devices imported from a CSV file into a named workspace: the Demo closes with a live connection.
    const QString named = m_dir.filePath(QStringLiteral("fleet.configdeck"));
    importIntoWorkspace(named, QStringLiteral("ProductKey,DeviceName,DeviceSecret\n%1,%2,%3\n%1,%4,%5\n")
                                   .arg(kProduct, imported(0).deviceName, imported(0).deviceSecret,
                                        imported(1).deviceName, imported(1).deviceSecret));
    // The import restarted the engine on the same workspace: the Cloud tab keeps its workbench.
    Session::CloudWorkbench* namedWorkbench = m_window->session()->cloud();
    QVERIFY(connectOnCloud({kProduct, imported(0).deviceName}));
    QCOMPARE(m_window->session()->cloud(), namedWorkbench);

    // 4. Back to the Demo, connected again, and reset while connected.
    QVERIFY(m_window->openSession(demoOptions()));
    verifyCloudTabFollowsTheSession();
    QCOMPARE(m_window->cloudPanel()->model()->rowCount(), 0);
    QVERIFY(connectOnCloud(demoKey));
    QString question;
    answerNextMessageBox(QMessageBox::Yes, &question);
    m_window->resetDemo();
    QVERIFY(!question.isEmpty());
    verifyCloudTabFollowsTheSession();
    QCOMPARE(m_window->cloudPanel()->model()->rowCount(), 0);
    QVERIFY2(m_window->bannerText().isEmpty(), qPrintable(m_window->bannerText()));
    // The fresh Demo made new secrets: the old identity is no longer in it as it was.
    const auto fresh =
        m_window->session()->workspace()->identities().deviceSecret(kProduct, demoDevice.deviceName);
    QVERIFY(!fresh || *fresh != *demoSecret);

    // 5. Another workspace opened, and connected again: the identity comes online and what it downloads
    // is written to that workspace.
    QVERIFY(m_window->openSession(namedOptions(named)));
    verifyCloudTabFollowsTheSession();
    QCOMPARE(m_window->cloudPanel()->model()->rowCount(), 0);
    const Alink::DeviceKey importedKey{kProduct, imported(1).deviceName};
    QVERIFY(connectOnCloud(importedKey));
    m_window->cloudPanel()->requestConfig({importedKey});
    const QString sha = Transfer::Sha256Stream::hash("{\"reportInterval\":45}");
    QTRY_VERIFY_WITH_TIMEOUT(storedValue(m_window->session()->workspace()->versions().find(sha)).has_value(),
                             10000);
    m_window->session()->flush();
    const auto held =
        storedValue(m_window->session()->workspace()->deviceStates().state(kProduct, importedKey.deviceName));
    QVERIFY(held);
    QCOMPARE(held->sha256, sha);
    QVERIFY(
        !storedValue(m_window->session()->workspace()->messageLog().entries(kProduct, importedKey.deviceName))
             .isEmpty());

    // 6. The window closes with a live connection: the session ends it before the workspace goes.
    m_window.reset();
}

QTEST_MAIN(TestConsoleSession)
#include "TestConsoleSession.moc"
