// CloudSession end to end without the cloud: TLS to a real Mosquitto that checks the signed passwords and the
// topics of each identity, the platform service answering as the cloud does over HTTPS.
#include "CloudRig.h"
#include "alink/AlinkCodec.h"
#include "alink/ReplyCodeCatalog.h"
#include "alink/Topic.h"
#include "cloud/CloudSession.h"
#include "store/Workspace.h"
#include "support/StoredValue.h"
#include "transfer/Sha256Stream.h"

#include <QSignalSpy>
#include <QTest>

using namespace ConfigDeck;
using Cloud::CloudDeviceState;
using Cloud::CloudSession;
using Tests::CloudRig;

namespace {

const QString kProduct = QStringLiteral("a1CloudTest");
const QByteArray kConfigV1 = "{\"reportInterval\":60,\"server\":\"mqtt.example.com\",\"features\":[1,2,3]}";
const QByteArray kConfigV2 =
    "{\"reportInterval\":30,\"server\":\"mqtt.example.com\",\"features\":[1,2,3],\"debug\":true}";

Alink::DeviceIdentity identity(int index)
{
    return {kProduct, QStringLiteral("cloud-dev-%1").arg(index), QStringLiteral("Secret%1xYz").arg(index)};
}

QList<Alink::DeviceIdentity> identities(int count)
{
    QList<Alink::DeviceIdentity> list;
    for (int i = 0; i < count; ++i)
        list << identity(i);
    return list;
}

} // namespace

class TestCloudSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void getVerifyStoreAndDiff();
    void pushAutoReply();
    void manualReply();
    void platformRefusalsExplained();
    void wrongSecretRefused();
    void expiredUrl();
    void wrongSign();
    void kickedOffline();
    void boundedConnecting();
    void removeAndReconnect();
    void invalidInputChangesNothing();

private:
    // Starts a rig with `count` registered identities and a session connected as the first `connect` of them.
    bool startRig(int count);
    bool connectSession(const QList<Alink::DeviceIdentity>& list, const Roles::AgentSettings& settings = {});

    std::unique_ptr<CloudRig> m_rig;
    std::unique_ptr<CloudSession> m_session;
};

void TestCloudSession::initTestCase()
{
    qRegisterMetaType<Alink::ConfigFile>();
}

