// The file servers' URL-signing key of a workspace: made once, stored sealed (never in plain text), the same
// for every handle and every process that opens the workspace, none for a locked workspace. Runs on SQLite,
// and on PostgreSQL with CONFIGDECK_TEST_WORKSPACE_BACKEND=postgresql.
#include "StoreTestSupport.h"
#include "session/UrlSigningKey.h"
#include "store/secrets/SecretSealer.h"
#include "support/WorkspaceChecks.h"
#include "transfer/FileServer.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace ConfigDeck;
using Session::UrlSigningKey;

class TestUrlSigningKey : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void storedSealedAndTheSameForEveryHandle();
    void processesStartingTogetherEndWithOneKey();
    void lockedWorkspaceKeepsTheServersOwnKey();
    void otherWorkspaceHasAnotherKeyAndCannotOpenThisOne();
    void fileServerSignsWithTheWorkspacesKey();

private:
    // A handle on the test workspace at `name`, unlocked with `m_sealer` (one key, as every console's
    // unlock of the same workspace gives).
    std::unique_ptr<Store::Workspace> open(const QString& name = QStringLiteral("fleet.configdeck"));

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<const Store::SecretSealer> m_sealer;
};

void TestUrlSigningKey::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_sealer = std::make_shared<const Store::SecretSealer>(Store::SecretSealer::randomKey());
}

std::unique_ptr<Store::Workspace> TestUrlSigningKey::open(const QString& name)
{
    auto opened = openTestWorkspace(m_dir->filePath(name));
    if (!opened) {
        qWarning("cannot open the workspace: %s", qPrintable(opened.error().message()));
        return nullptr;
    }
    (*opened)->keys().setSealer(m_sealer);
    return std::move(*opened);
}

void TestUrlSigningKey::storedSealedAndTheSameForEveryHandle()
{
    auto first = open();
    QVERIFY(first);
    const auto made = UrlSigningKey::loadOrCreate(*first);
    STORE_VERIFY(made);
    QCOMPARE(made->secret.size(), Store::SecretSealer::kKeySize);
    QVERIFY(made->accessKeyId.startsWith(QLatin1StringView("LTAI")));

    // Loaded again, and through another handle (another console or process): the same key.
    const auto again = UrlSigningKey::loadOrCreate(*first);
    STORE_VERIFY(again);
    auto second = open();
    QVERIFY(second);
    const auto other = UrlSigningKey::loadOrCreate(*second);
    STORE_VERIFY(other);
    for (const auto* key : {&*again, &*other}) {
        QCOMPARE(key->accessKeyId, made->accessKeyId);
        QCOMPARE(key->secret, made->secret);
    }

    // What is stored is sealed: the key is in no column, in no spelling.
    const QString stored = storedValue(first->settings().value(UrlSigningKey::kSettingKey));
    QVERIFY(stored.contains(made->accessKeyId));
    const QList<QByteArray> spellings{made->secret, made->secret.toHex(), made->secret.toHex().toUpper(),
                                      made->secret.toBase64(),
                                      made->secret.toBase64(QByteArray::Base64UrlEncoding)};
    for (const QByteArray& spelling : spellings)
        QVERIFY2(!stored.toUtf8().contains(spelling), qPrintable(stored));
    first.reset();
    second.reset();
    if (TestSupport::workspaceBackendIsPostgres()) {
        DirectConnection direct(m_dir->filePath(QStringLiteral("fleet.configdeck")));
        QVERIFY(TestSupport::verifyNoPlainSecretsInDatabase(direct.database(), spellings) > 0);
    } else {
        TestSupport::verifyNoPlainSecrets(m_dir->filePath(QStringLiteral("fleet.configdeck")), spellings);
    }
}

