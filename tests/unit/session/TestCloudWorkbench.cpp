// The Cloud tab's state in core: the ConsoleSession makes one CloudWorkbench per open workspace and destroys
// it before the workspace goes; the workbench connects as identities whose secrets it reads from the
// workspace, records their messages through the session, compares each verified version with the one held
// before, and keeps the pushes waiting for the operator. Against the TLS Mosquitto stand-in for the cloud.
#include "CloudRig.h"
#include "session/CloudWorkbench.h"
#include "session/ConsoleSession.h"
#include "store/Workspace.h"
#include "support/StoredValue.h"
#include "transfer/Sha256Stream.h"

#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using Cloud::CloudDeviceState;
using Session::CloudWorkbench;
using Session::ConsoleSession;
using Tests::CloudRig;

namespace {

const QString kProduct = QStringLiteral("a1Workbench");
const QByteArray kConfigV1 = "{\"reportInterval\":60}";
const QByteArray kConfigV2 = "{\"reportInterval\":30,\"debug\":true}";

Alink::DeviceIdentity identity(int index)
{
    return {kProduct, QStringLiteral("bench-dev-%1").arg(index),
            QStringLiteral("Secret%1wOrKbEnCh").arg(index)};
}

Alink::DeviceKey key(int index)
{
    return {kProduct, identity(index).deviceName};
}

ConsoleSession::Options optionsFor(const QString& path)
{
    ConsoleSession::Options options;
    options.workspacePath = path;
    // A workspace of its own: made (or reopened) under a test passphrase.
    const QString passphrase = QStringLiteral("cloud-workbench test passphrase");
    options.create = Session::WorkspaceProtection::withPassphrase(passphrase);
    options.passphrase = passphrase;
    return options;
}

} // namespace

class TestCloudWorkbench : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void oneWorkbenchPerOpenWorkspace();
    void secretsComeFromTheWorkspace();
    void connectsRecordsAndComparesVersions();
    void pushesWaitForTheOperator();
    void reopeningEndsTheConnections();

private:
    // Adds the rig's identities to the open workspace, the first holding version 1.
    void addIdentities();
    bool waitOnline(CloudWorkbench* workbench, int index) const;

    QTemporaryDir m_dir;
    std::unique_ptr<CloudRig> m_rig;
    std::unique_ptr<ConsoleSession> m_session;
};

void TestCloudWorkbench::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<Alink::ConfigFile>();
    m_rig = std::make_unique<CloudRig>(QList<Alink::DeviceIdentity>{identity(0), identity(1)});
    QString error;
    QVERIFY2(m_rig->start(&error), qPrintable(error));
    Roles::PlatformProduct product;
    product.productKey = kProduct;
    m_rig->platform->setProduct(product);
    QVERIFY(m_rig->platform->publishConfig(kProduct, kConfigV2));
    m_session = std::make_unique<ConsoleSession>(optionsFor(m_dir.filePath(QStringLiteral("a.configdeck"))));
}

void TestCloudWorkbench::cleanupTestCase()
{
    m_session.reset();
    m_rig.reset();
}

void TestCloudWorkbench::addIdentities()
{
    Store::Workspace* workspace = m_session->workspace();
    QVERIFY(workspace);
    for (int i = 0; i < 2; ++i)
        QVERIFY(workspace->identities().addDevice(
            Store::DeviceRecord{kProduct, identity(i).deviceName, {}, {}, true},
            identity(i).deviceSecret.toUtf8()));
    const auto v1 = workspace->versions().add(kConfigV1, kProduct, QStringLiteral("cfg-v1"),
                                              Store::ConfigOrigin::Downloaded);
    QVERIFY(v1);
    Store::DeviceStateUpdate held;
    held.productKey = kProduct;
    held.deviceName = identity(0).deviceName;
    held.configId = QStringLiteral("cfg-v1");
    held.sha256 = *v1;
    QVERIFY(workspace->deviceStates().apply({held}));
}

bool TestCloudWorkbench::waitOnline(CloudWorkbench* workbench, int index) const
{
    return QTest::qWaitFor(
        [&] {
            const auto* status = workbench->identity(kProduct, identity(index).deviceName);
            return status && status->state == CloudDeviceState::Online;
        },
        15000);
}

