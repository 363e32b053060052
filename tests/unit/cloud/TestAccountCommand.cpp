// `configdeck-cli account products|devices|import` as a process against the OpenAPI stand-in: the account
// from options and the ALIBABA_CLOUD_* environment, or from a passphrase workspace's profile; JSON lines;
// the API's errors in words with a non-zero exit; import all or nothing; refresh; the shared account
// options (--access-key-secret-file, the region the OpenAPI needs, watch among the subcommands).
#include "cli/AccountCommand.h"
#include "cloud/AccountProfile.h"
#include "session/WorkspaceKey.h"
#include "store/Workspace.h"
#include "support/OpenApiStandIn.h"
#include "support/WorkspaceChecks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using TestSupport::OpenApiStandIn;

namespace {

const QByteArray kPassphrase = "correct horse battery staple 42";

struct Run
{
    int exitCode = -1;
    QList<QJsonObject> events;
    QString stdOut;
    QString stdErr;

    QList<QJsonObject> of(const QString& type) const
    {
        QList<QJsonObject> matching;
        for (const QJsonObject& event : events) {
            if (event.value(QStringLiteral("event")).toString() == type)
                matching.append(event);
        }
        return matching;
    }
};

} // namespace

class TestAccountCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void productsFromEnvironment();
    void devicesOfOneProduct();
    void wrongSecretFailsInWords();
    void noSecretIsAUsageError();
    void secretFromFile();
    void openApiNeedsTheRegion();
    void helpListsEverySubcommand();
    void importFromWorkspaceProfile();
    void importWithABadRowImportsNothing();

private:
    Run run(const QStringList& arguments, bool withEnvironmentSecret);
    QStringList endpointOptions() const;
    QString workspacePath() const { return m_dir.filePath(QStringLiteral("account.configdeck")); }
    QString passphraseFile() const { return m_dir.filePath(QStringLiteral("passphrase.txt")); }

    OpenApiStandIn m_standIn;
    QTemporaryDir m_dir;
};

void TestAccountCommand::initTestCase()
{
    QVERIFY2(m_standIn.start(OpenApiStandIn::makeFleet(2, 30)), qPrintable(m_standIn.errorString()));
    QFile file(passphraseFile());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kPassphrase + '\n');
    file.close();

    auto opened = Store::Workspace::open(workspacePath());
    QVERIFY(opened);
    auto created = Session::WorkspaceKey::create(
        **opened, Session::WorkspaceProtection::withPassphrase(QString::fromUtf8(kPassphrase)));
    QVERIFY(created);
    (*opened)->keys().setSealer(created->sealer);
    Cloud::AccountProfile profile;
    profile.regionId = m_standIn.options().regionId;
    profile.accessKeyId = m_standIn.options().accessKeyId;
    profile.openApiUrl = m_standIn.baseUrl();
    profile.caFile = m_standIn.caFile();
    QVERIFY(
        Cloud::AccountProfile::save(**opened, profile, QByteArrayView(m_standIn.options().accessKeySecret)));
}

void TestAccountCommand::init()
{
    QVERIFY(m_standIn.setFleet(OpenApiStandIn::makeFleet(2, 30)));
}

QStringList TestAccountCommand::endpointOptions() const
{
    return {QStringLiteral("--region"), m_standIn.options().regionId, QStringLiteral("--openapi-url"),
            m_standIn.baseUrl(),        QStringLiteral("--ca"),       m_standIn.caFile(),
            QStringLiteral("--json")};
}

Run TestAccountCommand::run(const QStringList& arguments, bool withEnvironmentSecret)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QLatin1StringView(Cli::AccountCommand::kAccessKeyIdVariable));
    environment.remove(QLatin1StringView(Cli::AccountCommand::kAccessKeySecretVariable));
    if (withEnvironmentSecret) {
        environment.insert(QLatin1StringView(Cli::AccountCommand::kAccessKeyIdVariable),
                           m_standIn.options().accessKeyId);
        environment.insert(QLatin1StringView(Cli::AccountCommand::kAccessKeySecretVariable),
                           QString::fromUtf8(m_standIn.options().accessKeySecret));
    }
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CONFIGDECK_CLI), QStringList{QStringLiteral("account")} + arguments);
    Run result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        result.stdErr = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = process.exitCode();
    result.stdErr = QString::fromUtf8(process.readAllStandardError());
    const QByteArray output = process.readAllStandardOutput();
    result.stdOut = QString::fromUtf8(output);
    for (const QByteArray& line : output.split('\n')) {
        if (!line.trimmed().isEmpty())
            result.events.append(QJsonDocument::fromJson(line).object());
    }
    return result;
}

