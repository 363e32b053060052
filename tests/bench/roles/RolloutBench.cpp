// A rollout to N simulated devices over a real Mosquitto on loopback, as operators run it: one
// `configdeck-cli platform` process and one `configdeck-cli devices` fleet (spread over worker processes,
// since each MQTT client costs 3 file descriptors). Baselines measured in the same run, through the same
// broker: N bare libmosquitto request/reply round trips (bench_mqtt_roundtrip's raw client) and N HTTP GETs
// of the same configuration file from the same kind of file server.
//
// With --workspace sqlite|postgresql the platform side is the workspace's rollout: --platforms N processes
// (`configdeck-cli platform --workspace LOCATION --rollout --share-group G`) on a fresh workspace holding the
// fleet's devices, which claim the rollout's devices from the database and each exit when the whole
// rollout is finished. --compare runs, in one run, one process on PostgreSQL, three on PostgreSQL and one
// on SQLite, and prints wall time, devices/s, their ratios and where the CPU time went (what limits N
// processes on a small machine). PostgreSQL is the test fixture's server (tests/support/PostgresFixture).

#include "session/WorkspaceKey.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"
#include "support/MosquittoFixture.h"
#include "support/PostgresFixture.h"
#include "transfer/FileServer.h"
#include "transfer/Sha256Stream.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace {

struct ProcessResult
{
    int exitCode = -1;
    QJsonObject summary;
    QJsonObject rolloutFinished; // the platform's "rollout-finished" event
    QString errors;
};

// Runs a configdeck-cli command with --json; its output goes to a file (a pipe nobody reads would fill and
// stall it) that finishCli() reads the summary line from.
QProcess* startCli(const QStringList& arguments, const QString& outputFile,
                   const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    auto* process = new QProcess;
    process->setProcessEnvironment(environment);
    process->setStandardOutputFile(outputFile);
    process->setStandardErrorFile(outputFile + QStringLiteral(".err"));
    process->setProperty("outputFile", outputFile);
    process->start(QStringLiteral(CONFIGDECK_CLI), arguments);
    return process;
}

ProcessResult finishCli(QProcess* process, int timeoutMs)
{
    ProcessResult result;
    if (!process->waitForFinished(timeoutMs)) {
        process->kill();
        process->waitForFinished();
    }
    result.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    const QString outputFile = process->property("outputFile").toString();
    QFile output(outputFile);
    QFile errors(outputFile + QStringLiteral(".err"));
    output.open(QIODevice::ReadOnly);
    errors.open(QIODevice::ReadOnly);
    for (const QByteArray& line : output.readAll().split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        const QString event = object.value(QStringLiteral("event")).toString();
        if (event == QLatin1String("summary"))
            result.summary = object;
        else if (event == QLatin1String("rollout-finished"))
            result.rolloutFinished = object;
    }
    result.errors = QString::fromLocal8Bit(errors.readAll()).right(2000);
    delete process;
    return result;
}

double rawMqttSeconds(const QString& host, int port, int roundTrips)
{
    QProcess bench;
    bench.start(QStringLiteral(CONFIGDECK_MQTT_BENCH),
                {QStringLiteral("--host"), host, QStringLiteral("--port"), QString::number(port),
                 QStringLiteral("--round-trips"), QString::number(roundTrips), QStringLiteral("--qos"),
                 QStringLiteral("1"), QStringLiteral("--repeat"), QStringLiteral("1")});
    bench.waitForFinished(600000);
    const QString output = QString::fromLocal8Bit(bench.readAllStandardOutput());
    // "(a) raw libmosquitto, mosquitto_loop ... 1.234 s"
    static const QRegularExpression raw(QStringLiteral("\\(a\\)[^\\n]*?([0-9]+\\.[0-9]+) s"));
    const auto match = raw.match(output);
    if (!match.hasMatch()) {
        std::fprintf(stderr, "bench_mqtt_roundtrip gave no figure:\n%s\n", qPrintable(output));
        return -1;
    }
    return match.captured(1).toDouble();
}

