#include "StoreTestSupport.h"
#include "store/CsvImport.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck::Store;

namespace {

struct FileSnapshot
{
    QByteArray sha256;
    QDateTime modified;
    qint64 size = -1;
    bool operator==(const FileSnapshot&) const = default;
};

FileSnapshot snapshot(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QFileInfo info(path);
    return {QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256), info.lastModified(),
            info.size()};
}

QByteArray generatedCsv(int rows, const char* prefix)
{
    QByteArray csv = "ProductKey,DeviceName,DeviceSecret\n";
    csv.reserve(rows * 60);
    for (int i = 0; i < rows; ++i) {
        csv.append("a1Bulk").append(prefix).append(",device_").append(QByteArray::number(i));
        csv.append(",secret").append(QByteArray::number(qint64(i) * 7919)).append("abcdefabcdefabcdef\n");
    }
    return csv;
}

// The statements of a file as ConfigDeck left it at that schema version (without user_version).
QStringList schemaUpTo(int version)
{
    QStringList statements{QStringLiteral("PRAGMA application_id = %1").arg(Workspace::kApplicationId)};
    for (const Workspace::Migration& migration : Workspace::migrations()) {
        if (migration.version > version)
            break;
        for (const char* statement : migration.statements)
            statements.append(QString::fromLatin1(statement));
    }
    return statements;
}

void runSql(const QString& path, const QStringList& statements)
{
    const QString name = QStringLiteral("raw-") + QString::number(quintptr(&statements));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const QString& statement : statements)
            QVERIFY2(query.exec(statement),
                     qPrintable(statement + QStringLiteral(": ") + query.lastError().text()));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

class TestWorkspaceReliability : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void killedImportLeavesWorkspaceAsItWas();
    void damagedFileIsRefusedAndUntouched_data();
    void damagedFileIsRefusedAndUntouched();
    void foreignDatabaseIsRefusedAndUntouched();
    void newerSchemaIsRefusedAndUntouched();
    void olderSchemaMigrates();
    void publishedSettingsMoveToTheirTable();
    void productsGetAlibabaLimitsOff();
    void messagesAndRolloutsGetAnEmptyOperator();

private:
    QString workspacePath() const { return m_dir->filePath(QStringLiteral("fleet.cdws")); }
    void createWorkspaceWithDevices(int count);

    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_key;
};

void TestWorkspaceReliability::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_key = SecretSealer::randomKey();
}

void TestWorkspaceReliability::createWorkspaceWithDevices(int count)
{
    auto workspace = Workspace::open(workspacePath());
    QVERIFY(workspace);
    (*workspace)->keys().setSealer(std::make_shared<SecretSealer>(m_key));
    QList<DeviceRecord> devices;
    QList<QByteArray> secrets;
    for (int i = 0; i < count; ++i) {
        devices.append({QStringLiteral("a1Before"), QStringLiteral("device_%1").arg(i)});
        secrets.append("secret" + QByteArray::number(i));
    }
    STORE_VERIFY((*workspace)->identities().addDevices(devices, secrets));
}

void TestWorkspaceReliability::killedImportLeavesWorkspaceAsItWas()
{
    createWorkspaceWithDevices(5);
    if (QTest::currentTestFailed())
        return;
    const QString csvPath = m_dir->filePath(QStringLiteral("bulk.csv"));
    {
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(generatedCsv(400000, "Kill"));
    }

    QProcess child;
    child.setProgram(QStringLiteral(STORE_IMPORT_CHILD));
    child.setArguments({workspacePath(), csvPath, QString::fromLatin1(m_key.toHex())});
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start();
    QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
    QByteArray output;
    QElapsedTimer timer;
    timer.start();
    while (!output.contains("IMPORTING") && child.state() == QProcess::Running && timer.elapsed() < 60000) {
        child.waitForReadyRead(1000);
        output += child.readAllStandardOutput();
    }
    QVERIFY2(output.contains("IMPORTING"), output.constData());
    child.kill(); // SIGKILL: no destructor, no rollback, a hot WAL left behind
    QVERIFY(child.waitForFinished(10000));
    output += child.readAllStandardOutput();
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QVERIFY2(!output.contains("DONE"), output.constData());

    auto workspace = Workspace::open(workspacePath(), Workspace::OpenMode::OpenExisting);
    QVERIFY2(workspace, workspace ? "" : qPrintable(workspace.error().message()));
    QCOMPARE(storedValue((*workspace)->identities().deviceCount()), 5);
    QVERIFY(!storedValue((*workspace)->identities().product(QStringLiteral("a1BulkKill"))));
    (*workspace)->keys().setSealer(std::make_shared<SecretSealer>(m_key));
    QCOMPARE((*workspace)
                 ->identities()
                 .deviceSecret(QStringLiteral("a1Before"), QStringLiteral("device_3"))
                 .value(),
             "secret3");
    DirectConnection file(workspacePath());
    QSqlQuery query(file.database());
    QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
}

