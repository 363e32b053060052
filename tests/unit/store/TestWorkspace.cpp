#include "StoreTestSupport.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"
#include "support/WorkspaceChecks.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QtEndian>

using namespace ConfigDeck::Store;

class TestWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void createAndReopen();
    void openExistingNeedsAFile();
    void keyRecordAndSettings();
    void products();
    void devicesNeedTheSealer();
    void devicesRoundTrip();
    void secretsAreSealedOnDisk();
    void wrongKeyCannotOpenSecrets();
    void duplicateDeviceRollsBackTheBatch();
    void removeProductRemovesItsDevices();
    void removedDevicesComeBackAsTheyWere();
    void sealedSecretGoesBackOnlyToItsDevice();
    void configVersionsAreContentAddressed();
    void publishedVersions();
    void failedReadIsAnError();
    void stateUpdates();
    void stateUpdateBatchIsAllOrNothing();
    void messageLogRetentionByRows();
    void messageLogRetentionByAge();
    void messageLogTruncatesPayloads();
    void rollouts();

private:
    std::unique_ptr<Workspace> openWorkspace(bool unlocked = true);
    void verifyWorkspaceFile(); // what a workspace file is: WAL, ConfigDeck's header
    QString path() const { return m_dir->filePath(QStringLiteral("fleet.cdws")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<const SecretSealer> m_sealer;
};

void TestWorkspace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sealer = std::make_shared<SecretSealer>(SecretSealer::randomKey());
}

std::unique_ptr<Workspace> TestWorkspace::openWorkspace(bool unlocked)
{
    auto opened = openTestWorkspace(path());
    if (!opened) {
        qWarning() << opened.error().message();
        return nullptr;
    }
    std::unique_ptr<Workspace> workspace = std::move(opened).value();
    if (unlocked)
        workspace->keys().setSealer(m_sealer);
    return workspace;
}

void TestWorkspace::createAndReopen()
{
    QString id;
    {
        auto workspace = openWorkspace();
        QVERIFY(workspace);
        QCOMPARE(workspace->schemaVersion(), Workspace::kSchemaVersion);
        id = workspace->workspaceId();
        QVERIFY(!QUuid::fromString(id).isNull());
        // (Foreign keys, a setting of the workspace's own connection, show in
        // removeProductRemovesItsDevices.)
    }
    if (!ConfigDeck::TestSupport::workspaceBackendIsPostgres())
        verifyWorkspaceFile();

    auto reopened = openWorkspace();
    QVERIFY(reopened);
    QCOMPARE(reopened->workspaceId(), id);
    // Two workspaces open at once use separate connections.
    auto second = openTestWorkspace(m_dir->filePath(QStringLiteral("other.cdws")));
    QVERIFY(second);
    QVERIFY((*second)->workspaceId() != id);
}

void TestWorkspace::verifyWorkspaceFile()
{
    {
        DirectConnection sqlite(path());
        QSqlQuery query(sqlite.database());
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
    }
    // The file carries ConfigDeck's application id in its header.
    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray header = file.read(100);
    QVERIFY(header.startsWith("SQLite format 3"));
    QCOMPARE(qFromBigEndian<qint32>(header.constData() + 68), Workspace::kApplicationId);
}

void TestWorkspace::openExistingNeedsAFile()
{
    SKIP_ON_POSTGRESQL("about files; TestPostgresWorkspace::openExistingNeedsAWorkspace is its counterpart");
    const auto opened = openTestWorkspace(path(), Workspace::OpenMode::OpenExisting);
    QVERIFY(!opened);
    QVERIFY(opened.error().message().contains(path()));
    QVERIFY(!QFile::exists(path()));
}

void TestWorkspace::keyRecordAndSettings()
{
    {
        auto workspace = openWorkspace(false);
        QVERIFY(workspace);
        QVERIFY(storedValue(workspace->keys().record()).isEmpty());
        STORE_VERIFY(workspace->keys().setRecord(QByteArray("\x01\x02record\x00", 9)));
        STORE_VERIFY(workspace->settings().setValue(QStringLiteral("mode"), QStringLiteral("demo")));
    }
    auto workspace = openWorkspace(false);
    QCOMPARE(storedValue(workspace->keys().record()), QByteArray("\x01\x02record\x00", 9));
    QCOMPARE(storedValue(workspace->settings().value(QStringLiteral("mode"))), QStringLiteral("demo"));
    QCOMPARE(storedValue(workspace->settings().value(QStringLiteral("absent"), QStringLiteral("fallback"))),
             QStringLiteral("fallback"));
    QVERIFY(workspace->keys().isLocked());
}