void TestAccountCommand::productsFromEnvironment()
{
    const Run result = run(QStringList{QStringLiteral("products")} + endpointOptions(), true);
    QVERIFY2(result.exitCode == 0, qPrintable(result.stdErr));
    const auto products = result.of(QStringLiteral("product"));
    QCOMPARE(products.size(), 2);
    QCOMPARE(products.at(1).value(QStringLiteral("productKey")).toString(), QStringLiteral("a1Prod1Key"));
    QCOMPARE(products.at(1).value(QStringLiteral("name")).toString(), QStringLiteral("Product 1"));
    QCOMPARE(products.at(1).value(QStringLiteral("deviceCount")).toInt(), 30);
}

void TestAccountCommand::devicesOfOneProduct()
{
    const Run result = run(
        QStringList{QStringLiteral("devices"), QStringLiteral("--product"), QStringLiteral("a1Prod0Key")} +
            endpointOptions(),
        true);
    QVERIFY2(result.exitCode == 0, qPrintable(result.stdErr));
    const auto devices = result.of(QStringLiteral("device"));
    QCOMPARE(devices.size(), 30);
    QCOMPARE(devices.at(3).value(QStringLiteral("deviceName")).toString(), QStringLiteral("dev-0-0003"));
    QCOMPARE(devices.at(3).value(QStringLiteral("status")).toString(), QStringLiteral("ONLINE"));
    for (const QJsonObject& device : devices)
        QVERIFY(!device.contains(QStringLiteral("deviceSecret")));
}

void TestAccountCommand::wrongSecretFailsInWords()
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QLatin1StringView(Cli::AccountCommand::kAccessKeyIdVariable),
                       m_standIn.options().accessKeyId);
    environment.insert(QLatin1StringView(Cli::AccountCommand::kAccessKeySecretVariable),
                       QStringLiteral("wrong"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CONFIGDECK_CLI),
                  QStringList{QStringLiteral("account"), QStringLiteral("products")} + endpointOptions());
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 1);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains(QLatin1String("SignatureDoesNotMatch")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("AccessKey Secret does not belong")), qPrintable(error));
}

void TestAccountCommand::noSecretIsAUsageError()
{
    const Run result = run(
        QStringList{QStringLiteral("products"), QStringLiteral("--access-key-id"), QStringLiteral("LTAIx")} +
            endpointOptions(),
        false);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.stdErr.contains(QLatin1String("ALIBABA_CLOUD_ACCESS_KEY_SECRET")),
             qPrintable(result.stdErr));
}

void TestAccountCommand::secretFromFile()
{
    const QString secretFile = m_dir.filePath(QStringLiteral("secret.txt"));
    QFile file(secretFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_standIn.options().accessKeySecret + '\n');
    file.close();
    const Run result = run(QStringList{QStringLiteral("products"), QStringLiteral("--access-key-id"),
                                       m_standIn.options().accessKeyId,
                                       QStringLiteral("--access-key-secret-file"), secretFile} +
                               endpointOptions(),
                           false);
    QVERIFY2(result.exitCode == 0, qPrintable(result.stdErr));
    QCOMPARE(result.of(QStringLiteral("product")).size(), 2);

    const Run missing =
        run(QStringList{QStringLiteral("products"), QStringLiteral("--access-key-secret-file"),
                        m_dir.filePath(QStringLiteral("none.txt"))} +
                endpointOptions(),
            true);
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.stdErr.contains(QLatin1String("--access-key-secret-file")), qPrintable(missing.stdErr));
}

void TestAccountCommand::openApiNeedsTheRegion()
{
    // An AMQP endpoint is enough for watch, not for the OpenAPI.
    const Run result =
        run({QStringLiteral("products"), QStringLiteral("--amqp-host"), QStringLiteral("localhost"),
             QStringLiteral("--consumer-group"), QStringLiteral("group1"), QStringLiteral("--json")},
            true);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.stdErr.contains(QLatin1String("regionId")), qPrintable(result.stdErr));
}

