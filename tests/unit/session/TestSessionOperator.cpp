// Who did what: the operator a console session carries is recorded with every message of its pushes, with the
// rollouts it starts and with the changes made by hand, in the workspace's message log and rollout history.
#include "session/ConsoleSession.h"
#include "session/DemoSeed.h"
#include "store/Workspace.h"
#include "support/StoredValue.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace ConfigDeck;
using Session::ConsoleSession;
using Store::MessageDirection;

class TestSessionOperator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultsToTheAccountName();
    void pushRolloutAndEditsCarryTheOperator();
};

void TestSessionOperator::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QFile::remove(ConsoleSession::defaultWorkspacePath());
}

void TestSessionOperator::defaultsToTheAccountName()
{
    const QByteArray user = qgetenv("USER");
    qputenv("USER", "ci-account");
    QCOMPARE(ConsoleSession::defaultOperatorName(), QStringLiteral("ci-account"));
    ConsoleSession session({});
    QCOMPARE(session.operatorName(), QStringLiteral("ci-account"));
    session.setOperatorName(QStringLiteral("  alice "));
    QCOMPARE(session.operatorName(), QStringLiteral("alice"));
    session.setOperatorName(QString()); // no name set in Preferences: the account's
    QCOMPARE(session.operatorName(), QStringLiteral("ci-account"));
    qputenv("USER", user);
}

void TestSessionOperator::pushRolloutAndEditsCarryTheOperator()
{
    ConsoleSession session({});
    session.setOperatorName(QStringLiteral("alice"));
    QVERIFY(session.open());
    QTRY_VERIFY_WITH_TIMEOUT(session.connectionState() == Transport::MqttConnection::State::Connected, 10000);
    const QString productKey = Session::DemoSeed::products().first().record.productKey;
    Store::Workspace& workspace = *session.workspace();
    const QStringList devices = storedValue(workspace.identities().deviceNames(productKey));
    QVERIFY(devices.size() >= 2);

    // A push: every message it sends, and what the console receives, is alice's.
    QSignalSpy logged(&session, &ConsoleSession::messageLogged);
    const auto tickets = session.push(productKey, {devices.at(0), devices.at(1)});
    QVERIFY2(tickets, tickets ? "" : qPrintable(tickets.error().message()));
    QCOMPARE(tickets->size(), 2);
    QVERIFY(!logged.isEmpty());
    for (const QList<QVariant>& signal : std::as_const(logged))
        QCOMPARE(signal.at(0).value<Store::MessageLogEntry>().operatorName, QStringLiteral("alice"));
    session.flush();
    int pushes = 0;
    for (const Store::MessageLogEntry& entry : storedValue(workspace.messageLog().entries(productKey))) {
        QCOMPARE(entry.operatorName, QStringLiteral("alice"));
        if (entry.direction == MessageDirection::Out &&
            entry.topic.endsWith(QLatin1StringView("/thing/config/push")))
            ++pushes;
    }
    QCOMPARE(pushes, 2);

    // A rollout started by bob is bob's in the rollout history.
    session.setOperatorName(QStringLiteral("bob"));
    Roles::RolloutPlan plan;
    plan.productKey = productKey;
    plan.devices = {devices.at(0)};
    plan.timeout = std::chrono::seconds(5);
    const auto runner = session.startRollout(plan);
    QVERIFY2(runner, runner ? "" : qPrintable(runner.error().message()));
    const QList<Store::RolloutRecord> rollouts = storedValue(workspace.rollouts().list());
    QCOMPARE(rollouts.size(), 1);
    QCOMPARE(rollouts.first().operatorName, QStringLiteral("bob"));
    QCOMPARE(rollouts.first().productKey, productKey);

    // A change by hand: one entry per device, with its operator.
    QVERIFY(session.recordEdit(QStringLiteral("Delete device"),
                               {{productKey, devices.at(0)}, {productKey, devices.at(1)}}));
    QVERIFY(session.recordEdit(QStringLiteral("Edit product"), {}, productKey));
    const QList<Store::MessageLogEntry> entries = storedValue(workspace.messageLog().entries(productKey));
    QList<Store::MessageLogEntry> edits;
    for (const Store::MessageLogEntry& entry : entries) {
        if (entry.direction == MessageDirection::Edit)
            edits << entry;
    }
    QCOMPARE(edits.size(), 3); // newest first
    QCOMPARE(edits.at(0).topic, QStringLiteral("Edit product"));
    QCOMPARE(edits.at(0).deviceName, QString());
    QCOMPARE(edits.at(1).deviceName, devices.at(1));
    QCOMPARE(edits.at(2).deviceName, devices.at(0));
    for (const Store::MessageLogEntry& edit : std::as_const(edits)) {
        QCOMPARE(edit.operatorName, QStringLiteral("bob"));
        QCOMPARE(edit.topic.isEmpty(), false);
    }
    session.shutdown();
}

QTEST_GUILESS_MAIN(TestSessionOperator)
#include "TestSessionOperator.moc"
