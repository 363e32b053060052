#include "roles/FaultProfile.h"

#include <QTest>

using namespace ConfigDeck::Roles;

class TestFaultMix : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void exactShares();
    void deterministicPerSeed();
};

void TestFaultMix::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("shares");
    QTest::addColumn<double>("faulty");

    QTest::addRow("empty") << "" << 0 << 0.0;
    QTest::addRow("one") << "offline=5%" << 1 << 0.05;
    QTest::addRow("fraction") << "badsign=0.1" << 1 << 0.1;
    QTest::addRow("mixed") << "slow:2000=10%, offline=5%,refuses:6713=5%,badsign=5%,truncate=5%,never=5%" << 6
                           << 0.35;
    QTest::addRow("case") << "ApplyFails=1%,SlowDownload:4096=2%" << 2 << 0.03;
}

void TestFaultMix::parses()
{
    QFETCH(QString, text);
    QFETCH(int, shares);
    QFETCH(double, faulty);
    const auto mix = FaultMix::parse(text);
    QVERIFY2(mix, qPrintable(mix ? QString() : mix.error().message()));
    QCOMPARE(mix->shares().size(), shares);
    QVERIFY(qAbs(mix->faultyFraction() - faulty) < 1e-9);
    // What toString() writes, parse() reads back the same.
    const auto again = FaultMix::parse(mix->toString());
    QVERIFY(again);
    QCOMPARE(again->toString(), mix->toString());
}

void TestFaultMix::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasonPart");

    QTest::addRow("no share") << "offline"
                              << "has no share";
    QTest::addRow("unknown kind") << "explodes=5%"
                                  << "not a fault kind";
    QTest::addRow("bad number") << "refuses:abc=5%"
                                << "not a number";
    QTest::addRow("argument not taken") << "offline:3=5%"
                                        << "takes no argument";
    QTest::addRow("over 100") << "offline=150%"
                              << "between 0 and 100%";
    QTest::addRow("sum over 100") << "offline=60%,never=50%"
                                  << "more than 100%";
}

void TestFaultMix::rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, reasonPart);
    const auto mix = FaultMix::parse(text);
    QVERIFY(!mix);
    QVERIFY2(mix.error().message().contains(reasonPart), qPrintable(mix.error().message()));
}

void TestFaultMix::exactShares()
{
    const auto mix = FaultMix::parse(u"offline=5%,badsign=10%,refuses:460=25%");
    QVERIFY(mix);
    QHash<FaultProfile::Kind, int> counts;
    for (int i = 0; i < 60; ++i)
        ++counts[mix->profileFor(i, 60, 42).kind];
    QCOMPARE(counts.value(FaultProfile::Kind::Offline), 3);
    QCOMPARE(counts.value(FaultProfile::Kind::BadSign), 6);
    QCOMPARE(counts.value(FaultProfile::Kind::Refuses), 15);
    QCOMPARE(counts.value(FaultProfile::Kind::None), 36);
    QCOMPARE(mix->profileFor(0, 60, 42).kind == FaultProfile::Kind::Refuses
                 ? mix->profileFor(0, 60, 42).refuseCode
                 : 460,
             460);
}

void TestFaultMix::deterministicPerSeed()
{
    const auto mix = FaultMix::parse(u"offline=50%");
    QVERIFY(mix);
    QList<int> first, same, other;
    for (int i = 0; i < 100; ++i) {
        first << int(mix->profileFor(i, 100, 1).kind);
        same << int(mix->profileFor(i, 100, 1).kind);
        other << int(mix->profileFor(i, 100, 2).kind);
    }
    QCOMPARE(first, same);
    QVERIFY(first != other);
}

QTEST_GUILESS_MAIN(TestFaultMix)
#include "TestFaultMix.moc"
