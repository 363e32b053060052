#include "FileServer.h"

#include "transfer/TransferLog.h"

#include <QCache>
#include <QElapsedTimer>
#include <QMessageAuthenticationCode>
#include <QNetworkInterface>
#include <QPointer>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>
#include <condition_variable>
#include <cstdarg>
#include <cstring>
#include <microhttpd.h>
#include <openssl/crypto.h>
#include <thread>
#include <unordered_map>

#ifdef Q_OS_WIN
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#endif

namespace ConfigDeck::Transfer {

using namespace std::chrono_literals;

namespace {

constexpr auto kThrottleTick = 20ms;
constexpr qsizetype kCacheBytes = 64 * 1024 * 1024; // content kept for the server threads
constexpr qint64 kWholeBody = 64 * 1024;            // bodies up to this size are sent in one piece

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

QString isoUtc(qint64 secondsSinceEpoch)
{
    // toUTC() rather than a time-spec argument (deprecated in later Qt): written with a "Z".
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch).toUTC().toString(Qt::ISODate);
}

QString peerOf(MHD_Connection* connection)
{
    const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr)
        return QStringLiteral("?");
    const sockaddr* address = info->client_addr;
    quint16 port = 0;
    if (address->sa_family == AF_INET)
        port = ntohs(reinterpret_cast<const sockaddr_in*>(address)->sin_port);
    else if (address->sa_family == AF_INET6)
        port = ntohs(reinterpret_cast<const sockaddr_in6*>(address)->sin6_port);
    QHostAddress host(address);
    bool isV4 = false;
    const quint32 v4 = host.toIPv4Address(&isV4);
    if (isV4)
        host = QHostAddress(v4); // show ::ffff:127.0.0.1 as 127.0.0.1
    const QString text = host.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(host.toString())
                             : host.toString();
    return QStringLiteral("%1:%2").arg(text).arg(port);
}

QByteArray headerValue(MHD_Connection* connection, const char* name)
{
    return QByteArray(MHD_lookup_connection_value(connection, MHD_HEADER_KIND, name));
}

QString argumentValue(MHD_Connection* connection, const char* name)
{
    return QString::fromUtf8(MHD_lookup_connection_value(connection, MHD_GET_ARGUMENT_KIND, name));
}

bool hasBody(MHD_Connection* connection)
{
    const QByteArray contentLength = headerValue(connection, "Content-Length").trimmed();
    return (!contentLength.isEmpty() && contentLength != "0") ||
           !headerValue(connection, "Transfer-Encoding").isEmpty();
}

// The object-storage error document, so that devices and logs show the same thing as with OSS.
QByteArray errorDocument(const QByteArray& code, const QString& message)
{
    return QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>") + code +
           QByteArrayLiteral("</Code>\n  <Message>") + message.toHtmlEscaped().toUtf8() +
           QByteArrayLiteral("</Message>\n</Error>\n");
}

using Headers = QList<std::pair<QByteArray, QByteArray>>;

} // namespace

// The libmicrohttpd daemon behind one listen(), and everything its threads share with the Qt thread.
// Connections waiting for something (content from the Qt thread, or the throttle) are suspended in
// libmicrohttpd and resumed from here, so no server thread ever blocks.
class FileServerEngine final
{
public:
    explicit FileServerEngine(FileServer* server);
    ~FileServerEngine();

    Alink::Expected<quint16> start(const QHostAddress& address, quint16 port);
    // Wakes the throttled connections so that they pace at the new rate at once.
    void throttleChanged();

private:
    // One request, from its first header to its completion (libmicrohttpd's per-request pointer).
    struct Request
    {
        quint64 id = 0;
        QString peer;
        QString sha256;
        int status = 0;
        qint64 bytes = 0;
        bool transmitting = false; // counted in activeTransmissions
        qint64 wholeBody = -1; // the length of a body handed over in one piece (bytes known only at the end)
        bool lookupDone = false;
        std::optional<QByteArray> content; // the ContentSource's answer once lookupDone
    };

