#include "TestPki.h"
#include "alink/ReplyCodeCatalog.h"
#include "transfer/DownloadJob.h"
#include "transfer/Downloader.h"
#include "transfer/FileServer.h"
#include "transfer/Sha256Stream.h"
#include "transfer/TlsIdentity.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <map>

using namespace ConfigDeck::Transfer;
using namespace std::chrono_literals;
using ConfigDeck::Alink::ReplyCodeCatalog;
using ConfigDeck::Alink::SignMethod;

namespace {

QByteArray makeContent(qsizetype size, int seed = 1)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char((i * 31 + seed) ^ (i >> 7));
    return data;
}

// A deliberately broken HTTP server: each mode is one way a real server or network misbehaves.
class FaultServer final : public QObject
{
public:
    enum class Mode
    {
        Oversize,       // no Content-Length, far more bytes than configSize, then close
        CloseEarly,     // announces the full size, sends part of it, closes
        Truncated,      // announces and sends fewer bytes than configSize, cleanly
        Stall,          // sends the headers and a little of the body, then nothing
        WrongContent,   // the right size, different bytes
        RedirectLoop,   // 302 to itself, forever
        RedirectToHttp, // 302 to the given URL (over TLS: a plain-http one)
        ServerError,    // 500
        Gone,           // 410
    };

    FaultServer(Mode mode, QByteArray content, const Test::TestPki* tls = nullptr, QUrl redirectTarget = {})
        : m_mode(mode)
        , m_content(std::move(content))
        , m_redirectTarget(std::move(redirectTarget))
    {
        if (tls) {
            auto* server = new QSslServer(this);
            QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
            configuration.setLocalCertificate(tls->serverCertificate);
            configuration.setPrivateKey(tls->serverKey);
            configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
            server->setSslConfiguration(configuration);
            m_server = server;
            m_scheme = QStringLiteral("https");
        } else {
            m_server = new QTcpServer(this);
        }
        // Emitted for plain connections at once, for TLS ones after the handshake.
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &FaultServer::accept);
    }

    bool listen() { return m_server->listen(QHostAddress::LocalHost); }
    QUrl url(const QString& path = QStringLiteral("/file.json")) const
    {
        return QUrl(
            QStringLiteral("%1://127.0.0.1:%2%3").arg(m_scheme).arg(m_server->serverPort()).arg(path));
    }
    int requests() const { return m_requests; }
    qint64 bytesSent() const { return m_bytesSent; }

private:
    void accept()
    {
        while (QTcpSocket* socket = m_server->nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            if (socket->bytesAvailable() > 0)
                onData(socket);
        }
    }

    void onData(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        buffer.remove(0, end + 4);
        ++m_requests;
        respond(socket);
    }

    void send(QTcpSocket* socket, const QByteArray& data)
    {
        socket->write(data);
        m_bytesSent += data.size();
    }

    void respond(QTcpSocket* socket)
    {
        const QByteArray size = QByteArray::number(m_content.size());
        switch (m_mode) {
        case Mode::Oversize: {
            send(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
            // Several megabytes without a Content-Length: only counting bytes can stop this.
            const QByteArray block = makeContent(64 * 1024, 7);
            for (int i = 0; i < 64; ++i)
                send(socket, block);
            socket->disconnectFromHost();
            break;
        }
        case Mode::CloseEarly:
            send(socket,
                 "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + size + "\r\n\r\n");
            send(socket, m_content.left(m_content.size() * 6 / 10));
            socket->disconnectFromHost();
            break;
        case Mode::Truncated:
            send(socket, "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(m_content.size() - 10) +
                             "\r\n\r\n");
            send(socket, m_content.left(m_content.size() - 10));
            break;
        case Mode::Stall:
            send(socket, "HTTP/1.1 200 OK\r\nContent-Length: " + size + "\r\n\r\n");
            send(socket, m_content.left(100));
            break; // and never another byte
        case Mode::WrongContent: {
            QByteArray altered = m_content;
            altered[altered.size() / 2] = char(altered[altered.size() / 2] ^ 0x20);
            send(socket, "HTTP/1.1 200 OK\r\nContent-Length: " + size + "\r\n\r\n" + altered);
            break;
        }
        case Mode::RedirectLoop:
            send(socket, "HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 0\r\n\r\n");
            break;
        case Mode::RedirectToHttp:
            send(socket, "HTTP/1.1 302 Found\r\nLocation: " + m_redirectTarget.toEncoded() +
                             "\r\nContent-Length: 0\r\n\r\n");
            break;
        case Mode::ServerError:
            send(
                socket,
                "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 17\r\n\r\n"
                "database on fire\n");
            break;
        case Mode::Gone:
            send(socket, "HTTP/1.1 410 Gone\r\nContent-Type: text/plain\r\nContent-Length: 25\r\n\r\n"
                         "this version was deleted\n");
            break;
        }
    }

    Mode m_mode;
    QByteArray m_content;
    QUrl m_redirectTarget;
    QTcpServer* m_server = nullptr;
    QString m_scheme = QStringLiteral("http");
    std::map<QTcpSocket*, QByteArray> m_buffers;
    int m_requests = 0;
    qint64 m_bytesSent = 0;
};

} // namespace

