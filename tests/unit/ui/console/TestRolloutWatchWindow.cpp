// Two console windows on one PostgreSQL workspace: the second one's Start rollout is refused with who runs
// the product's rollout, and its Watch it button shows that rollout in the Rollout tab as it goes, read only,
// until it ends and is in the History.
#include "Localization.h"
#include "MainWindow.h"
#include "RecentWorkspaces.h"
#include "RolloutPanel.h"
#include "RolloutTimeline.h"
#include "session/ConsoleSession.h"
#include "session/RolloutWatch.h"
#include "store/Workspace.h"
#include "support/GuiTestHelpers.h"
#include "support/PostgresFixture.h"
#include "support/StoredValue.h"

#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace ConfigDeck;
using namespace ConfigDeck::Ui;
using ConfigDeck::TestSupport::screenshot;
using Session::ConsoleSession;

namespace {
const QString kPassphrase = QStringLiteral("harbour lantern seven");
const QString kProduct = QStringLiteral("a1Gate");
} // namespace

class TestRolloutWatchWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refusedThenWatched();
    void cleanupTestCase();

private:
    bool openWindow(MainWindow& window, const QString& operatorName, bool create);
    static void plan(RolloutPanel* panel);

    QTemporaryDir m_settingsDir;
    TestSupport::PostgresFixture m_server;
};

void TestRolloutWatchWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfigDeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestRolloutWatchWindow"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCOMPARE(Localization::install(QLocale::c()), QStringLiteral("en"));
    RecentWorkspaces::setIdleLockMinutes(0);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestRolloutWatchWindow::cleanupTestCase() {}

bool TestRolloutWatchWindow::openWindow(MainWindow& window, const QString& operatorName, bool create)
{
    ConsoleSession::Options options;
    options.workspacePath = m_server.url();
    options.databasePassword = m_server.password();
    if (create)
        options.create = Session::WorkspaceProtection::withPassphrase(kPassphrase);
    else
        options.passphrase = kPassphrase;
    window.session()->setOperatorName(operatorName);
    window.resize(1200, 800);
    window.show();
    if (!window.openSession(options))
        return false;
    // The first console fills the new workspace with the Demo's products, devices and published versions.
    if (create && (!window.session()->ensureSeeded() || !window.session()->restartEngine()))
        return false;
    return QTest::qWaitFor(
        [&] { return window.session()->connectionState() == Transport::MqttConnection::State::Connected; },
        10000);
}

void TestRolloutWatchWindow::plan(RolloutPanel* panel)
{
    Roles::RolloutPlan plan;
    plan.productKey = kProduct;
    plan.batchSize = 10;
    plan.ratePerSecond = 10;
    plan.timeout = std::chrono::seconds(2);
    plan.abortThreshold = 1.0;
    panel->setPlan(plan);
}

void TestRolloutWatchWindow::refusedThenWatched()
{
    MainWindow first;
    QVERIFY(openWindow(first, QStringLiteral("alice"), true));
    MainWindow second;
    QVERIFY(openWindow(second, QStringLiteral("bob"), false));

    // Alice starts a rollout of a1Gate from her Rollout tab.
    first.showRollout();
    plan(first.rolloutPanel());
    QTest::mouseClick(first.rolloutPanel()->startButton(), Qt::LeftButton);
    Roles::RolloutRunner* runner = first.session()->currentRollout();
    QVERIFY2(runner, qPrintable(first.rolloutPanel()->statusText()));

    // Bob's is refused: who runs it, since when, how far; a Watch it button.
    RolloutPanel* panel = second.rolloutPanel();
    second.showRollout();
    plan(panel);
    QVERIFY(panel->watchButton()->isHidden());
    QTest::mouseClick(panel->startButton(), Qt::LeftButton);
    QVERIFY(!second.session()->currentRollout());
    const QString refusal = panel->statusText();
    QVERIFY2(
        refusal.startsWith(QStringLiteral("Not started: Rollout “a1Gate rollout” of a1Gate is being run by "
                                          "alice since ")),
        qPrintable(refusal));
    QVERIFY2(refusal.contains(QStringLiteral("of 30 device")), qPrintable(refusal));
    QVERIFY(panel->watchButton()->isVisible());
    screenshot(&second, QStringLiteral("rollout-refused.png"));

    // Watching: alice's progress arrives within seconds; bob cannot pause or cancel it.
    QTest::mouseClick(panel->watchButton(), Qt::LeftButton);
    QVERIFY(panel->isWatching());
    QVERIFY(panel->watchButton()->isHidden());
    QCOMPARE(second.tabs()->currentWidget(), panel);
    QCOMPARE(panel->timeline()->deviceCount(), 30);
    QTRY_VERIFY_WITH_TIMEOUT(panel->timeline()->markCount() > 0, 5000);
    QVERIFY2(
        panel->statusText().startsWith(QStringLiteral("Watching (read only): Rollout “a1Gate rollout” of "
                                                      "a1Gate is being run by alice")),
        qPrintable(panel->statusText()));
    QVERIFY(!panel->pauseButton()->isEnabled());
    QVERIFY(!panel->cancelButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(panel->timeline()->markCount() >= 10, 10000);
    screenshot(&second, QStringLiteral("rollout-watch.png"));

    // Until it ends: then bob's tab says how, with every device marked, and the History has it.
    QTRY_COMPARE_WITH_TIMEOUT(runner->state(), Store::RolloutState::Completed, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(panel->statusText().startsWith(QStringLiteral("Completed")), 5000);
    QCOMPARE(panel->timeline()->markCount(), 30);
    QVERIFY2(panel->statusText().contains(QStringLiteral("30 of 30 device")),
             qPrintable(panel->statusText()));
    QTRY_VERIFY_WITH_TIMEOUT(panel->history()->topLevelItemCount() == 1 &&
                                 panel->history()->topLevelItem(0)->text(RolloutPanel::HistoryStateColumn) ==
                                     QStringLiteral("completed"),
                             5000);
    QCOMPARE(panel->history()->topLevelItem(0)->text(RolloutPanel::HistoryOperatorColumn),
             QStringLiteral("alice"));

    // Now bob's own rollout starts, and his tab follows it instead.
    QTest::mouseClick(panel->startButton(), Qt::LeftButton);
    QVERIFY2(second.session()->currentRollout(), qPrintable(panel->statusText()));
    QVERIFY(!panel->isWatching());
    QVERIFY(panel->cancelButton()->isEnabled());
    QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
    QCOMPARE(second.session()->currentRollout()->state(), Store::RolloutState::Aborted);
}

QTEST_MAIN(TestRolloutWatchWindow)
#include "TestRolloutWatchWindow.moc"
