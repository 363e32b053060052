#include "FileServer.h"

#include "transfer/TransferLog.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMessageAuthenticationCode>
#include <QNetworkInterface>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <openssl/crypto.h>

namespace ConfigDeck::Transfer {

using namespace std::chrono_literals;
using StatusCode = QHttpServerResponder::StatusCode;

namespace {

constexpr qint64 kChunk = 256 * 1024;      // one socket write
constexpr qint64 kHighWater = 1024 * 1024; // what may wait in the socket buffer before we stop writing
constexpr auto kThrottleTick = 20ms;

bool isSha256Hex(const QString& text)
{
    if (text.size() != 64)
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
}

bool parseDigits(QByteArrayView text, qint64* value)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    qint64 result = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        result = result * 10 + (c - '0');
    }
    *value = result;
    return true;
}

enum class RangeKind
{
    None,
    Satisfiable,
    Unsatisfiable
};

// RFC 9110 section 14: a Range header we cannot read, or one with several ranges, is ignored and the
// whole content is sent; a readable one that lies outside the content is answered with 416.
RangeKind parseRange(const QByteArray& header, qint64 size, qint64* first, qint64* last)
{
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return RangeKind::None;
    constexpr QByteArrayView prefix("bytes=");
    if (!value.startsWith(prefix))
        return RangeKind::None;
    const QByteArray spec = value.mid(prefix.size()).trimmed();
    if (spec.contains(','))
        return RangeKind::None;
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return RangeKind::None;
    const QByteArrayView from = QByteArrayView(spec).first(dash).trimmed();
    const QByteArrayView to = QByteArrayView(spec).sliced(dash + 1).trimmed();

    if (from.isEmpty()) { // "-n": the last n bytes
        qint64 suffix = 0;
        if (!parseDigits(to, &suffix))
            return RangeKind::None;
        if (suffix == 0 || size == 0)
            return RangeKind::Unsatisfiable;
        *first = std::max<qint64>(0, size - suffix);
        *last = size - 1;
        return RangeKind::Satisfiable;
    }
    qint64 start = 0;
    if (!parseDigits(from, &start))
        return RangeKind::None;
    qint64 end = size - 1;
    if (!to.isEmpty()) {
        if (!parseDigits(to, &end) || end < start)
            return RangeKind::None;
    }
    if (start >= size)
        return RangeKind::Unsatisfiable;
    *first = start;
    *last = std::min(end, size - 1);
    return RangeKind::Satisfiable;
}

QByteArray contentTypeFor(const QString& fileName)
{
    if (fileName.endsWith(QLatin1StringView(".json"), Qt::CaseInsensitive))
        return QByteArrayLiteral("application/json");
    return QByteArrayLiteral("application/octet-stream");
}

QByteArray canonicalString(const QString& sha256, const QString& fileName, qint64 expires)
{
    return QByteArrayLiteral("GET\n/config/") + sha256.toUtf8() + '/' + fileName.toUtf8() + '\n' +
           QByteArray::number(expires);
}

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Trace:
        return QStringLiteral("TRACE");
    case QHttpServerRequest::Method::Connect:
        return QStringLiteral("CONNECT");
    default:
        return QStringLiteral("?");
    }
}

QString peerOf(const QHttpServerRequest& request, const QTcpSocket* socket)
{
    QHostAddress address = request.remoteAddress();
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        address = QHostAddress(v4); // show ::ffff:127.0.0.1 as 127.0.0.1
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(address.toString())
                             : address.toString();
    return socket ? QStringLiteral("%1:%2").arg(host).arg(socket->peerPort()) : host;
}

