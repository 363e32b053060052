// `configdeck-cli account watch` as a process against the AMQP TLS stand-in: JSON lines for each status
// change and push reply as it arrives, the refusal reason in words, a clean stop on SIGINT, usage errors.
#include "support/AmqpStandInFixture.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QTimeZone>

#include <csignal>

using namespace ConfigDeck;
using TestSupport::AmqpStandInFixture;

namespace {

const QString kCli = QStringLiteral(CONFIGDECK_CLI);

// The running command and the JSON objects it printed so far.
class WatchProcess
{
public:
    WatchProcess(const AmqpStandInFixture& standIn, const QByteArray& secret, const QStringList& extra = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), QString::fromUtf8(secret));
        m_process.setProcessEnvironment(environment);
        m_process.start(
            kCli, QStringList{QStringLiteral("account"), QStringLiteral("watch"), QStringLiteral("--json"),
                              QStringLiteral("--host"), standIn.host(), QStringLiteral("--port"),
                              QString::number(standIn.port()), QStringLiteral("--access-key-id"),
                              standIn.options().accessKeyId, QStringLiteral("--consumer-group"),
                              standIn.options().consumerGroups.constFirst(), QStringLiteral("--instance"),
                              standIn.options().instanceId, QStringLiteral("--client-id"),
                              QStringLiteral("cli-watch"), QStringLiteral("--ca"), standIn.caFile()} +
                      extra);
    }
    ~WatchProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Waits until an object with "event": event (and every field of `match`) was printed.
    std::optional<QJsonObject> waitFor(const QString& event, const QJsonObject& match = {},
                                       int timeoutMs = 15000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (true) {
            read();
            for (const QJsonObject& object : std::as_const(m_objects)) {
                if (object.value(QStringLiteral("event")).toString() != event)
                    continue;
                bool all = true;
                for (auto it = match.begin(); it != match.end(); ++it)
                    all = all && object.value(it.key()) == it.value();
                if (all)
                    return object;
            }
            if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
                return std::nullopt;
            m_process.waitForReadyRead(50);
            QTest::qWait(10);
        }
    }
    QString output() const { return QString::fromUtf8(m_output); }
    QProcess& process() { return m_process; }

private:
    void read()
    {
        const QByteArray more = m_process.readAllStandardOutput();
        m_output += more;
        m_partial += more;
        qsizetype end;
        while ((end = m_partial.indexOf('\n')) >= 0) {
            const QJsonDocument document = QJsonDocument::fromJson(m_partial.left(end));
            if (document.isObject())
                m_objects << document.object();
            m_partial.remove(0, end + 1);
        }
    }

    QProcess m_process;
    QByteArray m_output;
    QByteArray m_partial;
    QList<QJsonObject> m_objects;
};

} // namespace

class TestAccountWatchCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void printsStatusAndRepliesAsTheyArrive();
    void saysWhyItWasRefused();
    void usageErrors();

private:
    std::unique_ptr<AmqpStandInFixture> m_standIn;
};

void TestAccountWatchCommand::initTestCase()
{
    if (const auto why = AmqpStandInFixture::unavailable())
        QFAIL(qPrintable(*why));
    m_standIn = std::make_unique<AmqpStandInFixture>();
    QVERIFY2(m_standIn->start(), qPrintable(m_standIn->errorString()));
}

void TestAccountWatchCommand::printsStatusAndRepliesAsTheyArrive()
{
    WatchProcess watch(*m_standIn, m_standIn->options().accessKeySecret);
    QVERIFY2(
        watch.waitFor(QStringLiteral("connection"), {{QStringLiteral("state"), QStringLiteral("connected")}}),
        qPrintable(watch.output() + m_standIn->output()));

    const QDateTime lastTime(QDate(2026, 12, 7), QTime(6, 30), QTimeZone::utc());
    QVERIFY(m_standIn->sendStatus(QStringLiteral("a1pk"), QStringLiteral("dev1"), true, lastTime,
                                  QStringLiteral("s1")));
    const auto status = watch.waitFor(QStringLiteral("status"));
    QVERIFY2(status, qPrintable(watch.output()));
    QCOMPARE(status->value(QStringLiteral("productKey")).toString(), QStringLiteral("a1pk"));
    QCOMPARE(status->value(QStringLiteral("deviceName")).toString(), QStringLiteral("dev1"));
    QCOMPARE(status->value(QStringLiteral("online")).toBool(), true);

    QVERIFY(m_standIn->sendPushReply(QStringLiteral("a1pk"), QStringLiteral("dev1"), 100002,
                                     QStringLiteral("5"), QStringLiteral("r1")));
    const auto reply = watch.waitFor(QStringLiteral("reply"));
    QVERIFY2(reply, qPrintable(watch.output()));
    QCOMPARE(reply->value(QStringLiteral("code")).toInt(), 100002);
    QCOMPARE(reply->value(QStringLiteral("deviceName")).toString(), QStringLiteral("dev1"));
    QVERIFY(!reply->value(QStringLiteral("meaning")).toString().isEmpty());

    // Ctrl+C: a summary, and the interrupted exit code.
    ::kill(pid_t(watch.process().processId()), SIGINT);
    const auto summary = watch.waitFor(QStringLiteral("summary"));
    QVERIFY2(summary, qPrintable(watch.output()));
    QCOMPARE(summary->value(QStringLiteral("statuses")).toInt(), 1);
    QCOMPARE(summary->value(QStringLiteral("replies")).toInt(), 1);
    QVERIFY(watch.process().state() == QProcess::NotRunning || watch.process().waitForFinished(10000));
    QCOMPARE(watch.process().exitCode(), 130);
}

void TestAccountWatchCommand::saysWhyItWasRefused()
{
    WatchProcess watch(*m_standIn, "a-wrong-secret", {QStringLiteral("--duration"), QStringLiteral("3")});
    const auto retrying =
        watch.waitFor(QStringLiteral("connection"), {{QStringLiteral("state"), QStringLiteral("retrying")}});
    QVERIFY2(retrying, qPrintable(watch.output()));
    QVERIFY2(retrying->value(QStringLiteral("reason")).toString().contains(QStringLiteral("wrong AccessKey")),
             qPrintable(watch.output()));
    QVERIFY(retrying->value(QStringLiteral("retryInSeconds")).toInt() >= 1);
    QVERIFY(watch.waitFor(QStringLiteral("summary")));
    QVERIFY(watch.process().state() == QProcess::NotRunning || watch.process().waitForFinished(10000));
    QCOMPARE(watch.process().exitCode(), 0);
}

void TestAccountWatchCommand::usageErrors()
{
    // No secret at all, and an idle-time-out out of range: refused before connecting.
    WatchProcess noSecret(*m_standIn, QByteArray());
    QVERIFY(noSecret.process().waitForFinished(10000));
    QCOMPARE(noSecret.process().exitCode(), 2);
    QVERIFY2(noSecret.process().readAllStandardError().contains("accessKeySecret"),
             qPrintable(noSecret.output()));

    WatchProcess idle(*m_standIn, m_standIn->options().accessKeySecret,
                      {QStringLiteral("--idle-timeout"), QStringLiteral("10")});
    QVERIFY(idle.process().waitForFinished(10000));
    QCOMPARE(idle.process().exitCode(), 2);
    QVERIFY(idle.process().readAllStandardError().contains("idleTimeout"));
}

QTEST_GUILESS_MAIN(TestAccountWatchCommand)
#include "TestAccountWatchCommand.moc"
