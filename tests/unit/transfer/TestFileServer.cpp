#include "TestPki.h"
#include "transfer/FileServer.h"
#include "transfer/Sha256Stream.h"
#include "transfer/TlsIdentity.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>

#include <map>

using namespace ConfigDeck::Transfer;
using namespace std::chrono_literals;

namespace {

struct HttpResult
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lowercase names
    qint64 elapsedMs = 0;
};

HttpResult fetch(QNetworkAccessManager& network, const QUrl& url, const QByteArray& verb = "GET",
                 const QList<std::pair<QByteArray, QByteArray>>& headers = {},
                 const QSslConfiguration* tls = nullptr)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    if (tls)
        request.setSslConfiguration(*tls);
    QElapsedTimer clock;
    clock.start();
    QNetworkReply* reply = nullptr;
    if (verb == "HEAD")
        reply = network.head(request);
    else if (verb == "POST")
        reply = network.post(request, QByteArrayLiteral("{}"));
    else
        reply = network.sendCustomRequest(request, verb);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult result;
    result.elapsedMs = clock.elapsed();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.errorString = reply->errorString();
    result.body = reply->readAll();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return result;
}

QByteArray makeContent(qsizetype size, int seed = 1)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char((i * 7 + seed * 13) ^ (i >> 8));
    return data;
}

// A store stand-in: content by SHA-256.
struct Contents
{
    std::map<QString, QByteArray> bySha;
    QString add(const QByteArray& data)
    {
        const QString sha = Sha256Stream::hash(data);
        bySha[sha] = data;
        return sha;
    }
    FileServer::ContentSource source()
    {
        return [this](const QString& sha) -> std::optional<QByteArray> {
            const auto it = bySha.find(sha);
            if (it == bySha.end())
                return std::nullopt;
            return it->second;
        };
    }
};

QUrl withQueryItem(QUrl url, const QString& name, const QString& value)
{
    QUrlQuery query(url);
    query.removeAllQueryItems(name);
    query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(query);
    return url;
}

// One HTTP answer read off a raw connection.
struct RawAnswer
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lowercase names
    QByteArray body;
};

// A client on a raw socket, for what QNetworkAccessManager does not let a test control: the HTTP
// version, pipelining, idle connections, a body the server should not read. Waits run the event
// loop, which the server needs the first time it looks content up.
class RawClient
{
public:
    explicit RawClient(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }

    QTcpSocket& socket() { return m_socket; }
    bool waitConnected(int ms = 5000)
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, ms);
    }
    void send(const QByteArray& bytes) { m_socket.write(bytes); }
    // True once the server has closed the connection (end of file or reset).
    bool closedByServer() const
    {
        return m_socket.state() == QAbstractSocket::UnconnectedState ||
               m_socket.error() == QAbstractSocket::RemoteHostClosedError;
    }
    bool waitClosed(int ms)
    {
        return QTest::qWaitFor(
            [this] {
                m_buffer += m_socket.readAll();
                return closedByServer();
            },
            ms);
    }

    // The next complete answer, or nothing when none came within ms.
    std::optional<RawAnswer> next(int ms = 5000, bool head = false)
    {
        std::optional<RawAnswer> answer;
        const bool settled = QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                answer = take(head);
                return answer.has_value() || closedByServer();
            },
            ms);
        if (settled && !answer) { // closed: what arrived before the end still counts
            m_buffer += m_socket.readAll();
            answer = take(head);
        }
        return answer;
    }

    QByteArray& buffer() { return m_buffer; }

    std::optional<RawAnswer> take(bool head)
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        RawAnswer answer;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        answer.status = statusLine.value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                answer.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                      lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = head ? 0 : answer.headers.value("content-length").toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return std::nullopt;
        answer.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return answer;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

QByteArray requestFor(const QUrl& url, const QByteArray& version = "HTTP/1.1", const QByteArray& extra = {},
                      const QByteArray& method = "GET")
{
    return method + ' ' + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority) + ' ' + version +
           "\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

} // namespace

class TestFileServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void signedUrlShape();
    void getWholeFile_data();
    void getWholeFile();
    void ranges_data();
    void ranges();
    void head();
    void expiredUrl();
    void forgedUrl_data();
    void forgedUrl();
    void notFound_data();
    void notFound();
    void methodNotAllowed_data();
    void methodNotAllowed();
    void fileNameNeedingEscapes();
    void largeContentIsStreamed();
    void countersAndSignal();
    void listenOnBusyPortFails();
    void sharedPortServesTheSameUrlsFromEither();
    void throttleSlowsDownload();
    void clientGoingAwayEndsTransmission();
    void https();
    void tlsIdentityFromBadFiles();
    void connectionClosing_data();
    void connectionClosing();
    void pipelinedRequestsInOrder();
    void apacheBench();
    void idleConnectionsAreClosed();
    void connectionsBeyondTheLimitAreRefused_data();
    void connectionsBeyondTheLimitAreRefused();
    void requestBodyIsRefusedUnread_data();
    void requestBodyIsRefusedUnread();
    void oversizedHeadersAreRefused();
    void clientThatStopsReadingTimesOut();