double httpSeconds(int requests, const QByteArray& content)
{
    const QString sha = ConfigDeck::Transfer::Sha256Stream::hash(content);
    ConfigDeck::Transfer::FileServer server(
        [&](const QString&) { return std::optional<QByteArray>(content); });
    if (!server.listen())
        return -1;
    const QUrl url = server.signedUrl(sha, QStringLiteral("config.json"));
    QNetworkAccessManager network;
    QElapsedTimer clock;
    clock.start();
    int done = 0;
    int started = 0;
    QEventLoop loop;
    std::function<void()> next = [&] {
        QNetworkReply* reply = network.get(QNetworkRequest(url));
        ++started;
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            reply->readAll();
            reply->deleteLater();
            if (++done == requests)
                loop.quit();
            else if (started < requests)
                next();
        });
    };
    for (int i = 0; i < qMin(requests, 6); ++i) // QNetworkAccessManager's connections per host
        next();
    loop.exec();
    return clock.nsecsElapsed() / 1e9;
}

// --- The workspace's rollout (--workspace, --compare) ---

const QString kProduct = QStringLiteral("pkBench");
const QString kPassphrase = QStringLiteral("bench_rollout workspace passphrase");

// CPU seconds (user + system) spent so far: by this process's waited-for children, by a process with its
// children (the device workers of `configdeck-cli devices`, PostgreSQL's backends: living ones read from
// /proc, ended ones counted in their parent), and by the whole machine.
double childrenCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
           usage.ru_stime.tv_usec / 1e6;
}

struct ProcStat
{
    qint64 parent = 0;
    double cpuSeconds = -1; // utime + stime + cutime + cstime
};
ProcStat procStat(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return {};
    // After "pid (comm) ": state is field 3, the parent field 4; utime, stime, cutime, cstime 14 to 17.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 15)
        return {};
    double ticks = 0;
    for (int field = 14; field <= 17; ++field)
        ticks += fields.at(field - 3).toDouble();
    return {fields.at(1).toLongLong(), ticks / double(sysconf(_SC_CLK_TCK))};
}

double processTreeCpuSeconds(qint64 pid)
{
    double seconds = procStat(pid).cpuSeconds;
    if (seconds < 0)
        return -1;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool number = false;
        const qint64 child = entry.toLongLong(&number);
        if (!number)
            continue;
        const ProcStat stat = procStat(child);
        if (stat.parent == pid && stat.cpuSeconds > 0)
            seconds += stat.cpuSeconds;
    }
    return seconds;
}

