// Benchmark of core/diff: two generated ~5 MB pretty-printed JSON configurations with a few hundred
// scattered changes; line diff, unified diff output, JSON structural diff and the whole ConfigDiff,
// against GNU `diff -u` on the same files in the same run (best of 3 each). Target: under 1 s.
#include "diff/ConfigDiff.h"
#include "diff/JsonDiff.h"
#include "diff/LineDiff.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <dtl/dtl.hpp>
#include <functional>
#include <string_view>
#include <sys/resource.h>
#include <vector>

using namespace ConfigDeck::Diff;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRuns = 3;
constexpr qsizetype kTargetBytes = 5 * 1024 * 1024;
constexpr int kChanges = 300;

QJsonObject makeDevice(int i, QRandomGenerator& random)
{
    return QJsonObject{
        {u"id"_s, u"dev-%1"_s.arg(i, 6, 10, QLatin1Char('0'))},
        {u"name"_s, u"sensor %1 in hall %2"_s.arg(i).arg(random.bounded(40))},
        {u"enabled"_s, random.bounded(10) != 0},
        {u"port"_s, int(random.bounded(1024, 65535))},
        {u"threshold"_s, random.bounded(100000) / 100.0},
        {u"tags"_s, QJsonArray{u"zone-%1"_s.arg(random.bounded(16)), u"line-%1"_s.arg(random.bounded(8))}},
        {u"network"_s, QJsonObject{{u"ssid"_s, u"plant-%1"_s.arg(random.bounded(4))},
                                   {u"channel"_s, int(random.bounded(1, 14))},
                                   {u"dhcp"_s, random.bounded(2) == 1}}},
        {u"firmware"_s, u"2.%1.%2"_s.arg(random.bounded(10)).arg(random.bounded(100))},
    };
}

// Changes values, adds and removes keys and whole devices at random places, so that both stay valid JSON.
QJsonArray mutate(QJsonArray devices, int changes, QRandomGenerator& random)
{
    for (int c = 0; c < changes; ++c) {
        const qsizetype at = random.bounded(devices.size());
        QJsonObject device = devices.at(at).toObject();
        switch (random.bounded(6)) {
        case 0:
            device.insert(u"port"_s, int(random.bounded(1024, 65535)));
            break;
        case 1:
            device.insert(u"enabled"_s, !device.value(u"enabled"_s).toBool());
            break;
        case 2: {
            QJsonObject network = device.value(u"network"_s).toObject();
            network.insert(u"channel"_s, int(random.bounded(1, 14)));
            device.insert(u"network"_s, network);
            break;
        }
        case 3:
            device.insert(u"note"_s, u"changed in run %1"_s.arg(c));
            break;
        case 4:
            device.remove(u"firmware"_s);
            break;
        default:
            if (random.bounded(2) == 0) {
                devices.removeAt(at);
                continue;
            }
            devices.insert(at, makeDevice(1000000 + c, random));
            continue;
        }
        devices.replace(at, device);
    }
    return devices;
}

// CPU seconds of this process and of its waited-for children: the machine may be shared, and CPU time
// is far steadier than wall time under load. Both are reported.
double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Timing
{
    double wall = 1e9;
    double cpu = 1e9;
};

