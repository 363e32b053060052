// What a console is told when another console changes a shared (PostgreSQL) workspace: a device's state comes
// as that device's update (the table and the selection stay), messages and rollouts as reloads of only those,
// and anything else (a device added) as a whole reload. A steady stream of changes (another console's
// rollout) is shown while it goes on, at most every 250 ms, not held back until it stops.
#include "session/ConsoleSession.h"
#include "store/Workspace.h"
#include "support/PostgresFixture.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace ConfigDeck;
using Session::ConsoleSession;
using Session::WorkspaceProtection;

namespace {
const QString kPassphrase = QStringLiteral("shared session changes passphrase");
const QString kProduct = QStringLiteral("a1Team");
const QByteArray kSecret = "5e2b7c9a0d1f4e3b8a6c2d9e0f1a2b3c";
} // namespace

class TestSharedSessionChanges : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void stateChangeComesAsThatDevicesUpdate();
    void messagesAndRolloutsReloadOnlyThemselves();
    void steadyStreamIsShownWhileItGoesOn();
    void addedDeviceReloadsTheFleet();

private:
    std::unique_ptr<TestSupport::PostgresFixture> m_server;
    std::unique_ptr<ConsoleSession> m_first;
    std::unique_ptr<ConsoleSession> m_second;
};

void TestSharedSessionChanges::initTestCase()
{
    m_server = std::make_unique<TestSupport::PostgresFixture>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    ConsoleSession::Options options;
    options.workspacePath = m_server->url();
    options.databasePassword = m_server->password();
    options.create = WorkspaceProtection::withPassphrase(kPassphrase);
    m_first = std::make_unique<ConsoleSession>(options);
    const auto opened = m_first->open();
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_first->workspace()->identities().addDevice({kProduct, QStringLiteral("meter-%1").arg(i)},
                                                             kSecret));
    ConsoleSession::Options other;
    other.workspacePath = m_server->url();
    other.databasePassword = m_server->password();
    other.passphrase = kPassphrase;
    m_second = std::make_unique<ConsoleSession>(other);
    const auto openedSecond = m_second->open();
    QVERIFY2(openedSecond, openedSecond ? "" : qPrintable(openedSecond.error().message()));
    QTest::qWait(600); // the first console's set-up has been announced and taken
}

void TestSharedSessionChanges::cleanupTestCase()
{
    m_second.reset();
    m_first.reset();
    m_server.reset();
}

void TestSharedSessionChanges::stateChangeComesAsThatDevicesUpdate()
{
    QSignalSpy updates(m_second.get(), &ConsoleSession::deviceStateChanged);
    QSignalSpy reloads(m_second.get(), &ConsoleSession::fleetChanged);
    Store::DeviceStateUpdate update;
    update.productKey = kProduct;
    update.deviceName = QStringLiteral("meter-1");
    update.state = Store::ConfigState::Verified;
    update.sha256 = QString(64, u'a');
    update.lastReplyCode = 200;
    update.online = true;
    QVERIFY(m_first->workspace()->deviceStates().apply({update}));
    QTRY_VERIFY_WITH_TIMEOUT(!updates.isEmpty(), 1000);
    const auto received = updates.first().first().value<Store::DeviceStateUpdate>();
    QCOMPARE(received.deviceName, QStringLiteral("meter-1"));
    QCOMPARE(received.state, Store::ConfigState::Verified);
    QCOMPARE(received.sha256, QString(64, u'a'));
    QCOMPARE(received.lastReplyCode, 200);
    QCOMPARE(received.online, true);
    QVERIFY(reloads.isEmpty());
}

void TestSharedSessionChanges::messagesAndRolloutsReloadOnlyThemselves()
{
    QSignalSpy messages(m_second.get(), &ConsoleSession::messageLogChanged);
    QSignalSpy rollouts(m_second.get(), &ConsoleSession::rolloutsChanged);
    QSignalSpy reloads(m_second.get(), &ConsoleSession::fleetChanged);
    Store::MessageLogEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.productKey = kProduct;
    entry.deviceName = QStringLiteral("meter-0");
    entry.topic = QStringLiteral("/sys/a1Team/meter-0/thing/config/get");
    QVERIFY(m_first->workspace()->messageLog().append({entry}));
    QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), 1000);

    const auto sha = m_first->workspace()->versions().add(R"({"v":1})", kProduct, QStringLiteral("v1"),
                                                          Store::ConfigOrigin::Pushed);
    QVERIFY(sha);
    QTRY_VERIFY_WITH_TIMEOUT(!reloads.isEmpty(), 1000); // a new version: the whole fleet (its versions)
    reloads.clear();
    Store::RolloutRecord rollout;
    rollout.productKey = kProduct;
    rollout.configSha256 = *sha;
    rollout.operatorName = QStringLiteral("grace");
    const auto id = m_first->workspace()->rollouts().create(rollout);
    QVERIFY(id);
    QTRY_VERIFY_WITH_TIMEOUT(!rollouts.isEmpty(), 1000);
    QVERIFY(rollouts.last().first().value<QList<qint64>>().contains(*id));
    QVERIFY(reloads.isEmpty());
}

void TestSharedSessionChanges::steadyStreamIsShownWhileItGoesOn()
{
    QSignalSpy updates(m_second.get(), &ConsoleSession::deviceStateChanged);
    QElapsedTimer clock;
    clock.start();
    qint64 firstSeen = -1;
    connect(m_second.get(), &ConsoleSession::deviceStateChanged, this, [&] {
        if (firstSeen < 0)
            firstSeen = clock.elapsed();
    });
    // A change every 20 ms for 2 s, as a rollout in another console makes them.
    int n = 0;
    while (clock.elapsed() < 2000) {
        Store::DeviceStateUpdate update;
        update.productKey = kProduct;
        update.deviceName = QStringLiteral("meter-%1").arg(n % 3);
        update.lastReplyCode = 200 + (n++ % 2);
        QVERIFY(m_first->workspace()->deviceStates().apply({update}));
        QTest::qWait(20);
    }
    QVERIFY2(firstSeen >= 0 && firstSeen < 1000, qPrintable(QString::number(firstSeen)));
    // Shown every 250 ms or so, three devices each time: not one update per change, nor one at the end.
    QVERIFY2(updates.size() >= 3 * 4, qPrintable(QString::number(updates.size())));
    QVERIFY2(updates.size() < n, qPrintable(QString::number(updates.size())));
}

void TestSharedSessionChanges::addedDeviceReloadsTheFleet()
{
    QSignalSpy reloads(m_second.get(), &ConsoleSession::fleetChanged);
    QVERIFY(m_first->workspace()->identities().addDevice({kProduct, QStringLiteral("meter-9")}, kSecret));
    QTRY_VERIFY_WITH_TIMEOUT(!reloads.isEmpty(), 1000);
}

QTEST_GUILESS_MAIN(TestSharedSessionChanges)
#include "TestSharedSessionChanges.moc"
