#include "cli/CommandSupport.h"
#include "session/WorkspaceKey.h"
#include "store/Workspace.h"
#include "support/WorkspaceChecks.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using Cli::CommandSupport;

namespace {

const QString kPassphrase = QStringLiteral("cli lab passphrase");
const QByteArray kSecret = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

} // namespace

// configdeck-cli opening a workspace: a passphrase workspace only with --passphrase-file or
// CONFIGDECK_PASSPHRASE, refused otherwise with the reason; never the Demo's passphrase.
class TestCommandSupport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void refusedWithoutPassphrase();
    void wrongPassphrase();
    void passphraseFile();
    void passphraseVariable();
    void cliRefusesWithoutPassphrase();
    void cliOpensWithPassphraseFile();

private:
    Alink::Expected<std::unique_ptr<Store::Workspace>> open(const QStringList& options);
    QString workspacePath() const { return m_dir.filePath(QStringLiteral("cli.configdeck")); }
    QString writePassphraseFile(const QByteArray& content);
    QProcess* runCli(const QStringList& arguments);

    QTemporaryDir m_dir;
};

void TestCommandSupport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto opened = Store::Workspace::open(workspacePath());
    QVERIFY(opened);
    auto created =
        Session::WorkspaceKey::create(**opened, Session::WorkspaceProtection::withPassphrase(kPassphrase));
    QVERIFY(created);
    (*opened)->keys().setSealer(created->sealer);
    QVERIFY(
        (*opened)->identities().addDevice({QStringLiteral("a1Real"), QStringLiteral("meter-1")}, kSecret));
    TestSupport::verifyStrongKeyRecord((*opened)->keys().record().value());
    TestSupport::verifyNoPlainSecrets(workspacePath(), {kSecret});
}

void TestCommandSupport::init()
{
    qunsetenv(CommandSupport::kPassphraseVariable);
}

Alink::Expected<std::unique_ptr<Store::Workspace>> TestCommandSupport::open(const QStringList& options)
{
    QCommandLineParser parser;
    CommandSupport::addWorkspaceOptions(parser);
    if (!parser.parse(QStringList{QStringLiteral("configdeck-cli device")} + options))
        return Alink::AlinkError{{}, parser.errorText(), -1};
    return CommandSupport::openWorkspace(parser);
}

QString TestCommandSupport::writePassphraseFile(const QByteArray& content)
{
    const QString path = m_dir.filePath(QStringLiteral("passphrase.txt"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(content);
    return path;
}

void TestCommandSupport::refusedWithoutPassphrase()
{
    const auto opened = open({QStringLiteral("--workspace"), workspacePath()});
    QVERIFY(!opened);
    QCOMPARE(opened.error().field, QStringLiteral("--passphrase-file"));
    QVERIFY2(opened.error().message().contains(QLatin1StringView("does not ask for it")),
             qPrintable(opened.error().message()));
    QVERIFY(opened.error().message().contains(QLatin1StringView("CONFIGDECK_PASSPHRASE")));
}

void TestCommandSupport::wrongPassphrase()
{
    const QString file = writePassphraseFile("not the passphrase\n");
    const auto opened =
        open({QStringLiteral("--workspace"), workspacePath(), QStringLiteral("--passphrase-file"), file});
    QVERIFY(!opened);
    QVERIFY2(opened.error().message().contains(QLatin1StringView("wrong passphrase")),
             qPrintable(opened.error().message()));
}

void TestCommandSupport::passphraseFile()
{
    const QString file = writePassphraseFile(kPassphrase.toUtf8() + "\r\n");
    auto opened =
        open({QStringLiteral("--workspace"), workspacePath(), QStringLiteral("--passphrase-file"), file});
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
    QCOMPARE(
        (*opened)->identities().deviceSecret(QStringLiteral("a1Real"), QStringLiteral("meter-1")).value(),
        kSecret);

    const auto empty = open({QStringLiteral("--workspace"), workspacePath(),
                             QStringLiteral("--passphrase-file"), writePassphraseFile("\n")});
    QVERIFY(!empty);
    QVERIFY(empty.error().message().contains(QLatin1StringView("is empty")));
}

void TestCommandSupport::passphraseVariable()
{
    qputenv(CommandSupport::kPassphraseVariable, kPassphrase.toUtf8());
    auto opened = open({QStringLiteral("--workspace"), workspacePath()});
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
    QCOMPARE(
        (*opened)->identities().deviceSecret(QStringLiteral("a1Real"), QStringLiteral("meter-1")).value(),
        kSecret);
}

QProcess* TestCommandSupport::runCli(const QStringList& arguments)
{
    auto* process = new QProcess(this);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QString::fromLatin1(CommandSupport::kPassphraseVariable));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    process->setProcessEnvironment(environment);
    process->start(QStringLiteral(CONFIGDECK_CLI),
                   QStringList{QStringLiteral("device"), QStringLiteral("--host"),
                               QStringLiteral("127.0.0.1"), QStringLiteral("--yes"),
                               QStringLiteral("--workspace"), workspacePath()} +
                       arguments);
    process->waitForFinished(60000);
    return process;
}

void TestCommandSupport::cliRefusesWithoutPassphrase()
{
    QProcess* cli = runCli({});
    const QString errors = QString::fromUtf8(cli->readAllStandardError());
    QCOMPARE(cli->exitCode(), int(CommandSupport::UsageError));
    QVERIFY2(errors.contains(
                 QLatin1StringView("protected by a passphrase and configdeck-cli does not ask for it")),
             qPrintable(errors));
}

void TestCommandSupport::cliOpensWithPassphraseFile()
{
    // The workspace opens; the device filter then finds no such device (so nothing connects).
    const QString file = writePassphraseFile(kPassphrase.toUtf8() + "\n");
    QProcess* cli = runCli(
        {QStringLiteral("--passphrase-file"), file, QStringLiteral("--device"), QStringLiteral("not-there")});
    const QString errors = QString::fromUtf8(cli->readAllStandardError());
    QCOMPARE(cli->exitCode(), int(CommandSupport::UsageError));
    QVERIFY2(errors.contains(QStringLiteral("not-there is not in %1").arg(workspacePath())),
             qPrintable(errors));
    QVERIFY2(!errors.contains(QLatin1StringView("passphrase")), qPrintable(errors));
}

QTEST_GUILESS_MAIN(TestCommandSupport)
#include "TestCommandSupport.moc"
