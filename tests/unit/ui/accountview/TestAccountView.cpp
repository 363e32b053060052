// The Account view offscreen: its first content from a workspace's stored device states, then answers and
// online changes fed through its slots (as the account's server-side subscription will), the push mark,
// products, filters, the connection line, and a product of ten thousand devices.
#include "AccountCountModel.h"
#include "AccountDeviceModel.h"
#include "AccountFilterModel.h"
#include "AccountView.h"
#include "Localization.h"
#include "MainWindow.h"
#include "RolloutTimeline.h"
#include "store/FleetModel.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"
#include "support/GuiTestHelpers.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ConfigDeck;
using namespace ConfigDeck::Ui;
using Alink::ReplyCodeCatalog;
using Alink::ReplySource;

namespace {
const QString kLamp = QStringLiteral("a1Lamp");
const QString kMeter = QStringLiteral("b2Meter");

QString lamp(int i)
{
    return QStringLiteral("lamp-%1").arg(i, 2, 10, QLatin1Char('0'));
}

QDateTime at(int seconds)
{
    return QDateTime::fromMSecsSinceEpoch(1'700'000'000'000LL + seconds * 1000LL).toUTC();
}

Store::DeviceStateUpdate stored(const QString& productKey, const QString& deviceName, std::optional<int> code,
                                bool online, ReplySource source = ReplySource::Device)
{
    Store::DeviceStateUpdate update;
    update.productKey = productKey;
    update.deviceName = deviceName;
    if (code)
        update.lastReplyCode = *code;
    update.replySource = source;
    update.lastMessageTime = at(-3600);
    update.online = online;
    return update;
}
} // namespace

class TestAccountView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void initialContentComesFromTheWorkspace();
    void liveAnswersUpdateRowsCountsAndTimeline();
    void laterMessagesWinOverOlderOnes();
    void watchANewPushResetsEveryDeviceToNoAnswer();
    void productSwitchKeepsEachProductsAnswers();
    void filterAndSortByAnswer();
    void connectionLineSaysWhatIsHappening();
    void tenThousandDevicesTakeTenThousandAnswers();
    void mainWindowHasTheAccountTab();
    void screenshotWithLiveAnswers();

private:
    int rowOf(const QString& deviceName) const { return m_view->model()->rowOf(deviceName); }
    const AccountDeviceModel::Row& row(const QString& deviceName) const
    {
        return m_view->model()->rowAt(rowOf(deviceName));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Workspace> m_workspace;
    std::unique_ptr<Store::FleetModel> m_fleet;
    std::unique_ptr<AccountView> m_view;
};

void TestAccountView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfigDeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestAccountView"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCOMPARE(Localization::install(QLocale::c()), QStringLiteral("en"));
}

