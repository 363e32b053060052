#include "PostgresFixture.h"

#include "EndProcess.h"
#include "MosquittoFixture.h"

#include <QCollator>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <csignal>
#include <pwd.h>
#include <unistd.h>
#endif

namespace ConfigDeck::TestSupport {

namespace {

constexpr int kStartTimeoutMs = 30000;
constexpr int kStartAttempts = 5;

bool runTool(const QStringList& command, QString* error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(command.first(), command.mid(1));
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error = QStringLiteral("%1 failed: %2 %3")
                     .arg(command.join(u' '), process.errorString(),
                          QString::fromLocal8Bit(process.readAll()).trimmed());
        return false;
    }
    return true;
}

// Runs `use` with a connection of the fixture's superuser; false with the error when it cannot connect.
template <typename Use>
bool withConnection(const PostgresFixture& fixture, const QString& database, QString* error, Use use)
{
    const QString name =
        QStringLiteral("postgres-fixture-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool done = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(fixture.host());
        db.setPort(fixture.port());
        db.setUserName(fixture.user());
        db.setPassword(fixture.password());
        db.setDatabaseName(database);
        db.setConnectOptions(QStringLiteral("connect_timeout=2"));
        if (!db.open())
            *error = db.lastError().text();
        else
            done = use(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return done;
}

} // namespace

QString PostgresFixture::binDirectory()
{
    QStringList versions =
        QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCollator numeric;
    numeric.setNumericMode(true);
    std::sort(versions.begin(), versions.end(), numeric);
    for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
        const QString bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(*it);
        if (QFile::exists(bin + QStringLiteral("/postgres")) &&
            QFile::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    QProcess config;
    config.start(QStringLiteral("pg_config"), {QStringLiteral("--bindir")});
    if (config.waitForFinished(10000) && config.exitCode() == 0) {
        const QString bin = QString::fromLocal8Bit(config.readAllStandardOutput()).trimmed();
        if (QFile::exists(bin + QStringLiteral("/postgres")))
            return bin;
    }
    return {};
}

PostgresFixture::PostgresFixture()
{
    m_dir.setAutoRemove(true);
}

PostgresFixture::~PostgresFixture()
{
    stop();
}

QString PostgresFixture::url(const QString& database) const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(user(), host())
        .arg(m_port)
        .arg(database.isEmpty() ? this->database() : database);
}

QStringList PostgresFixture::asServerUser(const QString& program, const QStringList& arguments) const
{
    QStringList command{m_binDir + u'/' + program};
#ifdef Q_OS_UNIX
    // setpriv execs the program itself (no child in between), so the QProcess is the server.
    if (geteuid() == 0)
        command = QStringList{QStringLiteral("setpriv"), QStringLiteral("--reuid=nobody"),
                              QStringLiteral("--regid=nogroup"), QStringLiteral("--clear-groups"),
                              QStringLiteral("--")} +
                  command;
#endif
    return command + arguments;
}

bool PostgresFixture::initialise()
{
    if (m_initialised)
        return true;
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString());
        return false;
    }
    m_binDir = binDirectory();
    if (m_binDir.isEmpty()) {
        m_error = QStringLiteral("no PostgreSQL server is installed (/usr/lib/postgresql/*/bin)");
        return false;
    }
    const QString passwordFile = m_dir.filePath(QStringLiteral("password"));
    {
        QFile file(passwordFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(password().toUtf8() + '\n') <= 0) {
            m_error = QStringLiteral("cannot write %1").arg(passwordFile);
            return false;
        }
    }
    QDir(m_dir.path()).mkdir(QStringLiteral("socket"));
#ifdef Q_OS_UNIX
    if (geteuid() == 0) {
        if (!runTool({QStringLiteral("chown"), QStringLiteral("-R"), QStringLiteral("nobody:nogroup"),
                      m_dir.path()},
                     &m_error))
            return false;
    }
#endif
    if (!runTool(
            asServerUser(QStringLiteral("initdb"),
                         {QStringLiteral("--pgdata=") + m_dir.filePath(QStringLiteral("data")),
                          QStringLiteral("--username=") + user(), QStringLiteral("--pwfile=") + passwordFile,
                          QStringLiteral("--auth-local=trust"), QStringLiteral("--auth-host=scram-sha-256"),
                          QStringLiteral("--encoding=UTF8"), QStringLiteral("--locale=C"),
                          QStringLiteral("--no-sync")}),
            &m_error))
        return false;
    m_initialised = true;
    return true;
}

