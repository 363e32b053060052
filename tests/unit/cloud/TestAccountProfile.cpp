// AccountProfile: saved in the workspace's settings in one value, the AccessKey Secret sealed with the
// workspace key (never in plain text in the file or its -wal), unreadable and unchangeable while locked,
// default endpoints, and field-named errors.
#include "cloud/AccountProfile.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"
#include "store/secrets/WipedBytes.h"
#include "support/WorkspaceChecks.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using Cloud::AccountProfile;

namespace {

const QByteArray kSecret = "AkSecret-Qx7bN2vLm9pRt4wYz";

AccountProfile sampleProfile()
{
    AccountProfile profile;
    profile.regionId = QStringLiteral("cn-shanghai");
    profile.instanceId = QStringLiteral("iot-06z00ax1o4ly");
    profile.accessKeyId = QStringLiteral("LTAI5tAccountKeyId");
    profile.consumerGroupId = QStringLiteral("DEFAULT_GROUP");
    return profile;
}

} // namespace

class TestAccountProfile : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void noProfileYet();
    void savesAndLoads();
    void secretIsSealed();
    void lockedWorkspaceKeepsTheSecretClosed();
    void keepsTheStoredSecretWhenNoneIsGiven();
    void sealedSecretDoesNotOpenInAnotherWorkspace();
    void defaultEndpoints();
    void validation_data();
    void validation();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Store::Workspace> m_workspace;
};

void TestAccountProfile::init()
{
    m_path =
        m_dir.filePath(QStringLiteral("%1.configdeck").arg(QLatin1StringView(QTest::currentTestFunction())));
    QFile::remove(m_path);
    auto opened = Store::Workspace::open(m_path);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
    m_workspace = std::move(opened).value();
    m_workspace->keys().setSealer(std::make_shared<Store::SecretSealer>(Store::SecretSealer::randomKey()));
}

void TestAccountProfile::cleanup()
{
    m_workspace.reset();
}

void TestAccountProfile::noProfileYet()
{
    const auto loaded = AccountProfile::load(*m_workspace);
    QVERIFY(loaded);
    QVERIFY(!loaded->has_value());
    const auto secret = AccountProfile::openSecret(*m_workspace);
    QVERIFY(!secret);
    QVERIFY2(secret.error().message().contains(QLatin1String("No AccessKey Secret")),
             qPrintable(secret.error().message()));
}

void TestAccountProfile::savesAndLoads()
{
    AccountProfile profile = sampleProfile();
    profile.openApiUrl = QStringLiteral("https://127.0.0.1:8443");
    profile.amqpHost = QStringLiteral("localhost");
    profile.amqpPort = 15671;
    profile.caFile = QStringLiteral("/tmp/ca.pem");
    QVERIFY(AccountProfile::save(*m_workspace, profile, QByteArrayView(kSecret)));
    const auto loaded = AccountProfile::load(*m_workspace);
    QVERIFY(loaded && loaded->has_value());
    QVERIFY((*loaded)->hasSecret);
    AccountProfile expected = profile;
    expected.hasSecret = true;
    QCOMPARE(**loaded, expected);
    const auto secret = AccountProfile::openSecret(*m_workspace);
    QVERIFY2(secret, secret ? "" : qPrintable(secret.error().message()));
    QCOMPARE((*secret)->view(), QByteArrayView(kSecret));
    // The profile's JSON form never carries the secret.
    QVERIFY(!QJsonDocument(profile.toJson()).toJson().contains(kSecret));
}

void TestAccountProfile::secretIsSealed()
{
    QVERIFY(AccountProfile::save(*m_workspace, sampleProfile(), QByteArrayView(kSecret)));
    const auto stored = m_workspace->settings().value(AccountProfile::kSettingKey);
    QVERIFY(stored);
    QVERIFY(!stored->toUtf8().contains(kSecret));
    QVERIFY(!QByteArray::fromBase64(stored->toUtf8()).contains(kSecret));
    TestSupport::verifyNoPlainSecrets(m_path, {kSecret, kSecret.toBase64()});
}

void TestAccountProfile::lockedWorkspaceKeepsTheSecretClosed()
{
    QVERIFY(AccountProfile::save(*m_workspace, sampleProfile(), QByteArrayView(kSecret)));
    m_workspace->keys().setSealer(nullptr);
    const auto loaded = AccountProfile::load(*m_workspace);
    QVERIFY(loaded && loaded->has_value());
    QCOMPARE((*loaded)->accessKeyId, sampleProfile().accessKeyId);
    QVERIFY(!AccountProfile::openSecret(*m_workspace));
    const auto written = AccountProfile::save(*m_workspace, sampleProfile(), QByteArrayView("other"));
    QVERIFY(!written);
    QCOMPARE(written.error().message(), Store::KeyStore::lockedError().message());
    // Changing the rest of the profile while locked keeps the sealed secret.
    AccountProfile changed = sampleProfile();
    changed.consumerGroupId = QStringLiteral("cg-2");
    QVERIFY(AccountProfile::save(*m_workspace, changed, std::nullopt));
    QVERIFY((*AccountProfile::load(*m_workspace))->hasSecret);
}

