// Import from Alibaba Cloud, offscreen, against the OpenAPI stand-in: the CSV import's preview table (with
// the Result column), the API's error in words, DeviceSecrets only when ticked, import all or nothing,
// and the Demo asking for a workspace of the user's own first, as Import devices from CSV does.
#include "CloudImportDialog.h"
#include "MainWindow.h"
#include "cloud/AccountProfile.h"
#include "session/ConsoleSession.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"
#include "support/GuiTestHelpers.h"
#include "support/OpenApiStandIn.h"
#include "support/WorkspaceChecks.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using TestSupport::OpenApiStandIn;
using Ui::CloudImportDialog;

class TestCloudImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void withoutProfileSaysSo();
    void previewsThenImports();
    void refreshShowsResultPerRow();
    void apiErrorInWords();
    void demoAsksForAWorkspaceFirst();

private:
    void saveProfile();
    bool fetchAndWait(CloudImportDialog& dialog);

    OpenApiStandIn m_standIn;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Store::Workspace> m_workspace;
};

void TestCloudImportDialog::initTestCase()
{
    QVERIFY2(m_standIn.start(OpenApiStandIn::makeFleet(2, 12)), qPrintable(m_standIn.errorString()));
}

void TestCloudImportDialog::init()
{
    QVERIFY(m_standIn.setFleet(OpenApiStandIn::makeFleet(2, 12)));
    m_path =
        m_dir.filePath(QStringLiteral("%1.configdeck").arg(QLatin1StringView(QTest::currentTestFunction())));
    auto opened = Store::Workspace::open(m_path);
    QVERIFY(opened);
    m_workspace = std::move(opened).value();
    m_workspace->keys().setSealer(std::make_shared<Store::SecretSealer>(Store::SecretSealer::randomKey()));
}

void TestCloudImportDialog::cleanup()
{
    m_workspace.reset();
}

void TestCloudImportDialog::saveProfile()
{
    Cloud::AccountProfile profile;
    profile.regionId = m_standIn.options().regionId;
    profile.accessKeyId = m_standIn.options().accessKeyId;
    profile.openApiUrl = m_standIn.baseUrl();
    profile.caFile = m_standIn.caFile();
    QVERIFY(Cloud::AccountProfile::save(*m_workspace, profile,
                                        QByteArrayView(m_standIn.options().accessKeySecret)));
}

bool TestCloudImportDialog::fetchAndWait(CloudImportDialog& dialog)
{
    QSignalSpy ready(&dialog, &CloudImportDialog::previewReady);
    QTest::mouseClick(dialog.fetchButton(), Qt::LeftButton);
    if (!dialog.isFetching())
        return false;
    return ready.wait(30000);
}

void TestCloudImportDialog::withoutProfileSaysSo()
{
    CloudImportDialog dialog(m_workspace.get(), &m_network);
    dialog.show();
    QVERIFY(!dialog.fetch());
    QVERIFY2(dialog.statusText().contains(QLatin1String("Account profile")), qPrintable(dialog.statusText()));
    QVERIFY(!dialog.importButton()->isEnabled());
}