class TestDownloader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void usesTheGivenNetworkAccessManager();
    void requestFromConfigFile();
    void verifiedDownload_data();
    void verifiedDownload();
    void signMismatch();
    void fewerBytesThanDeclared();
    void announcedTooLarge();
    void configSizeAboveTheDeviceLimit();
    void lyingServerStopsAtTheDeviceLimit();
    void memoryFollowsTheBytesNotTheClaim();
    void refusedUrls_data();
    void refusedUrls();
    void unsupportedSignMethod();
    void invalidRequest_data();
    void invalidRequest();
    void connectionRefused();
    void totalTimeout();
    void cancel();
    void httpsTrustedCa();
    void httpsUntrusted();

    void faultOversizeAbortsEarly();
    void faultCloseEarly();
    void faultTruncated();
    void faultStall();
    void faultWrongContent();
    void faultRedirectLoop();
    void redirectWithoutStallTimeout();
    void faultHttpsToHttpRedirect();
    void faultServerError();
    void faultGone();

private:
    DownloadResult run(const DownloadRequest& request, QList<QList<QVariant>>* progress = nullptr);
    DownloadRequest requestFor(const QByteArray& content, const QUrl& url) const;

    Test::TestPki m_pki;
    std::map<QString, QByteArray> m_store;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Downloader> m_downloader;
    std::unique_ptr<FileServer> m_server;
    QByteArray m_content;
    QString m_sha;
};

void TestDownloader::initTestCase()
{
    QVERIFY2(m_pki.generate(), qPrintable(m_pki.error));
}

void TestDownloader::init()
{
    m_content = QByteArrayLiteral("{\"mode\":\"eco\",\"blob\":\"") + makeContent(4000).toBase64() + "\"}";
    m_sha = Sha256Stream::hash(m_content);
    m_store = {{m_sha, m_content}};
    m_server = std::make_unique<FileServer>([this](const QString& sha) -> std::optional<QByteArray> {
        const auto it = m_store.find(sha);
        return it == m_store.end() ? std::nullopt : std::optional<QByteArray>(it->second);
    });
    QVERIFY(m_server->listen().hasValue());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_downloader = std::make_unique<Downloader>(m_network.get());
}

void TestDownloader::cleanup()
{
    m_downloader.reset();
    m_network.reset();
    m_server.reset();
}

DownloadRequest TestDownloader::requestFor(const QByteArray& content, const QUrl& url) const
{
    DownloadRequest request;
    request.url = url;
    request.expectedSize = content.size();
    request.expectedSign = Sha256Stream::hash(content);
    request.totalTimeout = 15s;
    request.stallTimeout = 10s;
    return request;
}

DownloadResult TestDownloader::run(const DownloadRequest& request, QList<QList<QVariant>>* progress)
{
    DownloadJob* job = m_downloader->download(request);
    QSignalSpy finished(job, &DownloadJob::finished);
    QSignalSpy progressSpy(job, &DownloadJob::progress);
    if (!finished.wait(20000))
        return {};
    if (progress)
        *progress = progressSpy;
    return finished.at(0).at(0).value<DownloadResult>();
}

