// bench_sha256: how fast ConfigDeck hashes and verifies, next to `openssl dgst -sha256` on the same
// bytes in the same run (target: ours >= 90% of openssl). Prints figures; never passes or fails.
//
//   bench_sha256 [--file-mb N] [--download-mb N] [--runs N] [--dir PATH]

#include "transfer/DownloadJob.h"
#include "transfer/Downloader.h"
#include "transfer/FileServer.h"
#include "transfer/Sha256Stream.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>

using namespace ConfigDeck::Transfer;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

// Best (shortest) of `runs` timings in seconds; `check` may reject a run's result.
double bestOf(int runs, const std::function<bool()>& body)
{
    double best = std::numeric_limits<double>::infinity();
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        if (!body())
            return -1;
        best = std::min(best, double(clock.nsecsElapsed()) / 1e9);
    }
    return best;
}

QByteArray pseudoRandom(qint64 size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32*>(data.data()), size / 4);
    return data;
}

bool writeFile(const QString& path, qint64 sizeMb)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QByteArray block = pseudoRandom(kMiB, 42);
    for (qint64 i = 0; i < sizeMb; ++i) {
        QByteArray chunk = block;
        chunk[0] = char(i); // no two MiB alike
        chunk[1] = char(i >> 8);
        if (file.write(chunk) != chunk.size())
            return false;
    }
    return file.flush();
}

QString opensslDigest(const QString& path)
{
    QProcess process;
    process.start(QStringLiteral("openssl"), {QStringLiteral("dgst"), QStringLiteral("-sha256"), path});
    if (!process.waitForFinished(600000) || process.exitCode() != 0)
        return {};
    // "SHA2-256(path)= <hex>"
    const QByteArray out = process.readAllStandardOutput().trimmed();
    return QString::fromLatin1(out.mid(out.lastIndexOf(' ') + 1));
}

double mbPerSecond(qint64 bytes, double seconds)
{
    return seconds > 0 ? double(bytes) / double(kMiB) / seconds : 0;
}

