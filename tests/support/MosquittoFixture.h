#pragma once

#include "TestCertificates.h"

#include <QHash>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

class QProcess;

namespace ConfigDeck::TestSupport {

// A real Mosquitto broker (/usr/sbin/mosquitto) for a test: its own temporary directory and generated
// configuration, a free loopback port (and a second one for TLS), started and stopped by the test.
// stop() ends it gently (SIGTERM), kill() abruptly (SIGKILL), restart() starts it again on the same ports,
// for broker-restart tests. The broker's log is kept for failure messages; the destructor stops it and
// removes every file.
class MosquittoFixture
{
public:
    struct Options
    {
        bool allowAnonymous = true;
        QHash<QString, QString> users; // user name -> password, written with mosquitto_passwd
        bool tls = false;    // also a TLS listener, with a CA and server certificate made for the test
        QString extraConfig; // appended to the configuration as is
    };

    MosquittoFixture();
    explicit MosquittoFixture(Options options);
    ~MosquittoFixture();
    Q_DISABLE_COPY_MOVE(MosquittoFixture)

    // Starts the broker and waits until its ports accept connections; false with errorString() when not.
    bool start();
    void stop();
    void kill();
    bool restart();
    bool isRunning() const;

    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 port() const { return m_port; }
    quint16 tlsPort() const { return m_tlsPort; }
    // The test CA that signed the broker's TLS certificate (with Options::tls).
    QString caFile() const { return m_certificates ? m_certificates->caCertificate : QString(); }
    const std::optional<TestCertificates>& certificates() const { return m_certificates; }
    QString directory() const { return m_dir.path(); }

    QString log() const;         // the broker's output so far
    QString errorString() const; // why start() or restart() failed, with the end of the log
    qint64 processId() const;

    // A loopback port nobody listens on right now (bind port 0, read it, release it).
    static quint16 freePort();

private:
    bool prepareFiles();
    bool writeConfig();
    bool launch();
    bool waitUntilListening(int timeoutMs);

    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    std::optional<TestCertificates> m_certificates;
    QString m_configFile;
    QString m_logFile;
    QString m_error;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
    bool m_prepared = false;
};

} // namespace ConfigDeck::TestSupport
