// A rollout's work kept in the workspace (RolloutWork) and the one-rollout-per-product lock (RolloutLock), on
// SQLite and (registered again as TestRolloutWorkOnPostgres) on PostgreSQL: create or join, claims by batch,
// replies matched by message id, time-outs, the retry of a dead process's pushes, and the end of a rollout.
#include "StoreTestSupport.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using namespace ConfigDeck::Store;

namespace {

const QString kProduct = QStringLiteral("a1Work");
constexpr int kDevices = 10;
constexpr int kBatch = 4;

QString deviceName(int index)
{
    return QStringLiteral("dev-%1").arg(index, 4, 10, QLatin1Char('0'));
}

} // namespace

class TestRolloutWork : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createThenJoin();
    void anotherConfigurationIsRefusedWhileItsProcessesLive();
    void abandonedRolloutIsEndedByTheNextOne();
    void claimsFollowBatches();
    void repliesMatchTheirPushById();
    void deadlinesTimeOutAndStaleProcessesAreRetriedOnce();
    void completesOnlyWhenEveryDeviceHasAnOutcome();
    void abortSkipsWhatWasNotPushed();
    void lockIsExclusiveAgainstSharedHolders();

private:
    std::unique_ptr<Workspace> open();
    RolloutRecord record(const QString& sha) const;
    QStringList devices() const;
    // Starts a rollout of every device and returns it.
    RolloutRecord started();
    QString nextId() { return QString::number(++m_ids); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<const SecretSealer> m_sealer;
    std::unique_ptr<Workspace> m_workspace;
    QString m_sha;
    QString m_otherSha;
    int m_ids = 1000;
};

std::unique_ptr<Workspace> TestRolloutWork::open()
{
    auto opened = openTestWorkspace(m_dir->filePath(QStringLiteral("work.configdeck")));
    if (!opened) {
        qWarning() << opened.error().message();
        return nullptr;
    }
    (*opened)->keys().setSealer(m_sealer);
    return std::move(*opened);
}

void TestRolloutWork::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_sealer = std::make_shared<SecretSealer>(SecretSealer::randomKey());
    m_workspace = open();
    QVERIFY(m_workspace);
    for (int i = 0; i < kDevices; ++i)
        STORE_VERIFY(m_workspace->identities().addDevice({kProduct, deviceName(i)},
                                                         "5e2b7c9a0d1f4e3b8a6c2d9e0f1a2b3c"));
    const auto sha =
        m_workspace->versions().add(R"({"v":1})", kProduct, QStringLiteral("one"), ConfigOrigin::Pushed);
    STORE_VERIFY(sha);
    m_sha = *sha;
    const auto other =
        m_workspace->versions().add(R"({"v":2})", kProduct, QStringLiteral("two"), ConfigOrigin::Pushed);
    STORE_VERIFY(other);
    m_otherSha = *other;
}

void TestRolloutWork::cleanup()
{
    m_workspace.reset();
    m_dir.reset();
}

RolloutRecord TestRolloutWork::record(const QString& sha) const
{
    RolloutRecord rollout;
    rollout.name = QStringLiteral("test rollout");
    rollout.productKey = kProduct;
    rollout.configSha256 = sha;
    rollout.batchSize = kBatch;
    rollout.timeoutMs = 1000;
    rollout.abortThreshold = 0.5;
    rollout.operatorName = QStringLiteral("erin");
    return rollout;
}

QStringList TestRolloutWork::devices() const
{
    QStringList names;
    for (int i = 0; i < kDevices; ++i)
        names << deviceName(i);
    return names;
}

RolloutRecord TestRolloutWork::started()
{
    const auto joined =
        m_workspace->rolloutWork().createOrJoin(record(m_sha), devices(), std::chrono::seconds(10));
    if (!joined) {
        qWarning() << joined.error().message();
        return {};
    }
    return joined->rollout;
}