// A workspace with two products: a1Lamp's ten lamps (lamp-00 took the last push, lamp-01 failed with a
// device-defined code, lamp-02 with a platform code, the rest never answered) and b2Meter's three meters.
void TestAccountView::init()
{
    auto opened = Store::Workspace::open(m_dir.filePath(QStringLiteral("account.cdws")));
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
    m_workspace = std::move(*opened);
    m_workspace->keys().setSealer(std::make_shared<Store::SecretSealer>(Store::SecretSealer::randomKey()));
    Store::ProductRecord lampProduct;
    lampProduct.productKey = kLamp;
    lampProduct.name = QStringLiteral("Desk lamp");
    QVERIFY(m_workspace->identities().upsertProduct(lampProduct));
    QList<Store::DeviceRecord> devices;
    QList<QByteArray> secrets;
    for (int i = 0; i < 10; ++i)
        devices.append({kLamp, lamp(i)});
    for (int i = 0; i < 3; ++i)
        devices.append({kMeter, QStringLiteral("meter-%1").arg(i)});
    for (int i = 0; i < devices.size(); ++i)
        secrets.append("secret");
    QVERIFY(m_workspace->identities().addDevices(devices, secrets));
    QVERIFY(m_workspace->deviceStates().apply(
        {stored(kLamp, lamp(0), 200, true), stored(kLamp, lamp(1), int(ReplyCodeCatalog::SizeMismatch), true),
         stored(kLamp, lamp(2), 6713, false, ReplySource::Platform),
         stored(kLamp, lamp(3), std::nullopt, true), stored(kMeter, QStringLiteral("meter-0"), 200, false)}));

    m_fleet = std::make_unique<Store::FleetModel>();
    QVERIFY(m_fleet->loadFrom(*m_workspace));
    m_view = std::make_unique<AccountView>(m_fleet.get());
    m_view->model()->setCoalesceInterval(10);
    new QAbstractItemModelTester(m_view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_view.get());
    new QAbstractItemModelTester(m_view->filterModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, m_view.get());
    new QAbstractItemModelTester(m_view->countModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_view.get());
    auto products = m_workspace->identities().products();
    QVERIFY(products);
    m_view->setProducts(*products);
    m_view->setCurrentProduct(kLamp);
    m_view->resize(1100, 760);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestAccountView::cleanup()
{
    m_view.reset();
    m_fleet.reset();
    m_workspace.reset();
    QFile::remove(m_dir.filePath(QStringLiteral("account.cdws")));
}

void TestAccountView::initialContentComesFromTheWorkspace()
{
    QCOMPARE(m_view->products(), (QStringList{kLamp, kMeter}));
    auto* combo = m_view->findChild<QComboBox*>(QStringLiteral("accountProduct"));
    QCOMPARE(combo->currentText(), QStringLiteral("Desk lamp (a1Lamp)"));
    AccountDeviceModel* model = m_view->model();
    QCOMPARE(model->rowCount(), 10);

    QVERIFY(row(lamp(0)).answered);
    QCOMPARE(row(lamp(0)).code, 200);
    QVERIFY(row(lamp(0)).online);
    QCOMPARE(model->index(rowOf(lamp(0)), AccountDeviceModel::AnsweredAtColumn)
                 .data(AccountDeviceModel::AnsweredAtRole),
             QVariant(at(-3600)));
    const QModelIndex failed = model->index(rowOf(lamp(1)), AccountDeviceModel::AnswerColumn);
    QCOMPARE(failed.data().toString(), QStringLiteral("100002"));
    const auto sizeMismatch = ReplyCodeCatalog::lookup(ReplyCodeCatalog::SizeMismatch, ReplySource::Device);
    QCOMPARE(model->index(failed.row(), AccountDeviceModel::MeaningColumn).data().toString(),
             sizeMismatch.displayName() + QStringLiteral(": ") + sizeMismatch.displayMeaning());
    QVERIFY(failed.data(Qt::ToolTipRole)
                .toString()
                .contains(ReplyCodeCatalog::lookup(ReplyCodeCatalog::SizeMismatch, ReplySource::Device)
                              .displayMeaning()));
    QCOMPARE(failed.data(AccountDeviceModel::AnswerColorRole).value<QColor>(),
             QColor::fromString(ReplyCodeCatalog::categoryColor(Alink::ReplyCategory::DeviceError)));
    // A platform code keeps its source, so its meaning is the platform's.
    QCOMPARE(row(lamp(2)).source, ReplySource::Platform);
    QVERIFY(model->index(rowOf(lamp(2)), AccountDeviceModel::MeaningColumn)
                .data()
                .toString()
                .startsWith(ReplyCodeCatalog::lookup(6713, ReplySource::Platform).displayName()));
    QCOMPARE(model->index(rowOf(lamp(3)), AccountDeviceModel::AnswerColumn).data().toString(),
             QStringLiteral("No answer yet"));
    QVERIFY(row(lamp(3)).online);
    QVERIFY(!row(lamp(4)).online);

    QCOMPARE(model->countOf(200), 1);
    QCOMPARE(model->countOf(int(ReplyCodeCatalog::SizeMismatch)), 1);
    QCOMPARE(model->countOf(6713), 1);
    QCOMPARE(model->countOf(AccountDeviceModel::kNoAnswer), 7);
    QCOMPARE(model->onlineCount(), 3);
    QStringList badges;
    for (const auto& count : m_view->countModel()->counts())
        badges << AccountCountModel::badgeText(count);
    QCOMPARE(badges, (QStringList{QStringLiteral("200 × 1"), QStringLiteral("6713 × 1"),
                                  QStringLiteral("100002 × 1"), QStringLiteral("No answer yet × 7")}));
    const QString summary = m_view->findChild<QLabel*>(QStringLiteral("accountSummary"))->text();
    QVERIFY2(summary.startsWith(QStringLiteral("10 device")) &&
                 summary.contains(QStringLiteral("3 online, 3 answered")),
             qPrintable(summary));
    QVERIFY(m_view->explanationText().contains(QStringLiteral("latest answer as stored")));
    QVERIFY(m_view->connectionText().contains(QStringLiteral("Not watching the account")));
    // Stored answers are not "arrivals": the timeline waits for live ones.
    QCOMPARE(m_view->timeline()->deviceCount(), 10);
    QCOMPARE(m_view->timeline()->markCount(), 0);
    TestSupport::screenshot(m_view.get(), QStringLiteral("account-view-stored.png"));
}

void TestAccountView::liveAnswersUpdateRowsCountsAndTimeline()
{
    QTableView* table = m_view->table();
    table->resize(table->width(), 120); // so that it scrolls
    table->selectRow(4);
    const QString selected = table->currentIndex().data(AccountDeviceModel::DeviceNameRole).toString();
    table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum());
    const int scroll = table->verticalScrollBar()->value();
    QSignalSpy resets(m_view->model(), &QAbstractItemModel::modelReset);
    QSignalSpy changes(m_view->model(), &QAbstractItemModel::dataChanged);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_view->accountReply(kLamp, lamp(4), 200, now);
    m_view->accountReply(kLamp, lamp(5), int(ReplyCodeCatalog::SignMismatch), now.addMSecs(300));
    m_view->accountReply(kLamp, lamp(1), 200, now.addMSecs(600)); // answered again, now successfully
    m_view->accountStatus(kLamp, lamp(5), true, now);
    // Answers are coalesced: nothing changes until the model applies them together.
    QCOMPARE(changes.count(), 0);
    QTRY_VERIFY(row(lamp(5)).answered);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(resets.count(), 0);

    QCOMPARE(row(lamp(4)).code, 200);
    QCOMPARE(row(lamp(5)).code, int(ReplyCodeCatalog::SignMismatch));
    QVERIFY(row(lamp(5)).online);
    QCOMPARE(row(lamp(1)).code, 200);
    QCOMPARE(m_view->model()->countOf(200), 3);
    QCOMPARE(m_view->model()->countOf(int(ReplyCodeCatalog::SizeMismatch)), 0);
    QCOMPARE(m_view->model()->countOf(int(ReplyCodeCatalog::SignMismatch)), 1);
    QCOMPARE(m_view->model()->countOf(AccountDeviceModel::kNoAnswer), 5);
    QCOMPARE(m_view->countModel()->rowCount(), 4); // 200, 6713, 100003, no answer: 100002 is gone
    QCOMPARE(m_view->timeline()->markCount(), 3);
    // The user's place in the table is kept.
    QCOMPARE(table->currentIndex().data(AccountDeviceModel::DeviceNameRole).toString(), selected);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(table->verticalScrollBar()->value(), scroll);

    // A device the workspace does not hold yet (not imported) is shown too, and placed on the timeline.
    m_view->accountReply(kLamp, QStringLiteral("lamp-new"), 200, now.addSecs(1));
    QTRY_COMPARE(m_view->model()->rowCount(), 11);
    QCOMPARE(row(QStringLiteral("lamp-new")).code, 200);
    QCOMPARE(m_view->timeline()->deviceCount(), 11);
    QCOMPARE(m_view->timeline()->markCount(), 4);
    QCOMPARE(resets.count(), 0);
}

