// The cloud panel's table model under QAbstractItemModelTester: rows by identity, state texts and colours
// (kicked offline in words, with its reason as tooltip), the held configuration, the code badge.
#include "CloudDeviceModel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

using namespace ConfigDeck;
using Cloud::CloudDeviceState;
using Ui::CloudDeviceModel;

class TestCloudDeviceModel : public QObject
{
    Q_OBJECT

private slots:
    void rowsByIdentity();
    void stateTexts_data();
    void stateTexts();
    void kickedIsShownClearly();
    void heldConfigurationAndCode();
};

void TestCloudDeviceModel::rowsByIdentity()
{
    CloudDeviceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(CloudDeviceModel::ColumnCount));
    QCOMPARE(model.ensureRow(QStringLiteral("pk"), QStringLiteral("a")), 0);
    QCOMPARE(model.ensureRow(QStringLiteral("pk"), QStringLiteral("b")), 1);
    QCOMPARE(model.ensureRow(QStringLiteral("pk"), QStringLiteral("a")), 0);
    QCOMPARE(model.ensureRow(QStringLiteral("pk2"), QStringLiteral("a")), 2);
    QCOMPARE(model.rowCount(), 3);
    model.removeDevice(QStringLiteral("pk"), QStringLiteral("a"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(QStringLiteral("pk"), QStringLiteral("b")), 0);
    QCOMPARE(model.rowOf(QStringLiteral("pk2"), QStringLiteral("a")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("pk"), QStringLiteral("a")), -1);
    QCOMPARE(model.index(1, CloudDeviceModel::ProductKeyColumn).data().toString(), QStringLiteral("pk2"));
    QCOMPARE(model.index(1, CloudDeviceModel::DeviceNameColumn).data().toString(), QStringLiteral("a"));
    model.removeDevice(QStringLiteral("nobody"), QStringLiteral("x"));
    QCOMPARE(model.rowCount(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestCloudDeviceModel::stateTexts_data()
{
    QTest::addColumn<CloudDeviceState>("state");
    QTest::addColumn<QString>("text");
    QTest::addRow("waiting") << CloudDeviceState::Waiting << QStringLiteral("Waiting");
    QTest::addRow("connecting") << CloudDeviceState::Connecting << QStringLiteral("Connecting");
    QTest::addRow("online") << CloudDeviceState::Online << QStringLiteral("Online");
    QTest::addRow("refused") << CloudDeviceState::Refused << QStringLiteral("Refused");
    QTest::addRow("kicked") << CloudDeviceState::Kicked << QStringLiteral("Kicked offline");
    QTest::addRow("stopped") << CloudDeviceState::Stopped << QStringLiteral("Offline");
}

void TestCloudDeviceModel::stateTexts()
{
    QFETCH(CloudDeviceState, state);
    QFETCH(QString, text);
    CloudDeviceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setState(QStringLiteral("pk"), QStringLiteral("a"), state);
    const QModelIndex cell = model.index(0, CloudDeviceModel::StateColumn);
    QCOMPARE(cell.data().toString(), text);
    QCOMPARE(cell.data(CloudDeviceModel::StateRole).toInt(), int(state));
    QVERIFY(!cell.data(Qt::DecorationRole).isNull());
}

void TestCloudDeviceModel::kickedIsShownClearly()
{
    CloudDeviceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setState(QStringLiteral("pk"), QStringLiteral("a"), CloudDeviceState::Online);
    const QModelIndex cell = model.index(0, CloudDeviceModel::StateColumn);
    QVERIFY(!cell.data(Qt::FontRole).value<QFont>().bold());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QString reason =
        QStringLiteral("the platform closed the connection: another client may have connected");
    model.setState(QStringLiteral("pk"), QStringLiteral("a"), CloudDeviceState::Kicked, reason);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(cell.data().toString(), QStringLiteral("Kicked offline"));
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), reason);
    QVERIFY(cell.data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(cell.data(Qt::ForegroundRole).value<QColor>(),
             CloudDeviceModel::stateColor(CloudDeviceState::Kicked));
    QVERIFY(CloudDeviceModel::stateColor(CloudDeviceState::Kicked) !=
            CloudDeviceModel::stateColor(CloudDeviceState::Online));
}

void TestCloudDeviceModel::heldConfigurationAndCode()
{
    CloudDeviceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString sha = QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    model.setHeld(QStringLiteral("pk"), QStringLiteral("a"), QStringLiteral("cfg-7"), sha);
    const QModelIndex config = model.index(0, CloudDeviceModel::ConfigColumn);
    QCOMPARE(config.data().toString(), QStringLiteral("cfg-7 · 0123456789ab"));
    QVERIFY(config.data(Qt::ToolTipRole).toString().contains(sha));
    // A configId that is the digest's start is not repeated.
    model.setHeld(QStringLiteral("pk"), QStringLiteral("a"), sha.left(16), sha);
    QCOMPARE(config.data().toString(), QStringLiteral("0123456789ab"));

    const QModelIndex code = model.index(0, CloudDeviceModel::CodeColumn);
    QVERIFY(code.data().toString().isEmpty());
    QVERIFY(!code.data(CloudDeviceModel::BadgeColorRole).isValid());
    model.setCode(QStringLiteral("pk"), QStringLiteral("a"), 6713, Alink::ReplySource::Platform);
    QVERIFY2(code.data().toString().startsWith(QStringLiteral("6713 ")), qPrintable(code.data().toString()));
    QCOMPARE(code.data(CloudDeviceModel::BadgeColorRole).value<QColor>(),
             QColor::fromString(Alink::ReplyCodeCatalog::categoryColor(
                 Alink::ReplyCodeCatalog::lookup(6713, Alink::ReplySource::Platform).category)));
    QVERIFY(code.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Platform")));
    model.setCode(QStringLiteral("pk"), QStringLiteral("a"), 100001, Alink::ReplySource::Device);
    QCOMPARE(code.data().toString(), QStringLiteral("100001 Download failed"));

    const QDateTime time = QDateTime::currentDateTimeUtc();
    model.setLastEvent(QStringLiteral("pk"), QStringLiteral("a"), time);
    QCOMPARE(model.index(0, CloudDeviceModel::LastEventColumn).data().toString(),
             time.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
}

QTEST_MAIN(TestCloudDeviceModel)
#include "TestCloudDeviceModel.moc"
