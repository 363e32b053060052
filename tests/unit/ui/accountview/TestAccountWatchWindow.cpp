// Watching the account live, offscreen, the whole way: Fleet > Watch the account live in a MainWindow on a
// real workspace (platform on a broker) whose account profile points at the AMQP TLS stand-in. The
// connection line follows the subscription (connected, retrying with why, refused), the stand-in's status
// and push_reply messages reach the Account view, the fleet table, the message log and the workspace, a
// server restart loses nothing, and stopping or closing the workspace ends the subscription.
#include "Localization.h"
#include "MainWindow.h"
#include "accountview/AccountDeviceModel.h"
#include "accountview/AccountFilterModel.h"
#include "accountview/AccountView.h"
#include "cloud/AccountProfile.h"
#include "cloud/AccountProfileDialog.h"
#include "console/MessageLogModel.h"
#include "session/ConsoleSession.h"
#include "store/FleetModel.h"
#include "store/Workspace.h"
#include "support/AmqpStandInFixture.h"
#include "support/GuiTestHelpers.h"
#include "support/MosquittoFixture.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using namespace ConfigDeck::Ui;
using Cloud::AccountProfile;
using TestSupport::AmqpStandInFixture;
using TestSupport::MosquittoFixture;

namespace {

const QString kLamp = QStringLiteral("a1HallLamp");
constexpr int kDevices = 12;
constexpr int kDeviceDefinedFailure = 100003;
const QString kPassphrase = QStringLiteral("account window test passphrase");

QString lamp(int i)
{
    return QStringLiteral("hall-lamp-%1").arg(i, 2, 10, QLatin1Char('0'));
}

} // namespace

class TestAccountWatchWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void withoutAProfileTheActionOffersTheSetUp();
    void watchingConnects();
    void liveAnswersReachEveryView();
    void serverRestartLosesNothing();
    void screenshotOfALivePush();
    void wrongSecretIsRefusedInWords();
    void uncheckingOrClosingStopsWatching();

private:
    void saveProfile(const QByteArray& secret);
    std::optional<Store::DeviceState> storedState(const QString& deviceName) const;
    QVariant fleetData(const QString& deviceName, int column, int role) const;
    QString connectionLine() const;

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
    std::unique_ptr<MosquittoFixture> m_broker;
    std::unique_ptr<AmqpStandInFixture> m_standIn;
    std::unique_ptr<MainWindow> m_window;
};

void TestAccountWatchWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfigDeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestAccountWatchWindow"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCOMPARE(Localization::install(QLocale::c()), QStringLiteral("en"));
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    if (const auto why = AmqpStandInFixture::unavailable())
        QFAIL(qPrintable(*why));
    m_standIn = std::make_unique<AmqpStandInFixture>();
    QVERIFY2(m_standIn->start(), qPrintable(m_standIn->errorString()));
    m_broker = std::make_unique<MosquittoFixture>();
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));

    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    Session::ConsoleSession::Options options;
    options.workspacePath = m_dir.filePath(QStringLiteral("hall.configdeck"));
    options.create = Session::WorkspaceProtection::withPassphrase(kPassphrase);
    options.passphrase = kPassphrase;
    QVERIFY(m_window->openSession(options));
    Session::ConsoleSession* session = m_window->session();
    QVERIFY(!session->isDemo());

    Store::Workspace* workspace = session->workspace();
    Store::ProductRecord product;
    product.productKey = kLamp;
    product.name = QStringLiteral("Hall lamps");
    product.endpoint = QStringLiteral("cn-shanghai");
    QVERIFY(workspace->identities().upsertProduct(product));
    QList<Store::DeviceRecord> devices;
    QList<QByteArray> secrets;
    for (int i = 1; i <= kDevices; ++i) {
        devices.append({kLamp, lamp(i)});
        secrets.append(QByteArray("DeviceSecret-") + QByteArray::number(i));
    }
    QVERIFY(workspace->identities().addDevices(devices, secrets));
    // The platform runs on a broker (the devices are real ones elsewhere): no simulated fleet goes online.
    Session::SessionSettings settings = session->settings();
    settings.mode = Session::SessionMode::Broker;
    settings.brokerUrl = QStringLiteral("mqtt://127.0.0.1:%1").arg(m_broker->port());
    QVERIFY(session->applySettings(settings));
    QCOMPARE(m_window->fleetModel()->rowCount(), kDevices);
    QTRY_VERIFY2_WITH_TIMEOUT(m_window->connectionText().contains(QStringLiteral("Connected")),
                              qPrintable(m_window->connectionText() + u'|' + m_window->bannerText()), 10000);
}

