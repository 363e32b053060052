#include "StoreTestSupport.h"
#include "store/SqlDialect.h"
#include "store/Workspace.h"
#include "store/WorkspaceChangeFeed.h"
#include "store/secrets/KeyVault.h"
#include "store/secrets/SecretSealer.h"
#include "support/PostgresFixture.h"
#include "support/WorkspaceChecks.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace ConfigDeck::Store;
using ConfigDeck::TestSupport::PostgresFixture;

// A workspace on a real PostgreSQL server (PostgresFixture): created from an empty database by the same
// migrations as a file, refused when the database is another application's or a newer ConfigDeck's, two
// consoles learning each other's changes through LISTEN/NOTIFY, the team key, no plain secret in any column,
// and a server restart while the workspace is open.
class TestPostgresWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void fixtureRunsAsItsOwnServer();
    void migrationsFromAnEmptyDatabase();
    void openExistingNeedsAWorkspace();
    void refusesAForeignDatabase();
    void refusesANewerSchema();
    void locationKeepsThePasswordApart_data();
    void locationKeepsThePasswordApart();
    void consolesSeeEachOthersChanges();
    void rolledBackWritesAreNotAnnounced();
    void teamKeyUnlocksInEveryConsole();
    void noColumnHoldsAPlainSecret();
    void serverRestartWhileOpen();

private:
    QString url() const;
    std::unique_ptr<Workspace> openWorkspace();

    PostgresFixture m_server;
    QString m_database;
    int m_databases = 0;
    std::shared_ptr<const SecretSealer> m_sealer;
};

void TestPostgresWorkspace::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestPostgresWorkspace::init()
{
    m_database = QStringLiteral("test_%1").arg(++m_databases);
    QVERIFY2(m_server.createDatabase(m_database), qPrintable(m_server.errorString()));
    m_sealer = std::make_shared<SecretSealer>(SecretSealer::randomKey());
}

QString TestPostgresWorkspace::url() const
{
    return m_server.url(m_database);
}

std::unique_ptr<Workspace> TestPostgresWorkspace::openWorkspace()
{
    auto opened = Workspace::open(url(), Workspace::OpenMode::CreateOrOpen, m_server.password());
    if (!opened) {
        qWarning() << opened.error().message();
        return nullptr;
    }
    (*opened)->keys().setSealer(m_sealer);
    return std::move(opened).value();
}

void TestPostgresWorkspace::fixtureRunsAsItsOwnServer()
{
    QVERIFY(m_server.isRunning());
    QVERIFY(m_server.port() > 0);
    QVERIFY(PostgresFixture::binDirectory().startsWith(u'/'));
    // A password is needed over TCP: without one the server refuses.
    auto opened = Workspace::open(url());
    QVERIFY(!opened);
    QVERIFY2(opened.error().message().contains(QStringLiteral("password")),
             qPrintable(opened.error().message()));
    QVERIFY(m_server.exec(QStringLiteral("SELECT 1")));
}

void TestPostgresWorkspace::migrationsFromAnEmptyDatabase()
{
    QString id;
    {
        auto workspace = openWorkspace();
        QVERIFY(workspace);
        QVERIFY(workspace->isShared());
        QCOMPARE(workspace->schemaVersion(), Workspace::kSchemaVersion);
        QCOMPARE(workspace->path(), url());
        id = workspace->workspaceId();
        QVERIFY(!QUuid::fromString(id).isNull());
    }
    const QString name = QStringLiteral("check");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_server.host());
        db.setPort(m_server.port());
        db.setUserName(m_server.user());
        db.setPassword(m_server.password());
        db.setDatabaseName(m_database);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")) &&
                query.next());
        QCOMPARE(query.value(0).toByteArray().toInt(), Workspace::kSchemaVersion);
        // Every table of every step is there, with 64-bit integers (times are milliseconds).
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM information_schema.tables"
                                          " WHERE table_schema = current_schema()")) &&
                query.next());
        QCOMPARE(query.value(0).toInt(), 12);
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE"
                                          " table_schema = current_schema() AND data_type = 'integer'")) &&
                query.next());
        QCOMPARE(query.value(0).toInt(), 0);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    // Opened again (by this console or another), nothing is migrated twice.
    auto reopened = openWorkspace();
    QVERIFY(reopened);
    QCOMPARE(reopened->workspaceId(), id);
    auto second = openWorkspace();
    QVERIFY(second);
    QCOMPARE(second->workspaceId(), id);
}

