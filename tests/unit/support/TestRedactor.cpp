#include "support/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using ConfigDeck::Support::Redactor;

class TestRedactor : public QObject
{
    Q_OBJECT

private slots:
    void urls_data();
    void urls();
    void text_data();
    void text();
    void json();
    void scrubsRawBytes();
    void shortSecretsAreNotScrubbed();
    void secretKeys_data();
    void secretKeys();
};

void TestRedactor::urls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("count");
    QTest::addRow("OSS pre-signed")
        << QStringLiteral("https://bucket.oss-cn-shanghai.aliyuncs.com/cfg/a.json?Expires=1700000000&"
                          "OSSAccessKeyId=LTAI5tABC&Signature=abc%2Bdef%3D&security-token=CAIS123")
        << QStringLiteral("https://bucket.oss-cn-shanghai.aliyuncs.com/cfg/a.json?Expires=1700000000&"
                          "OSSAccessKeyId=<redacted>&Signature=<redacted>&security-token=<redacted>")
        << 1;
    QTest::addRow("S3 pre-signed")
        << QStringLiteral(
               "https://s3.example.com/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F1&"
               "X-Amz-Date=20250101T000000Z&X-Amz-Expires=900&X-Amz-Signature=f00d")
        << QStringLiteral("https://s3.example.com/b/k?X-Amz-Algorithm=<redacted>&X-Amz-Credential=<redacted>&"
                          "X-Amz-Date=20250101T000000Z&X-Amz-Expires=900&X-Amz-Signature=<redacted>")
        << 1;
    QTest::addRow("expiry that is not a time")
        << QStringLiteral("https://h/p?Expires=abc&x")
        << QStringLiteral("https://h/p?Expires=<redacted>&<redacted>") << 1;
    QTest::addRow("user info and fragment")
        << QStringLiteral("mqtt://user:pa55@broker:1883/x#token")
        << QStringLiteral("mqtt://user:<redacted>@broker:1883/x#<redacted>") << 1;
    QTest::addRow("user info without a scheme") << QStringLiteral("operator:pa55@broker.lab:1883")
                                                << QStringLiteral("operator:<redacted>@broker.lab:1883") << 1;
    QTest::addRow("nothing to redact") << QStringLiteral("https://example.com/a/b.json")
                                       << QStringLiteral("https://example.com/a/b.json") << 0;
    QTest::addRow("JSON escapes") << QStringLiteral("https:\\/\\/h\\/p?Expires=1\\u0026Signature=s1g")
                                  << QStringLiteral("https://h/p?Expires=1&Signature=<redacted>") << 1;
}

void TestRedactor::urls()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QFETCH(int, count);
    Redactor redactor;
    QCOMPARE(redactor.redactUrl(url), expected);
    QCOMPARE(redactor.count(), count);
    // Idempotent: a redacted URL stays as it is.
    Redactor again;
    QCOMPARE(again.redactUrl(expected), expected);
    QCOMPARE(again.count(), 0);
}

void TestRedactor::text_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addRow("JSON string value, formatting kept")
        << QStringLiteral("{\n  \"ssid\": \"x\",\n  \"wifiPassword\" :  \"p\\\"w\"\n}\n")
        << QStringLiteral("{\n  \"ssid\": \"x\",\n  \"wifiPassword\" :  \"<redacted>\"\n}\n");
    QTest::addRow("JSON number value") << QStringLiteral("{\"pin_secret\": 1234, \"a\": 1}")
                                       << QStringLiteral("{\"pin_secret\": \"<redacted>\", \"a\": 1}");
    QTest::addRow("JSON null stays") << QStringLiteral("{\"token\": null}")
                                     << QStringLiteral("{\"token\": null}");
    QTest::addRow("truncated JSON") << QStringLiteral("{\"id\":\"1\",\"params\":{\"accessToken\":\"abcd")
                                    << QStringLiteral(
                                           "{\"id\":\"1\",\"params\":{\"accessToken\":\"<redacted>\"");
    QTest::addRow("key = value lines")
        << QStringLiteral("mode = eco\r\napi_key=xyz\npassword: hunter2  \n")
        << QStringLiteral("mode = eco\r\napi_key=<redacted>\npassword: <redacted>  \n");
    QTest::addRow("sign is the file hash, not a secret")
        << QStringLiteral("{\"sign\":\"9f86d081\",\"signMethod\":\"Sha256\"}")
        << QStringLiteral("{\"sign\":\"9f86d081\",\"signMethod\":\"Sha256\"}");
    QTest::addRow("URL in prose") << QStringLiteral("fetch https://h/p?Signature=zz failed")
                                  << QStringLiteral("fetch https://h/p?Signature=<redacted> failed");
    QTest::addRow("broker address without a scheme")
        << QStringLiteral("connecting to operator:pa55:w0rd@10.0.0.5:1883 (mqtt)")
        << QStringLiteral("connecting to operator:<redacted>@10.0.0.5:1883 (mqtt)");
    QTest::addRow("e-mail address and time stay")
        << QStringLiteral("mail ops@example.com at 12:30") << QStringLiteral("mail ops@example.com at 12:30");
    QTest::addRow("known secret") << QStringLiteral("echo S3cretValue and S3cretValue")
                                  << QStringLiteral("echo <redacted> and <redacted>");
}

