// `configdeck-cli device --cloud` run as a process against the loopback stand-in for the cloud: JSON lines,
// exit codes, the live-identity confirmation, manual replies, and the secrets file.
#include "CloudRig.h"
#include "alink/ReplyCodeCatalog.h"
#include "cli/DeviceCommand.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace ConfigDeck;
using Tests::CloudRig;

namespace {

const QString kProduct = QStringLiteral("a1CliTest");
const QByteArray kConfig = "{\"reportInterval\":60,\"server\":\"mqtt.example.com\"}";

Alink::DeviceIdentity identity(int index)
{
    return {kProduct, QStringLiteral("cli-dev-%1").arg(index), QStringLiteral("CliSecret-%1").arg(index)};
}

// One run of the CLI, with its JSON lines read as they come.
struct CliRun
{
    QProcess process;
    QList<QJsonObject> events;
    QByteArray buffer;
    std::function<void(const QJsonObject&)> onEvent;

    void start(const QStringList& arguments,
               const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
    {
        process.setProcessEnvironment(environment);
        QObject::connect(&process, &QProcess::readyReadStandardOutput, &process, [this] {
            buffer += process.readAllStandardOutput();
            takeLines();
        });
        process.start(QStringLiteral(CONFIGDECK_CLI), arguments);
    }

    void takeLines()
    {
        qsizetype end;
        while ((end = buffer.indexOf('\n')) >= 0) {
            const QByteArray line = buffer.left(end).trimmed();
            buffer.remove(0, end + 1);
            if (line.isEmpty())
                continue;
            QJsonParseError error{};
            const QJsonObject object = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            events << object;
            if (onEvent)
                onEvent(object);
        }
    }

    // Waits for the exit (the platform in this process keeps answering meanwhile); the exit code or -1.
    int finish(int timeoutMs = 30000)
    {
        if (!QTest::qWaitFor([this] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
            process.kill();
            process.waitForFinished();
            return -1;
        }
        buffer += process.readAllStandardOutput();
        buffer += '\n';
        takeLines();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    QList<QJsonObject> of(const QString& type) const
    {
        QList<QJsonObject> list;
        for (const QJsonObject& event : events) {
            if (event.value(QStringLiteral("event")).toString() == type)
                list << event;
        }
        return list;
    }

    QString dump() const
    {
        QString text;
        for (const QJsonObject& event : events)
            text += QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)) + u'\n';
        return text + QString::fromUtf8(const_cast<QProcess&>(process).readAllStandardError());
    }
};

} // namespace

class TestDeviceCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void getFromSecretsFile();
    void wrongSecretExitsRefused();
    void platformCodeExplained();
    void waitPushManualReply();
    void confirmationNeedsYesWithoutTerminal();
    void secretsFileErrors_data();
    void secretsFileErrors();

private:
    QStringList common() const;

    std::unique_ptr<CloudRig> m_rig;
    QTemporaryDir m_dir;
};

void TestDeviceCommand::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(CONFIGDECK_CLI)));
    m_rig = std::make_unique<CloudRig>(QList<Alink::DeviceIdentity>{identity(0), identity(1)});
    QString error;
    QVERIFY2(m_rig->start(&error), qPrintable(error));
    Roles::PlatformProduct product;
    product.productKey = kProduct;
    m_rig->platform->setProduct(product);
    QVERIFY(m_rig->platform->publishConfig(kProduct, kConfig));
}

QStringList TestDeviceCommand::common() const
{
    return {
        QStringLiteral("device"), QStringLiteral("--cloud"),     QStringLiteral("--host"),
        m_rig->broker->host(),    QStringLiteral("--port"),      QString::number(m_rig->broker->tlsPort()),
        QStringLiteral("--ca"),   m_rig->broker->caFile(),       QStringLiteral("--download-ca"),
        m_rig->broker->caFile(),  QStringLiteral("--timestamp"), QString::number(CloudRig::kTimestamp),
        QStringLiteral("--json")};
}