void TestAccountWatchWindow::cleanupTestCase()
{
    m_window.reset();
    m_standIn.reset();
    m_broker.reset();
}

void TestAccountWatchWindow::saveProfile(const QByteArray& secret)
{
    AccountProfile profile;
    profile.regionId = QStringLiteral("cn-shanghai");
    profile.instanceId = m_standIn->options().instanceId;
    profile.accessKeyId = m_standIn->options().accessKeyId;
    profile.consumerGroupId = m_standIn->options().consumerGroups.constFirst();
    profile.amqpHost = m_standIn->host();
    profile.amqpPort = m_standIn->port();
    profile.caFile = m_standIn->caFile();
    QVERIFY(AccountProfile::save(*m_window->session()->workspace(), profile, QByteArrayView(secret)));
}

std::optional<Store::DeviceState> TestAccountWatchWindow::storedState(const QString& deviceName) const
{
    m_window->session()->flush();
    const auto state = m_window->session()->workspace()->deviceStates().state(kLamp, deviceName);
    return state ? *state : std::nullopt;
}

QVariant TestAccountWatchWindow::fleetData(const QString& deviceName, int column, int role) const
{
    Store::FleetModel* fleet = m_window->fleetModel();
    fleet->flushQueuedUpdates();
    const int row = fleet->rowOf(kLamp, deviceName);
    return row < 0 ? QVariant() : fleet->index(row, column).data(role);
}

QString TestAccountWatchWindow::connectionLine() const
{
    return m_window->accountView()->connectionText();
}

void TestAccountWatchWindow::withoutAProfileTheActionOffersTheSetUp()
{
    QAction* watch = m_window->watchAccountAction();
    QVERIFY(watch->isEnabled());
    QVERIFY(!watch->isChecked());
    QString text;
    TestSupport::clickInNextMessageBox(QStringLiteral("Set up the account…"), &text);
    watch->trigger();
    QVERIFY2(text.contains(QStringLiteral("no Alibaba Cloud account")), qPrintable(text));
    QVERIFY(!watch->isChecked());
    QCOMPARE(m_window->session()->accountSubscription(), nullptr);
    // The button opened the account dialog (window-modal, not blocking): nothing was saved from it.
    auto* dialog = m_window->findChild<AccountProfileDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->reject();
    QVERIFY(!*AccountProfile::load(*m_window->session()->workspace()));
    QVERIFY(connectionLine().contains(QStringLiteral("Not watching")));
}

void TestAccountWatchWindow::watchingConnects()
{
    saveProfile(m_standIn->options().accessKeySecret);
    m_window->showFleet();
    // The view's own "Watch live" link checks the action, as the menu does.
    AccountView* view = m_window->accountView();
    QVERIFY(connectionLine().contains(QStringLiteral("href=\"watch\"")));
    QLabel* line = nullptr;
    for (QLabel* label : view->findChildren<QLabel*>())
        line = label->text() == connectionLine() ? label : line;
    QVERIFY(line);
    emit line->linkActivated(QStringLiteral("watch"));
    QVERIFY(m_window->watchAccountAction()->isChecked());
    QCOMPARE(m_window->tabs()->currentWidget(), view);
    QTRY_VERIFY2_WITH_TIMEOUT(connectionLine().contains(QStringLiteral("Connected")),
                              qPrintable(connectionLine()), 10000);
    QVERIFY(m_standIn->waitFor(QStringLiteral("AUTHORIZED ")));
    QCOMPARE(m_window->session()->accountWatchState(), Cloud::AmqpSubscription::State::Connected);
}