void TestAccountView::laterMessagesWinOverOlderOnes()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_view->accountReply(kLamp, lamp(6), int(ReplyCodeCatalog::ApplyFailed), now);
    m_view->accountReply(kLamp, lamp(6), 200, now.addSecs(-5)); // an older answer delivered late
    m_view->accountStatus(kLamp, lamp(6), true, now);
    m_view->accountStatus(kLamp, lamp(6), false, now.addSecs(-5));
    m_view->flush();
    QCOMPARE(row(lamp(6)).code, int(ReplyCodeCatalog::ApplyFailed));
    QVERIFY(row(lamp(6)).online);

    // A code of the firmware's own (in the device-defined range) is said to be one.
    m_view->accountReply(kLamp, lamp(7), 100500, now);
    m_view->flush();
    const QModelIndex firmware = m_view->model()->index(rowOf(lamp(7)), AccountDeviceModel::MeaningColumn);
    QVERIFY(firmware.data().toString().startsWith(
        ReplyCodeCatalog::lookup(100500, ReplySource::Device).displayName()));
    QCOMPARE(firmware.siblingAtColumn(AccountDeviceModel::AnswerColumn)
                 .data(AccountDeviceModel::AnswerColorRole)
                 .value<QColor>(),
             QColor::fromString(ReplyCodeCatalog::categoryColor(Alink::ReplyCategory::DeviceError)));
}

