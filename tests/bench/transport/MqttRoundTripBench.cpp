// Request/reply round trips through a real Mosquitto on loopback:
//  (a) the raw baseline: bare libmosquitto clients, all driven by mosquitto_loop() in one plain loop;
//  (b) MosquittoConnection: the same clients on the Qt event loop (socket notifiers, no extra thread).
// Requester i sends a request to bench/<run>/req/<i>; responder i answers on bench/<run>/rep/<i>; the
// requester sends its next request when the reply arrives. Prints wall time, round trips per second,
// the client process's CPU time, and the ratio (b)/(a).

#include "support/MosquittoFixture.h"
#include "transport/MosquittoConnection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <mosquitto.h>
#include <sys/resource.h>
#include <vector>

using namespace ConfigDeck::Transport;

namespace {

struct Settings
{
    QString host;
    int port = 0;
    int roundTrips = 10000;
    int clients = 100;
    int payloadSize = 256;
    int repeat = 3;
};

struct Result
{
    double seconds = 0;
    double cpuSeconds = 0;
    bool complete = false;
};

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

QByteArray makePayload(int size)
{
    QByteArray payload =
        QByteArrayLiteral("{\"id\":\"1\",\"version\":\"1.0\",\"params\":{\"configId\":\"bench\"}}");
    payload.resize(std::max<qsizetype>(payload.size(), size), ' ');
    return payload;
}

int perRequester(const Settings& settings, int index)
{
    // Spread the total over the requesters; the first ones take the remainder.
    return settings.roundTrips / settings.clients + (index < settings.roundTrips % settings.clients ? 1 : 0);
}

// ---- (a) raw libmosquitto -------------------------------------------------------------------------------

struct RawClient
{
    mosquitto* handle = nullptr;
    bool responder = false;
    int index = 0;
    int remaining = 0;
    bool connected = false;
    bool subscribed = false;
    QByteArray requestTopic;
    QByteArray replyTopic;
    struct RawRun* run = nullptr;
};

struct RawRun
{
    int qos = 0;
    QByteArray payload;
    int repliesLeft = 0;
};

void rawOnConnect(mosquitto* handle, void* data, int rc)
{
    auto* client = static_cast<RawClient*>(data);
    if (rc != 0) {
        std::fprintf(stderr, "raw client refused: %s\n", mosquitto_connack_string(rc));
        return;
    }
    client->connected = true;
    mosquitto_subscribe(handle, nullptr,
                        (client->responder ? client->requestTopic : client->replyTopic).constData(),
                        client->run->qos);
}

void rawOnSubscribe(mosquitto*, void* data, int, int, const int*)
{
    static_cast<RawClient*>(data)->subscribed = true;
}

void rawOnMessage(mosquitto* handle, void* data, const mosquitto_message* message)
{
    auto* client = static_cast<RawClient*>(data);
    RawRun* run = client->run;
    if (client->responder) {
        mosquitto_publish(handle, nullptr, client->replyTopic.constData(), message->payloadlen,
                          message->payload, run->qos, false);
        return;
    }
    --run->repliesLeft;
    if (--client->remaining > 0)
        mosquitto_publish(handle, nullptr, client->requestTopic.constData(), int(run->payload.size()),
                          run->payload.constData(), run->qos, false);
}

Result runRaw(const Settings& settings, int qos, const QByteArray& runTag)
{
    RawRun run;
    run.qos = qos;
    run.payload = makePayload(settings.payloadSize);
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < settings.clients; ++i) {
        for (bool responder : {false, true}) {
            auto client = std::make_unique<RawClient>();
            client->responder = responder;
            client->index = i;
            client->run = &run;
            client->requestTopic = "bench/" + runTag + "/req/" + QByteArray::number(i);
            client->replyTopic = "bench/" + runTag + "/rep/" + QByteArray::number(i);
            const QByteArray id = "raw-" + runTag + (responder ? "-rsp-" : "-req-") + QByteArray::number(i);
            client->handle = mosquitto_new(id.constData(), true, client.get());
            mosquitto_int_option(client->handle, MOSQ_OPT_TCP_NODELAY, 1);
            mosquitto_connect_callback_set(client->handle, rawOnConnect);
            mosquitto_subscribe_callback_set(client->handle, rawOnSubscribe);
            mosquitto_message_callback_set(client->handle, rawOnMessage);
            const int rc =
                mosquitto_connect(client->handle, settings.host.toUtf8().constData(), settings.port, 60);
            if (rc != MOSQ_ERR_SUCCESS) {
                std::fprintf(stderr, "raw connect failed: %s\n", mosquitto_strerror(rc));
                return {};
            }
            clients.push_back(std::move(client));
        }
    }
    auto loopAll = [&clients] {
        for (auto& client : clients)
            mosquitto_loop(client->handle, 0, 1);
    };
    QElapsedTimer setup;
    setup.start();
    while (!std::all_of(clients.cbegin(), clients.cend(), [](const auto& c) { return c->subscribed; })) {
        if (setup.elapsed() > 30000) {
            std::fprintf(stderr, "raw clients did not subscribe in time\n");
            return {};
        }
        loopAll();
    }

