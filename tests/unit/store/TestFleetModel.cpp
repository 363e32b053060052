#include "StoreTestSupport.h"
#include "store/FleetFilterModel.h"
#include "store/FleetModel.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck::Store;
using ConfigDeck::Alink::ReplyCodeCatalog;
using ConfigDeck::Alink::ReplySource;

namespace {

DeviceState device(const QString& pk, const QString& dn, ConfigState state = ConfigState::Unknown,
                   std::optional<int> code = std::nullopt, bool online = false, const QString& configId = {})
{
    DeviceState d;
    d.productKey = pk;
    d.deviceName = dn;
    d.state = state;
    d.lastReplyCode = code;
    d.online = online;
    d.configId = configId;
    return d;
}

DeviceStateUpdate stateUpdate(const QString& pk, const QString& dn, ConfigState state)
{
    DeviceStateUpdate update{pk, dn};
    update.state = state;
    return update;
}

QStringList names(const QAbstractItemModel& model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, FleetModel::DeviceNameColumn).data().toString());
    return result;
}

} // namespace

class TestFleetModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void loadFromWorkspace();
    void rolesAndDisplay();
    void appendIsOneInsert();
    void updatesBecomeOneDataChanged();
    void mostRowsChangedMeansFullRange();
    void queuedUpdatesAreCoalesced();
    void filters_data();
    void filters();
    void filterFollowsUpdates();
    void filterFollowsAppendsAndResets();

private:
    void fillSample();

    std::unique_ptr<FleetModel> m_model;
    std::unique_ptr<FleetFilterModel> m_filter;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QAbstractItemModelTester> m_filterTester;
};