void TestPostgresWorkspace::openExistingNeedsAWorkspace()
{
    const auto opened = Workspace::open(url(), Workspace::OpenMode::OpenExisting, m_server.password());
    QVERIFY(!opened);
    QVERIFY2(opened.error().message().contains(url()), qPrintable(opened.error().message()));
    QVERIFY(
        m_server.exec(QStringLiteral("DO $$ BEGIN IF EXISTS (SELECT 1 FROM information_schema.tables WHERE"
                                     " table_schema = current_schema()) THEN RAISE 'tables made'; END IF;"
                                     " END $$")));
}

void TestPostgresWorkspace::refusesAForeignDatabase()
{
    QVERIFY(m_server.exec(QStringLiteral("CREATE TABLE invoices (id int PRIMARY KEY, total numeric)"),
                          m_database));
    const auto opened = Workspace::open(url(), Workspace::OpenMode::CreateOrOpen, m_server.password());
    QVERIFY(!opened);
    const QString message = opened.error().message();
    QVERIFY2(message.contains(QStringLiteral("not a ConfigDeck workspace")) &&
                 message.contains(QStringLiteral("invoices")),
             qPrintable(message));
    // Nothing was added to it.
    QVERIFY(
        m_server.exec(QStringLiteral("DO $$ BEGIN IF EXISTS (SELECT 1 FROM information_schema.tables WHERE"
                                     " table_name = 'meta') THEN RAISE 'meta made'; END IF; END $$"),
                      m_database));
    // A table named meta is not enough to be taken for a workspace.
    QVERIFY(
        m_server.exec(QStringLiteral("CREATE TABLE meta (key text PRIMARY KEY, value bytea)"), m_database));
    QVERIFY(!Workspace::open(url(), Workspace::OpenMode::CreateOrOpen, m_server.password()));
}

void TestPostgresWorkspace::refusesANewerSchema()
{
    QVERIFY(openWorkspace());
    QVERIFY(m_server.exec(QStringLiteral("UPDATE meta SET value = '%1' WHERE key = 'schema_version'")
                              .arg(Workspace::kSchemaVersion + 1),
                          m_database));
    const auto opened = Workspace::open(url(), Workspace::OpenMode::CreateOrOpen, m_server.password());
    QVERIFY(!opened);
    QVERIFY2(opened.error().message().contains(QStringLiteral("newer ConfigDeck")),
             qPrintable(opened.error().message()));
}

void TestPostgresWorkspace::locationKeepsThePasswordApart_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("options");
    QTest::addColumn<QString>("error");
    QTest::addRow("plain") << "postgresql://ops@db.example:5433/fleet"
                           << "postgresql://ops@db.example:5433/fleet"
                           << ""
                           << ""
                           << "";
    QTest::addRow("password and TLS")
        << "postgres://ops:s%40cret@db.example/fleet?sslmode=verify-full&sslrootcert=/etc/ca.pem"
        << "postgresql://ops@db.example:5432/fleet?sslmode=verify-full&sslrootcert=/etc/ca.pem"
        << "s@cret"
        << "sslmode=verify-full sslrootcert='/etc/ca.pem'"
        << "";
    QTest::addRow("no database") << "postgresql://ops@db.example/"
                                 << ""
                                 << ""
                                 << ""
                                 << "database";
    QTest::addRow("no user") << "postgresql://db.example/fleet"
                             << ""
                             << ""
                             << ""
                             << "user";
    QTest::addRow("bad sslmode") << "postgresql://ops@db.example/fleet?sslmode=maybe"
                                 << ""
                                 << ""
                                 << ""
                                 << "sslmode";
    QTest::addRow("unknown option") << "postgresql://ops@db.example/fleet?host=x"
                                    << ""
                                    << ""
                                    << ""
                                    << "host";
}

