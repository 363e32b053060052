// `configdeck-cli platform --workspace postgresql://... --rollout` in several processes against a real
// Mosquitto and a real PostgreSQL: they share one rollout of 3,000 simulated devices, claiming its devices
// from the database. One process is killed (SIGKILL) half-way: the others finish, the dead one's pushes in
// flight are pushed again, and every device ends with exactly one outcome. The database is restarted in the
// middle of another rollout: the platform waits, resumes, and loses no reply. A console holding the product's
// rollout lock keeps the platform from starting one, and the platform says who holds it.
#include "alink/Topic.h"
#include "session/WorkspaceKey.h"
#include "store/Workspace.h"
#include "support/EndProcess.h"
#include "support/MosquittoFixture.h"
#include "support/PostgresFixture.h"
#include "transport/MosquittoConnection.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace ConfigDeck;
using Store::OutcomeState;
using Store::RolloutState;
using TestSupport::MosquittoFixture;
using TestSupport::PostgresFixture;

namespace {

constexpr int kDevices = 3000;
const QString kProduct = QStringLiteral("a1Roll");
const QString kPassphrase = QStringLiteral("shared rollout test passphrase");

// A process whose JSON lines go to a file (a pipe nobody reads would fill and stall it).
struct CliProcess
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString outputFile;

    QList<QJsonObject> events() const
    {
        QList<QJsonObject> result;
        QFile file(outputFile);
        if (!file.open(QIODevice::ReadOnly))
            return result;
        while (!file.atEnd()) {
            const QJsonObject event = QJsonDocument::fromJson(file.readLine()).object();
            if (!event.isEmpty())
                result << event;
        }
        return result;
    }
    QList<QJsonObject> events(const QString& name) const
    {
        QList<QJsonObject> result;
        for (const QJsonObject& event : events()) {
            if (event.value(QStringLiteral("event")).toString() == name)
                result << event;
        }
        return result;
    }
    QString errors() const
    {
        QFile file(outputFile + QStringLiteral(".err"));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }
};

} // namespace

class TestSharedRollout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void threeProcessesShareARolloutAndSurviveAKill();
    void databaseRestartMidRolloutLosesNothing();
    void consoleHoldingTheLockKeepsThePlatformOut();

private:
    void startPlatforms(int count, const QString& configPath, const QStringList& extra = {});
    QString writeConfig(const QString& name, const QByteArray& content);
    // The product's running rollout and its tally, read through a connection of the test's own.
    std::optional<Store::RolloutTally> runningTally(qint64* id);
    bool waitForExit(CliProcess& cli, int timeoutMs);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MosquittoFixture> m_broker;
    std::unique_ptr<PostgresFixture> m_database;
    std::unique_ptr<Store::Workspace> m_workspace; // the test's own view of the shared workspace
    CliProcess m_fleet;
    std::vector<CliProcess> m_platforms;
    std::unique_ptr<Transport::MosquittoConnection> m_observer; // counts the pushes per device
    QHash<QString, int> m_pushes;
    QString m_passphraseFile;
    int m_run = 0;
};

