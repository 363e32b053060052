#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

class QProcess;

namespace ConfigDeck::TestSupport {

// A real PostgreSQL server for a test: initdb in its own temporary directory, postgres on a free loopback
// port (its unix socket inside that directory), one database made for the test, all removed afterwards.
// stop() shuts it down (fast shutdown: open sessions are ended), kill() abruptly (SIGKILL), restart() starts
// it again on the same port with the same data, for server-restart tests.
//
// initdb refuses to run as root: when the test runs as root, the server runs as the unprivileged user
// "nobody" (setpriv), which owns the directory. Connections over TCP need the password (SCRAM); the
// superuser is user().
class PostgresFixture
{
public:
    PostgresFixture();
    ~PostgresFixture();
    Q_DISABLE_COPY_MOVE(PostgresFixture)

    // initdb (the first time), start, wait until it accepts connections, create database(); false with
    // errorString() when not.
    bool start();
    void stop();
    void kill();
    bool restart();
    bool isRunning() const;

    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 port() const { return m_port; }
    QString user() const { return QStringLiteral("configdeck"); }
    QString password() const { return QStringLiteral("fixture-password"); }
    QString database() const { return QStringLiteral("fleet"); }
    // postgresql://user@127.0.0.1:port/<database> (no password).
    QString url(const QString& database = {}) const;

    // Another empty database on the same server (for a test that needs a fresh one); false when not made.
    bool createDatabase(const QString& name);
    // Runs a statement as the superuser in database (default: database()); false with errorString().
    bool exec(const QString& statement, const QString& database = {});

    QString directory() const { return m_dir.path(); }
    QString log() const;
    QString errorString() const { return m_error; }

    // Where the newest PostgreSQL's server programs are (/usr/lib/postgresql/<N>/bin or pg_config
    // --bindir); empty when none is installed.
    static QString binDirectory();

private:
    bool initialise();
    bool launch();
    bool waitUntilReady(int timeoutMs);
    QStringList asServerUser(const QString& program, const QStringList& arguments) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_binDir;
    QString m_error;
    quint16 m_port = 0;
    bool m_initialised = false;
};

} // namespace ConfigDeck::TestSupport