bool PostgresFixture::launch()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("postgres.log")), QIODevice::Append);
    m_process->setWorkingDirectory(m_dir.path());
    const QStringList command = asServerUser(
        QStringLiteral("postgres"),
        {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-p"),
         QString::number(m_port), QStringLiteral("-c"), QStringLiteral("listen_addresses=127.0.0.1"),
         QStringLiteral("-c"),
         QStringLiteral("unix_socket_directories=") + m_dir.filePath(QStringLiteral("socket")),
         // A test server: durability is not what is tested, speed is welcome.
         QStringLiteral("-c"), QStringLiteral("fsync=off"), QStringLiteral("-c"),
         QStringLiteral("synchronous_commit=off"), QStringLiteral("-c"),
         QStringLiteral("full_page_writes=off"), QStringLiteral("-c"), QStringLiteral("shared_buffers=32MB"),
         QStringLiteral("-c"), QStringLiteral("max_connections=40")});
    m_process->start(command.first(), command.mid(1));
    if (!m_process->waitForStarted(kStartTimeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(command.join(u' '), m_process->errorString());
        m_process.reset();
        return false;
    }
    if (waitUntilReady(kStartTimeoutMs))
        return true;
    m_error = QStringLiteral("PostgreSQL did not accept connections on port %1 within %2 ms: %3")
                  .arg(m_port)
                  .arg(kStartTimeoutMs)
                  .arg(m_error);
    kill();
    return false;
}

bool PostgresFixture::waitUntilReady(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!m_process || m_process->state() != QProcess::Running)
            return false;
        if (withConnection(*this, QStringLiteral("postgres"), &m_error, [](QSqlDatabase&) { return true; }))
            return true;
        QThread::msleep(100);
    }
    return false;
}

bool PostgresFixture::start()
{
    if (isRunning())
        return true;
    if (!initialise())
        return false;
    for (int attempt = 0; attempt < kStartAttempts; ++attempt) {
        m_port = MosquittoFixture::freePort();
        if (m_port == 0)
            continue;
        if (launch())
            return createDatabase(database());
        if (!log().contains(QLatin1StringView("Address already in use")))
            break;
    }
    m_error = QStringLiteral("%1\n--- postgres log ---\n%2").arg(m_error, log().right(4000));
    return false;
}

bool PostgresFixture::restart()
{
    stop();
    if (m_port == 0)
        return start();
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (launch())
            return true;
        QThread::msleep(200);
    }
    m_error = QStringLiteral("%1\n--- postgres log ---\n%2").arg(m_error, log().right(4000));
    return false;
}

void PostgresFixture::stop()
{
    if (!m_process)
        return;
    // SIGINT is PostgreSQL's fast shutdown: sessions are ended, not waited for (SIGTERM would wait).
    endProcess(*m_process, 15000, [this] { ::kill(pid_t(m_process->processId()), SIGINT); });
    m_process.reset();
}

void PostgresFixture::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

bool PostgresFixture::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool PostgresFixture::createDatabase(const QString& name)
{
    return exec(QStringLiteral("CREATE DATABASE \"%1\"").arg(name), QStringLiteral("postgres"));
}

bool PostgresFixture::exec(const QString& statement, const QString& database)
{
    return withConnection(*this, database.isEmpty() ? this->database() : database, &m_error,
                          [&](QSqlDatabase& db) {
                              QSqlQuery query(db);
                              if (query.exec(statement))
                                  return true;
                              m_error = query.lastError().text();
                              return false;
                          });
}

QString PostgresFixture::log() const
{
    QFile file(m_dir.filePath(QStringLiteral("postgres.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace ConfigDeck::TestSupport