void TestPostgresWorkspace::locationKeepsThePasswordApart()
{
    QFETCH(QString, text);
    QFETCH(QString, url);
    QFETCH(QString, password);
    QFETCH(QString, options);
    QFETCH(QString, error);
    const auto location = WorkspaceLocation::parse(text);
    if (!error.isEmpty()) {
        QVERIFY(!location);
        QCOMPARE(location.error().field, error);
        return;
    }
    QVERIFY(location);
    QVERIFY(location->isDatabase());
    QCOMPARE(location->url(), url);
    QCOMPARE(location->password(), password);
    QVERIFY(!location->url().contains(QStringLiteral("cret")));
    if (!options.isEmpty())
        QVERIFY2(location->connectOptions().contains(options), qPrintable(location->connectOptions()));
}

void TestPostgresWorkspace::consolesSeeEachOthersChanges()
{
    auto first = openWorkspace();
    auto second = openWorkspace();
    QVERIFY(first && second);
    QSignalSpy firstHeard(&first->changeFeed(), &WorkspaceChangeFeed::changed);
    QSignalSpy secondHeard(&second->changeFeed(), &WorkspaceChangeFeed::changed);
    QVERIFY(first->changeFeed().isActive());

    // A device added in the first console reaches the second within a second, not the first itself.
    STORE_VERIFY(first->identities().addDevices({{QStringLiteral("pk1"), QStringLiteral("lamp-1")},
                                                 {QStringLiteral("pk1"), QStringLiteral("lamp-2")}},
                                                {"s1", "s2"}));
    QTRY_COMPARE_WITH_TIMEOUT(secondHeard.size(), 1, 1000);
    auto change = secondHeard.takeFirst().at(0).value<WorkspaceChange>();
    QCOMPARE(change, (WorkspaceChange{QStringLiteral("devices"),
                                      QStringLiteral("added"),
                                      {QStringLiteral("pk1/lamp-1"), QStringLiteral("pk1/lamp-2")}}));
    QCOMPARE(storedValue(second->identities().deviceCount()), 2);

    // A reply arriving in the second console: its device state and message reach the first.
    STORE_VERIFY(
        second->deviceStates().apply({{QStringLiteral("pk1"), QStringLiteral("lamp-2"), QStringLiteral("c1"),
                                       QString(64, u'a'), ConfigState::Verified}}));
    MessageLogEntry entry;
    entry.productKey = QStringLiteral("pk1");
    entry.deviceName = QStringLiteral("lamp-2");
    entry.topic = QStringLiteral("/sys/pk1/lamp-2/thing/config/push_reply");
    STORE_VERIFY(second->messageLog().append({entry}));
    QTRY_COMPARE_WITH_TIMEOUT(firstHeard.size(), 2, 1000);
    QCOMPARE(firstHeard.at(0).at(0).value<WorkspaceChange>(),
             (WorkspaceChange{
                 QStringLiteral("deviceStates"), QStringLiteral("changed"), {QStringLiteral("pk1/lamp-2")}}));
    QCOMPARE(firstHeard.at(1).at(0).value<WorkspaceChange>(),
             (WorkspaceChange{
                 QStringLiteral("messages"), QStringLiteral("appended"), {QStringLiteral("pk1/lamp-2")}}));
    QCOMPARE(
        storedValue(first->deviceStates().state(QStringLiteral("pk1"), QStringLiteral("lamp-2")))->configId,
        QStringLiteral("c1"));
    firstHeard.clear();

    // A rollout and its outcomes.
    const QString sha = storedValue(
        first->versions().add("{\"a\":1}", QStringLiteral("pk1"), QString(), ConfigOrigin::Edited));
    RolloutRecord rollout;
    rollout.productKey = QStringLiteral("pk1");
    rollout.configSha256 = sha;
    const qint64 id = storedValue(first->rollouts().create(rollout));
    STORE_VERIFY(first->rollouts().setOutcomes(
        id, {{QStringLiteral("pk1"), QStringLiteral("lamp-1"), OutcomeState::Succeeded, 0}}));
    QTRY_COMPARE_WITH_TIMEOUT(secondHeard.size(), 3, 1000);
    QCOMPARE(secondHeard.at(0).at(0).value<WorkspaceChange>().part, QStringLiteral("versions"));
    QCOMPARE(secondHeard.at(1).at(0).value<WorkspaceChange>(),
             (WorkspaceChange{QStringLiteral("rollouts"), QStringLiteral("added"), {QString::number(id)}}));
    QCOMPARE(
        secondHeard.at(2).at(0).value<WorkspaceChange>(),
        (WorkspaceChange{QStringLiteral("rollouts"), QStringLiteral("outcomes"), {QString::number(id)}}));
    QCOMPARE(storedValue(second->rollouts().outcomes(id)).size(), 1);
    secondHeard.clear();

    // Removed devices.
    STORE_VERIFY(second->identities().removeDevice(QStringLiteral("pk1"), QStringLiteral("lamp-1")));
    QTRY_COMPARE_WITH_TIMEOUT(firstHeard.size(), 1, 1000);
    QCOMPARE(firstHeard.at(0).at(0).value<WorkspaceChange>(),
             (WorkspaceChange{
                 QStringLiteral("devices"), QStringLiteral("removed"), {QStringLiteral("pk1/lamp-1")}}));
    QCOMPARE(secondHeard.size(), 0);
}