void TestAccountWatchWindow::liveAnswersReachEveryView()
{
    AccountView* view = m_window->accountView();
    QCOMPARE(view->currentProduct(), kLamp);
    view->watchNewPush(QDateTime::currentDateTimeUtc().addSecs(-2));
    QCOMPARE(view->model()->countOf(AccountDeviceModel::kNoAnswer), kDevices);

    // Lamps 1-10 online, 11 and 12 offline; 1-8 answer: 200 but lamp 4 (a device-defined failure).
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 1; i <= kDevices; ++i)
        QVERIFY(m_standIn->sendStatus(kLamp, lamp(i), i <= 10, now, QStringLiteral("status-%1").arg(i)));
    for (int i = 1; i <= 8; ++i) {
        QVERIFY(m_standIn->sendPushReply(kLamp, lamp(i), i == 4 ? kDeviceDefinedFailure : 200,
                                         QString::number(100 + i), QStringLiteral("reply-%1").arg(i)));
        QTest::qWait(200); // as devices answer: one after the other, spread on the timeline
    }
    QVERIFY(m_standIn->waitFor(QStringLiteral("ACCEPTED reply-8")));

    QTRY_COMPARE_WITH_TIMEOUT(view->model()->answeredCount(), 8, 5000);
    view->flush();
    QCOMPARE(view->model()->countOf(200), 7);
    QCOMPARE(view->model()->countOf(kDeviceDefinedFailure), 1);
    QCOMPARE(view->model()->countOf(AccountDeviceModel::kNoAnswer), kDevices - 8);
    const int failedRow = view->model()->rowOf(lamp(4));
    QCOMPARE(view->model()->index(failedRow, 0).data(AccountDeviceModel::AnswerCodeRole).toInt(),
             kDeviceDefinedFailure);
    QCOMPARE(
        view->model()->index(view->model()->rowOf(lamp(11)), 0).data(AccountDeviceModel::OnlineRole).toBool(),
        false);
    QCOMPARE(
        view->model()->index(view->model()->rowOf(lamp(2)), 0).data(AccountDeviceModel::OnlineRole).toBool(),
        true);

    // The fleet table: last reply code and Online.
    QTRY_COMPARE(
        fleetData(lamp(4), Store::FleetModel::LastCodeColumn, Store::FleetModel::ReplyCodeRole).toInt(),
        kDeviceDefinedFailure);
    QCOMPARE(fleetData(lamp(1), Store::FleetModel::LastCodeColumn, Store::FleetModel::ReplyCodeRole).toInt(),
             200);
    QVERIFY(
        !fleetData(lamp(9), Store::FleetModel::LastCodeColumn, Store::FleetModel::ReplyCodeRole).isValid());
    QCOMPARE(fleetData(lamp(1), Store::FleetModel::OnlineColumn, Store::FleetModel::OnlineRole).toBool(),
             true);
    QCOMPARE(fleetData(lamp(12), Store::FleetModel::OnlineColumn, Store::FleetModel::OnlineRole).toBool(),
             false);

    // The message log: each reply is an entry with its code.
    MessageLogModel* log = m_window->messageLogModel();
    log->flushPending();
    int replies = 0;
    bool failureLogged = false;
    for (int row = 0; row < log->rowCount(); ++row) {
        const Store::MessageLogEntry& entry = log->entryAt(row);
        if (!entry.topic.endsWith(QStringLiteral("/thing/downlink/reply/message")))
            continue;
        ++replies;
        failureLogged = failureLogged || (entry.deviceName == lamp(4) && entry.code == kDeviceDefinedFailure);
    }
    QCOMPARE(replies, 8);
    QVERIFY(failureLogged);

    // The workspace holds the codes (a later start of the console shows them).
    QCOMPARE(storedState(lamp(1))->lastReplyCode, std::optional(200));
    QCOMPARE(storedState(lamp(4))->lastReplyCode, std::optional(kDeviceDefinedFailure));
    QCOMPARE(storedState(lamp(4))->state, Store::ConfigState::Failed);
    QVERIFY(storedState(lamp(2))->online);
    QVERIFY(!storedState(lamp(11))->online);
    QVERIFY(!storedState(lamp(9))->lastReplyCode);
}

void TestAccountWatchWindow::serverRestartLosesNothing()
{
    AccountView* view = m_window->accountView();
    m_standIn->kill();
    QTRY_VERIFY2_WITH_TIMEOUT(connectionLine().contains(QStringLiteral("Retrying")),
                              qPrintable(connectionLine()), 10000);
    QVERIFY2(connectionLine().contains(QStringLiteral("because")), qPrintable(connectionLine()));
    QVERIFY(connectionLine().contains(QRegularExpression(QStringLiteral("Retrying (in \\d+ s|now)"))));
    QVERIFY(m_window->watchAccountAction()->isChecked());
    // What arrived before stays, in the view and in the workspace.
    QCOMPARE(view->model()->countOf(kDeviceDefinedFailure), 1);
    QCOMPARE(storedState(lamp(4))->lastReplyCode, std::optional(kDeviceDefinedFailure));

    QVERIFY2(m_standIn->restart(), qPrintable(m_standIn->errorString()));
    QTRY_VERIFY2_WITH_TIMEOUT(connectionLine().contains(QStringLiteral("Connected")),
                              qPrintable(connectionLine()), 20000);
    QVERIFY(m_standIn->sendPushReply(kLamp, lamp(9), 200, QStringLiteral("109"), QStringLiteral("reply-9")));
    QVERIFY(m_standIn->waitFor(QStringLiteral("ACCEPTED reply-9")));
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->answeredCount(), 9, 5000);
    QCOMPARE(view->model()->countOf(200), 8);
    QCOMPARE(view->model()->countOf(kDeviceDefinedFailure), 1);
    QCOMPARE(storedState(lamp(9))->lastReplyCode, std::optional(200));
    QCOMPARE(storedState(lamp(4))->lastReplyCode, std::optional(kDeviceDefinedFailure));
    QCOMPARE(storedState(lamp(1))->lastReplyCode, std::optional(200));
}