void TestRolloutWork::createThenJoin()
{
    RolloutWork& work = m_workspace->rolloutWork();
    const auto first = work.createOrJoin(record(m_sha), devices(), std::chrono::seconds(10));
    STORE_VERIFY(first);
    QVERIFY(first->created);
    QCOMPARE(first->rollout.state, RolloutState::Running);
    STORE_VERIFY(work.beat(first->rollout.id, QStringLiteral("p1"), QStringLiteral("erin")));

    // A second process, on a connection of its own, joins it: one rollout, one row per device.
    auto second = open();
    QVERIFY(second);
    const auto joined =
        second->rolloutWork().createOrJoin(record(m_sha), devices(), std::chrono::seconds(10));
    STORE_VERIFY(joined);
    QVERIFY(!joined->created);
    QCOMPARE(joined->rollout.id, first->rollout.id);
    const auto rollouts = m_workspace->rollouts().list();
    STORE_VERIFY(rollouts);
    QCOMPARE(rollouts->size(), 1);
    const auto tally = work.tally(first->rollout.id);
    STORE_VERIFY(tally);
    QCOMPARE(tally->total, kDevices);
    QCOMPARE(tally->count(OutcomeState::Pending), kDevices);
    QCOMPARE(tally->currentBatch, 0);
    QVERIFY(tally->currentBatchFresh);
    const auto active = work.active(kProduct);
    STORE_VERIFY(active);
    QVERIFY(active->has_value());
    QCOMPARE((*active)->operatorName, QStringLiteral("erin"));
}

void TestRolloutWork::anotherConfigurationIsRefusedWhileItsProcessesLive()
{
    const RolloutRecord rollout = started();
    QVERIFY(rollout.id > 0);
    STORE_VERIFY(m_workspace->rolloutWork().beat(rollout.id, QStringLiteral("p1"), QStringLiteral("erin")));
    const auto refused =
        m_workspace->rolloutWork().createOrJoin(record(m_otherSha), devices(), std::chrono::seconds(10));
    QVERIFY(!refused);
    QVERIFY2(refused.error().message().contains(QStringLiteral("erin")),
             qPrintable(refused.error().message()));
    QVERIFY(refused.error().message().contains(kProduct));
    const auto rollouts = m_workspace->rollouts().list();
    STORE_VERIFY(rollouts);
    QCOMPARE(rollouts->size(), 1); // nothing changed
}

void TestRolloutWork::abandonedRolloutIsEndedByTheNextOne()
{
    const RolloutRecord rollout = started();
    STORE_VERIFY(m_workspace->rolloutWork().beat(rollout.id, QStringLiteral("p1"), QStringLiteral("erin")));
    QTest::qWait(30);
    // Its only process has not beaten for longer than 10 ms: taken for dead.
    const auto next =
        m_workspace->rolloutWork().createOrJoin(record(m_otherSha), devices(), std::chrono::milliseconds(10));
    STORE_VERIFY(next);
    QVERIFY(next->created);
    const auto old = m_workspace->rollouts().find(rollout.id);
    STORE_VERIFY(old);
    QCOMPARE((*old)->state, RolloutState::Aborted);
    QVERIFY((*old)->finishReason.contains(QStringLiteral("abandoned")));
    const auto outcomes = m_workspace->rollouts().outcomes(rollout.id);
    STORE_VERIFY(outcomes);
    QCOMPARE(outcomes->size(), kDevices);
    for (const RolloutOutcome& outcome : *outcomes)
        QCOMPARE(outcome.state, OutcomeState::Skipped);
}