void TestPostgresWorkspace::rolledBackWritesAreNotAnnounced()
{
    auto first = openWorkspace();
    auto second = openWorkspace();
    QVERIFY(first && second);
    QSignalSpy secondHeard(&second->changeFeed(), &WorkspaceChangeFeed::changed);
    STORE_VERIFY(first->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("lamp-1")}, "s1"));
    QTRY_COMPARE_WITH_TIMEOUT(secondHeard.size(), 1, 1000);
    // The batch fails on its second device: nothing is stored, nothing is announced.
    const auto failed = first->identities().addDevices({{QStringLiteral("pk1"), QStringLiteral("lamp-2")},
                                                        {QStringLiteral("pk1"), QStringLiteral("lamp-1")}},
                                                       {"s2", "s1"});
    QVERIFY(!failed);
    QVERIFY2(failed.error().message().contains(QStringLiteral("already")),
             qPrintable(failed.error().message()));
    QTest::qWait(500);
    QCOMPARE(secondHeard.size(), 1);
    QCOMPARE(storedValue(second->identities().deviceCount()), 1);
    // The announcement format: sender, part, what, ids; too many ids to fit name none.
    QString sender;
    WorkspaceChange change;
    QVERIFY(WorkspaceChangeFeed::parse(QStringLiteral("abc devices:added:pk/a,pk/b"), &sender, &change));
    QCOMPARE(sender, QStringLiteral("abc"));
    QCOMPARE(change.ids, (QStringList{QStringLiteral("pk/a"), QStringLiteral("pk/b")}));
    QVERIFY(!WorkspaceChangeFeed::parse(QStringLiteral("garbage"), &sender, &change));
    const QString big = WorkspaceChangeFeed::payload(
        QStringLiteral("abc"),
        {QStringLiteral("devices"), QStringLiteral("added"), QStringList(2000, QString(8, u'x'))});
    QCOMPARE(big, QStringLiteral("abc devices:added:"));
}

void TestPostgresWorkspace::teamKeyUnlocksInEveryConsole()
{
    const QString passphrase = QStringLiteral("team passphrase for the fleet");
    auto first = openWorkspace();
    QVERIFY(first);
    first->keys().setSealer(nullptr);
    // The first console makes the team key; its record (wrapped under the passphrase) lives in the database.
    auto created = KeyVault::create(KeyRecord::Mode::Passphrase, first->workspaceId(), passphrase);
    QVERIFY2(created, created ? "" : qPrintable(created.error().message()));
    STORE_VERIFY(first->keys().setRecord(created->second.toBytes()));
    first->keys().setSealer(std::make_shared<SecretSealer>(created->first));
    STORE_VERIFY(
        first->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("lamp-1")}, "team-secret-1"));

    // Another console opens the same database locked, reads the record and unlocks it with the passphrase.
    auto opened = Workspace::open(url(), Workspace::OpenMode::OpenExisting, m_server.password());
    QVERIFY(opened);
    auto second = std::move(opened).value();
    QVERIFY(second->keys().isLocked());
    QVERIFY(!second->identities().deviceSecret(QStringLiteral("pk1"), QStringLiteral("lamp-1")));
    const auto record = KeyRecord::fromBytes(storedValue(second->keys().record()));
    QVERIFY(record);
    QCOMPARE(record->mode, KeyRecord::Mode::Passphrase);
    QVERIFY(record->iterations >= KeyRecord::kDefaultIterations);
    QVERIFY(!KeyVault::unlock(*record, QStringLiteral("a wrong passphrase")));
    const auto key = KeyVault::unlock(*record, passphrase);
    QVERIFY(key);
    QCOMPARE(*key, created->first);
    second->keys().setSealer(std::make_shared<SecretSealer>(*key));
    QCOMPARE(storedValue(second->identities().deviceSecret(QStringLiteral("pk1"), QStringLiteral("lamp-1"))),
             QByteArray("team-secret-1"));
}

