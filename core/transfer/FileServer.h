#pragma once

#include "alink/AlinkError.h"
#include "transfer/TlsIdentity.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace ConfigDeck::Transfer {

class FileServerEngine;

// The embedded HTTP(S) server that hands configuration files to devices, with URLs shaped like the
// platform's pre-signed object-storage URLs:
//   http(s)://host:port/config/<sha256>/<fileName>?Expires=<unix>&OSSAccessKeyId=<id>&Signature=<b64>
// Signature = base64(HMAC-SHA256(secret, "GET\n/config/<sha256>/<fileName>\n<Expires>")). HEAD is
// accepted on a GET signature (it is a GET without the body). Errors are answered like OSS does: an
// XML <Error> with <Code> and <Message>, so a device log shows why (expired, forged, no such key).
//
// Served by GNU libmicrohttpd on its own threads, so that downloads never wait for the Qt event loop:
// HTTP/1.1 keep-alive and pipelining, HTTP/1.0 and "Connection: close" closed after the answer, and
// the limits below against clients on a lab network. A request body is never read: GET and HEAD
// with one get 413, other methods 405, answered at once. Bodies are streamed from memory in chunks
// as the socket drains, which is also how setThrottle() paces a download.
//
// Threads: the FileServer lives on a Qt thread and emits requestServed there. The ContentSource is
// called on that thread too (the server thread waits for it without blocking other connections) and
// its answers are kept in a bounded cache: content is addressed by its hash, so it never goes stale.
// The Clock is called on the server's threads and must be thread-safe.
class FileServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileServer)

public:
    // Returns the content stored under a lowercase SHA-256, or nothing when there is none.
    using ContentSource = std::function<std::optional<QByteArray>(const QString& sha256)>;
    using Clock = std::function<QDateTime()>;

    // What the server lets clients take; applied from the next listen().
    struct Limits
    {
        // A connection with no traffic in either direction for this long is closed, which also
        // ends a download whose client stopped reading.
        std::chrono::seconds idleTimeout{30};
        int maxConnections = 512;
        int maxConnectionsPerAddress = 128;
        // Memory per connection for the request line and headers (and the answer's headers): a
        // request whose headers do not fit gets 431 and the connection is closed.
        int maxHeaderBytes = 16 * 1024;
        // Threads serving connections; 0 picks one per processor core, up to 4.
        int threads = 0;
    };

    explicit FileServer(ContentSource source, QObject* parent = nullptr);
    ~FileServer() override;

    // HTTPS from the next listen() on; a null identity switches back to plain HTTP.
    void setTlsIdentity(const TlsIdentity& identity);
    void setLimits(const Limits& limits) { m_limits = limits; }
    // From the next listen() on, lets other file servers on this machine (other platform processes) listen on
    // the same port (SO_REUSEPORT): the kernel spreads new connections over them, and when one stops the
    // others take its port's new connections. Signed with one key (the workspace's), their URLs work on any
    // of them.
    void setPortShared(bool shared) { m_portShared = shared; }
    bool isPortShared() const { return m_portShared; }
    Limits limits() const { return m_limits; }
    bool isHttps() const { return !m_tls.isNull(); }

    // Loopback by default; port 0 picks a free port. Returns the port really listened on.
    Alink::Expected<quint16> listen(const QHostAddress& address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    bool isListening() const { return m_engine != nullptr; }
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }

    // The host written into signed URLs; defaults to the listen address (a LAN address when
    // listening on all interfaces).
    void setPublicHost(const QString& host) { m_publicHost = host; }
    QString publicHost() const;

    // Random per server unless set (set them to keep URLs valid across restarts).
    void setCredentials(const QString& accessKeyId, const QByteArray& secret);
    QString accessKeyId() const { return m_accessKeyId; }

    void setClock(Clock clock);
    QDateTime now() const;

    // Bytes per second per response, 0 = as fast as the socket takes them. Applies to running
    // responses too, except bodies up to 64 KiB that started unthrottled (they go out in one piece).
    void setThrottle(qint64 bytesPerSecond);
    qint64 throttle() const { return m_throttle.load(); }

    QUrl signedUrl(const QString& sha256, const QString& fileName,
                   std::chrono::seconds validity = std::chrono::minutes(30)) const;
    // The signature a URL for this path and expiry must carry (for tests and diagnostics).
    QString signature(const QString& sha256, const QString& fileName, qint64 expires) const;

    quint64 requestCount() const { return m_requestCount.load(); }
    quint64 bytesServed() const { return m_bytesServed.load(); }
    // Responses whose body is being sent right now.
    int activeTransmissions() const { return m_activeTransmissions.load(); }

Q_SIGNALS:
    // Once per request, when its answer is complete (or the peer went away: bytes then says how
    // far it got). sha256 is empty for requests outside /config/.
    void requestServed(const QString& sha256, int status, qint64 bytes, const QString& peer);

private:
    friend class FileServerEngine;

    // What a request is checked against, taken under m_settingsLock by the server's threads.
    struct Credentials
    {
        QString accessKeyId;
        QByteArray secret;
    };
    Credentials credentials() const;
    static QString signatureWith(const QByteArray& secret, const QString& sha256, const QString& fileName,
                                 qint64 expires);

    ContentSource m_source;            // called on this object's thread only
    mutable std::mutex m_settingsLock; // m_clock, m_accessKeyId and m_secret, which the server threads read
    Clock m_clock;
    TlsIdentity m_tls;
    Limits m_limits;
    bool m_portShared = false;
    std::unique_ptr<FileServerEngine> m_engine;
    QHostAddress m_address;
    quint16 m_port = 0;
    QString m_publicHost;
    QString m_accessKeyId;
    QByteArray m_secret;
    std::atomic<qint64> m_throttle{0};
    std::atomic<quint64> m_requestCount{0};
    std::atomic<quint64> m_bytesServed{0};
    std::atomic<int> m_activeTransmissions{0};
};

} // namespace ConfigDeck::Transfer