void TestCloudWorkbench::oneWorkbenchPerOpenWorkspace()
{
    QCOMPARE(m_session->cloud(), nullptr);
    QSignalSpy opened(m_session.get(), &ConsoleSession::workspaceOpened);
    QVERIFY(m_session->open());
    QCOMPARE(opened.size(), 1);
    QPointer<CloudWorkbench> first = m_session->cloud();
    QVERIFY(first);
    QVERIFY(first->identities().isEmpty());
    QCOMPARE(first->maxConnecting(), CloudWorkbench::kDefaultMaxConnecting);
    QVERIFY(first->autoReply());

    // The workbench is still there while the session announces the close, and gone once it is over.
    bool aliveWhenAnnounced = false;
    const auto connection = connect(m_session.get(), &ConsoleSession::workspaceAboutToClose, this,
                                    [&] { aliveWhenAnnounced = !first.isNull(); });
    QVERIFY(m_session->open(optionsFor(m_dir.filePath(QStringLiteral("b.configdeck")))));
    disconnect(connection);
    QVERIFY(aliveWhenAnnounced);
    QVERIFY(first.isNull());
    QVERIFY(m_session->cloud());
    QCOMPARE(m_session->workspacePath(), m_dir.filePath(QStringLiteral("b.configdeck")));

    m_session->shutdown();
    QCOMPARE(m_session->cloud(), nullptr);
    QVERIFY(m_session->open(optionsFor(m_dir.filePath(QStringLiteral("a.configdeck")))));
    addIdentities();
}

void TestCloudWorkbench::secretsComeFromTheWorkspace()
{
    CloudWorkbench* workbench = m_session->cloud();
    const auto identities = workbench->identitiesOf({key(0), key(1)});
    QVERIFY(identities);
    QCOMPARE(identities->size(), 2);
    QCOMPARE(identities->at(1).deviceSecret, identity(1).deviceSecret);

    // An unknown device: said, and nothing is returned for the others.
    const auto unknown = workbench->identitiesOf({key(0), {kProduct, QStringLiteral("nobody")}});
    QVERIFY(!unknown);
    QVERIFY2(unknown.error().message().contains(QStringLiteral("nobody")),
             qPrintable(unknown.error().message()));

    // A wrong profile starts nothing.
    QVERIFY(workbench->connectAs(Cloud::CloudProfile{}, *identities));
    QVERIFY(workbench->identities().isEmpty());
    QCOMPARE(workbench->session()->count(), 0);
}

