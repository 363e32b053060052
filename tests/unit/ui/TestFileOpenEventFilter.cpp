#include "FileOpenEventFilter.h"

#include <QApplication>
#include <QFileOpenEvent>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace ConfigDeck::Ui;

namespace {

// Counts the events of one type that reach it, to show that the filter lets them through.
class EventCounter final : public QObject
{
public:
    explicit EventCounter(QEvent::Type type)
        : m_type(type)
    {
    }

    int count() const { return m_count; }

    bool event(QEvent* event) override
    {
        if (event->type() == m_type)
            ++m_count;
        return QObject::event(event);
    }

private:
    QEvent::Type m_type;
    int m_count = 0;
};

} // namespace

class TestFileOpenEventFilter : public QObject
{
    Q_OBJECT

private slots:
    void announcesTheFileFinderOpens_data();
    void announcesTheFileFinderOpens();
    void leavesNonLocalUrlsAlone();
    void letsOtherEventsThrough();
    void stopsWhenDestroyed();
};

void TestFileOpenEventFilter::announcesTheFileFinderOpens_data()
{
    QTest::addColumn<bool>("asUrl");
    QTest::addRow("path") << false;
    QTest::addRow("file URL") << true;
}

// As macOS delivers it: the event is sent to the application object.
void TestFileOpenEventFilter::announcesTheFileFinderOpens()
{
    QFETCH(bool, asUrl);
    const QString path = QStringLiteral("/Users/ops/Fleets/Line 2 (测试).configdeck");
    FileOpenEventFilter filter(qApp);
    QSignalSpy requested(&filter, &FileOpenEventFilter::fileOpenRequested);

    QFileOpenEvent event = asUrl ? QFileOpenEvent(QUrl::fromLocalFile(path)) : QFileOpenEvent(path);
    QVERIFY(QCoreApplication::sendEvent(qApp, &event)); // handled: Qt tells macOS the file was taken

    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), path);
}

void TestFileOpenEventFilter::leavesNonLocalUrlsAlone()
{
    FileOpenEventFilter filter(qApp);
    QSignalSpy requested(&filter, &FileOpenEventFilter::fileOpenRequested);

    QFileOpenEvent event(QUrl(QStringLiteral("https://example.com/fleet.configdeck")));
    QVERIFY(!QCoreApplication::sendEvent(qApp, &event));

    QCOMPARE(requested.size(), 0);
}

// Installed on the application, the filter sees every object's events: it must pass them all on.
void TestFileOpenEventFilter::letsOtherEventsThrough()
{
    FileOpenEventFilter filter(qApp);
    QSignalSpy requested(&filter, &FileOpenEventFilter::fileOpenRequested);
    EventCounter receiver(QEvent::User);

    QEvent event(QEvent::User);
    QCoreApplication::sendEvent(&receiver, &event);

    QCOMPARE(receiver.count(), 1);
    QCOMPARE(requested.size(), 0);
}

void TestFileOpenEventFilter::stopsWhenDestroyed()
{
    auto filter = std::make_unique<FileOpenEventFilter>(qApp);
    int requests = 0;
    connect(filter.get(), &FileOpenEventFilter::fileOpenRequested, this, [&requests] { ++requests; });
    filter.reset();

    QFileOpenEvent event(QStringLiteral("/tmp/fleet.configdeck"));
    QVERIFY(!QCoreApplication::sendEvent(qApp, &event));

    QCOMPARE(requests, 0);
}

QTEST_MAIN(TestFileOpenEventFilter)
#include "TestFileOpenEventFilter.moc"