private:
    void relisten(const FileServer::Limits& limits);

    Contents m_contents;
    std::unique_ptr<FileServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QDateTime m_now;
    QByteArray m_json;
    QString m_jsonSha;
};

void TestFileServer::init()
{
    m_contents = {};
    m_json =
        QByteArrayLiteral("{\"mode\":\"eco\",\"interval\":30,\"padding\":\"") + QByteArray(59, 'x') + "\"}";
    QCOMPARE(m_json.size(), 100);
    m_jsonSha = m_contents.add(m_json);
    m_server = std::make_unique<FileServer>(m_contents.source());
    m_now = QDateTime(QDate(2026, 11, 26), QTime(10, 0), QTimeZone::utc());
    m_server->setClock([this] { return m_now; });
    const auto port = m_server->listen();
    QVERIFY2(port.hasValue(), port.hasValue() ? "" : qPrintable(port.error().message()));
    QVERIFY(*port != 0);
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestFileServer::cleanup()
{
    m_network.reset();
    m_server.reset();
}

void TestFileServer::signedUrlShape()
{
    const QUrl url = m_server->signedUrl(m_jsonSha.toUpper(), QStringLiteral("device.json"));
    QCOMPARE(url.scheme(), QStringLiteral("http"));
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(url.port(), int(m_server->port()));
    QCOMPARE(url.path(), QStringLiteral("/config/%1/device.json").arg(m_jsonSha)); // sha lowercased
    const QUrlQuery query(url);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    QCOMPARE(items.size(), 3);
    QCOMPARE(items.at(0).first, QStringLiteral("Expires"));
    QCOMPARE(items.at(1).first, QStringLiteral("OSSAccessKeyId"));
    QCOMPARE(items.at(2).first, QStringLiteral("Signature"));
    const qint64 expires = items.at(0).second.toLongLong();
    QCOMPARE(expires, m_now.toSecsSinceEpoch() + 30 * 60); // valid 30 minutes, as on the platform
    QCOMPARE(items.at(1).second, m_server->accessKeyId());
    const QString signature = items.at(2).second;
    QCOMPARE(QByteArray::fromBase64(signature.toLatin1()).size(), 32); // HMAC-SHA256
    QCOMPARE(signature, m_server->signature(m_jsonSha, QStringLiteral("device.json"), expires));
    // The wire form never carries a raw '+' that a client could read as a space.
    QVERIFY(!url.toEncoded().contains('+'));

    const QUrl shortLived = m_server->signedUrl(m_jsonSha, QStringLiteral("device.json"), 60s);
    QCOMPARE(QUrlQuery(shortLived).queryItemValue(QStringLiteral("Expires")).toLongLong(),
             m_now.toSecsSinceEpoch() + 60);

    // Two servers have different secrets: one's URL does not open the other.
    FileServer other(m_contents.source());
    other.setClock([this] { return m_now; });
    QVERIFY(other.accessKeyId() != m_server->accessKeyId());
    QVERIFY(other.signature(m_jsonSha, QStringLiteral("device.json"), expires) != signature);
}

void TestFileServer::getWholeFile_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addRow("json") << QStringLiteral("device.json") << QByteArray("application/json");
    QTest::addRow("JSON upper case") << QStringLiteral("DEVICE.JSON") << QByteArray("application/json");
    QTest::addRow("binary") << QStringLiteral("firmware.bin") << QByteArray("application/octet-stream");
    QTest::addRow("no extension") << QStringLiteral("config") << QByteArray("application/octet-stream");
}

void TestFileServer::getWholeFile()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, contentType);
    const HttpResult result = fetch(*m_network, m_server->signedUrl(m_jsonSha, fileName));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.error, QNetworkReply::NoError);
    QCOMPARE(result.body, m_json);
    QCOMPARE(result.headers.value("content-length"), QByteArray("100"));
    QCOMPARE(result.headers.value("content-type"), contentType);
    QCOMPARE(result.headers.value("accept-ranges"), QByteArray("bytes"));
    QCOMPARE(result.headers.value("etag"), '"' + m_jsonSha.toLatin1() + '"');
    QVERIFY(!result.headers.contains("content-range"));
}