void TestCloudImportDialog::previewsThenImports()
{
    saveProfile();
    CloudImportDialog dialog(m_workspace.get(), &m_network);
    dialog.show();
    dialog.secretsBox()->setChecked(true);
    QVERIFY(fetchAndWait(dialog));
    QVERIFY2(dialog.summaryText().contains(QLatin1String("24 device")), qPrintable(dialog.summaryText()));
    QVERIFY2(dialog.statusText().contains(QLatin1String("2 product")), qPrintable(dialog.statusText()));
    QCOMPARE(dialog.errorsTable()->rowCount(), 0);
    QCOMPARE(dialog.previewTable()->rowCount(), 24);
    QCOMPARE(dialog.previewTable()->horizontalHeaderItem(0)->text(), QStringLiteral("Row"));
    QCOMPARE(dialog.previewTable()->item(0, 0)->text(), QStringLiteral("1"));
    QCOMPARE(dialog.previewTable()->item(0, 2)->text(), QStringLiteral("dev-0-0000"));
    QCOMPARE(dialog.previewTable()->item(0, 3)->text(), QStringLiteral("new"));
    QCOMPARE(m_workspace->identities().deviceCount().value(), 0); // nothing until Import
    QVERIFY(dialog.importButton()->isEnabled());
    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.importedCount(), 24);
    QCOMPARE(m_workspace->identities().deviceCount().value(), 24);
    QCOMPARE(m_workspace->identities()
                 .deviceSecret(QStringLiteral("a1Prod1Key"), QStringLiteral("dev-1-0003"))
                 .value(),
             QByteArray("Sec1x3yZ0123456789abcdefABCDEF"));
    TestSupport::verifyNoPlainSecrets(
        m_path, {QByteArray("Sec1x3yZ0123456789abcdefABCDEF"), m_standIn.options().accessKeySecret});
}

void TestCloudImportDialog::refreshShowsResultPerRow()
{
    saveProfile();
    QVERIFY(m_workspace->identities().addDevice(
        Store::DeviceRecord{
            QStringLiteral("a1Prod0Key"), QStringLiteral("dev-0-0000"), {}, {QStringLiteral("kept")}, false},
        "Local-Secret-1"));
    CloudImportDialog dialog(m_workspace.get(), &m_network);
    dialog.show();
    QVERIFY(fetchAndWait(dialog));
    QCOMPARE(dialog.previewTable()->item(0, 3)->text(), QStringLiteral("refreshed (state kept)"));
    QCOMPARE(dialog.previewTable()->item(1, 3)->text(), QStringLiteral("new"));
    QVERIFY2(dialog.summaryText().contains(QLatin1String("23 new device")), qPrintable(dialog.summaryText()));
    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
    QCOMPARE(m_workspace->identities().deviceCount().value(), 24);
    const auto kept =
        m_workspace->identities().device(QStringLiteral("a1Prod0Key"), QStringLiteral("dev-0-0000"));
    QCOMPARE(kept->value().labels, QStringList({QStringLiteral("kept")}));
    // Secrets were not asked for: the one the workspace had stays.
    QCOMPARE(m_workspace->identities()
                 .deviceSecret(QStringLiteral("a1Prod0Key"), QStringLiteral("dev-0-0000"))
                 .value(),
             QByteArray("Local-Secret-1"));
}

void TestCloudImportDialog::apiErrorInWords()
{
    saveProfile();
    QVERIFY(m_standIn.failNext(QStringLiteral("InvalidAccessKeyId.NotFound"), 404));
    CloudImportDialog dialog(m_workspace.get(), &m_network);
    dialog.show();
    QVERIFY(fetchAndWait(dialog));
    QVERIFY2(dialog.statusText().contains(QLatin1String("InvalidAccessKeyId.NotFound")),
             qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains(QLatin1String("copied whole")), qPrintable(dialog.statusText()));
    QVERIFY(!dialog.importButton()->isEnabled());
    QVERIFY(dialog.fetchButton()->isEnabled());
    QCOMPARE(m_workspace->identities().deviceCount().value(), 0);
}

void TestCloudImportDialog::demoAsksForAWorkspaceFirst()
{
    Ui::MainWindow window;
    window.openDemo();
    QVERIFY(window.session()->isDemo());
    QString offer;
    TestSupport::answerNextMessageBox(QMessageBox::Cancel, &offer);
    QVERIFY(!window.importFromCloud());
    QVERIFY2(offer.contains(QStringLiteral("made-up devices only")), qPrintable(offer));
    offer.clear();
    TestSupport::answerNextMessageBox(QMessageBox::Cancel, &offer);
    QVERIFY(!window.editAccountProfile());
    QVERIFY(!offer.isEmpty());
    QVERIFY(window.session()->isDemo());
}

QTEST_MAIN(TestCloudImportDialog)
#include "TestCloudImportDialog.moc"