void TestDownloader::usesTheGivenNetworkAccessManager()
{
    QCOMPARE(m_downloader->network(), m_network.get());
    QVERIFY(m_downloader->findChildren<QNetworkAccessManager*>().isEmpty());
    Downloader own;
    QVERIFY(own.network());
    QCOMPARE(own.network()->parent(), &own);
}

void TestDownloader::requestFromConfigFile()
{
    ConfigDeck::Alink::ConfigFile file;
    file.configId = QStringLiteral("c1");
    file.configSize = 1234;
    file.sign = QStringLiteral("ABCD");
    file.signMethod = SignMethod::Md5;
    file.url =
        QStringLiteral("https://example.com/config/a/b.json?Expires=1&OSSAccessKeyId=k&Signature=a%2Bb");
    const DownloadRequest request = DownloadRequest::fromConfigFile(file);
    QCOMPARE(request.url.toString(QUrl::FullyEncoded), file.url);
    QCOMPARE(request.expectedSize, 1234);
    QCOMPARE(request.expectedSign, QStringLiteral("ABCD"));
    QCOMPARE(request.signMethod, SignMethod::Md5);
    QCOMPARE(request.maxRedirects, 3);
}

void TestDownloader::verifiedDownload_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<bool>("upperCaseSign");
    QTest::addRow("Sha256") << int(SignMethod::Sha256) << false;
    QTest::addRow("Sha256, sign in upper case") << int(SignMethod::Sha256) << true;
    QTest::addRow("Md5") << int(SignMethod::Md5) << false;
}

void TestDownloader::verifiedDownload()
{
    QFETCH(int, method);
    QFETCH(bool, upperCaseSign);
    DownloadRequest request =
        requestFor(m_content, m_server->signedUrl(m_sha, QStringLiteral("device.json")));
    request.signMethod = SignMethod(method);
    if (request.signMethod == SignMethod::Md5)
        request.expectedSign =
            QString::fromLatin1(QCryptographicHash::hash(m_content, QCryptographicHash::Md5).toHex());
    if (upperCaseSign)
        request.expectedSign = request.expectedSign.toUpper();

    QList<QList<QVariant>> progress;
    const DownloadResult result = run(request, &progress);
    QCOMPARE(result.code, 200);
    QVERIFY(result.ok());
    QVERIFY2(result.message.contains(QLatin1StringView("verified")), qPrintable(result.message));
    QCOMPARE(result.content, m_content);
    QCOMPARE(result.bytes, qint64(m_content.size()));
    QCOMPARE(result.sha256, m_sha);
    QCOMPARE(result.actualSign, request.expectedSign.toLower());
    QCOMPARE(result.httpStatus, 200);
    QVERIFY(result.elapsedMs >= 0);
    QCOMPARE(result.redirects, 0);
    QVERIFY(!result.canceled);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), qint64(m_content.size()));
    QCOMPARE(progress.last().at(1).toLongLong(), qint64(m_content.size()));
}

void TestDownloader::signMismatch()
{
    DownloadRequest request =
        requestFor(m_content, m_server->signedUrl(m_sha, QStringLiteral("device.json")));
    request.expectedSign = Sha256Stream::hash("something else");
    const DownloadResult result = run(request);
    QCOMPARE(result.code, int(ReplyCodeCatalog::SignMismatch));
    QVERIFY2(result.message.contains(m_sha), qPrintable(result.message));
    QVERIFY2(result.message.contains(request.expectedSign), qPrintable(result.message));
    QCOMPARE(result.sha256, m_sha);
    QCOMPARE(result.content, m_content); // kept, so the operator can diff what arrived
}

void TestDownloader::fewerBytesThanDeclared()
{
    DownloadRequest request =
        requestFor(m_content, m_server->signedUrl(m_sha, QStringLiteral("device.json")));
    request.expectedSize = m_content.size() + 34;
    const DownloadResult result = run(request);
    QCOMPARE(result.code, int(ReplyCodeCatalog::SizeMismatch));
    QCOMPARE(result.message,
             QStringLiteral("expected %1 bytes, got %2").arg(m_content.size() + 34).arg(m_content.size()));
    QCOMPARE(result.bytes, qint64(m_content.size()));
}

