// CloudProfile: endpoints, ports, keep-alive bounds, field-named errors, the exact CONNECT fields for the
// protocol's vectors, the shipped root certificate, and saving to JSON.
#include "BuildInfo.h"
#include "alink/DeviceCredentials.h"
#include "cloud/CloudProfile.h"
#include "transport/MqttReason.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using Cloud::CloudProfile;

namespace {

// protocol.md's second vector's identity.
const Alink::DeviceIdentity kIdentity{QStringLiteral("a14Xib5kdYd"), QStringLiteral("light1983432"),
                                      QStringLiteral("oLyaKqVxtRvjH284LdhqVgVUx1UPy6zq")};
constexpr qint64 kTimestamp = 1539421321846;

CloudProfile instanceProfile()
{
    CloudProfile profile;
    profile.endpointKind = CloudProfile::EndpointKind::Instance;
    profile.instanceId = QStringLiteral("iot-06z00ax1o4ly");
    return profile;
}

} // namespace

class TestCloudProfile : public QObject
{
    Q_OBJECT

private slots:
    void endpoints();
    void ports_data();
    void ports();
    void keepAlive_data();
    void keepAlive();
    void validateErrors_data();
    void validateErrors();
    void protocolVector();
    void connectOptions_data();
    void connectOptions();
    void plainTcp();
    void userCaFile();
    void badIdentity();
    void bundledRootCa();
    void json();
    void jsonErrors_data();
    void jsonErrors();
    void advice();
};

void TestCloudProfile::endpoints()
{
    CloudProfile region;
    region.endpointKind = CloudProfile::EndpointKind::Region;
    region.regionId = QStringLiteral("cn-shanghai");
    QCOMPARE(region.host(QStringLiteral("a1pk")),
             QStringLiteral("a1pk.iot-as-mqtt.cn-shanghai.aliyuncs.com"));
    QVERIFY(!region.validate());

    const CloudProfile instance = instanceProfile();
    QCOMPARE(instance.host(QStringLiteral("a1pk")),
             QStringLiteral("iot-06z00ax1o4ly.mqtt.iothub.aliyuncs.com"));
    QVERIFY(!instance.validate());

    CloudProfile overridden = instance;
    overridden.hostOverride = QStringLiteral("127.0.0.1");
    overridden.portOverride = 18883;
    QCOMPARE(overridden.host(QStringLiteral("a1pk")), QStringLiteral("127.0.0.1"));
    QCOMPARE(overridden.effectivePort(), quint16(18883));
    QVERIFY(!overridden.validate());
}

void TestCloudProfile::ports_data()
{
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("withCa");
    QTest::addColumn<QString>("errorField"); // empty: valid

    QTest::addRow("1883") << 1883 << false << QString();
    QTest::addRow("443") << 443 << false << QString();
    QTest::addRow("8883 needs the platform's own root") << 8883 << false << QStringLiteral("caFile");
    QTest::addRow("8883 with a CA file") << 8883 << true << QString();
    QTest::addRow("8080") << 8080 << false << QStringLiteral("port");
    QTest::addRow("0") << 0 << false << QStringLiteral("port");
}

void TestCloudProfile::ports()
{
    QFETCH(int, port);
    QFETCH(bool, withCa);
    QFETCH(QString, errorField);
    CloudProfile profile = instanceProfile();
    profile.port = quint16(port);
    if (withCa) {
        const auto bundled = CloudProfile::bundledRootCaPath();
        QVERIFY(bundled);
        profile.caFile = *bundled;
    }
    const auto error = profile.validate();
    if (errorField.isEmpty()) {
        QVERIFY2(!error, error ? qPrintable(error->message()) : "");
    } else {
        QVERIFY(error);
        QCOMPARE(error->field, errorField);
        QVERIFY(error->message().contains(QString::number(port)) || errorField == QLatin1String("caFile"));
    }
    // With a host override (tests, private deployments) any port is taken.
    profile.hostOverride = QStringLiteral("broker.lab");
    profile.portOverride = 8080;
    profile.caFile.clear();
    QVERIFY(!profile.validate());
}

void TestCloudProfile::keepAlive_data()
{
    QTest::addColumn<int>("seconds");
    QTest::addColumn<bool>("valid");
    QTest::addRow("29") << 29 << false;
    QTest::addRow("30") << 30 << true;
    QTest::addRow("60") << 60 << true;
    QTest::addRow("1200") << 1200 << true;
    QTest::addRow("1201") << 1201 << false;
    QTest::addRow("0") << 0 << false;
}