void TestFleetModel::init()
{
    m_filterTester.reset();
    m_tester.reset();
    m_filter.reset();
    m_model = std::make_unique<FleetModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_filter = std::make_unique<FleetFilterModel>();
    m_filter->setSourceModel(m_model.get());
    m_filterTester = std::make_unique<QAbstractItemModelTester>(
        m_filter.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestFleetModel::fillSample()
{
    m_model->appendDevices({
        device(QStringLiteral("a1Lamp"), QStringLiteral("lamp-01"), ConfigState::Applied, 200, true,
               QStringLiteral("cfg-1")),
        device(QStringLiteral("a1Lamp"), QStringLiteral("lamp-02"), ConfigState::Failed, 100003, false,
               QStringLiteral("cfg-1")),
        device(QStringLiteral("a1Lamp"), QStringLiteral("lamp-03")),
        device(QStringLiteral("b2Meter"), QStringLiteral("meter-01"), ConfigState::Failed, 100001, true,
               QStringLiteral("cfg-meter")),
        device(QStringLiteral("b2Meter"), QStringLiteral("meter-02"), ConfigState::Pushed, std::nullopt,
               true),
        device(QStringLiteral("b2Meter"), QStringLiteral("LAMPLIKE"), ConfigState::Verified, 429),
    });
}

void TestFleetModel::loadFromWorkspace()
{
    QTemporaryDir dir;
    auto opened = openTestWorkspace(dir.filePath(QStringLiteral("w.cdws")));
    QVERIFY(opened);
    Workspace& workspace = **opened;
    workspace.keys().setSealer(std::make_shared<SecretSealer>(SecretSealer::randomKey()));
    QList<DeviceRecord> devices;
    QList<QByteArray> secrets;
    for (int i = 0; i < 50; ++i) {
        devices.append(
            {i % 2 ? QStringLiteral("pkOdd") : QStringLiteral("pkEven"), QStringLiteral("device%1").arg(i)});
        secrets.append("s");
    }
    STORE_VERIFY(workspace.identities().addDevices(devices, secrets));
    DeviceStateUpdate update{QStringLiteral("pkOdd"), QStringLiteral("device7")};
    update.configId = QStringLiteral("cfg-9");
    update.sha256 = QStringLiteral("0123456789abcdef").repeated(4);
    update.state = ConfigState::Verified;
    update.lastReplyCode = 6713;
    update.replySource = ReplySource::Platform;
    update.lastMessageTime = QDateTime::fromMSecsSinceEpoch(1700000000000).toUTC();
    update.online = true;
    STORE_VERIFY(workspace.deviceStates().apply({update}));

    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QVERIFY(m_model->loadFrom(workspace));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 50);
    QCOMPARE(m_filter->rowCount(), 50);
    const int row = m_model->rowOf(QStringLiteral("pkOdd"), QStringLiteral("device7"));
    QCOMPARE(row, 7);
    QCOMPARE(m_model->rowOf(QStringLiteral("pkEven"), QStringLiteral("device7")), -1);
    QCOMPARE(m_model->rowOf(QStringLiteral("nope"), QStringLiteral("device7")), -1);
    const auto index = [&](int column) { return m_model->index(row, column); };
    QCOMPARE(index(0).data(FleetModel::ConfigIdRole).toString(), QStringLiteral("cfg-9"));
    QCOMPARE(index(0).data(FleetModel::StateRole).toInt(), int(ConfigState::Verified));
    QCOMPARE(index(0).data(FleetModel::ReplyCodeRole).toInt(), 6713);
    QCOMPARE(index(0).data(FleetModel::ReplySourceRole).toInt(), int(ReplySource::Platform));
    QCOMPARE(index(0).data(FleetModel::LastMessageTimeRole).toDateTime(),
             QDateTime::fromMSecsSinceEpoch(1700000000000).toUTC());
    QCOMPARE(index(FleetModel::ConfigColumn).data().toString(), QStringLiteral("cfg-9 (01234567)"));
    QCOMPARE(index(FleetModel::OnlineColumn).data(FleetModel::OnlineRole).toBool(), true);
    QVERIFY(!m_model->index(0, 0).data(FleetModel::ReplyCodeRole).isValid());
    QCOMPARE(m_model->index(0, FleetModel::StateColumn).data().toString(), QStringLiteral("Unknown"));
}

void TestFleetModel::rolesAndDisplay()
{
    fillSample();
    QCOMPARE(m_model->rowCount(), 6);
    QCOMPARE(m_model->columnCount(), int(FleetModel::ColumnCount));
    QCOMPARE(m_model->headerData(FleetModel::LastCodeColumn, Qt::Horizontal).toString(),
             QStringLiteral("Last code"));
    const auto at = [&](int row, int column, int role = Qt::DisplayRole) {
        return m_model->index(row, column).data(role);
    };
    QCOMPARE(at(0, FleetModel::ProductKeyColumn).toString(), QStringLiteral("a1Lamp"));
    QCOMPARE(at(0, FleetModel::DeviceNameColumn).toString(), QStringLiteral("lamp-01"));
    QCOMPARE(at(0, FleetModel::OnlineColumn).toString(), QStringLiteral("Online"));
    QCOMPARE(at(1, FleetModel::OnlineColumn).toString(), QStringLiteral("Offline"));
    QCOMPARE(at(1, FleetModel::StateColumn).toString(), QStringLiteral("Failed"));
    QCOMPARE(at(1, FleetModel::LastCodeColumn).toString(), QStringLiteral("100003"));
    QCOMPARE(at(2, FleetModel::LastCodeColumn).toString(), QString());

    // The colour and meaning of a code come from the catalog.
    const auto signMismatch = ReplyCodeCatalog::lookup(100003, ReplySource::Device);
    QCOMPARE(at(1, 0, FleetModel::CategoryColorRole).toString(),
             ReplyCodeCatalog::categoryColor(signMismatch.category));
    QCOMPARE(at(0, 0, FleetModel::CategoryColorRole).toString(),
             ReplyCodeCatalog::categoryColor(ConfigDeck::Alink::ReplyCategory::Success));
    QVERIFY(!at(2, 0, FleetModel::CategoryColorRole).isValid());
    QVERIFY(at(1, FleetModel::LastCodeColumn, Qt::ToolTipRole)
                .toString()
                .contains(signMismatch.displayMeaning()));
    QCOMPARE(at(5, 0, FleetModel::ReplyCodeRole).toInt(), 429);
    QCOMPARE(m_model->roleNames().value(FleetModel::CategoryColorRole), QByteArray("categoryColor"));
}

void TestFleetModel::appendIsOneInsert()
{
    fillSample();
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QList<DeviceState> devices;
    for (int i = 0; i < 1000; ++i)
        devices.append(device(QStringLiteral("c3New"), QStringLiteral("dev%1").arg(i)));
    devices.append(device(QStringLiteral("a1Lamp"), QStringLiteral("lamp-01"))); // present: skipped
    devices.append(device(QStringLiteral("c3New"), QStringLiteral("dev5")));     // twice in the batch
    QCOMPARE(m_model->appendDevices(devices), 1000);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 6);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1005);
    QCOMPARE(m_model->rowOf(QStringLiteral("c3New"), QStringLiteral("dev999")), 1005);
    QCOMPARE(m_model->appendDevices({device(QStringLiteral("a1Lamp"), QStringLiteral("lamp-01"))}), 0);
    QCOMPARE(inserted.count(), 1);
}

