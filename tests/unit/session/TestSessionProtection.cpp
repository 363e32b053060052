#include "session/ConsoleSession.h"
#include "session/DemoSeed.h"
#include "store/CsvExport.h"
#include "store/Workspace.h"
#include "store/secrets/KeyVault.h"
#include "support/PostgresFixture.h"
#include "support/StoredValue.h"
#include "support/WorkspaceChecks.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using Session::ConsoleSession;
using Session::UnlockFailure;
using Session::WorkspaceProtection;

namespace {

const QString kPassphrase = QStringLiteral("lab fleet passphrase");
const QByteArray kSecret = "5e2b7c9a0d1f4e3b8a6c2d9e0f1a2b3c";

} // namespace

// The console's session over workspaces of each protection: the Demo under its public passphrase (and a
// Demo holding real devices, as today's release lets it), a passphrase workspace, lock and unlock.
class TestSessionProtection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void demoIsADemo();
    void demoWithForeignDevicesIsReported();
    void missingWorkspaceIsNotCreated();
    void passphraseWorkspace();
    void lockAndUnlock();
    void saveCopy();
    void twoConsolesOnOneDatabase();
    void sharedWorkspaceTeamKey();

private:
    QString path(const QString& name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSessionProtection::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSessionProtection::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QFile::remove(ConsoleSession::defaultWorkspacePath());
}

void TestSessionProtection::demoIsADemo()
{
    ConsoleSession session({});
    QVERIFY(session.open());
    QVERIFY(session.isDemo());
    QCOMPARE(session.protection(), WorkspaceProtection::Kind::Demo);
    QVERIFY(session.foreignDemoDevices().isEmpty());
    QCOMPARE(storedValue(session.workspace()->identities().deviceCount()),
             qint64(2 * Session::DemoSeed::kDevicesPerProduct));
    session.shutdown();
    QVERIFY(session.reset());
    QVERIFY(session.isDemo());
}

void TestSessionProtection::demoWithForeignDevicesIsReported()
{
    // A named workspace as the current release made it where no keychain answered: the Demo's passphrase.
    const QString file = path(QStringLiteral("old.configdeck"));
    {
        auto opened = Store::Workspace::open(file);
        QVERIFY(opened);
        QVERIFY(TestSupport::keyAsPreviousReleaseDid(**opened));
    }
    ConsoleSession::Options options;
    options.workspacePath = file;
    ConsoleSession session(options);
    QVERIFY(session.open());
    QVERIFY(session.isDemo());
    QVERIFY(session.foreignDemoDevices().isEmpty()); // its own seed only
    QVERIFY(session.workspace()->identities().addDevice({QStringLiteral("a1Real"), QStringLiteral("meter-7")},
                                                        kSecret));
    const auto foreign = session.foreignDemoDevices();
    QCOMPARE(foreign.size(), 1);
    QCOMPARE(foreign.first().deviceName, QStringLiteral("meter-7"));

    // Protected, it is no Demo any more.
    QVERIFY(session.reprotect({}, WorkspaceProtection::withPassphrase(kPassphrase)));
    QVERIFY(!session.isDemo());
    QVERIFY(session.foreignDemoDevices().isEmpty());
    TestSupport::verifyStrongKeyRecord(session.workspace()->keys().record().value());
    session.shutdown();
    options.passphrase = kPassphrase;
    ConsoleSession reopened(options);
    QVERIFY(reopened.open());
    QCOMPARE(reopened.protection(), WorkspaceProtection::Kind::Passphrase);
}

void TestSessionProtection::missingWorkspaceIsNotCreated()
{
    ConsoleSession::Options options;
    options.workspacePath = path(QStringLiteral("nowhere.configdeck"));
    ConsoleSession session(options);
    const auto status = session.open();
    QVERIFY(!status);
    QVERIFY(status.error().message().contains(QLatin1StringView("There is no workspace")));
    QVERIFY(!QFile::exists(options.workspacePath));
    QVERIFY(!session.workspace());
}