void TestDownloader::announcedTooLarge()
{
    DownloadRequest request =
        requestFor(m_content, m_server->signedUrl(m_sha, QStringLiteral("device.json")));
    request.expectedSize = 1000;
    const DownloadResult result = run(request);
    QCOMPARE(result.code, int(ReplyCodeCatalog::FileTooLarge));
    QVERIFY2(result.message.contains(QStringLiteral("announced %1 bytes").arg(m_content.size())),
             qPrintable(result.message));
    QVERIFY2(result.message.contains(QLatin1StringView("expected 1000 bytes")), qPrintable(result.message));
    QVERIFY(result.content.size() <= 1000);
}

void TestDownloader::configSizeAboveTheDeviceLimit()
{
    // A sender that claims 100 MB gets no request at all from a device that takes 64 KB.
    FaultServer fault(FaultServer::Mode::Oversize, m_content);
    QVERIFY(fault.listen());
    DownloadRequest request = requestFor(m_content, fault.url());
    request.expectedSize = 100 * 1024 * 1024;
    request.maxSize = DownloadRequest::kAlibabaMaxSize;
    const DownloadResult result = run(request);
    QCOMPARE(result.code, int(ReplyCodeCatalog::FileTooLarge));
    QCOMPARE(result.message, QStringLiteral("the announced size (configSize) of %1 bytes is more than this "
                                            "device accepts (65536 bytes); nothing was downloaded")
                                 .arg(100 * 1024 * 1024));
    QCOMPARE(fault.requests(), 0);
    QCOMPARE(result.bytes, 0);
    QVERIFY(result.content.isEmpty());
}

void TestDownloader::lyingServerStopsAtTheDeviceLimit()
{
    // configSize within the limit, but the server sends 4 MB without a Content-Length.
    FaultServer fault(FaultServer::Mode::Oversize, m_content);
    QVERIFY(fault.listen());
    DownloadRequest request = requestFor(m_content, fault.url());
    request.expectedSize = DownloadRequest::kAlibabaMaxSize;
    request.maxSize = DownloadRequest::kAlibabaMaxSize;
    const DownloadResult result = run(request);
    QCOMPARE(result.code, int(ReplyCodeCatalog::FileTooLarge));
    QCOMPARE(result.content.size(), DownloadRequest::kAlibabaMaxSize);
    QVERIFY2(result.content.capacity() <= DownloadRequest::kAlibabaMaxSize,
             qPrintable(QString::number(result.content.capacity())));
    QVERIFY2(result.bytes < fault.bytesSent() / 2, qPrintable(QString::number(result.bytes)));
}

void TestDownloader::memoryFollowsTheBytesNotTheClaim()
{
    // A claim of 16 MB that brings 5 KB costs about 5 KB, not 16 MB reserved up front.
    DownloadRequest request =
        requestFor(m_content, m_server->signedUrl(m_sha, QStringLiteral("device.json")));
    request.expectedSize = DownloadRequest::kDefaultMaxSize;
    const DownloadResult result = run(request);
    QCOMPARE(result.code, int(ReplyCodeCatalog::SizeMismatch));
    QCOMPARE(result.content.size(), m_content.size());
    QVERIFY2(result.content.capacity() < 4 * m_content.size(),
             qPrintable(QString::number(result.content.capacity())));
}

void TestDownloader::refusedUrls_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("says");
    QTest::addRow("expired") << QStringLiteral("expired") << 403 << QStringLiteral("Request has expired");
    QTest::addRow("forged") << QStringLiteral("forged") << 403 << QStringLiteral("signature does not match");
    QTest::addRow("unknown sha256") << QStringLiteral("unknown") << 404 << QStringLiteral("does not exist");
}

void TestDownloader::refusedUrls()
{
    QFETCH(QString, what);
    QFETCH(int, httpStatus);
    QFETCH(QString, says);
    QUrl url;
    if (what == u"expired") {
        const QDateTime signedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        m_server->setClock([signedAt] { return signedAt; });
        url = m_server->signedUrl(m_sha, QStringLiteral("device.json"));
        m_server->setClock({}); // back to the real clock: an hour later
    } else if (what == u"forged") {
        url = m_server->signedUrl(m_sha, QStringLiteral("device.json"));
        url.setPath(url.path().replace(QLatin1StringView("device.json"), QLatin1StringView("other.json")));
    } else {
        url = m_server->signedUrl(QString(64, u'9'), QStringLiteral("device.json"));
    }
    const DownloadResult result = run(requestFor(m_content, url));
    QCOMPARE(result.code, int(ReplyCodeCatalog::UrlRefused));
    QCOMPARE(result.httpStatus, httpStatus);
    QVERIFY2(result.message.contains(QStringLiteral("HTTP %1").arg(httpStatus)), qPrintable(result.message));
    QVERIFY2(result.message.contains(says), qPrintable(result.message));
    QCOMPARE(result.bytes, qint64(0));
    QVERIFY(result.content.isEmpty());
}