    // The body of one response, read by libmicrohttpd as the socket drains.
    struct Body
    {
        Body(FileServerEngine* engine, MHD_Connection* connection, Request* request, QByteArray content,
             qint64 first, qint64 length)
            : engine(engine)
            , connection(connection)
            , request(request)
            , content(std::move(content))
            , first(first)
            , length(length)
        {
            clock.start();
        }

        FileServerEngine* engine;
        MHD_Connection* connection;
        Request* request;
        QByteArray content;
        qint64 first;
        qint64 length;
        QElapsedTimer clock;
        qint64 rate = -1;
        qint64 baseTimeMs = 0;
        qint64 baseSent = 0;
    };

    struct Waiting
    {
        MHD_Connection* connection = nullptr;
        Request* request = nullptr;
        std::optional<std::chrono::steady_clock::time_point> wakeAt; // throttled; empty: a content lookup
    };

    // What outlives the engine: the Qt thread's queued lookups and log flushes refer to it.
    struct Shared
    {
        std::mutex lock;
        std::condition_variable paceChanged;
        bool stopping = false;
        std::unordered_map<quint64, Waiting> waiting;
        QCache<QString, QByteArray> cache{kCacheBytes};
        struct Served
        {
            QString sha256;
            int status;
            qint64 bytes;
            QString peer;
        };
        QList<Served> served;
        bool flushPosted = false;
    };

    static MHD_Result onAccess(void* self, MHD_Connection* connection, const char* url, const char* method,
                               const char* version, const char* uploadData, size_t* uploadDataSize,
                               void** requestPointer);
    static void onCompleted(void* self, MHD_Connection* connection, void** requestPointer,
                            MHD_RequestTerminationCode termination);
    static ssize_t readBody(void* body, uint64_t position, char* buffer, size_t max);
    static void freeBody(void* body);
    static void onLog(void* self, const char* format, va_list arguments);
    static MHD_Result onAccept(void* self, const sockaddr* address, socklen_t length);
    static void onConnection(void* self, MHD_Connection* connection, void** socketContext,
                             MHD_ConnectionNotificationCode code);

    MHD_Result answer(MHD_Connection* connection, Request& request, const QString& path,
                      const QByteArray& method);
    MHD_Result refuse(MHD_Connection* connection, Request& request, const QByteArray& method,
                      const QString& path, int status, const char* code, const QString& message,
                      const Headers& extra = {});
    MHD_Result queueBody(MHD_Connection* connection, Request& request, bool head, QByteArray content,
                         qint64 first, qint64 last, const QString& fileName);
    // Suspends the connection until the Qt thread has asked the ContentSource.
    MHD_Result lookUp(MHD_Connection* connection, Request& request, const QString& sha256);
    void pace();

    FileServer* m_server;
    std::shared_ptr<Shared> m_shared = std::make_shared<Shared>();
    MHD_Daemon* m_daemon = nullptr;
    std::thread m_pacer;
    std::atomic<quint64> m_nextId{1};
    QByteArray m_certificatePem; // libmicrohttpd keeps pointers to these
    QByteArray m_keyPem;
    std::mutex m_startErrorLock;
    QString m_startError;
    std::atomic<bool> m_starting{false};
    int m_maxConnections = 0;
    std::atomic<int> m_openConnections{0};
};

FileServerEngine::FileServerEngine(FileServer* server)
    : m_server(server)
{
}

FileServerEngine::~FileServerEngine()
{
    {
        const std::lock_guard guard(m_shared->lock);
        m_shared->stopping = true;
        // libmicrohttpd must not be stopped with suspended connections.
        for (const auto& [id, waiting] : m_shared->waiting)
            MHD_resume_connection(waiting.connection);
        m_shared->waiting.clear();
    }
    m_shared->paceChanged.notify_all();
    if (m_pacer.joinable())
        m_pacer.join();
    if (m_daemon)
        MHD_stop_daemon(m_daemon);
    m_keyPem.fill('\0'); // the private key leaves no copy behind in freed memory
}

