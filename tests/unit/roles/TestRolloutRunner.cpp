#include "RolesRig.h"
#include "alink/ReplyCodeCatalog.h"
#include "roles/RolloutRunner.h"

#include <QSignalSpy>
#include <QTest>

using namespace ConfigDeck;
using namespace ConfigDeck::Roles;
using Store::OutcomeState;
using Store::RolloutState;

namespace {

const QByteArray& kConfig = Tests::kRolesTestConfig;

QStringList deviceNames(int count)
{
    return Tests::rigDeviceNames(count);
}

// What each fault kind must end as in a rollout.
std::pair<OutcomeState, std::optional<int>> expectedOutcome(const FaultProfile& fault)
{
    switch (fault.kind) {
    case FaultProfile::Kind::None:
    case FaultProfile::Kind::Slow:
    case FaultProfile::Kind::SlowDownload:
        return {OutcomeState::Succeeded, 200};
    case FaultProfile::Kind::Offline:
    case FaultProfile::Kind::NeverReplies:
        return {OutcomeState::TimedOut, std::nullopt};
    case FaultProfile::Kind::Refuses:
        return {OutcomeState::Failed, fault.refuseCode};
    case FaultProfile::Kind::BadSign:
        return {OutcomeState::Failed, Alink::ReplyCodeCatalog::SignMismatch};
    case FaultProfile::Kind::Truncated:
        return {OutcomeState::Failed, Alink::ReplyCodeCatalog::SizeMismatch};
    case FaultProfile::Kind::ApplyFails:
        return {OutcomeState::Failed, Alink::ReplyCodeCatalog::ApplyFailed};
    }
    return {};
}

} // namespace

class TestRolloutRunner : public QObject
{
    Q_OBJECT

private slots:
    void everyDeviceEndsAsItsFaultSays();
    void abortsAboveThreshold();
    void pauseAndResume();
    void cancelSkipsTheRest();
    void lateReplyReplacesTimeout();
    void refusesInvalidPlans();
};

void TestRolloutRunner::everyDeviceEndsAsItsFaultSays()
{
    Tests::RolesRig rig;
    QVERIFY(rig.startPlatform());
    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkA"), kConfig));
    const auto mix = FaultMix::parse(u"slow:300=10%,offline=5%,never=5%,refuses:429=10%,badsign=10%,truncate="
                                     u"10%,applyfails=5%,slowdownload:20000=5%");
    QVERIFY(mix);
    constexpr int count = 60;
    rig.addDevices(QStringLiteral("pkA"), count, *mix, 11);
    QVERIFY(rig.startFleet());

    RolloutPlan plan;
    plan.productKey = QStringLiteral("pkA");
    plan.devices = deviceNames(count);
    plan.batchSize = 20;
    plan.timeout = std::chrono::milliseconds(1500);
    plan.abortThreshold = 1.0;
    RolloutRunner runner(rig.platform.get(), plan);
    QSignalSpy finished(&runner, &RolloutRunner::finished);
    QVERIFY(!runner.start());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(runner.state(), RolloutState::Completed);
    QCOMPARE(runner.doneCount(), count);

    for (int i = 0; i < count; ++i) {
        const FaultProfile fault = mix->profileFor(i, count, 11);
        const auto* outcome = runner.outcome(plan.devices.at(i));
        QVERIFY(outcome);
        const auto [state, code] = expectedOutcome(fault);
        QVERIFY2(outcome->state == state && outcome->replyCode == code,
                 qPrintable(QStringLiteral("%1 (%2): state %3 code %4, expected %5 %6")
                                .arg(plan.devices.at(i), FaultProfile::kindName(fault.kind))
                                .arg(int(outcome->state))
                                .arg(outcome->replyCode.value_or(-1))
                                .arg(int(state))
                                .arg(code.value_or(-1))));
    }
}

void TestRolloutRunner::abortsAboveThreshold()
{
    Tests::RolesRig rig;
    QVERIFY(rig.startPlatform());
    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkA"), kConfig));
    const auto mix = FaultMix::parse(u"refuses:460=50%");
    rig.addDevices(QStringLiteral("pkA"), 40, *mix);
    QVERIFY(rig.startFleet());

    RolloutPlan plan;
    plan.productKey = QStringLiteral("pkA");
    plan.devices = deviceNames(40);
    plan.batchSize = 10;
    plan.abortThreshold = 0.2;
    RolloutRunner runner(rig.platform.get(), plan);
    QSignalSpy finished(&runner, &RolloutRunner::finished);
    QVERIFY(!runner.start());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(runner.state(), RolloutState::Aborted);
    QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("threshold")));
    QCOMPARE(runner.count(OutcomeState::Skipped), 30); // only the first batch went out
    QCOMPARE(runner.doneCount(), 40);
}

