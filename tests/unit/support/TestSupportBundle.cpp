#include "BuildInfo.h"
#include "alink/ReplyCodeCatalog.h"
#include "cloud/AccountProfile.h"
#include "session/SessionSettings.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"
#include "support/SupportBundle.h"
#include "support/ZipReader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ConfigDeck;
using namespace ConfigDeck::Store;
using ConfigDeck::Support::SupportBundle;
using ConfigDeck::TestSupport::readZip;

#define CHECK_OK(expression)                                                                                 \
    do {                                                                                                     \
        const auto result_ = (expression);                                                                   \
        QVERIFY2(bool(result_), bool(result_) ? "" : qPrintable(result_.error().message()));                 \
    } while (false)

namespace {

const QByteArray kSecretA1 = "a1SecretOfDeviceOne0123456789abc";
const QByteArray kSecretA2 = "a2SecretOfDeviceTwo0123456789abc";
const QByteArray kSecretB1 = "b1SecretOfDeviceThree0123456789a";
const QByteArray kSecretOther = "xxSecretOfAnUnchosenDevice012345";
const QByteArray kUrlSignature = "Zm9vYmFyU2lnbmF0dXJl";   // the pre-signed URL's Signature value
const QByteArray kEscapedSignature = "EscapedSigValue777"; // in a truncated payload with JSON escapes
const QByteArray kWifiPassword = "hunter2-wifi-pass";
const QByteArray kBrokerPassword = "brokerPassw0rd!";
const QByteArray kAccessKeySecret = "AccountAkSecret-7Hq2mZ";
const QString kAccessKeyId = QStringLiteral("LTAI5tBundleAccessKey");

QByteArray versionV1()
{
    return "{\n  \"interval\": 10,\n  \"server\": \"https://telemetry.example.com/in\",\n"
           "  \"wifi\": {\n    \"ssid\": \"plant-3\",\n    \"password\": \"hunter2-wifi-pass\"\n  }\n}\n";
}

QByteArray versionV2()
{
    return "{\n  \"interval\": 20,\n  \"server\": \"https://telemetry.example.com/in\",\n"
           "  \"wifi\": {\n    \"ssid\": \"plant-3\",\n    \"password\": \"hunter2-wifi-pass\"\n  }\n}\n";
}

QList<QJsonObject> jsonLines(const QByteArray& text)
{
    QList<QJsonObject> lines;
    for (const QByteArray& line : text.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError)
            qWarning() << "not JSON:" << line << error.errorString();
        lines << document.object();
    }
    return lines;
}

} // namespace

class TestSupportBundle : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void writesEveryEntry();
    void secretsAppearNowhere();
    void messagesAreBoundedPerDevice();
    void lockedWorkspaceStillWritesAndSays();
    void unknownDeviceWritesNothing();
    void noDeviceWritesNothing();
    void unwritablePathWritesNothing_data();
    void unwritablePathWritesNothing();
    void replacesAnExistingFile();

private:
    QString bundlePath() const { return m_dir->filePath(QStringLiteral("out/bundle.zip")); }
    QList<Alink::DeviceKey> chosen() const
    {
        return {{QStringLiteral("pkAlpha"), QStringLiteral("dev1")},
                {QStringLiteral("pkAlpha"), QStringLiteral("dev2")},
                {QStringLiteral("pkBeta"), QStringLiteral("dev3")}};
    }
    QMap<QString, QByteArray> writeAndRead(const SupportBundle::Options& options = {});
    QStringList filesIn(const QString& dir) const
    {
        return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    QString m_v1;
    QString m_v2;
    QString m_draft;
    QString m_downloaded;
    QString m_beta;
    SupportBundle::Summary m_summary;
};

