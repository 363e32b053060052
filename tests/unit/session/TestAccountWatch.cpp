// ConsoleSession::watchAccount: the account's server-side subscription (against the AMQP TLS stand-in)
// applies push replies and status to the open workspace's devices through the same path as the platform
// service (recorded, deviceStateChanged, messageLogged), says what it is doing, ignores unknown devices,
// and loses nothing when the server is killed and restarted.
#include "cloud/AccountFeed.h"
#include "session/ConsoleSession.h"
#include "store/Workspace.h"
#include "support/AmqpStandInFixture.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using Cloud::AmqpSubscription;
using Session::ConsoleSession;
using TestSupport::AmqpStandInFixture;

namespace {

const QString kProduct = QStringLiteral("a1AccountPk");

ConsoleSession::Options optionsFor(const QString& path)
{
    ConsoleSession::Options options;
    options.workspacePath = path;
    const QString passphrase = QStringLiteral("account-watch test passphrase");
    options.create = Session::WorkspaceProtection::withPassphrase(passphrase);
    options.passphrase = passphrase;
    return options;
}

AmqpSubscription::Settings settingsFor(const AmqpStandInFixture& standIn)
{
    AmqpSubscription::Settings settings;
    settings.host = standIn.host();
    settings.port = standIn.port();
    settings.accessKeyId = standIn.options().accessKeyId;
    settings.accessKeySecret = standIn.options().accessKeySecret;
    settings.consumerGroupId = standIn.options().consumerGroups.constFirst();
    settings.iotInstanceId = standIn.options().instanceId;
    settings.clientId = QStringLiteral("configdeck-session-test");
    settings.caCertificateFile = standIn.caFile();
    settings.reconnect.minDelayMs = 100;
    settings.reconnect.maxDelayMs = 400;
    return settings;
}

} // namespace

class TestAccountWatch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void needsAnOpenWorkspaceAndValidSettings();
    void repliesAndStatusReachTheWorkspace();
    void serverRestartLosesNothing();
    void closingTheWorkspaceStopsWatching();

private:
    std::optional<Store::DeviceState> stateOf(const QString& deviceName) const;

    QTemporaryDir m_dir;
    std::unique_ptr<AmqpStandInFixture> m_standIn;
    std::unique_ptr<ConsoleSession> m_session;
};

void TestAccountWatch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (const auto why = AmqpStandInFixture::unavailable())
        QFAIL(qPrintable(*why));
    m_standIn = std::make_unique<AmqpStandInFixture>();
    QVERIFY2(m_standIn->start(), qPrintable(m_standIn->errorString()));
    m_session = std::make_unique<ConsoleSession>(optionsFor(m_dir.filePath(QStringLiteral("a.configdeck"))));
    QVERIFY(m_session->open());
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_session->workspace()->identities().addDevice(
            Store::DeviceRecord{kProduct, QStringLiteral("dev%1").arg(i), {}, {}, true},
            QByteArray("Secret-") + QByteArray::number(i)));
}

void TestAccountWatch::cleanupTestCase()
{
    m_session.reset();
    m_standIn.reset();
}

std::optional<Store::DeviceState> TestAccountWatch::stateOf(const QString& deviceName) const
{
    m_session->flush();
    const auto state = m_session->workspace()->deviceStates().state(kProduct, deviceName);
    return state ? *state : std::nullopt;
}

void TestAccountWatch::needsAnOpenWorkspaceAndValidSettings()
{
    ConsoleSession closed(optionsFor(m_dir.filePath(QStringLiteral("never-opened.configdeck"))));
    const auto noWorkspace = closed.watchAccount(settingsFor(*m_standIn));
    QVERIFY(noWorkspace);
    QCOMPARE(noWorkspace->field, QStringLiteral("workspace"));

    auto settings = settingsFor(*m_standIn);
    settings.consumerGroupId.clear();
    const auto invalid = m_session->watchAccount(settings);
    QVERIFY(invalid);
    QCOMPARE(invalid->field, QStringLiteral("consumerGroupId"));
    QCOMPARE(m_session->accountWatchState(), AmqpSubscription::State::Stopped);
    QCOMPARE(m_session->accountFeed(), nullptr);
}

