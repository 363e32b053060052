#include "StoreTestSupport.h"
#include "store/DatabaseCopy.h"
#include "store/Workspace.h"
#include "store/secrets/KeyVault.h"
#include "store/secrets/SecretSealer.h"
#include "support/PostgresFixture.h"
#include "support/WorkspaceChecks.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck::Store;
using ConfigDeck::TestSupport::PostgresFixture;

namespace {

const QString kTeamPassphrase = QStringLiteral("harbour lantern seven");
const QByteArray kSecret = "5e2b7c9a0d1f4e3b8a6c2d9e0f1a2b3c";

// Every row of a table as text (NULL apart from ''), sorted: the two databases order rows differently.
QStringList rowsOf(const QSqlDatabase& db, const QString& table)
{
    QSqlQuery query(db);
    QString select = QStringLiteral("SELECT * FROM %1").arg(table);
    if (table == u"meta") // the PostgreSQL dialect's bookkeeping; a file keeps it in PRAGMAs
        select += QStringLiteral(" WHERE key NOT IN ('application_id', 'schema_version')");
    if (!query.exec(select)) {
        qWarning() << table << query.lastError().text();
        return {QStringLiteral("<unreadable>")};
    }
    QStringList rows;
    while (query.next()) {
        const QSqlRecord record = query.record();
        QStringList fields;
        for (int i = 0; i < record.count(); ++i) {
            const QVariant value = query.value(i);
            fields << record.fieldName(i) + u'=' +
                          (value.isNull() ? QStringLiteral("NULL")
                                          : QString::fromLatin1(value.toByteArray().toBase64()));
        }
        rows << fields.join(u' ');
    }
    rows.sort();
    return rows;
}

} // namespace

// File > Save a copy of a shared workspace: a PostgreSQL workspace with devices, versions, messages and a
// rollout becomes a workspace file with the same rows in every table (read from the source, whatever its
// columns), which opens with Workspace::open and the same key; a target that exists is refused untouched.
class TestDatabaseCopy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tablesComeInDependencyOrder();
    void copyHoldsEveryRowAndOpensWithTheSameKey();
    void existingTargetIsRefusedAndUntouched();
    void failedCopyLeavesNoFile();
    void cleanupTestCase();

private:
    QSqlDatabase source();
    std::unique_ptr<Workspace> openShared();

    PostgresFixture m_server;
    QTemporaryDir m_dir;
    QString m_connection = QStringLiteral("test-database-copy-source");
};

void TestDatabaseCopy::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_dir.isValid());
}