void TestWorkspace::products()
{
    auto workspace = openWorkspace();
    STORE_VERIFY(workspace->identities().upsertProduct(
        {QStringLiteral("a1Product"), QStringLiteral("Lamp"), QStringLiteral("cn-shanghai"), true}));
    STORE_VERIFY(
        workspace->identities().upsertProduct({QStringLiteral("b2Product"), QStringLiteral("Meter"),
                                               QStringLiteral("iot-06z00.mqtt.iothub.aliyuncs.com"), false}));
    QVERIFY(!workspace->identities().upsertProduct({}));
    QCOMPARE(storedValue(workspace->identities().products()).size(), 2);
    STORE_VERIFY(workspace->identities().upsertProduct(
        {QStringLiteral("a1Product"), QStringLiteral("Lamp 2"), QStringLiteral("cn-beijing"), false}));
    const auto lamp = storedValue(workspace->identities().product(QStringLiteral("a1Product")));
    QVERIFY(lamp);
    QCOMPARE(lamp->name, QStringLiteral("Lamp 2"));
    QCOMPARE(lamp->endpoint, QStringLiteral("cn-beijing"));
    QCOMPARE(lamp->remoteConfigEnabled, false);
    QCOMPARE(storedValue(workspace->identities().products()).size(), 2);
    QVERIFY(!storedValue(workspace->identities().product(QStringLiteral("nope"))));
}

void TestWorkspace::devicesNeedTheSealer()
{
    auto workspace = openWorkspace(false);
    const auto added =
        workspace->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("device1")}, "secret");
    QVERIFY(!added);
    QVERIFY(added.error().message().contains(QStringLiteral("locked")));
    QCOMPARE(storedValue(workspace->identities().deviceCount()), 0);
    workspace->keys().setSealer(m_sealer);
    STORE_VERIFY(
        workspace->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("device1")}, "secret"));
    workspace->keys().setSealer(nullptr);
    const auto secret =
        workspace->identities().deviceSecret(QStringLiteral("pk1"), QStringLiteral("device1"));
    QVERIFY(!secret);
    QVERIFY(secret.error().message().contains(QStringLiteral("locked")));
}

void TestWorkspace::devicesRoundTrip()
{
    auto workspace = openWorkspace();
    DeviceRecord lamp{QStringLiteral("pk1"),
                      QStringLiteral("lamp-01"),
                      QStringLiteral("hall"),
                      {QStringLiteral("floor2"), QStringLiteral("beta")}};
    STORE_VERIFY(workspace->identities().addDevices(
        {lamp, {QStringLiteral("pk2"), QStringLiteral("meter@01")}}, {"s3cretLamp", "s3cretMeter"}));
    QCOMPARE(storedValue(workspace->identities().deviceCount()), 2);
    QCOMPARE(storedValue(workspace->identities().deviceCount(QStringLiteral("pk1"))), 1);
    QVERIFY(
        storedValue(workspace->identities().product(QStringLiteral("pk2")))); // created with its first device

    const auto read =
        storedValue(workspace->identities().device(QStringLiteral("pk1"), QStringLiteral("lamp-01")));
    QVERIFY(read);
    QCOMPARE(read->note, QStringLiteral("hall"));
    QCOMPARE(read->labels, (QStringList{QStringLiteral("beta"), QStringLiteral("floor2")}));
    QVERIFY(read->hasSecret);
    QCOMPARE(workspace->identities().deviceSecret(QStringLiteral("pk1"), QStringLiteral("lamp-01")).value(),
             "s3cretLamp");
    QCOMPARE(workspace->identities().deviceSecret(QStringLiteral("pk2"), QStringLiteral("meter@01")).value(),
             "s3cretMeter");

    STORE_VERIFY(workspace->identities().setDeviceNote(QStringLiteral("pk1"), QStringLiteral("lamp-01"),
                                                       QStringLiteral("moved")));
    STORE_VERIFY(workspace->identities().setDeviceLabels(QStringLiteral("pk1"), QStringLiteral("lamp-01"),
                                                         {QStringLiteral("g1")}));
    STORE_VERIFY(
        workspace->identities().setDeviceSecret(QStringLiteral("pk1"), QStringLiteral("lamp-01"), "rotated"));
    QCOMPARE(
        storedValue(workspace->identities().device(QStringLiteral("pk1"), QStringLiteral("lamp-01")))->labels,
        QStringList{QStringLiteral("g1")});
    QCOMPARE(workspace->identities().deviceSecret(QStringLiteral("pk1"), QStringLiteral("lamp-01")).value(),
             "rotated");

    const auto all = storedValue(workspace->identities().devices());
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).note, QStringLiteral("moved"));
    QCOMPARE(all.at(0).labels, QStringList{QStringLiteral("g1")});
    QCOMPARE(storedValue(workspace->identities().devices(QStringLiteral("pk2"))).size(), 1);
    QCOMPARE(storedValue(workspace->identities().devices({}, 1, 1)).at(0).deviceName,
             QStringLiteral("meter@01"));

    STORE_VERIFY(workspace->identities().removeDevice(QStringLiteral("pk1"), QStringLiteral("lamp-01")));
    QVERIFY(!storedValue(workspace->identities().device(QStringLiteral("pk1"), QStringLiteral("lamp-01"))));
    const auto missing =
        workspace->identities().removeDevice(QStringLiteral("pk1"), QStringLiteral("lamp-01"));
    QVERIFY(!missing);
    QVERIFY(missing.error().message().contains(QStringLiteral("pk1/lamp-01")));
}

