#include "alink/AlinkCodec.h"
#include "alink/MessageIdGenerator.h"

#include <QSet>
#include <QTest>

#include <thread>

using namespace ConfigDeck::Alink;

class TestMessageIdGenerator : public QObject
{
    Q_OBJECT

private slots:
    void sequentialDecimalStrings();
    void wrapsWithinRange();
    void uniqueAcrossThreads();
    void randomStartsDiffer();
};

void TestMessageIdGenerator::sequentialDecimalStrings()
{
    MessageIdGenerator ids(41);
    QCOMPARE(ids.next(), QStringLiteral("41"));
    QCOMPARE(ids.next(), QStringLiteral("42"));
    QCOMPARE(ids.peek(), 43u);
}

void TestMessageIdGenerator::wrapsWithinRange()
{
    MessageIdGenerator ids(4294967294u);
    QCOMPARE(ids.next(), QStringLiteral("4294967294"));
    QCOMPARE(ids.next(), QStringLiteral("4294967295"));
    QCOMPARE(ids.next(), QStringLiteral("0"));
    QCOMPARE(ids.next(), QStringLiteral("1"));
    MessageIdGenerator edge(4294967295u);
    QVERIFY(!AlinkCodec::validateId(edge.next())); // every id it makes is one the codec sends
}

void TestMessageIdGenerator::uniqueAcrossThreads()
{
    MessageIdGenerator ids(4294967000u); // crosses the wrap during the test
    constexpr int perThread = 5000;
    QList<QStringList> produced(4);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < perThread; ++i)
                produced[t] << ids.next();
        });
    }
    for (auto& thread : threads)
        thread.join();
    QSet<QString> all;
    for (const auto& list : produced) {
        for (const auto& id : list)
            all.insert(id);
    }
    QCOMPARE(all.size(), 4 * perThread);
}

void TestMessageIdGenerator::randomStartsDiffer()
{
    QSet<quint32> starts;
    for (int i = 0; i < 8; ++i)
        starts.insert(MessageIdGenerator().peek());
    QVERIFY(starts.size() > 1);
}

QTEST_GUILESS_MAIN(TestMessageIdGenerator)
#include "TestMessageIdGenerator.moc"