void TestSessionProtection::passphraseWorkspace()
{
    const QString file = path(QStringLiteral("lab.configdeck"));
    {
        ConsoleSession::Options options;
        options.workspacePath = file;
        options.create = WorkspaceProtection::withPassphrase(kPassphrase);
        ConsoleSession session(options);
        QVERIFY(session.open());
        QVERIFY(!session.isDemo());
        QCOMPARE(session.protection(), WorkspaceProtection::Kind::Passphrase);
        QVERIFY(session.workspace()->identities().addDevice(
            {QStringLiteral("a1Real"), QStringLiteral("meter-1")}, kSecret));
        TestSupport::verifyStrongKeyRecord(session.workspace()->keys().record().value());
        TestSupport::verifyNoPlainSecrets(file, {kSecret});
    }
    const QByteArray before = TestSupport::fileBytes(file);

    ConsoleSession::Options options;
    options.workspacePath = file;
    ConsoleSession session(options);
    auto status = session.open();
    QVERIFY(!status);
    QCOMPARE(session.unlockFailure(), UnlockFailure::NeedsPassphrase);
    QVERIFY(!session.workspace());

    options.passphrase = QStringLiteral("wrong passphrase");
    ConsoleSession wrong(options);
    status = wrong.open();
    QVERIFY(!status);
    QCOMPARE(wrong.unlockFailure(), UnlockFailure::WrongPassphrase);
    QCOMPARE(status.error().message(), QStringLiteral("passphrase: Wrong passphrase for this workspace"));
    QVERIFY(!wrong.workspace());
    QCOMPARE(TestSupport::fileBytes(file), before);

    options.passphrase = kPassphrase;
    ConsoleSession right(options);
    QVERIFY(right.open());
    QCOMPARE(right.workspace()
                 ->identities()
                 .deviceSecret(QStringLiteral("a1Real"), QStringLiteral("meter-1"))
                 .value(),
             kSecret);
    TestSupport::verifyNoPlainSecrets(file, {kSecret});
}

void TestSessionProtection::lockAndUnlock()
{
    const QString file = path(QStringLiteral("lock.configdeck"));
    ConsoleSession::Options options;
    options.workspacePath = file;
    options.create = WorkspaceProtection::withPassphrase(kPassphrase);
    ConsoleSession session(options);
    QVERIFY(session.open());
    QVERIFY(session.workspace()->identities().addDevice({QStringLiteral("a1Real"), QStringLiteral("meter-1")},
                                                        kSecret));
    QSignalSpy lockChanged(&session, &ConsoleSession::lockChanged);

    session.lock();
    QVERIFY(session.isLocked());
    QCOMPARE(lockChanged.size(), 1);
    QCOMPARE(storedValue(session.workspace()->identities().deviceCount()),
             qint64(1)); // the fleet stays visible
    const auto secret =
        session.workspace()->identities().deviceSecret(QStringLiteral("a1Real"), QStringLiteral("meter-1"));
    QVERIFY(!secret);
    QCOMPARE(secret.error().message(), Store::KeyStore::lockedError().message());
    const auto exported = Store::CsvExport::writeFile(*session.workspace(), path(QStringLiteral("out.csv")),
                                                      Store::CsvExport::Secrets::Revealed);
    QVERIFY(!exported);
    QCOMPARE(exported.error().message(), Store::KeyStore::lockedError().message());

    QVERIFY(!session.unlock(QStringLiteral("wrong passphrase")));
    QCOMPARE(session.unlockFailure(), UnlockFailure::WrongPassphrase);
    QVERIFY(session.isLocked());
    QVERIFY(!session.unlock({}));
    QCOMPARE(session.unlockFailure(), UnlockFailure::NeedsPassphrase);

    QVERIFY(session.unlock(kPassphrase));
    QVERIFY(!session.isLocked());
    QCOMPARE(lockChanged.size(), 2);
    QCOMPARE(session.workspace()
                 ->identities()
                 .deviceSecret(QStringLiteral("a1Real"), QStringLiteral("meter-1"))
                 .value(),
             kSecret);
}