void TestWorkspace::secretsAreSealedOnDisk()
{
    const QByteArray secret = "PlainTextDeviceSecretMarker42";
    {
        auto workspace = openWorkspace();
        STORE_VERIFY(
            workspace->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("device1")}, secret));
        DirectConnection sqlite(path());
        QSqlQuery query(sqlite.database());
        QVERIFY(query.exec(QStringLiteral("SELECT secret FROM devices")) && query.next());
        QCOMPARE(query.value(0).toByteArray().size(), secret.size() + SecretSealer::kOverhead);
    }
    for (const QString& file : QDir(m_dir->path()).entryList(QDir::Files)) {
        QFile f(m_dir->filePath(file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(secret), qPrintable(file));
    }
}

void TestWorkspace::wrongKeyCannotOpenSecrets()
{
    auto workspace = openWorkspace();
    STORE_VERIFY(
        workspace->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("device1")}, "secret"));
    workspace->keys().setSealer(std::make_shared<SecretSealer>(SecretSealer::randomKey()));
    const auto secret =
        workspace->identities().deviceSecret(QStringLiteral("pk1"), QStringLiteral("device1"));
    QVERIFY(!secret);
    QVERIFY(secret.error().message().contains(QStringLiteral("pk1/device1")));
    // A sealed secret moved to another device's row does not open there either.
    workspace->keys().setSealer(m_sealer);
    STORE_VERIFY(
        workspace->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("device2")}, "other"));
    DirectConnection sqlite(path());
    QSqlQuery query(sqlite.database());
    QVERIFY(query.exec(
        QStringLiteral("UPDATE devices SET secret = (SELECT secret FROM devices WHERE device_name = "
                       "'device1') WHERE device_name = 'device2'")));
    QVERIFY(!workspace->identities().deviceSecret(QStringLiteral("pk1"), QStringLiteral("device2")));
}

void TestWorkspace::duplicateDeviceRollsBackTheBatch()
{
    auto workspace = openWorkspace();
    STORE_VERIFY(workspace->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("device1")}, "s1"));
    const auto added =
        workspace->identities().addDevices({{QStringLiteral("pk1"), QStringLiteral("device2")},
                                            {QStringLiteral("pk1"), QStringLiteral("device1")}},
                                           {"s2", "s1again"});
    QVERIFY(!added);
    QVERIFY2(added.error().message().contains(QStringLiteral("pk1/device1")),
             qPrintable(added.error().message()));
    QVERIFY(added.error().message().contains(QStringLiteral("already")));
    QCOMPARE(storedValue(workspace->identities().deviceCount()), 1); // device2 was rolled back with the batch
    QCOMPARE(workspace->identities().deviceSecret(QStringLiteral("pk1"), QStringLiteral("device1")).value(),
             "s1");
    QVERIFY(!workspace->identities().addDevices({{QStringLiteral("pk1"), QStringLiteral("device3")}}, {}));
    QVERIFY(
        !workspace->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("device3")}, QByteArray()));
    QCOMPARE(storedValue(workspace->identities().deviceCount()), 1);
}