void TestRedactor::text()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    Redactor redactor;
    redactor.addSecret("S3cretValue");
    QCOMPARE(redactor.redactText(input), expected);
    QCOMPARE(redactor.redactText(expected), expected);
}

void TestRedactor::json()
{
    Redactor redactor;
    redactor.addSecret("D3viceSecretXYZ");
    const QJsonDocument input = QJsonDocument::fromJson(
        "{\"id\":\"1\",\"params\":{\"url\":\"https://h/p?Expires=5&Signature=s\",\"DeviceSecret\":\"x\","
        "\"nested\":[{\"password\":{\"a\":1}},\"D3viceSecretXYZ\"],\"configSize\":12}}");
    const QJsonObject out = redactor.redactJson(input.object()).toObject();
    const QJsonObject params = out.value(QStringLiteral("params")).toObject();
    QCOMPARE(params.value(QStringLiteral("url")).toString(),
             QStringLiteral("https://h/p?Expires=5&Signature=<redacted>"));
    QCOMPARE(params.value(QStringLiteral("DeviceSecret")).toString(), QStringLiteral("<redacted>"));
    QCOMPARE(
        params.value(QStringLiteral("nested")).toArray().at(0).toObject().value(QStringLiteral("password")),
        QJsonValue(QStringLiteral("<redacted>")));
    QCOMPARE(params.value(QStringLiteral("nested")).toArray().at(1).toString(), QStringLiteral("<redacted>"));
    QCOMPARE(params.value(QStringLiteral("configSize")).toInt(), 12);
    QCOMPARE(out.value(QStringLiteral("id")).toString(), QStringLiteral("1"));
    QCOMPARE(redactor.count(), 4);
}

void TestRedactor::scrubsRawBytes()
{
    Redactor redactor;
    redactor.addSecret("a+b/c=secret");
    const QByteArray out = redactor.scrub("x a+b/c=secret y a%2Bb%2Fc%3Dsecret z");
    QCOMPARE(out, QByteArray("x <redacted> y <redacted> z"));
    QCOMPARE(redactor.count(), 2);
}

void TestRedactor::shortSecretsAreNotScrubbed()
{
    Redactor redactor;
    redactor.addSecret("ab");
    QVERIFY(redactor.secrets().isEmpty());
    QCOMPARE(redactor.scrub("abc"), QByteArray("abc"));
}

void TestRedactor::secretKeys_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("secret");
    QTest::addRow("password") << QStringLiteral("password") << true;
    QTest::addRow("DeviceSecret") << QStringLiteral("DeviceSecret") << true;
    QTest::addRow("security-token") << QStringLiteral("security-token") << true;
    QTest::addRow("OSSAccessKeyId") << QStringLiteral("OSSAccessKeyId") << true;
    QTest::addRow("private_key") << QStringLiteral("private_key") << true;
    QTest::addRow("Authorization") << QStringLiteral("Authorization") << true;
    QTest::addRow("sign") << QStringLiteral("sign") << false;
    QTest::addRow("signMethod") << QStringLiteral("signMethod") << false;
    QTest::addRow("configId") << QStringLiteral("configId") << false;
    QTest::addRow("url") << QStringLiteral("url") << false;
}

void TestRedactor::secretKeys()
{
    QFETCH(QString, key);
    QFETCH(bool, secret);
    QCOMPARE(Redactor::isSecretKey(key), secret);
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "TestRedactor.moc"