    run.repliesLeft = settings.roundTrips;
    const double cpuStart = processCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    for (auto& client : clients) {
        if (client->responder)
            continue;
        client->remaining = perRequester(settings, client->index);
        if (client->remaining > 0)
            mosquitto_publish(client->handle, nullptr, client->requestTopic.constData(),
                              int(run.payload.size()), run.payload.constData(), qos, false);
    }
    while (run.repliesLeft > 0 && timer.elapsed() < 120000)
        loopAll();
    Result result;
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    result.cpuSeconds = processCpuSeconds() - cpuStart;
    result.complete = run.repliesLeft == 0;
    for (auto& client : clients) {
        mosquitto_disconnect(client->handle);
        mosquitto_loop(client->handle, 0, 1);
        mosquitto_destroy(client->handle);
    }
    return result;
}

// ---- (b) MosquittoConnection on the Qt event loop ------------------------------------------------------

Result runQt(const Settings& settings, int qos, const QString& runTag)
{
    const QByteArray payload = makePayload(settings.payloadSize);
    std::vector<std::unique_ptr<MosquittoConnection>> connections;
    int subscribed = 0;
    int repliesLeft = settings.roundTrips;
    QEventLoop loop;
    std::vector<int> remaining(settings.clients, 0);

    MqttConnectOptions options;
    options.host = settings.host;
    options.port = quint16(settings.port);
    options.keepAliveSeconds = 60;
    for (int i = 0; i < settings.clients; ++i) {
        const QString requestTopic = QStringLiteral("bench/%1/req/%2").arg(runTag).arg(i);
        const QString replyTopic = QStringLiteral("bench/%1/rep/%2").arg(runTag).arg(i);

        auto requester = std::make_unique<MosquittoConnection>();
        auto responder = std::make_unique<MosquittoConnection>();
        MosquittoConnection* req = requester.get();
        MosquittoConnection* rsp = responder.get();
        QObject::connect(rsp, &MqttConnection::messageReceived, rsp,
                         [rsp, replyTopic, qos](const QString&, const QByteArray& body) {
                             rsp->publish(replyTopic, body, qos);
                         });
        QObject::connect(req, &MqttConnection::messageReceived, req,
                         [req, requestTopic, qos, payload, i, &remaining, &repliesLeft,
                          &loop](const QString&, const QByteArray&) {
                             if (--repliesLeft == 0)
                                 loop.quit();
                             if (--remaining[i] > 0)
                                 req->publish(requestTopic, payload, qos);
                         });
        for (auto* connection : {req, rsp}) {
            QObject::connect(connection, &MqttConnection::subscribed, &loop, [&subscribed, &loop, &settings] {
                if (++subscribed == 2 * settings.clients)
                    loop.quit();
            });
            QObject::connect(connection, &MqttConnection::errorOccurred, &loop, [](const QString& message) {
                std::fprintf(stderr, "%s\n", qPrintable(message));
            });
        }
        rsp->subscribe(requestTopic, qos);
        req->subscribe(replyTopic, qos);
        options.clientId = QStringLiteral("qt-%1-req-%2").arg(runTag).arg(i);
        req->connectToBroker(options);
        options.clientId = QStringLiteral("qt-%1-rsp-%2").arg(runTag).arg(i);
        rsp->connectToBroker(options);
        connections.push_back(std::move(requester));
        connections.push_back(std::move(responder));
    }
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    if (subscribed != 2 * settings.clients) {
        std::fprintf(stderr, "Qt clients did not subscribe in time (%d)\n", subscribed);
        return {};
    }

    const double cpuStart = processCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(120000);
    for (int i = 0; i < settings.clients; ++i) {
        remaining[i] = perRequester(settings, i);
        if (remaining[i] > 0)
            connections[2 * i]->publish(QStringLiteral("bench/%1/req/%2").arg(runTag).arg(i), payload, qos);
    }
    if (repliesLeft > 0)
        loop.exec();
    Result result;
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    result.cpuSeconds = processCpuSeconds() - cpuStart;
    result.complete = repliesLeft == 0;
    for (auto& connection : connections)
        connection->disconnectFromBroker();
    return result;
}

// ---- report ---------------------------------------------------------------------------------------------

Result best(const std::vector<Result>& results)
{
    Result best;
    best.seconds = 1e300;
    for (const Result& result : results) {
        if (result.complete && result.seconds < best.seconds)
            best = result;
    }
    return best;
}