void TestWorkspace::removeProductRemovesItsDevices()
{
    auto workspace = openWorkspace();
    STORE_VERIFY(workspace->identities().addDevices({{QStringLiteral("pk1"), QStringLiteral("device1")},
                                                     {QStringLiteral("pk1"), QStringLiteral("device2")},
                                                     {QStringLiteral("pk2"), QStringLiteral("device1")}},
                                                    {"a", "b", "c"}));
    STORE_VERIFY(workspace->deviceStates().apply(
        {{QStringLiteral("pk1"), QStringLiteral("device1"), QStringLiteral("c1")}}));
    STORE_VERIFY(workspace->identities().removeProduct(QStringLiteral("pk1")));
    QCOMPARE(storedValue(workspace->identities().deviceCount()), 1);
    DirectConnection sqlite(path());
    QSqlQuery query(sqlite.database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM device_state")) && query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    QVERIFY(!workspace->identities().removeProduct(QStringLiteral("pk1")));
}

void TestWorkspace::removedDevicesComeBackAsTheyWere()
{
    auto workspace = openWorkspace();
    QVERIFY(workspace);
    IdentityStore& identities = workspace->identities();
    STORE_VERIFY(identities.upsertProduct({QStringLiteral("pk"), QStringLiteral("Lamps"), {}, false, true}));
    const DeviceRecord lamp{
        QStringLiteral("pk"), QStringLiteral("lamp-1"), QStringLiteral("hall"), {QStringLiteral("roof")}};
    const DeviceRecord other{QStringLiteral("pk"), QStringLiteral("lamp-2")};
    STORE_VERIFY(identities.addDevices({lamp, other}, {"Zq8Secret1Lamp", "Zq8Secret2Lamp"}));
    DeviceStateUpdate update{QStringLiteral("pk"), QStringLiteral("lamp-1")};
    update.sha256 = QString(64, u'b');
    update.configId = QStringLiteral("cfg-7");
    update.state = ConfigState::Verified;
    update.lastReplyCode = 200;
    update.lastMessageTime = QDateTime::fromMSecsSinceEpoch(1700000000000).toUTC();
    STORE_VERIFY(workspace->deviceStates().apply({update}));

    const QList<ConfigDeck::Alink::DeviceKey> keys{{QStringLiteral("pk"), QStringLiteral("lamp-1")},
                                                   {QStringLiteral("pk"), QStringLiteral("lamp-2")}};
    const QList<DeviceSnapshot> snapshots = storedValue(identities.deviceSnapshots(keys));
    QCOMPARE(snapshots.size(), 2);
    QCOMPARE(snapshots.first().record.labels, QStringList{QStringLiteral("roof")});
    QVERIFY(!snapshots.first().sealedSecret.contains("Zq8Secret1Lamp"));
    QCOMPARE(snapshots.first().heldVersions.size(), 1);
    // A device that is not there: no snapshot, and removing it removes nothing.
    QVERIFY(!identities.deviceSnapshots({{QStringLiteral("pk"), QStringLiteral("none")}}));
    QVERIFY(!identities.removeDevices(
        {keys.first(), ConfigDeck::Alink::DeviceKey{QStringLiteral("pk"), QStringLiteral("none")}}));
    QCOMPARE(storedValue(identities.deviceCount()), 2);

    STORE_VERIFY(identities.removeDevices(keys, {QStringLiteral("pk")}));
    QCOMPARE(storedValue(identities.deviceCount()), 0);
    QVERIFY(!storedValue(identities.product(QStringLiteral("pk"))));
    {
        DirectConnection file(path());
        QSqlQuery query(file.database());
        QVERIFY(query.exec(QStringLiteral("SELECT (SELECT count(*) FROM device_state) +"
                                          " (SELECT count(*) FROM held_versions)")) &&
                query.next());
        QCOMPARE(query.value(0).toInt(), 0);
    }

    const ProductRecord product{QStringLiteral("pk"), QStringLiteral("Lamps"), {}, false, true};
    STORE_VERIFY(identities.restore({product}, snapshots));
    const auto restoredProduct = storedValue(identities.product(QStringLiteral("pk")));
    QVERIFY(restoredProduct && !restoredProduct->remoteConfigEnabled && restoredProduct->alibabaLimits);
    const auto restored = storedValue(identities.device(QStringLiteral("pk"), QStringLiteral("lamp-1")));
    QCOMPARE(restored->note, QStringLiteral("hall"));
    QCOMPARE(restored->labels, QStringList{QStringLiteral("roof")});
    QCOMPARE(storedValue(identities.deviceSecret(QStringLiteral("pk"), QStringLiteral("lamp-2"))),
             QByteArray("Zq8Secret2Lamp"));
    const auto state =
        storedValue(workspace->deviceStates().state(QStringLiteral("pk"), QStringLiteral("lamp-1")));
    QCOMPARE(state->state, ConfigState::Verified);
    QCOMPARE(state->configId, QStringLiteral("cfg-7"));
    QCOMPARE(state->lastReplyCode, std::optional<int>(200));
    QCOMPARE(state->lastMessageTime, update.lastMessageTime);
    const auto held =
        storedValue(workspace->deviceStates().heldVersions(QStringLiteral("pk"), QStringLiteral("lamp-1")));
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.first().sha256, update.sha256->toLower());

    // Restoring what is there already is refused as a whole: the product's change does not stay either.
    ProductRecord renamed = product;
    renamed.name = QStringLiteral("Renamed");
    const Status again = identities.restore({renamed}, snapshots);
    QVERIFY(!again);
    QVERIFY2(again.error().message().contains(QStringLiteral("already in the workspace")),
             qPrintable(again.error().message()));
    QCOMPARE(storedValue(identities.product(QStringLiteral("pk")))->name, QStringLiteral("Lamps"));
    QCOMPARE(storedValue(identities.deviceCount()), 2);
}