void TestFileServer::ranges_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("first"); // of the body, for 200/206
    QTest::addColumn<int>("length");
    QTest::addColumn<QByteArray>("contentRange");
    QTest::addRow("a-b") << QByteArray("bytes=0-9") << 206 << 0 << 10 << QByteArray("bytes 0-9/100");
    QTest::addRow("middle") << QByteArray("bytes=40-59") << 206 << 40 << 20 << QByteArray("bytes 40-59/100");
    QTest::addRow("a-") << QByteArray("bytes=90-") << 206 << 90 << 10 << QByteArray("bytes 90-99/100");
    QTest::addRow("-n") << QByteArray("bytes=-5") << 206 << 95 << 5 << QByteArray("bytes 95-99/100");
    QTest::addRow("end past the content")
        << QByteArray("bytes=95-200") << 206 << 95 << 5 << QByteArray("bytes 95-99/100");
    QTest::addRow("suffix longer than the content")
        << QByteArray("bytes=-500") << 206 << 0 << 100 << QByteArray("bytes 0-99/100");
    QTest::addRow("last byte") << QByteArray("bytes=99-99") << 206 << 99 << 1
                               << QByteArray("bytes 99-99/100");
    QTest::addRow("start at the end")
        << QByteArray("bytes=100-") << 416 << 0 << 0 << QByteArray("bytes */100");
    QTest::addRow("start past the end")
        << QByteArray("bytes=500-600") << 416 << 0 << 0 << QByteArray("bytes */100");
    QTest::addRow("empty suffix") << QByteArray("bytes=-0") << 416 << 0 << 0 << QByteArray("bytes */100");
    // Unreadable or multi-range headers are ignored (RFC 9110): the whole content.
    QTest::addRow("reversed, ignored") << QByteArray("bytes=9-2") << 200 << 0 << 100 << QByteArray();
    QTest::addRow("other unit, ignored") << QByteArray("items=0-1") << 200 << 0 << 100 << QByteArray();
    QTest::addRow("several ranges, ignored")
        << QByteArray("bytes=0-1,5-6") << 200 << 0 << 100 << QByteArray();
    QTest::addRow("garbage, ignored") << QByteArray("bytes=x-y") << 200 << 0 << 100 << QByteArray();
}

void TestFileServer::ranges()
{
    QFETCH(QByteArray, range);
    QFETCH(int, status);
    QFETCH(int, first);
    QFETCH(int, length);
    QFETCH(QByteArray, contentRange);
    const HttpResult result = fetch(*m_network, m_server->signedUrl(m_jsonSha, QStringLiteral("device.json")),
                                    "GET", {{QByteArrayLiteral("Range"), range}});
    QCOMPARE(result.status, status);
    QCOMPARE(result.headers.value("content-range"), contentRange);
    if (status == 416) {
        QVERIFY2(result.body.contains("<Code>InvalidRange</Code>"), result.body.constData());
        QVERIFY2(result.body.contains("100 bytes"), result.body.constData());
        return;
    }
    QCOMPARE(result.body, m_json.mid(first, length));
    QCOMPARE(result.headers.value("content-length").toInt(), length);
}

void TestFileServer::head()
{
    const QUrl url = m_server->signedUrl(m_jsonSha, QStringLiteral("device.json"));
    HttpResult result = fetch(*m_network, url, "HEAD");
    QCOMPARE(result.status, 200);
    QCOMPARE(result.headers.value("content-length"), QByteArray("100"));
    QCOMPARE(result.headers.value("content-type"), QByteArray("application/json"));
    QVERIFY(result.body.isEmpty());

    result = fetch(*m_network, url, "HEAD", {{QByteArrayLiteral("Range"), QByteArrayLiteral("bytes=10-19")}});
    QCOMPARE(result.status, 206);
    QCOMPARE(result.headers.value("content-length"), QByteArray("10"));
    QCOMPARE(result.headers.value("content-range"), QByteArray("bytes 10-19/100"));
    QVERIFY(result.body.isEmpty());

    // The connection is still usable after bodiless answers.
    result = fetch(*m_network, url);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, m_json);
}

void TestFileServer::expiredUrl()
{
    const QUrl url = m_server->signedUrl(m_jsonSha, QStringLiteral("device.json"));
    m_now = m_now.addSecs(29 * 60);
    QCOMPARE(fetch(*m_network, url).status, 200);
    m_now = m_now.addSecs(2 * 60); // 31 minutes after signing
    const HttpResult result = fetch(*m_network, url);
    QCOMPARE(result.status, 403);
    QVERIFY2(result.body.contains("<Code>AccessDenied</Code>"), result.body.constData());
    QVERIFY2(result.body.contains("Request has expired"), result.body.constData());
    QVERIFY2(result.body.contains("2026-11-26T10:30:00Z"), result.body.constData()); // when it expired
    QCOMPARE(result.headers.value("content-type"), QByteArray("application/xml"));
}

