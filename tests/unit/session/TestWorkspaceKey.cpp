#include "session/WorkspaceKey.h"
#include "store/Workspace.h"
#include "store/secrets/KeyVault.h"
#include "store/secrets/SecretSealer.h"
#include "support/PostgresFixture.h"
#include "support/WorkspaceChecks.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using Session::UnlockFailure;
using Session::WorkspaceKey;
using Session::WorkspaceProtection;
using TestSupport::fileBytes;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery");
const QString kNewPassphrase = QStringLiteral("a new passphrase, longer");
const QByteArray kSecret = "9f3ad1c2e7b84a6f0c5d2e1b3a4f5c6d";

QByteArray sha256Of(const QString& path)
{
    return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256);
}

} // namespace

// WorkspaceKey: a new workspace's key in the keychain or under the user's passphrase, never the Demo's;
// wrong or missing passphrases; re-protecting as one transaction, also when killed half-way.
class TestWorkspaceKey : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void passphraseWorkspace();
    void keychainWorkspace();
    void demoKeyIsSaidSo();
    void demoPassphraseRefusedForRealWorkspaces();
    void reprotect_data();
    void reprotect();
    void reprotectKilledHalfWay_data();
    void reprotectKilledHalfWay();
    void teamKeyOnPostgres();

private:
    std::unique_ptr<Store::Workspace> newWorkspace(const WorkspaceProtection& protection);
    QString path() const { return m_dir->filePath(QStringLiteral("fleet.configdeck")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    bool m_keychain = false;
};

void TestWorkspaceKey::initTestCase()
{
    m_keychain = Store::KeyVault::keychainAvailable();
    if (!m_keychain)
        qWarning(
            "no OS keychain answers: the keychain rows are skipped (run under tests/with-test-session.sh)");
}

void TestWorkspaceKey::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<Store::Workspace> TestWorkspaceKey::newWorkspace(const WorkspaceProtection& protection)
{
    auto opened = Store::Workspace::open(path());
    if (!opened)
        return nullptr;
    auto created = WorkspaceKey::create(**opened, protection);
    if (!created) {
        qWarning("%s", qPrintable(created.error().message()));
        return nullptr;
    }
    (*opened)->keys().setSealer(created->sealer);
    if (!(*opened)->identities().addDevice({QStringLiteral("a1Real"), QStringLiteral("meter-1")}, kSecret))
        return nullptr;
    return std::move(*opened);
}

void TestWorkspaceKey::passphraseWorkspace()
{
    {
        auto workspace = newWorkspace(WorkspaceProtection::withPassphrase(kPassphrase));
        QVERIFY(workspace);
        TestSupport::verifyStrongKeyRecord(workspace->keys().record().value());
        TestSupport::verifyNoPlainSecrets(path(), {kSecret});
    }
    auto workspace = Store::Workspace::open(path(), Store::Workspace::OpenMode::OpenExisting);
    QVERIFY(workspace);
    const QByteArray before = sha256Of(path());

    // No passphrase: said so, never the Demo's.
    UnlockFailure failure = UnlockFailure::None;
    auto unlocked = WorkspaceKey::unlock(**workspace, {}, &failure);
    QVERIFY(!unlocked);
    QCOMPARE(failure, UnlockFailure::NeedsPassphrase);
    QVERIFY2(unlocked.error().message().contains(QLatin1StringView("protected by a passphrase")),
             qPrintable(unlocked.error().message()));

    // A wrong one: said so, nothing changed.
    unlocked = WorkspaceKey::unlock(**workspace, QStringLiteral("not the passphrase"), &failure);
    QVERIFY(!unlocked);
    QCOMPARE(failure, UnlockFailure::WrongPassphrase);
    QCOMPARE(unlocked.error().message(), QStringLiteral("passphrase: Wrong passphrase for this workspace"));
    QCOMPARE(sha256Of(path()), before);

    unlocked = WorkspaceKey::unlock(**workspace, kPassphrase, &failure);
    QVERIFY(unlocked);
    QCOMPARE(failure, UnlockFailure::None);
    QCOMPARE(unlocked->kind, WorkspaceProtection::Kind::Passphrase);
    (*workspace)->keys().setSealer(unlocked->sealer);
    QCOMPARE(
        (*workspace)->identities().deviceSecret(QStringLiteral("a1Real"), QStringLiteral("meter-1")).value(),
        kSecret);
    QCOMPARE(WorkspaceKey::kindOf(**workspace).value(), WorkspaceProtection::Kind::Passphrase);
}

void TestWorkspaceKey::keychainWorkspace()
{
    if (!m_keychain)
        QSKIP("no OS keychain");
    {
        auto workspace = newWorkspace(WorkspaceProtection::keychain());
        QVERIFY(workspace);
        TestSupport::verifyStrongKeyRecord(workspace->keys().record().value());
        QCOMPARE(Store::KeyRecord::fromBytes(workspace->keys().record().value())->mode,
                 Store::KeyRecord::Mode::Keychain);
        TestSupport::verifyNoPlainSecrets(path(), {kSecret});
    }
    auto workspace = Store::Workspace::open(path(), Store::Workspace::OpenMode::OpenExisting);
    QVERIFY(workspace);
    auto unlocked = WorkspaceKey::unlock(**workspace, {});
    QVERIFY(unlocked);
    QCOMPARE(unlocked->kind, WorkspaceProtection::Kind::Keychain);
    (*workspace)->keys().setSealer(unlocked->sealer);
    QCOMPARE(
        (*workspace)->identities().deviceSecret(QStringLiteral("a1Real"), QStringLiteral("meter-1")).value(),
        kSecret);
    Store::KeyVault::forget(*Store::KeyRecord::fromBytes((*workspace)->keys().record().value()));
}

void TestWorkspaceKey::demoKeyIsSaidSo()
{
    // As the current release makes the Demo (and named workspaces where no keychain answered).
    auto opened = Store::Workspace::open(path());
    QVERIFY(opened);
    QVERIFY(TestSupport::keyAsPreviousReleaseDid(**opened));

    auto unlocked = WorkspaceKey::unlock(**opened, {});
    QVERIFY(unlocked);
    QCOMPARE(unlocked->kind, WorkspaceProtection::Kind::Demo);
    QCOMPARE(WorkspaceKey::kindOf(**opened).value(), WorkspaceProtection::Kind::Demo);
}

void TestWorkspaceKey::demoPassphraseRefusedForRealWorkspaces()
{
    auto opened = Store::Workspace::open(path());
    QVERIFY(opened);
    const auto created = WorkspaceKey::create(
        **opened, WorkspaceProtection::withPassphrase(Store::KeyRecord::kDemoPassphrase));
    QVERIFY(!created);
    QVERIFY(created.error().message().contains(QLatin1StringView("ships with ConfigDeck")));
    QVERIFY((*opened)->keys().record().value().isEmpty());
}

void TestWorkspaceKey::reprotect_data()
{
    QTest::addColumn<QString>("from"); // keychain, passphrase, demo
    QTest::addColumn<QString>("to");   // keychain, passphrase
    QTest::addRow("change the passphrase") << QStringLiteral("passphrase") << QStringLiteral("passphrase");
    QTest::addRow("into the keychain") << QStringLiteral("passphrase") << QStringLiteral("keychain");
    QTest::addRow("out of the keychain") << QStringLiteral("keychain") << QStringLiteral("passphrase");
    QTest::addRow("protect a Demo") << QStringLiteral("demo") << QStringLiteral("passphrase");
}

void TestWorkspaceKey::reprotect()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    if ((from == QLatin1String("keychain") || to == QLatin1String("keychain")) && !m_keychain)
        QSKIP("no OS keychain");
    const auto protection = [](const QString& kind, const QString& passphrase) {
        return kind == QLatin1String("keychain") ? WorkspaceProtection::keychain()
               : kind == QLatin1String("demo")   ? WorkspaceProtection::demo()
                                                 : WorkspaceProtection::withPassphrase(passphrase);
    };
    auto workspace = newWorkspace(protection(from, kPassphrase));
    QVERIFY(workspace);
    const auto oldRecord = Store::KeyRecord::fromBytes(workspace->keys().record().value()).value();
    const QString current = from == QLatin1String("passphrase") ? kPassphrase : QString();

    // A wrong current passphrase changes nothing.
    if (from == QLatin1String("passphrase")) {
        const QByteArray before = workspace->keys().record().value();
        QVERIFY(!WorkspaceKey::reprotect(*workspace, QStringLiteral("wrong passphrase"),
                                         protection(to, kNewPassphrase)));
        QCOMPARE(workspace->keys().record().value(), before);
    }
    const auto status = WorkspaceKey::reprotect(*workspace, current, protection(to, kNewPassphrase));
    QVERIFY2(status, status ? "" : qPrintable(status.error().message()));
    TestSupport::verifyStrongKeyRecord(workspace->keys().record().value());

    // The same key under the new protection; the old protection opens nothing any more.
    auto unlocked = WorkspaceKey::unlock(*workspace, kNewPassphrase);
    QVERIFY2(unlocked, unlocked ? "" : qPrintable(unlocked.error().message()));
    QCOMPARE(unlocked->kind, to == QLatin1String("keychain") ? WorkspaceProtection::Kind::Keychain
                                                             : WorkspaceProtection::Kind::Passphrase);
    workspace->keys().setSealer(unlocked->sealer);
    QCOMPARE(
        workspace->identities().deviceSecret(QStringLiteral("a1Real"), QStringLiteral("meter-1")).value(),
        kSecret);
    if (to == QLatin1String("passphrase"))
        QVERIFY(!WorkspaceKey::unlock(*workspace, kPassphrase));
    if (from == QLatin1String("keychain"))
        QVERIFY2(!Store::KeyVault::unlock(oldRecord), "the old keychain entry was not forgotten");
    TestSupport::verifyNoPlainSecrets(path(), {kSecret});
    Store::KeyVault::forget(*Store::KeyRecord::fromBytes(workspace->keys().record().value()));
}