void TestAccountView::watchANewPushResetsEveryDeviceToNoAnswer()
{
    m_view->table()->selectRow(2);
    QSignalSpy resets(m_view->model(), &QAbstractItemModel::modelReset);
    auto* watch = m_view->findChild<QPushButton*>(QStringLiteral("watchNewPush"));
    auto* stop = m_view->findChild<QPushButton*>(QStringLiteral("showStoredAnswers"));
    QVERIFY(!stop->isVisible());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QTest::mouseClick(watch, Qt::LeftButton);
    QVERIFY(m_view->pushMark().isValid());
    QVERIFY(m_view->pushMark() >= before.addMSecs(-1));
    QVERIFY(stop->isVisible());
    QCOMPARE(m_view->model()->countOf(AccountDeviceModel::kNoAnswer), 10);
    QCOMPARE(m_view->model()->answeredCount(), 0);
    QCOMPARE(m_view->countModel()->rowCount(), 1);
    QVERIFY(m_view->explanationText().contains(QStringLiteral("Watching a new push since")));
    QCOMPARE(resets.count(), 0); // same devices: the selection stays
    QCOMPARE(m_view->table()->selectionModel()->selectedRows().size(), 1);
    QVERIFY(row(lamp(0)).online); // online state is not an answer

    // An answer sent before the mark belongs to an earlier push.
    m_view->accountReply(kLamp, lamp(3), 200, m_view->pushMark().addSecs(-2));
    m_view->accountReply(kLamp, lamp(7), int(ReplyCodeCatalog::DownloadFailed),
                         m_view->pushMark().addMSecs(900));
    m_view->flush();
    QVERIFY(!row(lamp(3)).answered);
    QCOMPARE(row(lamp(7)).code, int(ReplyCodeCatalog::DownloadFailed));
    QCOMPARE(m_view->model()->countOf(AccountDeviceModel::kNoAnswer), 9);
    QCOMPARE(m_view->timeline()->markCount(), 1);

    // Back to the stored answers, with the live ones on top.
    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(!m_view->pushMark().isValid());
    QCOMPARE(row(lamp(0)).code, 200);
    QCOMPARE(row(lamp(7)).code, int(ReplyCodeCatalog::DownloadFailed));
    QCOMPARE(row(lamp(3)).code, 200); // its (older) live answer is still its latest
    QCOMPARE(m_view->model()->countOf(AccountDeviceModel::kNoAnswer), 5);
    QVERIFY(m_view->explanationText().contains(QStringLiteral("latest answer as stored")));
}

void TestAccountView::productSwitchKeepsEachProductsAnswers()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_view->accountReply(kLamp, lamp(8), 200, now);
    m_view->accountReply(kMeter, QStringLiteral("meter-1"), int(ReplyCodeCatalog::DeviceBusy), now);
    m_view->accountStatus(kMeter, QStringLiteral("meter-2"), true, now);
    m_view->flush();
    QCOMPARE(m_view->model()->rowCount(), 10);
    QCOMPARE(rowOf(QStringLiteral("meter-1")), -1);

    auto* combo = m_view->findChild<QComboBox*>(QStringLiteral("accountProduct"));
    combo->setCurrentIndex(combo->findData(kMeter));
    QCOMPARE(m_view->currentProduct(), kMeter);
    QCOMPARE(m_view->model()->rowCount(), 3);
    QCOMPARE(row(QStringLiteral("meter-0")).code, 200);
    QCOMPARE(row(QStringLiteral("meter-1")).code, int(ReplyCodeCatalog::DeviceBusy));
    QVERIFY(row(QStringLiteral("meter-2")).online);
    QCOMPARE(m_view->model()->countOf(AccountDeviceModel::kNoAnswer), 1);
    QCOMPARE(m_view->timeline()->deviceCount(), 3);
    QCOMPARE(m_view->timeline()->markCount(), 1);
    // The mark is per product.
    m_view->watchNewPush(now.addSecs(1));
    QCOMPARE(m_view->model()->answeredCount(), 0);

    combo->setCurrentIndex(combo->findData(kLamp));
    QVERIFY(!m_view->pushMark().isValid());
    QCOMPARE(m_view->model()->rowCount(), 10);
    QCOMPARE(row(lamp(8)).code, 200);
    QCOMPARE(m_view->model()->countOf(200), 2);

    // A product the workspace does not hold appears in the combo when the account reports on it.
    m_view->accountReply(QStringLiteral("c3Unknown"), QStringLiteral("x"), 200, now);
    QVERIFY(m_view->products().contains(QStringLiteral("c3Unknown")));
    m_view->setCurrentProduct(QStringLiteral("c3Unknown"));
    QCOMPARE(m_view->model()->rowCount(), 1);
    QCOMPARE(row(QStringLiteral("x")).code, 200);
}

