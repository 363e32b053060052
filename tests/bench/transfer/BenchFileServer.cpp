// bench_file_server: requests per second of the file server on one small configuration (859 bytes),
// with keep-alive and with a new connection per request, next to nginx serving the same file in the
// same run (target: ours >= 0.5x nginx for both). Load from wrk when installed, else ApacheBench.
// nginx is started from a generated configuration on a free loopback port when /usr/sbin/nginx (or
// nginx on PATH) exists; it logs every request as the file server does. Prints figures; never fails.
//
//   bench_file_server [--seconds N] [--connections N] [--serve SECONDS]

#include "transfer/FileServer.h"
#include "transfer/Sha256Stream.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <optional>

using namespace ConfigDeck::Transfer;

namespace {

// An 859-byte device configuration, the size measured in issue #13.
QByteArray smallConfiguration()
{
    QByteArray json = QByteArrayLiteral("{\"version\":\"2026.12.07-1\",\"mode\":\"eco\",\"interval\":30,"
                                        "\"thresholds\":{\"temperature\":[5,35],\"humidity\":[20,80]},"
                                        "\"report\":{\"period\":60,\"batch\":10},\"note\":\"");
    json += QByteArray(859 - json.size() - 2, 'x');
    json += "\"}";
    return json;
}

// Runs a program while the event loop keeps going (the file server delivers its signals there).
QString runProgram(const QString& program, const QStringList& arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    process.start(program, arguments);
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
    }
    return QString::fromLocal8Bit(process.readAll());
}

struct LoadResult
{
    double requestsPerSecond = 0;
    QString problem; // errors or non-2xx answers the tool reported
};