void TestWorkspaceReliability::damagedFileIsRefusedAndUntouched_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("expected");
    QTest::addRow("overwritten pages") << "pages"
                                       << "damaged";
    QTest::addRow("truncated") << "truncate"
                               << "damaged";
    QTest::addRow("garbage") << "garbage"
                             << "not an SQLite database";
    QTest::addRow("empty") << "empty"
                           << "not an SQLite database";
    QTest::addRow("text file") << "text"
                               << "not an SQLite database";
}

void TestWorkspaceReliability::damagedFileIsRefusedAndUntouched()
{
    QFETCH(QString, damage);
    QFETCH(QString, expected);
    createWorkspaceWithDevices(3000);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(
        !QFile::exists(workspacePath() + QStringLiteral("-wal"))); // closed: everything is in the main file
    {
        QFile file(workspacePath());
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        QVERIFY(size > 20 * 4096);
        if (damage == u"pages") {
            // Page 3 onwards holds b-tree pages of the device table and its index.
            file.seek(2 * 4096);
            file.write(QByteArray(6 * 4096, '\xA5'));
        } else if (damage == u"truncate") {
            file.resize(size / 2 + 123);
        } else if (damage == u"garbage") {
            file.seek(0);
            file.write(QByteArray(4096, '\x5A'));
        } else if (damage == u"empty") {
            file.resize(0);
        } else if (damage == u"text") {
            file.resize(0);
            file.write("ProductKey,DeviceName,DeviceSecret\n");
        }
    }
    QTest::qWait(20); // so that a write would show in the modification time
    const FileSnapshot before = snapshot(workspacePath());

    const auto opened = Workspace::open(workspacePath());
    QVERIFY(!opened);
    QVERIFY2(opened.error().message().contains(expected), qPrintable(opened.error().message()));
    QVERIFY(opened.error().message().contains(QStringLiteral("fleet.cdws")));
    QVERIFY(snapshot(workspacePath()) == before);
}

void TestWorkspaceReliability::foreignDatabaseIsRefusedAndUntouched()
{
    const QString path = m_dir->filePath(QStringLiteral("other-app.db"));
    runSql(path,
           {QStringLiteral("PRAGMA application_id = 1234"), QStringLiteral("CREATE TABLE notes (body TEXT)"),
            QStringLiteral("INSERT INTO notes VALUES ('keep me')")});
    const QString plain = m_dir->filePath(QStringLiteral("plain.db"));
    runSql(plain, {QStringLiteral("CREATE TABLE t (x)")});
    for (const QString& file : {path, plain}) {
        const FileSnapshot before = snapshot(file);
        const auto opened = Workspace::open(file);
        QVERIFY(!opened);
        QVERIFY2(opened.error().message().contains(QStringLiteral("not a ConfigDeck workspace")),
                 qPrintable(opened.error().message()));
        QVERIFY(snapshot(file) == before);
        QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
    }
}

void TestWorkspaceReliability::newerSchemaIsRefusedAndUntouched()
{
    createWorkspaceWithDevices(1);
    runSql(workspacePath(),
           {QStringLiteral("PRAGMA journal_mode = DELETE"), QStringLiteral("PRAGMA user_version = 99")});
    const FileSnapshot before = snapshot(workspacePath());
    const auto opened = Workspace::open(workspacePath());
    QVERIFY(!opened);
    QVERIFY2(opened.error().message().contains(QStringLiteral("newer")),
             qPrintable(opened.error().message()));
    QVERIFY(opened.error().message().contains(QStringLiteral("99")));
    QVERIFY(snapshot(workspacePath()) == before);
}