Alink::Expected<quint16> FileServerEngine::start(const QHostAddress& address, quint16 port)
{
    const FileServer::Limits& limits = m_server->m_limits;
    unsigned int flags =
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
    sockaddr_in v4{};
    sockaddr_in6 v6{};
    const sockaddr* socketAddress = nullptr;
    if (address == QHostAddress::Any) {
        flags |= MHD_USE_DUAL_STACK;
        v6.sin6_family = AF_INET6;
        v6.sin6_port = htons(port);
        v6.sin6_addr = in6addr_any;
        socketAddress = reinterpret_cast<const sockaddr*>(&v6);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        flags |= MHD_USE_IPv6;
        v6.sin6_family = AF_INET6;
        v6.sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&v6.sin6_addr, bytes.c, sizeof(bytes.c));
        v6.sin6_scope_id = address.scopeId().toUInt();
        socketAddress = reinterpret_cast<const sockaddr*>(&v6);
    } else if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        v4.sin_family = AF_INET;
        v4.sin_port = htons(port);
        v4.sin_addr.s_addr = htonl(address.toIPv4Address());
        socketAddress = reinterpret_cast<const sockaddr*>(&v4);
    } else {
        return Alink::AlinkError{QStringLiteral("%1:%2").arg(address.toString()).arg(port),
                                 FileServer::tr("the file server cannot listen there: not an IP address")};
    }

    const int threads = limits.threads > 0 ? limits.threads : std::clamp(QThread::idealThreadCount(), 1, 4);
    m_maxConnections = std::max(1, limits.maxConnections);
    std::vector<MHD_OptionItem> options{
        {MHD_OPTION_EXTERNAL_LOGGER, intptr_t(&FileServerEngine::onLog), this}, // first, to see every message
        {MHD_OPTION_SOCK_ADDR, 0, const_cast<sockaddr*>(socketAddress)},
        {MHD_OPTION_CONNECTION_TIMEOUT, intptr_t(std::max<qint64>(1, limits.idleTimeout.count())), nullptr},
        // The total is enforced by onAccept, which refuses at once; libmicrohttpd's own limit, split
        // between its threads, would instead stop accepting and leave clients waiting in the backlog.
        {MHD_OPTION_CONNECTION_LIMIT, intptr_t(m_maxConnections + threads), nullptr},
        {MHD_OPTION_NOTIFY_CONNECTION, intptr_t(&FileServerEngine::onConnection), this},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, intptr_t(std::max(0, limits.maxConnectionsPerAddress)), nullptr},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, intptr_t(std::max(4096, limits.maxHeaderBytes)), nullptr},
        {MHD_OPTION_NOTIFY_COMPLETED, intptr_t(&FileServerEngine::onCompleted), this},
    };
    if (threads > 1)
        options.push_back({MHD_OPTION_THREAD_POOL_SIZE, intptr_t(threads), nullptr});
    if (m_server->m_portShared)
        options.push_back({MHD_OPTION_LISTENING_ADDRESS_REUSE, 1, nullptr});
    if (m_server->isHttps()) {
        if (!MHD_is_feature_supported(MHD_FEATURE_TLS))
            return Alink::AlinkError{QStringLiteral("%1:%2").arg(address.toString()).arg(port),
                                     FileServer::tr("this libmicrohttpd is built without HTTPS")};
        flags |= MHD_USE_TLS;
        const TlsIdentity& tls = m_server->m_tls;
        m_certificatePem = tls.certificate.toPem();
        for (const QSslCertificate& intermediate : tls.chain)
            m_certificatePem += intermediate.toPem();
        m_keyPem = tls.privateKey.toPem();
        options.push_back({MHD_OPTION_HTTPS_MEM_CERT, 0, m_certificatePem.data()});
        options.push_back({MHD_OPTION_HTTPS_MEM_KEY, 0, m_keyPem.data()});
    }
    options.push_back({MHD_OPTION_END, 0, nullptr});

    m_starting = true;
    m_daemon = MHD_start_daemon(flags, 0, &FileServerEngine::onAccept, this, &FileServerEngine::onAccess,
                                this, MHD_OPTION_ARRAY, options.data(), MHD_OPTION_END);
    m_starting = false;
    if (!m_daemon) {
        const std::lock_guard guard(m_startErrorLock);
        return Alink::AlinkError{
            QStringLiteral("%1:%2").arg(address.toString()).arg(port),
            FileServer::tr("the file server cannot listen there: %1")
                .arg(m_startError.isEmpty() ? FileServer::tr("libmicrohttpd did not start") : m_startError)};
    }
    const MHD_DaemonInfo* info = MHD_get_daemon_info(m_daemon, MHD_DAEMON_INFO_BIND_PORT);
    m_pacer = std::thread([this] { pace(); });
    return info ? info->port : port;
}