void TestAccountWatch::repliesAndStatusReachTheWorkspace()
{
    QSignalSpy states(m_session.get(), &ConsoleSession::accountWatchStateChanged);
    QSignalSpy deviceStates(m_session.get(), &ConsoleSession::deviceStateChanged);
    QSignalSpy logged(m_session.get(), &ConsoleSession::messageLogged);
    QSignalSpy replies(m_session.get(), &ConsoleSession::accountReply);
    QSignalSpy statuses(m_session.get(), &ConsoleSession::accountStatus);
    QVERIFY(!m_session->watchAccount(settingsFor(*m_standIn)));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->accountWatchState(), AmqpSubscription::State::Connected, 10000);
    QVERIFY(states.size() >= 2);
    QCOMPARE(states.at(0).at(0).value<AmqpSubscription::State>(), AmqpSubscription::State::Connecting);
    QVERIFY(m_session->accountWatchStateText().contains(QStringLiteral("connected")));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(m_standIn->sendStatus(kProduct, QStringLiteral("dev0"), true, now, QStringLiteral("s0")));
    QVERIFY(m_standIn->sendPushReply(kProduct, QStringLiteral("dev0"), 200, QStringLiteral("11"),
                                     QStringLiteral("r0")));
    QVERIFY(m_standIn->sendPushReply(kProduct, QStringLiteral("dev1"), 100003, QStringLiteral("12"),
                                     QStringLiteral("r1")));
    QVERIFY(m_standIn->sendStatus(kProduct, QStringLiteral("dev2"), false, now, QStringLiteral("s2")));
    // An older status of dev0 (out of order) and a device the workspace does not have: no change.
    QVERIFY(m_standIn->sendStatus(kProduct, QStringLiteral("dev0"), false, now.addSecs(-60),
                                  QStringLiteral("s0-old")));
    QVERIFY(m_standIn->sendPushReply(kProduct, QStringLiteral("stranger"), 200, QStringLiteral("13"),
                                     QStringLiteral("r-stranger")));
    QVERIFY(m_standIn->sendStatus(kProduct, QStringLiteral("dev0"), true, now, QStringLiteral("last")));
    QVERIFY(m_standIn->waitFor(QStringLiteral("ACCEPTED last")));
    QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), 3, 5000);

    QCOMPARE(replies.size(), 2);
    QCOMPARE(replies.at(1).at(1).toString(), QStringLiteral("dev1"));
    QCOMPARE(replies.at(1).at(2).toInt(), 100003);
    QCOMPARE(deviceStates.size(), 5);
    QCOMPARE(logged.size(), 5);
    QCOMPARE(m_session->accountFeed()->staleStatuses(), 1);
    QCOMPARE(m_session->accountFeed()->unknownDeviceMessages(), 1);

    const auto dev0 = stateOf(QStringLiteral("dev0"));
    QVERIFY(dev0);
    QCOMPARE(dev0->state, Store::ConfigState::Applied);
    QCOMPARE(dev0->lastReplyCode, std::optional(200));
    QCOMPARE(dev0->replySource, Alink::ReplySource::Device);
    QVERIFY(dev0->online);
    const auto dev1 = stateOf(QStringLiteral("dev1"));
    QVERIFY(dev1);
    QCOMPARE(dev1->state, Store::ConfigState::Failed);
    QCOMPARE(dev1->lastReplyCode, std::optional(100003));
    const auto dev2 = stateOf(QStringLiteral("dev2"));
    QVERIFY(dev2);
    QVERIFY(!dev2->online);
    QCOMPARE(dev2->state, Store::ConfigState::Unknown);
    QVERIFY(!m_session->workspace()->identities().device(kProduct, QStringLiteral("stranger"))->has_value());

    // The message log has them, as the Messages view shows them.
    const auto entries = m_session->workspace()->messageLog().entries(kProduct, QStringLiteral("dev1"));
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->at(0).topic, QStringLiteral("/%1/dev1/thing/downlink/reply/message").arg(kProduct));
    QCOMPARE(entries->at(0).code, std::optional(100003));

    m_session->stopWatchingAccount();
    QCOMPARE(m_session->accountWatchState(), AmqpSubscription::State::Stopped);
    QCOMPARE(states.constLast().at(0).value<AmqpSubscription::State>(), AmqpSubscription::State::Stopped);
}

void TestAccountWatch::serverRestartLosesNothing()
{
    QSignalSpy replies(m_session.get(), &ConsoleSession::accountReply);
    QVERIFY(!m_session->watchAccount(settingsFor(*m_standIn)));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->accountWatchState(), AmqpSubscription::State::Connected, 10000);
    QVERIFY(m_standIn->sendPushReply(kProduct, QStringLiteral("dev2"), 200, QStringLiteral("21"),
                                     QStringLiteral("k1")));
    QTRY_COMPARE_WITH_TIMEOUT(replies.size(), 1, 10000);

    m_standIn->kill();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->accountWatchState(), AmqpSubscription::State::Retrying, 10000);
    QVERIFY(m_session->accountWatchStateText().contains(QStringLiteral("retrying in")));
    // What the workspace learnt before the disconnect stays.
    QCOMPARE(stateOf(QStringLiteral("dev2"))->state, Store::ConfigState::Applied);
    QCOMPARE(stateOf(QStringLiteral("dev1"))->lastReplyCode, std::optional(100003));

    QVERIFY2(m_standIn->restart(), qPrintable(m_standIn->errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->accountWatchState(), AmqpSubscription::State::Connected, 15000);
    QVERIFY(m_standIn->sendPushReply(kProduct, QStringLiteral("dev2"), 100001, QStringLiteral("22"),
                                     QStringLiteral("k2")));
    QTRY_COMPARE_WITH_TIMEOUT(replies.size(), 2, 10000);
    const auto dev2 = stateOf(QStringLiteral("dev2"));
    QCOMPARE(dev2->state, Store::ConfigState::Failed);
    QCOMPARE(dev2->lastReplyCode, std::optional(100001));
    QCOMPARE(stateOf(QStringLiteral("dev1"))->lastReplyCode, std::optional(100003));
    QCOMPARE(stateOf(QStringLiteral("dev0"))->state, Store::ConfigState::Applied);
}

void TestAccountWatch::closingTheWorkspaceStopsWatching()
{
    if (m_session->accountWatchState() == AmqpSubscription::State::Stopped)
        QVERIFY(!m_session->watchAccount(settingsFor(*m_standIn)));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->accountWatchState(), AmqpSubscription::State::Connected, 10000);
    const int closedBefore = m_standIn->countOf(QStringLiteral("CLOSED configdeck-session-test"));
    m_session->shutdown();
    QCOMPARE(m_session->accountWatchState(), AmqpSubscription::State::Stopped);
    QCOMPARE(m_session->accountFeed(), nullptr);
    QVERIFY2(m_standIn->waitFor(QStringLiteral("CLOSED configdeck-session-test"), 10000, closedBefore + 1),
             qPrintable(m_standIn->output()));
}

QTEST_GUILESS_MAIN(TestAccountWatch)
#include "TestAccountWatch.moc"