void TestWorkspaceKey::reprotectKilledHalfWay_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("step");
    QTest::addColumn<bool>("newKeyOpens");
    QTest::addRow("new passphrase, killed before the commit")
        << QStringLiteral("passphrase") << QStringLiteral("passphrase:") + kNewPassphrase << 1 << false;
    QTest::addRow("new passphrase, killed after the commit")
        << QStringLiteral("passphrase") << QStringLiteral("passphrase:") + kNewPassphrase << 2 << true;
    QTest::addRow("into the keychain, killed before the commit")
        << QStringLiteral("passphrase") << QStringLiteral("keychain") << 1 << false;
    QTest::addRow("out of the keychain, killed before the commit")
        << QStringLiteral("keychain") << QStringLiteral("passphrase:") + kNewPassphrase << 1 << false;
    QTest::addRow("out of the keychain, killed before forgetting the old entry")
        << QStringLiteral("keychain") << QStringLiteral("passphrase:") + kNewPassphrase << 2 << true;
}

void TestWorkspaceKey::reprotectKilledHalfWay()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, step);
    QFETCH(bool, newKeyOpens);
    const bool fromKeychain = from == QLatin1String("keychain");
    if ((fromKeychain || to == QLatin1String("keychain")) && !m_keychain)
        QSKIP("no OS keychain");
    {
        auto workspace = newWorkspace(fromKeychain ? WorkspaceProtection::keychain()
                                                   : WorkspaceProtection::withPassphrase(kPassphrase));
        QVERIFY(workspace);
    }

    QProcess child;
    child.setProgram(QStringLiteral(WORKSPACE_REKEY_CHILD));
    child.setArguments({path(), fromKeychain ? QStringLiteral("-") : kPassphrase, to, QString::number(step)});
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start();
    QVERIFY(child.waitForFinished(60000));
    const QByteArray output = child.readAllStandardOutput();
    QVERIFY2(output.contains("KILLED AT " + QByteArray::number(step)), output.constData());
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    auto workspace = Store::Workspace::open(path(), Store::Workspace::OpenMode::OpenExisting);
    QVERIFY2(workspace, workspace ? "" : qPrintable(workspace.error().message()));
    const QString oldPassphrase = fromKeychain ? QString() : kPassphrase;
    const QString newPassphrase = to.startsWith(QLatin1String("passphrase:")) ? kNewPassphrase : QString();
    auto unlocked = WorkspaceKey::unlock(**workspace, newKeyOpens ? newPassphrase : oldPassphrase);
    QVERIFY2(unlocked, unlocked ? "" : qPrintable(unlocked.error().message()));
    (*workspace)->keys().setSealer(unlocked->sealer);
    QCOMPARE(
        (*workspace)->identities().deviceSecret(QStringLiteral("a1Real"), QStringLiteral("meter-1")).value(),
        kSecret);
    // The file holds the record of the side the kill left it on: the old one until the commit.
    const bool toKeychain = newPassphrase.isEmpty();
    const bool inKeychain = newKeyOpens ? toKeychain : fromKeychain;
    QCOMPARE(Store::KeyRecord::fromBytes((*workspace)->keys().record().value())->mode,
             inKeychain ? Store::KeyRecord::Mode::Keychain : Store::KeyRecord::Mode::Passphrase);
    if (!newKeyOpens && !fromKeychain && !toKeychain)
        QVERIFY(!WorkspaceKey::unlock(**workspace, newPassphrase));
    TestSupport::verifyStrongKeyRecord((*workspace)->keys().record().value());
    TestSupport::verifyNoPlainSecrets(path(), {kSecret});
    // Tidy the keychain: the entry the child wrote or left.
    const auto record = Store::KeyRecord::fromBytes((*workspace)->keys().record().value()).value();
    Store::KeyRecord keychainRecord = record;
    keychainRecord.mode = Store::KeyRecord::Mode::Keychain;
    keychainRecord.kdf.clear();
    keychainRecord.salt.clear();
    keychainRecord.iterations = 0;
    keychainRecord.wrappedKey.clear();
    Store::KeyVault::forget(keychainRecord);
}

