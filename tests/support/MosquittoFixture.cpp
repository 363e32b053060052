#include "MosquittoFixture.h"

#include "EndProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace ConfigDeck::TestSupport {

namespace {

const QString kMosquitto = QStringLiteral("/usr/sbin/mosquitto");
constexpr int kStartAttempts = 5;
constexpr int kStartTimeoutMs = 10000;

bool runTool(const QString& program, const QStringList& arguments, QString* error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error =
            QStringLiteral("%1 failed: %2 %3")
                .arg(program, process.errorString(), QString::fromLocal8Bit(process.readAll()).trimmed());
        return false;
    }
    return true;
}

} // namespace

MosquittoFixture::MosquittoFixture()
    : MosquittoFixture(Options())
{
}

MosquittoFixture::MosquittoFixture(Options options)
    : m_options(std::move(options))
{
    m_dir.setAutoRemove(true);
}

MosquittoFixture::~MosquittoFixture()
{
    stop();
}

quint16 MosquittoFixture::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

bool MosquittoFixture::prepareFiles()
{
    if (m_prepared)
        return true;
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString());
        return false;
    }
    m_configFile = m_dir.filePath(QStringLiteral("mosquitto.conf"));
    m_logFile = m_dir.filePath(QStringLiteral("mosquitto.log"));
    if (!m_options.users.isEmpty()) {
        const QString passwordFile = m_dir.filePath(QStringLiteral("passwd"));
        QFile file(passwordFile);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            m_error = QStringLiteral("cannot write %1").arg(passwordFile);
            return false;
        }
        file.close();
        for (auto it = m_options.users.cbegin(); it != m_options.users.cend(); ++it) {
            if (!runTool(QStringLiteral("mosquitto_passwd"),
                         {QStringLiteral("-b"), passwordFile, it.key(), it.value()}, &m_error))
                return false;
        }
    }
    if (m_options.tls) {
        m_certificates = TestCertificates::create(m_dir.filePath(QStringLiteral("pki")), &m_error);
        if (!m_certificates)
            return false;
    }
    m_prepared = true;
    return true;
}

bool MosquittoFixture::writeConfig()
{
    QByteArray config;
    config += "per_listener_settings false\n";
    config += m_options.allowAnonymous ? "allow_anonymous true\n" : "allow_anonymous false\n";
    if (!m_options.users.isEmpty())
        config += "password_file " +
                  QDir::toNativeSeparators(m_dir.filePath(QStringLiteral("passwd"))).toUtf8() + '\n';
    config += "persistence false\n"
              "log_dest stderr\n"
              "log_type error\nlog_type warning\nlog_type notice\nlog_type information\n"
              "connection_messages true\n"
              "log_timestamp true\n";
#ifdef Q_OS_UNIX
    // Started as root, Mosquitto would switch to the user "mosquitto", who cannot read our temporary files.
    if (geteuid() == 0) {
        if (const passwd* entry = getpwuid(geteuid()))
            config += QByteArray("user ") + entry->pw_name + '\n';
    }
#endif
    config += "listener " + QByteArray::number(m_port) + " 127.0.0.1\n";
    if (m_options.tls && m_certificates) {
        config += "listener " + QByteArray::number(m_tlsPort) + " 127.0.0.1\n";
        config += "cafile " + m_certificates->caCertificate.toUtf8() + '\n';
        config += "certfile " + m_certificates->serverCertificate.toUtf8() + '\n';
        config += "keyfile " + m_certificates->serverKey.toUtf8() + '\n';
    }
    if (!m_options.extraConfig.isEmpty())
        config += m_options.extraConfig.toUtf8() + '\n';
    QFile file(m_configFile);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config) != config.size()) {
        m_error = QStringLiteral("cannot write %1").arg(m_configFile);
        return false;
    }
    return true;
}

bool MosquittoFixture::launch()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // A file, not a pipe: a pipe nobody reads (a test not running the event loop) would block the broker.
    m_process->setStandardOutputFile(m_logFile, QIODevice::Append);
    m_process->start(kMosquitto, {QStringLiteral("-c"), m_configFile});
    if (!m_process->waitForStarted(kStartTimeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(kMosquitto, m_process->errorString());
        m_process.reset();
        return false;
    }
    if (waitUntilListening(kStartTimeoutMs))
        return true;
    m_error = QStringLiteral("Mosquitto did not listen on port %1%2 within %3 ms")
                  .arg(m_port)
                  .arg(m_options.tls ? QStringLiteral(" and %1").arg(m_tlsPort) : QString())
                  .arg(kStartTimeoutMs);
    kill();
    return false;
}

bool MosquittoFixture::waitUntilListening(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QList<quint16> ports{m_port};
    if (m_options.tls)
        ports.append(m_tlsPort);
    while (!deadline.hasExpired()) {
        if (!m_process || m_process->state() != QProcess::Running)
            return false;
        bool all = true;
        for (quint16 port : ports) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            if (!socket.waitForConnected(200)) {
                all = false;
                break;
            }
            socket.abort();
        }
        if (all)
            return true;
        QThread::msleep(20);
    }
    return false;
}

bool MosquittoFixture::start()
{
    if (isRunning())
        return true;
    if (!prepareFiles())
        return false;
    for (int attempt = 0; attempt < kStartAttempts; ++attempt) {
        // Another process may take the port between freePort() and Mosquitto's bind: then try new ones.
        m_port = freePort();
        m_tlsPort = m_options.tls ? freePort() : 0;
        if (m_port == 0 || (m_options.tls && (m_tlsPort == 0 || m_tlsPort == m_port)))
            continue;
        if (!writeConfig())
            return false;
        if (launch())
            return true;
        if (!log().contains(QLatin1StringView("Address already in use")))
            break;
    }
    m_error = QStringLiteral("%1\n--- mosquitto log ---\n%2").arg(m_error, log().right(4000));
    return false;
}

bool MosquittoFixture::restart()
{
    stop();
    if (m_port == 0)
        return start();
    // Same ports; the old listening sockets may need a moment to go away after a SIGKILL.
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (launch())
            return true;
        QThread::msleep(100);
    }
    m_error = QStringLiteral("%1\n--- mosquitto log ---\n%2").arg(m_error, log().right(4000));
    return false;
}

void MosquittoFixture::stop()
{
    if (!m_process)
        return;
    endProcess(*m_process);
    m_process.reset();
}

void MosquittoFixture::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

bool MosquittoFixture::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 MosquittoFixture::processId() const
{
    return m_process ? m_process->processId() : 0;
}

QString MosquittoFixture::log() const
{
    QFile file(m_logFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString MosquittoFixture::errorString() const
{
    return m_error;
}

} // namespace ConfigDeck::TestSupport