QString isoUtc(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

// Streams one response body from memory: writes while the socket buffer is below a high-water
// mark (so memory stays bounded however large the content), paced by the server's throttle.
// QHttpServer 6.4 has no streaming API for in-memory data besides handing over a QIODevice, which
// it copies in 512-byte pieces and cannot pace, so we write to the responder's socket ourselves
// after the responder has written the status line and headers.
class Transmission final : public QObject
{
public:
    Transmission(FileServer* server, QTcpSocket* socket, QByteArray content, qint64 first, qint64 last,
                 QString sha256, int status, QString peer)
        : QObject(server)
        , m_server(server)
        , m_socket(socket)
        , m_content(std::move(content))
        , m_position(first)
        , m_end(last + 1)
        , m_sha256(std::move(sha256))
        , m_status(status)
        , m_peer(std::move(peer))
    {
        ++m_server->m_activeTransmissions;
        connect(socket, &QIODevice::bytesWritten, this, &Transmission::pump);
        connect(socket, &QAbstractSocket::disconnected, this, &Transmission::finish);
        connect(socket, &QObject::destroyed, this, &Transmission::finish);
        m_timer.setInterval(kThrottleTick);
        connect(&m_timer, &QTimer::timeout, this, &Transmission::pump);
        m_clock.start();
        pump();
    }

    void pump()
    {
        if (m_done)
            return;
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
            finish();
            return;
        }
        const qint64 rate = m_server->throttle();
        if (rate != m_rate) { // the throttle changed: pace from here on at the new rate
            m_rate = rate;
            m_baseTimeMs = m_clock.elapsed();
            m_baseSent = m_sent;
        }
        qint64 budget = kHighWater - m_socket->bytesToWrite();
        if (m_rate > 0) {
            const qint64 allowance = m_baseSent + m_rate * (m_clock.elapsed() - m_baseTimeMs) / 1000 - m_sent;
            budget = std::min(budget, allowance);
        }
        while (budget > 0 && m_position < m_end) {
            const qint64 length = std::min({kChunk, budget, m_end - m_position});
            const qint64 written = m_socket->write(m_content.constData() + m_position, length);
            if (written <= 0) {
                qCWarning(lcTransfer) << "writing to" << m_peer << "failed:" << m_socket->errorString();
                m_socket->abort();
                finish();
                return;
            }
            m_position += written;
            m_sent += written;
            budget -= written;
            m_server->addServedBytes(written);
        }
        if (m_position >= m_end) {
            m_timer.stop();
            if (m_socket->bytesToWrite() == 0)
                finish();
        } else if (m_rate > 0 && !m_timer.isActive()) {
            m_timer.start();
        } else if (m_rate == 0) {
            m_timer.stop(); // bytesWritten drives us
        }
    }

    void finish()
    {
        if (m_done)
            return;
        m_done = true;
        m_timer.stop();
        --m_server->m_activeTransmissions;
        if (m_position < m_end)
            qCInfo(lcTransfer) << m_peer << "went away after" << m_sent << "of"
                               << (m_end - m_position + m_sent) << "bytes of" << m_sha256;
        m_server->finishRequest(m_sha256, m_status, m_sent, m_peer);
        deleteLater();
    }

private:
    FileServer* m_server;
    QPointer<QTcpSocket> m_socket;
    QByteArray m_content;
    qint64 m_position;
    qint64 m_end;
    QString m_sha256;
    int m_status;
    QString m_peer;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_rate = 0;
    qint64 m_baseTimeMs = 0;
    qint64 m_baseSent = 0;
    qint64 m_sent = 0;
    bool m_done = false;
};

FileServer::FileServer(ContentSource source, QObject* parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    QByteArray id(8, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(id.data()), id.size() / 4);
    m_accessKeyId = QStringLiteral("LTAI") + QString::fromLatin1(id.toHex().toUpper());
    m_secret.resize(32);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(m_secret.data()), m_secret.size() / 4);
}

FileServer::~FileServer()
{
    // Running transmissions must not report back into a half-destroyed server.
    const auto transmissions = findChildren<Transmission*>(Qt::FindDirectChildrenOnly);
    for (Transmission* transmission : transmissions)
        delete transmission;
    m_http.reset();
}

void FileServer::setTlsIdentity(const TlsIdentity& identity)
{
    m_tls = identity;
}

Alink::Expected<quint16> FileServer::listen(const QHostAddress& address, quint16 port)
{
    close();
    auto http = std::make_unique<QHttpServer>();
    http->route(QStringLiteral("/config/<arg>/<arg>"), QHttpServerRequest::Method::AnyKnown,
                [this](const QString& sha256, const QString& fileName, const QHttpServerRequest& request,
                       QHttpServerResponder&& responder) {
                    handleConfig(sha256, fileName, request, std::move(responder));
                });
    http->setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        handleMissing(request, std::move(responder));
    });

    QTcpServer* server = nullptr;
    if (isHttps()) {
        auto* sslServer = new QSslServer;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificateChain(QList<QSslCertificate>{m_tls.certificate} + m_tls.chain);
        configuration.setPrivateKey(m_tls.privateKey);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // devices do not present certificates
        sslServer->setSslConfiguration(configuration);
        connect(sslServer, &QSslServer::errorOccurred, this,
                [](QSslSocket* socket, QAbstractSocket::SocketError) {
                    qCInfo(lcTransfer) << "TLS connection from" << socket->peerAddress().toString()
                                       << "failed:" << socket->errorString();
                });
        server = sslServer;
    } else {
        server = new QTcpServer;
    }
    if (!server->listen(address, port)) {
        const QString reason = server->errorString();
        delete server;
        return Alink::AlinkError{QStringLiteral("%1:%2").arg(address.toString()).arg(port),
                                 tr("the file server cannot listen there: %1").arg(reason)};
    }
    http->bind(server); // takes ownership
    m_http = std::move(http);
    m_tcpServer = server;
    m_address = address;
    m_port = server->serverPort();
    qCInfo(lcTransfer) << "file server listening on" << (isHttps() ? "https" : "http") << address.toString()
                       << m_port;
    return m_port;
}