void TestWorkspaceReliability::olderSchemaMigrates()
{
    // A version-1 file made with the shipped version-1 schema, holding a device with a sealed secret.
    const auto& migrations = Workspace::migrations();
    QCOMPARE(migrations.first().version, 1);
    SecretSealer sealer(m_key);
    const QByteArray sealed = sealer.seal("v1secret", {"pk1", "old-device"});
    QStringList statements = schemaUpTo(1);
    statements << QStringLiteral("PRAGMA user_version = 1")
               << QStringLiteral("INSERT INTO meta VALUES ('workspace_id', 'v1-workspace')")
               << QStringLiteral(
                      "INSERT INTO products (id, product_key, name) VALUES (7, 'pk1', 'Old product')")
               << QStringLiteral("INSERT INTO devices (id, product_id, device_name, secret, note) VALUES "
                                 "(3, 7, 'old-device', x'%1', 'from v1')")
                      .arg(QString::fromLatin1(sealed.toHex()))
               << QStringLiteral("INSERT INTO device_state (device_id, config_id, sha256, state, last_code, "
                                 "last_message) VALUES (3, 'cfg1', 'ab12', 5, 200, 1700000000000)")
               << QStringLiteral("INSERT INTO message_log (time, product_key, device_name, direction, topic) "
                                 "VALUES (1700000000000, 'pk1', 'old-device', 0, 'topic')");
    runSql(workspacePath(), statements);

    auto opened = Workspace::open(workspacePath(), Workspace::OpenMode::OpenExisting);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
    Workspace& workspace = **opened;
    QCOMPARE(workspace.schemaVersion(), Workspace::kSchemaVersion);
    QCOMPARE(workspace.workspaceId(), QStringLiteral("v1-workspace"));
    workspace.keys().setSealer(std::make_shared<SecretSealer>(m_key));
    QCOMPARE(workspace.identities().deviceSecret(QStringLiteral("pk1"), QStringLiteral("old-device")).value(),
             "v1secret");
    QCOMPARE(
        storedValue(workspace.identities().device(QStringLiteral("pk1"), QStringLiteral("old-device")))->note,
        QStringLiteral("from v1"));
    QCOMPARE(storedValue(workspace.deviceStates().state(QStringLiteral("pk1"), QStringLiteral("old-device")))
                 ->state,
             ConfigState::Applied);
    QCOMPARE(storedValue(workspace.messageLog().count()), 1);
    // Version 3 starts each device's held history with what it held.
    const QList<HeldVersion> held = storedValue(
        workspace.deviceStates().heldVersions(QStringLiteral("pk1"), QStringLiteral("old-device")));
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.first().sha256, QStringLiteral("ab12"));
    QCOMPARE(held.first().configId, QStringLiteral("cfg1"));
    QCOMPARE(held.first().firstSeen.toMSecsSinceEpoch(), 1700000000000);
    // What version 2 added works on the migrated file.
    STORE_VERIFY(workspace.identities().setDeviceLabels(QStringLiteral("pk1"), QStringLiteral("old-device"),
                                                        {QStringLiteral("lab")}));
    const QString sha =
        workspace.versions().add("{}", QStringLiteral("pk1"), {}, ConfigOrigin::Edited).value();
    RolloutRecord rollout;
    rollout.productKey = QStringLiteral("pk1");
    rollout.configSha256 = sha;
    STORE_VERIFY(workspace.rollouts().create(rollout));
}