bool TestCloudSession::startRig(int count)
{
    m_session.reset();
    m_rig = std::make_unique<CloudRig>(identities(count));
    QString error;
    if (!m_rig->start(&error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    Roles::PlatformProduct product;
    product.productKey = kProduct;
    m_rig->platform->setProduct(product);
    return bool(m_rig->platform->publishConfig(kProduct, kConfigV1));
}

bool TestCloudSession::connectSession(const QList<Alink::DeviceIdentity>& list,
                                      const Roles::AgentSettings& settings)
{
    m_session = std::make_unique<CloudSession>();
    m_session->setProfile(m_rig->profile());
    m_session->setClock([] { return CloudRig::kTimestamp; });
    Roles::AgentSettings agent = settings;
    agent.caCertificates = m_rig->downloadRoots();
    m_session->setAgentSettings(agent);
    QSignalSpy settled(m_session.get(), &CloudSession::allSettled);
    if (auto error = m_session->start(list)) {
        qWarning("%s", qPrintable(error->message()));
        return false;
    }
    if (!settled.wait(15000) && settled.isEmpty())
        return false;
    return m_session->onlineCount() == list.size();
}

void TestCloudSession::getVerifyStoreAndDiff()
{
    QVERIFY(startRig(1));
    QTemporaryDir dir;
    auto workspace = Store::Workspace::open(dir.filePath(QStringLiteral("ws.configdeck")));
    QVERIFY2(workspace, workspace ? "" : qPrintable(workspace.error().message()));

    m_session = std::make_unique<CloudSession>();
    m_session->setProfile(m_rig->profile());
    m_session->setClock([] { return CloudRig::kTimestamp; });
    m_session->setWorkspace(workspace->get());
    Roles::AgentSettings settings;
    settings.caCertificates = m_rig->downloadRoots();
    m_session->setAgentSettings(settings);
    QSignalSpy connected(m_session.get(), &CloudSession::deviceConnected);
    QSignalSpy refused(m_session.get(), &CloudSession::deviceRefused);
    QVERIFY(!m_session->start({identity(0)}));
    QTRY_COMPARE_WITH_TIMEOUT(connected.size() + refused.size(), 1, 15000);
    QVERIFY2(refused.isEmpty(),
             refused.isEmpty() ? "" : qPrintable(refused.first().at(2).toString() + m_rig->broker->log()));
    QCOMPARE(m_session->deviceState(kProduct, identity(0).deviceName), CloudDeviceState::Online);

    // The broker saw the SDK-form client id and user name, signed for the fixed timestamp.
    Roles::DeviceAgent* agent = m_session->agent(kProduct, identity(0).deviceName);
    QVERIFY(agent);
    QVERIFY(agent->connection()->options().clientId.startsWith(
        QStringLiteral("%1.%2|securemode=2,signmethod=hmacsha256,timestamp=%3,")
            .arg(kProduct, identity(0).deviceName)
            .arg(CloudRig::kTimestamp)));
    QCOMPARE(agent->connection()->options().username, identity(0).deviceName + u'&' + kProduct);

    QSignalSpy finished(m_session.get(), &CloudSession::exchangeFinished);
    QSignalSpy verified(m_session.get(), &CloudSession::configVerified);
    const auto id = m_session->requestConfig(kProduct, identity(0).deviceName);
    QVERIFY(id);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(2).toString(), *id);
    QCOMPARE(finished.first().at(3).toInt(), 200);
    QCOMPARE(verified.size(), 1);
    QCOMPARE(verified.first().at(3).toByteArray(), kConfigV1);
    QVERIFY(verified.first().at(4).toString().isEmpty()); // held nothing before
    QVERIFY(verified.first().at(6).toString().isEmpty()); // stored
    const QString sha1 = Transfer::Sha256Stream::hash(kConfigV1);
    const auto stored = storedValue((*workspace)->versions().find(sha1));
    QVERIFY(stored);
    QCOMPARE(stored->content, kConfigV1);
    QCOMPARE(stored->origin, Store::ConfigOrigin::Downloaded);
    QCOMPARE(stored->productKey, kProduct);
    QCOMPARE(stored->label, verified.first().at(2).value<Alink::ConfigFile>().configId);

    // A new version: diffed against the one held before.
    QVERIFY(m_rig->platform->publishConfig(kProduct, kConfigV2));
    QVERIFY(m_session->requestConfig(kProduct, identity(0).deviceName));
    QTRY_COMPARE_WITH_TIMEOUT(verified.size(), 2, 10000);
    QCOMPARE(verified.at(1).at(4).toString(), sha1);
    const QString diff = verified.at(1).at(5).toString();
    QVERIFY2(diff.contains(QStringLiteral("1 changed")) && diff.contains(QStringLiteral("1 added")),
             qPrintable(diff));
    QVERIFY(storedValue((*workspace)->versions().find(Transfer::Sha256Stream::hash(kConfigV2))));

    // The same version again: unchanged.
    QVERIFY(m_session->requestConfig(kProduct, identity(0).deviceName));
    QTRY_COMPARE_WITH_TIMEOUT(verified.size(), 3, 10000);
    QVERIFY(verified.at(2).at(5).toString().contains(QStringLiteral("unchanged")));
    m_session.reset(); // before the workspace it writes to goes
}

void TestCloudSession::pushAutoReply()
{
    QVERIFY(startRig(2));
    QVERIFY(connectSession(identities(2)));
    QSignalSpy replied(m_rig->platform.get(), &Roles::PlatformService::pushReplied);
    QSignalSpy verified(m_session.get(), &CloudSession::configVerified);
    const auto tickets = m_rig->platform->push(kProduct, {identity(0).deviceName, identity(1).deviceName});
    QVERIFY2(tickets, tickets ? "" : qPrintable(tickets.error().message()));
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 2, 10000);
    for (const auto& call : replied)
        QCOMPARE(call.at(3).toInt(), 200);
    QCOMPARE(verified.size(), 2);
}