void TestSupportBundle::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("out")));
    auto opened = Workspace::open(m_dir->filePath(QStringLiteral("fleet.cdws")));
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
    m_workspace = std::move(opened).value();
    m_workspace->keys().setSealer(std::make_shared<SecretSealer>(SecretSealer::randomKey()));

    CHECK_OK(m_workspace->identities().upsertProduct(
        {QStringLiteral("pkAlpha"), QStringLiteral("Thermostat"), QStringLiteral("cn-shanghai"), true}));
    CHECK_OK(m_workspace->identities().upsertProduct(
        {QStringLiteral("pkBeta"), QStringLiteral("Gateway"), QStringLiteral("cn-beijing"), true}));
    CHECK_OK(m_workspace->identities().addDevice({QStringLiteral("pkAlpha"),
                                                  QStringLiteral("dev1"),
                                                  QStringLiteral("boiler room"),
                                                  {QStringLiteral("floor-1")},
                                                  false},
                                                 kSecretA1));
    CHECK_OK(m_workspace->identities().addDevice(
        {QStringLiteral("pkAlpha"), QStringLiteral("dev2"), {}, {}, false}, kSecretA2));
    CHECK_OK(m_workspace->identities().addDevice(
        {QStringLiteral("pkAlpha"), QStringLiteral("other"), {}, {}, false}, kSecretOther));
    CHECK_OK(m_workspace->identities().addDevice(
        {QStringLiteral("pkBeta"), QStringLiteral("dev3"), {}, {}, false}, kSecretB1));

    Cloud::AccountProfile account;
    account.regionId = QStringLiteral("cn-shanghai");
    account.accessKeyId = kAccessKeyId;
    account.consumerGroupId = QStringLiteral("DEFAULT_GROUP");
    CHECK_OK(Cloud::AccountProfile::save(*m_workspace, account, QByteArrayView(kAccessKeySecret)));

    // Versions: two pushed, one draft never sent (left out), one downloaded (sent over the wire).
    auto v1 = m_workspace->versions().add(versionV1(), QStringLiteral("pkAlpha"), QStringLiteral("first"),
                                          ConfigOrigin::Pushed);
    CHECK_OK(v1);
    m_v1 = *v1;
    QTest::qWait(5); // distinct creation times keep the order
    auto draft = m_workspace->versions().add("{\"interval\": 99}\n", QStringLiteral("pkAlpha"),
                                             QStringLiteral("draft"), ConfigOrigin::Edited);
    CHECK_OK(draft);
    m_draft = *draft;
    QTest::qWait(5);
    auto v2 = m_workspace->versions().add(versionV2(), QStringLiteral("pkAlpha"), QStringLiteral("second"),
                                          ConfigOrigin::Pushed);
    CHECK_OK(v2);
    m_v2 = *v2;
    QTest::qWait(5);
    auto downloaded =
        m_workspace->versions().add("mode=eco\ntoken = abc-token-value\n", QStringLiteral("pkAlpha"),
                                    QStringLiteral("from cloud"), ConfigOrigin::Downloaded);
    CHECK_OK(downloaded);
    m_downloaded = *downloaded;
    auto beta = m_workspace->versions().add("{\"gateway\": true}\n", QStringLiteral("pkBeta"), QString(),
                                            ConfigOrigin::Edited);
    CHECK_OK(beta);
    m_beta = *beta;
    CHECK_OK(m_workspace->versions().setPublished(QStringLiteral("pkAlpha"), m_v2));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    DeviceStateUpdate s1{QStringLiteral("pkAlpha"), QStringLiteral("dev1")};
    s1.configId = QStringLiteral("cfg-1");
    s1.sha256 = m_v1;
    s1.state = ConfigState::Applied;
    s1.lastReplyCode = 200;
    s1.replySource = Alink::ReplySource::Device;
    s1.lastMessageTime = now;
    s1.online = true;
    DeviceStateUpdate s2{QStringLiteral("pkAlpha"), QStringLiteral("dev2")};
    s2.configId = QStringLiteral("cfg-2");
    s2.sha256 = m_v2;
    s2.state = ConfigState::Failed;
    s2.lastReplyCode = int(Alink::ReplyCodeCatalog::SignMismatch);
    s2.replySource = Alink::ReplySource::Device;
    s2.lastMessageTime = now;
    // dev3 holds the unpublished beta draft: held versions are always included.
    DeviceStateUpdate s3{QStringLiteral("pkBeta"), QStringLiteral("dev3")};
    s3.sha256 = m_beta;
    s3.state = ConfigState::Verified;
    // Before v1, dev1 held the downloaded version: its history has both.
    DeviceStateUpdate earlier{QStringLiteral("pkAlpha"), QStringLiteral("dev1")};
    earlier.configId = QStringLiteral("cfg-0");
    earlier.sha256 = m_downloaded;
    earlier.state = ConfigState::Verified;
    earlier.lastMessageTime = now.addSecs(-3600);
    CHECK_OK(m_workspace->deviceStates().apply({earlier}));
    CHECK_OK(m_workspace->deviceStates().apply({s1, s2, s3}));

    const QString url = QStringLiteral("https://127.0.0.1:8443/config/%1/config.json?Expires=1700000000&"
                                       "OSSAccessKeyId=configdeck&Signature=%2")
                            .arg(m_v1, QString::fromLatin1(kUrlSignature));
    const QString pushTopic = QStringLiteral("/sys/pkAlpha/dev1/thing/config/push");
    QList<MessageLogEntry> messages;
    auto message = [&](const QString& device, MessageDirection direction, const QString& topic,
                       const QByteArray& payload, std::optional<int> code, int secondsAgo) {
        MessageLogEntry entry;
        entry.time = now.addSecs(-secondsAgo);
        entry.productKey =
            device == QLatin1String("dev3") ? QStringLiteral("pkBeta") : QStringLiteral("pkAlpha");
        entry.deviceName = device;
        entry.direction = direction;
        entry.topic = topic;
        entry.messageId = QString::number(messages.size() + 1);
        entry.code = code;
        entry.payload = payload;
        messages << entry;
    };
    message(
        QStringLiteral("dev1"), MessageDirection::Out, pushTopic,
        QStringLiteral("{\"id\":\"1\",\"version\":\"1.0\",\"method\":\"thing.config.push\",\"params\":{"
                       "\"configId\":\"cfg-1\",\"configSize\":%1,\"sign\":\"%2\",\"signMethod\":\"Sha256\","
                       "\"url\":\"%3\",\"getType\":\"file\"}}")
            .arg(versionV1().size())
            .arg(m_v1, url)
            .toUtf8(),
        std::nullopt, 50);
    message(QStringLiteral("dev1"), MessageDirection::In,
            QStringLiteral("/sys/pkAlpha/dev1/thing/config/push_reply"),
            "{\"id\":\"1\",\"code\":200,\"data\":{}}", 200, 40);
    // Firmware that echoes its own secret (it never should) and a password field.
    message(QStringLiteral("dev1"), MessageDirection::In,
            QStringLiteral("/sys/pkAlpha/dev1/thing/event/debug"),
            "{\"id\":\"2\",\"params\":{\"note\":\"my secret is " + kSecretA1 + "\",\"password\":\"" +
                kWifiPassword + "\"}}",
            std::nullopt, 30);
    // A truncated payload (not JSON) with JSON-escaped URL punctuation.
    message(
        QStringLiteral("dev2"), MessageDirection::Out, QStringLiteral("/sys/pkAlpha/dev2/thing/config/push"),
        "{\"id\":\"3\",\"params\":{\"url\":\"https:\\/\\/oss.example.com\\/cfg\\/a.json?Expires=1700000000"
        "\\u0026Signature=" +
            kEscapedSignature + "\\u0026security-token=tok",
        std::nullopt, 20);
    message(QStringLiteral("dev2"), MessageDirection::In,
            QStringLiteral("/sys/pkAlpha/dev2/thing/config/push_reply"),
            "{\"id\":\"3\",\"code\":100003,\"data\":{}}", int(Alink::ReplyCodeCatalog::SignMismatch), 10);
    message(QStringLiteral("other"), MessageDirection::In,
            QStringLiteral("/sys/pkAlpha/other/thing/config/get"), "{\"id\":\"9\",\"params\":{}}",
            std::nullopt, 5);
    message(QStringLiteral("dev3"), MessageDirection::In,
            QStringLiteral("/sys/pkBeta/dev3/thing/config/get_reply"),
            "{\"id\":\"7\",\"code\":6713,\"data\":{}}", 6713, 1);
    messages.last().topic = QStringLiteral("/sys/pkBeta/dev3/thing/config/get_reply");
    CHECK_OK(m_workspace->messageLog().append(messages));

    Session::SessionSettings settings;
    settings.mode = Session::SessionMode::Broker;
    settings.brokerUrl = QStringLiteral("mqtt://broker.example.com:1883");
    settings.username = QStringLiteral("operator");
    settings.password = QString::fromLatin1(kBrokerPassword);
    CHECK_OK(settings.save(*m_workspace));
}

