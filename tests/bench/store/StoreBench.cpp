// Benchmark of core/store: CSV import, opening a workspace into the FleetModel, filtering it.
// Prints figures next to the targets, with baselines measured in the same run:
//   import  vs. (a) reading + splitting the CSV alone and (b) a plain QSqlQuery INSERT of the same rows
//               in one transaction, without validation or sealing;
//   filter  vs. a QSortFilterProxyModel doing the same text filter on the same model.
// Usage: bench_store [rows = 1000000] [cold-start rows = 100000]

#include "store/CsvImport.h"
#include "store/CsvReader.h"
#include "store/FleetFilterModel.h"
#include "store/FleetModel.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <sys/resource.h>

// Filters are written as partial aggregates: unnamed members keep their defaults.
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif

using namespace ConfigDeck::Store;

namespace {

constexpr int kProducts = 10;

// Peak resident memory since the last reset, from /proc/self/status (Linux); -1 elsewhere.
qint64 peakRssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() / 1024;
    }
    return -1;
}

void resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

// Batch-registration export: products in blocks, like one registration batch per product.
bool writeCsv(const QString& path, int rows)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray buffer = "ProductKey,DeviceName,DeviceSecret\r\n";
    quint64 state = 0x9E3779B97F4A7C15ull;
    const int perProduct = (rows + kProducts - 1) / kProducts;
    for (int i = 0; i < rows; ++i) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        buffer.append("a1Bench").append(QByteArray::number(i / perProduct)).append("Xy,dev_");
        buffer.append(QByteArray::number(i).rightJustified(7, '0')).append(',');
        buffer.append(QByteArray::number(state, 16).rightJustified(16, '0'));
        buffer.append(QByteArray::number(state ^ 0xA5A5A5A5A5A5A5A5ull, 16).rightJustified(16, '0'))
            .append("\r\n");
        if (buffer.size() > (1 << 20)) {
            file.write(buffer);
            buffer.clear();
        }
    }
    file.write(buffer);
    return file.error() == QFileDevice::NoError;
}

// CPU time of this process (all threads), to read the figures on a machine shared with other work.
double cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