void TestCloudSession::manualReply()
{
    QVERIFY(startRig(1));
    Roles::AgentSettings settings;
    settings.autoReply = false;
    QVERIFY(connectSession({identity(0)}, settings));
    QSignalSpy awaited(m_session.get(), &CloudSession::replyAwaited);
    QSignalSpy replied(m_rig->platform.get(), &Roles::PlatformService::pushReplied);
    QVERIFY(m_rig->platform->push(kProduct, {identity(0).deviceName}));
    QTRY_COMPARE_WITH_TIMEOUT(awaited.size(), 1, 10000);
    QCOMPARE(awaited.first().at(3).toInt(), 200); // verified; the operator chooses the code
    QVERIFY(replied.isEmpty());
    const QString id = awaited.first().at(2).toString();
    QVERIFY(!m_session->reply(kProduct, identity(0).deviceName, id, Alink::ReplyCodeCatalog::ApplyFailed));
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 10000);
    QCOMPARE(replied.first().at(2).toString(), id);
    QCOMPARE(replied.first().at(3).toInt(), int(Alink::ReplyCodeCatalog::ApplyFailed));
    // A second reply to the same push is refused with a reason.
    const auto again = m_session->reply(kProduct, identity(0).deviceName, id, 200);
    QVERIFY(again);
    QVERIFY(again->message().contains(id));
}

void TestCloudSession::platformRefusalsExplained()
{
    QVERIFY(startRig(1));
    QVERIFY(connectSession({identity(0)}));
    QSignalSpy finished(m_session.get(), &CloudSession::exchangeFinished);

    m_rig->platform->setRemoteConfigEnabled(kProduct, false);
    QVERIFY(m_session->requestConfig(kProduct, identity(0).deviceName));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.at(0).at(3).toInt(), 6713);
    QCOMPARE(finished.at(0).at(5).toString(), Cloud::CloudProfile::advice(6713));
    QVERIFY(finished.at(0).at(5).toString().contains(QStringLiteral("Remote Configuration")));

    Roles::PlatformProduct empty;
    empty.productKey = kProduct;
    m_rig->platform->setProduct(empty);
    QVERIFY(m_session->requestConfig(kProduct, identity(0).deviceName));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    QCOMPARE(finished.at(1).at(3).toInt(), 6710);
    QCOMPARE(finished.at(1).at(5).toString(), Cloud::CloudProfile::advice(6710));
}

void TestCloudSession::wrongSecretRefused()
{
    QVERIFY(startRig(2));
    Alink::DeviceIdentity wrong = identity(1);
    wrong.deviceSecret = QStringLiteral("not-the-secret");
    m_session = std::make_unique<CloudSession>();
    m_session->setProfile(m_rig->profile());
    m_session->setClock([] { return CloudRig::kTimestamp; });
    QSignalSpy refused(m_session.get(), &CloudSession::deviceRefused);
    QSignalSpy connected(m_session.get(), &CloudSession::deviceConnected);
    QSignalSpy settled(m_session.get(), &CloudSession::allSettled);
    QVERIFY(!m_session->start({identity(0), wrong}));
    QVERIFY(settled.wait(15000));
    QCOMPARE(connected.size(), 1);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().at(1).toString(), wrong.deviceName);
    const QString reason = refused.first().at(2).toString();
    QVERIFY2(reason.contains(QStringLiteral("not authorized")) ||
                 reason.contains(QStringLiteral("bad user name or password")),
             qPrintable(reason));
    QVERIFY(refused.first().at(3).toString().contains(QStringLiteral("DeviceSecret")));
    QCOMPARE(m_session->deviceState(kProduct, wrong.deviceName), CloudDeviceState::Refused);
    // Refused for good: no automatic retry comes back later.
    QTest::qWait(1500);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(connected.size(), 1);
}