void TestCloudProfile::keepAlive()
{
    QFETCH(int, seconds);
    QFETCH(bool, valid);
    CloudProfile profile = instanceProfile();
    profile.keepAliveSeconds = seconds;
    const auto error = profile.validate();
    QCOMPARE(!error, valid);
    if (error) {
        QCOMPARE(error->field, QStringLiteral("keepAlive"));
        QVERIFY(error->message().contains(QStringLiteral("30-1200")));
        QVERIFY(!profile.connectOptions(kIdentity, kTimestamp));
    } else {
        const auto options = profile.connectOptions(kIdentity, kTimestamp);
        QVERIFY(options);
        QCOMPARE(options->keepAliveSeconds, seconds);
    }
}

void TestCloudProfile::validateErrors_data()
{
    QTest::addColumn<int>("kind"); // 0 region, 1 instance
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("field");

    QTest::addRow("no region") << 0 << QString() << QString() << QString() << QStringLiteral("region");
    QTest::addRow("region with underscore")
        << 0 << QStringLiteral("cn_shanghai") << QString() << QString() << QStringLiteral("region");
    QTest::addRow("region in capitals")
        << 0 << QStringLiteral("CN-SHANGHAI") << QString() << QString() << QStringLiteral("region");
    QTest::addRow("no instance") << 1 << QString() << QString() << QString() << QStringLiteral("instanceId");
    QTest::addRow("instance with a dot")
        << 1 << QStringLiteral("iot.x") << QString() << QString() << QStringLiteral("instanceId");
    QTest::addRow("missing CA file") << 1 << QStringLiteral("iot-1") << QStringLiteral("/nonexistent/ca.pem")
                                     << QString() << QStringLiteral("caFile");
    QTest::addRow("host with a space")
        << 1 << QString() << QString() << QStringLiteral("bad host") << QStringLiteral("host");
}

void TestCloudProfile::validateErrors()
{
    QFETCH(int, kind);
    QFETCH(QString, id);
    QFETCH(QString, caFile);
    QFETCH(QString, host);
    QFETCH(QString, field);
    CloudProfile profile;
    profile.endpointKind =
        kind == 0 ? CloudProfile::EndpointKind::Region : CloudProfile::EndpointKind::Instance;
    (kind == 0 ? profile.regionId : profile.instanceId) = id;
    profile.caFile = caFile;
    profile.hostOverride = host;
    const auto error = profile.validate();
    QVERIFY(error);
    QCOMPARE(error->field, field);
    QVERIFY(!error->reason.isEmpty());
    const auto options = profile.connectOptions(kIdentity, kTimestamp);
    QVERIFY(!options);
    QCOMPARE(options.error().field, field);
}

void TestCloudProfile::protocolVector()
{
    // protocol.md: clientId=SN1928339 with this identity and timestamp, hmacsha1.
    Alink::SignOptions options;
    options.clientId = QStringLiteral("SN1928339");
    options.method = Alink::MqttSignMethod::HmacSha1;
    options.timestamp = kTimestamp;
    const auto credentials = Alink::DeviceCredentials::sign(kIdentity, options);
    QCOMPARE(credentials.password.toLower(), QStringLiteral("b2488041f64f425016b467ee1c94959ebd592ad1"));
}

void TestCloudProfile::connectOptions_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<QString>("methodName");
    QTest::addColumn<QString>("password");
    // Computed independently: printf 'clientIda14Xib5kdYd.light1983432deviceNamelight1983432productKey
    // a14Xib5kdYdtimestamp1539421321846' | openssl dgst -<md> -hmac oLyaKqVxtRvjH284LdhqVgVUx1UPy6zq
    QTest::addRow("hmacsha256") << int(Alink::MqttSignMethod::HmacSha256) << QStringLiteral("hmacsha256")
                                << QStringLiteral(
                                       "902D92325AD25CD7280C2BEC663D8691D0EE0659D58013DE8AB4E09877E56DE4");
    QTest::addRow("hmacsha1") << int(Alink::MqttSignMethod::HmacSha1) << QStringLiteral("hmacsha1")
                              << QStringLiteral("ADCEE4EB7E518713BB00807D775691747F7AC60A");
    QTest::addRow("hmacmd5") << int(Alink::MqttSignMethod::HmacMd5) << QStringLiteral("hmacmd5")
                             << QStringLiteral("F078B2C3F875ABF65EEB546FD905B35F");
}