void TestRolloutWork::claimsFollowBatches()
{
    const RolloutRecord rollout = started();
    RolloutWork& work = m_workspace->rolloutWork();
    auto other = open();
    QVERIFY(other);
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + 60000;
    // Two processes take different devices of batch 0 (4 devices).
    const auto a = work.claim(rollout.id, QStringLiteral("a"), 3, 0, deadline, [this] { return nextId(); });
    STORE_VERIFY(a);
    const auto b = other->rolloutWork().claim(rollout.id, QStringLiteral("b"), 3, 0, deadline,
                                              [this] { return nextId(); });
    STORE_VERIFY(b);
    QCOMPARE(a->size(), 3);
    QCOMPARE(b->size(), 1);
    QSet<QString> taken;
    for (const RolloutClaim& claim : *a + *b) {
        QVERIFY(!taken.contains(claim.deviceName));
        taken.insert(claim.deviceName);
        QCOMPARE(claim.attempt, 1);
    }
    QCOMPARE(taken, QSet<QString>({deviceName(0), deviceName(1), deviceName(2), deviceName(3)}));
    // Batch 1 waits until every device of batch 0 has an outcome.
    const auto waiting =
        work.claim(rollout.id, QStringLiteral("a"), 3, 5, deadline, [this] { return nextId(); });
    STORE_VERIFY(waiting);
    QVERIFY(waiting->isEmpty());
    QList<RolloutReply> replies;
    for (const RolloutClaim& claim : *a + *b)
        replies << RolloutReply{claim.deviceName, claim.messageId, 200, {}};
    STORE_VERIFY(work.applyReplies(rollout.id, kProduct, replies, QStringLiteral("late")));
    auto tally = work.tally(rollout.id);
    STORE_VERIFY(tally);
    QCOMPARE(tally->currentBatch, 1);
    QVERIFY(tally->currentBatchFresh);
    // ...and only once the caller passed it through its abort check (maxBatch).
    const auto held =
        work.claim(rollout.id, QStringLiteral("a"), 10, 0, deadline, [this] { return nextId(); });
    STORE_VERIFY(held);
    QVERIFY(held->isEmpty());
    const auto next =
        work.claim(rollout.id, QStringLiteral("a"), 10, 1, deadline, [this] { return nextId(); });
    STORE_VERIFY(next);
    QCOMPARE(next->size(), kBatch);
    QCOMPARE(next->first().deviceName, deviceName(4));
}

void TestRolloutWork::repliesMatchTheirPushById()
{
    const RolloutRecord rollout = started();
    RolloutWork& work = m_workspace->rolloutWork();
    const auto claims = work.claim(rollout.id, QStringLiteral("a"), 2, 0,
                                   QDateTime::currentMSecsSinceEpoch() + 60000, [this] { return nextId(); });
    STORE_VERIFY(claims);
    QCOMPARE(claims->size(), 2);
    const auto applied =
        work.applyReplies(rollout.id, kProduct,
                          {RolloutReply{claims->at(0).deviceName, QStringLiteral("not-this-push"), 200, {}},
                           RolloutReply{claims->at(1).deviceName, claims->at(1).messageId, 6713, {}},
                           RolloutReply{QStringLiteral("stranger"), claims->at(0).messageId, 200, {}}},
                          QStringLiteral("late"));
    STORE_VERIFY(applied);
    QCOMPARE(applied->size(), 1);
    QCOMPARE(applied->first().deviceName, claims->at(1).deviceName);
    QCOMPARE(applied->first().state, OutcomeState::Failed);
    QCOMPARE(applied->first().replyCode, 6713);
    // A duplicate of the reply changes nothing more.
    const auto again = work.applyReplies(
        rollout.id, kProduct, {RolloutReply{claims->at(1).deviceName, claims->at(1).messageId, 200, {}}},
        QStringLiteral("late"));
    STORE_VERIFY(again);
    QVERIFY(again->isEmpty());
    const auto tally = work.tally(rollout.id);
    STORE_VERIFY(tally);
    QCOMPARE(tally->count(OutcomeState::Failed), 1);
    QCOMPARE(tally->count(OutcomeState::Pushed), 1);
}

