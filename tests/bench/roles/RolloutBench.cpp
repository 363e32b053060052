// A rollout to N simulated devices over a real Mosquitto on loopback, as operators run it: one
// `configdeck-cli platform` process and one `configdeck-cli devices` fleet (spread over worker processes,
// since each MQTT client costs 3 file descriptors). Baselines measured in the same run, through the same
// broker: N bare libmosquitto request/reply round trips (bench_mqtt_roundtrip's raw client) and N HTTP GETs
// of the same configuration file from the same kind of file server.

#include "support/MosquittoFixture.h"
#include "transfer/FileServer.h"
#include "transfer/Sha256Stream.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>

namespace {

struct ProcessResult
{
    int exitCode = -1;
    QJsonObject summary;
    QString errors;
};

// Runs a configdeck-cli command with --json; its output goes to a file (a pipe nobody reads would fill and
// stall it) that finishCli() reads the summary line from.
QProcess* startCli(const QStringList& arguments, const QString& outputFile)
{
    auto* process = new QProcess;
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
        if (object.value(QStringLiteral("event")).toString() == QLatin1String("summary"))
            result.summary = object;
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

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Rollout to N simulated devices over Mosquitto"));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("devices"), QStringLiteral("Fleet size."), QStringLiteral("n"),
         QStringLiteral("10000")},
        {QStringLiteral("workers"), QStringLiteral("Device worker processes (0: one per 5,000 devices)."),
         QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("batch"), QStringLiteral("Rollout batch size."), QStringLiteral("n"),
         QStringLiteral("1000")},
    });
    parser.process(app);
    const int devices = qMax(1, parser.value(QStringLiteral("devices")).toInt());
    int workers = parser.value(QStringLiteral("workers")).toInt();
    if (workers <= 0)
        workers = (devices + 4999) / 5000;
    const int batch = qMax(1, parser.value(QStringLiteral("batch")).toInt());

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