void TestSharedRollout::initTestCase()
{
#ifdef Q_OS_UNIX
    // Mosquitto and the device workers (children: they inherit it) hold a few descriptors per device
    // connection: the soft limit goes up to the hard one, as a shell's `ulimit -n` would.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
    QVERIFY2(getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur >= rlim_t(kDevices) + 256,
             "this machine's open-file limit is below what 3,000 device connections need");
#endif
    m_dir = std::make_unique<QTemporaryDir>();
    MosquittoFixture::Options brokerOptions;
    brokerOptions.extraConfig = QStringLiteral("max_queued_messages 100000\nmax_inflight_messages 0\n");
    m_broker = std::make_unique<MosquittoFixture>(brokerOptions);
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    m_database = std::make_unique<PostgresFixture>();
    QVERIFY2(m_database->start(), qPrintable(m_database->errorString()));

    // The team's workspace on PostgreSQL, with the product's 3,000 devices, protected by a passphrase.
    auto opened = Store::Workspace::open(m_database->url(), Store::Workspace::OpenMode::CreateOrOpen,
                                         m_database->password());
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
    m_workspace = std::move(*opened);
    auto created = Session::WorkspaceKey::create(*m_workspace,
                                                 Session::WorkspaceProtection::withPassphrase(kPassphrase));
    QVERIFY2(created, created ? "" : qPrintable(created.error().message()));
    m_workspace->keys().setSealer(created->sealer);
    QList<Store::DeviceRecord> devices;
    QList<QByteArray> secrets;
    for (int i = 0; i < kDevices; ++i) {
        devices << Store::DeviceRecord{kProduct, QStringLiteral("dev-%1").arg(i, 4, 10, QLatin1Char('0'))};
        secrets << "5e2b7c9a0d1f4e3b8a6c2d9e0f1a2b3c";
    }
    const auto added = m_workspace->identities().addDevices(devices, secrets);
    QVERIFY2(added, added ? "" : qPrintable(added.error().message()));
    m_passphraseFile = m_dir->filePath(QStringLiteral("passphrase.txt"));
    QFile passphrase(m_passphraseFile);
    QVERIFY(passphrase.open(QIODevice::WriteOnly));
    passphrase.write(kPassphrase.toUtf8() + '\n');
    passphrase.close();

    // Every push the platforms send, per device, as the broker delivers it.
    Transport::MqttConnectOptions options;
    options.host = m_broker->host();
    options.port = m_broker->port();
    options.clientId = QStringLiteral("push-observer");
    m_observer = std::make_unique<Transport::MosquittoConnection>();
    QSignalSpy subscribed(m_observer.get(), &Transport::MqttConnection::subscribed);
    connect(m_observer.get(), &Transport::MqttConnection::messageReceived, this,
            [this](const QString& topic, const QByteArray&) {
                if (const auto parsed = Alink::Topic::parse(topic))
                    ++m_pushes[parsed->deviceName()];
            });
    QVERIFY(!m_observer->subscribe(Alink::Topic::filter(Alink::TopicKind::ConfigPush, kProduct), 1));
    QVERIFY(!m_observer->connectToBroker(options));
    QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 10000);

    // The fleet: 3,000 simulated devices in three worker processes, answering every push.
    m_fleet.outputFile = m_dir->filePath(QStringLiteral("fleet.jsonl"));
    m_fleet.process->setStandardOutputFile(m_fleet.outputFile);
    m_fleet.process->setStandardErrorFile(m_fleet.outputFile + QStringLiteral(".err"));
    m_fleet.process->start(QStringLiteral(CONFIGDECK_CLI),
                           {QStringLiteral("devices"), QStringLiteral("--broker"),
                            QStringLiteral("mqtt://%1:%2").arg(m_broker->host()).arg(m_broker->port()),
                            QStringLiteral("--product"), kProduct, QStringLiteral("--count"),
                            QString::number(kDevices), QStringLiteral("--workers"), QStringLiteral("3"),
                            QStringLiteral("--duration"), QStringLiteral("600"), QStringLiteral("--json")});
    QVERIFY(m_fleet.process->waitForStarted());
    const auto online = [this] {
        qint64 count = 0;
        for (const QJsonObject& event : m_fleet.events(QStringLiteral("online")))
            count += event.value(QStringLiteral("online")).toInteger();
        return count;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(online() == kDevices, qPrintable(m_fleet.errors().right(2000)), 180000);
}

void TestSharedRollout::cleanupTestCase()
{
    TestSupport::endProcess(*m_fleet.process, 5000);
    m_observer.reset();
    m_workspace.reset();
    m_database.reset();
    m_broker.reset();
}

void TestSharedRollout::cleanup()
{
    for (CliProcess& platform : m_platforms)
        TestSupport::endProcess(*platform.process, 3000);
    m_platforms.clear();
    m_pushes.clear();
}

QString TestSharedRollout::writeConfig(const QString& name, const QByteArray& content)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

void TestSharedRollout::startPlatforms(int count, const QString& configPath, const QStringList& extra)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), m_database->password());
    ++m_run;
    for (int i = 0; i < count; ++i) {
        CliProcess& platform = m_platforms.emplace_back();
        platform.outputFile = m_dir->filePath(QStringLiteral("platform-%1-%2.jsonl").arg(m_run).arg(i));
        platform.process->setProcessEnvironment(environment);
        platform.process->setStandardOutputFile(platform.outputFile);
        platform.process->setStandardErrorFile(platform.outputFile + QStringLiteral(".err"));
        platform.process->start(
            QStringLiteral(CONFIGDECK_CLI),
            QStringList{QStringLiteral("platform"), QStringLiteral("--broker"),
                        QStringLiteral("mqtt://%1:%2").arg(m_broker->host()).arg(m_broker->port()),
                        QStringLiteral("--product"), kProduct, QStringLiteral("--config"), configPath,
                        QStringLiteral("--workspace"), m_database->url(), QStringLiteral("--passphrase-file"),
                        m_passphraseFile, QStringLiteral("--rollout"), QStringLiteral("--share-group"),
                        QStringLiteral("ops"), QStringLiteral("--operator"), QStringLiteral("ops-%1").arg(i),
                        QStringLiteral("--allow-failures"), QStringLiteral("--json")} +
                extra);
        QVERIFY(platform.process->waitForStarted());
    }
}