void TestFileServer::forgedUrl_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("says");
    QTest::addRow("signature altered") << QStringLiteral("signature") << QByteArray("SignatureDoesNotMatch")
                                       << QByteArray("signature does not match");
    QTest::addRow("expiry extended") << QStringLiteral("expires") << QByteArray("SignatureDoesNotMatch")
                                     << QByteArray("signature does not match");
    QTest::addRow("other file, same signature")
        << QStringLiteral("path") << QByteArray("SignatureDoesNotMatch")
        << QByteArray("signature does not match");
    QTest::addRow("other server's URL")
        << QStringLiteral("other server") << QByteArray("InvalidAccessKeyId") << QByteArray("is not known");
    QTest::addRow("unsigned") << QStringLiteral("unsigned") << QByteArray("AccessDenied")
                              << QByteArray("The URL is not signed");
    QTest::addRow("expires not a number")
        << QStringLiteral("expires text") << QByteArray("AccessDenied") << QByteArray("is not a Unix time");
}

void TestFileServer::forgedUrl()
{
    QFETCH(QString, what);
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, says);
    const QByteArray otherContent = QByteArrayLiteral("{\"other\":true}");
    const QString otherSha = m_contents.add(otherContent);
    QUrl url = m_server->signedUrl(m_jsonSha, QStringLiteral("device.json"));
    const QUrlQuery query(url);
    if (what == u"signature") {
        QByteArray signature = QByteArray::fromBase64(
            query.queryItemValue(QStringLiteral("Signature"), QUrl::FullyDecoded).toLatin1());
        signature[0] = char(signature[0] ^ 1);
        url = withQueryItem(url, QStringLiteral("Signature"), QString::fromLatin1(signature.toBase64()));
    } else if (what == u"expires") {
        url =
            withQueryItem(url, QStringLiteral("Expires"), QString::number(m_now.toSecsSinceEpoch() + 86400));
    } else if (what == u"path") {
        url.setPath(QStringLiteral("/config/%1/device.json").arg(otherSha));
    } else if (what == u"other server") {
        FileServer other(m_contents.source());
        other.setClock([this] { return m_now; });
        QVERIFY(other.listen().hasValue());
        url = other.signedUrl(m_jsonSha, QStringLiteral("device.json"));
        url.setPort(m_server->port());
    } else if (what == u"unsigned") {
        url.setQuery(QString());
    } else if (what == u"expires text") {
        url = withQueryItem(url, QStringLiteral("Expires"), QStringLiteral("tomorrow"));
    }
    const HttpResult result = fetch(*m_network, url);
    QCOMPARE(result.status, 403);
    QVERIFY2(result.body.contains("<Code>" + code + "</Code>"), result.body.constData());
    QVERIFY2(result.body.contains(says), result.body.constData());
    QVERIFY(!result.body.contains(m_json));
}

void TestFileServer::notFound_data()
{
    QTest::addColumn<QString>("path"); // empty: a signed URL of an unknown sha256
    QTest::addRow("unknown sha256") << QString();
    QTest::addRow("not under /config") << QStringLiteral("/etc/passwd");
    QTest::addRow("root") << QStringLiteral("/");
    QTest::addRow("missing file name") << QStringLiteral("/config/") + QString(64, u'a');
}

void TestFileServer::notFound()
{
    QFETCH(QString, path);
    QUrl url;
    if (path.isEmpty()) {
        url = m_server->signedUrl(QString(64, u'0'), QStringLiteral("device.json"));
    } else {
        url = m_server->signedUrl(m_jsonSha, QStringLiteral("device.json"));
        url.setPath(path);
    }
    const HttpResult result = fetch(*m_network, url);
    QCOMPARE(result.status, 404);
    QVERIFY2(result.body.contains("<Code>NoSuchKey</Code>"), result.body.constData());
}

void TestFileServer::methodNotAllowed_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addRow("POST") << QByteArray("POST");
    QTest::addRow("PUT") << QByteArray("PUT");
    QTest::addRow("DELETE") << QByteArray("DELETE");
}

void TestFileServer::methodNotAllowed()
{
    QFETCH(QByteArray, verb);
    const HttpResult result =
        fetch(*m_network, m_server->signedUrl(m_jsonSha, QStringLiteral("device.json")), verb);
    QCOMPARE(result.status, 405);
    QCOMPARE(result.headers.value("allow"), QByteArray("GET, HEAD"));
    QVERIFY2(result.body.contains("The method " + verb + " is not allowed"), result.body.constData());
}

void TestFileServer::fileNameNeedingEscapes()
{
    const QString name = QStringLiteral("my config+v2 (lab).json");
    const QUrl url = m_server->signedUrl(m_jsonSha, name);
    QVERIFY(url.toEncoded().contains("my%20config"));
    const HttpResult result = fetch(*m_network, url);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, m_json);
}

void TestFileServer::largeContentIsStreamed()
{
    const QByteArray big = makeContent(8 * 1024 * 1024 + 3);
    const QString sha = m_contents.add(big);
    const HttpResult result = fetch(*m_network, m_server->signedUrl(sha, QStringLiteral("big.bin")));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body.size(), big.size());
    QVERIFY(result.body == big);
    QTRY_COMPARE(m_server->activeTransmissions(), 0);
}