QMap<QString, QByteArray> TestSupportBundle::writeAndRead(const SupportBundle::Options& options)
{
    auto written = SupportBundle::write(*m_workspace, chosen(), bundlePath(), options);
    if (!written) {
        qWarning() << written.error().message();
        return {};
    }
    m_summary = *written;
    QString error;
    const auto entries = readZip(bundlePath(), &error);
    if (!error.isEmpty())
        qWarning() << "reading the bundle:" << error;
    return entries;
}

void TestSupportBundle::writesEveryEntry()
{
    const auto entries = writeAndRead();
    QVERIFY(!entries.isEmpty());
    const QString v1File = m_v1 + QStringLiteral(".json");
    const QString v2File = m_v2 + QStringLiteral(".json");
    const QString downloadedFile = m_downloaded + QStringLiteral(".txt");
    const QStringList expected = {
        QStringLiteral("README.txt"),
        QStringLiteral("devices.json"),
        QStringLiteral("messages.jsonl"),
        QStringLiteral("versions/pkAlpha/") + v1File,
        QStringLiteral("versions/pkAlpha/") + v2File,
        QStringLiteral("versions/pkAlpha/") + downloadedFile,
        QStringLiteral("versions/pkAlpha/index.json"),
        QStringLiteral("diffs/pkAlpha/%1..%2.diff").arg(m_v1.left(12), m_v2.left(12)),
        QStringLiteral("diffs/pkAlpha/%1..%2.diff").arg(m_v2.left(12), m_downloaded.left(12)),
        QStringLiteral("versions/pkBeta/") + m_beta + QStringLiteral(".json"),
        QStringLiteral("versions/pkBeta/index.json"),
        QStringLiteral("settings.json"),
        QStringLiteral("environment.txt"),
    };
    QStringList names = entries.keys();
    QStringList sortedExpected = expected;
    names.sort();
    sortedExpected.sort();
    QCOMPARE(names, sortedExpected);
    QCOMPARE(m_summary.entries.size(), expected.size());
    QCOMPARE(m_summary.entries.first(), QStringLiteral("README.txt"));
    QCOMPARE(m_summary.deviceCount, 3);
    QCOMPARE(m_summary.versionCount, 4);
    QCOMPARE(m_summary.diffCount, 2);
    QCOMPARE(m_summary.messageCount, 6); // all but the unchosen device's
    QCOMPARE(m_summary.bytes, QFileInfo(bundlePath()).size());
    // Two wifi passwords (v1, v2), the downloaded version's token, the push URL's credentials, the echoed
    // secret and password field of the debug event, the truncated payload's URL.
    QCOMPARE(m_summary.redactionCount, 7);
    QVERIFY(m_summary.warnings.isEmpty());
    // Only the bundle itself is left in the folder (no temporary file).
    QCOMPARE(filesIn(m_dir->filePath(QStringLiteral("out"))), QStringList{QStringLiteral("bundle.zip")});

    // README.txt: what, when, which version, which devices, redaction.
    const QString readme = QString::fromUtf8(entries.value(QStringLiteral("README.txt")));
    QVERIFY(readme.contains(QStringLiteral("ConfigDeck support bundle")));
    QVERIFY(readme.contains(QLatin1StringView(BuildInfo::kVersion)));
    QVERIFY(readme.contains(QStringLiteral("pkAlpha/dev1")));
    QVERIFY(readme.contains(QStringLiteral("pkBeta/dev3")));
    QVERIFY(!readme.contains(QStringLiteral("pkAlpha/other")));
    QVERIFY(readme.contains(QStringLiteral("<redacted>")));
    QVERIFY(
        readme.contains(QStringLiteral("Generated %1")
                            .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd")))));

    // devices.json: identity without the secret, state, code and meaning.
    const QJsonArray devices = QJsonDocument::fromJson(entries.value(QStringLiteral("devices.json")))
                                   .object()
                                   .value(QStringLiteral("devices"))
                                   .toArray();
    QCOMPARE(devices.size(), 3);
    const QJsonObject dev1 = devices.at(0).toObject();
    QCOMPARE(dev1.value(QStringLiteral("productKey")).toString(), QStringLiteral("pkAlpha"));
    QCOMPARE(dev1.value(QStringLiteral("deviceName")).toString(), QStringLiteral("dev1"));
    QCOMPARE(dev1.value(QStringLiteral("productName")).toString(), QStringLiteral("Thermostat"));
    QCOMPARE(dev1.value(QStringLiteral("note")).toString(), QStringLiteral("boiler room"));
    QCOMPARE(dev1.value(QStringLiteral("state")).toString(), QStringLiteral("applied"));
    QCOMPARE(dev1.value(QStringLiteral("sha256")).toString(), m_v1);
    QCOMPARE(dev1.value(QStringLiteral("configId")).toString(), QStringLiteral("cfg-1"));
    QCOMPARE(dev1.value(QStringLiteral("configSize")).toInteger(), versionV1().size());
    QCOMPARE(dev1.value(QStringLiteral("hasSecret")).toBool(), true);
    const QJsonArray history = dev1.value(QStringLiteral("heldVersions")).toArray();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).toObject().value(QStringLiteral("sha256")).toString(), m_downloaded);
    QCOMPARE(history.at(0).toObject().value(QStringLiteral("configId")).toString(), QStringLiteral("cfg-0"));
    QCOMPARE(history.at(1).toObject().value(QStringLiteral("sha256")).toString(), m_v1);
    QCOMPARE(dev1.value(QStringLiteral("online")).toBool(), true);
    QCOMPARE(dev1.value(QStringLiteral("lastReplyCode")).toInt(), 200);
    QVERIFY(!dev1.value(QStringLiteral("lastMessageTime")).toString().isEmpty());
    const QJsonObject dev2 = devices.at(1).toObject();
    const auto signMismatch =
        Alink::ReplyCodeCatalog::lookup(Alink::ReplyCodeCatalog::SignMismatch, Alink::ReplySource::Device);
    QCOMPARE(dev2.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(dev2.value(QStringLiteral("lastReplyCode")).toInt(), 100003);
    QCOMPARE(dev2.value(QStringLiteral("lastReplyName")).toString(), QString::fromUtf8(signMismatch.name));
    QCOMPARE(dev2.value(QStringLiteral("lastReplyMeaning")).toString(),
             QString::fromUtf8(signMismatch.meaning));
    QCOMPARE(dev2.value(QStringLiteral("lastReplyCategory")).toString(), QStringLiteral("device-error"));
    for (const QJsonValue& device : devices) {
        for (const QString& key : device.toObject().keys())
            QVERIFY2(!key.contains(QStringLiteral("secret"), Qt::CaseInsensitive) ||
                         key == QLatin1String("hasSecret"),
                     qPrintable(key));
    }

    // messages.jsonl: the chosen devices' messages, oldest first per device, URL credentials redacted.
    const QList<QJsonObject> lines = jsonLines(entries.value(QStringLiteral("messages.jsonl")));
    QCOMPARE(lines.size(), 6);
    QStringList order;
    for (const QJsonObject& line : lines)
        order << line.value(QStringLiteral("deviceName")).toString() + QLatin1Char('#') +
                     line.value(QStringLiteral("messageId")).toString();
    QCOMPARE(order,
             (QStringList{QStringLiteral("dev1#1"), QStringLiteral("dev1#2"), QStringLiteral("dev1#3"),
                          QStringLiteral("dev2#4"), QStringLiteral("dev2#5"), QStringLiteral("dev3#7")}));
    const QJsonObject push = lines.at(0).value(QStringLiteral("payload")).toObject();
    QCOMPARE(push.value(QStringLiteral("params")).toObject().value(QStringLiteral("url")).toString(),
             QStringLiteral("https://127.0.0.1:8443/config/%1/config.json?Expires=1700000000&"
                            "OSSAccessKeyId=<redacted>&Signature=<redacted>")
                 .arg(m_v1));
    // The file's sign (its SHA-256) is not a secret and stays.
    QCOMPARE(push.value(QStringLiteral("params")).toObject().value(QStringLiteral("sign")).toString(), m_v1);
    QCOMPARE(lines.at(0).value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
    QCOMPARE(lines.at(1).value(QStringLiteral("replyCode")).toInt(), 200);
    const QJsonObject debug =
        lines.at(2).value(QStringLiteral("payload")).toObject().value(QStringLiteral("params")).toObject();
    QCOMPARE(debug.value(QStringLiteral("note")).toString(), QStringLiteral("my secret is <redacted>"));
    QCOMPARE(debug.value(QStringLiteral("password")).toString(), QStringLiteral("<redacted>"));
    const QString truncated = lines.at(3).value(QStringLiteral("payloadText")).toString();
    QVERIFY2(truncated.contains(QStringLiteral("https://oss.example.com/cfg/a.json?Expires=1700000000&"
                                               "Signature=<redacted>&security-token=<redacted>")),
             qPrintable(truncated));
    QCOMPARE(lines.at(4).value(QStringLiteral("replyName")).toString(), QString::fromUtf8(signMismatch.name));
    // 6713 on get_reply is the platform's code.
    const auto platform6713 = Alink::ReplyCodeCatalog::lookup(6713, Alink::ReplySource::Platform);
    QCOMPARE(lines.at(5).value(QStringLiteral("replySource")).toString(), QStringLiteral("platform"));
    QCOMPARE(lines.at(5).value(QStringLiteral("replyMeaning")).toString(),
             QString::fromUtf8(platform6713.meaning));

    // versions: the redacted content, everything else byte for byte.
    QByteArray v1Redacted = versionV1();
    v1Redacted.replace(kWifiPassword, "<redacted>");
    QCOMPARE(entries.value(QStringLiteral("versions/pkAlpha/") + v1File), v1Redacted);
    QCOMPARE(entries.value(QStringLiteral("versions/pkAlpha/") + downloadedFile),
             QByteArray("mode=eco\ntoken = <redacted>\n"));
    QCOMPARE(entries.value(QStringLiteral("versions/pkBeta/") + m_beta + QStringLiteral(".json")),
             QByteArray("{\"gateway\": true}\n"));
    const QJsonObject index =
        QJsonDocument::fromJson(entries.value(QStringLiteral("versions/pkAlpha/index.json"))).object();
    QCOMPARE(index.value(QStringLiteral("published")).toString(), m_v2);
    const QJsonArray indexed = index.value(QStringLiteral("versions")).toArray();
    QCOMPARE(indexed.size(), 3);
    QCOMPARE(indexed.at(0).toObject().value(QStringLiteral("sha256")).toString(), m_v1);
    QCOMPARE(indexed.at(0).toObject().value(QStringLiteral("heldBy")).toArray(),
             QJsonArray{QStringLiteral("dev1")});
    QCOMPARE(indexed.at(0).toObject().value(QStringLiteral("redacted")).toBool(), true);
    QCOMPARE(indexed.at(0).toObject().value(QStringLiteral("origin")).toString(), QStringLiteral("pushed"));
    QCOMPARE(indexed.at(1).toObject().value(QStringLiteral("published")).toBool(), true);
    QCOMPARE(indexed.at(2).toObject().value(QStringLiteral("origin")).toString(),
             QStringLiteral("downloaded"));
    QCOMPARE(indexed.at(2).toObject().value(QStringLiteral("heldBy")).toArray(),
             QJsonArray{QStringLiteral("dev1")});
    for (const QJsonValue& item : indexed)
        QVERIFY(item.toObject().value(QStringLiteral("sha256")).toString() != m_draft);

    // diffs: a unified diff of the redacted versions.
    const QByteArray diff =
        entries.value(QStringLiteral("diffs/pkAlpha/%1..%2.diff").arg(m_v1.left(12), m_v2.left(12)));
    QVERIFY2(diff.startsWith("--- a/versions/pkAlpha/" + v1File.toLatin1() + "\n+++ b/versions/pkAlpha/" +
                             v2File.toLatin1() + "\n@@ -1,"),
             diff.constData());
    QVERIFY(diff.contains("\n-  \"interval\": 10,\n+  \"interval\": 20,\n"));

    // settings.json: the session without its password.
    const QJsonObject settings =
        QJsonDocument::fromJson(entries.value(QStringLiteral("settings.json"))).object();
    const QJsonObject session = settings.value(QStringLiteral("session")).toObject();
    QCOMPARE(session.value(QStringLiteral("mode")).toString(), QStringLiteral("broker"));
    QCOMPARE(session.value(QStringLiteral("brokerUrl")).toString(),
             QStringLiteral("mqtt://broker.example.com:1883"));
    QCOMPARE(session.value(QStringLiteral("username")).toString(), QStringLiteral("operator"));
    QCOMPARE(session.value(QStringLiteral("passwordSet")).toBool(), true);
    QVERIFY(!session.contains(QStringLiteral("password")));
    QCOMPARE(
        settings.value(QStringLiteral("published")).toObject().value(QStringLiteral("pkAlpha")).toString(),
        m_v2);
    QCOMPARE(settings.value(QStringLiteral("workspaceId")).toString(), m_workspace->workspaceId());
    // The Alibaba Cloud account: that a secret is stored, never the secret, and the AccessKey ID cut short.
    const QJsonObject account = settings.value(QStringLiteral("alibabaCloudAccount")).toObject();
    QCOMPARE(account.value(QStringLiteral("regionId")).toString(), QStringLiteral("cn-shanghai"));
    QCOMPARE(account.value(QStringLiteral("accessKeySecretStored")).toBool(), true);
    QCOMPARE(account.value(QStringLiteral("accessKeyId")).toString(), QStringLiteral("LTAI…"));

    // environment.txt: OS, Qt, locale, libraries.
    const QString environment = QString::fromUtf8(entries.value(QStringLiteral("environment.txt")));
    QVERIFY(environment.contains(QString::fromLatin1(qVersion())));
    QVERIFY(environment.contains(QSysInfo::kernelType()));
    QVERIFY(environment.contains(QLocale().name()));
    for (const char* library : {"OpenSSL", "libmosquitto", "SQLite", "QtKeychain", "dtl", "libarchive"})
        QVERIFY2(environment.contains(QLatin1StringView(library)), library);
}

void TestSupportBundle::secretsAppearNowhere()
{
    const auto entries = writeAndRead();
    QVERIFY(!entries.isEmpty());
    const QList<QByteArray> forbidden = {kSecretA1,     kSecretA2,        kSecretB1,
                                         kSecretOther,  kUrlSignature,    kEscapedSignature,
                                         kWifiPassword, kBrokerPassword,  "abc-token-value",
                                         "configdeck&", kAccessKeySecret, kAccessKeyId.toLatin1()};
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        for (const QByteArray& secret : forbidden)
            QVERIFY2(!it.value().contains(secret),
                     qPrintable(it.key() + QStringLiteral(" contains ") + QString::fromLatin1(secret)));
    }
    // Nor in the file's raw bytes (entry names, headers, compressed or not).
    QFile file(bundlePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray raw = file.readAll();
    for (const QByteArray& secret : forbidden)
        QVERIFY2(!raw.contains(secret), secret.constData());
}

void TestSupportBundle::messagesAreBoundedPerDevice()
{
    SupportBundle::Options options;
    options.messagesPerDevice = 1;
    const auto entries = writeAndRead(options);
    const QList<QJsonObject> lines = jsonLines(entries.value(QStringLiteral("messages.jsonl")));
    QCOMPARE(lines.size(), 3);
    // The newest message of each device.
    QCOMPARE(lines.at(0).value(QStringLiteral("messageId")).toString(), QStringLiteral("3"));
    QCOMPARE(lines.at(1).value(QStringLiteral("messageId")).toString(), QStringLiteral("5"));
    QCOMPARE(lines.at(2).value(QStringLiteral("messageId")).toString(), QStringLiteral("7"));
    QCOMPARE(m_summary.messageCount, 3);
}

void TestSupportBundle::lockedWorkspaceStillWritesAndSays()
{
    m_workspace->keys().setSealer(nullptr);
    auto written = SupportBundle::write(*m_workspace, chosen(), bundlePath());
    QVERIFY2(written, written ? "" : qPrintable(written.error().message()));
    QCOMPARE(written->warnings.size(), 1);
    QVERIFY(written->warnings.first().contains(QStringLiteral("locked")));
    QString error;
    const auto entries = readZip(bundlePath(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(
        QString::fromUtf8(entries.value(QStringLiteral("README.txt"))).contains(written->warnings.first()));
    // The URL signature and the password fields are still redacted without the secrets.
    for (const QByteArray& data : entries) {
        QVERIFY(!data.contains(kUrlSignature));
        QVERIFY(!data.contains(kWifiPassword));
    }
}

void TestSupportBundle::unknownDeviceWritesNothing()
{
    QList<Alink::DeviceKey> devices = chosen();
    devices << Alink::DeviceKey{QStringLiteral("pkAlpha"), QStringLiteral("ghost")};
    const auto written = SupportBundle::write(*m_workspace, devices, bundlePath());
    QVERIFY(!written);
    QCOMPARE(written.error().message(),
             QStringLiteral("pkAlpha/ghost: there is no such device in the workspace"));
    QVERIFY(filesIn(m_dir->filePath(QStringLiteral("out"))).isEmpty());
}

void TestSupportBundle::noDeviceWritesNothing()
{
    const auto written = SupportBundle::write(*m_workspace, {}, bundlePath());
    QVERIFY(!written);
    QVERIFY(written.error().message().contains(QStringLiteral("No device")));
    QVERIFY(filesIn(m_dir->filePath(QStringLiteral("out"))).isEmpty());
}

void TestSupportBundle::unwritablePathWritesNothing_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addColumn<QString>("expected");
    QTest::addRow("missing folder") << QStringLiteral("out/missing/bundle.zip")
                                    << QStringLiteral("cannot be written");
    QTest::addRow("under a file") << QStringLiteral("out/plain.txt/bundle.zip")
                                  << QStringLiteral("cannot be written");
    QTest::addRow("a folder") << QStringLiteral("out/folder") << QStringLiteral("it is a folder");
}

void TestSupportBundle::unwritablePathWritesNothing()
{
    QFETCH(QString, relativePath);
    QFETCH(QString, expected);
    const QString out = m_dir->filePath(QStringLiteral("out"));
    QFile plain(out + QStringLiteral("/plain.txt"));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.write("not a folder");
    plain.close();
    QVERIFY(QDir(out).mkdir(QStringLiteral("folder")));
    const QStringList before = filesIn(out);

    const QString path = m_dir->filePath(relativePath);
    const auto written = SupportBundle::write(*m_workspace, chosen(), path);
    QVERIFY(!written);
    QVERIFY2(written.error().message().contains(expected), qPrintable(written.error().message()));
    QVERIFY2(written.error().message().contains(QDir::toNativeSeparators(path)),
             qPrintable(written.error().message()));
    QCOMPARE(filesIn(out), before);
    QVERIFY(QDir(out + QStringLiteral("/folder")).isEmpty());
}

void TestSupportBundle::replacesAnExistingFile()
{
    QFile old(bundlePath());
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("an older file");
    old.close();
    const auto entries = writeAndRead();
    QVERIFY(entries.contains(QStringLiteral("README.txt")));
    QCOMPARE(filesIn(m_dir->filePath(QStringLiteral("out"))), QStringList{QStringLiteral("bundle.zip")});
}

QTEST_GUILESS_MAIN(TestSupportBundle)
#include "TestSupportBundle.moc"