void TestCloudProfile::connectOptions()
{
    QFETCH(int, method);
    QFETCH(QString, methodName);
    QFETCH(QString, password);
    CloudProfile profile;
    profile.endpointKind = CloudProfile::EndpointKind::Region;
    profile.regionId = QStringLiteral("cn-shanghai");
    profile.port = 443;
    profile.keepAliveSeconds = 300;
    profile.signMethod = Alink::MqttSignMethod(method);
    const auto options = profile.connectOptions(kIdentity, kTimestamp);
    QVERIFY2(options, options ? "" : qPrintable(options.error().message()));
    QCOMPARE(options->host, QStringLiteral("a14Xib5kdYd.iot-as-mqtt.cn-shanghai.aliyuncs.com"));
    QCOMPARE(options->port, quint16(443));
    QCOMPARE(options->clientId, QStringLiteral("a14Xib5kdYd.light1983432|securemode=2,signmethod=%1,"
                                               "timestamp=1539421321846,_v=configdeck-%2|")
                                    .arg(methodName, QLatin1StringView(BuildInfo::kVersion)));
    QCOMPARE(options->username, QStringLiteral("light1983432&a14Xib5kdYd"));
    QCOMPARE(options->password, password);
    QCOMPARE(options->keepAliveSeconds, 300);
    QCOMPARE(options->protocol, Transport::MqttProtocol::V311);
    QVERIFY(options->cleanSession);
    QVERIFY(!options->reconnect.enabled);
    QVERIFY(options->tls.enabled);
    QCOMPARE(options->tls.caFile, *CloudProfile::bundledRootCaPath());
    QVERIFY(!options->validate());
}

void TestCloudProfile::plainTcp()
{
    CloudProfile profile = instanceProfile();
    QVERIFY(profile.warning().isEmpty());
    profile.tls = false;
    QCOMPARE(profile.warning(), CloudProfile::plainTcpWarning());
    QVERIFY(CloudProfile::plainTcpWarning().contains(QStringLiteral("securemode 3")));
    const auto options = profile.connectOptions(kIdentity, kTimestamp);
    QVERIFY(options);
    QVERIFY(!options->tls.enabled);
    QVERIFY(options->tls.caFile.isEmpty());
    QVERIFY(options->clientId.startsWith(
        QStringLiteral("a14Xib5kdYd.light1983432|securemode=3,signmethod=hmacsha256,")));
    // securemode is not part of the signed content: the password is the same as with TLS.
    QCOMPARE(options->password,
             QStringLiteral("902D92325AD25CD7280C2BEC663D8691D0EE0659D58013DE8AB4E09877E56DE4"));
}

void TestCloudProfile::userCaFile()
{
    QTemporaryDir dir;
    const QString ca = dir.filePath(QStringLiteral("roots.pem"));
    QVERIFY(QFile::copy(*CloudProfile::bundledRootCaPath(), ca));
    CloudProfile profile = instanceProfile();
    profile.caFile = ca;
    const auto options = profile.connectOptions(kIdentity, kTimestamp);
    QVERIFY(options);
    QCOMPARE(options->tls.caFile, ca);
}

void TestCloudProfile::badIdentity()
{
    const CloudProfile profile = instanceProfile();
    auto options =
        profile.connectOptions({kIdentity.productKey, kIdentity.deviceName, QString()}, kTimestamp);
    QVERIFY(!options);
    QCOMPARE(options.error().field, QStringLiteral("deviceSecret"));
    options = profile.connectOptions({kIdentity.productKey, QStringLiteral("a/b"), kIdentity.deviceSecret},
                                     kTimestamp);
    QVERIFY(!options);
    QCOMPARE(options.error().field, QStringLiteral("deviceName"));
}

