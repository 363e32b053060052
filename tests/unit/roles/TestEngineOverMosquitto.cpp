// The engine end to end over a real Mosquitto on loopback: the platform service, the file server, the
// simulated fleet on libmosquitto connections, rollouts with faults, and the broker dying mid-rollout.
#include "RolesRig.h"
#include "alink/ReplyCodeCatalog.h"
#include "roles/RolloutRunner.h"
#include "support/MosquittoFixture.h"

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

} // namespace

class TestEngineOverMosquitto : public QObject
{
    Q_OBJECT

private slots:
    void getAndPushFlows();
    void rolloutWithFaults();
    void brokerRestartMidRollout();
};

void TestEngineOverMosquitto::getAndPushFlows()
{
    TestSupport::MosquittoFixture broker;
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    Tests::RolesRig rig(broker.port());
    QVERIFY(rig.startPlatform());
    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkA"), kConfig));
    rig.addDevices(QStringLiteral("pkA"), 5);
    QVERIFY(rig.startFleet());

    // get -> get_reply -> download -> verify
    DeviceAgent* agent = rig.fleet->agent(QStringLiteral("pkA"), QStringLiteral("dev-0003"));
    QSignalSpy finished(agent, &DeviceAgent::exchangeFinished);
    QVERIFY(agent->requestConfig());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(1).toInt(), 200);
    QCOMPARE(agent->held().content, kConfig);

    // push -> push_reply, for the whole product
    QSignalSpy replied(rig.platform.get(), &PlatformService::pushReplied);
    QVERIFY(rig.platform->push(QStringLiteral("pkA")));
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 5, 10000);
    for (const auto& call : replied)
        QCOMPARE(call.at(3).toInt(), 200);
}

void TestEngineOverMosquitto::rolloutWithFaults()
{
    TestSupport::MosquittoFixture broker;
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    Tests::RolesRig rig(broker.port());
    QVERIFY(rig.startPlatform());
    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkA"), kConfig));
    const auto mix = FaultMix::parse(u"offline=10%,never=10%,refuses:6713=10%,badsign=10%,truncate=10%");
    QVERIFY(mix);
    constexpr int count = 40;
    rig.addDevices(QStringLiteral("pkA"), count, *mix, 5);
    QVERIFY(rig.startFleet());

    RolloutPlan plan;
    plan.productKey = QStringLiteral("pkA");
    plan.devices = deviceNames(count);
    plan.batchSize = 10;
    plan.timeout = std::chrono::milliseconds(2000);
    plan.abortThreshold = 1.0;
    RolloutRunner runner(rig.platform.get(), plan);
    QSignalSpy finished(&runner, &RolloutRunner::finished);
    QVERIFY(!runner.start());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(runner.doneCount(), count);
    for (int i = 0; i < count; ++i) {
        const auto fault = mix->profileFor(i, count, 5);
        const auto* outcome = runner.outcome(plan.devices.at(i));
        switch (fault.kind) {
        case FaultProfile::Kind::None:
            QCOMPARE(outcome->state, OutcomeState::Succeeded);
            break;
        case FaultProfile::Kind::Offline:
        case FaultProfile::Kind::NeverReplies:
            QCOMPARE(outcome->state, OutcomeState::TimedOut);
            break;
        case FaultProfile::Kind::Refuses:
            QCOMPARE(outcome->replyCode, 6713);
            break;
        case FaultProfile::Kind::BadSign:
            QCOMPARE(outcome->replyCode, int(Alink::ReplyCodeCatalog::SignMismatch));
            break;
        case FaultProfile::Kind::Truncated:
            QCOMPARE(outcome->replyCode, int(Alink::ReplyCodeCatalog::SizeMismatch));
            break;
        default:
            QFAIL("unexpected fault kind");
        }
    }
    QCOMPARE(runner.count(OutcomeState::Succeeded), 20);
}

void TestEngineOverMosquitto::brokerRestartMidRollout()
{
    TestSupport::MosquittoFixture broker;
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    Tests::RolesRig rig(broker.port());
    QVERIFY(rig.startPlatform());
    QVERIFY(rig.platform->publishConfig(QStringLiteral("pkA"), kConfig));
    constexpr int count = 30;
    rig.addDevices(QStringLiteral("pkA"), count);
    QVERIFY(rig.startFleet());

    RolloutPlan plan;
    plan.productKey = QStringLiteral("pkA");
    plan.devices = deviceNames(count);
    plan.batchSize = 30;
    plan.ratePerSecond = 10; // 3 s of pushes: the broker dies in the middle
    plan.timeout = std::chrono::milliseconds(3000);
    plan.abortThreshold = 1.0;
    RolloutRunner runner(rig.platform.get(), plan);
    QSignalSpy finished(&runner, &RolloutRunner::finished);
    QVERIFY(!runner.start());
    QTRY_VERIFY_WITH_TIMEOUT(runner.count(OutcomeState::Succeeded) >= 8, 10000);

    broker.kill();
    QTRY_VERIFY_WITH_TIMEOUT(!rig.platformConnection->isConnected(), 5000);
    const int pushedBeforeOutage = runner.doneCount() + runner.count(OutcomeState::Pushed);
    QTest::qWait(700);
    // While the broker is away the rollout waits rather than failing devices it cannot reach.
    QCOMPARE(runner.doneCount() + runner.count(OutcomeState::Pushed), pushedBeforeOutage);
    QVERIFY2(broker.restart(), qPrintable(broker.errorString()));

    // Everyone reconnects by themselves and re-subscribes; the rollout carries on to the end.
    QTRY_VERIFY_WITH_TIMEOUT(rig.platformConnection->isConnected(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(rig.fleet->connectedCount(), count, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(runner.state(), RolloutState::Completed);
    QCOMPARE(runner.doneCount(), count); // every device accounted for
    QCOMPARE(runner.count(OutcomeState::Pending) + runner.count(OutcomeState::Pushed), 0);
    // Pushes in flight when the broker died, or sent before a device was back, are lost with the broker's
    // sessions and time out with a reason; the rest succeed.
    for (const auto& outcome : runner.outcomes()) {
        if (outcome.state == OutcomeState::TimedOut)
            QVERIFY(outcome.message.contains(QStringLiteral("no reply")));
    }
    QVERIFY2(runner.count(OutcomeState::Succeeded) >= count * 2 / 3,
             qPrintable(QStringLiteral("%1 succeeded, %2 timed out")
                            .arg(runner.count(OutcomeState::Succeeded))
                            .arg(runner.count(OutcomeState::TimedOut))));
}

QTEST_GUILESS_MAIN(TestEngineOverMosquitto)
#include "TestEngineOverMosquitto.moc"