void TestDownloader::unsupportedSignMethod()
{
    DownloadRequest request =
        requestFor(m_content, m_server->signedUrl(m_sha, QStringLiteral("device.json")));
    request.signMethod = SignMethod::Md5;
    request.acceptedSignMethods = {SignMethod::Sha256}; // a 4.x-SDK-like device
    const DownloadResult result = run(request);
    QCOMPARE(result.code, int(ReplyCodeCatalog::UnsupportedSignMethod));
    QCOMPARE(result.message,
             QStringLiteral("this device cannot verify files signed with Md5; it accepts Sha256"));
    QCOMPARE(m_server->requestCount(), quint64(0)); // refused before downloading anything
}

void TestDownloader::invalidRequest_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("says");
    QTest::addRow("ftp") << QUrl(QStringLiteral("ftp://127.0.0.1/a.json")) << qint64(10)
                         << QStringLiteral("is not an http or https URL");
    QTest::addRow("no host") << QUrl(QStringLiteral("http:///a.json")) << qint64(10)
                             << QStringLiteral("is not an http or https URL");
    QTest::addRow("negative size") << QUrl(QStringLiteral("http://127.0.0.1:1/a.json")) << qint64(-5)
                                   << QStringLiteral("configSize) -5 is negative");
}

void TestDownloader::invalidRequest()
{
    QFETCH(QUrl, url);
    QFETCH(qint64, size);
    QFETCH(QString, says);
    DownloadRequest request = requestFor(m_content, url);
    request.expectedSize = size;
    const DownloadResult result = run(request);
    QCOMPARE(result.code, int(ReplyCodeCatalog::DownloadFailed));
    QVERIFY2(result.message.contains(says), qPrintable(result.message));
}

void TestDownloader::connectionRefused()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    const DownloadResult result =
        run(requestFor(m_content, QUrl(QStringLiteral("http://127.0.0.1:%1/config/x/y.json").arg(port))));
    QCOMPARE(result.code, int(ReplyCodeCatalog::DownloadFailed));
    QVERIFY2(result.message.contains(QLatin1StringView("refused"), Qt::CaseInsensitive),
             qPrintable(result.message));
    QCOMPARE(result.httpStatus, 0);
}

void TestDownloader::totalTimeout()
{
    m_server->setThrottle(4 * 1024); // the ~5.4 KB file would take over a second
    DownloadRequest request =
        requestFor(m_content, m_server->signedUrl(m_sha, QStringLiteral("device.json")));
    request.totalTimeout = 300ms;
    const DownloadResult result = run(request);
    QCOMPARE(result.code, int(ReplyCodeCatalog::DownloadTimeout));
    QVERIFY2(
        result.message.startsWith(QLatin1StringView("the download did not finish within 0.3 s (received ")),
        qPrintable(result.message));
    QVERIFY2(result.message.contains(QStringLiteral("of %1 bytes").arg(m_content.size())),
             qPrintable(result.message));
    QVERIFY(result.bytes < m_content.size());
    QVERIFY2(result.elapsedMs >= 290, qPrintable(QString::number(result.elapsedMs)));
}

void TestDownloader::cancel()
{
    m_server->setThrottle(2 * 1024);
    DownloadJob* job = m_downloader->download(
        requestFor(m_content, m_server->signedUrl(m_sha, QStringLiteral("device.json"))));
    QPointer<DownloadJob> guard(job);
    QSignalSpy finished(job, &DownloadJob::finished);
    QSignalSpy progress(job, &DownloadJob::progress);
    QVERIFY(progress.wait(5000));
    job->cancel();
    QCOMPARE(finished.size(), 1);
    const auto result = finished.at(0).at(0).value<DownloadResult>();
    QVERIFY(result.canceled);
    QCOMPARE(result.code, int(ReplyCodeCatalog::DownloadFailed));
    QVERIFY2(result.message.contains(QLatin1StringView("canceled")), qPrintable(result.message));
    job->cancel(); // a second cancel changes nothing
    QCOMPARE(finished.size(), 1);
    QTRY_VERIFY(guard.isNull()); // deletes itself
    QTRY_COMPARE(m_server->activeTransmissions(), 0);
}