void TestWorkspace::sealedSecretGoesBackOnlyToItsDevice()
{
    auto workspace = openWorkspace();
    QVERIFY(workspace);
    IdentityStore& identities = workspace->identities();
    STORE_VERIFY(identities.addDevices(
        {{QStringLiteral("pk"), QStringLiteral("dev-a")}, {QStringLiteral("pk"), QStringLiteral("dev-b")}},
        {"Kx3FirstSecretA", "Kx3FirstSecretB"}));
    const QByteArray sealedA =
        storedValue(identities.sealedDeviceSecret(QStringLiteral("pk"), QStringLiteral("dev-a")));
    STORE_VERIFY(identities.setDeviceSecret(QStringLiteral("pk"), QStringLiteral("dev-a"), "Kx3NewSecretA"));
    QVERIFY(storedValue(identities.sealedDeviceSecret(QStringLiteral("pk"), QStringLiteral("dev-a"))) !=
            sealedA);
    // Sealed for dev-a: dev-b does not take it, and keeps its own.
    const Status wrongDevice =
        identities.setSealedDeviceSecret(QStringLiteral("pk"), QStringLiteral("dev-b"), sealedA);
    QVERIFY(!wrongDevice);
    QVERIFY(
        wrongDevice.error().message().contains(QStringLiteral("Cannot open the DeviceSecret of pk/dev-b")));
    QCOMPARE(storedValue(identities.deviceSecret(QStringLiteral("pk"), QStringLiteral("dev-b"))),
             QByteArray("Kx3FirstSecretB"));
    // dev-a takes its old one back.
    STORE_VERIFY(identities.setSealedDeviceSecret(QStringLiteral("pk"), QStringLiteral("dev-a"), sealedA));
    QCOMPARE(storedValue(identities.deviceSecret(QStringLiteral("pk"), QStringLiteral("dev-a"))),
             QByteArray("Kx3FirstSecretA"));
    // A locked workspace stores no secret, sealed or not.
    workspace->keys().setSealer(nullptr);
    QVERIFY(!identities.setSealedDeviceSecret(QStringLiteral("pk"), QStringLiteral("dev-a"), sealedA));
    const QList<QByteArray> secrets{"Kx3FirstSecretA", "Kx3FirstSecretB", "Kx3NewSecretA"};
    if (ConfigDeck::TestSupport::workspaceBackendIsPostgres()) {
        DirectConnection database(path());
        QVERIFY(ConfigDeck::TestSupport::verifyNoPlainSecretsInDatabase(database.database(), secrets) > 0);
        return;
    }
    ConfigDeck::TestSupport::verifyNoPlainSecrets(path(), secrets); // the -wal as it is now
    workspace.reset();
    ConfigDeck::TestSupport::verifyNoPlainSecrets(path(), secrets);
}

void TestWorkspace::configVersionsAreContentAddressed()
{
    auto workspace = openWorkspace();
    const QByteArray v1 = "{\"interval\":30}";
    const QByteArray v2 = "{\"interval\":60}";
    const auto sha1 =
        workspace->versions().add(v1, QStringLiteral("pk1"), QStringLiteral("first"), ConfigOrigin::Edited);
    QVERIFY(sha1);
    QCOMPARE(*sha1, QString::fromLatin1(QCryptographicHash::hash(v1, QCryptographicHash::Sha256).toHex()));
    const auto again = workspace->versions().add(v1, QStringLiteral("pk1"), QStringLiteral("again"),
                                                 ConfigOrigin::Downloaded);
    QCOMPARE(again.value(), sha1.value());
    STORE_VERIFY(workspace->versions().add(v2, QStringLiteral("pk1"), {}, ConfigOrigin::Pushed));
    STORE_VERIFY(workspace->versions().add(QByteArray(), QStringLiteral("pk1"), {}, ConfigOrigin::Pushed));
    QVERIFY(!workspace->versions().add(v1, QString(), {}, ConfigOrigin::Pushed));

    const auto versions = storedValue(workspace->versions().list(QStringLiteral("pk1")));
    QCOMPARE(versions.size(), 3);
    QCOMPARE(versions.at(0).label, QStringLiteral("first"));
    QCOMPARE(versions.at(0).origin, ConfigOrigin::Edited);
    QVERIFY(versions.at(0).content.isEmpty()); // content only when asked
    const auto stored = storedValue(workspace->versions().find(sha1->toUpper()));
    QVERIFY(stored);
    QCOMPARE(stored->content, v1);
    QCOMPARE(stored->size, v1.size());
    QVERIFY(stored->created.isValid());
    QCOMPARE(storedValue(workspace->versions().list(QStringLiteral("pk1"), true)).at(1).content, v2);
}

void TestWorkspace::publishedVersions()
{
    auto workspace = openWorkspace();
    VersionStore& versions = workspace->versions();
    const QString first = versions.add("one", QStringLiteral("pk1"), {}, ConfigOrigin::Edited).value();
    const QString second = versions.add("two", QStringLiteral("pk1"), {}, ConfigOrigin::Edited).value();
    QCOMPARE(storedValue(versions.published(QStringLiteral("pk1"))), QString());
    STORE_VERIFY(versions.setPublished(QStringLiteral("pk1"), first.toUpper()));
    QCOMPARE(storedValue(versions.published(QStringLiteral("pk1"))), first);
    STORE_VERIFY(versions.setPublished(QStringLiteral("pk1"), second));
    QCOMPARE(storedValue(versions.allPublished()), (QMap<QString, QString>{{QStringLiteral("pk1"), second}}));
    // A version the workspace does not hold cannot be published, and nothing changes.
    const QString unknown(64, u'a');
    const auto refused = versions.setPublished(QStringLiteral("pk1"), unknown);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message().contains(unknown), qPrintable(refused.error().message()));
    QCOMPARE(storedValue(versions.published(QStringLiteral("pk1"))), second);
    QVERIFY(!versions.setPublished(QString(), second));
    // Publishing nothing clears it.
    STORE_VERIFY(versions.setPublished(QStringLiteral("pk1"), QString()));
    QCOMPARE(storedValue(versions.published(QStringLiteral("pk1"))), QString());
    QVERIFY(storedValue(versions.allPublished()).isEmpty());
}

