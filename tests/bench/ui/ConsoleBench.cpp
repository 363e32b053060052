// bench_console: the console window over a 100,000-device workspace, offscreen. Measures opening the
// window, scrolling, filtering, and a rollout to thousands of simulated devices (how often the table is
// told about changes and how long the event loop ever waits), each with a baseline measured in the same run:
// a plain QTableView over a QStandardItemModel and QSortFilterProxyModel with the same rows, and the same
// rollout without a window.
//
//   bench_console [--devices N] [--rollout M]      (defaults 100000 and 5000)
#include "CodeHistogram.h"
#include "FleetView.h"
#include "MainWindow.h"
#include "roles/FleetSimulator.h"
#include "roles/RolloutRunner.h"
#include "session/ConsoleSession.h"
#include "store/FleetModel.h"
#include "store/Workspace.h"
#include "support/StoredValue.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <cstdio>

using namespace ConfigDeck;

namespace {

const QString kBenchPassphrase = QStringLiteral("bench workspace passphrase");

double ms(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Watches the event loop: a 5 ms timer notes how late each tick comes. A late tick is a stall the user sees.
class StallMonitor
{
public:
    StallMonitor()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last)
                m_gaps.push_back(double(now - m_last) / 1e6);
            m_last = now;
        });
    }
    void start()
    {
        m_gaps.clear();
        m_last = 0;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double max() const { return m_gaps.empty() ? 0 : *std::max_element(m_gaps.begin(), m_gaps.end()); }
    double percentile(double p) const
    {
        if (m_gaps.empty())
            return 0;
        std::vector<double> sorted = m_gaps;
        std::sort(sorted.begin(), sorted.end());
        return sorted[size_t(p * double(sorted.size() - 1))];
    }
    int over(double limitMs) const
    {
        return int(std::count_if(m_gaps.begin(), m_gaps.end(), [limitMs](double g) { return g > limitMs; }));
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_gaps;
};

bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

// Scrolls `table` through its whole length in `steps` jumps, painting each; returns {mean, max} ms.
std::pair<double, double> scrollThrough(QTableView* table, int steps)
{
    QScrollBar* bar = table->verticalScrollBar();
    double total = 0;
    double worst = 0;
    for (int i = 1; i <= steps; ++i) {
        QElapsedTimer timer;
        timer.start();
        bar->setValue(int(qint64(bar->maximum()) * i / steps));
        table->viewport()->repaint();
        const double t = ms(timer);
        total += t;
        worst = std::max(worst, t);
    }
    return {total / steps, worst};
}

// Creates the workspace: the Demo's two products and versions, then devices up to `total`.
bool makeWorkspace(const QString& path, int total)
{
    Session::ConsoleSession::Options options;
    options.workspacePath = path;
    options.create = Session::WorkspaceProtection::withPassphrase(kBenchPassphrase);
    options.passphrase = kBenchPassphrase;
    Session::ConsoleSession session(options);
    if (auto status = session.open(); !status) {
        std::fprintf(stderr, "cannot create the workspace: %s\n", qPrintable(status.error().message()));
        return false;
    }
    // A workspace of one's own starts empty: the bench gets the Demo's products and versions first.
    if (auto status = session.ensureSeeded(); !status) {
        std::fprintf(stderr, "cannot seed the workspace: %s\n", qPrintable(status.error().message()));
        return false;
    }
    Store::Workspace* workspace = session.workspace();
    const int existing = int(storedValue(workspace->identities().deviceCount()));
    const QStringList products{QStringLiteral("a1Thermo"), QStringLiteral("a1Gate")};
    constexpr int kBatch = 10000;
    for (int first = existing; first < total; first += kBatch) {
        QList<Store::DeviceRecord> devices;
        QList<QByteArray> secrets;
        for (int i = first; i < std::min(total, first + kBatch); ++i) {
            Store::DeviceRecord device;
            device.productKey = products.at(i % 2);
            device.deviceName = QStringLiteral("bench-%1").arg(i, 6, 10, QLatin1Char('0'));
            devices.append(device);
            secrets.append(QByteArray::number(i).rightJustified(32, 'k'));
        }
        if (auto status = workspace->identities().addDevices(devices, secrets); !status) {
            std::fprintf(stderr, "cannot add devices: %s\n", qPrintable(status.error().message()));
            return false;
        }
    }
    session.shutdown();
    return true;
}

struct RolloutFigures
{
    double seconds = 0;
    int done = 0;
    int succeeded = 0;
    StallMonitor* stalls = nullptr;
};

// Runs a rollout of a1Thermo's published configuration to the first `count` simulated thermostats.
RolloutFigures
runRollout(Session::ConsoleSession* session, int count, StallMonitor& stalls,
           const std::function<Alink::Expected<Roles::RolloutRunner*>(const Roles::RolloutPlan&)>& start)
{
    Roles::RolloutPlan plan;
    plan.productKey = QStringLiteral("a1Thermo");
    for (Roles::DeviceAgent* agent : session->fleet()->agents()) {
        if (agent->productKey() == plan.productKey && plan.devices.size() < count)
            plan.devices << agent->deviceName();
    }
    plan.batchSize = 500;
    plan.timeout = std::chrono::seconds(5);
    plan.abortThreshold = 0.9;
    RolloutFigures figures;
    QElapsedTimer timer;
    timer.start();
    stalls.start();
    auto runner = start(plan);
    if (!runner) {
        std::fprintf(stderr, "rollout refused: %s\n", qPrintable(runner.error().message()));
        return figures;
    }
    Roles::RolloutRunner* r = *runner;
    waitFor(
        [r] {
            return r->state() == Store::RolloutState::Completed || r->state() == Store::RolloutState::Aborted;
        },
        600000);
    stalls.stop();
    figures.seconds = ms(timer) / 1000;
    figures.done = r->doneCount();
    figures.succeeded = r->count(Store::OutcomeState::Succeeded);
    return figures;
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("devices"), QStringLiteral("Devices in the workspace."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("rollout"), QStringLiteral("Devices in the rollout."),
                      QStringLiteral("M"), QStringLiteral("5000")});
    parser.process(app);
    const int total = parser.value(QStringLiteral("devices")).toInt();
    const int rolloutSize = parser.value(QStringLiteral("rollout")).toInt();

    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fleet.configdeck"));
    QElapsedTimer setup;
    setup.start();
    if (!makeWorkspace(path, total))
        return 1;
    std::printf("bench_console: %d devices (workspace made in %.1f s), rollout to %d simulated devices\n\n",
                total, ms(setup) / 1000, rolloutSize);

    // ---- Baseline: a plain QTableView over a QStandardItemModel with the same rows and columns.
    double baseOpen = 0, baseScrollMean = 0, baseScrollMax = 0, baseFilter = 0;
    {
        auto workspace = Store::Workspace::open(path);
        QElapsedTimer timer;
        timer.start();
        const QList<Store::DeviceRecord> devices = storedValue((*workspace)->identities().devices());
        QStandardItemModel model(int(devices.size()), Store::FleetModel::ColumnCount);
        for (int row = 0; row < devices.size(); ++row) {
            model.setItem(row, 0, new QStandardItem(devices.at(row).productKey));
            model.setItem(row, 1, new QStandardItem(devices.at(row).deviceName));
            for (int c = 2; c < Store::FleetModel::ColumnCount; ++c)
                model.setItem(row, c, new QStandardItem(QStringLiteral("—")));
        }
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterKeyColumn(-1);
        QTableView table;
        table.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        table.setModel(&proxy);
        table.resize(1000, 700);
        table.show();
        waitFor([&table] { return table.windowHandle() && table.windowHandle()->isExposed(); }, 5000);
        table.viewport()->repaint();
        baseOpen = ms(timer);
        std::tie(baseScrollMean, baseScrollMax) = scrollThrough(&table, 100);
        timer.restart();
        proxy.setFilterFixedString(QStringLiteral("bench-0999"));
        table.viewport()->repaint();
        baseFilter = ms(timer);
    }

    // ---- The console.
    Session::ConsoleSession::Options options;
    options.workspacePath = path;
    options.create = Session::WorkspaceProtection::withPassphrase(kBenchPassphrase);
    options.passphrase = kBenchPassphrase;
    StallMonitor stalls;
    Ui::MainWindow window;
    window.resize(1280, 800);
    window.show();
    waitFor([&window] { return window.windowHandle() && window.windowHandle()->isExposed(); }, 5000);
    QElapsedTimer timer;
    timer.start();
    window.openSession(options);
    window.showFleet();
    window.fleetView()->table()->viewport()->repaint();
    const double open = ms(timer);
    if (window.fleetModel()->rowCount() != total) {
        std::fprintf(stderr, "the window shows %d devices, not %d\n", window.fleetModel()->rowCount(), total);
        return 1;
    }
    // While the simulated devices connect (up to 10,000), the window keeps answering.
    Roles::FleetSimulator* fleet = window.session()->fleet();
    stalls.start();
    timer.restart();
    waitFor([fleet] { return fleet->connectedCount() == fleet->expectedOnline(); }, 120000);
    stalls.stop();
    const double connectSeconds = ms(timer) / 1000;
    const double connectMaxStall = stalls.max();
    const double connectP99 = stalls.percentile(0.99);

    QTableView* table = window.fleetView()->table();
    const auto [scrollMean, scrollMax] = scrollThrough(table, 100);
    timer.restart();
    window.fleetView()->setTextFilter(QStringLiteral("bench-0999"));
    table->viewport()->repaint();
    const double filter = ms(timer);
    const int filtered = window.fleetView()->visibleCount();
    timer.restart();
    window.fleetView()->setTextFilter({});
    table->viewport()->repaint();
    const double unfilter = ms(timer);
    timer.restart();
    window.fleetView()->setCodeFilter(200);
    table->viewport()->repaint();
    const double codeFilter = ms(timer);
    window.fleetView()->clearFilters();

    // The rollout with the window: count the updates the session reports and the table changes they cause.
    int stateUpdates = 0;
    int tableChanges = 0;
    int histogramPaints = 0;
    QObject::connect(window.session(), &Session::ConsoleSession::deviceStateChanged, [&] { ++stateUpdates; });
    QObject::connect(window.fleetModel(), &QAbstractItemModel::dataChanged, [&] { ++tableChanges; });
    struct PaintCounter : QObject
    {
        int* count;
        bool eventFilter(QObject*, QEvent* event) override
        {
            if (event->type() == QEvent::Paint)
                ++*count;
            return false;
        }
    } paintCounter;
    paintCounter.count = &histogramPaints;
    window.histogram()->installEventFilter(&paintCounter);
    const RolloutFigures withWindow =
        runRollout(window.session(), rolloutSize, stalls, [&window](const Roles::RolloutPlan& plan) {
            window.startRollout(plan);
            window.showFleet(); // the table and the histogram in view while the rollout runs
            return window.session()->currentRollout()
                       ? Alink::Expected<Roles::RolloutRunner*>(window.session()->currentRollout())
                       : Alink::Expected<Roles::RolloutRunner*>(
                             Alink::AlinkError{{}, QStringLiteral("refused")});
        });
    const double rolloutMaxStall = stalls.max();
    const double rolloutP99 = stalls.percentile(0.99);
    const int rolloutOver100 = stalls.over(100);
    window.showFleet();
    window.close();

    // ---- Baseline: the same rollout on the same workspace without a window.
    RolloutFigures headless;
    double headlessMaxStall = 0, headlessP99 = 0;
    int headlessOver100 = 0;
    {
        Session::ConsoleSession session(options);
        session.open();
        waitFor([&session] { return session.fleet()->connectedCount() == session.fleet()->expectedOnline(); },
                120000);
        StallMonitor headlessStalls;
        headless =
            runRollout(&session, rolloutSize, headlessStalls,
                       [&session](const Roles::RolloutPlan& plan) { return session.startRollout(plan); });
        headlessMaxStall = headlessStalls.max();
        headlessP99 = headlessStalls.percentile(0.99);
        headlessOver100 = headlessStalls.over(100);
    }

    std::printf("%-44s %12s %12s %8s\n", "measure", "console", "baseline", "ratio");
    auto row = [](const char* name, double ours, double base) {
        std::printf("%-44s %10.1f ms %9.1f ms %7.2fx\n", name, ours, base, base > 0 ? ours / base : 0.0);
    };
    row("open window + load all devices", open, baseOpen);
    row("scroll, one jump incl. paint (mean)", scrollMean, baseScrollMean);
    row("scroll, one jump incl. paint (worst)", scrollMax, baseScrollMax);
    row("text filter incl. paint", filter, baseFilter);
    std::printf("%-44s %10.1f ms  (%d rows shown)\n", "  clear text filter incl. paint", unfilter, filtered);
    std::printf("%-44s %10.1f ms\n", "  reply-code filter incl. paint", codeFilter);
    std::printf("\nsimulated devices connecting: %.1f s, event-loop stall max %.1f ms, p99 %.1f ms\n",
                connectSeconds, connectMaxStall, connectP99);
    std::printf("rollout to %d devices: %.1f s with the window, %.1f s without (ratio %.2f); %d done, %d "
                "succeeded\n",
                rolloutSize, withWindow.seconds, headless.seconds,
                headless.seconds > 0 ? withWindow.seconds / headless.seconds : 0.0, withWindow.done,
                withWindow.succeeded);
    std::printf("  %d state updates reached the window, %d table change signals (%.0f updates per signal), "
                "%d histogram paints\n",
                stateUpdates, tableChanges, tableChanges ? double(stateUpdates) / tableChanges : 0.0,
                histogramPaints);
    std::printf(
        "  event-loop stall during the rollout: max %.1f ms, p99 %.1f ms, %d ticks later than 100 ms\n",
        rolloutMaxStall, rolloutP99, rolloutOver100);
    std::printf(
        "  the same without a window (the simulated devices share the process): max %.1f ms, p99 %.1f ms, "
        "%d ticks later than 100 ms\n",
        headlessMaxStall, headlessP99, headlessOver100);
    return 0;
}