void TestFileServer::countersAndSignal()
{
    QSignalSpy served(m_server.get(), &FileServer::requestServed);
    QCOMPARE(m_server->requestCount(), quint64(0));
    QCOMPARE(fetch(*m_network, m_server->signedUrl(m_jsonSha, QStringLiteral("a.json"))).status, 200);
    QTRY_COMPARE(served.size(), 1);
    QCOMPARE(served.at(0).at(0).toString(), m_jsonSha);
    QCOMPARE(served.at(0).at(1).toInt(), 200);
    QCOMPARE(served.at(0).at(2).toLongLong(), qint64(100));
    QVERIFY2(served.at(0).at(3).toString().startsWith(QLatin1StringView("127.0.0.1:")),
             qPrintable(served.at(0).at(3).toString()));

    QCOMPARE(fetch(*m_network, m_server->signedUrl(QString(64, u'f'), QStringLiteral("a.json"))).status, 404);
    QTRY_COMPARE(served.size(), 2);
    QCOMPARE(served.at(1).at(1).toInt(), 404);
    QCOMPARE(served.at(1).at(2).toLongLong(), qint64(0));
    QCOMPARE(m_server->requestCount(), quint64(2));
    QVERIFY(m_server->bytesServed() >= 100);
}

void TestFileServer::listenOnBusyPortFails()
{
    FileServer second(m_contents.source());
    const auto result = second.listen(QHostAddress::LocalHost, m_server->port());
    QVERIFY(!result.hasValue());
    QVERIFY2(result.error().field.contains(QString::number(m_server->port())),
             qPrintable(result.error().message()));
    QVERIFY2(result.error().reason.contains(QLatin1StringView("cannot listen")),
             qPrintable(result.error().message()));
    QVERIFY(!second.isListening());
    QVERIFY(m_server->isListening());
}

// Platform processes on one machine share one file server port; with one signing key, a URL any of them
// signed downloads from whichever the kernel hands the connection to, and from the others once one has
// stopped.
void TestFileServer::sharedPortServesTheSameUrlsFromEither()
{
    auto first = std::make_unique<FileServer>(m_contents.source());
    FileServer second(m_contents.source());
    for (FileServer* server : {first.get(), &second}) {
        server->setCredentials(QStringLiteral("team"), QByteArray(32, 's'));
        server->setPortShared(true);
    }
    const auto port = first->listen(QHostAddress::LocalHost, 0);
    QVERIFY2(port.hasValue(), port.hasValue() ? "" : qPrintable(port.error().message()));
    const auto joined = second.listen(QHostAddress::LocalHost, *port);
    QVERIFY2(joined.hasValue(), joined.hasValue() ? "" : qPrintable(joined.error().message()));
    QCOMPARE(*joined, *port);
    // A server that does not share cannot take the port.
    FileServer alone(m_contents.source());
    QVERIFY(!alone.listen(QHostAddress::LocalHost, *port).hasValue());

    const QUrl url = first->signedUrl(m_jsonSha, QStringLiteral("device.json"));
    for (int i = 0; i < 20; ++i) {
        const HttpResult result = fetch(*m_network, url);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.body, m_json);
    }
    QCOMPARE(first->requestCount() + second.requestCount(), quint64(20));
    first.reset(); // the server that signed it stops
    const HttpResult after = fetch(*m_network, url);
    QCOMPARE(after.status, 200);
    QCOMPARE(after.body, m_json);
}

void TestFileServer::throttleSlowsDownload()
{
    const QByteArray content = makeContent(64 * 1024);
    const QString sha = m_contents.add(content);
    const QUrl url = m_server->signedUrl(sha, QStringLiteral("slow.bin"));
    const HttpResult fast = fetch(*m_network, url);
    QCOMPARE(fast.status, 200);

    m_server->setThrottle(128 * 1024); // 64 KB at 128 KB/s: about half a second
    QCOMPARE(m_server->throttle(), qint64(128 * 1024));
    const HttpResult slow = fetch(*m_network, url);
    QCOMPARE(slow.status, 200);
    QVERIFY(slow.body == content);
    QVERIFY2(slow.elapsedMs >= 400, qPrintable(QString::number(slow.elapsedMs)));
    QVERIFY2(slow.elapsedMs < 5000, qPrintable(QString::number(slow.elapsedMs)));
    QVERIFY2(slow.elapsedMs > fast.elapsedMs,
             qPrintable(QStringLiteral("%1 vs %2").arg(slow.elapsedMs).arg(fast.elapsedMs)));
}