void TestRolloutRunner::pauseAndResume()
{
    Tests::RolesRig rig;
    QVERIFY(rig.startPlatform());
    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkA"), kConfig));
    rig.addDevices(QStringLiteral("pkA"), 20);
    QVERIFY(rig.startFleet());

    RolloutPlan plan;
    plan.productKey = QStringLiteral("pkA");
    plan.devices = deviceNames(20);
    plan.batchSize = 20;
    plan.ratePerSecond = 40;
    RolloutRunner runner(rig.platform.get(), plan);
    QSignalSpy finished(&runner, &RolloutRunner::finished);
    QVERIFY(!runner.start());
    QTRY_VERIFY(runner.count(OutcomeState::Succeeded) >= 3);
    runner.pause();
    QCOMPARE(runner.state(), RolloutState::Paused);
    QTest::qWait(300); // replies in flight land; no new pushes
    const int pushedWhilePaused = runner.doneCount() + runner.count(OutcomeState::Pushed);
    QTest::qWait(300);
    QCOMPARE(runner.doneCount() + runner.count(OutcomeState::Pushed), pushedWhilePaused);
    QVERIFY(pushedWhilePaused < 20);
    runner.resume();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(runner.count(OutcomeState::Succeeded), 20);
}

void TestRolloutRunner::cancelSkipsTheRest()
{
    Tests::RolesRig rig;
    QVERIFY(rig.startPlatform());
    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkA"), kConfig));
    rig.addDevices(QStringLiteral("pkA"), 30);
    QVERIFY(rig.startFleet());
    RolloutPlan plan;
    plan.productKey = QStringLiteral("pkA");
    plan.devices = deviceNames(30);
    plan.batchSize = 5;
    plan.ratePerSecond = 50;
    RolloutRunner runner(rig.platform.get(), plan);
    QVERIFY(!runner.start());
    QTRY_VERIFY(runner.count(OutcomeState::Succeeded) >= 5);
    runner.cancel();
    QCOMPARE(runner.state(), RolloutState::Aborted);
    QCOMPARE(runner.doneCount(), 30);
    QVERIFY(runner.count(OutcomeState::Skipped) > 0);
    QCOMPARE(runner.finishReason(), QStringLiteral("cancelled by the operator"));
}

void TestRolloutRunner::lateReplyReplacesTimeout()
{
    Tests::RolesRig rig;
    QVERIFY(rig.startPlatform());
    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkA"), kConfig));
    const auto mix = FaultMix::parse(u"slow:1200=100%");
    rig.addDevices(QStringLiteral("pkA"), 2, *mix);
    QVERIFY(rig.startFleet());
    RolloutPlan plan;
    plan.productKey = QStringLiteral("pkA");
    plan.devices = deviceNames(2);
    plan.timeout = std::chrono::milliseconds(300);
    plan.abortThreshold = 1.0;
    plan.minSampleForAbort = 100;
    RolloutRunner runner(rig.platform.get(), plan);
    QSignalSpy finished(&runner, &RolloutRunner::finished);
    QSignalSpy outcomes(&runner, &RolloutRunner::outcomeChanged);
    QVERIFY(!runner.start());
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(runner.count(OutcomeState::TimedOut), 2);
    // The replies still come, 1.2 s after the pushes, and tell the truth.
    QTRY_COMPARE_WITH_TIMEOUT(runner.count(OutcomeState::Succeeded), 2, 5000);
    QCOMPARE(runner.outcome(QStringLiteral("dev-0000"))->message,
             QStringLiteral("late reply, after the timeout"));
}

void TestRolloutRunner::refusesInvalidPlans()
{
    Tests::RolesRig rig;
    QVERIFY(rig.startPlatform());
    RolloutPlan plan;
    plan.productKey = QStringLiteral("pkA");
    QVERIFY(
        RolloutRunner(rig.platform.get(), plan).start()->message().contains(QStringLiteral("no devices")));
    plan.devices = deviceNames(3);
    plan.batchSize = 0;
    QCOMPARE(RolloutRunner(rig.platform.get(), plan).start()->field, QStringLiteral("batchSize"));
    plan.batchSize = 1;
    // Nothing published for the product yet.
    QVERIFY(
        RolloutRunner(rig.platform.get(), plan).start()->message().contains(QStringLiteral("is not known")));
    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkA"), kConfig));
    PlatformSettings limits;
    limits.alibabaLimits = true;
    rig.platform->setSettings(limits);
    QVERIFY(RolloutRunner(rig.platform.get(), plan)
                .start()
                ->message()
                .contains(QStringLiteral("staged rollouts")));
}

QTEST_GUILESS_MAIN(TestRolloutRunner)
#include "TestRolloutRunner.moc"