struct MachineCpu
{
    double busy = 0;
    double total = 0;
};
MachineCpu machineCpuSeconds()
{
    QFile stat(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    // cpu user nice system idle iowait irq softirq steal ...
    const QList<QByteArray> fields = stat.readLine().simplified().split(' ');
    MachineCpu cpu;
    for (int i = 1; i < fields.size() && i <= 8; ++i) {
        const double seconds = fields.at(i).toDouble() / double(sysconf(_SC_CLK_TCK));
        cpu.total += seconds;
        if (i != 4 && i != 5) // idle, iowait
            cpu.busy += seconds;
    }
    return cpu;
}

int countEvents(const QString& outputFile, const QString& name)
{
    QFile output(outputFile);
    if (!output.open(QIODevice::ReadOnly))
        return 0;
    int count = 0;
    const QByteArray needle = "\"event\":\"" + name.toUtf8() + '"';
    for (const QByteArray& line : output.readAll().split('\n'))
        count += line.contains(needle) ? 1 : 0;
    return count;
}

// What the runs share: the broker, the configuration, the fleet's shape, and PostgreSQL once asked for.
struct BenchContext
{
    ConfigDeck::TestSupport::MosquittoFixture* broker = nullptr;
    std::unique_ptr<ConfigDeck::TestSupport::PostgresFixture> postgres;
    QTemporaryDir* dir = nullptr;
    QString brokerUrl;
    QString configPath;
    QString passphraseFile;
    int devices = 0;
    int workers = 1;
    int batch = 100;
    int timeoutSeconds = 120;
};

struct Configuration
{
    QString name;
    int platforms = 1;
    bool postgres = false;
};

struct RunResult
{
    bool ok = false;
    QString problem;
    double workspaceSeconds = 0; // making the workspace with its devices (not in the wall time)
    double wallSeconds = 0;      // the platform processes' start to the last one's exit
    double rolloutSeconds = 0;   // the longest rollout-finished wallMs of the processes
    int accounted = 0;
    int succeeded = 0;
    QList<int> pushedHere;
    QList<int> exitCodes;
    double platformCpu = -1; // CPU seconds of the platform processes
    double brokerCpu = -1;
    double databaseCpu = -1; // PostgreSQL's server and backends
    double fleetCpu = -1;    // the device workers
    double machineBusy = -1; // CPU seconds the whole machine was busy during the wall time
    double machineTotal = -1;
    double peakPlatformRssMb = 0;
};

// A fresh workspace at `location` with the fleet's devices (dev-0000 ...) of kProduct, its key under
// kPassphrase, made through the Store API as the console would.
QString makeWorkspace(const QString& location, const QString& password, int devices)
{
    using namespace ConfigDeck;
    auto workspace = Store::Workspace::open(location, Store::Workspace::OpenMode::CreateOrOpen, password);
    if (!workspace)
        return workspace.error().message();
    const auto key =
        Session::WorkspaceKey::create(**workspace, Session::WorkspaceProtection::withPassphrase(kPassphrase));
    if (!key)
        return key.error().message();
    (*workspace)->keys().setSealer(key->sealer);
    QList<Store::DeviceRecord> records;
    QList<QByteArray> secrets;
    records.reserve(devices);
    secrets.reserve(devices);
    for (int i = 0; i < devices; ++i) {
        records.append({kProduct, QStringLiteral("dev-%1").arg(i, 4, 10, QLatin1Char('0'))});
        secrets.append(ConfigDeck::Store::SecretSealer::randomKey().toHex().left(32));
    }
    if (const auto added = (*workspace)->identities().addDevices(records, secrets); !added)
        return added.error().message();
    return {};
}

RunResult runWorkspaceRollout(BenchContext& context, const Configuration& configuration, int index)
{
    RunResult result;
    QString location;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString password;
    if (configuration.postgres) {
        if (!context.postgres) {
            context.postgres = std::make_unique<ConfigDeck::TestSupport::PostgresFixture>();
            if (!context.postgres->start()) {
                result.problem =
                    QStringLiteral("cannot start PostgreSQL: ") + context.postgres->errorString();
                context.postgres.reset();
                return result;
            }
        }
        const QString database = QStringLiteral("bench_%1").arg(index);
        if (!context.postgres->createDatabase(database)) {
            result.problem = context.postgres->errorString();
            return result;
        }
        location = context.postgres->url(database);
        password = context.postgres->password();
        environment.insert(QStringLiteral("PGPASSWORD"), password); // libpq reads it: not in the URL
    } else {
        location = context.dir->filePath(QStringLiteral("bench_%1.configdeck").arg(index));
    }
    QElapsedTimer clock;
    clock.start();
    if (const QString problem = makeWorkspace(location, password, context.devices); !problem.isEmpty()) {
        result.problem = QStringLiteral("cannot make the workspace: ") + problem;
        return result;
    }
    result.workspaceSeconds = clock.nsecsElapsed() / 1e9;

    // The fleet first, until every worker says all its devices are online; each device exits after its
    // one exchange, the push.
    const QString prefix = context.dir->filePath(QStringLiteral("run%1-").arg(index));
    QProcess* fleet = startCli(
        {QStringLiteral("devices"), QStringLiteral("--broker"), context.brokerUrl,
         QStringLiteral("--product"), kProduct, QStringLiteral("--count"), QString::number(context.devices),
         QStringLiteral("--prefix"), QStringLiteral("dev-"), QStringLiteral("--workers"),
         QString::number(context.workers), QStringLiteral("--exit-after"), QStringLiteral("1"),
         QStringLiteral("--duration"), QStringLiteral("1800"), QStringLiteral("--json")},
        prefix + QStringLiteral("devices.jsonl"));
    const int slice = (context.devices + context.workers - 1) / context.workers;
    const int workerProcesses = (context.devices + slice - 1) / slice;
    QElapsedTimer connecting;
    connecting.start();
    while (countEvents(prefix + QStringLiteral("devices.jsonl"), QStringLiteral("online")) <
           workerProcesses) {
        if (fleet->state() == QProcess::NotRunning || connecting.elapsed() > 600000) {
            result.problem = QStringLiteral("the fleet did not come online");
            finishCli(fleet, 1000);
            return result;
        }
        QThread::msleep(100);
    }
    QThread::msleep(1000); // the devices' subscriptions follow their CONNACKs

    const qint64 postmaster = [&] {
        if (!context.postgres || !configuration.postgres)
            return qint64(0);
        QFile pidFile(context.postgres->directory() + QStringLiteral("/data/postmaster.pid"));
        return pidFile.open(QIODevice::ReadOnly) ? pidFile.readLine().trimmed().toLongLong() : qint64(0);
    }();
    const double brokerBefore = processTreeCpuSeconds(context.broker->processId());
    const double databaseBefore = processTreeCpuSeconds(postmaster);
    const double fleetBefore = processTreeCpuSeconds(fleet->processId());
    const MachineCpu machineBefore = machineCpuSeconds();
    const double platformsBefore = childrenCpuSeconds();

    std::vector<QProcess*> platforms;
    clock.restart();
    for (int i = 0; i < configuration.platforms; ++i) {
        platforms.push_back(startCli({QStringLiteral("platform"),
                                      QStringLiteral("--broker"),
                                      context.brokerUrl,
                                      QStringLiteral("--product"),
                                      kProduct,
                                      QStringLiteral("--config"),
                                      context.configPath,
                                      QStringLiteral("--workspace"),
                                      location,
                                      QStringLiteral("--passphrase-file"),
                                      context.passphraseFile,
                                      QStringLiteral("--rollout"),
                                      QStringLiteral("--share-group"),
                                      QStringLiteral("bench"),
                                      QStringLiteral("--operator"),
                                      QStringLiteral("bench_rollout"),
                                      QStringLiteral("--batch"),
                                      QString::number(context.batch),
                                      QStringLiteral("--timeout"),
                                      QString::number(context.timeoutSeconds),
                                      QStringLiteral("--json")},
                                     prefix + QStringLiteral("platform%1.jsonl").arg(i), environment));
    }
    std::vector<ProcessResult> platformResults;
    for (QProcess* platform : platforms)
        platformResults.push_back(finishCli(platform, 1800000));
    result.wallSeconds = clock.nsecsElapsed() / 1e9;
    const MachineCpu machineAfter = machineCpuSeconds();
    result.platformCpu = childrenCpuSeconds() - platformsBefore;
    if (brokerBefore >= 0)
        result.brokerCpu = processTreeCpuSeconds(context.broker->processId()) - brokerBefore;
    if (databaseBefore >= 0)
        result.databaseCpu = processTreeCpuSeconds(postmaster) - databaseBefore;
    if (fleetBefore >= 0)
        result.fleetCpu = processTreeCpuSeconds(fleet->processId()) - fleetBefore;
    if (machineBefore.total > 0) {
        result.machineBusy = machineAfter.busy - machineBefore.busy;
        result.machineTotal = machineAfter.total - machineBefore.total;
    }

    // The devices exit once pushed; after a platform that failed they would wait for a push in vain.
    const bool platformsSucceeded =
        std::all_of(platformResults.cbegin(), platformResults.cend(),
                    [](const ProcessResult& platform) { return platform.exitCode == 0; });
    const ProcessResult fleetResult = finishCli(fleet, platformsSucceeded ? 120000 : 1000);

    QStringList problems;
    for (const ProcessResult& platform : platformResults) {
        result.exitCodes << platform.exitCode;
        result.pushedHere << platform.summary.value(QStringLiteral("pushedHere")).toInt();
        result.rolloutSeconds =
            qMax(result.rolloutSeconds,
                 platform.rolloutFinished.value(QStringLiteral("wallMs")).toDouble() / 1000);
        result.peakPlatformRssMb = qMax(
            result.peakPlatformRssMb, platform.summary.value(QStringLiteral("peakRssKb")).toDouble() / 1024);
        // Every process prints the whole rollout's counts; they must agree.
        const QJsonObject& summary = platform.summary;
        const int succeeded = summary.value(QStringLiteral("succeeded")).toInt();
        const int accounted = succeeded + summary.value(QStringLiteral("failed")).toInt() +
                              summary.value(QStringLiteral("timed-out")).toInt() +
                              summary.value(QStringLiteral("skipped")).toInt();
        if (&platform == &platformResults.front()) {
            result.succeeded = succeeded;
            result.accounted = accounted;
        } else if (accounted != result.accounted || succeeded != result.succeeded) {
            problems << QStringLiteral("the processes disagree on the rollout's counts");
        }
        const QString state = platform.rolloutFinished.value(QStringLiteral("state")).toString();
        if (!platform.rolloutFinished.isEmpty() && state != QLatin1String("completed")) {
            problems << QStringLiteral("process %1: rollout %2 %3: %4")
                            .arg(result.exitCodes.size())
                            .arg(platform.summary.value(QStringLiteral("rolloutId")).toInteger())
                            .arg(state, platform.rolloutFinished.value(QStringLiteral("reason")).toString());
        }
        if (summary.isEmpty()) // why it printed none: the end of what it wrote to stderr
            problems << QStringLiteral("platform exit %1 without a summary: %2")
                            .arg(platform.exitCode)
                            .arg(platform.errors.trimmed().right(400));
        else if (platform.exitCode != 0)
            problems << QStringLiteral("platform exit %1").arg(platform.exitCode);
    }
    int pushed = 0;
    for (int here : std::as_const(result.pushedHere))
        pushed += here;
    if (result.accounted != context.devices)
        problems
            << QStringLiteral("%1 of %2 devices accounted for").arg(result.accounted).arg(context.devices);
    if (pushed < context.devices)
        problems << QStringLiteral("%1 pushes sent for %2 devices").arg(pushed).arg(context.devices);
    if (fleetResult.exitCode != 0 && platformsSucceeded)
        problems << QStringLiteral("devices exit %1: %2")
                        .arg(fleetResult.exitCode)
                        .arg(fleetResult.errors.trimmed());
    problems.removeDuplicates();
    result.problem = problems.join(QStringLiteral("; "));
    result.ok = problems.isEmpty();
    return result;
}

QString pushedText(const RunResult& result)
{
    QStringList parts;
    for (int pushed : result.pushedHere)
        parts << QString::number(pushed);
    return parts.join(u'+');
}

void printRun(const Configuration& configuration, const RunResult& result, int devices)
{
    if (!result.ok) { // no figure from a run that did not account for every device
        std::printf("%-34s %9s  failed: %s\n", qPrintable(configuration.name), "-",
                    qPrintable(result.problem.left(300)));
        return;
    }
    std::printf("%-34s %9.2f %10.0f %10.2f  %-17s %6d/%d\n", qPrintable(configuration.name),
                result.wallSeconds, devices / result.wallSeconds, result.rolloutSeconds,
                qPrintable(pushedText(result)), result.accounted, devices);
}

// CPU seconds the machine was busy with other programs than this run's during its wall time.
double otherProgramsCpu(const RunResult& result)
{
    return result.machineBusy - result.platformCpu - qMax(0.0, result.brokerCpu) -
           qMax(0.0, result.databaseCpu) - qMax(0.0, result.fleetCpu);
}

// Where the CPU time went during one run's wall time.
void printCpu(const Configuration& configuration, const RunResult& result, int cores)
{
    if (!result.ok)
        return;
    const double busyShare = result.machineTotal > 0 ? result.machineBusy / result.machineTotal : -1;
    std::printf("  %-32s platform%s %.1f, Mosquitto %.1f, PostgreSQL %s, device workers %.1f, other "
                "programs %.1f; machine busy %.0f%% of %d cores x %.1f s\n",
                qPrintable(configuration.name), configuration.platforms > 1 ? "s" : "", result.platformCpu,
                result.brokerCpu,
                configuration.postgres ? qPrintable(QString::number(result.databaseCpu, 'f', 1)) : "-",
                result.fleetCpu, otherProgramsCpu(result), busyShare * 100, cores, result.wallSeconds);
}

int runWorkspaceMode(BenchContext& context, const QList<Configuration>& configurations, double mqtt,
                     double http)
{
    std::vector<RunResult> results;
    for (int i = 0; i < configurations.size(); ++i) {
        std::fprintf(stderr, "running: %s ...\n", qPrintable(configurations.at(i).name));
        results.push_back(runWorkspaceRollout(context, configurations.at(i), i + 1));
        if (!results.back().problem.isEmpty())
            std::fprintf(stderr, "%s: %s\n", qPrintable(configurations.at(i).name),
                         qPrintable(results.back().problem));
    }
    const int devices = context.devices;
    const int cores = QThread::idealThreadCount();
    std::printf("\n%-34s %9s %10s %10s  %-17s %s\n", "", "wall s", "devices/s", "rollout s", "pushed here",
                "accounted");
    std::printf("%-34s %9.2f %10.0f\n", "baseline: raw libmosquitto QoS 1", mqtt, devices / mqtt);
    std::printf("%-34s %9.2f %10.0f\n", "baseline: HTTP GETs of the file", http, devices / http);
    for (int i = 0; i < configurations.size(); ++i)
        printRun(configurations.at(i), results[size_t(i)], devices);
    std::printf("(wall: from starting the platform processes, fleet online, to the last one's exit, "
                "unlocking the workspace key included; rollout: the longest rollout-finished wallMs)\n");
    for (int i = 0; i < configurations.size(); ++i) {
        if (results[size_t(i)].workspaceSeconds > 0)
            std::printf("workspace with %d devices made for %s in %.2f s\n", devices,
                        qPrintable(configurations.at(i).name), results[size_t(i)].workspaceSeconds);
    }

    std::printf("\nCPU seconds during each run's wall time:\n");
    for (int i = 0; i < configurations.size(); ++i)
        printCpu(configurations.at(i), results[size_t(i)], cores);

    // Ratios of devices/s against the first configuration (one process on PostgreSQL in --compare).
    const auto rate = [&](int i) {
        return results[size_t(i)].ok && results[size_t(i)].wallSeconds > 0
                   ? devices / results[size_t(i)].wallSeconds
                   : -1.0;
    };
    if (configurations.size() > 1 && rate(0) > 0) {
        std::printf("\nratios (devices/s) against %s:\n", qPrintable(configurations.first().name));
        for (int i = 1; i < configurations.size(); ++i) {
            if (rate(i) > 0)
                std::printf("  %-32s %.2fx%s\n", qPrintable(configurations.at(i).name), rate(i) / rate(0),
                            configurations.at(i).platforms > 1 ? "  (goal: >= 2x where the broker is not the "
                                                                 "bottleneck)"
                                                               : "");
        }
    }
    if (mqtt > 0 && http > 0) {
        for (int i = 0; i < configurations.size(); ++i) {
            if (results[size_t(i)].rolloutSeconds > 0)
                std::printf("ratio: %s rollout / (MQTT + HTTP baselines) = %.2f\n",
                            qPrintable(configurations.at(i).name),
                            results[size_t(i)].rolloutSeconds / (mqtt + http));
        }
    }

    // What limits several processes here, from the figures above rather than from hope.
    for (int i = 0; i < configurations.size(); ++i) {
        const RunResult& result = results[size_t(i)];
        if (configurations.at(i).platforms < 2 || !result.ok || result.machineTotal <= 0)
            continue;
        const double busy = result.machineBusy / result.machineTotal;
        const double others = qMax(0.0, otherProgramsCpu(result));
        const double ours = result.machineBusy - others;
        std::printf("\nwhat limits %s on %d cores: ", qPrintable(configurations.at(i).name), cores);
        if (busy > 0.85) {
            std::printf("the CPU. The machine was %.0f%% busy; %d platform processes, the device workers, "
                        "Mosquitto and PostgreSQL took %.1f of the %.1f busy CPU seconds (the platforms "
                        "%.1f, PostgreSQL %.1f), other programs %.1f. On %d cores a platform process added "
                        "takes CPU from the fleet, the broker and the database instead of adding any: the "
                        "speedup cannot exceed the idle share.",
                        busy * 100, configurations.at(i).platforms, ours, result.machineBusy,
                        result.platformCpu, qMax(0.0, result.databaseCpu), others, cores);
            if (others > 0.25 * result.machineBusy)
                std::printf(" Other programs took %.0f%% of it: run again on an idle machine.",
                            100 * others / result.machineBusy);
            std::printf("\n");
        } else {
            std::printf("not the CPU (the machine was %.0f%% busy): waiting, on the devices' replies "
                        "(download and verify), on the database's row locks and commits, or on the "
                        "broker.\n",
                        busy * 100);
        }
    }
    if (context.postgres)
        std::printf("\nPostgreSQL: the test fixture's server (fsync, synchronous_commit and full_page_writes "
                    "off), on this machine.\n");
    for (const RunResult& result : results) {
        if (!result.ok)
            return 2;
    }
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    // One line per request served by the HTTP baseline's file server would bury the figures.
    QLoggingCategory::setFilterRules(QStringLiteral("configdeck.transfer.debug=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Rollout to N simulated devices over Mosquitto"));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("devices"),
         QStringLiteral("Fleet size (default 10000; 20000 with --workspace or --compare)."),
         QStringLiteral("n")},
        {QStringLiteral("workers"), QStringLiteral("Device worker processes (0: one per 5,000 devices)."),
         QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("batch"), QStringLiteral("Rollout batch size."), QStringLiteral("n"),
         QStringLiteral("1000")},
        {QStringLiteral("workspace"),
         QStringLiteral("Roll out the devices of a fresh workspace of this kind: sqlite or postgresql."),
         QStringLiteral("kind")},
        {QStringLiteral("platforms"),
         QStringLiteral("Platform processes sharing the workspace's rollout (with --workspace)."),
         QStringLiteral("n"), QStringLiteral("1")},
        {QStringLiteral("compare"),
         QStringLiteral("In one run: 1 platform process on PostgreSQL, 3 on PostgreSQL, 1 on SQLite.")},
        {QStringLiteral("timeout"), QStringLiteral("Seconds a platform waits for each device's reply."),
         QStringLiteral("seconds"), QStringLiteral("120")},
    });
    parser.process(app);
    const bool compare = parser.isSet(QStringLiteral("compare"));
    const QString workspaceKind = parser.value(QStringLiteral("workspace"));
    if (!workspaceKind.isEmpty() && workspaceKind != QLatin1String("sqlite") &&
        workspaceKind != QLatin1String("postgresql")) {
        std::fprintf(stderr, "--workspace: '%s' is neither sqlite nor postgresql\n",
                     qPrintable(workspaceKind));
        return 1;
    }
    const bool workspaceMode = compare || !workspaceKind.isEmpty();
    const int platformCount = parser.value(QStringLiteral("platforms")).toInt();
    if (platformCount < 1) {
        std::fprintf(stderr, "--platforms: give a number from 1\n");
        return 1;
    }
    if (platformCount > 1 && !workspaceMode) {
        std::fprintf(stderr,
                     "--platforms needs --workspace: processes share a rollout through a workspace\n");
        return 1;
    }
    const int devices =
        qMax(1, parser.isSet(QStringLiteral("devices")) ? parser.value(QStringLiteral("devices")).toInt()
                                                        : (workspaceMode ? 20000 : 10000));
    int workers = parser.value(QStringLiteral("workers")).toInt();
    if (workers <= 0)
        workers = (devices + 4999) / 5000;
    const int batch = qMax(1, parser.value(QStringLiteral("batch")).toInt());
    // Mosquitto holds one descriptor per device connection (and inherits this process's limit): a fleet past
    // the limit would never come online. Raise the soft limit as far as allowed, or say so and stop.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < rlim_t(devices) + 256) {
        files.rlim_cur = std::min<rlim_t>(files.rlim_max, rlim_t(devices) + 1024);
        setrlimit(RLIMIT_NOFILE, &files);
        if (files.rlim_cur < rlim_t(devices) + 256) {
            std::fprintf(stderr,
                         "%d devices need about %d open files for Mosquitto; this machine allows %llu "
                         "(ulimit -Hn): use --devices %llu or fewer\n",
                         devices, devices + 256, static_cast<unsigned long long>(files.rlim_max),
                         static_cast<unsigned long long>(files.rlim_max > 256 ? files.rlim_max - 256 : 0));
            return 1;
        }
    }

    ConfigDeck::TestSupport::MosquittoFixture::Options brokerOptions;
    brokerOptions.extraConfig = QStringLiteral("max_queued_messages 100000\nmax_inflight_messages 0\n");
    ConfigDeck::TestSupport::MosquittoFixture broker(brokerOptions);
    if (!broker.start()) {
        std::fprintf(stderr, "cannot start Mosquitto: %s\n", qPrintable(broker.errorString()));
        return 1;
    }
    QTemporaryDir dir;
    QByteArray config =
        "{\n  \"reportInterval\": 60,\n  \"server\": \"mqtt.example.com\",\n  \"thresholds\": [";
    for (int i = 0; i < 200; ++i)
        config += QByteArray::number(i * 7 % 101) + (i < 199 ? ", " : "");
    config += "]\n}\n";
    const QString configPath = dir.filePath(QStringLiteral("config.json"));
    {
        QFile file(configPath);
        file.open(QIODevice::WriteOnly);
        file.write(config);
    }
    const QString brokerUrl = QStringLiteral("mqtt://127.0.0.1:%1").arg(broker.port());
    std::printf("bench_rollout: %d devices in %d worker process(es), batch %d, %lld-byte configuration, "
                "Mosquitto on 127.0.0.1:%d\n",
                devices, workers, batch, qint64(config.size()), broker.port());

    // Baselines first, on the idle broker.
    const double mqtt = rawMqttSeconds(QStringLiteral("127.0.0.1"), broker.port(), devices);
    const double http = httpSeconds(devices, config);

    if (workspaceMode) {
        BenchContext context;
        context.broker = &broker;
        context.dir = &dir;
        context.brokerUrl = brokerUrl;
        context.configPath = configPath;
        context.passphraseFile = dir.filePath(QStringLiteral("passphrase.txt"));
        {
            QFile file(context.passphraseFile);
            file.open(QIODevice::WriteOnly);
            file.write(kPassphrase.toUtf8() + '\n');
        }
        context.devices = devices;
        context.workers = workers;
        context.batch = batch;
        context.timeoutSeconds = qMax(1, parser.value(QStringLiteral("timeout")).toInt());
        QList<Configuration> configurations;
        if (compare) {
            configurations = {{QStringLiteral("PostgreSQL, 1 platform process"), 1, true},
                              {QStringLiteral("PostgreSQL, 3 platform processes"), 3, true},
                              {QStringLiteral("SQLite, 1 platform process"), 1, false}};
        } else {
            const bool postgres = workspaceKind == QLatin1String("postgresql");
            configurations = {{QStringLiteral("%1, %2 platform process%3")
                                   .arg(postgres ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite"))
                                   .arg(platformCount)
                                   .arg(platformCount > 1 ? QStringLiteral("es") : QString()),
                               platformCount, postgres}};
        }
        const int exitCode = runWorkspaceMode(context, configurations, mqtt, http);
        if (exitCode != 0) { // what the processes printed, to see why
            dir.setAutoRemove(false);
            std::printf("\nthe processes' output is kept in %s\n", qPrintable(dir.path()));
        }
        return exitCode;
    }

    // The rollout: the platform waits until every device has asked for its configuration (so all are online),
    // then rolls out; the devices exit after their get and their push.
    QProcess* platform = startCli(
        {QStringLiteral("platform"), QStringLiteral("--broker"), brokerUrl, QStringLiteral("--product"),
         QStringLiteral("pkBench"), QStringLiteral("--config"), configPath, QStringLiteral("--devices"),
         QString::number(devices), QStringLiteral("--rollout"), QStringLiteral("--batch"),
         QString::number(batch), QStringLiteral("--timeout"), QStringLiteral("120"),
         QStringLiteral("--after-gets"), QString::number(devices), QStringLiteral("--json")},
        dir.filePath(QStringLiteral("platform.jsonl")));
    QThread::msleep(500);
    QElapsedTimer total;
    total.start();
    QProcess* fleet =
        startCli({QStringLiteral("devices"), QStringLiteral("--broker"), brokerUrl,
                  QStringLiteral("--product"), QStringLiteral("pkBench"), QStringLiteral("--count"),
                  QString::number(devices), QStringLiteral("--workers"), QString::number(workers),
                  QStringLiteral("--request"), QStringLiteral("--exit-after"), QStringLiteral("2"),
                  QStringLiteral("--duration"), QStringLiteral("900"), QStringLiteral("--json")},
                 dir.filePath(QStringLiteral("devices.jsonl")));
    const ProcessResult platformResult = finishCli(platform, 900000);
    const ProcessResult fleetResult = finishCli(fleet, 120000);
    const double endToEnd = total.nsecsElapsed() / 1e9;

    const QJsonObject& p = platformResult.summary;
    const double rollout = p.value(QStringLiteral("wallMs")).toDouble() / 1000.0;
    const int succeeded = p.value(QStringLiteral("succeeded")).toInt();
    const int accounted = succeeded + p.value(QStringLiteral("failed")).toInt() +
                          p.value(QStringLiteral("timed-out")).toInt() +
                          p.value(QStringLiteral("skipped")).toInt();
    std::printf("\n%-46s %10s %12s\n", "", "seconds", "devices/s");
    std::printf("%-46s %10.2f %12.0f\n", "baseline: raw libmosquitto round trips (QoS 1)", mqtt,
                devices / mqtt);
    std::printf("%-46s %10.2f %12.0f\n", "baseline: HTTP GETs of the file", http, devices / http);
    std::printf("%-46s %10.2f %12.0f\n", "rollout: push, download, verify, reply", rollout,
                devices / rollout);
    std::printf("%-46s %10.2f\n", "end to end (connect, get, rollout, exit)", endToEnd);
    std::printf("\naccounted for: %d of %d (succeeded %d); platform exit %d, devices exit %d\n", accounted,
                devices, succeeded, platformResult.exitCode, fleetResult.exitCode);
    std::printf("peak memory: platform %.1f MB, device workers %.1f MB (largest)\n",
                p.value(QStringLiteral("peakRssKb")).toDouble() / 1024.0,
                fleetResult.summary.value(QStringLiteral("peakRssKb")).toDouble() / 1024.0);
    if (mqtt > 0 && http > 0)
        std::printf("ratio: rollout / (MQTT + HTTP baselines) = %.2f\n", rollout / (mqtt + http));
    if (accounted != devices) {
        std::fprintf(stderr, "not every device was accounted for\n%s\n%s\n",
                     qPrintable(platformResult.errors), qPrintable(fleetResult.errors));
        return 2;
    }
    return 0;
}
