#pragma once

#include "TestCertificates.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>

class QProcess;

namespace ConfigDeck::TestSupport {

// The AMQP 1.0 stand-in for Alibaba Cloud IoT Platform's server-side subscription (amqp_standin.py, run by
// /usr/bin/python3 with python3-qpid-proton) for a test: TLS with a certificate made for the test, the
// SASL PLAIN user name and password checked against the AccessKey given here, messages sent when the test
// says so. stop() ends it gently, kill() abruptly, restart() starts it again on the same port. What it
// reports (LISTENING, AUTHORIZED, REFUSED, LINK, SENT, ACCEPTED, CLOSED lines) is kept for waitFor().
class AmqpStandInFixture
{
public:
    struct Options
    {
        QString accessKeyId = QStringLiteral("LTAI5tStandInKeyId");
        QByteArray accessKeySecret = "stand-in-access-key-secret";
        QStringList consumerGroups{QStringLiteral("DEFAULT_GROUP")};
        QString instanceId = QStringLiteral("iot-standin01");
        int maxSkewSeconds = 900;
        int linkTimeoutSeconds = 15;
    };

    AmqpStandInFixture();
    explicit AmqpStandInFixture(Options options);
    ~AmqpStandInFixture();
    Q_DISABLE_COPY_MOVE(AmqpStandInFixture)

    static QString python() { return QStringLiteral("/usr/bin/python3"); }
    // Whether /usr/bin/python3 can import proton; else why not.
    static std::optional<QString> unavailable();

    bool start();
    void stop();
    void kill();
    bool restart();
    bool isRunning() const;

    const Options& options() const { return m_options; }
    // The name in the test certificate (the client verifies it).
    QString host() const { return QStringLiteral("localhost"); }
    quint16 port() const { return m_port; }
    QString caFile() const { return m_certificates ? m_certificates->caCertificate : QString(); }

    // Queues a message (sent as soon as a receiver link has credit; kept until the client accepts it).
    bool send(const QString& topic, const QString& messageId, const QByteArray& body,
              qint64 generateTimeMs = 0);
    bool sendStatus(const QString& productKey, const QString& deviceName, bool online,
                    const QDateTime& lastTime, const QString& messageId);
    bool sendPushReply(const QString& productKey, const QString& deviceName, int code,
                       const QString& requestId, const QString& messageId);
    // Closes every connection from the server side.
    bool dropConnections();

    // Waits (running the event loop) until the stand-in has said `line` (a whole line, or a prefix ending
    // in a space) at least `count` times.
    bool waitFor(const QString& line, int timeoutMs = 10000, int count = 1);
    int countOf(const QString& line) const;
    QString output() const; // everything it said, for failure messages
    QString errorString() const { return m_error; }

private:
    bool launch(quint16 port);
    bool writeLine(const QJsonObject& request);
    void readOutput();

    Options m_options;
    QTemporaryDir m_dir;
    std::optional<TestCertificates> m_certificates;
    std::unique_ptr<QProcess> m_process;
    QStringList m_lines;
    QByteArray m_partial;
    QString m_error;
    quint16 m_port = 0;
};

} // namespace ConfigDeck::TestSupport