void FileServerEngine::onLog(void* self, const char* format, va_list arguments)
{
    auto* engine = static_cast<FileServerEngine*>(self);
    char text[512];
    std::vsnprintf(text, sizeof text, format, arguments);
    const QString message = QString::fromLocal8Bit(text).trimmed();
    if (engine->m_starting) {
        const std::lock_guard guard(engine->m_startErrorLock);
        engine->m_startError = message;
    }
    qCDebug(lcTransfer) << "libmicrohttpd:" << message;
}

MHD_Result FileServerEngine::onAccept(void* self, const sockaddr*, socklen_t)
{
    auto* engine = static_cast<FileServerEngine*>(self);
    // Threads accepting at the same moment may each pass: the total can exceed the limit by that few.
    if (engine->m_openConnections.load() < engine->m_maxConnections)
        return MHD_YES;
    qCDebug(lcTransfer) << "refusing a connection: already" << engine->m_maxConnections << "open";
    return MHD_NO;
}

void FileServerEngine::onConnection(void* self, MHD_Connection* connection, void** socketContext,
                                    MHD_ConnectionNotificationCode code)
{
    auto* engine = static_cast<FileServerEngine*>(self);
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        ++engine->m_openConnections;
        *socketContext = new QString(peerOf(connection)); // once per connection, not per request
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
        --engine->m_openConnections;
        delete static_cast<QString*>(*socketContext);
        *socketContext = nullptr;
    }
}

void FileServerEngine::throttleChanged()
{
    {
        const std::lock_guard guard(m_shared->lock);
        for (auto it = m_shared->waiting.begin(); it != m_shared->waiting.end();) {
            if (it->second.wakeAt) {
                MHD_resume_connection(it->second.connection);
                it = m_shared->waiting.erase(it);
            } else {
                ++it;
            }
        }
    }
    m_shared->paceChanged.notify_all();
}

// The pacer thread: resumes throttled connections when their next piece is due.
void FileServerEngine::pace()
{
    std::unique_lock guard(m_shared->lock);
    while (!m_shared->stopping) {
        auto next = std::chrono::steady_clock::time_point::max();
        const auto now = std::chrono::steady_clock::now();
        for (auto it = m_shared->waiting.begin(); it != m_shared->waiting.end();) {
            if (it->second.wakeAt && *it->second.wakeAt <= now) {
                MHD_resume_connection(it->second.connection);
                it = m_shared->waiting.erase(it);
                continue;
            }
            if (it->second.wakeAt)
                next = std::min(next, *it->second.wakeAt);
            ++it;
        }
        if (next == std::chrono::steady_clock::time_point::max())
            m_shared->paceChanged.wait(guard);
        else
            m_shared->paceChanged.wait_until(guard, next);
    }
}