void FileServer::close()
{
    if (!m_http)
        return;
    if (m_tcpServer)
        m_tcpServer->close();
    m_tcpServer = nullptr;
    m_http.reset();
    m_port = 0;
}

bool FileServer::isListening() const
{
    return m_tcpServer && m_tcpServer->isListening();
}

QString FileServer::publicHost() const
{
    if (!m_publicHost.isEmpty())
        return m_publicHost;
    if (m_address == QHostAddress::Any || m_address == QHostAddress::AnyIPv4 ||
        m_address == QHostAddress::AnyIPv6) {
        // Devices elsewhere on the LAN cannot reach 0.0.0.0: offer the first real IPv4 address.
        const auto addresses = QNetworkInterface::allAddresses();
        for (const QHostAddress& candidate : addresses) {
            if (candidate.protocol() == QAbstractSocket::IPv4Protocol && !candidate.isLoopback())
                return candidate.toString();
        }
        return QStringLiteral("127.0.0.1");
    }
    if (m_address.isNull())
        return QStringLiteral("127.0.0.1");
    return m_address.toString();
}

void FileServer::setCredentials(const QString& accessKeyId, const QByteArray& secret)
{
    m_accessKeyId = accessKeyId;
    m_secret = secret;
}

void FileServer::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
}

void FileServer::setThrottle(qint64 bytesPerSecond)
{
    m_throttle = std::max<qint64>(0, bytesPerSecond);
    // Running transmissions see the new rate at their next pump; kick the idle ones now.
    const auto transmissions = findChildren<Transmission*>(Qt::FindDirectChildrenOnly);
    for (Transmission* transmission : transmissions)
        QMetaObject::invokeMethod(transmission, &Transmission::pump, Qt::QueuedConnection);
}

QString FileServer::signature(const QString& sha256, const QString& fileName, qint64 expires) const
{
    return QString::fromLatin1(QMessageAuthenticationCode::hash(canonicalString(sha256, fileName, expires),
                                                                m_secret, QCryptographicHash::Sha256)
                                   .toBase64());
}

QUrl FileServer::signedUrl(const QString& sha256, const QString& fileName,
                           std::chrono::seconds validity) const
{
    const QString sha = sha256.toLower();
    const qint64 expires = m_clock().toSecsSinceEpoch() + qint64(validity.count());
    QUrl url;
    url.setScheme(isHttps() ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(publicHost());
    url.setPort(m_port);
    url.setPath(QStringLiteral("/config/%1/%2").arg(sha, fileName), QUrl::DecodedMode);
    // Base64 has '+', '/' and '=': percent-encode them so that no client reads '+' as a space.
    const QString query =
        QStringLiteral("Expires=%1&OSSAccessKeyId=%2&Signature=%3")
            .arg(expires)
            .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_accessKeyId)),
                 QString::fromLatin1(QUrl::toPercentEncoding(signature(sha, fileName, expires))));
    url.setQuery(query, QUrl::StrictMode);
    return url;
}