void TestAccountProfile::keepsTheStoredSecretWhenNoneIsGiven()
{
    QVERIFY(AccountProfile::save(*m_workspace, sampleProfile(), QByteArrayView(kSecret)));
    AccountProfile changed = sampleProfile();
    changed.regionId = QStringLiteral("ap-southeast-1");
    QVERIFY(AccountProfile::save(*m_workspace, changed, std::nullopt));
    const auto secret = AccountProfile::openSecret(*m_workspace);
    QVERIFY(secret);
    QCOMPARE((*secret)->view(), QByteArrayView(kSecret));
    QCOMPARE((*AccountProfile::load(*m_workspace))->regionId, QStringLiteral("ap-southeast-1"));
    QVERIFY(AccountProfile::remove(*m_workspace));
    QVERIFY(!AccountProfile::load(*m_workspace)->has_value());
}

void TestAccountProfile::sealedSecretDoesNotOpenInAnotherWorkspace()
{
    QVERIFY(AccountProfile::save(*m_workspace, sampleProfile(), QByteArrayView(kSecret)));
    const auto stored = m_workspace->settings().value(AccountProfile::kSettingKey);
    const auto sealer = m_workspace->keys().sealer();
    auto other = Store::Workspace::open(m_dir.filePath(QStringLiteral("other.configdeck")));
    QVERIFY(other);
    (*other)->keys().setSealer(sealer); // even under the same key
    QVERIFY((*other)->settings().setValue(AccountProfile::kSettingKey, *stored));
    const auto secret = AccountProfile::openSecret(**other);
    QVERIFY(!secret);
    QVERIFY2(secret.error().message().contains(QLatin1String("enter it again")),
             qPrintable(secret.error().message()));
}

void TestAccountProfile::defaultEndpoints()
{
    AccountProfile profile = sampleProfile();
    QCOMPARE(profile.effectiveOpenApiUrl(), QUrl(QStringLiteral("https://iot.cn-shanghai.aliyuncs.com")));
    QCOMPARE(profile.effectiveAmqpHost(), QStringLiteral("iot-06z00ax1o4ly.amqp.iothub.aliyuncs.com"));
    QCOMPARE(profile.effectiveAmqpPort(), quint16(5671));
    profile.instanceId.clear();
    profile.accountUid = QStringLiteral("1234567890123456");
    QCOMPARE(profile.effectiveAmqpHost(),
             QStringLiteral("1234567890123456.iot-amqp.cn-shanghai.aliyuncs.com"));
    profile.openApiUrl = QStringLiteral("https://localhost:9443");
    profile.amqpHost = QStringLiteral("localhost");
    profile.amqpPort = 5672;
    QCOMPARE(profile.effectiveOpenApiUrl(), QUrl(QStringLiteral("https://localhost:9443")));
    QCOMPARE(profile.effectiveAmqpHost(), QStringLiteral("localhost"));
    QCOMPARE(profile.effectiveAmqpPort(), quint16(5672));
}

void TestAccountProfile::validation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");
    QTest::addRow("no region") << QStringLiteral("regionId") << QString() << QStringLiteral("regionId");
    QTest::addRow("region with capitals")
        << QStringLiteral("regionId") << QStringLiteral("CN-Shanghai") << QStringLiteral("regionId");
    QTest::addRow("instance with a dot")
        << QStringLiteral("instanceId") << QStringLiteral("iot.1") << QStringLiteral("instanceId");
    QTest::addRow("no AccessKey ID") << QStringLiteral("accessKeyId") << QString()
                                     << QStringLiteral("accessKeyId");
    QTest::addRow("AccessKey ID with a space")
        << QStringLiteral("accessKeyId") << QStringLiteral("LTAI 5t") << QStringLiteral("accessKeyId");
    QTest::addRow("OpenAPI address not http")
        << QStringLiteral("openApiUrl") << QStringLiteral("ftp://x") << QStringLiteral("openApiUrl");
}

void TestAccountProfile::validation()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, error);
    QJsonObject object = sampleProfile().toJson();
    object.insert(field, value);
    const auto profile = AccountProfile::fromJson(object);
    QVERIFY(profile);
    const auto problem = profile->validate();
    QVERIFY(problem);
    QCOMPARE(problem->field, error);
    const auto saved = AccountProfile::save(*m_workspace, *profile, QByteArrayView(kSecret));
    QVERIFY(!saved);
    QVERIFY(!AccountProfile::load(*m_workspace)->has_value()); // nothing written
}

QTEST_GUILESS_MAIN(TestAccountProfile)
#include "TestAccountProfile.moc"