void TestRolloutWork::deadlinesTimeOutAndStaleProcessesAreRetriedOnce()
{
    const RolloutRecord rollout = started();
    RolloutWork& work = m_workspace->rolloutWork();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    STORE_VERIFY(work.beat(rollout.id, QStringLiteral("alive"), QString()));
    STORE_VERIFY(work.beat(rollout.id, QStringLiteral("dead"), QString()));
    const auto alive =
        work.claim(rollout.id, QStringLiteral("alive"), 2, 0, now - 1, [this] { return nextId(); });
    const auto dead =
        work.claim(rollout.id, QStringLiteral("dead"), 2, 0, now + 60000, [this] { return nextId(); });
    STORE_VERIFY(alive);
    STORE_VERIFY(dead);
    QTest::qWait(20);
    STORE_VERIFY(work.beat(rollout.id, QStringLiteral("alive"), QString()));
    // "dead" has not beaten since before staleBefore: its two pushes go back; "alive"'s are past their
    // deadline.
    const qint64 later = QDateTime::currentMSecsSinceEpoch();
    const auto expiry = work.expire(rollout.id, kProduct, later, later - 10, 2, QStringLiteral("no reply"),
                                    QStringLiteral("retried"));
    STORE_VERIFY(expiry);
    QCOMPARE(expiry->retried, 2);
    QCOMPARE(expiry->timedOut.size(), 2);
    for (const RolloutOutcome& outcome : expiry->timedOut)
        QCOMPARE(outcome.message, QStringLiteral("no reply"));
    // The retried devices are pushed again (attempt 2) by whoever claims them; a third time never.
    const auto retry =
        work.claim(rollout.id, QStringLiteral("alive"), 4, 0, later + 60000, [this] { return nextId(); });
    STORE_VERIFY(retry);
    QCOMPARE(retry->size(), 2);
    for (const RolloutClaim& claim : *retry)
        QCOMPARE(claim.attempt, 2);
    STORE_VERIFY(work.beat(rollout.id, QStringLiteral("dead"), QString())); // make a row, then let it age
    const auto retried =
        work.claim(rollout.id, QStringLiteral("dead"), 0, 0, later + 60000, [this] { return nextId(); });
    STORE_VERIFY(retried);
    QTest::qWait(20);
    STORE_VERIFY(work.beat(rollout.id, QStringLiteral("alive"), QString()));
    const qint64 last = QDateTime::currentMSecsSinceEpoch();
    const auto none = work.expire(rollout.id, kProduct, last, last - 10, 2, QStringLiteral("no reply"),
                                  QStringLiteral("retried"));
    STORE_VERIFY(none);
    QCOMPARE(none->retried, 0); // "alive" holds them and beats
    // A late reply replaces a time-out, with the note.
    const auto late = work.applyReplies(
        rollout.id, kProduct, {RolloutReply{alive->first().deviceName, alive->first().messageId, 200, {}}},
        QStringLiteral("late reply"));
    STORE_VERIFY(late);
    QCOMPARE(late->size(), 1);
    const auto outcomes = m_workspace->rollouts().outcomes(rollout.id);
    STORE_VERIFY(outcomes);
    for (const RolloutOutcome& outcome : *outcomes) {
        if (outcome.deviceName == alive->first().deviceName) {
            QCOMPARE(outcome.state, OutcomeState::Succeeded);
            QCOMPARE(outcome.message, QStringLiteral("late reply"));
        }
    }
}

void TestRolloutWork::completesOnlyWhenEveryDeviceHasAnOutcome()
{
    const RolloutRecord rollout = started();
    RolloutWork& work = m_workspace->rolloutWork();
    const auto early = work.finish(rollout.id, RolloutState::Completed, QStringLiteral("done"));
    STORE_VERIFY(early);
    QVERIFY(!*early);
    int batch = 0;
    for (;;) {
        const auto claims =
            work.claim(rollout.id, QStringLiteral("a"), 100, batch++,
                       QDateTime::currentMSecsSinceEpoch() + 60000, [this] { return nextId(); });
        STORE_VERIFY(claims);
        if (claims->isEmpty())
            break;
        QList<RolloutReply> replies;
        for (const RolloutClaim& claim : *claims)
            replies << RolloutReply{claim.deviceName, claim.messageId, 200, {}};
        STORE_VERIFY(work.applyReplies(rollout.id, kProduct, replies, QString()));
    }
    QCOMPARE(batch, 4); // three batches of 4, 4 and 2, then nothing
    const auto tally = work.tally(rollout.id);
    STORE_VERIFY(tally);
    QCOMPARE(tally->currentBatch, -1);
    QCOMPARE(tally->count(OutcomeState::Succeeded), kDevices);
    const auto ended = work.finish(rollout.id, RolloutState::Completed, QStringLiteral("done"));
    STORE_VERIFY(ended);
    QVERIFY(*ended);
    // Whoever comes second is told it ended already.
    const auto twice = work.finish(rollout.id, RolloutState::Completed, QStringLiteral("done"));
    STORE_VERIFY(twice);
    QVERIFY(!*twice);
    const auto stored = m_workspace->rollouts().find(rollout.id);
    STORE_VERIFY(stored);
    QCOMPARE((*stored)->state, RolloutState::Completed);
    QCOMPARE((*stored)->finishReason, QStringLiteral("done"));
    QVERIFY((*stored)->finished.isValid());
}