void TestFileServer::clientGoingAwayEndsTransmission()
{
    const QByteArray content = makeContent(256 * 1024);
    const QString sha = m_contents.add(content);
    m_server->setThrottle(32 * 1024);
    QSignalSpy served(m_server.get(), &FileServer::requestServed);
    QNetworkReply* reply = m_network->get(QNetworkRequest(m_server->signedUrl(sha, QStringLiteral("x.bin"))));
    QTRY_VERIFY(reply->bytesAvailable() > 0);
    QCOMPARE(m_server->activeTransmissions(), 1);
    reply->abort();
    reply->deleteLater();
    QTRY_COMPARE(served.size(), 1);
    QCOMPARE(served.at(0).at(1).toInt(), 200);
    QVERIFY(served.at(0).at(2).toLongLong() < content.size());
    QCOMPARE(m_server->activeTransmissions(), 0);
}

void TestFileServer::https()
{
    Test::TestPki pki;
    QVERIFY2(pki.generate(), qPrintable(pki.error));
    const auto identity = TlsIdentity::fromPemFiles(pki.serverCertificatePath, pki.serverKeyPath);
    QVERIFY2(identity.hasValue(), identity.hasValue() ? "" : qPrintable(identity.error().message()));

    FileServer server(m_contents.source());
    server.setTlsIdentity(*identity);
    QVERIFY(server.isHttps());
    QVERIFY(server.listen().hasValue());
    const QUrl url = server.signedUrl(m_jsonSha, QStringLiteral("device.json"));
    QCOMPARE(url.scheme(), QStringLiteral("https"));

    QSslConfiguration trustsTestCa = QSslConfiguration::defaultConfiguration();
    trustsTestCa.setCaCertificates({pki.ca});
    HttpResult result = fetch(*m_network, url, "GET", {}, &trustsTestCa);
    QCOMPARE(result.error, QNetworkReply::NoError);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, m_json);

    result = fetch(*m_network, url, "GET", {{QByteArrayLiteral("Range"), QByteArrayLiteral("bytes=-3")}},
                   &trustsTestCa);
    QCOMPARE(result.status, 206);
    QCOMPARE(result.body, m_json.right(3));

    // A client that trusts only the system's authorities refuses the server.
    QNetworkAccessManager fresh;
    result = fetch(fresh, url);
    QCOMPARE(result.error, QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(result.status, 0);
}