// One load run against url: keep-alive, or a new connection for every request.
LoadResult load(const QString& url, bool keepAlive, int seconds, int connections)
{
    LoadResult result;
    const QString wrk = QStandardPaths::findExecutable(QStringLiteral("wrk"));
    QString output;
    if (!wrk.isEmpty()) {
        QStringList arguments{QStringLiteral("-t2"), QStringLiteral("-c%1").arg(connections),
                              QStringLiteral("-d%1s").arg(seconds)};
        if (!keepAlive) // wrk opens a new connection after every answer that says close
            arguments << QStringLiteral("-H") << QStringLiteral("Connection: close");
        output = runProgram(wrk, arguments << url, (seconds + 30) * 1000);
        const auto match = QRegularExpression(QStringLiteral("Requests/sec:\\s+([0-9.]+)")).match(output);
        result.requestsPerSecond = match.hasMatch() ? match.captured(1).toDouble() : 0;
        const auto errors =
            QRegularExpression(QStringLiteral("(Socket errors:[^\\n]*|Non-2xx[^\\n]*)")).match(output);
        if (errors.hasMatch())
            result.problem = errors.captured(1).trimmed();
    } else {
        const QString ab = QStandardPaths::findExecutable(QStringLiteral("ab"));
        if (ab.isEmpty()) {
            result.problem = QStringLiteral("neither wrk nor ab is installed");
            return result;
        }
        QStringList arguments{QStringLiteral("-q"),        QStringLiteral("-t"),
                              QString::number(seconds),    QStringLiteral("-n"),
                              QStringLiteral("10000000"),  QStringLiteral("-c"),
                              QString::number(connections)};
        if (keepAlive)
            arguments << QStringLiteral("-k");
        output = runProgram(ab, arguments << url, (seconds + 30) * 1000);
        const auto match =
            QRegularExpression(QStringLiteral("Requests per second:\\s+([0-9.]+)")).match(output);
        result.requestsPerSecond = match.hasMatch() ? match.captured(1).toDouble() : 0;
        const auto failed =
            QRegularExpression(QStringLiteral("Failed requests:\\s+([1-9][0-9]*)")).match(output);
        if (failed.hasMatch())
            result.problem = QStringLiteral("%1 failed requests").arg(failed.captured(1));
    }
    if (result.requestsPerSecond == 0 && result.problem.isEmpty())
        result.problem = output.trimmed().left(300);
    return result;
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// nginx on a generated configuration, serving `content` at `path` on a free loopback port.
class Nginx
{
public:
    bool start(const QString& executable, const QString& path, const QByteArray& content)
    {
        if (!m_dir.isValid())
            return false;
        const QString root = m_dir.filePath(QStringLiteral("root"));
        const QString file = root + path;
        QDir().mkpath(QFileInfo(file).path());
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(content) != content.size())
            return false;
        out.close();
        // nginx started by root serves as an unprivileged user: the temporary directory must be readable.
        const auto readable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                              QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                              QFileDevice::ExeOther;
        for (QString folder = QFileInfo(file).path(); folder.startsWith(m_dir.path());
             folder = QFileInfo(folder).path())
            QFile::setPermissions(folder, readable);
        QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                        QFileDevice::ReadGroup | QFileDevice::ReadOther);
        m_port = freeLoopbackPort();
        const QString temp = m_dir.path();
        const QString config =
            QStringLiteral("daemon off;\nworker_processes %1;\npid %2/nginx.pid;\nerror_log %2/error.log;\n"
                           "events { worker_connections 4096; }\n"
                           "http {\n  access_log %2/access.log combined buffer=64k;\n"
                           "  client_body_temp_path %2/body;\n  proxy_temp_path %2/proxy;\n"
                           "  fastcgi_temp_path %2/fastcgi;\n  uwsgi_temp_path %2/uwsgi;\n"
                           "  scgi_temp_path %2/scgi;\n  sendfile on;\n  tcp_nopush on;\n"
                           "  keepalive_requests 1000000;\n  default_type application/json;\n"
                           "  server { listen 127.0.0.1:%3; root %4; }\n}\n")
                .arg(QThread::idealThreadCount())
                .arg(temp)
                .arg(m_port)
                .arg(root);
        QFile configFile(m_dir.filePath(QStringLiteral("nginx.conf")));
        if (!configFile.open(QIODevice::WriteOnly) || configFile.write(config.toUtf8()) < 0)
            return false;
        configFile.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(executable,
                        {QStringLiteral("-p"), temp, QStringLiteral("-c"), configFile.fileName()});
        if (!m_process.waitForStarted())
            return false;
        for (int i = 0; i < 100; ++i) { // until it accepts connections
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(100))
                return true;
            if (m_process.state() == QProcess::NotRunning)
                break;
            QThread::msleep(50);
        }
        std::fprintf(stderr, "nginx did not start: %s\n", m_process.readAll().constData());
        return false;
    }

    ~Nginx()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished();
        }
    }

    quint16 port() const { return m_port; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

QString nginxExecutable()
{
    if (QFileInfo(QStringLiteral("/usr/sbin/nginx")).isExecutable())
        return QStringLiteral("/usr/sbin/nginx");
    return QStandardPaths::findExecutable(QStringLiteral("nginx"));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("Seconds per load run (default 5)."),
                      QStringLiteral("N"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("connections"), QStringLiteral("Concurrent connections (default 50)."),
                      QStringLiteral("N"), QStringLiteral("50")});
    parser.addOption(
        {QStringLiteral("serve"),
         QStringLiteral("Only serve the file for N seconds and print its URL (for manual tests)."),
         QStringLiteral("N")});
    parser.process(app);
    const int seconds = std::max(1, parser.value(QStringLiteral("seconds")).toInt());
    const int connections = std::max(1, parser.value(QStringLiteral("connections")).toInt());

    const QByteArray content = smallConfiguration();
    const QString sha = Sha256Stream::hash(content);
    FileServer server([&](const QString& wanted) -> std::optional<QByteArray> {
        return wanted == sha ? std::optional<QByteArray>(content) : std::nullopt;
    });
    FileServer::Limits limits;
    limits.maxConnections = 4 * connections + 64;
    limits.maxConnectionsPerAddress = limits.maxConnections; // all load comes from loopback
    server.setLimits(limits);
    quint64 served = 0;
    QObject::connect(&server, &FileServer::requestServed, [&served] { ++served; });
    if (!server.listen()) {
        std::fprintf(stderr, "the file server cannot listen\n");
        return 1;
    }
    const QUrl url = server.signedUrl(sha, QStringLiteral("device.json"), std::chrono::hours(1));
    const QString urlText = QString::fromLatin1(url.toEncoded());

    if (parser.isSet(QStringLiteral("serve"))) {
        std::printf("%s\n", qPrintable(urlText));
        std::fflush(stdout);
        QTimer::singleShot(parser.value(QStringLiteral("serve")).toInt() * 1000, &app,
                           &QCoreApplication::quit);
        return app.exec();
    }

    const QString tool = QStandardPaths::findExecutable(QStringLiteral("wrk")).isEmpty()
                             ? QStringLiteral("ab")
                             : QStringLiteral("wrk");
    std::printf("bench_file_server: %d-byte file, %d connections, %d s per run, load from %s, %d cores\n",
                int(content.size()), connections, seconds, qPrintable(tool), QThread::idealThreadCount());

    std::optional<Nginx> nginx;
    const QString nginxPath = nginxExecutable();
    QString nginxUrl;
    if (!nginxPath.isEmpty()) {
        nginx.emplace();
        if (nginx->start(nginxPath, url.path(), content))
            nginxUrl =
                QStringLiteral("http://127.0.0.1:%1%2?%3").arg(nginx->port()).arg(url.path(), url.query());
        else
            nginx.reset();
    }
    if (nginxUrl.isEmpty())
        std::printf("nginx: not installed or did not start; no baseline\n");

    // Warm up (the first request asks the content source on this thread).
    load(urlText, true, 1, connections);

    std::printf("%-34s %14s %14s %8s\n", "mode", "file server", "nginx", "ratio");
    for (const bool keepAlive : {true, false}) {
        const char* mode = keepAlive ? "keep-alive" : "new connection per request";
        const LoadResult ours = load(urlText, keepAlive, seconds, connections);
        LoadResult theirs;
        if (!nginxUrl.isEmpty())
            theirs = load(nginxUrl, keepAlive, seconds, connections);
        if (theirs.requestsPerSecond > 0)
            std::printf("%-34s %12.0f/s %12.0f/s %7.2fx\n", mode, ours.requestsPerSecond,
                        theirs.requestsPerSecond, ours.requestsPerSecond / theirs.requestsPerSecond);
        else
            std::printf("%-34s %12.0f/s %14s %8s\n", mode, ours.requestsPerSecond, "-", "-");
        if (!ours.problem.isEmpty())
            std::printf("  file server: %s\n", qPrintable(ours.problem));
        if (!theirs.problem.isEmpty())
            std::printf("  nginx: %s\n", qPrintable(theirs.problem));
    }
    QCoreApplication::processEvents();
    std::printf("requests the file server reported (requestServed): %llu of %llu counted\n",
                static_cast<unsigned long long>(served),
                static_cast<unsigned long long>(server.requestCount()));
    return 0;
}