Timing bestOf(const std::function<void()>& run, int who = RUSAGE_SELF)
{
    Timing best;
    for (int i = 0; i < kRuns; ++i) {
        const double cpuBefore = cpuSeconds(who);
        QElapsedTimer timer;
        timer.start();
        run();
        best.wall = std::min(best.wall, timer.nsecsElapsed() / 1e9);
        best.cpu = std::min(best.cpu, cpuSeconds(who) - cpuBefore);
    }
    return best;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// dtl straight on the lines, without the integer ids or the common head and tail cut: what the id
// mapping in LineDiff saves.
Timing plainDtl(const QByteArray& oldText, const QByteArray& newText)
{
    const auto split = [](const QByteArray& text) {
        std::vector<std::string_view> lines;
        const QList<qsizetype> starts = LineDiff::lineStarts(text);
        lines.reserve(size_t(starts.size()));
        for (qsizetype i = 0; i + 1 < starts.size(); ++i)
            lines.emplace_back(text.constData() + starts[i], size_t(starts[i + 1] - starts[i]));
        return lines;
    };
    return bestOf([&] {
        const auto a = split(oldText);
        const auto b = split(newText);
        dtl::Diff<std::string_view, std::vector<std::string_view>> diff(a, b);
        diff.compose();
        const auto script = diff.getSes().getSequence();
        if (script.empty())
            std::printf("empty edit script\n");
    });
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"unknown"_s;
    return QString::fromLatin1(file.readAll().trimmed());
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);

    QRandomGenerator random(20261126);
    QJsonArray devices;
    QByteArray oldText;
    for (int i = 0;; ++i) {
        devices.append(makeDevice(i, random));
        if (i % 1000 == 999) {
            oldText = QJsonDocument(QJsonObject{{u"devices"_s, devices}}).toJson(QJsonDocument::Indented);
            if (oldText.size() >= kTargetBytes)
                break;
        }
    }
    const QJsonArray changedDevices = mutate(devices, kChanges, random);
    const QByteArray newText =
        QJsonDocument(QJsonObject{{u"devices"_s, changedDevices}}).toJson(QJsonDocument::Indented);

    QTemporaryDir dir;
    const QString oldPath = dir.filePath(u"old.json"_s);
    const QString newPath = dir.filePath(u"new.json"_s);
    if (!dir.isValid() || !writeFile(oldPath, oldText) || !writeFile(newPath, newText)) {
        std::fprintf(stderr, "cannot write the test files\n");
        return 1;
    }
    std::printf(
        "Inputs: %.2f MB / %lld lines (old), %.2f MB / %lld lines (new), %d devices, %d random edits\n",
        oldText.size() / 1048576.0, qlonglong(oldText.count('\n')), newText.size() / 1048576.0,
        qlonglong(newText.count('\n')), int(devices.size()), kChanges);

    // Baseline: GNU diff -u on the same files, process start included, output read.
    const QString diffTool = QStandardPaths::findExecutable(u"diff"_s);
    QByteArray gnuOutput;
    const Timing gnu = bestOf(
        [&] {
            QProcess process;
            process.start(diffTool, {u"-u"_s, oldPath, newPath});
            process.waitForFinished(-1);
            gnuOutput = process.readAllStandardOutput();
        },
        RUSAGE_CHILDREN);

    DiffResult lines;
    const Timing lineTime = bestOf([&] { lines = LineDiff::compare(oldText, newText); });
    QByteArray unified;
    const Timing unifiedTime = bestOf([&] { unified = lines.toUnifiedDiff(u"old.json"_s, u"new.json"_s); });
    // Devices matched by their id, as the console does for fleet configurations: an inserted device
    // does not shift every later one.
    JsonDiffOptions keyed;
    keyed.arrayKeys.insert(u"/devices"_s, u"id"_s);
    JsonDiffResult structural;
    const Timing jsonTime = bestOf([&] {
        auto result = JsonDiff::compare(oldText, newText, keyed);
        if (result)
            structural = std::move(result).value();
    });
    ConfigDiffOptions allOptions;
    allOptions.json = keyed;
    ConfigDiffResult all;
    const Timing allTime = bestOf([&] { all = ConfigDiff::compare(oldText, newText, allOptions); });

    // The unified diff must also be right: GNU patch turns old into new with it.
    bool patched = false;
    if (writeFile(dir.filePath(u"change.diff"_s), unified)) {
        QProcess patch;
        patch.setWorkingDirectory(dir.path());
        patch.start(QStandardPaths::findExecutable(u"patch"_s),
                    {u"--silent"_s, u"-o"_s, u"out.json"_s, u"old.json"_s, u"change.diff"_s});
        patch.waitForFinished(-1);
        QFile out(dir.filePath(u"out.json"_s));
        patched = patch.exitCode() == 0 && out.open(QIODevice::ReadOnly) && out.readAll() == newText;
    }

    // Same hunks as GNU diff? (The two header lines differ: GNU writes paths and timestamps.)
    const auto body = [](const QByteArray& diff) { return diff.mid(diff.indexOf("\n@@") + 1); };
    const bool sameAsGnu = body(unified) == body(gnuOutput);
    std::printf("Result: %d lines deleted, %d inserted, %lld hunks, unified diff %lld bytes; "
                "hunks byte-identical to GNU diff -u: %s; GNU patch reproduces the new file: %s\n",
                lines.deletedCount(), lines.insertedCount(), qlonglong(lines.hunks().size()),
                qlonglong(unified.size()), sameAsGnu ? "yes" : "no", patched ? "yes" : "NO");
    std::printf("Structural: %s\n\n", qPrintable(structural.summary()));

    std::printf("%-46s %8s %8s %8s %8s\n", "best of 3", "wall s", "vs GNU", "CPU s", "vs GNU");
    const auto row = [&](const char* name, const Timing& t) {
        std::printf("%-46s %8.3f %8.2f %8.3f %8.2f\n", name, t.wall, t.wall / gnu.wall, t.cpu,
                    t.cpu / gnu.cpu);
    };
    row("GNU diff -u (baseline; wall includes spawn)", gnu);
    row("LineDiff::compare", lineTime);
    row("DiffResult::toUnifiedDiff", unifiedTime);
    row("JsonDiff::compare, /devices keyed by id", jsonTime);
    row("ConfigDiff::compare (classify + line + JSON)", allTime);
    row("dtl on raw lines (no ids, anchors, head/tail)", plainDtl(oldText, newText));

    // Arrays by index (no key chosen): every device after an inserted one shows as changed.
    JsonDiffResult byIndex;
    const Timing byIndexTime = bestOf([&] {
        auto result = JsonDiff::compare(oldText, newText);
        if (result)
            byIndex = std::move(result).value();
    });
    row("JsonDiff::compare, arrays by index", byIndexTime);
    std::printf("  (by index: %s)\n", qPrintable(byIndex.summary()));

    // Worst case for a line diff: an unrelated configuration of the same shape (another seed).
    QRandomGenerator otherRandom(7);
    QJsonArray otherDevices;
    for (qsizetype i = 0; i < devices.size(); ++i)
        otherDevices.append(makeDevice(int(i) + 500000, otherRandom));
    const QByteArray otherText =
        QJsonDocument(QJsonObject{{u"devices"_s, otherDevices}}).toJson(QJsonDocument::Indented);
    const QString otherPath = dir.filePath(u"other.json"_s);
    writeFile(otherPath, otherText);
    const Timing gnuRewrite = bestOf(
        [&] {
            QProcess process;
            process.start(diffTool, {u"-u"_s, oldPath, otherPath});
            process.waitForFinished(-1);
            process.readAllStandardOutput();
        },
        RUSAGE_CHILDREN);
    DiffResult rewrite;
    const Timing rewriteTime = bestOf([&] { rewrite = LineDiff::compare(oldText, otherText); });
    std::printf("\nUnrelated file of the same shape (%d lines deleted, %d inserted):\n",
                rewrite.deletedCount(), rewrite.insertedCount());
    std::printf("%-46s %8.3f %8s %8.3f %8s\n", "GNU diff -u (baseline)", gnuRewrite.wall, "1.00",
                gnuRewrite.cpu, "1.00");
    std::printf("%-46s %8.3f %8.2f %8.3f %8.2f\n", "LineDiff::compare", rewriteTime.wall,
                rewriteTime.wall / gnuRewrite.wall, rewriteTime.cpu, rewriteTime.cpu / gnuRewrite.cpu);
    const double lineTotal = lineTime.wall + unifiedTime.wall;
    std::printf(
        "\nTarget, a 5 MB JSON diff under 1 s (wall): line diff + unified %.3f s %s, structural %.3f s %s, "
        "everything %.3f s %s\n",
        lineTotal, lineTotal < 1.0 ? "met" : "MISSED", jsonTime.wall, jsonTime.wall < 1.0 ? "met" : "MISSED",
        allTime.wall, allTime.wall < 1.0 ? "met" : "MISSED");
    std::printf("Load average at the end: %s\n", qPrintable(loadAverage()));
    return patched ? 0 : 1;
}