void row(const char* what, qint64 bytes, double seconds)
{
    std::printf("  %-52s %8.1f MB/s  (%.3f s)\n", what, mbPerSecond(bytes, seconds), seconds);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("file-mb"), QStringLiteral("Size of the hashed file in MiB."),
                      QStringLiteral("n"), QStringLiteral("256")});
    parser.addOption({QStringLiteral("download-mb"), QStringLiteral("Size of the downloaded content in MiB."),
                      QStringLiteral("n"), QStringLiteral("64")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs per measurement (best counts)."),
                      QStringLiteral("n"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Where to write the temporary files."),
                      QStringLiteral("path")});
    parser.process(app);
    const qint64 fileMb = std::max(1, parser.value(QStringLiteral("file-mb")).toInt());
    const qint64 downloadMb = std::max(1, parser.value(QStringLiteral("download-mb")).toInt());
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    QTemporaryDir dir(parser.isSet(QStringLiteral("dir"))
                          ? parser.value(QStringLiteral("dir")) + QStringLiteral("/bench_sha256-XXXXXX")
                          : QString());
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot make a temporary directory\n");
        return 1;
    }

    // 1. A file on disk (in the page cache after the first run): our fileDigest vs openssl dgst.
    const QString bigPath = dir.filePath(QStringLiteral("big.bin"));
    std::printf("writing %lld MiB to %s ...\n", fileMb, qPrintable(bigPath));
    if (!writeFile(bigPath, fileMb)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(bigPath));
        return 1;
    }
    const qint64 bigBytes = fileMb * kMiB;
    QString ours;
    QString theirs;
    opensslDigest(bigPath); // warm the page cache for both sides alike
    const double opensslSeconds = bestOf(runs, [&] {
        theirs = opensslDigest(bigPath);
        return !theirs.isEmpty();
    });
    const double fileSeconds = bestOf(runs, [&] {
        const auto digest = Sha256Stream::fileDigest(bigPath);
        if (!digest)
            return false;
        ours = *digest;
        return true;
    });
    if (opensslSeconds < 0 || fileSeconds < 0 || ours != theirs) {
        std::fprintf(stderr, "digest failed or differs: ours %s, openssl %s\n", qPrintable(ours),
                     qPrintable(theirs));
        return 1;
    }

    // 2. A verified download of in-memory content over loopback HTTP, with a bare GET as a second baseline.
    const QByteArray content = pseudoRandom(downloadMb * kMiB, 7);
    const QString contentSha = Sha256Stream::hash(content);
    const QString contentPath = dir.filePath(QStringLiteral("content.bin"));
    {
        QFile file(contentPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(contentPath));
            return 1;
        }
    }
    QString contentOpenssl;
    opensslDigest(contentPath);
    const double contentOpensslSeconds = bestOf(runs, [&] {
        contentOpenssl = opensslDigest(contentPath);
        return contentOpenssl == contentSha;
    });
    const double memorySeconds = bestOf(runs, [&] { return Sha256Stream::hash(content) == contentSha; });
    // What merely filling a fresh buffer of that size costs here (first-touch page faults): the
    // floor for any download that keeps the file in memory.
    const double touchSeconds = bestOf(runs, [&] {
        QByteArray fresh(content.size(), Qt::Uninitialized);
        std::memcpy(fresh.data(), content.constData(), size_t(content.size()));
        return fresh.back() == content.back();
    });

    FileServer server([&](const QString& sha) -> std::optional<QByteArray> {
        return sha == contentSha ? std::optional<QByteArray>(content) : std::nullopt;
    });
    if (!server.listen()) {
        std::fprintf(stderr, "the file server cannot listen\n");
        return 1;
    }
    QNetworkAccessManager network;
    Downloader downloader(&network);
    const QUrl url = server.signedUrl(contentSha, QStringLiteral("content.bin"));

    const double bareSeconds = bestOf(runs, [&] {
        // Keeps the body like the Downloader does, so the difference is hashing, capping and checks.
        QNetworkReply* reply = network.get(QNetworkRequest(url));
        QByteArray body;
        body.reserve(content.size());
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] { body += reply->readAll(); });
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        body += reply->readAll();
        const bool ok = reply->error() == QNetworkReply::NoError && body.size() == content.size();
        reply->deleteLater();
        return ok;
    });
    QString downloadMessage;
    const double downloadSeconds = bestOf(runs, [&] {
        DownloadRequest request;
        request.url = url;
        request.expectedSize = content.size();
        request.maxSize = content.size();
        request.expectedSign = contentSha;
        DownloadJob* job = downloader.download(request);
        DownloadResult result;
        QEventLoop loop;
        QObject::connect(job, &DownloadJob::finished, &loop, [&](const DownloadResult& r) {
            result = r;
            loop.quit();
        });
        loop.exec();
        downloadMessage = result.message;
        return result.ok();
    });
    if (bareSeconds < 0 || downloadSeconds < 0 || contentOpensslSeconds < 0) {
        std::fprintf(stderr, "download failed: %s\n", qPrintable(downloadMessage));
        return 1;
    }

    const double opensslRate = mbPerSecond(bigBytes, opensslSeconds);
    const double contentOpensslRate = mbPerSecond(content.size(), contentOpensslSeconds);
    std::printf("\nSHA-256 of a %lld MiB file (best of %d)\n", fileMb, runs);
    row("openssl dgst -sha256 (baseline, incl. process start)", bigBytes, opensslSeconds);
    row("Sha256Stream::fileDigest", bigBytes, fileSeconds);
    std::printf("  ratio ours/openssl: %.1f%%  (target >= 90%%)\n",
                100.0 * mbPerSecond(bigBytes, fileSeconds) / opensslRate);

    std::printf("\nVerified download of %lld MiB over loopback HTTP (best of %d)\n", downloadMb, runs);
    row("openssl dgst -sha256 of the same bytes (baseline)", content.size(), contentOpensslSeconds);
    row("Sha256Stream::hash in memory", content.size(), memorySeconds);
    row("copy into a fresh buffer (memory floor)", content.size(), touchSeconds);
    row("bare QNetworkAccessManager GET, body kept, no checks", content.size(), bareSeconds);
    row("FileServer + Downloader: GET, hash, size cap, verify", content.size(), downloadSeconds);
    std::printf("  ratio download+verify / openssl dgst: %.1f%%\n",
                100.0 * mbPerSecond(content.size(), downloadSeconds) / contentOpensslRate);
    std::printf("  ratio download+verify / bare GET:     %.1f%%\n",
                100.0 * mbPerSecond(content.size(), downloadSeconds) /
                    mbPerSecond(content.size(), bareSeconds));
    std::printf("  ratio in-memory hash / openssl dgst:  %.1f%%\n",
                100.0 * mbPerSecond(content.size(), memorySeconds) / contentOpensslRate);
    return 0;
}