void TestSessionProtection::saveCopy()
{
    const QString file = path(QStringLiteral("orig.configdeck"));
    const QString copy = path(QStringLiteral("copy.configdeck"));
    ConsoleSession::Options options;
    options.workspacePath = file;
    options.create = WorkspaceProtection::withPassphrase(kPassphrase);
    ConsoleSession session(options);
    QVERIFY(session.open());
    QVERIFY(session.workspace()->identities().addDevice({QStringLiteral("a1Real"), QStringLiteral("meter-1")},
                                                        kSecret));
    QVERIFY(session.saveCopy(copy));
    QVERIFY(!session.saveCopy(copy)); // never over an existing file
    TestSupport::verifyNoPlainSecrets(copy, {kSecret});

    options.workspacePath = copy;
    options.create.reset();
    options.passphrase = kPassphrase;
    ConsoleSession copied(options);
    QVERIFY(copied.open());
    QCOMPARE(copied.workspace()
                 ->identities()
                 .deviceSecret(QStringLiteral("a1Real"), QStringLiteral("meter-1"))
                 .value(),
             kSecret);
}

// Two consoles on one PostgreSQL workspace: the second one's views are told (fleetChanged) within a second
// of the first one adding a device; the URL the session shows carries no password.
void TestSessionProtection::twoConsolesOnOneDatabase()
{
    TestSupport::PostgresFixture server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    ConsoleSession::Options options;
    options.workspacePath = server.url().replace(QStringLiteral("configdeck@"),
                                                 QStringLiteral("configdeck:%1@").arg(server.password()));
    options.create = WorkspaceProtection::withPassphrase(kPassphrase);
    ConsoleSession first(options);
    const auto opened = first.open();
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
    QCOMPARE(first.workspacePath(), server.url());
    QCOMPARE(first.protection(), WorkspaceProtection::Kind::Passphrase);

    ConsoleSession::Options other;
    other.workspacePath = server.url();
    other.databasePassword = server.password();
    other.passphrase = kPassphrase;
    ConsoleSession second(other);
    const auto openedSecond = second.open();
    QVERIFY2(openedSecond, openedSecond ? "" : qPrintable(openedSecond.error().message()));
    QSignalSpy fleetChanged(&second, &ConsoleSession::fleetChanged);
    QVERIFY(first.workspace()->identities().addDevice({QStringLiteral("a1Real"), QStringLiteral("meter-1")},
                                                      kSecret));
    QTRY_VERIFY_WITH_TIMEOUT(fleetChanged.size() >= 1, 1000);
    QCOMPARE(second.workspace()
                 ->identities()
                 .deviceSecret(QStringLiteral("a1Real"), QStringLiteral("meter-1"))
                 .value(),
             kSecret);
}

