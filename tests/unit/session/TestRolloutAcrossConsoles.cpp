// One rollout per product across the consoles sharing a PostgreSQL workspace: a second console is refused,
// told who runs the rollout, and can watch it as it goes; the product is free again once the rollout ends,
// or once the console running it closes its workspace or goes away without a word.
#include "Localization.h"
#include "session/ConsoleSession.h"
#include "session/RolloutWatch.h"
#include "session/RunningRollout.h"
#include "store/Workspace.h"
#include "support/PostgresFixture.h"
#include "support/StoredValue.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace ConfigDeck;
using Session::ConsoleSession;
using Session::WorkspaceProtection;
using Store::RolloutState;

namespace {
const QString kPassphrase = QStringLiteral("correct horse battery staple");
const QString kProduct = QStringLiteral("a1Gate");

template <typename T>
QString errorOf(const Alink::Expected<T>& expected)
{
    return expected ? QString() : expected.error().message();
}

// A rollout slow enough to be watched while it runs (30 devices at 10 a second; the simulated fleet's
// silent devices time out after 2 s), never aborted by the fleet's faulty devices.
Roles::RolloutPlan slowPlan()
{
    Roles::RolloutPlan plan;
    plan.productKey = kProduct;
    plan.batchSize = 10;
    plan.ratePerSecond = 10;
    plan.timeout = std::chrono::seconds(2);
    plan.abortThreshold = 1.0;
    return plan;
}
} // namespace

class TestRolloutAcrossConsoles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void secondConsoleIsRefusedAndWatches();
    void closingTheWorkspaceMidRolloutFreesTheProduct();
    void rolloutOfAConsoleThatWentAwayIsEndedAsAbandoned();
    void refusalNamesThePlatformProcesses();
    void databaseRestartKeepsTheProduct();

private:
    // A console on the shared workspace, its simulated fleet connected.
    std::unique_ptr<ConsoleSession> openConsole(const QString& operatorName);

    TestSupport::PostgresFixture m_server;
};

void TestRolloutAcrossConsoles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // English as the console shows it (with its plural forms), whatever this machine's locale.
    QCOMPARE(Localization::install(QLocale::c()), QStringLiteral("en"));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    ConsoleSession::Options options;
    options.workspacePath = m_server.url();
    options.databasePassword = m_server.password();
    options.create = WorkspaceProtection::withPassphrase(kPassphrase);
    ConsoleSession creator(options);
    const auto opened = creator.open();
    QVERIFY2(opened, qPrintable(errorOf(opened)));
    const auto seeded = creator.ensureSeeded(); // the Demo's products, devices and published versions
    QVERIFY2(seeded, qPrintable(errorOf(seeded)));
}

std::unique_ptr<ConsoleSession> TestRolloutAcrossConsoles::openConsole(const QString& operatorName)
{
    ConsoleSession::Options options;
    options.workspacePath = m_server.url();
    options.databasePassword = m_server.password();
    options.passphrase = kPassphrase;
    auto console = std::make_unique<ConsoleSession>(options);
    console->setOperatorName(operatorName);
    const auto opened = console->open();
    if (!opened) {
        qWarning() << "cannot open the shared workspace:" << opened.error().message();
        return nullptr;
    }
    if (!QTest::qWaitFor(
            [&] { return console->connectionState() == Transport::MqttConnection::State::Connected; }, 10000))
        return nullptr;
    return console;
}