void TestDeviceCommand::getFromSecretsFile()
{
    const QString secrets = m_dir.filePath(QStringLiteral("secrets.csv"));
    QFile file(secrets);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("ProductKey,DeviceName,DeviceSecret\n");
    for (int i = 0; i < 2; ++i)
        file.write(QStringLiteral("%1,%2,%3\r\n")
                       .arg(kProduct, identity(i).deviceName, identity(i).deviceSecret)
                       .toUtf8());
    file.close();

    CliRun run;
    run.start(common() << QStringLiteral("--secrets-file") << secrets << QStringLiteral("--get")
                       << QStringLiteral("--yes"));
    QCOMPARE(run.finish(), 0);
    QVERIFY2(run.of(QStringLiteral("connected")).size() == 2, qPrintable(run.dump()));
    const auto gets = run.of(QStringLiteral("get"));
    QCOMPARE(gets.size(), 2);
    for (const QJsonObject& get : gets)
        QCOMPARE(get.value(QStringLiteral("code")).toInt(), 200);
    const auto verified = run.of(QStringLiteral("verified"));
    QCOMPARE(verified.size(), 2);
    QCOMPARE(verified.first().value(QStringLiteral("content")).toString().toUtf8(), kConfig);
    QCOMPARE(verified.first().value(QStringLiteral("size")).toInt(), kConfig.size());
    QCOMPARE(verified.first().value(QStringLiteral("sign")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(kConfig, QCryptographicHash::Sha256).toHex()));
    const auto warnings = run.of(QStringLiteral("warning"));
    QCOMPARE(warnings.size(), 1); // the live-identity warning (TLS is on)
    const auto summary = run.of(QStringLiteral("summary"));
    QCOMPARE(summary.size(), 1);
    QCOMPARE(summary.first().value(QStringLiteral("connected")).toInt(), 2);
    QCOMPARE(summary.first().value(QStringLiteral("verified")).toInt(), 2);
    QCOMPARE(summary.first().value(QStringLiteral("refused")).toInt(), 0);
}

void TestDeviceCommand::wrongSecretExitsRefused()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CONFIGDECK_DEVICE_SECRET"), QStringLiteral("wrong-secret"));
    CliRun run;
    run.start(common() << QStringLiteral("--product") << kProduct << QStringLiteral("--device")
                       << identity(0).deviceName << QStringLiteral("--get") << QStringLiteral("--yes"),
              environment);
    QCOMPARE(run.finish(), 3);
    const auto refused = run.of(QStringLiteral("refused"));
    QVERIFY2(refused.size() == 1, qPrintable(run.dump()));
    const QString reason = refused.first().value(QStringLiteral("reason")).toString();
    QVERIFY2(reason.contains(QStringLiteral("not authorized")) ||
                 reason.contains(QStringLiteral("bad user name or password")),
             qPrintable(reason));
    QVERIFY(
        refused.first().value(QStringLiteral("advice")).toString().contains(QStringLiteral("DeviceSecret")));
    QVERIFY(run.of(QStringLiteral("get")).isEmpty());
}

void TestDeviceCommand::platformCodeExplained()
{
    m_rig->platform->setRemoteConfigEnabled(kProduct, false);
    CliRun run;
    run.start(common() << QStringLiteral("--product") << kProduct << QStringLiteral("--device")
                       << identity(1).deviceName << QStringLiteral("--secret") << identity(1).deviceSecret
                       << QStringLiteral("--get") << QStringLiteral("--yes"));
    const int exitCode = run.finish();
    m_rig->platform->setRemoteConfigEnabled(kProduct, true);
    QCOMPARE(exitCode, 1);
    const auto gets = run.of(QStringLiteral("get"));
    QVERIFY2(gets.size() == 1, qPrintable(run.dump()));
    QCOMPARE(gets.first().value(QStringLiteral("code")).toInt(), 6713);
    QVERIFY(gets.first()
                .value(QStringLiteral("advice"))
                .toString()
                .contains(QStringLiteral("Remote Configuration")));
}