void TestDownloader::httpsTrustedCa()
{
    const auto identity = TlsIdentity::fromPemFiles(m_pki.serverCertificatePath, m_pki.serverKeyPath);
    QVERIFY(identity.hasValue());
    m_server->setTlsIdentity(*identity);
    QVERIFY(m_server->listen().hasValue());
    DownloadRequest request =
        requestFor(m_content, m_server->signedUrl(m_sha, QStringLiteral("device.json")));
    QCOMPARE(request.url.scheme(), QStringLiteral("https"));
    request.caCertificates = {m_pki.ca};
    const DownloadResult result = run(request);
    QCOMPARE(result.code, 200);
    QCOMPARE(result.content, m_content);
}

void TestDownloader::httpsUntrusted()
{
    const auto identity = TlsIdentity::fromPemFiles(m_pki.serverCertificatePath, m_pki.serverKeyPath);
    QVERIFY(identity.hasValue());
    m_server->setTlsIdentity(*identity);
    QVERIFY(m_server->listen().hasValue());
    const DownloadResult result =
        run(requestFor(m_content, m_server->signedUrl(m_sha, QStringLiteral("device.json"))));
    QCOMPARE(result.code, int(ReplyCodeCatalog::TlsFailure));
    QVERIFY2(result.message.startsWith(QLatin1StringView("the TLS connection to 127.0.0.1 failed: ")),
             qPrintable(result.message));
    QVERIFY2(result.message.contains(QLatin1StringView("certificate"), Qt::CaseInsensitive),
             qPrintable(result.message));
    QCOMPARE(result.bytes, qint64(0));
}

void TestDownloader::faultOversizeAbortsEarly()
{
    FaultServer fault(FaultServer::Mode::Oversize, m_content);
    QVERIFY(fault.listen());
    const DownloadResult result = run(requestFor(m_content, fault.url()));
    QCOMPARE(result.code, int(ReplyCodeCatalog::FileTooLarge));
    QVERIFY2(result.message.startsWith(
                 QStringLiteral("the server sent more than the expected %1 bytes (configSize)")
                     .arg(m_content.size())),
             qPrintable(result.message));
    QCOMPARE(result.content.size(), m_content.size()); // bounded by configSize
    QVERIFY(result.bytes > m_content.size());
    QVERIFY2(result.bytes < fault.bytesSent() / 2,
             qPrintable(QString::number(result.bytes))); // stopped early
}

void TestDownloader::faultCloseEarly()
{
    FaultServer fault(FaultServer::Mode::CloseEarly, m_content);
    QVERIFY(fault.listen());
    const DownloadResult result = run(requestFor(m_content, fault.url()));
    QCOMPARE(result.code, int(ReplyCodeCatalog::SizeMismatch));
    const int sent = m_content.size() * 6 / 10;
    QCOMPARE(result.message,
             QStringLiteral("expected %1 bytes, got %2: the server closed the connection early")
                 .arg(m_content.size())
                 .arg(sent));
    QCOMPARE(result.bytes, qint64(sent));
}

void TestDownloader::faultTruncated()
{
    FaultServer fault(FaultServer::Mode::Truncated, m_content);
    QVERIFY(fault.listen());
    const DownloadResult result = run(requestFor(m_content, fault.url()));
    QCOMPARE(result.code, int(ReplyCodeCatalog::SizeMismatch));
    QCOMPARE(result.message,
             QStringLiteral("expected %1 bytes, got %2").arg(m_content.size()).arg(m_content.size() - 10));
}

