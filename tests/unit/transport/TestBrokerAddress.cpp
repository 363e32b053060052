#include "transport/BrokerAddress.h"

#include <QTest>

using ConfigDeck::Transport::BrokerAddress;

class TestBrokerAddress : public QObject
{
    Q_OBJECT

private slots:
    void credentialsAreUsed_data();
    void credentialsAreUsed();
    void splitCredentials_data();
    void splitCredentials();
    void withoutPassword_data();
    void withoutPassword();
    void errorsDoNotEchoThePassword();
};

void TestBrokerAddress::credentialsAreUsed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addRow("scheme") << "mqtt://operator:pa55@broker.lab:1884"
                            << "broker.lab" << 1884 << "operator"
                            << "pa55";
    QTest::addRow("no scheme") << "operator:pa55@broker.lab:1883"
                               << "broker.lab" << 1883 << "operator"
                               << "pa55";
    QTest::addRow("TLS, encoded") << "mqtts://op%40lab:p%3Aw%40d@10.0.0.5"
                                  << "10.0.0.5" << 8883 << "op@lab"
                                  << "p:w@d";
    QTest::addRow("user only") << "operator@broker.lab"
                               << "broker.lab" << 1883 << "operator"
                               << "";
}

void TestBrokerAddress::credentialsAreUsed()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, username);
    QFETCH(QString, password);
    const auto options = BrokerAddress::parse(text);
    QVERIFY2(options, qPrintable(options ? QString() : options.error().message()));
    QCOMPARE(options->host, host);
    QCOMPARE(int(options->port), port);
    QCOMPARE(options->username, username);
    QCOMPARE(options->password, password);
}

void TestBrokerAddress::splitCredentials_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("hasUserInfo");
    QTest::addRow("scheme") << "mqtt://operator:pa55@broker.lab:1883"
                            << "mqtt://broker.lab:1883"
                            << "operator"
                            << "pa55" << true;
    QTest::addRow("no scheme") << "operator:pa55@broker.lab:1883"
                               << "broker.lab:1883"
                               << "operator"
                               << "pa55" << true;
    QTest::addRow("'@' in the password, encoded") << "mqtts://u:a%40b@h"
                                                  << "mqtts://h"
                                                  << "u"
                                                  << "a@b" << true;
    QTest::addRow("'@' in the password, raw") << "mqtts://u:a@b@h"
                                              << "mqtts://h"
                                              << "u"
                                              << "a@b" << true;
    QTest::addRow("'@' after the path is not user info") << "mqtt://h:1883/x@y"
                                                         << "mqtt://h:1883/x@y"
                                                         << ""
                                                         << "" << false;
    QTest::addRow("none") << "mqtt://127.0.0.1:1883"
                          << "mqtt://127.0.0.1:1883"
                          << ""
                          << "" << false;
}

void TestBrokerAddress::splitCredentials()
{
    QFETCH(QString, text);
    QFETCH(QString, address);
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(bool, hasUserInfo);
    const auto split = BrokerAddress::splitCredentials(text);
    QCOMPARE(split.address, address);
    QCOMPARE(split.username, username);
    QCOMPARE(split.password, password);
    QCOMPARE(split.hasUserInfo, hasUserInfo);
}

void TestBrokerAddress::withoutPassword_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("scheme") << "mqtt://operator:pa55@broker.lab:1883"
                            << "mqtt://operator:<redacted>@broker.lab:1883";
    QTest::addRow("no scheme") << "operator:pa55@broker.lab:1883"
                               << "operator:<redacted>@broker.lab:1883";
    QTest::addRow("user only") << "operator@broker.lab:1883"
                               << "operator@broker.lab:1883";
    QTest::addRow("port, no user info") << "broker.lab:1883"
                                        << "broker.lab:1883";
}

void TestBrokerAddress::withoutPassword()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(BrokerAddress::withoutPassword(text), expected);
}

void TestBrokerAddress::errorsDoNotEchoThePassword()
{
    const auto options = BrokerAddress::parse(QStringLiteral("mqtt://operator:pa55@"));
    QVERIFY(!options);
    QVERIFY2(!options.error().message().contains(QLatin1StringView("pa55")),
             qPrintable(options.error().message()));
    QVERIFY(options.error().message().contains(QLatin1StringView("operator:<redacted>@")));
}

QTEST_GUILESS_MAIN(TestBrokerAddress)
#include "TestBrokerAddress.moc"