// The Account tab mid-push, live from the stand-in: set CONFIGDECK_SCREENSHOT_DIR to keep the picture.
void TestAccountWatchWindow::screenshotOfALivePush()
{
    AccountView* view = m_window->accountView();
    m_window->showAccount();
    QVERIFY(connectionLine().contains(QStringLiteral("Connected")));
    QVERIFY(view->pushMark().isValid());
    QCOMPARE(view->model()->countOf(AccountDeviceModel::kNoAnswer), kDevices - 9);
    view->table()->selectRow(
        view->filterModel()->mapFromSource(view->model()->index(view->model()->rowOf(lamp(4)), 0)).row());
    // The status bar's counts follow the account too (updated on a short timer).
    QTRY_VERIFY2(m_window->countsText().contains(QStringLiteral("10 online · 9 with a code")),
                 qPrintable(m_window->countsText()));
    QTest::qWait(150); // the timeline's coalesced repaint
    TestSupport::screenshot(m_window.get(), QStringLiteral("account-view.png"));
}

void TestAccountWatchWindow::wrongSecretIsRefusedInWords()
{
    QAction* watch = m_window->watchAccountAction();
    watch->setChecked(false);
    QCOMPARE(m_window->session()->accountSubscription(), nullptr);
    saveProfile("not-the-access-key-secret");
    const int refusedBefore = m_standIn->countOf(QStringLiteral("REFUSED "));
    const auto before = storedState(lamp(4));

    watch->setChecked(true);
    QVERIFY(m_standIn->waitFor(QStringLiteral("REFUSED "), 10000, refusedBefore + 1));
    QTRY_VERIFY2_WITH_TIMEOUT(connectionLine().contains(QStringLiteral("Retrying")),
                              qPrintable(connectionLine()), 10000);
    const QString why = m_window->session()->accountSubscription()->lastError();
    QVERIFY(!why.isEmpty());
    QVERIFY2(connectionLine().contains(why.toHtmlEscaped()), qPrintable(connectionLine() + u'|' + why));
    QVERIFY2(why.contains(QStringLiteral("signature"), Qt::CaseInsensitive) ||
                 why.contains(QStringLiteral("AccessKey"), Qt::CaseInsensitive),
             qPrintable(why));
    QVERIFY(watch->isChecked());
    QCOMPARE(m_window->accountView()->model()->answeredCount(), 9);
    const auto after = storedState(lamp(4));
    QCOMPARE(after->lastReplyCode, before->lastReplyCode);
    QCOMPARE(after->state, before->state);
    QCOMPARE(after->online, before->online);

    watch->setChecked(false);
    saveProfile(m_standIn->options().accessKeySecret);
}

void TestAccountWatchWindow::uncheckingOrClosingStopsWatching()
{
    QAction* watch = m_window->watchAccountAction();
    watch->setChecked(true);
    QTRY_VERIFY2_WITH_TIMEOUT(connectionLine().contains(QStringLiteral("Connected")),
                              qPrintable(connectionLine()), 20000);
    const QString closed = QStringLiteral("CLOSED ");
    int closedBefore = m_standIn->countOf(closed);
    watch->setChecked(false);
    QCOMPARE(m_window->session()->accountSubscription(), nullptr);
    QVERIFY(connectionLine().contains(QStringLiteral("Not watching")));
    QVERIFY2(m_standIn->waitFor(closed, 10000, closedBefore + 1), qPrintable(m_standIn->output()));

    watch->setChecked(true);
    QTRY_VERIFY2_WITH_TIMEOUT(connectionLine().contains(QStringLiteral("Connected")),
                              qPrintable(connectionLine()), 20000);
    closedBefore = m_standIn->countOf(closed);
    m_window->closeWorkspace();
    QCOMPARE(m_window->session()->workspace(), nullptr);
    QCOMPARE(m_window->session()->accountSubscription(), nullptr);
    QVERIFY(!watch->isChecked());
    QVERIFY(!watch->isEnabled());
    QVERIFY2(m_standIn->waitFor(closed, 10000, closedBefore + 1), qPrintable(m_standIn->output()));
}

QTEST_MAIN(TestAccountWatchWindow)
#include "TestAccountWatchWindow.moc"