void TestAccountCommand::helpListsEverySubcommand()
{
    const Run result = run({QStringLiteral("--help")}, false);
    QCOMPARE(result.exitCode, 0);
    for (const Cli::AccountCommand::Subcommand& subcommand : Cli::AccountCommand::subcommands())
        QVERIFY2(result.stdOut.contains(QLatin1StringView(subcommand.name)), subcommand.name);
    QVERIFY(result.stdOut.contains(QLatin1String("watch")));

    const Run watchHelp = run({QStringLiteral("watch"), QStringLiteral("--help")}, false);
    QCOMPARE(watchHelp.exitCode, 0);
    for (const char* option : {"--workspace", "--access-key-secret-file", "--consumer-group", "--amqp-host",
                               "--amqp-port", "--account-uid", "--client-id", "--idle-timeout", "--duration"})
        QVERIFY2(watchHelp.stdOut.contains(QLatin1String(option)), option);
}

void TestAccountCommand::importFromWorkspaceProfile()
{
    const QStringList workspaceOptions{QStringLiteral("--workspace"), workspacePath(),
                                       QStringLiteral("--passphrase-file"), passphraseFile(),
                                       QStringLiteral("--json")};
    // Dry run: the preview, nothing written.
    Run result =
        run(QStringList{QStringLiteral("import"), QStringLiteral("--dry-run")} + workspaceOptions, false);
    QVERIFY2(result.exitCode == 0, qPrintable(result.stdErr));
    QCOMPARE(result.of(QStringLiteral("preview")).first().value(QStringLiteral("devices")).toInt(), 60);
    QVERIFY(result.of(QStringLiteral("imported")).isEmpty());

    result = run(QStringList{QStringLiteral("import"), QStringLiteral("--with-secrets")} + workspaceOptions,
                 false);
    QVERIFY2(result.exitCode == 0, qPrintable(result.stdErr));
    QCOMPARE(result.of(QStringLiteral("imported")).first().value(QStringLiteral("added")).toInt(), 60);

    // Again: a refresh of the same 60.
    result = run(QStringList{QStringLiteral("import")} + workspaceOptions, false);
    QVERIFY2(result.exitCode == 0, qPrintable(result.stdErr));
    QCOMPARE(result.of(QStringLiteral("preview")).first().value(QStringLiteral("existing")).toInt(), 60);
    QCOMPARE(result.of(QStringLiteral("imported")).first().value(QStringLiteral("refreshed")).toInt(), 60);

    auto opened = Store::Workspace::open(workspacePath());
    QVERIFY(opened);
    QCOMPARE((*opened)->identities().deviceCount().value(), 60);
    QVERIFY((*opened)
                ->identities()
                .device(QStringLiteral("a1Prod1Key"), QStringLiteral("dev-1-0029"))
                ->value()
                .hasSecret);
    opened->reset();
    TestSupport::verifyNoPlainSecrets(workspacePath(), {m_standIn.options().accessKeySecret,
                                                        QByteArray("Sec1x29yZ0123456789abcdefABCDEF")});
}

void TestAccountCommand::importWithABadRowImportsNothing()
{
    QJsonObject fleet = OpenApiStandIn::makeFleet(3, 5);
    QJsonArray products = fleet.value(QStringLiteral("products")).toArray();
    QJsonObject product = products.at(2).toObject();
    QJsonArray devices = product.value(QStringLiteral("devices")).toArray();
    devices.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}});
    product.insert(QStringLiteral("devices"), devices);
    products.replace(2, product);
    fleet.insert(QStringLiteral("products"), products);
    QVERIFY(m_standIn.setFleet(fleet));
    const Run result = run({QStringLiteral("import"), QStringLiteral("--workspace"), workspacePath(),
                            QStringLiteral("--passphrase-file"), passphraseFile(), QStringLiteral("--json")},
                           false);
    QCOMPARE(result.exitCode, 1);
    const auto errors = result.of(QStringLiteral("row-error"));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().value(QStringLiteral("message")).toString().contains(QLatin1String("4 to 32")),
             qPrintable(errors.first().value(QStringLiteral("message")).toString()));
    auto opened = Store::Workspace::open(workspacePath());
    QVERIFY(opened);
    QVERIFY(!(*opened)->identities().product(QStringLiteral("a1Prod2Key"))->has_value());
}

QTEST_GUILESS_MAIN(TestAccountCommand)
#include "TestAccountCommand.moc"