void TestDatabaseCopy::cleanupTestCase()
{
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase TestDatabaseCopy::source()
{
    if (!QSqlDatabase::contains(m_connection)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
        db.setHostName(m_server.host());
        db.setPort(m_server.port());
        db.setUserName(m_server.user());
        db.setPassword(m_server.password());
        db.setDatabaseName(m_server.database());
        if (!db.open())
            qWarning() << db.lastError().text();
    }
    return QSqlDatabase::database(m_connection, false);
}

std::unique_ptr<Workspace> TestDatabaseCopy::openShared()
{
    auto opened = Workspace::open(m_server.url(), Workspace::OpenMode::CreateOrOpen, m_server.password());
    if (!opened) {
        qWarning() << opened.error().message();
        return nullptr;
    }
    return std::move(opened).value();
}

void TestDatabaseCopy::tablesComeInDependencyOrder()
{
    const QStringList tables = DatabaseCopy::tablesInCreationOrder();
    QVERIFY(tables.size() >= 11);
    QCOMPARE(tables.first(), QStringLiteral("meta"));
    // Each table after the ones its rows refer to.
    QVERIFY(tables.indexOf(QStringLiteral("products")) < tables.indexOf(QStringLiteral("devices")));
    QVERIFY(tables.indexOf(QStringLiteral("devices")) < tables.indexOf(QStringLiteral("device_state")));
    QVERIFY(tables.indexOf(QStringLiteral("config_versions")) < tables.indexOf(QStringLiteral("rollouts")));
    QVERIFY(tables.indexOf(QStringLiteral("rollouts")) < tables.indexOf(QStringLiteral("rollout_outcomes")));
    QVERIFY(tables.indexOf(QStringLiteral("config_versions")) <
            tables.indexOf(QStringLiteral("published_versions")));
    // Every table the database holds is copied.
    QSqlQuery query(source());
    QVERIFY(openShared());
    QVERIFY(query.exec(QStringLiteral("SELECT table_name FROM information_schema.tables"
                                      " WHERE table_schema = current_schema()")));
    QStringList inDatabase;
    while (query.next())
        inDatabase << query.value(0).toString();
    inDatabase.sort();
    QStringList sorted = tables;
    sorted.sort();
    QCOMPARE(sorted, inDatabase);
}

void TestDatabaseCopy::copyHoldsEveryRowAndOpensWithTheSameKey()
{
    const QString product = QStringLiteral("a1Copy");
    QString published;
    qint64 rolloutId = 0;
    {
        auto shared = openShared();
        QVERIFY(shared);
        // The team key, as a shared workspace's creation makes it.
        auto created = KeyVault::create(KeyRecord::Mode::Passphrase, shared->workspaceId(), kTeamPassphrase);
        STORE_VERIFY(created);
        STORE_VERIFY(shared->keys().setRecord(created->second.toBytes()));
        shared->keys().setSealer(std::make_shared<const SecretSealer>(created->first));

        STORE_VERIFY(shared->identities().upsertProduct(
            {product, QStringLiteral("Copied lamps"), QStringLiteral("cn-shanghai"), true, true}));
        QList<DeviceRecord> devices;
        QList<QByteArray> secrets;
        for (int i = 0; i < 50; ++i) {
            devices << DeviceRecord{product,
                                    QStringLiteral("lamp-%1").arg(i),
                                    QStringLiteral("note %1").arg(i),
                                    {QStringLiteral("hall")},
                                    false};
            secrets << QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Md5).toHex();
        }
        secrets[0] = kSecret;
        STORE_VERIFY(shared->identities().addDevices(devices, secrets));
        const auto first = shared->versions().add(R"({"brightness":10})", product, QStringLiteral("first"),
                                                  ConfigOrigin::Edited);
        STORE_VERIFY(first);
        const auto second = shared->versions().add(QByteArray(70000, 'x'), product, QStringLiteral("big"),
                                                   ConfigOrigin::Downloaded);
        STORE_VERIFY(second);
        STORE_VERIFY(shared->versions().setPublished(product, *first));
        published = *first;
        STORE_VERIFY(shared->deviceStates().apply(
            {{product, QStringLiteral("lamp-1"), QStringLiteral("cfg-1"), *first, ConfigState::Applied, 200,
              std::nullopt, QDateTime::currentDateTimeUtc(), true}}));
        QList<MessageLogEntry> messages;
        for (int i = 0; i < 20; ++i)
            messages << MessageLogEntry{
                0,
                QDateTime::currentDateTimeUtc(),
                product,
                QStringLiteral("lamp-%1").arg(i),
                MessageDirection::Out,
                QStringLiteral("/sys/%1/lamp-%2/thing/config/push").arg(product).arg(i),
                QString::number(1000 + i),
                i % 2 ? std::optional<int>(200) : std::nullopt,
                i,
                QByteArray("{\"id\":\"") + QByteArray::number(i) + "\"}",
                false,
                QStringLiteral("ana")};
        STORE_VERIFY(shared->messageLog().append(messages));
        RolloutRecord rollout;
        rollout.name = QStringLiteral("evening");
        rollout.productKey = product;
        rollout.configSha256 = *first;
        rollout.state = RolloutState::Completed;
        rollout.abortThreshold = 0.25;
        rollout.created = QDateTime::currentDateTimeUtc();
        rollout.started = rollout.created;
        rollout.finished = rollout.created.addSecs(30);
        rollout.operatorName = QStringLiteral("ana");
        const auto id = shared->rollouts().create(rollout);
        STORE_VERIFY(id);
        rolloutId = *id;
        STORE_VERIFY(shared->rollouts().setOutcomes(
            rolloutId, {{product, QStringLiteral("lamp-0"), OutcomeState::Succeeded, 200,
                         QDateTime::currentDateTimeUtc(), QString()},
                        {product, QStringLiteral("lamp-1"), OutcomeState::TimedOut, std::nullopt,
                         QDateTime::currentDateTimeUtc(), QStringLiteral("no reply")}}));
        STORE_VERIFY(shared->settings().setValue(QStringLiteral("operator/ana"), QStringLiteral("Ana Lima")));

        const QString copy = m_dir.filePath(QStringLiteral("team-copy.configdeck"));
        STORE_VERIFY(shared->saveCopy(copy));
        ConfigDeck::TestSupport::verifyNoPlainSecrets(copy, {kSecret});
    }

    const QString copy = m_dir.filePath(QStringLiteral("team-copy.configdeck"));
    // The same rows in every table, table by table and column by column.
    {
        const QString name = QStringLiteral("test-database-copy-target");
        {
            QSqlDatabase target = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            target.setDatabaseName(copy);
            QVERIFY(target.open());
            for (const QString& table : DatabaseCopy::tablesInCreationOrder()) {
                const QStringList expected = rowsOf(source(), table);
                QCOMPARE(rowsOf(target, table), expected);
            }
            QSqlQuery count(target);
            QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM message_log")) && count.next());
            QCOMPARE(count.value(0).toInt(), 20);
            target.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    // A workspace file at the same schema version, whose key opens with the team passphrase.
    auto opened = Workspace::open(copy, Workspace::OpenMode::OpenExisting);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
    Workspace& file = **opened;
    QVERIFY(!file.isShared());
    QCOMPARE(file.schemaVersion(), Workspace::kSchemaVersion);
    const auto record = KeyRecord::fromBytes(storedValue(file.keys().record()));
    STORE_VERIFY(record);
    QCOMPARE(record->workspaceId, file.workspaceId());
    const auto key = KeyVault::unlock(*record, kTeamPassphrase);
    STORE_VERIFY(key);
    file.keys().setSealer(std::make_shared<const SecretSealer>(*key));
    QCOMPARE(storedValue(file.identities().deviceSecret(product, QStringLiteral("lamp-0"))), kSecret);
    QCOMPARE(storedValue(file.identities().deviceCount()), 50);
    QCOMPARE(storedValue(file.identities().device(product, QStringLiteral("lamp-7")))->labels,
             QStringList{QStringLiteral("hall")});
    QCOMPARE(storedValue(file.versions().published(product)), published);
    QCOMPARE(storedValue(file.versions().list(product)).size(), 2);
    QCOMPARE(storedValue(file.messageLog().entries(product)).size(), 20);
    QCOMPARE(storedValue(file.messageLog().entries(product)).first().operatorName, QStringLiteral("ana"));
    const auto rollout = storedValue(file.rollouts().find(rolloutId));
    QVERIFY(rollout);
    QCOMPARE(rollout->name, QStringLiteral("evening"));
    QCOMPARE(rollout->abortThreshold, 0.25);
    QCOMPARE(storedValue(file.rollouts().outcomes(rolloutId)).size(), 2);
    QCOMPARE(storedValue(file.settings().value(QStringLiteral("operator/ana"))), QStringLiteral("Ana Lima"));
    // New rows get new ids after the copied ones.
    STORE_VERIFY(file.identities().addDevice({product, QStringLiteral("lamp-new")}, kSecret));
    QCOMPARE(storedValue(file.identities().deviceCount()), 51);
}

void TestDatabaseCopy::existingTargetIsRefusedAndUntouched()
{
    auto shared = openShared();
    QVERIFY(shared);
    const QString target = m_dir.filePath(QStringLiteral("taken.configdeck"));
    {
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("someone else's file");
    }
    const auto status = shared->saveCopy(target);
    QVERIFY(!status);
    QVERIFY2(status.error().message().contains(QStringLiteral("already exists")),
             qPrintable(status.error().message()));
    QCOMPARE(ConfigDeck::TestSupport::fileBytes(target), QByteArray("someone else's file"));
    QVERIFY(!QFile::exists(target + QStringLiteral("-wal")));
}

void TestDatabaseCopy::failedCopyLeavesNoFile()
{
    auto shared = openShared();
    QVERIFY(shared);
    // A row the file's schema refuses (a device of a product that is not there: the file checks foreign
    // keys, this database was told not to) stops the copy, and nothing is left.
    QVERIFY(m_server.exec(QStringLiteral("ALTER TABLE devices DROP CONSTRAINT devices_product_id_fkey"),
                          m_server.database()));
    QVERIFY(m_server.exec(
        QStringLiteral("INSERT INTO devices (product_id, device_name) VALUES (987654, 'orphan')"),
        m_server.database()));
    const QString target = m_dir.filePath(QStringLiteral("broken.configdeck"));
    const auto status = shared->saveCopy(target);
    QVERIFY(!status);
    QVERIFY2(status.error().message().contains(QStringLiteral("devices")),
             qPrintable(status.error().message()));
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QVERIFY(!QFile::exists(target + suffix));
    // The source is still usable: the copy's read transaction ended.
    STORE_VERIFY(shared->settings().setValue(QStringLiteral("after"), QStringLiteral("copy")));
}

QTEST_GUILESS_MAIN(TestDatabaseCopy)
#include "TestDatabaseCopy.moc"