void TestWorkspace::failedReadIsAnError()
{
    auto workspace = openWorkspace();
    STORE_VERIFY(workspace->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("device1")}, "s"));
    {
        // A table the reads need is gone (as in a damaged or foreign file): each read says so instead of
        // answering "not found" or "none".
        DirectConnection sqlite(path());
        QSqlQuery query(sqlite.database());
        if (!ConfigDeck::TestSupport::workspaceBackendIsPostgres())
            QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
        for (const char* statement :
             {"DROP TABLE device_labels", "DROP TABLE device_state", "DROP TABLE held_versions",
              "DROP TABLE message_log", "DROP TABLE rollout_outcomes", "DROP TABLE rollout_workers",
              "DROP TABLE rollouts", "DROP TABLE published_versions", "DROP TABLE config_versions"})
            QVERIFY2(query.exec(QLatin1StringView(statement)), statement);
    }
    const QString pk = QStringLiteral("pk1"), dn = QStringLiteral("device1");
    QVERIFY(!workspace->identities().device(pk, dn));
    QVERIFY(!workspace->identities().devices());
    QVERIFY(!workspace->deviceStates().state(pk, dn));
    QVERIFY(!workspace->deviceStates().heldVersions(pk, dn));
    QVERIFY(!workspace->deviceStates().fleet());
    QVERIFY(!workspace->versions().find(QString(64, u'a')));
    QVERIFY(!workspace->versions().list(pk));
    QVERIFY(!workspace->versions().published(pk));
    QVERIFY(!workspace->messageLog().entries());
    QVERIFY(!workspace->messageLog().count());
    QVERIFY(!workspace->rollouts().find(1));
    QVERIFY(!workspace->rollouts().list());
    const auto outcomes = workspace->rollouts().outcomes(1);
    QVERIFY(!outcomes);
    QVERIFY2(outcomes.error().message().contains(QStringLiteral("rollout")),
             qPrintable(outcomes.error().message()));
    // What is still there reads as before.
    QVERIFY(storedValue(workspace->identities().product(pk)));
    QCOMPARE(storedValue(workspace->identities().deviceNames(pk)), QStringList{dn});
}

void TestWorkspace::stateUpdates()
{
    auto workspace = openWorkspace();
    STORE_VERIFY(workspace->identities().addDevices({{QStringLiteral("pk1"), QStringLiteral("device1")},
                                                     {QStringLiteral("pk1"), QStringLiteral("device2")}},
                                                    {"a", "b"}));
    auto initial =
        storedValue(workspace->deviceStates().state(QStringLiteral("pk1"), QStringLiteral("device1")));
    QVERIFY(initial);
    QCOMPARE(initial->state, ConfigState::Unknown);
    QVERIFY(!initial->lastReplyCode);

    const QDateTime when = QDateTime::fromMSecsSinceEpoch(1700000000123).toUTC();
    DeviceStateUpdate first{QStringLiteral("pk1"), QStringLiteral("device1")};
    first.configId = QStringLiteral("cfg-7");
    first.sha256 = QStringLiteral("AB").repeated(32);
    first.state = ConfigState::Pushed;
    first.lastMessageTime = when;
    first.online = true;
    DeviceStateUpdate second{QStringLiteral("pk1"), QStringLiteral("device2")};
    second.state = ConfigState::Failed;
    second.lastReplyCode = 100003;
    STORE_VERIFY(workspace->deviceStates().apply({first, second}));

    // A partial update keeps what it does not name.
    DeviceStateUpdate reply{QStringLiteral("pk1"), QStringLiteral("device1")};
    reply.state = ConfigState::Applied;
    reply.lastReplyCode = 200;
    reply.replySource = ConfigDeck::Alink::ReplySource::Device;
    STORE_VERIFY(workspace->deviceStates().apply({reply}));

    const auto state =
        storedValue(workspace->deviceStates().state(QStringLiteral("pk1"), QStringLiteral("device1")));
    QCOMPARE(state->configId, QStringLiteral("cfg-7"));
    QCOMPARE(state->sha256, QStringLiteral("ab").repeated(32));
    QCOMPARE(state->state, ConfigState::Applied);
    QCOMPARE(state->lastReplyCode, std::optional<int>(200));
    QCOMPARE(state->lastMessageTime, when);
    QCOMPARE(state->online, true);
    const auto failed =
        storedValue(workspace->deviceStates().state(QStringLiteral("pk1"), QStringLiteral("device2")));
    QCOMPARE(failed->state, ConfigState::Failed);
    QCOMPARE(failed->lastReplyCode, std::optional<int>(100003));
    QCOMPARE(failed->online, false);
    QVERIFY(!storedValue(workspace->deviceStates().state(QStringLiteral("pk1"), QStringLiteral("device3"))));

    // Pushed is not held; Applied is, with the stored sha256 when the update names none. Seeing it again
    // moves last-seen only; a new configuration adds an entry after it.
    const QList<HeldVersion> held =
        storedValue(workspace->deviceStates().heldVersions(QStringLiteral("pk1"), QStringLiteral("device1")));
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.first().sha256, QStringLiteral("ab").repeated(32));
    QCOMPARE(held.first().configId, QStringLiteral("cfg-7"));
    QVERIFY(
        storedValue(workspace->deviceStates().heldVersions(QStringLiteral("pk1"), QStringLiteral("device2")))
            .isEmpty());
    DeviceStateUpdate next{QStringLiteral("pk1"), QStringLiteral("device1")};
    next.configId = QStringLiteral("cfg-8");
    next.sha256 = QStringLiteral("cd").repeated(32);
    next.state = ConfigState::Verified;
    next.lastMessageTime = held.first().firstSeen.addSecs(60);
    STORE_VERIFY(workspace->deviceStates().apply({next}));
    DeviceStateUpdate again = reply;
    again.sha256 = QStringLiteral("ab").repeated(32);
    again.lastMessageTime = held.first().firstSeen.addSecs(120);
    STORE_VERIFY(workspace->deviceStates().apply({again}));
    const QList<HeldVersion> history =
        storedValue(workspace->deviceStates().heldVersions(QStringLiteral("pk1"), QStringLiteral("device1")));
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).sha256, QStringLiteral("ab").repeated(32));
    QCOMPARE(history.at(0).lastSeen, held.first().firstSeen.addSecs(120));
    QCOMPARE(history.at(1).sha256, QStringLiteral("cd").repeated(32));
    QCOMPARE(history.at(1).configId, QStringLiteral("cfg-8"));
}