double ms(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Imported
{
    double previewMs = 0;
    double commitMs = 0;
    double cpuMs = 0;
    qint64 peakMiB = 0;
};

Imported importInto(const QString& workspacePath, const QString& csvPath, const QByteArray& key)
{
    Imported result;
    resetPeakRss();
    auto workspace = Workspace::open(workspacePath);
    if (!workspace)
        qFatal("%s", qPrintable(workspace.error().message()));
    (*workspace)->keys().setSealer(std::make_shared<SecretSealer>(key));
    CsvImport import(**workspace);
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = cpuMs();
    const auto preview = import.previewFile(csvPath);
    result.previewMs = ms(timer);
    if (!preview || !preview->canCommit())
        qFatal("preview failed");
    timer.restart();
    const auto imported = import.commit(*preview);
    result.commitMs = ms(timer);
    result.cpuMs = cpuMs() - cpuStart;
    if (!imported)
        qFatal("%s", qPrintable(imported.error().message()));
    result.peakMiB = peakRssMiB();
    return result;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 1000000;
    const int coldRows = argc > 2 ? QByteArray(argv[2]).toInt() : 100000;
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("devices.csv"));
    const QString workspacePath = dir.filePath(QStringLiteral("bench.cdws"));
    const QByteArray key = SecretSealer::randomKey();

    std::printf("bench_store: %d rows, %d products (temp dir %s)\n", rows, kProducts, qPrintable(dir.path()));
    QElapsedTimer timer;
    timer.start();
    if (!writeCsv(csvPath, rows))
        qFatal("cannot write %s", qPrintable(csvPath));
    std::printf("  generated CSV: %.1f MB in %.0f ms\n", double(QFile(csvPath).size()) / 1e6, ms(timer));

    // ---- import ----
    const Imported imported = importInto(workspacePath, csvPath, key);
    const double importSeconds = (imported.previewMs + imported.commitMs) / 1000.0;
    std::printf(
        "\nCSV import (preview + commit, validation, duplicate check, AES-GCM sealing, one transaction)\n");
    std::printf("  preview %.0f ms + commit %.0f ms = %.2f s, %.0f rows/s, peak RSS %lld MiB   [target < 10 "
                "s, < 1024 MiB]\n",
                imported.previewMs, imported.commitMs, importSeconds, rows / importSeconds,
                static_cast<long long>(imported.peakMiB));
    std::printf("  CPU time of the import: %.2f s (the wall time above includes waiting for a shared CPU)\n",
                imported.cpuMs / 1000.0);
    std::printf("  workspace file: %.1f MB\n", double(QFile(workspacePath).size()) / 1e6);

    // Baseline (a): read the file and split it into records, nothing else.
    timer.restart();
    qsizetype records = 0;
    {
        QFile file(csvPath);
        file.open(QIODevice::ReadOnly);
        const QByteArray data = file.readAll();
        CsvReader reader(data);
        while (reader.next())
            records += qsizetype(reader.fields().size()) > 2 ? 1 : 0;
    }
    const double splitMs = ms(timer);
    // Baseline (b): the same rows inserted with a plain prepared QSqlQuery in one transaction,
    // no validation, no duplicate check, no sealing (secret bytes stored as they are).
    const QString rawPath = dir.filePath(QStringLiteral("raw.sqlite"));
    double rawMs = 0;
    double rawCpu = 0;
    {
        const QString name = QStringLiteral("bench-raw");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(rawPath);
            db.open();
            QSqlQuery query(db);
            query.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
            query.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
            query.exec(
                QStringLiteral("CREATE TABLE devices (id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL,"
                               " device_name TEXT NOT NULL, secret BLOB, UNIQUE (product_id, device_name))"));
            QFile file(csvPath);
            file.open(QIODevice::ReadOnly);
            const QByteArray data = file.readAll();
            timer.restart();
            rawCpu = cpuMs();
            query.exec(QStringLiteral("BEGIN"));
            query.prepare(
                QStringLiteral("INSERT INTO devices (product_id, device_name, secret) VALUES (?, ?, ?)"));
            CsvReader reader(data);
            reader.next(); // header
            while (reader.next()) {
                const auto& f = reader.fields();
                query.bindValue(0, qint64(f[0].size()));
                query.bindValue(1, QString::fromLatin1(f[1]));
                query.bindValue(2, f[2].toByteArray());
                query.exec();
            }
            query.exec(QStringLiteral("COMMIT"));
            rawMs = ms(timer);
            rawCpu = cpuMs() - rawCpu;
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    std::printf(
        "  baseline (a) read + split the CSV only:           %7.0f ms (%lld records)  import / (a) = %.1fx\n",
        splitMs, static_cast<long long>(records), importSeconds * 1000 / splitMs);
    std::printf("  baseline (b) plain QSqlQuery INSERT, no checks or sealing: %7.0f ms (CPU %.0f ms)  "
                "import / (b) = %.2fx wall, %.2fx CPU\n",
                rawMs, rawCpu, importSeconds * 1000 / rawMs, imported.cpuMs / rawCpu);

    // ---- open into the FleetModel ----
    resetPeakRss();
    timer.restart();
    auto workspace = Workspace::open(workspacePath, Workspace::OpenMode::OpenExisting);
    if (!workspace)
        qFatal("%s", qPrintable(workspace.error().message()));
    const double openMs = ms(timer);
    FleetModel model;
    timer.restart();
    const double loadCpuStart = cpuMs();
    if (!model.loadFrom(**workspace))
        qFatal("load failed");
    const double loadMs = ms(timer);
    const double loadCpu = cpuMs() - loadCpuStart;
    std::printf(
        "\nOpen workspace (header + quick_check + migrations) %.0f ms; load %d rows into FleetModel %.0f ms "
        "(CPU %.0f ms); peak RSS %lld MiB\n",
        openMs, model.rowCount(), loadMs, loadCpu, static_cast<long long>(peakRssMiB()));

    // ---- filter ----
    FleetFilterModel filter;
    filter.setSourceModel(&model);
    auto timeFilter = [&](const char* what, const FleetFilterModel::Filter& f) {
        QElapsedTimer t;
        t.start();
        const double cpuStart = cpuMs();
        filter.setFilter(f);
        const double elapsed = ms(t);
        std::printf("  filter %-40s %7.1f ms (CPU %6.1f ms, 2 threads) %8d rows   [target < 200 ms]\n", what,
                    elapsed, cpuMs() - cpuStart, filter.rowCount());
        return elapsed;
    };
    std::printf("\nFilter %d rows (FleetFilterModel)\n", model.rowCount());
    const double textMs =
        timeFilter("text \"dev_00012\" (substring, any case)", {QStringLiteral("DEV_00012")});
    timeFilter("text \"zzz\" (no match: full scan)", {QStringLiteral("zzz")});
    timeFilter("product a1Bench3Xy", {{}, {QStringLiteral("a1Bench3Xy")}});
    timeFilter("state Failed", {{}, {}, {ConfigState::Failed}});
    timeFilter("product + text", {QStringLiteral("7"), {QStringLiteral("a1Bench3Xy")}});
    timeFilter("none (clear)", {});

    QSortFilterProxyModel sortFilter;
    sortFilter.setSourceModel(&model);
    sortFilter.setFilterKeyColumn(FleetModel::DeviceNameColumn);
    sortFilter.setFilterCaseSensitivity(Qt::CaseInsensitive);
    timer.restart();
    sortFilter.setFilterFixedString(QStringLiteral("DEV_00012"));
    sortFilter.rowCount(); // the proxy maps lazily: the first rowCount() does the filtering
    const double qsfpmMs = ms(timer);
    std::printf("  baseline QSortFilterProxyModel, same text on DeviceName only: %.1f ms (%d rows)  "
                "baseline / ours = %.1fx\n",
                qsfpmMs, sortFilter.rowCount(), qsfpmMs / textMs);
    sortFilter.setSourceModel(nullptr);

    // ---- cold start with a smaller workspace ----
    if (coldRows > 0) {
        const QString coldCsv = dir.filePath(QStringLiteral("cold.csv"));
        const QString coldPath = dir.filePath(QStringLiteral("cold.cdws"));
        writeCsv(coldCsv, coldRows);
        importInto(coldPath, coldCsv, key);
        timer.restart();
        auto cold = Workspace::open(coldPath, Workspace::OpenMode::OpenExisting);
        const double coldOpen = ms(timer);
        FleetModel coldModel;
        timer.restart();
        coldModel.loadFrom(**cold);
        const double coldLoad = ms(timer);
        std::printf("\nOpen a %d-device workspace: open %.0f ms + FleetModel %.0f ms = %.0f ms   "
                    "[part of a < 1000 ms cold start; file in the OS cache]\n",
                    coldRows, coldOpen, coldLoad, coldOpen + coldLoad);
    }
    return 0;
}