std::optional<Store::RolloutTally> TestSharedRollout::runningTally(qint64* id)
{
    if (*id <= 0) {
        const auto active = m_workspace->rolloutWork().active(kProduct);
        if (!active || !active->has_value())
            return std::nullopt;
        *id = (*active)->id;
    }
    const auto tally = m_workspace->rolloutWork().tally(*id);
    return tally ? std::optional<Store::RolloutTally>(*tally) : std::nullopt;
}

bool TestSharedRollout::waitForExit(CliProcess& cli, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (cli.process->state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(100);
    return cli.process->state() == QProcess::NotRunning;
}

void TestSharedRollout::threeProcessesShareARolloutAndSurviveAKill()
{
    const QString config = writeConfig(QStringLiteral("v1.json"), R"({"reportInterval":60,"version":1})");
    // One file server port for the three (SO_REUSEPORT) and one signing key (the workspace's): a device
    // pushed by the process that dies still downloads its file, from another.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const QString httpPort = QString::number(probe.serverPort());
    probe.close();
    // 100 pushes per second each: long enough a rollout to kill one process in the middle of it.
    startPlatforms(3, config,
                   {QStringLiteral("--rate"), QStringLiteral("100"), QStringLiteral("--batch"),
                    QStringLiteral("500"), QStringLiteral("--timeout"), QStringLiteral("60"),
                    QStringLiteral("--http-port"), httpPort, QStringLiteral("--http-share-port")});
    qint64 rolloutId = 0;
    std::optional<Store::RolloutTally> atKill;
    QTRY_VERIFY_WITH_TIMEOUT((atKill = runningTally(&rolloutId)) && atKill->done() >= kDevices / 3, 120000);
    QVERIFY2(m_platforms[0].process->state() == QProcess::Running, qPrintable(m_platforms[0].errors()));
    m_platforms[0].process->kill(); // SIGKILL: no goodbye, its claims and pushes in flight left behind
    QVERIFY(m_platforms[0].process->waitForFinished(5000));
    qInfo("killed one platform with %d of %d devices done", atKill->done(), kDevices);
    QVERIFY(atKill->done() < kDevices);

    for (int i = 1; i < 3; ++i) {
        QVERIFY2(waitForExit(m_platforms[i], 180000), "the surviving platforms did not finish the rollout");
        const auto finished = m_platforms[i].events(QStringLiteral("rollout-finished"));
        QVERIFY2(m_platforms[i].process->exitCode() == 0,
                 finished.isEmpty() ? qPrintable(m_platforms[i].errors().right(3000))
                                    : QJsonDocument(finished.last()).toJson().constData());
    }

    // Every device has exactly one outcome, in a rollout that completed.
    const auto rollout = m_workspace->rollouts().find(rolloutId);
    QVERIFY(rollout && rollout->has_value());
    QCOMPARE((*rollout)->state, RolloutState::Completed);
    const auto outcomes = m_workspace->rollouts().outcomes(rolloutId);
    QVERIFY(outcomes);
    QCOMPARE(outcomes->size(), kDevices);
    QSet<QString> devices;
    QHash<OutcomeState, int> states;
    for (const Store::RolloutOutcome& outcome : *outcomes) {
        devices.insert(outcome.deviceName);
        ++states[outcome.state];
    }
    QCOMPARE(devices.size(), kDevices);
    QCOMPARE(states.value(OutcomeState::Pending), 0);
    QCOMPARE(states.value(OutcomeState::Pushed), 0);
    QCOMPARE(states.value(OutcomeState::Skipped), 0);
    const int succeeded = states.value(OutcomeState::Succeeded);
    qInfo("outcomes: %d succeeded, %d failed, %d timed out", succeeded, states.value(OutcomeState::Failed),
          states.value(OutcomeState::TimedOut));
    // Only a device whose download was under way on the killed process's connection may fail; the rest
    // succeed.
    QVERIFY2(succeeded >= kDevices - 50, qPrintable(QString::number(succeeded)));

    // Each survivor did its share, and the two agree on the whole rollout.
    qint64 pushedBySurvivors = 0;
    qint64 retried = 0;
    for (int i = 1; i < 3; ++i) {
        const auto summaries = m_platforms[i].events(QStringLiteral("summary"));
        QCOMPARE(summaries.size(), 1);
        const QJsonObject summary = summaries.first();
        QCOMPARE(summary.value(QStringLiteral("rolloutId")).toInteger(), rolloutId);
        QCOMPARE(summary.value(QStringLiteral("succeeded")).toInt(), succeeded);
        QVERIFY(summary.value(QStringLiteral("pushedHere")).toInteger() > 0);
        pushedBySurvivors += summary.value(QStringLiteral("pushedHere")).toInteger();
        retried += summary.value(QStringLiteral("retried")).toInteger();
    }
    // Each device was pushed once, except those the dead process had claimed and not seen answered: pushed
    // again, once.
    QTRY_VERIFY_WITH_TIMEOUT(m_pushes.size() == kDevices, 10000);
    int pushedTwice = 0;
    qint64 pushes = 0;
    for (auto it = m_pushes.cbegin(); it != m_pushes.cend(); ++it) {
        QVERIFY2(it.value() <= 2, qPrintable(it.key()));
        pushedTwice += it.value() == 2 ? 1 : 0;
        pushes += it.value();
    }
    qInfo("pushes: %lld (%lld by the survivors), %d devices pushed twice, %lld claims retried", pushes,
          pushedBySurvivors, pushedTwice, retried);
    QVERIFY(pushedTwice <= retried);
    QVERIFY(pushedBySurvivors < pushes); // the killed one had pushed its share before it died
}

void TestSharedRollout::databaseRestartMidRolloutLosesNothing()
{
    const QString config = writeConfig(QStringLiteral("v2.json"), R"({"reportInterval":30,"version":2})");
    startPlatforms(2, config,
                   {QStringLiteral("--rate"), QStringLiteral("100"), QStringLiteral("--batch"),
                    QStringLiteral("1000"), QStringLiteral("--timeout"), QStringLiteral("60")});
    qint64 rolloutId = 0;
    std::optional<Store::RolloutTally> before;
    QTRY_VERIFY_WITH_TIMEOUT((before = runningTally(&rolloutId)) && before->done() >= kDevices / 5, 120000);
    m_database->stop();
    QTest::qWait(3000); // pushes in flight are answered while the database is away
    QVERIFY2(m_database->restart(), qPrintable(m_database->errorString()));

    for (CliProcess& platform : m_platforms) {
        QVERIFY2(waitForExit(platform, 180000), "the platforms did not finish after the restart");
        QVERIFY2(platform.process->exitCode() == 0, qPrintable(platform.errors()));
        QVERIFY2(!platform.events(QStringLiteral("workspace-waiting")).isEmpty(),
                 qPrintable(platform.outputFile));
        QVERIFY(!platform.events(QStringLiteral("workspace-resumed")).isEmpty());
    }
    const auto tally = m_workspace->rolloutWork().tally(rolloutId);
    QVERIFY2(tally, tally ? "" : qPrintable(tally.error().message()));
    QCOMPARE(tally->state, RolloutState::Completed);
    QCOMPARE(tally->total, kDevices);
    QCOMPARE(tally->count(OutcomeState::Succeeded), kDevices); // no reply lost, no device timed out
    for (auto it = m_pushes.cbegin(); it != m_pushes.cend(); ++it)
        QCOMPARE(it.value(), 1); // and none pushed twice
    QCOMPARE(m_pushes.size(), kDevices);
}

void TestSharedRollout::consoleHoldingTheLockKeepsThePlatformOut()
{
    const QString config = writeConfig(QStringLiteral("v3.json"), R"({"reportInterval":15,"version":3})");
    // A console runs a rollout of the product: it holds the lock alone and its rollout is recorded.
    const auto locked = m_workspace->rolloutLock().tryAcquire(kProduct, Store::RolloutLock::Mode::Exclusive);
    QVERIFY(locked && *locked);
    const auto sha = m_workspace->versions().add(R"({"v":"console"})", kProduct, QStringLiteral("console"),
                                                 Store::ConfigOrigin::Pushed);
    QVERIFY(sha);
    Store::RolloutRecord console;
    console.name = QStringLiteral("frank's rollout");
    console.productKey = kProduct;
    console.configSha256 = *sha;
    console.state = RolloutState::Running;
    console.started = QDateTime::currentDateTimeUtc();
    console.operatorName = QStringLiteral("frank");
    const auto id = m_workspace->rollouts().create(console);
    QVERIFY(id);

    startPlatforms(1, config);
    QVERIFY(waitForExit(m_platforms[0], 30000));
    QCOMPARE(m_platforms[0].process->exitCode(), 1);
    const QString errors = m_platforms[0].errors();
    QString said;
    for (const QJsonObject& event : m_platforms[0].events())
        said += QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact));
    QVERIFY2((errors + said).contains(QStringLiteral("frank")), qPrintable(errors + said));
    const auto active = m_workspace->rolloutWork().active(kProduct);
    QVERIFY(active && active->has_value());
    QCOMPARE((*active)->id, *id); // the platform started nothing
    m_workspace->rolloutLock().release(kProduct);
}

QTEST_GUILESS_MAIN(TestSharedRollout)
#include "TestSharedRollout.moc"
