#include "alink/DeviceCredentials.h"

#include <QTest>

using namespace ConfigDeck::Alink;

class TestDeviceCredentials : public QObject
{
    Q_OBJECT

private slots:
    void protocolTestVectors_data();
    void protocolTestVectors();
    void sdkStyleClientId();
    void contentWithoutTimestamp();
    void methodsDiffer();
    void endpoints();
    void keepAlive();
    void identityValidation();
};

void TestDeviceCredentials::protocolTestVectors_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("deviceName");
    QTest::addColumn<QString>("productKey");
    QTest::addColumn<qint64>("timestamp");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("expected");

    QTest::addRow("protocol.md vector 1") << "12345"
                                          << "device"
                                          << "pk" << qint64(789) << "secret"
                                          << "FAFD82A3D602B37FB0FA8B7892F24A477F851A14";
    QTest::addRow("protocol.md vector 2")
        << "SN1928339"
        << "light1983432"
        << "a14Xib5kdYd" << qint64(1539421321846) << "oLyaKqVxtRvjH284LdhqVgVUx1UPy6zq"
        << "b2488041f64f425016b467ee1c94959ebd592ad1";
}

void TestDeviceCredentials::protocolTestVectors()
{
    QFETCH(QString, clientId);
    QFETCH(QString, deviceName);
    QFETCH(QString, productKey);
    QFETCH(qint64, timestamp);
    QFETCH(QString, secret);
    QFETCH(QString, expected);

    SignOptions options;
    options.clientId = clientId;
    options.method = MqttSignMethod::HmacSha1;
    options.timestamp = timestamp;
    const auto credentials = DeviceCredentials::sign({productKey, deviceName, secret}, options);
    QCOMPARE(credentials.password, expected.toUpper()); // SDKs send uppercase; the check is case-insensitive
    QCOMPARE(credentials.username, deviceName + QLatin1Char('&') + productKey);
    QCOMPARE(
        credentials.clientId,
        QStringLiteral("%1|securemode=2,signmethod=hmacsha1,timestamp=%2|").arg(clientId).arg(timestamp));
}

void TestDeviceCredentials::sdkStyleClientId()
{
    SignOptions options;
    options.timestamp = 1700000000000;
    options.extensions = {QStringLiteral("_v=sdk-c-4.1.0"), QStringLiteral("lan=C")};
    const DeviceIdentity identity{QStringLiteral("a1Pk"), QStringLiteral("dev1"), QStringLiteral("s3cret")};
    const auto credentials = DeviceCredentials::sign(identity, options);
    QCOMPARE(
        credentials.clientId,
        QStringLiteral(
            "a1Pk.dev1|securemode=2,signmethod=hmacsha256,timestamp=1700000000000,_v=sdk-c-4.1.0,lan=C|"));
    // The extensions are not signed: only clientId, deviceName, productKey and timestamp.
    const QByteArray content = "clientIda1Pk.dev1deviceNamedev1productKeya1Pktimestamp1700000000000";
    QCOMPARE(credentials.password,
             QString::fromLatin1(
                 DeviceCredentials::hmac(MqttSignMethod::HmacSha256, "s3cret", content).toHex().toUpper()));
    QCOMPARE(credentials.password.size(), 64);
}

void TestDeviceCredentials::contentWithoutTimestamp()
{
    const DeviceIdentity identity{QStringLiteral("pk"), QStringLiteral("dn"), QStringLiteral("x")};
    QCOMPARE(DeviceCredentials::signContent(identity, QStringLiteral("c"), std::nullopt),
             QStringLiteral("clientIdcdeviceNamednproductKeypk"));
    SignOptions options;
    options.secureMode = SecureMode::PlainTcp;
    options.method = MqttSignMethod::HmacMd5;
    const auto credentials = DeviceCredentials::sign(identity, options);
    QCOMPARE(credentials.clientId, QStringLiteral("pk.dn|securemode=3,signmethod=hmacmd5|"));
    QCOMPARE(credentials.password.size(), 32);
}

void TestDeviceCredentials::methodsDiffer()
{
    const DeviceIdentity identity{QStringLiteral("pk"), QStringLiteral("dn"), QStringLiteral("x")};
    QSet<QString> passwords;
    for (auto method : {MqttSignMethod::HmacMd5, MqttSignMethod::HmacSha1, MqttSignMethod::HmacSha256}) {
        SignOptions options;
        options.method = method;
        passwords.insert(DeviceCredentials::sign(identity, options).password);
        QCOMPARE(DeviceCredentials::methodFromName(DeviceCredentials::methodName(method).toUpper()), method);
    }
    QCOMPARE(passwords.size(), 3);
    QVERIFY(!DeviceCredentials::methodFromName(u"hmacsha512"));
}

void TestDeviceCredentials::endpoints()
{
    CloudEndpoint region{CloudEndpoint::Kind::Region, QStringLiteral("cn-shanghai"), 1883};
    QCOMPARE(region.host(QStringLiteral("a1Pk")),
             QStringLiteral("a1Pk.iot-as-mqtt.cn-shanghai.aliyuncs.com"));
    CloudEndpoint instance{CloudEndpoint::Kind::Instance, QStringLiteral("iot-06z00abc"), 8883};
    QCOMPARE(instance.host(QStringLiteral("a1Pk")), QStringLiteral("iot-06z00abc.mqtt.iothub.aliyuncs.com"));
}

void TestDeviceCredentials::keepAlive()
{
    QVERIFY(DeviceCredentials::validateKeepAlive(29));
    QVERIFY(!DeviceCredentials::validateKeepAlive(30));
    QVERIFY(!DeviceCredentials::validateKeepAlive(1200));
    const auto error = DeviceCredentials::validateKeepAlive(1201);
    QVERIFY(error);
    QVERIFY(error->message().contains(QStringLiteral("30-1200")));
}

void TestDeviceCredentials::identityValidation()
{
    QVERIFY(!DeviceCredentials::validateIdentity(
        {QStringLiteral("pk"), QStringLiteral("dn"), QStringLiteral("s")}));
    QCOMPARE(DeviceCredentials::validateIdentity(
                 {QStringLiteral("pk"), QStringLiteral("d+n"), QStringLiteral("s")})
                 ->field,
             QStringLiteral("deviceName"));
    QCOMPARE(
        DeviceCredentials::validateIdentity({QStringLiteral("pk"), QStringLiteral("dn"), QString()})->field,
        QStringLiteral("deviceSecret"));
}

QTEST_GUILESS_MAIN(TestDeviceCredentials)
#include "TestDeviceCredentials.moc"