void TestFileServer::tlsIdentityFromBadFiles()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("missing.crt"));
    auto identity = TlsIdentity::fromPemFiles(missing, missing);
    QVERIFY(!identity.hasValue());
    QCOMPARE(identity.error().field, missing);

    const QString garbage = dir.filePath(QStringLiteral("garbage.pem"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a certificate\n");
    file.close();
    identity = TlsIdentity::fromPemFiles(garbage, garbage);
    QVERIFY(!identity.hasValue());
    QVERIFY2(identity.error().reason.contains(QLatin1StringView("no PEM certificate")),
             qPrintable(identity.error().message()));
}

void TestFileServer::relisten(const FileServer::Limits& limits)
{
    m_server->setLimits(limits);
    const auto port = m_server->listen();
    QVERIFY(port.hasValue());
}

void TestFileServer::connectionClosing_data()
{
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<bool>("closes");
    QTest::addRow("HTTP/1.0") << QByteArray("HTTP/1.0") << QByteArray() << true;
    QTest::addRow("HTTP/1.1 Connection: close")
        << QByteArray("HTTP/1.1") << QByteArray("Connection: close\r\n") << true;
    QTest::addRow("HTTP/1.1 keep-alive") << QByteArray("HTTP/1.1") << QByteArray() << false;
}

void TestFileServer::connectionClosing()
{
    QFETCH(QByteArray, version);
    QFETCH(QByteArray, headers);
    QFETCH(bool, closes);
    const QUrl url = m_server->signedUrl(m_jsonSha, QStringLiteral("device.json"));
    RawClient client(m_server->port());
    QVERIFY(client.waitConnected());
    client.send(requestFor(url, version, headers));
    const auto answer = client.next();
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    QCOMPARE(answer->body, m_json);
    if (closes) {
        // A client that reads to the end of the stream (ApacheBench, small embedded clients) gets it.
        QVERIFY2(client.waitClosed(3000), "the server kept the connection open");
        return;
    }
    QVERIFY(!client.waitClosed(500));
    client.send(requestFor(url, version, headers));
    const auto second = client.next();
    QVERIFY(second);
    QCOMPARE(second->status, 200);
    QCOMPARE(second->body, m_json);
}

void TestFileServer::pipelinedRequestsInOrder()
{
    const QUrl url = m_server->signedUrl(m_jsonSha, QStringLiteral("device.json"));
    const QUrl missing = m_server->signedUrl(QString(64, u'0'), QStringLiteral("device.json"));
    RawClient client(m_server->port());
    QVERIFY(client.waitConnected());
    // All at once in one write: the answers must come back in the order asked.
    client.send(requestFor(url, "HTTP/1.1", "Range: bytes=0-9\r\n") + requestFor(missing) +
                requestFor(url, "HTTP/1.1", "Range: bytes=-5\r\n") + requestFor(url, "HTTP/1.1", {}, "HEAD") +
                requestFor(url, "HTTP/1.1", "Connection: close\r\n"));
    auto answer = client.next();
    QVERIFY(answer);
    QCOMPARE(answer->status, 206);
    QCOMPARE(answer->body, m_json.left(10));
    answer = client.next();
    QVERIFY(answer);
    QCOMPARE(answer->status, 404);
    answer = client.next();
    QVERIFY(answer);
    QCOMPARE(answer->status, 206);
    QCOMPARE(answer->body, m_json.right(5));
    answer = client.next(5000, true);
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    QCOMPARE(answer->headers.value("content-length"), QByteArray("100"));
    answer = client.next();
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    QCOMPARE(answer->body, m_json);
    QVERIFY(client.waitClosed(3000));
}

void TestFileServer::apacheBench()
{
    const QString ab = QStandardPaths::findExecutable(QStringLiteral("ab"));
    if (ab.isEmpty())
        QSKIP("ApacheBench (ab, Debian package apache2-utils) is not installed");
    QSignalSpy served(m_server.get(), &FileServer::requestServed);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // HTTP/1.0, a new connection per request, each read to the end of the stream.
    process.start(
        ab, {QStringLiteral("-n"), QStringLiteral("2000"), QStringLiteral("-c"), QStringLiteral("50"),
             QStringLiteral("-s"), QStringLiteral("10"),
             QString::fromLatin1(m_server->signedUrl(m_jsonSha, QStringLiteral("device.json")).toEncoded())});
    QSignalSpy finished(&process, &QProcess::finished);
    QVERIFY(finished.wait(60000));
    const QString output = QString::fromLocal8Bit(process.readAll());
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(output.contains(QRegularExpression(QStringLiteral("Complete requests:\\s+2000\\b"))),
             qPrintable(output));
    QVERIFY2(output.contains(QRegularExpression(QStringLiteral("Failed requests:\\s+0\\b"))),
             qPrintable(output));
    QVERIFY2(!output.contains(QLatin1StringView("Non-2xx")), qPrintable(output));
    QTRY_COMPARE(served.size(), 2000);
    QCOMPARE(m_server->requestCount(), quint64(2000));
}

void TestFileServer::idleConnectionsAreClosed()
{
    FileServer::Limits limits;
    limits.idleTimeout = 1s;
    limits.maxConnections = 2000;
    limits.maxConnectionsPerAddress = 2000;
    relisten(limits);
    std::vector<std::unique_ptr<RawClient>> idle;
    for (int i = 0; i < 500; ++i)
        idle.push_back(std::make_unique<RawClient>(m_server->port()));
    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::all_of(idle.begin(), idle.end(), [](const auto& client) {
                return client->socket().state() == QAbstractSocket::ConnectedState;
            });
        },
        10000));
    QElapsedTimer clock;
    clock.start();

    // The idle crowd does not keep a real device from its download.
    const QByteArray big = makeContent(2 * 1024 * 1024);
    const QString sha = m_contents.add(big);
    const HttpResult result = fetch(*m_network, m_server->signedUrl(sha, QStringLiteral("big.bin")));
    QCOMPARE(result.status, 200);
    QVERIFY(result.body == big);

    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return std::all_of(idle.begin(), idle.end(),
                                        [](const auto& client) { return client->closedByServer(); });
                 },
                 10000),
             "idle connections were left open");
    QVERIFY2(clock.elapsed() >= 900, qPrintable(QString::number(clock.elapsed())));
    // And the server still answers afterwards.
    QCOMPARE(fetch(*m_network, m_server->signedUrl(m_jsonSha, QStringLiteral("device.json"))).status, 200);
}

void TestFileServer::connectionsBeyondTheLimitAreRefused_data()
{
    QTest::addColumn<bool>("perAddress");
    QTest::addRow("total") << false;
    QTest::addRow("per address") << true;
}

void TestFileServer::connectionsBeyondTheLimitAreRefused()
{
    QFETCH(bool, perAddress);
    FileServer::Limits limits;
    limits.maxConnections = perAddress ? 100 : 4;
    limits.maxConnectionsPerAddress = perAddress ? 4 : 100;
    relisten(limits);
    const QUrl url = m_server->signedUrl(m_jsonSha, QStringLiteral("device.json"));
    std::vector<std::unique_ptr<RawClient>> admitted;
    for (int i = 0; i < 4; ++i) {
        admitted.push_back(std::make_unique<RawClient>(m_server->port()));
        QVERIFY(admitted.back()->waitConnected());
        admitted.back()->send(requestFor(url));
        const auto answer = admitted.back()->next();
        QVERIFY(answer);
        QCOMPARE(answer->status, 200);
    }

    RawClient refused(m_server->port());
    refused.send(requestFor(url));
    QVERIFY2(refused.waitClosed(5000), "a connection beyond the limit was kept");
    QVERIFY2(!refused.take(false).has_value(), "a connection beyond the limit was answered");

    // The admitted connections are unharmed.
    for (const auto& client : admitted) {
        QVERIFY(!client->closedByServer());
        client->send(requestFor(url));
        const auto answer = client->next();
        QVERIFY(answer);
        QCOMPARE(answer->status, 200);
        QCOMPARE(answer->body, m_json);
    }
    // A place that frees up is taken again.
    admitted.front()->socket().disconnectFromHost();
    QVERIFY(QTest::qWaitFor(
        [&] {
            RawClient next(m_server->port());
            next.send(requestFor(url));
            const auto answer = next.next(2000);
            return answer && answer->status == 200;
        },
        5000));
}

