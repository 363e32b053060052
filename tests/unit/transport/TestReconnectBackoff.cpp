#include "transport/ReconnectBackoff.h"

#include <QTest>

using namespace ConfigDeck::Transport;

class TestReconnectBackoff : public QObject
{
    Q_OBJECT

private slots:
    void doublesUpToTheCap_data();
    void doublesUpToTheCap();
    void jitterStaysInRange();
    void resetStartsOver();
    void onlyALastingConnectionStartsOver();
};

void TestReconnectBackoff::doublesUpToTheCap_data()
{
    QTest::addColumn<int>("minMs");
    QTest::addColumn<int>("maxMs");
    QTest::addColumn<QList<int>>("expected");

    QTest::addRow("100..1000") << 100 << 1000 << QList<int>{100, 200, 400, 800, 1000, 1000, 1000};
    QTest::addRow("equal bounds") << 500 << 500 << QList<int>{500, 500, 500};
    QTest::addRow("1 s..60 s") << 1000 << 60000
                               << QList<int>{1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000};
}

void TestReconnectBackoff::doublesUpToTheCap()
{
    QFETCH(int, minMs);
    QFETCH(int, maxMs);
    QFETCH(QList<int>, expected);
    ReconnectBackoff backoff;
    backoff.setOptions(MqttReconnectOptions{true, minMs, maxMs, 0.0});
    QList<int> delays;
    for (qsizetype i = 0; i < expected.size(); ++i)
        delays.append(backoff.nextDelayMs());
    QCOMPARE(delays, expected);
}

void TestReconnectBackoff::jitterStaysInRange()
{
    ReconnectBackoff backoff;
    backoff.setOptions(MqttReconnectOptions{true, 1000, 1000, 0.25});
    int low = 1000, high = 1000;
    for (int i = 0; i < 2000; ++i) {
        const int delay = backoff.nextDelayMs();
        QVERIFY2(delay >= 750 && delay <= 1250, qPrintable(QString::number(delay)));
        low = std::min(low, delay);
        high = std::max(high, delay);
    }
    // The delays really spread (a fleet does not come back in lock step).
    QVERIFY(low < 800);
    QVERIFY(high > 1200);
}

void TestReconnectBackoff::resetStartsOver()
{
    ReconnectBackoff backoff;
    backoff.setOptions(MqttReconnectOptions{true, 10, 1000, 0.0});
    QCOMPARE(backoff.nextDelayMs(), 10);
    QCOMPARE(backoff.nextDelayMs(), 20);
    backoff.reset();
    QCOMPARE(backoff.nextDelayMs(), 10);
}

void TestReconnectBackoff::onlyALastingConnectionStartsOver()
{
    ReconnectBackoff backoff;
    backoff.setOptions(MqttReconnectOptions{true, 10, 1000, 0.0, 300});
    QCOMPARE(backoff.nextDelayMs(), 10);
    // Accepted and dropped at once (a broker kicking a duplicate client ID): the delays keep growing.
    backoff.connectionEstablished();
    QCOMPARE(backoff.nextDelayMs(), 20);
    backoff.connectionEstablished();
    QCOMPARE(backoff.nextDelayMs(), 40);
    // A connection that lasted: the next loss starts from the shortest delay again.
    backoff.connectionEstablished();
    QTest::qWait(350);
    QCOMPARE(backoff.nextDelayMs(), 10);
    QCOMPARE(backoff.nextDelayMs(), 20);
}

QTEST_GUILESS_MAIN(TestReconnectBackoff)
#include "TestReconnectBackoff.moc"