void TestCloudWorkbench::connectsRecordsAndComparesVersions()
{
    CloudWorkbench* workbench = m_session->cloud();
    workbench->session()->setClock([] { return CloudRig::kTimestamp; });
    workbench->setDownloadCaCertificates(m_rig->downloadRoots());
    QSignalSpy logged(m_session.get(), &ConsoleSession::messageLogged);
    QSignalSpy states(m_session.get(), &ConsoleSession::deviceStateChanged);
    QSignalSpy verified(workbench, &CloudWorkbench::changeVerified);
    QSignalSpy notices(workbench, &CloudWorkbench::notice);

    QVERIFY(!workbench->connectAs(m_rig->profile(), *workbench->identitiesOf({key(0), key(1)})));
    QCOMPARE(workbench->identities().size(), 2);
    // What the workspace says the first one holds is known from the start.
    QCOMPARE(workbench->identities().first().configId, QStringLiteral("cfg-v1"));
    QVERIFY(waitOnline(workbench, 0));
    QVERIFY(waitOnline(workbench, 1));
    QCOMPARE(workbench->counts().online, 2);
    QVERIFY(workbench->anyActive());

    QVERIFY(workbench->requestConfig({key(0)}).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(verified.size(), 1, 10000);
    const auto change = workbench->change(kProduct, identity(0).deviceName);
    QVERIFY(change);
    QVERIFY(!change->first);
    QCOMPARE(change->before, kConfigV1);
    QCOMPARE(change->after, kConfigV2);
    QVERIFY2(change->beforeName.contains(QStringLiteral("cfg-v1")), qPrintable(change->beforeName));
    QVERIFY2(change->summary.contains(identity(0).deviceName), qPrintable(change->summary));
    const QString sha2 = Transfer::Sha256Stream::hash(kConfigV2);
    QCOMPARE(workbench->identity(kProduct, identity(0).deviceName)->sha256, sha2);
    QTRY_COMPARE(workbench->identity(kProduct, identity(0).deviceName)->lastCode, std::optional<int>(200));
    // A request for an identity that is not online is refused in words.
    const QStringList problems = workbench->requestConfig({{kProduct, QStringLiteral("nobody")}});
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("connect it again")), qPrintable(problems.first()));

    // Recorded through the session into the workspace, and passed on as the session's own signals.
    m_session->flush();
    QVERIFY(!storedValue(m_session->workspace()->messageLog().entries(kProduct, identity(0).deviceName))
                 .isEmpty());
    QCOMPARE(
        storedValue(m_session->workspace()->deviceStates().state(kProduct, identity(0).deviceName))->sha256,
        sha2);
    QVERIFY(std::any_of(logged.cbegin(), logged.cend(), [](const QList<QVariant>& call) {
        return call.first().value<Store::MessageLogEntry>().topic.endsWith(
            QStringLiteral("/thing/config/get"));
    }));
    QVERIFY(!states.isEmpty());
    QVERIFY(notices.isEmpty());
}

void TestCloudWorkbench::pushesWaitForTheOperator()
{
    CloudWorkbench* workbench = m_session->cloud();
    QSignalSpy notices(workbench, &CloudWorkbench::notice);
    workbench->setAutoReply(false);
    QVERIFY(!workbench->session()->agentSettings().autoReply);
    QSignalSpy replied(m_rig->platform.get(), &Roles::PlatformService::pushReplied);
    QVERIFY(m_rig->platform->push(kProduct, {identity(1).deviceName}));
    QTRY_COMPARE_WITH_TIMEOUT(workbench->awaitedReplies().size(), 1, 10000);
    const Session::CloudAwaitedReply awaited = workbench->awaitedReplies().first();
    QCOMPARE(awaited.deviceName, identity(1).deviceName);
    QCOMPARE(awaited.suggestedCode, 200);
    QCOMPARE(workbench->counts().waitingForReply, 1);
    // The first version this identity verified: nothing to compare it with.
    QVERIFY(workbench->change(kProduct, identity(1).deviceName)->first);

    QVERIFY(!workbench->reply(kProduct, awaited.deviceName, awaited.messageId, 100001));
    QVERIFY(workbench->awaitedReplies().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 10000);
    QCOMPARE(replied.first().at(3).toInt(), 100001);
    // The operator's own code is not reported back to them.
    QTest::qWait(200);
    QVERIFY(notices.isEmpty());
    // An answer to a push that is not waiting is an error.
    QVERIFY(workbench->reply(kProduct, awaited.deviceName, awaited.messageId, 200));
    workbench->setAutoReply(true);
}

void TestCloudWorkbench::reopeningEndsTheConnections()
{
    QPointer<CloudWorkbench> workbench = m_session->cloud();
    QVERIFY(workbench->anyActive());
    // A reopen ends every connection of the old workbench and starts a fresh one.
    QVERIFY(m_session->open(optionsFor(m_dir.filePath(QStringLiteral("a.configdeck")))));
    QVERIFY(workbench.isNull());
    CloudWorkbench* fresh = m_session->cloud();
    QVERIFY(fresh->identities().isEmpty());
    QCOMPARE(fresh->session()->count(), 0);
    // The workspace kept the devices: connecting again works on the new workbench.
    fresh->session()->setClock([] { return CloudRig::kTimestamp; });
    QVERIFY(!fresh->connectAs(m_rig->profile(), *fresh->identitiesOf({key(1)})));
    QVERIFY(waitOnline(fresh, 1));
}

QTEST_MAIN(TestCloudWorkbench)
#include "TestCloudWorkbench.moc"