void TestDeviceCommand::waitPushManualReply()
{
    QSignalSpy replied(m_rig->platform.get(), &Roles::PlatformService::pushReplied);
    CliRun run;
    run.onEvent = [this](const QJsonObject& event) {
        if (event.value(QStringLiteral("event")).toString() == QLatin1String("connected"))
            QVERIFY(m_rig->platform->push(kProduct, {identity(0).deviceName}));
    };
    run.start(common() << QStringLiteral("--product") << kProduct << QStringLiteral("--device")
                       << identity(0).deviceName << QStringLiteral("--secret") << identity(0).deviceSecret
                       << QStringLiteral("--wait-push") << QStringLiteral("4") << QStringLiteral("--reply")
                       << QStringLiteral("100005") << QStringLiteral("--yes"));
    QCOMPARE(run.finish(), 1); // a reply other than 200 counts as a failed exchange
    QVERIFY2(run.of(QStringLiteral("push")).size() == 1, qPrintable(run.dump()));
    QCOMPARE(run.of(QStringLiteral("reply-awaited")).size(), 1);
    const auto replies = run.of(QStringLiteral("reply"));
    QCOMPARE(replies.size(), 1);
    QCOMPARE(replies.first().value(QStringLiteral("code")).toInt(), 100005);
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 5000);
    QCOMPARE(replied.first().at(3).toInt(), int(Alink::ReplyCodeCatalog::ApplyFailed));
}

void TestDeviceCommand::confirmationNeedsYesWithoutTerminal()
{
    CliRun run;
    run.start(common() << QStringLiteral("--product") << kProduct << QStringLiteral("--device")
                       << identity(0).deviceName << QStringLiteral("--secret") << identity(0).deviceSecret);
    run.process.closeWriteChannel();
    QCOMPARE(run.finish(), 2);
    const QString errors = QString::fromUtf8(run.process.readAllStandardError());
    QVERIFY2(errors.contains(QStringLiteral("--yes")), qPrintable(errors));
    QVERIFY(run.of(QStringLiteral("connected")).isEmpty());
    QCOMPARE(run.of(QStringLiteral("warning")).size(), 1);
}

void TestDeviceCommand::secretsFileErrors_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("expected"); // in the error; empty: valid

    QTest::addRow("header and rows") << QByteArray(
                                            "ProductKey,DeviceName,DeviceSecret\npk1,d1,s1\n\npk1,d2,s2\n")
                                     << QString();
    QTest::addRow("no header, quoted") << QByteArray("\"pk1\",\"d1\",\"s,1\"\n") << QString();
    QTest::addRow("missing column") << QByteArray("ProductKey,DeviceName,DeviceSecret\npk1,d1,s1\npk1,d2\n")
                                    << QStringLiteral("line 3");
    QTest::addRow("empty secret") << QByteArray("pk1,d1,\n") << QStringLiteral("line 1");
    QTest::addRow("bad device name") << QByteArray("pk1,d/1,s1\n") << QStringLiteral("line 1");
    QTest::addRow("unclosed quote") << QByteArray("pk1,d1,s1\npk1,\"d2,s2\n") << QStringLiteral("line 2");
    QTest::addRow("header only") << QByteArray("ProductKey,DeviceName,DeviceSecret\n")
                                 << QStringLiteral("no device");
}

void TestDeviceCommand::secretsFileErrors()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(QStringLiteral("rows.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(csv);
    file.close();
    const auto rows = Cli::DeviceCommand::readSecretsFile(path);
    if (expected.isEmpty()) {
        QVERIFY2(rows, rows ? "" : qPrintable(rows.error().message()));
        QVERIFY(!rows->isEmpty());
        QCOMPARE(rows->first().productKey, QStringLiteral("pk1"));
    } else {
        QVERIFY(!rows);
        QVERIFY2(rows.error().message().contains(expected), qPrintable(rows.error().message()));
    }
}

QTEST_GUILESS_MAIN(TestDeviceCommand)
#include "TestDeviceCommand.moc"