void TestPostgresWorkspace::noColumnHoldsAPlainSecret()
{
    const QString passphrase = QStringLiteral("team passphrase for the fleet");
    auto workspace = openWorkspace();
    QVERIFY(workspace);
    auto created = KeyVault::create(KeyRecord::Mode::Passphrase, workspace->workspaceId(), passphrase);
    QVERIFY(created);
    STORE_VERIFY(workspace->keys().setRecord(created->second.toBytes()));
    workspace->keys().setSealer(std::make_shared<SecretSealer>(created->first));
    QList<QByteArray> secrets;
    QList<DeviceRecord> devices;
    for (int i = 0; i < 20; ++i) {
        devices.append({QStringLiteral("pk1"), QStringLiteral("lamp-%1").arg(i)});
        secrets.append(QByteArray("PlainDeviceSecretMarker") + QByteArray::number(i));
    }
    STORE_VERIFY(workspace->identities().addDevices(devices, secrets));
    STORE_VERIFY(workspace->identities().setDeviceSecret(QStringLiteral("pk1"), QStringLiteral("lamp-0"),
                                                         "ChangedDeviceSecretMarker"));
    secrets.append("ChangedDeviceSecretMarker");
    const QByteArray key = created->first;
    // The key as it could appear: raw, hex, base64.
    const QList<QByteArray> keyForms{key, key.toHex(), key.toBase64()};

    const QString name = QStringLiteral("walk");
    int columns = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_server.host());
        db.setPort(m_server.port());
        db.setUserName(m_server.user());
        db.setPassword(m_server.password());
        db.setDatabaseName(m_database);
        QVERIFY(db.open());
        columns = ConfigDeck::TestSupport::verifyNoPlainSecretsInDatabase(db, secrets + keyForms);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    QVERIFY(columns >= 20); // every text and bytea column of every table was read
    QCOMPARE(
        storedValue(workspace->identities().deviceSecret(QStringLiteral("pk1"), QStringLiteral("lamp-3"))),
        QByteArray("PlainDeviceSecretMarker3"));
}

void TestPostgresWorkspace::serverRestartWhileOpen()
{
    auto first = openWorkspace();
    auto second = openWorkspace();
    QVERIFY(first && second);
    STORE_VERIFY(first->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("lamp-1")}, "s1"));
    QSignalSpy reconnected(&second->changeFeed(), &WorkspaceChangeFeed::reconnected);
    QSignalSpy secondHeard(&second->changeFeed(), &WorkspaceChangeFeed::changed);

    QVERIFY2(m_server.restart(), qPrintable(m_server.errorString()));
    // The next write finds the connection lost, connects again and goes through (nothing was sent yet).
    STORE_VERIFY(first->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("lamp-2")}, "s2"));
    QCOMPARE(storedValue(first->identities().deviceCount()), 2);
    // The other console notices on its own (within its connection check), says it reconnected (it may have
    // missed announcements), and hears the changes made after that.
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, 5000);
    secondHeard.clear();
    STORE_VERIFY(first->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("lamp-3")}, "s3"));
    QTRY_COMPARE_WITH_TIMEOUT(secondHeard.size(), 1, 1000);
    QCOMPARE(storedValue(second->identities().deviceCount()), 3);

    // While the server is down a write fails with the reason, changes nothing, and the one after the server
    // is back goes through.
    m_server.stop();
    const auto failed =
        first->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("lamp-4")}, "s4");
    QVERIFY(!failed);
    QVERIFY2(!failed.error().message().isEmpty(), "no reason given");
    qInfo() << "write while the server is down:" << failed.error().message();
    QVERIFY2(m_server.restart(), qPrintable(m_server.errorString()));
    STORE_VERIFY(first->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("lamp-4")}, "s4"));
    QCOMPARE(storedValue(first->identities().deviceCount()), 4);
}

QTEST_GUILESS_MAIN(TestPostgresWorkspace)
#include "TestPostgresWorkspace.moc"