void TestAccountView::filterAndSortByAnswer()
{
    m_view->accountReply(kLamp, lamp(9), int(ReplyCodeCatalog::SizeMismatch),
                         QDateTime::currentDateTimeUtc());
    m_view->flush();
    AccountFilterModel* filter = m_view->filterModel();
    auto* answers = m_view->findChild<QComboBox*>(QStringLiteral("accountAnswerFilter"));
    auto choose = [answers](const QString& text) {
        const int index = answers->findText(text, Qt::MatchStartsWith);
        QVERIFY2(index >= 0, qPrintable(text));
        answers->setCurrentIndex(index);
    };
    choose(QStringLiteral("No answer yet"));
    QCOMPARE(filter->rowCount(), 6);
    choose(QStringLiteral("200"));
    QCOMPARE(filter->rowCount(), 1);
    choose(QStringLiteral("Any other code"));
    QCOMPARE(filter->rowCount(), 3);
    choose(QStringLiteral("Only 100002"));
    QCOMPARE(filter->rowCount(), 2);

    // A click on a count's badge shows those devices.
    choose(QStringLiteral("All answers"));
    QListView* badges = m_view->findChild<QListView*>(QStringLiteral("accountCounts"));
    const QModelIndex noAnswer = m_view->countModel()->index(m_view->countModel()->rowCount() - 1);
    QCOMPARE(noAnswer.data(AccountCountModel::CodeRole).toInt(), AccountDeviceModel::kNoAnswer);
    QTest::mouseClick(badges->viewport(), Qt::LeftButton, {}, badges->visualRect(noAnswer).center());
    QCOMPARE(filter->answerFilter(), AccountFilterModel::Answer::NoAnswer);
    QCOMPARE(filter->rowCount(), 6);
    QVERIFY(answers->currentText().startsWith(QStringLiteral("No answer yet")));

    // A new answer leaves the filtered list at once (once applied).
    m_view->accountReply(kLamp, lamp(5), 200, QDateTime::currentDateTimeUtc());
    m_view->flush();
    QCOMPARE(filter->rowCount(), 5);

    // By answer: devices without one first, then the codes ascending.
    choose(QStringLiteral("All answers"));
    m_view->findChild<QLineEdit*>(QStringLiteral("accountSearch"))->setText(QStringLiteral("LAMP-0"));
    QCOMPARE(filter->rowCount(), 10);
    m_view->table()->sortByColumn(AccountDeviceModel::AnswerColumn, Qt::AscendingOrder);
    QList<int> codes;
    for (int i = 0; i < filter->rowCount(); ++i)
        codes << filter->index(i, 0).data(AccountDeviceModel::AnswerCodeRole).toInt();
    QCOMPARE(codes, (QList<int>{-1, -1, -1, -1, -1, 200, 200, 6713, 100002, 100002}));
    m_view->findChild<QLineEdit*>(QStringLiteral("accountSearch"))->setText(QStringLiteral("lamp-09"));
    QCOMPARE(filter->rowCount(), 1);
}

void TestAccountView::connectionLineSaysWhatIsHappening()
{
    QSignalSpy setUp(m_view.get(), &AccountView::setUpAccountRequested);
    auto* line = m_view->findChild<QLabel*>(QStringLiteral("accountConnection"));
    QVERIFY(m_view->connectionText().contains(QStringLiteral("Set up the account")));
    emit line->linkActivated(QStringLiteral("setup"));
    QCOMPARE(setUp.count(), 1);

    m_view->setConnectionState(AccountView::ConnectionState::Connecting);
    QVERIFY(m_view->connectionText().contains(QStringLiteral("Connecting")));
    m_view->setConnectionState(AccountView::ConnectionState::Connected);
    QVERIFY(m_view->connectionText().contains(QStringLiteral("Connected")));
    m_view->setConnectionState(AccountView::ConnectionState::Retrying,
                               QStringLiteral("the AccessKey was refused <check it>"), 30);
    QVERIFY2(m_view->connectionText().contains(
                 QStringLiteral("Retrying in 30 s because the AccessKey was refused &lt;check it&gt;.")),
             qPrintable(m_view->connectionText()));
    // It counts down.
    QTRY_VERIFY_WITH_TIMEOUT(m_view->connectionText().contains(QStringLiteral("Retrying in 29 s")), 3000);
    m_view->setConnectionState(AccountView::ConnectionState::NotWatching,
                               QStringLiteral("no consumer group"));
    QVERIFY(
        m_view->connectionText().contains(QStringLiteral("Not watching the account: no consumer group.")));
}