void TestCloudProfile::bundledRootCa()
{
    const auto path = CloudProfile::bundledRootCaPath();
    QVERIFY2(path, path ? "" : qPrintable(path.error().message()));
    QVERIFY(QFile::exists(*path));
    QCOMPARE(*CloudProfile::bundledRootCaPath(), *path); // extracted once
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(*path);
    QCOMPARE(certificates.size(), 1);
    const QSslCertificate& root = certificates.first();
    QCOMPARE(root.subjectInfo(QSslCertificate::CommonName),
             QStringList{QStringLiteral("GlobalSign Root CA")});
    QCOMPARE(root.subjectInfo(QSslCertificate::Organization),
             QStringList{QStringLiteral("GlobalSign nv-sa")});
    QCOMPARE(root.subjectInfo(QSslCertificate::OrganizationalUnitName),
             QStringList{QStringLiteral("Root CA")});
    QCOMPARE(root.issuerDisplayName(), root.subjectDisplayName()); // self-signed root
    QCOMPARE(root.expiryDate().date(), QDate(2028, 1, 28));
    QCOMPARE(root.digest(QCryptographicHash::Sha256).toHex().toUpper(),
             QByteArray("EBD41040E4BB3EC742C9E381D31EF2A41A48B6685C96E7CEF3C1DF6CD4331C99"));
}

void TestCloudProfile::json()
{
    CloudProfile profile;
    profile.endpointKind = CloudProfile::EndpointKind::Region;
    profile.regionId = QStringLiteral("ap-southeast-1");
    profile.port = 443;
    profile.tls = true;
    profile.signMethod = Alink::MqttSignMethod::HmacMd5;
    profile.keepAliveSeconds = 1200;
    profile.hostOverride = QStringLiteral("10.0.0.5");
    profile.portOverride = 1884;
    const QJsonObject saved = profile.toJson();
    QCOMPARE(saved.value(QStringLiteral("endpoint")).toString(), QStringLiteral("region"));
    QCOMPARE(saved.value(QStringLiteral("signMethod")).toString(), QStringLiteral("hmacmd5"));
    const auto loaded =
        CloudProfile::fromJson(QJsonDocument::fromJson(QJsonDocument(saved).toJson()).object());
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message()));
    QVERIFY(*loaded == profile);

    // An empty object is the defaults, which need an instance id.
    const auto empty = CloudProfile::fromJson({});
    QVERIFY(!empty);
    QCOMPARE(empty.error().field, QStringLiteral("instanceId"));
}

void TestCloudProfile::jsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::addRow("endpoint") << QByteArray(R"({"endpoint":"moon","instanceId":"iot-1"})")
                              << QStringLiteral("endpoint");
    QTest::addRow("port type") << QByteArray(R"({"instanceId":"iot-1","port":"1883"})")
                               << QStringLiteral("port");
    QTest::addRow("port range") << QByteArray(R"({"instanceId":"iot-1","port":70000})")
                                << QStringLiteral("port");
    QTest::addRow("port not served") << QByteArray(R"({"instanceId":"iot-1","port":1884})")
                                     << QStringLiteral("port");
    QTest::addRow("sign method") << QByteArray(R"({"instanceId":"iot-1","signMethod":"sha512"})")
                                 << QStringLiteral("signMethod");
    QTest::addRow("tls type") << QByteArray(R"({"instanceId":"iot-1","tls":"yes"})") << QStringLiteral("tls");
    QTest::addRow("keep-alive") << QByteArray(R"({"instanceId":"iot-1","keepAlive":10})")
                                << QStringLiteral("keepAlive");
    QTest::addRow("region type") << QByteArray(R"({"endpoint":"region","region":5})")
                                 << QStringLiteral("region");
}

void TestCloudProfile::jsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const auto loaded = CloudProfile::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().field, field);
}

void TestCloudProfile::advice()
{
    QVERIFY(CloudProfile::advice(6713).contains(QStringLiteral("Remote Configuration")));
    QVERIFY(CloudProfile::advice(6713).contains(QStringLiteral("Products")));
    QVERIFY(CloudProfile::advice(6710).contains(QStringLiteral("configuration file")));
    QVERIFY(CloudProfile::advice(200).isEmpty());
    using Transport::MqttProtocol;
    using Transport::MqttReason;
    QVERIFY(CloudProfile::refusalAdvice(MqttReason::refusal(MqttProtocol::V311, 4))
                .contains(QStringLiteral("DeviceSecret")));
    QVERIFY(CloudProfile::refusalAdvice(MqttReason::refusal(MqttProtocol::V311, 5))
                .contains(QStringLiteral("DeviceSecret")));
    QVERIFY(CloudProfile::refusalAdvice(QStringLiteral("connection lost")).isEmpty());
}

QTEST_GUILESS_MAIN(TestCloudProfile)
#include "TestCloudProfile.moc"