void TestFleetModel::updatesBecomeOneDataChanged()
{
    QList<DeviceState> devices;
    for (int i = 0; i < 100; ++i)
        devices.append(device(QStringLiteral("pk"), QStringLiteral("dev%1").arg(i)));
    m_model->appendDevices(devices);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QList<DeviceStateUpdate> updates{
        stateUpdate(QStringLiteral("pk"), QStringLiteral("dev40"), ConfigState::Pushed),
        stateUpdate(QStringLiteral("pk"), QStringLiteral("dev12"), ConfigState::Pushed),
        stateUpdate(QStringLiteral("pk"), QStringLiteral("dev30"), ConfigState::Failed),
        stateUpdate(QStringLiteral("pk"), QStringLiteral("ghost"), ConfigState::Failed)};
    QCOMPARE(m_model->applyUpdates(updates), 3);
    QCOMPARE(changed.count(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 12);
    QCOMPARE(bottomRight.row(), 40);
    QCOMPARE(topLeft.column(), int(FleetModel::StateColumn));
    QCOMPARE(bottomRight.column(), int(FleetModel::StateColumn));
    QCOMPARE(m_model->index(30, 0).data(FleetModel::StateRole).toInt(), int(ConfigState::Failed));

    DeviceStateUpdate online{QStringLiteral("pk"), QStringLiteral("dev3")};
    online.online = true;
    online.lastReplyCode = 200;
    QCOMPARE(m_model->applyUpdates({online}), 1);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>().column(), int(FleetModel::OnlineColumn));
    QCOMPARE(changed.at(1).at(1).value<QModelIndex>().column(), int(FleetModel::LastCodeColumn));
    QCOMPARE(m_model->applyUpdates(
                 {stateUpdate(QStringLiteral("pk"), QStringLiteral("ghost"), ConfigState::Failed)}),
             0);
    QCOMPARE(changed.count(), 2);
}

void TestFleetModel::mostRowsChangedMeansFullRange()
{
    QList<DeviceState> devices;
    for (int i = 0; i < 100; ++i)
        devices.append(device(QStringLiteral("pk"), QStringLiteral("dev%1").arg(i)));
    m_model->appendDevices(devices);
    QList<DeviceStateUpdate> updates;
    for (int i = 10; i < 70; ++i)
        updates.append(
            stateUpdate(QStringLiteral("pk"), QStringLiteral("dev%1").arg(i), ConfigState::Requested));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QCOMPARE(m_model->applyUpdates(updates), 60);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 99);
}

void TestFleetModel::queuedUpdatesAreCoalesced()
{
    fillSample();
    m_model->setCoalesceInterval(20);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->queueUpdates(
        {stateUpdate(QStringLiteral("a1Lamp"), QStringLiteral("lamp-03"), ConfigState::Requested)});
    m_model->queueUpdates(
        {stateUpdate(QStringLiteral("b2Meter"), QStringLiteral("meter-01"), ConfigState::Applied)});
    m_model->queueUpdates(
        {stateUpdate(QStringLiteral("a1Lamp"), QStringLiteral("lamp-02"), ConfigState::Applied)});
    QCOMPARE(changed.count(), 0);
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 3);
    QCOMPARE(m_model->index(2, 0).data(FleetModel::StateRole).toInt(), int(ConfigState::Requested));
    QTest::qWait(50);
    QCOMPARE(changed.count(), 1);
}