void TestUrlSigningKey::processesStartingTogetherEndWithOneKey()
{
    // Each thread opens its own handle (a connection of its own, as a process has) and they make the key at
    // the same moment: every one must end with the same key, the first one's, none overwriting it.
    constexpr int kStarters = 6;
    {
        auto made = open(); // the workspace exists (schema made) before they race for the key
        QVERIFY(made);
    }
    std::vector<Alink::Expected<UrlSigningKey>> keys(kStarters, Alink::AlinkError{});
    std::vector<std::unique_ptr<QThread>> threads;
    std::atomic<int> ready{0};
    for (int i = 0; i < kStarters; ++i) {
        threads.emplace_back(QThread::create([this, i, &keys, &ready] {
            auto workspace = open();
            if (!workspace)
                return;
            ++ready;
            while (ready.load() < kStarters) // start together
                QThread::yieldCurrentThread();
            keys[size_t(i)] = UrlSigningKey::loadOrCreate(*workspace);
        }));
        threads.back()->start();
    }
    for (const auto& thread : threads)
        QVERIFY(thread->wait(60000));
    for (const auto& key : keys) {
        STORE_VERIFY(key);
        QCOMPARE(key->accessKeyId, keys.front()->accessKeyId);
        QCOMPARE(key->secret, keys.front()->secret);
    }
    auto workspace = open();
    QVERIFY(workspace);
    const auto stored = UrlSigningKey::loadOrCreate(*workspace);
    STORE_VERIFY(stored);
    QCOMPARE(stored->accessKeyId, keys.front()->accessKeyId);
}

void TestUrlSigningKey::lockedWorkspaceKeepsTheServersOwnKey()
{
    auto workspace = open();
    QVERIFY(workspace);
    workspace->keys().setSealer(nullptr);
    const auto refused = UrlSigningKey::loadOrCreate(*workspace);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message().contains(QStringLiteral("locked")),
             qPrintable(refused.error().message()));
    QCOMPARE(storedValue(workspace->settings().value(UrlSigningKey::kSettingKey)), QString());

    Transfer::FileServer server([](const QString&) { return std::optional<QByteArray>(); });
    const QString ownId = server.accessKeyId();
    const QString ownSignature = server.signature(QString(64, u'a'), QStringLiteral("c.json"), 2000000000);
    const auto warning = UrlSigningKey::applyTo(server, *workspace);
    QVERIFY(warning);
    QVERIFY2(warning->contains(QStringLiteral("key of its own")), qPrintable(*warning));
    QCOMPARE(server.accessKeyId(), ownId);
    QCOMPARE(server.signature(QString(64, u'a'), QStringLiteral("c.json"), 2000000000), ownSignature);
}

void TestUrlSigningKey::otherWorkspaceHasAnotherKeyAndCannotOpenThisOne()
{
    auto fleet = open();
    auto lab = open(QStringLiteral("lab.configdeck"));
    QVERIFY(fleet && lab);
    const auto fleetKey = UrlSigningKey::loadOrCreate(*fleet);
    STORE_VERIFY(fleetKey);
    const auto labKey = UrlSigningKey::loadOrCreate(*lab);
    STORE_VERIFY(labKey);
    QVERIFY(fleetKey->accessKeyId != labKey->accessKeyId);
    QVERIFY(fleetKey->secret != labKey->secret);

    // The sealed value is bound to its workspace: copied into another (even under the same workspace key)
    // it does not open, and nothing falls back to another key.
    auto copy = open(QStringLiteral("copy.configdeck"));
    QVERIFY(copy);
    STORE_VERIFY(copy->settings().setValue(UrlSigningKey::kSettingKey,
                                           storedValue(fleet->settings().value(UrlSigningKey::kSettingKey))));
    const auto copied = UrlSigningKey::loadOrCreate(*copy);
    QVERIFY(!copied);
    QVERIFY2(copied.error().message().contains(QStringLiteral("Cannot open")),
             qPrintable(copied.error().message()));
}

void TestUrlSigningKey::fileServerSignsWithTheWorkspacesKey()
{
    auto first = open();
    auto second = open();
    QVERIFY(first && second);
    const auto source = [](const QString&) { return std::optional<QByteArray>(); };
    Transfer::FileServer serverA(source);
    Transfer::FileServer serverB(source);
    QVERIFY(serverA.accessKeyId() != serverB.accessKeyId());
    QVERIFY(!UrlSigningKey::applyTo(serverA, *first));
    QVERIFY(!UrlSigningKey::applyTo(serverB, *second));
    QCOMPARE(serverA.accessKeyId(), serverB.accessKeyId());
    const QString sha(64, u'b');
    QCOMPARE(serverA.signature(sha, QStringLiteral("config.json"), 2000000000),
             serverB.signature(sha, QStringLiteral("config.json"), 2000000000));
}

QTEST_GUILESS_MAIN(TestUrlSigningKey)
#include "TestUrlSigningKey.moc"