void TestCloudSession::expiredUrl()
{
    QVERIFY(startRig(1));
    QVERIFY(connectSession({identity(0)}));
    // The URL is signed when the push is sent; by the time the device fetches it, the server's clock has
    // moved past its expiry.
    auto skew = std::make_shared<qint64>(0);
    m_rig->fileServer.setClock([skew] { return QDateTime::currentDateTimeUtc().addSecs(*skew); });
    QSignalSpy replied(m_rig->platform.get(), &Roles::PlatformService::pushReplied);
    QSignalSpy finished(m_session.get(), &CloudSession::exchangeFinished);
    QVERIFY(m_rig->platform->push(kProduct, {identity(0).deviceName}));
    *skew = 2 * 3600;
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 10000);
    QCOMPARE(replied.first().at(3).toInt(), int(Alink::ReplyCodeCatalog::UrlRefused));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(3).toInt(), 100008);
    QVERIFY(!finished.first().at(4).toString().isEmpty());
}

void TestCloudSession::wrongSign()
{
    QVERIFY(startRig(1));
    QVERIFY(connectSession({identity(0)}));
    QSignalSpy finished(m_session.get(), &CloudSession::exchangeFinished);
    QSignalSpy platformLog(m_rig->platform.get(), &Roles::PlatformService::messageLogged);

    // A push written by hand: a real, downloadable URL, but the sign of other bytes.
    const QString sha = Transfer::Sha256Stream::hash(kConfigV1);
    Alink::ConfigPush push;
    push.id = QStringLiteral("4242");
    push.params.configId = QStringLiteral("hand-made");
    push.params.configSize = kConfigV1.size();
    push.params.sign = Transfer::Sha256Stream::hash(kConfigV2);
    push.params.url = m_rig->fileServer.signedUrl(sha, QStringLiteral("config.json")).toString();
    const auto payload = Alink::AlinkCodec::encode(push);
    QVERIFY(payload);
    const QString topic =
        Alink::Topic(Alink::TopicKind::ConfigPush, kProduct, identity(0).deviceName).toString();
    QVERIFY(m_rig->platformConnection->publish(topic, *payload, 1));

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(2).toString(), push.id);
    QCOMPARE(finished.first().at(3).toInt(), 100003);
    // The push_reply with 100003 reached the platform on the device's own topic.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(platformLog.cbegin(), platformLog.cend(),
                                         [&](const QList<QVariant>& call) {
                                             const auto entry = call.first().value<Store::MessageLogEntry>();
                                             return entry.topic.endsWith(
                                                        QStringLiteral("/thing/config/push_reply")) &&
                                                    entry.messageId == push.id && entry.code == 100003;
                                         }),
                             10000);
}