void TestWorkspaceReliability::publishedSettingsMoveToTheirTable()
{
    // A version-3 file as ConfigDeck 3 left it: each product's published version in a
    // "published/<ProductKey>" setting.
    const auto sha = [](const QByteArray& content) {
        return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    };
    const QString pk1First = sha("first"), pk1Second = sha("second"), pk2Only = sha("meter");
    QStringList statements = schemaUpTo(3);
    const auto version = [](const QString& sha256, const QString& productKey, int created) {
        return QStringLiteral(
                   "INSERT INTO config_versions (sha256, content, size, product_key, created, origin)"
                   " VALUES ('%1', x'00', 1, '%2', %3, 0)")
            .arg(sha256, productKey)
            .arg(created);
    };
    statements << QStringLiteral("PRAGMA user_version = 3")
               << QStringLiteral("INSERT INTO meta VALUES ('workspace_id', 'v3-workspace')")
               << QStringLiteral("INSERT INTO products (product_key) VALUES ('a1Lamp'), ('b2Meter')")
               << version(pk1First, QStringLiteral("a1Lamp"), 1)
               << version(pk1Second, QStringLiteral("a1Lamp"), 2)
               << version(pk2Only, QStringLiteral("b2Meter"), 3)
               << QStringLiteral("INSERT INTO meta VALUES ('setting.published/a1Lamp', '%1'),"
                                 " ('setting.published/b2Meter', '%2'), ('setting.mode', 'broker')")
                      .arg(pk1Second.toUpper(), pk2Only);
    runSql(workspacePath(), statements);

    {
        auto opened = Workspace::open(workspacePath(), Workspace::OpenMode::OpenExisting);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
        Workspace& workspace = **opened;
        QCOMPARE(workspace.schemaVersion(), Workspace::kSchemaVersion);
        QCOMPARE(storedValue(workspace.versions().published(QStringLiteral("a1Lamp"))), pk1Second);
        QCOMPARE(storedValue(workspace.versions().published(QStringLiteral("b2Meter"))), pk2Only);
        QCOMPARE(storedValue(workspace.versions().published(QStringLiteral("c3None"))), QString());
        const QMap<QString, QString> all = storedValue(workspace.versions().allPublished());
        QCOMPARE(all, (QMap<QString, QString>{{QStringLiteral("a1Lamp"), pk1Second},
                                              {QStringLiteral("b2Meter"), pk2Only}}));
        // The settings rows are gone; the other settings stay.
        QCOMPARE(storedValue(workspace.settings().value(QStringLiteral("published/a1Lamp"))), QString());
        QCOMPARE(storedValue(workspace.settings().value(QStringLiteral("mode"))), QStringLiteral("broker"));
        // The table is the one place from now on.
        STORE_VERIFY(workspace.versions().setPublished(QStringLiteral("a1Lamp"), pk1First));
        QCOMPARE(storedValue(workspace.versions().published(QStringLiteral("a1Lamp"))), pk1First);
    }
    DirectConnection file(workspacePath());
    QSqlQuery query(file.database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM meta WHERE key LIKE 'setting.published/%'")) &&
            query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    QVERIFY(
        query.exec(QStringLiteral("SELECT sha256 FROM published_versions WHERE product_key = 'a1Lamp'")) &&
        query.next());
    QCOMPARE(query.value(0).toString(), pk1First);
}

void TestWorkspaceReliability::productsGetAlibabaLimitsOff()
{
    // A version-4 file: products without per-product Alibaba limits.
    QStringList statements = schemaUpTo(4);
    statements << QStringLiteral("PRAGMA user_version = 4")
               << QStringLiteral("INSERT INTO meta VALUES ('workspace_id', 'v4-workspace')")
               << QStringLiteral("INSERT INTO products (product_key, name, remote_config) VALUES"
                                 " ('a1Lamp', 'Lamp', 0), ('b2Meter', '', 1)");
    runSql(workspacePath(), statements);
    {
        auto opened = Workspace::open(workspacePath(), Workspace::OpenMode::OpenExisting);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
        Workspace& workspace = **opened;
        QCOMPARE(workspace.schemaVersion(), Workspace::kSchemaVersion);
        const QList<ProductRecord> products = storedValue(workspace.identities().products());
        QCOMPARE(products.size(), 2);
        QCOMPARE(products.at(0).name, QStringLiteral("Lamp"));
        QVERIFY(!products.at(0).remoteConfigEnabled);
        QVERIFY(!products.at(0).alibabaLimits);
        QVERIFY(products.at(1).remoteConfigEnabled);
        QVERIFY(!products.at(1).alibabaLimits);
        ProductRecord limited = products.at(1);
        limited.alibabaLimits = true;
        STORE_VERIFY(workspace.identities().upsertProduct(limited));
    }
    auto reopened = Workspace::open(workspacePath(), Workspace::OpenMode::OpenExisting);
    QVERIFY(reopened);
    QVERIFY(storedValue((*reopened)->identities().product(QStringLiteral("b2Meter")))->alibabaLimits);
    QVERIFY(!storedValue((*reopened)->identities().product(QStringLiteral("a1Lamp")))->alibabaLimits);
}

void TestWorkspaceReliability::messagesAndRolloutsGetAnEmptyOperator()
{
    // A version-5 file: a logged message and a rollout from before anyone's name was recorded.
    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash("{}", QCryptographicHash::Sha256).toHex());
    QStringList statements = schemaUpTo(5);
    statements << QStringLiteral("PRAGMA user_version = 5")
               << QStringLiteral("INSERT INTO meta VALUES ('workspace_id', 'v5-workspace')")
               << QStringLiteral(
                      "INSERT INTO message_log (time, product_key, device_name, direction, topic)"
                      " VALUES (%1, 'a1Lamp', 'lamp-1', 1, '/sys/a1Lamp/lamp-1/thing/config/push')")
                      .arg(QDateTime::currentMSecsSinceEpoch() - 1000) // within the log's retention
               << QStringLiteral("INSERT INTO config_versions (sha256, content, size, product_key, created,"
                                 " origin) VALUES ('%1', x'7b7d', 2, 'a1Lamp', 1, 0)")
                      .arg(sha256)
               << QStringLiteral("INSERT INTO rollouts (name, product_key, config_sha256, batch_size,"
                                 " rate_per_minute, timeout_ms, abort_threshold, created)"
                                 " VALUES ('old', 'a1Lamp', '%1', 10, 0, 1000, 0.1, 2000)")
                      .arg(sha256);
    runSql(workspacePath(), statements);

    auto opened = Workspace::open(workspacePath(), Workspace::OpenMode::OpenExisting);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
    Workspace& workspace = **opened;
    QCOMPARE(workspace.schemaVersion(), Workspace::kSchemaVersion);
    const QList<MessageLogEntry> before = storedValue(workspace.messageLog().entries());
    QCOMPARE(before.size(), 1);
    QCOMPARE(before.at(0).deviceName, QStringLiteral("lamp-1"));
    QCOMPARE(before.at(0).operatorName, QString());
    const QList<RolloutRecord> oldRollouts = storedValue(workspace.rollouts().list());
    QCOMPARE(oldRollouts.size(), 1);
    QCOMPARE(oldRollouts.at(0).name, QStringLiteral("old"));
    QCOMPARE(oldRollouts.at(0).operatorName, QString());

    // What is recorded from now on carries its operator.
    MessageLogEntry entry;
    entry.productKey = QStringLiteral("a1Lamp");
    entry.deviceName = QStringLiteral("lamp-2");
    entry.direction = MessageDirection::Edit;
    entry.topic = QStringLiteral("Delete device");
    entry.operatorName = QStringLiteral("alice");
    STORE_VERIFY(workspace.messageLog().append({entry}));
    const QList<MessageLogEntry> after = storedValue(workspace.messageLog().entries());
    QCOMPARE(after.size(), 2);
    QCOMPARE(after.at(0).operatorName, QStringLiteral("alice"));
    QCOMPARE(after.at(0).direction, MessageDirection::Edit);
    RolloutRecord rollout;
    rollout.productKey = QStringLiteral("a1Lamp");
    rollout.configSha256 = sha256;
    rollout.operatorName = QStringLiteral("bob");
    const qint64 id = storedValue(workspace.rollouts().create(rollout));
    QCOMPARE(storedValue(workspace.rollouts().find(id))->operatorName, QStringLiteral("bob"));
}

QTEST_GUILESS_MAIN(TestWorkspaceReliability)
#include "TestWorkspaceReliability.moc"
