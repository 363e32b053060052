#include "roles/WireEvent.h"
#include "roles/WorkspaceRecorder.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"
#include "support/StoredValue.h"

#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace ConfigDeck;
using Store::ConfigState;
using Store::DeviceStateUpdate;

class TestWorkspaceRecorder : public QObject
{
    Q_OBJECT

private slots:
    void mergesAndWritesInBatches();
    void dropsUnknownDevices();
    void mergeKeepsAbsentFields();
    void fullDiskKeepsMemoryBoundedAndResumes();

private:
    std::unique_ptr<Store::Workspace> openWorkspace();
    QTemporaryDir m_dir;
    int m_opened = 0;
};

std::unique_ptr<Store::Workspace> TestWorkspaceRecorder::openWorkspace()
{
    auto workspace = Store::Workspace::open(m_dir.filePath(QStringLiteral("w%1.configdeck").arg(++m_opened)),
                                            Store::Workspace::OpenMode::CreateOrOpen);
    if (!workspace)
        qFatal("%s", qPrintable(workspace.error().message()));
    std::unique_ptr<Store::Workspace> result = std::move(workspace).value();
    result->keys().setSealer(std::make_shared<Store::SecretSealer>(Store::SecretSealer::randomKey()));
    return result;
}

void TestWorkspaceRecorder::mergesAndWritesInBatches()
{
    auto workspace = openWorkspace();
    QVERIFY(workspace->identities().addDevice({QStringLiteral("pk"), QStringLiteral("dev1")}, "secret"));
    Roles::WorkspaceRecorder recorder(workspace.get());
    recorder.setInterval(50);
    QSignalSpy flushed(&recorder, &Roles::WorkspaceRecorder::flushed);

    DeviceStateUpdate pushed{QStringLiteral("pk"), QStringLiteral("dev1")};
    pushed.state = ConfigState::Pushed;
    DeviceStateUpdate applied{QStringLiteral("pk"), QStringLiteral("dev1")};
    applied.state = ConfigState::Applied;
    applied.lastReplyCode = 200;
    applied.sha256 = QString(64, QLatin1Char('a'));
    DeviceStateUpdate online{QStringLiteral("pk"), QStringLiteral("dev1")};
    online.online = true;
    for (const auto& update : {pushed, applied, online})
        recorder.recordState(update);
    for (int i = 0; i < 3; ++i)
        recorder.recordMessage(
            Roles::logEntry(Store::MessageDirection::In, QStringLiteral("/sys/pk/dev1/thing/config/get"),
                            "{}", QStringLiteral("pk"), QStringLiteral("dev1"), QString::number(i)));
    QCOMPARE(recorder.buffered(), 4); // three updates of one device became one

    QTRY_COMPARE(flushed.size(), 1);
    QCOMPARE(flushed.first().at(0).toInt(), 3);
    QCOMPARE(flushed.first().at(1).toInt(), 1);
    const auto state =
        storedValue(workspace->deviceStates().state(QStringLiteral("pk"), QStringLiteral("dev1")));
    QVERIFY(state);
    QCOMPARE(state->state, ConfigState::Applied);
    QCOMPARE(state->lastReplyCode, 200);
    QVERIFY(state->online);
    QCOMPARE(storedValue(workspace->messageLog().count()), 3);
}

void TestWorkspaceRecorder::dropsUnknownDevices()
{
    auto workspace = openWorkspace();
    QVERIFY(workspace->identities().addDevice({QStringLiteral("pk"), QStringLiteral("dev1")}, "secret"));
    Roles::WorkspaceRecorder recorder(workspace.get());
    DeviceStateUpdate ghost{QStringLiteral("pk"), QStringLiteral("ghost")};
    ghost.state = ConfigState::Failed;
    DeviceStateUpdate known{QStringLiteral("pk"), QStringLiteral("dev1")};
    known.state = ConfigState::Verified;
    recorder.recordState(ghost);
    recorder.recordState(known);
    QVERIFY(recorder.flush()); // the unknown device does not sink the batch
    QCOMPARE(
        storedValue(workspace->deviceStates().state(QStringLiteral("pk"), QStringLiteral("dev1")))->state,
        ConfigState::Verified);
    QVERIFY(!storedValue(workspace->deviceStates().state(QStringLiteral("pk"), QStringLiteral("ghost"))));
}