void TestWorkspace::stateUpdateBatchIsAllOrNothing()
{
    auto workspace = openWorkspace();
    STORE_VERIFY(workspace->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("device1")}, "a"));
    DeviceStateUpdate known{QStringLiteral("pk1"), QStringLiteral("device1")};
    known.state = ConfigState::Verified;
    DeviceStateUpdate unknown{QStringLiteral("pk1"), QStringLiteral("ghost")};
    unknown.state = ConfigState::Failed;
    const auto applied = workspace->deviceStates().apply({known, unknown});
    QVERIFY(!applied);
    QVERIFY(applied.error().message().contains(QStringLiteral("pk1/ghost")));
    QCOMPARE(
        storedValue(workspace->deviceStates().state(QStringLiteral("pk1"), QStringLiteral("device1")))->state,
        ConfigState::Unknown);
}

void TestWorkspace::messageLogRetentionByRows()
{
    auto workspace = openWorkspace();
    MessageLogRetention retention;
    retention.maxRows = 10;
    retention.maxAgeDays = 0;
    STORE_VERIFY(workspace->messageLog().setRetention(retention));
    QCOMPARE(storedValue(workspace->messageLog().retention()).maxRows, 10);
    for (int batch = 0; batch < 5; ++batch) {
        QList<MessageLogEntry> entries;
        for (int i = 0; i < 5; ++i) {
            MessageLogEntry entry;
            entry.productKey = QStringLiteral("pk1");
            entry.deviceName = QStringLiteral("device1");
            entry.direction = i % 2 ? MessageDirection::Out : MessageDirection::In;
            entry.topic = QStringLiteral("/sys/pk1/device1/thing/config/push");
            entry.messageId = QString::number(batch * 5 + i);
            entry.code = 200;
            entry.latencyMs = 12;
            entry.payload = "{}";
            entries.append(entry);
        }
        STORE_VERIFY(workspace->messageLog().append(entries));
        QVERIFY(storedValue(workspace->messageLog().count()) <= 10);
    }
    QCOMPARE(storedValue(workspace->messageLog().count()), 10);
    const auto newest =
        storedValue(workspace->messageLog().entries(QStringLiteral("pk1"), QStringLiteral("device1"), 3));
    QCOMPARE(newest.size(), 3);
    QCOMPARE(newest.at(0).messageId, QStringLiteral("24"));
    QCOMPARE(newest.at(0).code, std::optional<int>(200));
    QCOMPARE(newest.at(0).latencyMs, std::optional<int>(12));
    QCOMPARE(storedValue(workspace->messageLog().entries()).last().messageId,
             QStringLiteral("15")); // oldest kept
    QVERIFY(storedValue(workspace->messageLog().entries(QStringLiteral("pk2"))).isEmpty());

    retention.maxRows = 4;
    STORE_VERIFY(workspace->messageLog().setRetention(retention)); // prunes at once
    QCOMPARE(storedValue(workspace->messageLog().count()), 4);
    retention.maxRows = 0;
    QVERIFY(!workspace->messageLog().setRetention(retention));
}