void FileServer::sendError(QHttpServerResponder& responder, bool head, int status, const QByteArray& code,
                           const QString& message, const QList<std::pair<QByteArray, QByteArray>>& extra)
{
    // The object-storage error document, so that devices and logs show the same thing as with OSS.
    const QByteArray body =
        QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>") + code +
        QByteArrayLiteral("</Code>\n  <Message>") + message.toHtmlEscaped().toUtf8() +
        QByteArrayLiteral("</Message>\n</Error>\n");
    responder.writeStatusLine(StatusCode(status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/xml"));
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
    for (const auto& [name, value] : extra)
        responder.writeHeader(name, value);
    if (head) {
        responder.writeBody("", 0);
    } else {
        responder.writeBody(body);
        addServedBytes(body.size());
    }
}

void FileServer::finishRequest(const QString& sha256, int status, qint64 bytes, const QString& peer)
{
    qCDebug(lcTransfer) << peer << status << sha256 << bytes << "bytes";
    Q_EMIT requestServed(sha256, status, bytes, peer);
}

void FileServer::handleMissing(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    ++m_requestCount;
    const QString peer = peerOf(request, responder.socket());
    const bool head = request.method() == QHttpServerRequest::Method::Head;
    sendError(
        responder, head, 404, QByteArrayLiteral("NoSuchKey"),
        QStringLiteral("The path %1 does not exist; configurations are under /config/<sha256>/<fileName>.")
            .arg(request.url().path()));
    finishRequest(QString(), 404, 0, peer);
}

void FileServer::handleConfig(const QString& sha256, const QString& fileName,
                              const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    ++m_requestCount;
    const QString peer = peerOf(request, responder.socket());
    const QString sha = sha256.toLower();
    const auto method = request.method();
    const bool head = method == QHttpServerRequest::Method::Head;
    const auto refuse = [&](int status, const char* code, const QString& message,
                            const QList<std::pair<QByteArray, QByteArray>>& extra = {}) {
        qCInfo(lcTransfer) << peer << methodName(method) << request.url().path() << "->" << status << message;
        sendError(responder, head, status, QByteArray(code), message, extra);
        finishRequest(sha, status, 0, peer);
    };

    if (method != QHttpServerRequest::Method::Get && !head) {
        refuse(405, "MethodNotAllowed",
               QStringLiteral("The method %1 is not allowed here; use GET or HEAD.").arg(methodName(method)),
               {{QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD")}});
        return;
    }

    const QUrlQuery query(request.url());
    const QString expiresText = query.queryItemValue(QStringLiteral("Expires"), QUrl::FullyDecoded);
    const QString keyId = query.queryItemValue(QStringLiteral("OSSAccessKeyId"), QUrl::FullyDecoded);
    const QString givenSignature = query.queryItemValue(QStringLiteral("Signature"), QUrl::FullyDecoded);
    if (expiresText.isEmpty() || keyId.isEmpty() || givenSignature.isEmpty()) {
        refuse(
            403, "AccessDenied",
            QStringLiteral("The URL is not signed: Expires, OSSAccessKeyId and Signature are all required."));
        return;
    }
    bool expiresOk = false;
    const qint64 expires = expiresText.toLongLong(&expiresOk);
    if (!expiresOk) {
        refuse(403, "AccessDenied",
               QStringLiteral("Expires \"%1\" is not a Unix time.").arg(expiresText.left(40)));
        return;
    }
    if (keyId != m_accessKeyId) {
        refuse(403, "InvalidAccessKeyId",
               QStringLiteral("The OSSAccessKeyId %1 is not known to this server.").arg(keyId.left(64)));
        return;
    }
    const QByteArray expected = signature(sha256, fileName, expires).toLatin1();
    const QByteArray given = givenSignature.toLatin1();
    if (expected.size() != given.size() ||
        CRYPTO_memcmp(expected.constData(), given.constData(), size_t(given.size())) != 0) {
        refuse(
            403, "SignatureDoesNotMatch",
            QStringLiteral("The signature does not match: the URL was altered or signed by another server."));
        return;
    }
    const qint64 now = m_clock().toSecsSinceEpoch();
    if (now > expires) {
        refuse(403, "AccessDenied",
               QStringLiteral("Request has expired: the URL expired at %1, the server time is %2.")
                   .arg(isoUtc(expires), isoUtc(now)));
        return;
    }
    std::optional<QByteArray> content;
    if (isSha256Hex(sha) && m_source)
        content = m_source(sha);
    if (!content) {
        refuse(404, "NoSuchKey",
               QStringLiteral("The specified key does not exist: no configuration has SHA-256 %1.")
                   .arg(sha.left(64)));
        return;
    }

    const qint64 size = content->size();
    qint64 first = 0;
    qint64 last = size - 1;
    int status = 200;
    const QByteArray rangeHeader = request.value(QByteArrayLiteral("Range"));
    switch (parseRange(rangeHeader, size, &first, &last)) {
    case RangeKind::None:
        break;
    case RangeKind::Unsatisfiable:
        refuse(
            416, "InvalidRange",
            QStringLiteral("The requested range \"%1\" cannot be satisfied: the content has %2 bytes.")
                .arg(QString::fromLatin1(rangeHeader.left(64)))
                .arg(size),
            {{QByteArrayLiteral("Content-Range"), QByteArrayLiteral("bytes */") + QByteArray::number(size)}});
        return;
    case RangeKind::Satisfiable:
        status = 206;
        break;
    }

    const qint64 length = size == 0 ? 0 : last - first + 1;
    responder.writeStatusLine(StatusCode(status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), contentTypeFor(fileName));
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(length));
    responder.writeHeader(QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes"));
    responder.writeHeader(QByteArrayLiteral("ETag"), '"' + sha.toLatin1() + '"');
    if (status == 206)
        responder.writeHeader(QByteArrayLiteral("Content-Range"),
                              QByteArrayLiteral("bytes ") + QByteArray::number(first) + '-' +
                                  QByteArray::number(last) + '/' + QByteArray::number(size));
    responder.writeBody("", 0); // ends the header block
    if (head || length == 0) {
        finishRequest(sha, status, 0, peer);
        return;
    }
    new Transmission(this, responder.socket(), std::move(*content), first, last, sha, status, peer);
}

} // namespace ConfigDeck::Transfer
