// `configdeck-cli account watch` as a process against the AMQP TLS stand-in: JSON lines for each status
// change and push reply as it arrives, the refusal reason in words, a clean stop on SIGINT, usage errors;
// the account from options, from --access-key-secret-file, or from a passphrase workspace's profile.
#include "cli/AccountCommand.h"
#include "cloud/AccountProfile.h"
#include "session/WorkspaceKey.h"
#include "store/Workspace.h"
#include "support/AmqpStandInFixture.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <csignal>

using namespace ConfigDeck;
using TestSupport::AmqpStandInFixture;

namespace {

const QString kCli = QStringLiteral(CONFIGDECK_CLI);
const QByteArray kPassphrase = "correct horse battery staple 42";

// The account options that reach the stand-in (everything but the secret).
QStringList accountOptions(const AmqpStandInFixture& standIn)
{
    return {QStringLiteral("--amqp-host"),
            standIn.host(),
            QStringLiteral("--amqp-port"),
            QString::number(standIn.port()),
            QStringLiteral("--access-key-id"),
            standIn.options().accessKeyId,
            QStringLiteral("--consumer-group"),
            standIn.options().consumerGroups.constFirst(),
            QStringLiteral("--instance"),
            standIn.options().instanceId,
            QStringLiteral("--client-id"),
            QStringLiteral("cli-watch"),
            QStringLiteral("--ca"),
            standIn.caFile()};
}

// The running command and the JSON objects it printed so far.
class WatchProcess
{
public:
    // secret: put in the environment unless empty; nothing else of the account is.
    WatchProcess(const QStringList& arguments, const QByteArray& secret)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QLatin1StringView(Cli::AccountCommand::kAccessKeyIdVariable));
        environment.remove(QLatin1StringView(Cli::AccountCommand::kAccessKeySecretVariable));
        if (!secret.isEmpty())
            environment.insert(QLatin1StringView(Cli::AccountCommand::kAccessKeySecretVariable),
                               QString::fromUtf8(secret));
        m_process.setProcessEnvironment(environment);
        m_process.start(
            kCli, QStringList{QStringLiteral("account"), QStringLiteral("watch"), QStringLiteral("--json")} +
                      arguments);
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
    void secretFromFile();
    void accountFromWorkspaceProfile();
    void usageErrors();

private:
    std::unique_ptr<AmqpStandInFixture> m_standIn;
    QTemporaryDir m_dir;
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
    WatchProcess watch(accountOptions(*m_standIn), m_standIn->options().accessKeySecret);
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
    WatchProcess watch(accountOptions(*m_standIn) +
                           QStringList{QStringLiteral("--duration"), QStringLiteral("3")},
                       "a-wrong-secret");
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

void TestAccountWatchCommand::secretFromFile()
{
    const QString secretFile = m_dir.filePath(QStringLiteral("secret.txt"));
    QFile file(secretFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_standIn->options().accessKeySecret + '\n');
    file.close();
    WatchProcess watch(accountOptions(*m_standIn) + QStringList{QStringLiteral("--access-key-secret-file"),
                                                                secretFile, QStringLiteral("--duration"),
                                                                QStringLiteral("2")},
                       QByteArray());
    QVERIFY2(
        watch.waitFor(QStringLiteral("connection"), {{QStringLiteral("state"), QStringLiteral("connected")}}),
        qPrintable(watch.output() + m_standIn->output()));
    QVERIFY(watch.waitFor(QStringLiteral("summary")));
    QVERIFY(watch.process().state() == QProcess::NotRunning || watch.process().waitForFinished(10000));
    QCOMPARE(watch.process().exitCode(), 0);
}

void TestAccountWatchCommand::accountFromWorkspaceProfile()
{
    // A passphrase workspace whose saved profile holds the AccessKey ID, the consumer group, the endpoint
    // and the sealed secret; the command line gives none of them.
    const QString workspacePath = m_dir.filePath(QStringLiteral("watch.configdeck"));
    const QString passphraseFile = m_dir.filePath(QStringLiteral("passphrase.txt"));
    {
        QFile file(passphraseFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kPassphrase + '\n');
        auto opened = Store::Workspace::open(workspacePath);
        QVERIFY(opened);
        auto created = Session::WorkspaceKey::create(
            **opened, Session::WorkspaceProtection::withPassphrase(QString::fromUtf8(kPassphrase)));
        QVERIFY(created);
        (*opened)->keys().setSealer(created->sealer);
        Cloud::AccountProfile profile;
        profile.regionId = QStringLiteral("cn-shanghai");
        profile.instanceId = m_standIn->options().instanceId;
        profile.accessKeyId = m_standIn->options().accessKeyId;
        profile.consumerGroupId = m_standIn->options().consumerGroups.constFirst();
        profile.amqpHost = m_standIn->host();
        profile.amqpPort = m_standIn->port();
        profile.caFile = m_standIn->caFile();
        QVERIFY(Cloud::AccountProfile::save(**opened, profile,
                                            QByteArrayView(m_standIn->options().accessKeySecret)));
    }

    WatchProcess watch({QStringLiteral("--workspace"), workspacePath, QStringLiteral("--passphrase-file"),
                        passphraseFile, QStringLiteral("--client-id"), QStringLiteral("cli-workspace")},
                       QByteArray());
    QVERIFY2(
        watch.waitFor(QStringLiteral("connection"), {{QStringLiteral("state"), QStringLiteral("connected")}}),
        qPrintable(watch.output() + m_standIn->output()));
    // The workspace has no devices: a status of another device is reported as not the workspace's.
    QVERIFY(m_standIn->sendStatus(QStringLiteral("a1pk"), QStringLiteral("elsewhere"), true,
                                  QDateTime::currentDateTimeUtc(), QStringLiteral("s-ws")));
    const auto unknown = watch.waitFor(QStringLiteral("unknownDevice"));
    QVERIFY2(unknown, qPrintable(watch.output()));
    QCOMPARE(unknown->value(QStringLiteral("deviceName")).toString(), QStringLiteral("elsewhere"));
    ::kill(pid_t(watch.process().processId()), SIGINT);
    const auto summary = watch.waitFor(QStringLiteral("summary"));
    QVERIFY2(summary, qPrintable(watch.output()));
    QCOMPARE(summary->value(QStringLiteral("statuses")).toInt(), 0);
    QVERIFY(watch.process().state() == QProcess::NotRunning || watch.process().waitForFinished(10000));
    QCOMPARE(watch.process().exitCode(), 130);
}

void TestAccountWatchCommand::usageErrors()
{
    // No secret at all, no endpoint, and an idle-time-out out of range: refused before connecting.
    WatchProcess noSecret(accountOptions(*m_standIn), QByteArray());
    QVERIFY(noSecret.process().waitForFinished(10000));
    QCOMPARE(noSecret.process().exitCode(), 2);
    QVERIFY2(noSecret.process().readAllStandardError().contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
             qPrintable(noSecret.output()));

    WatchProcess noEndpoint({QStringLiteral("--access-key-id"), m_standIn->options().accessKeyId,
                             QStringLiteral("--consumer-group"),
                             m_standIn->options().consumerGroups.constFirst()},
                            m_standIn->options().accessKeySecret);
    QVERIFY(noEndpoint.process().waitForFinished(10000));
    QCOMPARE(noEndpoint.process().exitCode(), 2);
    const QByteArray noEndpointError = noEndpoint.process().readAllStandardError();
    QVERIFY2(noEndpointError.contains("amqpHost"), noEndpointError.constData());

    WatchProcess idle(accountOptions(*m_standIn) +
                          QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("10")},
                      m_standIn->options().accessKeySecret);
    QVERIFY(idle.process().waitForFinished(10000));
    QCOMPARE(idle.process().exitCode(), 2);
    QVERIFY(idle.process().readAllStandardError().contains("idleTimeout"));
}

QTEST_GUILESS_MAIN(TestAccountWatchCommand)
#include "TestAccountWatchCommand.moc"