void TestRolloutWork::abortSkipsWhatWasNotPushed()
{
    const RolloutRecord rollout = started();
    RolloutWork& work = m_workspace->rolloutWork();
    const auto claims = work.claim(rollout.id, QStringLiteral("a"), 2, 0,
                                   QDateTime::currentMSecsSinceEpoch() + 60000, [this] { return nextId(); });
    STORE_VERIFY(claims);
    const auto ended = work.finish(rollout.id, RolloutState::Aborted, QStringLiteral("cancelled by erin"));
    STORE_VERIFY(ended);
    QVERIFY(*ended);
    const auto tally = work.tally(rollout.id);
    STORE_VERIFY(tally);
    QCOMPARE(tally->state, RolloutState::Aborted);
    QCOMPARE(tally->count(OutcomeState::TimedOut), 2);
    QCOMPARE(tally->count(OutcomeState::Skipped), kDevices - 2);
    QCOMPARE(tally->done(), kDevices);
    const auto after = work.claim(rollout.id, QStringLiteral("a"), 2, 5,
                                  QDateTime::currentMSecsSinceEpoch() + 60000, [this] { return nextId(); });
    STORE_VERIFY(after);
    QVERIFY(after->isEmpty());
    const auto active = work.active(kProduct);
    STORE_VERIFY(active);
    QVERIFY(!active->has_value());
}

void TestRolloutWork::lockIsExclusiveAgainstSharedHolders()
{
    auto second = open();
    QVERIFY(second);
    auto third = open();
    QVERIFY(third);
    RolloutLock& platformA = m_workspace->rolloutLock();
    RolloutLock& platformB = second->rolloutLock();
    RolloutLock& console = third->rolloutLock();
    const bool shared = m_workspace->isShared();
    auto acquired = [](Alink::Expected<bool> result) { return result && *result; };
    QVERIFY(acquired(platformA.tryAcquire(kProduct, RolloutLock::Mode::Shared)));
    QVERIFY(acquired(platformB.tryAcquire(kProduct, RolloutLock::Mode::Shared)));
    // A console cannot run one while platforms share one (on a file workspace there is one user: granted).
    QCOMPARE(acquired(console.tryAcquire(kProduct, RolloutLock::Mode::Exclusive)), !shared);
    console.release(kProduct);
    QVERIFY(acquired(console.tryAcquire(QStringLiteral("a1Other"), RolloutLock::Mode::Exclusive)));
    platformA.release(kProduct);
    QCOMPARE(acquired(console.tryAcquire(kProduct, RolloutLock::Mode::Exclusive)), !shared);
    // A holder that goes away (its connection closes) frees the product.
    second.reset();
    QVERIFY(acquired(console.tryAcquire(kProduct, RolloutLock::Mode::Exclusive)));
    QVERIFY(console.holds(kProduct));
    QCOMPARE(acquired(platformA.tryAcquire(kProduct, RolloutLock::Mode::Shared)), !shared);
}

QTEST_GUILESS_MAIN(TestRolloutWork)
#include "TestRolloutWork.moc"