MHD_Result FileServerEngine::onAccess(void* self, MHD_Connection* connection, const char* url,
                                      const char* method, const char*, const char*, size_t*,
                                      void** requestPointer)
{
    auto* engine = static_cast<FileServerEngine*>(self);
    auto* request = static_cast<Request*>(*requestPointer);
    if (!request) {
        request = new Request;
        request->id = engine->m_nextId++;
        const MHD_ConnectionInfo* info =
            MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
        request->peer = info && info->socket_context ? *static_cast<const QString*>(info->socket_context)
                                                     : peerOf(connection);
        *requestPointer = request;
        ++engine->m_server->m_requestCount;
        // libmicrohttpd closes the connection after an answer queued on this first call, before the
        // body: what a request with a body gets. Others are answered on the next call and kept alive.
        if (!hasBody(connection))
            return MHD_YES;
    }
    {
        const std::lock_guard guard(engine->m_shared->lock);
        if (engine->m_shared->stopping)
            return MHD_NO;
    }
    return engine->answer(connection, *request, QString::fromUtf8(url), QByteArray(method));
}

MHD_Result FileServerEngine::refuse(MHD_Connection* connection, Request& request, const QByteArray& method,
                                    const QString& path, int status, const char* code, const QString& message,
                                    const Headers& extra)
{
    qCInfo(lcTransfer) << request.peer << method << path << "->" << status << message;
    const QByteArray body = errorDocument(QByteArray(code), message);
    MHD_Response* response = MHD_create_response_from_buffer(
        size_t(body.size()), const_cast<char*>(body.constData()), MHD_RESPMEM_MUST_COPY);
    if (!response)
        return MHD_NO;
    MHD_add_response_header(response, "Content-Type", "application/xml");
    for (const auto& [name, value] : extra)
        MHD_add_response_header(response, name.constData(), value.constData());
    const MHD_Result queued = MHD_queue_response(connection, unsigned(status), response);
    MHD_destroy_response(response);
    request.status = status;
    request.bytes = 0;
    if (method != "HEAD")
        m_server->m_bytesServed += quint64(body.size());
    return queued;
}