// A shared workspace's team key: kept in the creator's keychain at creation (no passphrase at the next open),
// a new team passphrase re-wraps the same key (consoles with the key in their keychain keep opening it, the
// old passphrase is told wrong), the keychain alone is refused with the reason, forgetting the key here
// makes the next open ask, and a saved copy is a file that opens with the team passphrase.
void TestSessionProtection::sharedWorkspaceTeamKey()
{
    if (!Store::KeyVault::keychainAvailable())
        QSKIP("No OS keychain answers (run under tests/with-test-session.sh)");
    TestSupport::PostgresFixture server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const QString url = server.url();
    Store::KeyVault::forgetTeamKey(url);
    const QString newPassphrase = QStringLiteral("a new team passphrase");
    const auto optionsFor = [&](const QString& passphrase) {
        ConsoleSession::Options options;
        options.workspacePath = url;
        options.databasePassword = server.password();
        options.passphrase = passphrase;
        return options;
    };
    const auto opened = [](ConsoleSession& session) {
        const auto status = session.open();
        if (!status)
            qWarning() << status.error().message();
        return bool(status);
    };

    ConsoleSession::Options creating = optionsFor({});
    creating.create = WorkspaceProtection::withPassphrase(kPassphrase);
    ConsoleSession first(creating);
    QVERIFY(opened(first));
    QVERIFY(first.teamKeyKept());
    QVERIFY(first.workspace()->identities().addDevice({QStringLiteral("a1Real"), QStringLiteral("meter-1")},
                                                      kSecret));

    // The creator's next open needs no passphrase: the key came from the keychain.
    ConsoleSession second(optionsFor({}));
    QVERIFY(opened(second));
    QVERIFY(second.teamKeyKept());
    QCOMPARE(storedValue(second.workspace()->identities().deviceSecret(QStringLiteral("a1Real"),
                                                                       QStringLiteral("meter-1"))),
             kSecret);

    // Never into the keychain alone, with the reason; the record is unchanged.
    const QByteArray record = storedValue(first.workspace()->keys().record());
    const auto refused = first.reprotect(kPassphrase, WorkspaceProtection::keychain());
    QVERIFY(!refused);
    QVERIFY2(
        refused.error().message().contains(QStringLiteral("wrapped under a team passphrase so that every "
                                                          "member can open it")),
        qPrintable(refused.error().message()));
    QCOMPARE(storedValue(first.workspace()->keys().record()), record);

    // A wrong current passphrase changes nothing either.
    QVERIFY(!first.reprotect(QStringLiteral("not the passphrase"),
                             WorkspaceProtection::withPassphrase(newPassphrase)));
    QCOMPARE(storedValue(first.workspace()->keys().record()), record);

    // A new team passphrase: the same key re-wrapped in one write of the record.
    const auto changed = first.reprotect(kPassphrase, WorkspaceProtection::withPassphrase(newPassphrase));
    QVERIFY2(changed, changed ? "" : qPrintable(changed.error().message()));
    QVERIFY(storedValue(first.workspace()->keys().record()) != record);
    QCOMPARE(first.protection(), WorkspaceProtection::Kind::Passphrase);
    // The console that was open keeps working, and after a lock its keychain opens it again.
    QCOMPARE(storedValue(second.workspace()->identities().deviceSecret(QStringLiteral("a1Real"),
                                                                       QStringLiteral("meter-1"))),
             kSecret);
    second.lock();
    QVERIFY(second.unlock({}));
    QCOMPARE(storedValue(second.workspace()->identities().deviceSecret(QStringLiteral("a1Real"),
                                                                       QStringLiteral("meter-1"))),
             kSecret);
    // A console that types the old passphrase is told it is wrong.
    ConsoleSession oldPassphrase(optionsFor(kPassphrase));
    QVERIFY(!oldPassphrase.open());
    QCOMPARE(oldPassphrase.unlockFailure(), UnlockFailure::WrongPassphrase);
    QVERIFY(!oldPassphrase.workspace());

    // A copy is a workspace file that opens with the (new) team passphrase, like any passphrase file.
    const QString copy = path(QStringLiteral("team.configdeck"));
    QVERIFY(first.saveCopy(copy));
    QVERIFY(!first.saveCopy(copy));
    TestSupport::verifyNoPlainSecrets(copy, {kSecret});
    ConsoleSession::Options copyOptions;
    copyOptions.workspacePath = copy;
    copyOptions.passphrase = newPassphrase;
    ConsoleSession copied(copyOptions);
    QVERIFY(opened(copied));
    QVERIFY(!copied.workspace()->isShared());
    QCOMPARE(storedValue(copied.workspace()->identities().deviceSecret(QStringLiteral("a1Real"),
                                                                       QStringLiteral("meter-1"))),
             kSecret);

    // Forgetting the team key here: the next open asks for the team passphrase; the open one stays unlocked.
    QVERIFY(first.forgetTeamKey());
    QVERIFY(!first.teamKeyKept());
    QVERIFY(!first.isLocked());
    ConsoleSession asked(optionsFor({}));
    QVERIFY(!asked.open());
    QCOMPARE(asked.unlockFailure(), UnlockFailure::NeedsPassphrase);
    ConsoleSession typed(optionsFor(newPassphrase));
    QVERIFY(opened(typed));
    QVERIFY(typed.teamKeyKept()); // the first unlock keeps it again
    Store::KeyVault::forgetTeamKey(url);
}

QTEST_GUILESS_MAIN(TestSessionProtection)
#include "TestSessionProtection.moc"