void TestDownloader::faultStall()
{
    FaultServer fault(FaultServer::Mode::Stall, m_content);
    QVERIFY(fault.listen());
    DownloadRequest request = requestFor(m_content, fault.url());
    request.stallTimeout = 300ms;
    const DownloadResult result = run(request);
    QCOMPARE(result.code, int(ReplyCodeCatalog::DownloadTimeout));
    QCOMPARE(result.message,
             QStringLiteral("no data arrived for 0.3 s (received 100 of %1 bytes)").arg(m_content.size()));
    QCOMPARE(result.bytes, qint64(100));
}

void TestDownloader::faultWrongContent()
{
    FaultServer fault(FaultServer::Mode::WrongContent, m_content);
    QVERIFY(fault.listen());
    const DownloadResult result = run(requestFor(m_content, fault.url()));
    QCOMPARE(result.code, int(ReplyCodeCatalog::SignMismatch));
    QVERIFY(result.sha256 != m_sha);
    QCOMPARE(result.message,
             QStringLiteral("the Sha256 of the %1 downloaded bytes is %2, but the expected sign is %3")
                 .arg(m_content.size())
                 .arg(result.sha256, m_sha));
}

void TestDownloader::faultRedirectLoop()
{
    FaultServer fault(FaultServer::Mode::RedirectLoop, m_content);
    QVERIFY(fault.listen());
    const DownloadResult result = run(requestFor(m_content, fault.url()));
    QCOMPARE(result.code, int(ReplyCodeCatalog::DownloadFailed));
    QVERIFY2(result.message.startsWith(QLatin1StringView("gave up after 3 redirects")),
             qPrintable(result.message));
    QCOMPARE(result.redirects, 3);
    QVERIFY(fault.requests() >= 4); // the request, 3 redirects followed, the 4th refused
}

void TestDownloader::redirectWithoutStallTimeout()
{
    // A stall timeout of 0 is off: following a redirect must not switch it on (as a 0 ms timer).
    const QUrl target = m_server->signedUrl(m_sha, QStringLiteral("device.json"));
    FaultServer redirect(FaultServer::Mode::RedirectToHttp, m_content, nullptr, target);
    QVERIFY(redirect.listen());
    DownloadRequest request = requestFor(m_content, redirect.url());
    request.stallTimeout = 0ms;
    const DownloadResult result = run(request);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.redirects, 1);
    QCOMPARE(result.content, m_content);
}

void TestDownloader::faultHttpsToHttpRedirect()
{
    // The plain-http target would serve the right file: only the downgrade rule stops it.
    const QUrl target = m_server->signedUrl(m_sha, QStringLiteral("device.json"));
    FaultServer fault(FaultServer::Mode::RedirectToHttp, m_content, &m_pki, target);
    QVERIFY(fault.listen());
    DownloadRequest request = requestFor(m_content, fault.url());
    request.caCertificates = {m_pki.ca};
    const DownloadResult result = run(request);
    QCOMPARE(result.code, int(ReplyCodeCatalog::TlsFailure));
    QVERIFY2(result.message.startsWith(
                 QStringLiteral("refused to follow a redirect from %1 to http://127.0.0.1:%2/")
                     .arg(fault.url().toString())
                     .arg(m_server->port())),
             qPrintable(result.message));
    QVERIFY2(result.message.endsWith(QLatin1StringView("it would drop TLS")), qPrintable(result.message));
    QCOMPARE(m_server->requestCount(), quint64(0));
}

void TestDownloader::faultServerError()
{
    FaultServer fault(FaultServer::Mode::ServerError, m_content);
    QVERIFY(fault.listen());
    const DownloadResult result = run(requestFor(m_content, fault.url()));
    QCOMPARE(result.code, int(ReplyCodeCatalog::DownloadFailed));
    QCOMPARE(result.httpStatus, 500);
    QCOMPARE(result.message,
             QStringLiteral("the server answered HTTP 500 Internal Server Error: database on fire"));
}

void TestDownloader::faultGone()
{
    FaultServer fault(FaultServer::Mode::Gone, m_content);
    QVERIFY(fault.listen());
    const DownloadResult result = run(requestFor(m_content, fault.url()));
    QCOMPARE(result.code, int(ReplyCodeCatalog::UrlRefused));
    QCOMPARE(result.message,
             QStringLiteral("the server refused the URL with HTTP 410 Gone: this version was deleted"));
}

QTEST_GUILESS_MAIN(TestDownloader)
#include "TestDownloader.moc"