void TestCloudSession::kickedOffline()
{
    QVERIFY(startRig(1));
    QVERIFY(connectSession({identity(0)}));
    QSignalSpy kicked(m_session.get(), &CloudSession::deviceKicked);

    // The "real device" comes online with the same identity (same signed client id).
    const auto options = m_rig->profile().connectOptions(identity(0), CloudRig::kTimestamp);
    QVERIFY(options);
    Transport::MosquittoConnection device;
    QVERIFY(!device.connectToBroker(*options));
    QTRY_VERIFY_WITH_TIMEOUT(device.isConnected(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(kicked.size(), 1, 10000);
    QCOMPARE(kicked.first().at(1).toString(), identity(0).deviceName);
    QVERIFY(kicked.first().at(2).toString().contains(QStringLiteral("another client may have connected")));
    QCOMPARE(m_session->deviceState(kProduct, identity(0).deviceName), CloudDeviceState::Kicked);
    QCOMPARE(m_session->onlineCount(), 0);
    // ConfigDeck does not come back and kick the device in turn.
    QTest::qWait(1500);
    QVERIFY(device.isConnected());
    QCOMPARE(kicked.size(), 1);
    device.disconnectFromBroker();
}

void TestCloudSession::boundedConnecting()
{
    constexpr int count = 6;
    QVERIFY(startRig(count));
    m_session = std::make_unique<CloudSession>();
    m_session->setProfile(m_rig->profile());
    m_session->setClock([] { return CloudRig::kTimestamp; });
    m_session->setMaxConnecting(2);
    int connecting = 0;
    int peak = 0;
    connect(m_session.get(), &CloudSession::deviceStateChanged, this,
            [&](const QString&, const QString&, CloudDeviceState state) {
                if (state == CloudDeviceState::Connecting)
                    peak = qMax(peak, ++connecting);
                else if (connecting > 0 && state != CloudDeviceState::Waiting)
                    --connecting;
            });
    QSignalSpy settled(m_session.get(), &CloudSession::allSettled);
    QVERIFY(!m_session->start(identities(count)));
    QVERIFY(settled.wait(20000));
    QCOMPARE(m_session->onlineCount(), count);
    QCOMPARE(peak, 2);
}

void TestCloudSession::removeAndReconnect()
{
    QVERIFY(startRig(1));
    // Refused with a wrong secret: start() leaves it as it is, remove() lets it be tried again.
    Alink::DeviceIdentity wrong = identity(0);
    wrong.deviceSecret = QStringLiteral("not-the-secret");
    m_session = std::make_unique<CloudSession>();
    m_session->setProfile(m_rig->profile());
    m_session->setClock([] { return CloudRig::kTimestamp; });
    QSignalSpy settled(m_session.get(), &CloudSession::allSettled);
    QSignalSpy kicked(m_session.get(), &CloudSession::deviceKicked);
    QSignalSpy refused(m_session.get(), &CloudSession::deviceRefused);
    QVERIFY(!m_session->start({wrong}));
    QVERIFY(settled.wait(15000));
    QCOMPARE(m_session->deviceState(kProduct, wrong.deviceName), CloudDeviceState::Refused);
    QVERIFY(!m_session->start({identity(0)}));
    QCOMPARE(m_session->deviceState(kProduct, wrong.deviceName), CloudDeviceState::Refused);

    QVERIFY(m_session->remove(kProduct, wrong.deviceName));
    QVERIFY(!m_session->remove(kProduct, wrong.deviceName));
    QCOMPARE(m_session->count(), 0);
    QVERIFY(!m_session->agent(kProduct, wrong.deviceName));
    QVERIFY(!m_session->start({identity(0)}));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->onlineCount(), 1, 15000);

    // Removing an online identity disconnects it quietly: neither refused nor kicked, and the broker lets
    // the next connection as that identity in without kicking anybody.
    QVERIFY(m_session->remove(kProduct, identity(0).deviceName));
    QCOMPARE(m_session->onlineCount(), 0);
    QVERIFY(!m_session->start({identity(0)}));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->onlineCount(), 1, 15000);
    QTest::qWait(500);
    QCOMPARE(m_session->deviceState(kProduct, identity(0).deviceName), CloudDeviceState::Online);
    QCOMPARE(kicked.size(), 0);
    QCOMPARE(refused.size(), 1);
}

void TestCloudSession::invalidInputChangesNothing()
{
    CloudSession session;
    Cloud::CloudProfile profile; // no instance id
    session.setProfile(profile);
    auto error = session.start({identity(0)});
    QVERIFY(error);
    QCOMPARE(error->field, QStringLiteral("instanceId"));
    QCOMPARE(session.count(), 0);

    profile.instanceId = QStringLiteral("iot-1");
    session.setProfile(profile);
    Alink::DeviceIdentity noSecret = identity(1);
    noSecret.deviceSecret.clear();
    error = session.start({identity(0), noSecret});
    QVERIFY(error);
    QCOMPARE(error->field, QStringLiteral("deviceSecret"));
    QVERIFY(error->message().contains(noSecret.deviceName));
    QCOMPARE(session.count(), 0);

    error = session.start({identity(0), identity(0)});
    QVERIFY(error);
    QVERIFY(error->message().contains(QStringLiteral("twice")));
    QCOMPARE(session.count(), 0);

    // check() is what start() checks, without a session.
    QCOMPARE(CloudSession::check(profile, {identity(0), identity(0)}), error);
    QCOMPARE(CloudSession::check(profile, {identity(0), noSecret})->field, QStringLiteral("deviceSecret"));
    QCOMPARE(CloudSession::check(Cloud::CloudProfile{}, {identity(0)})->field, QStringLiteral("instanceId"));
    QVERIFY(!CloudSession::check(profile, {identity(0), identity(1)}));

    QVERIFY(CloudSession::liveIdentityWarning(3).contains(QStringLiteral("(3 in all)")));
}

QTEST_GUILESS_MAIN(TestCloudSession)
#include "TestCloudSession.moc"
