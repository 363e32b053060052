#include "store/secrets/WipedBytes.h"

#include <QTest>

#include <algorithm>

using ConfigDeck::Store::WipedBytes;

namespace {
bool allZero(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == '\0'; });
}
} // namespace

class TestWipedBytes : public QObject
{
    Q_OBJECT

private slots:
    void wipesItsOwnBuffer();
    void takesAnUnsharedBufferOver();
    void neverWipesAnotherCopy();
    void copiesAreDeep();
};

void TestWipedBytes::wipesItsOwnBuffer()
{
    WipedBytes key(QByteArray(32, 'k'));
    const QByteArrayView seen = key.view();
    QCOMPARE(seen, QByteArray(32, 'k'));
    key.wipe();
    QCOMPARE(key.view().data(), seen.data()); // the same buffer, still alive until the object ends
    QVERIFY(allZero(seen));
}

void TestWipedBytes::takesAnUnsharedBufferOver()
{
    QByteArray derived(32, 'd');
    const char* buffer = derived.constData();
    WipedBytes key(std::move(derived));
    QCOMPARE(key.view().data(), buffer); // no copy left behind unwiped
    key.wipe();
    QVERIFY(allZero(QByteArrayView(buffer, 32)));
}

void TestWipedBytes::neverWipesAnotherCopy()
{
    // The QByteArray copy shares the buffer: wiping must neither skip the key nor damage the other copy.
    const QByteArray kept(32, 's');
    QByteArray shared = kept;
    WipedBytes key(std::move(shared));
    QVERIFY(key.view().data() != kept.constData());
    QCOMPARE(key.view(), kept);
    key.wipe();
    QVERIFY(allZero(key.view()));
    QCOMPARE(kept, QByteArray(32, 's'));
}

void TestWipedBytes::copiesAreDeep()
{
    const WipedBytes key(QByteArrayView("0123456789abcdef0123456789abcdef"));
    QByteArray handedOut = key.copy();
    QVERIFY(handedOut.isDetached());
    QVERIFY(handedOut.constData() != key.view().data());
    QCOMPARE(handedOut, key.view());
}

QTEST_GUILESS_MAIN(TestWipedBytes)
#include "TestWipedBytes.moc"