void TestWorkspaceKey::teamKeyOnPostgres()
{
    TestSupport::PostgresFixture server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    auto openShared = [&] {
        auto opened =
            Store::Workspace::open(server.url(), Store::Workspace::OpenMode::CreateOrOpen, server.password());
        return opened ? std::move(opened).value() : nullptr;
    };
    const QString passphrase = QStringLiteral("the support team's passphrase");
    auto first = openShared();
    QVERIFY(first);
    // One computer's keychain would lock every other console out: a shared workspace takes a team passphrase.
    const auto refused = WorkspaceKey::create(*first, WorkspaceProtection::keychain());
    QVERIFY(!refused);
    QVERIFY2(refused.error().message().contains(QStringLiteral("team passphrase")),
             qPrintable(refused.error().message()));
    const auto created = WorkspaceKey::create(*first, WorkspaceProtection::withPassphrase(passphrase));
    QVERIFY2(created, created ? "" : qPrintable(created.error().message()));
    first->keys().setSealer(created->sealer);
    QVERIFY(first->identities().addDevice({QStringLiteral("pk1"), QStringLiteral("lamp-1")}, "team-secret"));
    // The keychain entry is named by the database URL, which carries no password.
    QVERIFY(!Store::KeyVault::teamKeychainEntry(first->path()).contains(server.password()));
    Store::KeyVault::forgetTeamKey(first->path());

    // Another console: without the passphrase (and nothing kept in its keychain) it is asked for.
    auto second = openShared();
    QVERIFY(second);
    UnlockFailure failure = UnlockFailure::None;
    QVERIFY(!WorkspaceKey::unlock(*second, QString(), &failure));
    QCOMPARE(failure, UnlockFailure::NeedsPassphrase);
    QVERIFY(!WorkspaceKey::unlock(*second, QStringLiteral("not the passphrase"), &failure));
    QCOMPARE(failure, UnlockFailure::WrongPassphrase);
    const auto unlocked = WorkspaceKey::unlock(*second, passphrase, &failure);
    QVERIFY2(unlocked, unlocked ? "" : qPrintable(unlocked.error().message()));
    second->keys().setSealer(unlocked->sealer);
    QCOMPARE(second->identities().deviceSecret(QStringLiteral("pk1"), QStringLiteral("lamp-1")).value(),
             QByteArray("team-secret"));
    if (!m_keychain)
        QSKIP("no OS keychain: keeping the team key after the first unlock is not checked");
    // The first unlock kept the key in this computer's keychain: the next opens without the passphrase.
    auto third = openShared();
    QVERIFY(third);
    const auto remembered = WorkspaceKey::unlock(*third, QString(), &failure);
    QVERIFY2(remembered, remembered ? "" : qPrintable(remembered.error().message()));
    QCOMPARE(remembered->kind, WorkspaceProtection::Kind::Passphrase);
    third->keys().setSealer(remembered->sealer);
    QCOMPARE(third->identities().deviceSecret(QStringLiteral("pk1"), QStringLiteral("lamp-1")).value(),
             QByteArray("team-secret"));
    Store::KeyVault::forgetTeamKey(third->path());
    QVERIFY(!WorkspaceKey::unlock(*third, QString(), &failure));
    QCOMPARE(failure, UnlockFailure::NeedsPassphrase);
}

QTEST_GUILESS_MAIN(TestWorkspaceKey)
#include "TestWorkspaceKey.moc"
