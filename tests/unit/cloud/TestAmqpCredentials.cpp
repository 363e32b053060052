// AmqpCredentials: the SASL PLAIN user name and password of the server-side subscription, against values
// computed by hand (openssl dgst -sha1 -hmac ... -binary | base64) from the documentation's recipe.
#include "cloud/AmqpCredentials.h"

#include <QTest>

using namespace ConfigDeck;
using Cloud::AmqpCredentials;

class TestAmqpCredentials : public QObject
{
    Q_OBJECT

private slots:
    void userNameHasTheDocumentedShape();
    void passwordIsTheHmacSha1OfAuthIdAndTimestamp_data();
    void passwordIsTheHmacSha1OfAuthIdAndTimestamp();
    void theTimestampIsSignedToo();
};

void TestAmqpCredentials::userNameHasTheDocumentedShape()
{
    const auto credentials = AmqpCredentials::sign(
        QStringLiteral("configdeck-host1"), QStringLiteral("LTAI4FexampleKeyId"), "mySecret/Key+123",
        QStringLiteral("iot-cn-6ja1y8jo01"), QStringLiteral("DEFAULT_GROUP"), 1700000000000);
    QCOMPARE(credentials.userName,
             QStringLiteral("configdeck-host1|authMode=aksign,signMethod=hmacsha1,timestamp=1700000000000,"
                            "authId=LTAI4FexampleKeyId,iotInstanceId=iot-cn-6ja1y8jo01,"
                            "consumerGroupId=DEFAULT_GROUP|"));
    QCOMPARE(AmqpCredentials::signContent(QStringLiteral("LTAI4FexampleKeyId"), 1700000000000),
             QByteArray("authId=LTAI4FexampleKeyId&timestamp=1700000000000"));
}

void TestAmqpCredentials::passwordIsTheHmacSha1OfAuthIdAndTimestamp_data()
{
    QTest::addColumn<QString>("accessKeyId");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<qint64>("timestamp");
    QTest::addColumn<QByteArray>("password");
    // printf 'authId=LTAI4FexampleKeyId&timestamp=1700000000000' | openssl dgst -sha1 -hmac
    // 'mySecret/Key+123'
    //     -binary | base64
    QTest::addRow("example") << QStringLiteral("LTAI4FexampleKeyId") << QByteArray("mySecret/Key+123")
                             << qint64(1700000000000) << QByteArray("AFRB6t4uXUJVZJlHYIPcQWj0Z9Q=");
    QTest::addRow("short") << QStringLiteral("LTAI5tStandIn") << QByteArray("k") << qint64(1)
                           << QByteArray("i19m37BEo8pgYX3NCF6RuXva+O8=");
}

void TestAmqpCredentials::passwordIsTheHmacSha1OfAuthIdAndTimestamp()
{
    QFETCH(QString, accessKeyId);
    QFETCH(QByteArray, secret);
    QFETCH(qint64, timestamp);
    QFETCH(QByteArray, password);
    const auto credentials = AmqpCredentials::sign(QStringLiteral("c"), accessKeyId, secret, QString(),
                                                   QStringLiteral("g"), timestamp);
    QCOMPARE(credentials.password, password);
}

void TestAmqpCredentials::theTimestampIsSignedToo()
{
    const auto first = AmqpCredentials::sign(QStringLiteral("c"), QStringLiteral("id"), "secret", QString(),
                                             QStringLiteral("g"), 1000);
    const auto second = AmqpCredentials::sign(QStringLiteral("c"), QStringLiteral("id"), "secret", QString(),
                                              QStringLiteral("g"), 1001);
    QVERIFY(first.password != second.password);
    const auto otherSecret = AmqpCredentials::sign(QStringLiteral("c"), QStringLiteral("id"), "secreT",
                                                   QString(), QStringLiteral("g"), 1000);
    QVERIFY(first.password != otherSecret.password);
}

QTEST_GUILESS_MAIN(TestAmqpCredentials)
#include "TestAmqpCredentials.moc"