void TestWorkspaceRecorder::mergeKeepsAbsentFields()
{
    DeviceStateUpdate into{QStringLiteral("pk"), QStringLiteral("d")};
    into.configId = QStringLiteral("c1");
    into.lastReplyCode = 460;
    DeviceStateUpdate later{QStringLiteral("pk"), QStringLiteral("d")};
    later.lastReplyCode = 200;
    later.online = false;
    Roles::WorkspaceRecorder::merge(into, later);
    QCOMPARE(into.configId, QStringLiteral("c1"));
    QCOMPARE(into.lastReplyCode, 200);
    QCOMPARE(into.online, false);
    QVERIFY(!into.state);
}

void TestWorkspaceRecorder::fullDiskKeepsMemoryBoundedAndResumes()
{
    // A real full file system: a small tmpfs (needs root; skipped elsewhere), filled up while the
    // recorder works, then given room again.
    if (::geteuid() != 0)
        QSKIP("mounting a small tmpfs needs root");
    QTemporaryDir mountPoint;
    QVERIFY(mountPoint.isValid());
    if (QProcess::execute(QStringLiteral("mount"),
                          {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                           QStringLiteral("size=4m"), QStringLiteral("tmpfs"), mountPoint.path()}) != 0)
        QSKIP("cannot mount a tmpfs here");
    std::unique_ptr<Store::Workspace> workspace;
    const auto unmount = qScopeGuard([&] {
        workspace.reset();
        QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), mountPoint.path()});
    });
    auto opened = Store::Workspace::open(mountPoint.filePath(QStringLiteral("full.configdeck")),
                                         Store::Workspace::OpenMode::CreateOrOpen);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
    workspace = std::move(opened).value();
    workspace->keys().setSealer(std::make_shared<Store::SecretSealer>(Store::SecretSealer::randomKey()));
    QVERIFY(workspace->identities().addDevice({QStringLiteral("pk"), QStringLiteral("dev1")}, "secret"));

    Roles::WorkspaceRecorder recorder(workspace.get());
    recorder.setInterval(10);
    recorder.setRetryInterval(100);
    recorder.setMaxBuffered(40);
    recorder.setMaxBufferedBytes(30 * 1024);
    QSignalSpy errors(&recorder, &Roles::WorkspaceRecorder::errorOccurred);
    QSignalSpy resumed(&recorder, &Roles::WorkspaceRecorder::writingResumed);

    QFile filler(mountPoint.filePath(QStringLiteral("filler")));
    QVERIFY(filler.open(QIODevice::WriteOnly));
    const QByteArray block(64 * 1024, 'z');
    while (filler.write(block) == block.size() && filler.flush()) {
    }
    filler.close();

    constexpr int recorded = 300;
    for (int i = 0; i < recorded; ++i) {
        recorder.recordMessage(Roles::logEntry(
            Store::MessageDirection::In, QStringLiteral("/sys/pk/dev1/thing/config/get"),
            QByteArray(1000, 'p'), QStringLiteral("pk"), QStringLiteral("dev1"), QString::number(i)));
        DeviceStateUpdate update{QStringLiteral("pk"), QStringLiteral("dev1")};
        update.lastReplyCode = i;
        recorder.recordState(update);
        // Memory stays bounded however long writing fails: by count and by payload bytes.
        QVERIFY2(recorder.buffered() <= 40 + 1, qPrintable(QString::number(recorder.buffered())));
    }
    QTest::qWait(400); // several retries while the disk is full
    QVERIFY(recorder.isFailing());
    QCOMPARE(errors.size(), 1); // told once
    const QString told = errors.at(0).at(0).toString();
    QVERIFY2(told.startsWith(QLatin1StringView("Cannot write to the workspace: ")), qPrintable(told));
    QVERIFY2(told.contains(QLatin1StringView("full")), qPrintable(told)); // the reason: the disk is full
    QVERIFY(resumed.isEmpty());

    QVERIFY(filler.remove());
    QTRY_COMPARE_WITH_TIMEOUT(resumed.size(), 1, 5000);
    QVERIFY(!recorder.isFailing());
    QCOMPARE(recorder.buffered(), 0);
    const int dropped = resumed.at(0).at(0).toInt();
    QVERIFY(dropped > 0);
    QVERIFY2(resumed.at(0).at(1).toString().contains(QString::number(dropped)),
             qPrintable(resumed.at(0).at(1).toString()));
    // Everything recorded is either stored or counted as dropped, nothing twice.
    QCOMPARE(storedValue(workspace->messageLog().count()), qint64(recorded - dropped));
    const auto state =
        storedValue(workspace->deviceStates().state(QStringLiteral("pk"), QStringLiteral("dev1")));
    QVERIFY(state);
    QCOMPARE(state->lastReplyCode, recorded - 1);
    QCOMPARE(errors.size(), 1);
}

QTEST_GUILESS_MAIN(TestWorkspaceRecorder)
#include "TestWorkspaceRecorder.moc"