void TestWorkspace::messageLogRetentionByAge()
{
    auto workspace = openWorkspace();
    MessageLogRetention retention;
    retention.maxAgeDays = 7;
    STORE_VERIFY(workspace->messageLog().setRetention(retention));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<MessageLogEntry> entries;
    for (int days : {30, 10, 6, 0}) {
        MessageLogEntry entry;
        entry.time = now.addDays(-days);
        entry.productKey = QStringLiteral("pk1");
        entry.deviceName = QStringLiteral("device1");
        entry.topic = QStringLiteral("t");
        entry.messageId = QString::number(days);
        entries.append(entry);
    }
    STORE_VERIFY(workspace->messageLog().append(entries));
    const auto kept = storedValue(workspace->messageLog().entries());
    QCOMPARE(kept.size(), 2);
    QCOMPARE(kept.at(0).messageId, QStringLiteral("0"));
    QCOMPARE(kept.at(1).messageId, QStringLiteral("6"));
    // Time passes: the next prune drops what became too old.
    QCOMPARE(workspace->messageLog().prune(now.addDays(3)).value(), 1);
    QCOMPARE(storedValue(workspace->messageLog().count()), 1);
}

void TestWorkspace::messageLogTruncatesPayloads()
{
    auto workspace = openWorkspace();
    MessageLogRetention retention;
    retention.maxPayloadBytes = 16;
    STORE_VERIFY(workspace->messageLog().setRetention(retention));
    MessageLogEntry big;
    big.productKey = QStringLiteral("pk1");
    big.deviceName = QStringLiteral("device1");
    big.topic = QStringLiteral("t");
    big.payload = QByteArray(1000, 'x');
    MessageLogEntry small = big;
    small.payload = "{\"id\":\"1\"}";
    STORE_VERIFY(workspace->messageLog().append({big, small}));
    const auto stored = storedValue(workspace->messageLog().entries());
    QCOMPARE(stored.at(1).payload, QByteArray(16, 'x'));
    QVERIFY(stored.at(1).payloadTruncated);
    QCOMPARE(stored.at(0).payload, small.payload);
    QVERIFY(!stored.at(0).payloadTruncated);
}

void TestWorkspace::rollouts()
{
    auto workspace = openWorkspace();
    STORE_VERIFY(workspace->identities().addDevices({{QStringLiteral("pk1"), QStringLiteral("device1")},
                                                     {QStringLiteral("pk1"), QStringLiteral("device2")}},
                                                    {"a", "b"}));
    const QString sha =
        workspace->versions().add("{}", QStringLiteral("pk1"), {}, ConfigOrigin::Edited).value();

    RolloutRecord rollout;
    rollout.name = QStringLiteral("wave 1");
    rollout.productKey = QStringLiteral("pk1");
    rollout.configSha256 = QStringLiteral("00").repeated(32);
    QVERIFY(!workspace->rollouts().create(rollout)); // no such version
    rollout.configSha256 = sha;
    rollout.batchSize = 0;
    QVERIFY(!workspace->rollouts().create(rollout));
    rollout.batchSize = 50;
    const auto id = workspace->rollouts().create(rollout);
    QVERIFY(id);

    RolloutOutcome succeeded{QStringLiteral("pk1"), QStringLiteral("device1"), OutcomeState::Succeeded, 200};
    RolloutOutcome failed{
        QStringLiteral("pk1"),          QStringLiteral("device2"), OutcomeState::Failed, 100003, {},
        QStringLiteral("sign mismatch")};
    STORE_VERIFY(workspace->rollouts().setOutcomes(*id, {succeeded, failed}));
    RolloutOutcome ghost{QStringLiteral("pk1"), QStringLiteral("ghost"), OutcomeState::Failed};
    failed.state = OutcomeState::Succeeded;
    QVERIFY(!workspace->rollouts().setOutcomes(*id, {failed, ghost})); // all or nothing
    QVERIFY(!workspace->rollouts().setOutcomes(*id + 1, {succeeded}));

    const auto outcomes = storedValue(workspace->rollouts().outcomes(*id));
    QCOMPARE(outcomes.size(), 2);
    QCOMPARE(outcomes.at(1).state, OutcomeState::Failed);
    QCOMPARE(outcomes.at(1).replyCode, std::optional<int>(100003));
    QCOMPARE(outcomes.at(1).message, QStringLiteral("sign mismatch"));
    QVERIFY(outcomes.at(0).updated.isValid());

    auto stored = storedValue(workspace->rollouts().find(*id));
    QVERIFY(stored);
    QCOMPARE(stored->batchSize, 50);
    QCOMPARE(stored->state, RolloutState::Planned);
    stored->state = RolloutState::Completed;
    stored->finished = QDateTime::currentDateTimeUtc();
    STORE_VERIFY(workspace->rollouts().update(*stored));
    QCOMPARE(storedValue(workspace->rollouts().list()).size(), 1);
    QCOMPARE(storedValue(workspace->rollouts().list()).at(0).state, RolloutState::Completed);
    QVERIFY(storedValue(workspace->rollouts().list()).at(0).finished.isValid());
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "TestWorkspace.moc"
