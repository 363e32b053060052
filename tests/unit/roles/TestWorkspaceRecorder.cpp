#include "roles/WireEvent.h"
#include "roles/WorkspaceRecorder.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"
#include "support/StoredValue.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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

QTEST_GUILESS_MAIN(TestWorkspaceRecorder)
#include "TestWorkspaceRecorder.moc"