MHD_Result FileServerEngine::answer(MHD_Connection* connection, Request& request, const QString& path,
                                    const QByteArray& method)
{
    const bool head = method == "HEAD";

    constexpr QLatin1StringView prefix("/config/");
    const QStringList parts = path.startsWith(prefix) ? path.mid(prefix.size()).split(u'/') : QStringList();
    if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return refuse(connection, request, method, path, 404, "NoSuchKey",
                      QStringLiteral("The path %1 does not exist; configurations are under "
                                     "/config/<sha256>/<fileName>.")
                          .arg(path));
    const QString& sha256 = parts.at(0);
    const QString& fileName = parts.at(1);
    const QString sha = sha256.toLower();
    request.sha256 = sha;

    if (method != "GET" && !head)
        return refuse(connection, request, method, path, 405, "MethodNotAllowed",
                      QStringLiteral("The method %1 is not allowed here; use GET or HEAD.")
                          .arg(QString::fromLatin1(method.left(16))),
                      {{QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD")}});
    if (hasBody(connection)) // never read: answered before any of it is taken
        return refuse(connection, request, method, path, 413, "RequestBodyNotAllowed",
                      QStringLiteral("A %1 request must not carry a body.").arg(QString::fromLatin1(method)));

    const QString expiresText = argumentValue(connection, "Expires");
    const QString keyId = argumentValue(connection, "OSSAccessKeyId");
    const QString givenSignature = argumentValue(connection, "Signature");
    if (expiresText.isEmpty() || keyId.isEmpty() || givenSignature.isEmpty())
        return refuse(connection, request, method, path, 403, "AccessDenied",
                      QStringLiteral("The URL is not signed: Expires, OSSAccessKeyId and Signature are all "
                                     "required."));
    bool expiresOk = false;
    const qint64 expires = expiresText.toLongLong(&expiresOk);
    if (!expiresOk)
        return refuse(connection, request, method, path, 403, "AccessDenied",
                      QStringLiteral("Expires \"%1\" is not a Unix time.").arg(expiresText.left(40)));
    const FileServer::Credentials credentials = m_server->credentials();
    if (keyId != credentials.accessKeyId)
        return refuse(
            connection, request, method, path, 403, "InvalidAccessKeyId",
            QStringLiteral("The OSSAccessKeyId %1 is not known to this server.").arg(keyId.left(64)));
    const QByteArray expected =
        FileServer::signatureWith(credentials.secret, sha256, fileName, expires).toLatin1();
    const QByteArray given = givenSignature.toLatin1();
    if (expected.size() != given.size() ||
        CRYPTO_memcmp(expected.constData(), given.constData(), size_t(given.size())) != 0)
        return refuse(connection, request, method, path, 403, "SignatureDoesNotMatch",
                      QStringLiteral("The signature does not match: the URL was altered or signed by another "
                                     "server."));
    const qint64 now = m_server->now().toSecsSinceEpoch();
    if (now > expires)
        return refuse(connection, request, method, path, 403, "AccessDenied",
                      QStringLiteral("Request has expired: the URL expired at %1, the server time is %2.")
                          .arg(isoUtc(expires), isoUtc(now)));

    std::optional<QByteArray> content;
    if (isSha256Hex(sha)) {
        if (request.lookupDone) {
            content = request.content;
        } else {
            const std::lock_guard guard(m_shared->lock);
            if (const QByteArray* cached = m_shared->cache.object(sha))
                content = *cached;
        }
        if (!content && !request.lookupDone)
            return lookUp(connection, request, sha);
    }
    if (!content)
        return refuse(connection, request, method, path, 404, "NoSuchKey",
                      QStringLiteral("The specified key does not exist: no configuration has SHA-256 %1.")
                          .arg(sha.left(64)));

    const qint64 size = content->size();
    qint64 first = 0;
    qint64 last = size - 1;
    const QByteArray rangeHeader = headerValue(connection, "Range");
    switch (parseRange(rangeHeader, size, &first, &last)) {
    case RangeKind::None:
        request.status = 200;
        break;
    case RangeKind::Unsatisfiable:
        return refuse(
            connection, request, method, path, 416, "InvalidRange",
            QStringLiteral("The requested range \"%1\" cannot be satisfied: the content has %2 bytes.")
                .arg(QString::fromLatin1(rangeHeader.left(64)))
                .arg(size),
            {{QByteArrayLiteral("Content-Range"), QByteArrayLiteral("bytes */") + QByteArray::number(size)}});
    case RangeKind::Satisfiable:
        request.status = 206;
        break;
    }
    return queueBody(connection, request, head, std::move(*content), first, last, fileName);
}

MHD_Result FileServerEngine::lookUp(MHD_Connection* connection, Request& request, const QString& sha256)
{
    const quint64 id = request.id;
    {
        const std::lock_guard guard(m_shared->lock);
        MHD_suspend_connection(connection);
        m_shared->waiting.emplace(id, Waiting{connection, &request, std::nullopt});
    }
    // The source belongs to the Qt thread; the connection is resumed when it has answered. Queued on the
    // server object, so nothing runs once it is gone.
    QMetaObject::invokeMethod(
        m_server,
        [server = m_server, shared = m_shared, id, sha256] {
            std::optional<QByteArray> content = server->m_source ? server->m_source(sha256) : std::nullopt;
            const std::lock_guard guard(shared->lock);
            if (content && content->size() <= kCacheBytes)
                shared->cache.insert(sha256, new QByteArray(*content),
                                     std::max<qsizetype>(1, content->size()));
            const auto it = shared->waiting.find(id);
            if (shared->stopping || it == shared->waiting.end())
                return;
            it->second.request->lookupDone = true;
            it->second.request->content = std::move(content);
            MHD_resume_connection(it->second.connection);
            shared->waiting.erase(it);
        },
        Qt::QueuedConnection);
    return MHD_YES;
}

MHD_Result FileServerEngine::queueBody(MHD_Connection* connection, Request& request, bool head,
                                       QByteArray content, qint64 first, qint64 last, const QString& fileName)
{
    const qint64 size = content.size();
    const qint64 length = size == 0 ? 0 : last - first + 1;
    // libmicrohttpd answers HEAD with the headers of this response, Content-Length included, and no body.
    auto* body = new Body(this, connection, &request, std::move(content), first, length);
    MHD_Response* response = nullptr;
    if (length <= kWholeBody && m_server->throttle() == 0) {
        // Small and unpaced: handed over whole, so that headers and body leave in one write.
        request.wholeBody = length;
        response = MHD_create_response_from_buffer_with_free_callback_cls(
            size_t(length), const_cast<char*>(body->content.constData() + first), &FileServerEngine::freeBody,
            body);
    } else {
        response = MHD_create_response_from_callback(uint64_t(length), 64 * 1024, &FileServerEngine::readBody,
                                                     body, &FileServerEngine::freeBody);
    }
    if (!response) {
        freeBody(body);
        return MHD_NO;
    }
    if (!head && length > 0) {
        request.transmitting = true;
        ++m_server->m_activeTransmissions;
    }
    MHD_add_response_header(response, "Content-Type", contentTypeFor(fileName).constData());
    MHD_add_response_header(response, "Accept-Ranges", "bytes");
    MHD_add_response_header(response, "ETag", ('"' + request.sha256.toLatin1() + '"').constData());
    if (request.status == 206) {
        const QByteArray contentRange = QByteArrayLiteral("bytes ") + QByteArray::number(first) + '-' +
                                        QByteArray::number(last) + '/' + QByteArray::number(size);
        MHD_add_response_header(response, "Content-Range", contentRange.constData());
    }
    const MHD_Result queued = MHD_queue_response(connection, unsigned(request.status), response);
    MHD_destroy_response(response);
    return queued;
}

ssize_t FileServerEngine::readBody(void* opaque, uint64_t position, char* buffer, size_t max)
{
    auto* body = static_cast<Body*>(opaque);
    FileServerEngine* engine = body->engine;
    const qint64 remaining = body->length - qint64(position);
    if (remaining <= 0)
        return MHD_CONTENT_READER_END_OF_STREAM;
    qint64 budget = std::min<qint64>(qint64(max), remaining);
    const qint64 rate = engine->m_server->throttle();
    const qint64 sent = qint64(position);
    if (rate != body->rate) { // the throttle changed: pace from here on at the new rate
        body->rate = rate;
        body->baseTimeMs = body->clock.elapsed();
        body->baseSent = sent;
    }
    if (rate > 0) {
        const qint64 allowance =
            body->baseSent + rate * (body->clock.elapsed() - body->baseTimeMs) / 1000 - sent;
        if (allowance <= 0) {
            const std::lock_guard guard(engine->m_shared->lock);
            if (engine->m_shared->stopping)
                return MHD_CONTENT_READER_END_WITH_ERROR;
            MHD_suspend_connection(body->connection);
            engine->m_shared->waiting.emplace(
                body->request->id,
                Waiting{body->connection, body->request, std::chrono::steady_clock::now() + kThrottleTick});
            engine->m_shared->paceChanged.notify_all();
            return 0;
        }
        budget = std::min(budget, allowance);
    }
    std::memcpy(buffer, body->content.constData() + body->first + position, size_t(budget));
    body->request->bytes = sent + budget;
    engine->m_server->m_bytesServed += quint64(budget);
    return ssize_t(budget);
}

void FileServerEngine::freeBody(void* body)
{
    delete static_cast<Body*>(body);
}

void FileServerEngine::onCompleted(void* self, MHD_Connection*, void** requestPointer,
                                   MHD_RequestTerminationCode termination)
{
    auto* engine = static_cast<FileServerEngine*>(self);
    std::unique_ptr<Request> request(static_cast<Request*>(*requestPointer));
    *requestPointer = nullptr;
    if (!request)
        return;
    if (request->wholeBody >= 0 && termination == MHD_REQUEST_TERMINATED_COMPLETED_OK) {
        request->bytes = request->wholeBody;
        engine->m_server->m_bytesServed += quint64(request->wholeBody);
    }
    if (request->transmitting) {
        --engine->m_server->m_activeTransmissions;
        if (termination != MHD_REQUEST_TERMINATED_COMPLETED_OK)
            qCInfo(lcTransfer) << request->peer << "went away after" << request->bytes << "bytes of"
                               << request->sha256;
    }
    if (request->status == 0)
        return; // closed before an answer (a timeout, or the server stopping)
    const std::shared_ptr<Shared> shared = engine->m_shared;
    bool post = false;
    {
        const std::lock_guard guard(shared->lock);
        shared->waiting.erase(request->id);
        shared->served.append({request->sha256, request->status, request->bytes, request->peer});
        post = !shared->flushPosted;
        shared->flushPosted = true;
    }
    if (!post)
        return;
    // One queued call delivers everything served meanwhile, however fast requests come.
    QMetaObject::invokeMethod(
        engine->m_server,
        [server = engine->m_server, shared] {
            QList<Shared::Served> served;
            {
                const std::lock_guard guard(shared->lock);
                served.swap(shared->served);
                shared->flushPosted = false;
            }
            for (const Shared::Served& entry : std::as_const(served)) {
                qCDebug(lcTransfer) << entry.peer << entry.status << entry.sha256 << entry.bytes << "bytes";
                Q_EMIT server->requestServed(entry.sha256, entry.status, entry.bytes, entry.peer);
            }
        },
        Qt::QueuedConnection);
}

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
    close();
}

void FileServer::setTlsIdentity(const TlsIdentity& identity)
{
    m_tls = identity;
}

Alink::Expected<quint16> FileServer::listen(const QHostAddress& address, quint16 port)
{
    close();
    auto engine = std::make_unique<FileServerEngine>(this);
    const auto started = engine->start(address, port);
    if (!started)
        return started;
    m_engine = std::move(engine);
    m_address = address;
    m_port = *started;
    qCInfo(lcTransfer) << "file server listening on" << (isHttps() ? "https" : "http") << address.toString()
                       << m_port;
    return m_port;
}

void FileServer::close()
{
    m_engine.reset();
    m_port = 0;
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
    const std::lock_guard guard(m_settingsLock);
    m_accessKeyId = accessKeyId;
    m_secret = secret;
}

FileServer::Credentials FileServer::credentials() const
{
    const std::lock_guard guard(m_settingsLock);
    return {m_accessKeyId, m_secret};
}

void FileServer::setClock(Clock clock)
{
    const std::lock_guard guard(m_settingsLock);
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
}

QDateTime FileServer::now() const
{
    Clock clock;
    {
        const std::lock_guard guard(m_settingsLock);
        clock = m_clock;
    }
    return clock();
}

void FileServer::setThrottle(qint64 bytesPerSecond)
{
    m_throttle = std::max<qint64>(0, bytesPerSecond);
    if (m_engine)
        m_engine->throttleChanged();
}

QString FileServer::signatureWith(const QByteArray& secret, const QString& sha256, const QString& fileName,
                                  qint64 expires)
{
    return QString::fromLatin1(QMessageAuthenticationCode::hash(canonicalString(sha256, fileName, expires),
                                                                secret, QCryptographicHash::Sha256)
                                   .toBase64());
}

QString FileServer::signature(const QString& sha256, const QString& fileName, qint64 expires) const
{
    return signatureWith(credentials().secret, sha256, fileName, expires);
}

QUrl FileServer::signedUrl(const QString& sha256, const QString& fileName,
                           std::chrono::seconds validity) const
{
    const QString sha = sha256.toLower();
    const qint64 expires = now().toSecsSinceEpoch() + qint64(validity.count());
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

} // namespace ConfigDeck::Transfer