void TestAccountView::tenThousandDevicesTakeTenThousandAnswers()
{
    constexpr int kDevices = 10000;
    Store::FleetModel fleet;
    QList<Store::DeviceState> devices;
    for (int i = 0; i < kDevices; ++i)
        devices.append({QStringLiteral("pkBig"), QStringLiteral("dev-%1").arg(i, 5, 10, QLatin1Char('0'))});
    QCOMPARE(fleet.appendDevices(devices), kDevices);
    AccountView view(&fleet);
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.currentProduct(), QStringLiteral("pkBig"));
    QCOMPARE(view.model()->rowCount(), kDevices);
    view.table()->sortByColumn(AccountDeviceModel::AnswerColumn, Qt::DescendingOrder);
    QSignalSpy changes(view.model(), &QAbstractItemModel::dataChanged);

    QElapsedTimer timer;
    timer.start();
    const QDateTime start = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < kDevices; ++i) {
        const int code = i % 50 == 0 ? int(ReplyCodeCatalog::SizeMismatch) : 200;
        view.accountReply(QStringLiteral("pkBig"), devices.at(i).deviceName, code, start.addMSecs(i));
        if (i % 1000 == 999)
            QCoreApplication::processEvents(); // as the event loop would between AMQP deliveries
    }
    QTRY_COMPARE(view.model()->answeredCount(), kDevices);
    QCoreApplication::processEvents();
    view.repaint();
    // A sanity bound for a slow, shared machine, not a timing test.
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(changes.count() < 100); // coalesced, never one per answer
    QCOMPARE(view.model()->countOf(200), kDevices - kDevices / 50);
    QCOMPARE(view.model()->countOf(int(ReplyCodeCatalog::SizeMismatch)), kDevices / 50);
    QCOMPARE(view.model()->countOf(AccountDeviceModel::kNoAnswer), 0);
    QCOMPARE(view.timeline()->markCount(), kDevices);
    QCOMPARE(view.filterModel()->index(0, 0).data(AccountDeviceModel::AnswerCodeRole).toInt(),
             int(ReplyCodeCatalog::SizeMismatch));
}

void TestAccountView::mainWindowHasTheAccountTab()
{
    MainWindow window;
    QVERIFY(window.accountView());
    QVERIFY(window.tabs()->indexOf(window.accountView()) >= 0);
    QCOMPARE(window.tabs()->tabText(window.tabs()->indexOf(window.accountView())), QStringLiteral("Account"));
    window.showAccount();
    QCOMPARE(window.tabs()->currentWidget(), window.accountView());
    bool listed = false;
    for (QAction* menu : window.menuBar()->actions()) {
        if (menu->text() != QStringLiteral("&View"))
            continue;
        for (QAction* action : menu->menu()->actions())
            listed = listed || action->text() == QStringLiteral("&Account");
    }
    QVERIFY(listed);
}

// The view as a support engineer sees it mid-push: set CONFIGDECK_SCREENSHOT_DIR to keep the picture.
void TestAccountView::screenshotWithLiveAnswers()
{
    m_view->setConnectionState(AccountView::ConnectionState::Connected);
    m_view->watchNewPush(QDateTime::currentDateTimeUtc().addSecs(-40));
    const QDateTime mark = m_view->pushMark();
    const int codes[] = {
        200, 200, 200, int(ReplyCodeCatalog::SizeMismatch), 200, 200, int(ReplyCodeCatalog::SignMismatch),
        200};
    for (int i = 0; i < 8; ++i) {
        m_view->accountStatus(kLamp, lamp(i), true, mark.addSecs(i));
        m_view->accountReply(kLamp, lamp(i), codes[i], mark.addSecs(3 + i * 4));
    }
    m_view->flush();
    QCOMPARE(m_view->model()->answeredCount(), 8);
    QCOMPARE(m_view->timeline()->markCount(), 8);
    m_view->table()->selectRow(3);
    QTest::qWait(100); // the timeline's coalesced repaint
    TestSupport::screenshot(m_view.get(), QStringLiteral("account-view-panel.png"));
}

QTEST_MAIN(TestAccountView)
#include "TestAccountView.moc"