void TestFleetModel::filters_data()
{
    using Filter = FleetFilterModel::Filter;
    QTest::addColumn<Filter>("filter");
    QTest::addColumn<QStringList>("expected");
    const QStringList all{QStringLiteral("lamp-01"),  QStringLiteral("lamp-02"),  QStringLiteral("lamp-03"),
                          QStringLiteral("meter-01"), QStringLiteral("meter-02"), QStringLiteral("LAMPLIKE")};
    QTest::addRow("none") << Filter{} << all;
    QTest::addRow("text in DeviceName, any case")
        << Filter{QStringLiteral("lamp")}
        << QStringList{QStringLiteral("lamp-01"), QStringLiteral("lamp-02"), QStringLiteral("lamp-03"),
                       QStringLiteral("LAMPLIKE")};
    QTest::addRow("text in ProductKey")
        << Filter{QStringLiteral("B2ME")}
        << QStringList{QStringLiteral("meter-01"), QStringLiteral("meter-02"), QStringLiteral("LAMPLIKE")};
    QTest::addRow("text in configId")
        << Filter{QStringLiteral("cfg-m")} << QStringList{QStringLiteral("meter-01")};
    QTest::addRow("text nowhere") << Filter{QStringLiteral("zzz")} << QStringList();
    QTest::addRow("product") << Filter{{}, {QStringLiteral("a1Lamp")}}
                             << QStringList{QStringLiteral("lamp-01"), QStringLiteral("lamp-02"),
                                            QStringLiteral("lamp-03")};
    QTest::addRow("states") << Filter{{}, {}, {ConfigState::Failed, ConfigState::Pushed}}
                            << QStringList{QStringLiteral("lamp-02"), QStringLiteral("meter-01"),
                                           QStringLiteral("meter-02")};
    QTest::addRow("reply codes") << Filter{{}, {}, {}, {100003, 100001}}
                                 << QStringList{QStringLiteral("lamp-02"), QStringLiteral("meter-01")};
    QTest::addRow("no reply yet") << Filter{{}, {}, {}, {FleetFilterModel::kNoReplyCode}}
                                  << QStringList{QStringLiteral("lamp-03"), QStringLiteral("meter-02")};
    QTest::addRow("online") << Filter{{}, {}, {}, {}, true}
                            << QStringList{QStringLiteral("lamp-01"), QStringLiteral("meter-01"),
                                           QStringLiteral("meter-02")};
    QTest::addRow("combined")
        << Filter{QStringLiteral("01"), {QStringLiteral("b2Meter")}, {ConfigState::Failed}, {100001}, true}
        << QStringList{QStringLiteral("meter-01")};
}

void TestFleetModel::filters()
{
    QFETCH(FleetFilterModel::Filter, filter);
    QFETCH(QStringList, expected);
    fillSample();
    m_filter->setFilter(filter);
    QCOMPARE(names(*m_filter), expected);
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex proxy = m_filter->index(row, 1);
        QCOMPARE(m_filter->mapFromSource(m_filter->mapToSource(proxy)), proxy);
    }
}

void TestFleetModel::filterFollowsUpdates()
{
    fillSample();
    FleetFilterModel::Filter failed;
    failed.states = {ConfigState::Failed};
    m_filter->setFilter(failed);
    QCOMPARE(names(*m_filter), (QStringList{QStringLiteral("lamp-02"), QStringLiteral("meter-01")}));

    QSignalSpy inserted(m_filter.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_filter.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_filter.get(), &QAbstractItemModel::dataChanged);
    // lamp-03 fails, lamp-02 recovers, meter-01 stays failed but changes.
    DeviceStateUpdate stillFailed{QStringLiteral("b2Meter"), QStringLiteral("meter-01")};
    stillFailed.lastReplyCode = 100002;
    m_model->applyUpdates(
        {stateUpdate(QStringLiteral("a1Lamp"), QStringLiteral("lamp-03"), ConfigState::Failed),
         stateUpdate(QStringLiteral("a1Lamp"), QStringLiteral("lamp-02"), ConfigState::Applied),
         stillFailed});
    QCOMPARE(names(*m_filter), (QStringList{QStringLiteral("lamp-03"), QStringLiteral("meter-01")}));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_filter->index(1, 0).data(FleetModel::ReplyCodeRole).toInt(), 100002);
}

void TestFleetModel::filterFollowsAppendsAndResets()
{
    fillSample();
    m_filter->setFilter(FleetFilterModel::Filter{QStringLiteral("meter")});
    QCOMPARE(m_filter->rowCount(), 3); // LAMPLIKE through its ProductKey b2Meter
    QSignalSpy inserted(m_filter.get(), &QAbstractItemModel::rowsInserted);
    m_model->appendDevices({device(QStringLiteral("d4New"), QStringLiteral("meter-77")),
                            device(QStringLiteral("d4New"), QStringLiteral("other-1")),
                            device(QStringLiteral("d4New"), QStringLiteral("meter-78"))});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(names(*m_filter),
             (QStringList{QStringLiteral("meter-01"), QStringLiteral("meter-02"), QStringLiteral("LAMPLIKE"),
                          QStringLiteral("meter-77"), QStringLiteral("meter-78")}));
    // A product filter sees products that arrived after it was set.
    m_filter->setFilter(FleetFilterModel::Filter{{}, {QStringLiteral("e5Later")}});
    QCOMPARE(m_filter->rowCount(), 0);
    m_model->appendDevices({device(QStringLiteral("e5Later"), QStringLiteral("late-01"))});
    QCOMPARE(names(*m_filter), QStringList{QStringLiteral("late-01")});
    m_model->clear();
    QCOMPARE(m_filter->rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestFleetModel)
#include "TestFleetModel.moc"