void printRuns(const char* label, const std::vector<Result>& results, int roundTrips)
{
    const Result top = best(results);
    std::printf("  %-38s best %7.3f s  %9.0f round trips/s  client CPU %6.3f s  (runs:", label, top.seconds,
                roundTrips / top.seconds, top.cpuSeconds);
    for (const Result& result : results)
        std::printf(result.complete ? " %.3f" : " INCOMPLETE", result.seconds);
    std::printf(")\n");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("MQTT request/reply round trips: libmosquitto vs MosquittoConnection"));
    parser.addHelpOption();
    const QCommandLineOption roundTripsOption(QStringLiteral("round-trips"),
                                              QStringLiteral("Total round trips."), QStringLiteral("n"),
                                              QStringLiteral("10000"));
    const QCommandLineOption clientsOption(QStringLiteral("clients"),
                                           QStringLiteral("Requesters (each with its own responder)."),
                                           QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption qosOption(QStringLiteral("qos"), QStringLiteral("QoS levels to run, e.g. 0,1."),
                                       QStringLiteral("list"), QStringLiteral("0,1"));
    const QCommandLineOption payloadOption(QStringLiteral("payload"), QStringLiteral("Payload bytes."),
                                           QStringLiteral("n"), QStringLiteral("256"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Runs per variant."),
                                          QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption hostOption(QStringLiteral("host"),
                                        QStringLiteral("Use this broker instead of starting Mosquitto."),
                                        QStringLiteral("host"));
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port of --host."),
                                        QStringLiteral("port"), QStringLiteral("1883"));
    parser.addOptions(
        {roundTripsOption, clientsOption, qosOption, payloadOption, repeatOption, hostOption, portOption});
    parser.process(app);

    Settings settings;
    settings.roundTrips = std::max(1, parser.value(roundTripsOption).toInt());
    settings.clients =
        std::clamp(parser.value(clientsOption).toInt(), 1, 150); // raw mode select(): fds < 1024
    settings.payloadSize = std::max(0, parser.value(payloadOption).toInt());
    settings.repeat = std::max(1, parser.value(repeatOption).toInt());

    std::unique_ptr<ConfigDeck::TestSupport::MosquittoFixture> fixture;
    QString brokerText;
    if (parser.isSet(hostOption)) {
        settings.host = parser.value(hostOption);
        settings.port = parser.value(portOption).toInt();
        brokerText = QStringLiteral("broker %1:%2").arg(settings.host).arg(settings.port);
    } else {
        fixture = std::make_unique<ConfigDeck::TestSupport::MosquittoFixture>();
        if (!fixture->start()) {
            std::fprintf(stderr, "cannot start Mosquitto: %s\n", qPrintable(fixture->errorString()));
            return 1;
        }
        settings.host = fixture->host();
        settings.port = fixture->port();
        brokerText = QStringLiteral("Mosquitto started on %1:%2").arg(settings.host).arg(settings.port);
    }
    mosquitto_lib_init();
    int major = 0, minor = 0, revision = 0;
    mosquitto_lib_version(&major, &minor, &revision);

    std::printf("bench_mqtt_roundtrip: %d round trips, %d requesters + %d responders (%d connections), "
                "payload %d B\n",
                settings.roundTrips, settings.clients, settings.clients, 2 * settings.clients,
                settings.payloadSize);
    std::printf("%s, libmosquitto %d.%d.%d, Qt %s, best of %d runs each\n", qPrintable(brokerText), major,
                minor, revision, qVersion(), settings.repeat);

    int exitCode = 0;
    int runNumber = 0;
    for (const QString& level : parser.value(qosOption).split(u',', Qt::SkipEmptyParts)) {
        const int qos = std::clamp(level.trimmed().toInt(), 0, 1);
        std::vector<Result> raw;
        std::vector<Result> qt;
        for (int r = 0; r < settings.repeat; ++r) {
            // Alternate the variants so that neither always runs on a warmer broker.
            raw.push_back(runRaw(settings, qos, QByteArray::number(++runNumber)));
            qt.push_back(runQt(settings, qos, QString::number(++runNumber)));
        }
        std::printf("QoS %d\n", qos);
        printRuns("(a) raw libmosquitto, mosquitto_loop", raw, settings.roundTrips);
        printRuns("(b) MosquittoConnection, Qt event loop", qt, settings.roundTrips);
        const Result a = best(raw);
        const Result b = best(qt);
        if (!a.complete || !b.complete) {
            std::printf("  ratio: not available (a run did not complete)\n");
            exitCode = 2;
            continue;
        }
        std::printf("  ratio (b)/(a) wall time: %.2fx   throughput (b)/(a): %.0f%%\n", b.seconds / a.seconds,
                    100.0 * a.seconds / b.seconds);
    }
    std::fflush(stdout);
    return exitCode;
}