void TestFileServer::requestBodyIsRefusedUnread_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("framing");
    QTest::addColumn<int>("status");
    QTest::addRow("PUT") << QByteArray("PUT") << QByteArray("Content-Length: 104857600\r\n") << 405;
    QTest::addRow("POST chunked") << QByteArray("POST") << QByteArray("Transfer-Encoding: chunked\r\n")
                                  << 405;
    QTest::addRow("GET with a body") << QByteArray("GET") << QByteArray("Content-Length: 104857600\r\n")
                                     << 413;
}

void TestFileServer::requestBodyIsRefusedUnread()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, framing);
    QFETCH(int, status);
    constexpr qint64 bodySize = 100 * 1024 * 1024;
    const QUrl url = m_server->signedUrl(m_jsonSha, QStringLiteral("device.json"));
    RawClient client(m_server->port());
    QVERIFY(client.waitConnected());
    client.send(requestFor(url, "HTTP/1.1", framing, method));
    const QByteArray chunk(256 * 1024, 'x');
    qint64 queued = 0;
    std::optional<RawAnswer> answer;
    qint64 takenWhenAnswered = -1;
    // Push the body as fast as the connection takes it, until the answer arrives.
    const bool settled = QTest::qWaitFor(
        [&] {
            while (queued < bodySize && client.socket().bytesToWrite() < 4 * chunk.size() &&
                   client.socket().state() == QAbstractSocket::ConnectedState) {
                client.send(chunk);
                queued += chunk.size();
            }
            client.buffer() += client.socket().readAll();
            answer = client.take(false);
            if (answer)
                takenWhenAnswered = queued - client.socket().bytesToWrite();
            return answer.has_value() || client.closedByServer();
        },
        20000);
    QVERIFY2(settled && answer, client.buffer().left(200).constData());
    QCOMPARE(answer->status, status);
    qInfo() << "the connection took" << takenWhenAnswered << "of" << bodySize
            << "body bytes before the answer";
    // The kernel's socket buffers take a few megabytes; the server read none of it.
    QVERIFY2(takenWhenAnswered < bodySize / 10, qPrintable(QString::number(takenWhenAnswered)));
    QVERIFY2(client.waitClosed(5000), "the server kept reading the body");
    const qint64 taken = queued - client.socket().bytesToWrite();
    QVERIFY2(taken < bodySize / 10, qPrintable(QString::number(taken)));
}

void TestFileServer::oversizedHeadersAreRefused()
{
    FileServer::Limits limits;
    limits.maxHeaderBytes = 8 * 1024;
    relisten(limits);
    const QUrl url = m_server->signedUrl(m_jsonSha, QStringLiteral("device.json"));
    RawClient client(m_server->port());
    QVERIFY(client.waitConnected());
    client.send(requestFor(url, "HTTP/1.1", "X-Padding: " + QByteArray(64 * 1024, 'p') + "\r\n"));
    const auto answer = client.next();
    QVERIFY(answer);
    QVERIFY2(answer->status == 431 || answer->status == 413, qPrintable(QString::number(answer->status)));
    QVERIFY(client.waitClosed(5000));
    QCOMPARE(fetch(*m_network, url).status, 200);
}

void TestFileServer::clientThatStopsReadingTimesOut()
{
    FileServer::Limits limits;
    limits.idleTimeout = 1s;
    relisten(limits);
    const QByteArray big = makeContent(32 * 1024 * 1024);
    const QString sha = m_contents.add(big);
    QSignalSpy served(m_server.get(), &FileServer::requestServed);
    RawClient client(m_server->port());
    QVERIFY(client.waitConnected());
    client.socket().setReadBufferSize(64 * 1024); // and then never read
    client.send(requestFor(m_server->signedUrl(sha, QStringLiteral("big.bin"))));
    QVERIFY(served.wait(10000));
    QCOMPARE(served.at(0).at(1).toInt(), 200);
    QVERIFY(served.at(0).at(2).toLongLong() < big.size());
    QCOMPARE(m_server->activeTransmissions(), 0);
}

QTEST_GUILESS_MAIN(TestFileServer)
#include "TestFileServer.moc"