void TestRolloutAcrossConsoles::secondConsoleIsRefusedAndWatches()
{
    auto alice = openConsole(QStringLiteral("alice"));
    auto bob = openConsole(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    QVERIFY(alice->workspace()->isShared());

    const auto started = alice->startRollout(slowPlan());
    QVERIFY2(started, qPrintable(errorOf(started)));
    Roles::RolloutRunner* runner = *started;
    const auto active = storedValue(alice->workspace()->rolloutWork().active(kProduct));
    QVERIFY(active.has_value());
    QCOMPARE(active->operatorName, QStringLiteral("alice"));

    // Bob is refused, told who runs it; nothing of his starts.
    const auto refused = bob->startRollout(slowPlan());
    QVERIFY(!refused);
    const QString message = refused.error().message();
    QVERIFY2(message.contains(QStringLiteral("is being run by alice")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("“%1” of %2").arg(active->name, kProduct)), qPrintable(message));
    // ("device(s)" until the English plural of this new string is translated)
    QVERIFY2(message.contains(QStringLiteral("of 30 device")), qPrintable(message));
    QVERIFY(!bob->currentRollout());
    QVERIFY(!bob->workspace()->rolloutLock().holds(kProduct));
    QCOMPARE(storedValue(bob->workspace()->rollouts().list()).size(), 1);

    // He watches it: the whole plan at once, then alice's progress within seconds, while it runs.
    const auto running = storedValue(Session::RunningRollout::ofProduct(*bob->workspace(), kProduct));
    QVERIFY(running.has_value());
    QCOMPARE(running->rollout.id, active->id);
    QVERIFY(running->workers.isEmpty()); // a console runs it, not platform processes
    const auto watched = bob->watchRollout(active->id);
    QVERIFY2(watched, qPrintable(errorOf(watched)));
    Session::RolloutWatch* watch = *watched;
    QSignalSpy ended(watch, &Session::RolloutWatch::ended);
    QCOMPARE(watch->outcomes().size(), 30);
    QCOMPARE(watch->rollout().tally.total, 30);
    QTRY_VERIFY_WITH_TIMEOUT(watch->rollout().tally.done() > 0 && !watch->hasEnded(), 5000);
    QCOMPARE(runner->state(), RolloutState::Running);
    QVERIFY(watch->rollout().describe().contains(QStringLiteral("is being run by alice")));

    // When alice's rollout ends, bob's watch shows how it ended, every device with its outcome.
    QTRY_COMPARE_WITH_TIMEOUT(runner->state(), RolloutState::Completed, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 5000);
    QCOMPARE(watch->rollout().rollout.state, RolloutState::Completed);
    QCOMPARE(watch->rollout().tally.done(), 30);
    QCOMPARE(watch->rollout().tally.count(Store::OutcomeState::Succeeded),
             runner->count(Store::OutcomeState::Succeeded));
    QVERIFY(!watch->rollout().tally.finishReason.isEmpty());
    for (const Store::RolloutOutcome& outcome : watch->outcomes())
        QVERIFY2(Roles::RolloutRunner::isFinal(outcome.state), qPrintable(outcome.deviceName));
    QVERIFY(!alice->workspace()->rolloutLock().holds(kProduct));

    // Now bob may start one; then alice is the one refused, told it is bob's.
    const auto bobs = bob->startRollout(slowPlan());
    QVERIFY2(bobs, qPrintable(errorOf(bobs)));
    const auto refusedAlice = alice->startRollout(slowPlan());
    QVERIFY(!refusedAlice);
    QVERIFY2(refusedAlice.error().message().contains(QStringLiteral("is being run by bob")),
             qPrintable(refusedAlice.error().message()));
    (*bobs)->cancel();
    QVERIFY(!bob->workspace()->rolloutLock().holds(kProduct));
    const auto cancelled = storedValue(
        bob->workspace()->rollouts().find(storedValue(bob->workspace()->rollouts().list()).last().id));
    QCOMPARE(cancelled->state, RolloutState::Aborted);
    QCOMPARE(cancelled->finishReason, QStringLiteral("cancelled by the operator"));
}

void TestRolloutAcrossConsoles::closingTheWorkspaceMidRolloutFreesTheProduct()
{
    auto alice = openConsole(QStringLiteral("alice"));
    auto bob = openConsole(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    const auto started = alice->startRollout(slowPlan());
    QVERIFY2(started, qPrintable(errorOf(started)));
    const qint64 alicesRollout = storedValue(alice->workspace()->rolloutWork().active(kProduct))->id;
    QVERIFY(!bob->startRollout(slowPlan()));

    alice->shutdown(); // the workspace closes mid rollout
    const auto ended = storedValue(bob->workspace()->rollouts().find(alicesRollout));
    QCOMPARE(ended->state, RolloutState::Aborted);
    const auto bobs = bob->startRollout(slowPlan());
    QVERIFY2(bobs, qPrintable(errorOf(bobs)));
    (*bobs)->cancel();
}

void TestRolloutAcrossConsoles::rolloutOfAConsoleThatWentAwayIsEndedAsAbandoned()
{
    auto bob = openConsole(QStringLiteral("bob"));
    QVERIFY(bob);
    const QString published = storedValue(bob->publishedSha256(kProduct));
    qint64 left = -1;
    {
        // Carol's console holds the product and has its rollout running, then goes away without a word
        // (a crash): the database ends its connection and with it the lock; the record stays "running".
        auto carol = Store::Workspace::open(m_server.url(), Store::Workspace::OpenMode::OpenExisting,
                                            m_server.password());
        QVERIFY2(carol, qPrintable(errorOf(carol)));
        QVERIFY(
            storedValue((*carol)->rolloutLock().tryAcquire(kProduct, Store::RolloutLock::Mode::Exclusive)));
        Roles::RolloutPlan plan = slowPlan();
        left = storedValue((*carol)->rollouts().create(
            plan.record(QStringLiteral("carol's rollout"), published, QStringLiteral("carol"))));
        const auto refused = bob->startRollout(slowPlan());
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(
                     QStringLiteral("“carol's rollout” of a1Gate is being run by carol")),
                 qPrintable(refused.error().message()));
    }
    QCOMPARE(storedValue(bob->workspace()->rollouts().find(left))->state, RolloutState::Running);

    const auto bobs = bob->startRollout(slowPlan());
    QVERIFY2(bobs, qPrintable(errorOf(bobs)));
    const auto abandoned = storedValue(bob->workspace()->rollouts().find(left));
    QCOMPARE(abandoned->state, RolloutState::Aborted);
    QCOMPARE(abandoned->finishReason, QStringLiteral("abandoned: the console running it closed"));
    QVERIFY(abandoned->finished.isValid());
    (*bobs)->cancel();
}

void TestRolloutAcrossConsoles::refusalNamesThePlatformProcesses()
{
    auto bob = openConsole(QStringLiteral("bob"));
    QVERIFY(bob);
    const QString published = storedValue(bob->publishedSha256(kProduct));
    // Two platform processes share a rollout of the product (as `configdeck-cli platform --rollout` does):
    // each holds the product's lock shared and beats its heartbeat.
    auto platform =
        Store::Workspace::open(m_server.url(), Store::Workspace::OpenMode::OpenExisting, m_server.password());
    QVERIFY2(platform, qPrintable(errorOf(platform)));
    Store::Workspace& shared = **platform;
    QVERIFY(storedValue(shared.rolloutLock().tryAcquire(kProduct, Store::RolloutLock::Mode::Shared)));
    const QStringList devices = storedValue(shared.identities().deviceNames(kProduct));
    const Store::RolloutRecord record =
        slowPlan().record(QStringLiteral("night rollout"), published, QStringLiteral("dave"));
    const auto joined =
        storedValue(shared.rolloutWork().createOrJoin(record, devices, std::chrono::seconds(30)));
    QVERIFY(joined.created);
    QVERIFY(shared.rolloutWork().beat(joined.rollout.id, QStringLiteral("cd-platform-1"),
                                      QStringLiteral("dave")));
    QVERIFY(shared.rolloutWork().beat(joined.rollout.id, QStringLiteral("cd-platform-2"),
                                      QStringLiteral("erin")));

    const auto refused = bob->startRollout(slowPlan());
    QVERIFY(!refused);
    QVERIFY2(refused.error().message().contains(
                 QStringLiteral("“night rollout” of a1Gate is being run by the platform processes "
                                "cd-platform-1 (dave), cd-platform-2 (erin) since ")),
             qPrintable(refused.error().message()));
    const auto watched = bob->watchRollout(joined.rollout.id);
    QVERIFY2(watched, qPrintable(errorOf(watched)));
    QCOMPARE((*watched)->rollout().workers.size(), 2);

    // The processes' progress reaches the watch through the change feed.
    const auto claims = storedValue(shared.rolloutWork().claim(
        joined.rollout.id, QStringLiteral("cd-platform-1"), 3, 0, QDateTime::currentMSecsSinceEpoch() + 60000,
        [n = 0]() mutable { return QStringLiteral("m%1").arg(++n); }));
    QCOMPARE(claims.size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT((*watched)->rollout().tally.count(Store::OutcomeState::Pushed), 3, 5000);
    QVERIFY(storedValue(shared.rolloutWork().finish(joined.rollout.id, RolloutState::Aborted,
                                                    QStringLiteral("stopped by dave"))));
    QTRY_VERIFY_WITH_TIMEOUT((*watched)->hasEnded(), 5000);
    QCOMPARE((*watched)->rollout().tally.finishReason, QStringLiteral("stopped by dave"));
    shared.rolloutLock().release(kProduct);
    const auto bobs = bob->startRollout(slowPlan());
    QVERIFY2(bobs, qPrintable(errorOf(bobs)));
    (*bobs)->cancel();
}

void TestRolloutAcrossConsoles::databaseRestartKeepsTheProduct()
{
    auto alice = openConsole(QStringLiteral("alice"));
    auto bob = openConsole(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    Roles::RolloutPlan plan = slowPlan();
    plan.ratePerSecond = 2; // still running after the restart
    const auto started = alice->startRollout(plan);
    QVERIFY2(started, qPrintable(errorOf(started)));

    // The restarted database forgot the lock; alice's console takes it again as soon as it is back.
    QVERIFY2(m_server.restart(), qPrintable(m_server.errorString()));
    QTest::qWait(3000);
    QCOMPARE((*started)->state(), RolloutState::Running);
    QVERIFY(alice->workspace()->rolloutLock().holds(kProduct));
    const auto refused = bob->startRollout(slowPlan());
    QVERIFY(!refused);
    QVERIFY2(refused.error().message().contains(QStringLiteral("is being run by alice")),
             qPrintable(refused.error().message()));
    (*started)->cancel();
    QVERIFY(!alice->workspace()->rolloutLock().holds(kProduct));
}

QTEST_GUILESS_MAIN(TestRolloutAcrossConsoles)
#include "TestRolloutAcrossConsoles.moc"
