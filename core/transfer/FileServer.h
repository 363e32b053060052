#pragma once

#include "alink/AlinkError.h"
#include "transfer/TlsIdentity.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QTcpServer;
QT_END_NAMESPACE

namespace ConfigDeck::Transfer {

class Transmission;

// The embedded HTTP(S) server that hands configuration files to devices, with URLs shaped like the
// platform's pre-signed object-storage URLs:
//   http(s)://host:port/config/<sha256>/<fileName>?Expires=<unix>&OSSAccessKeyId=<id>&Signature=<b64>
// Signature = base64(HMAC-SHA256(secret, "GET\n/config/<sha256>/<fileName>\n<Expires>")). HEAD is
// accepted on a GET signature (it is a GET without the body). Errors are answered like OSS does: an
// XML <Error> with <Code> and <Message>, so a device log shows why (expired, forged, no such key).
//
// Bodies are streamed from memory in chunks as the socket drains, never all at once, which is also
// how setThrottle() paces a download without blocking the event loop.
class FileServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileServer)

public:
    // Returns the content stored under a lowercase SHA-256, or nothing when there is none.
    using ContentSource = std::function<std::optional<QByteArray>(const QString& sha256)>;
    using Clock = std::function<QDateTime()>;

    explicit FileServer(ContentSource source, QObject* parent = nullptr);
    ~FileServer() override;

    // HTTPS from the next listen() on; a null identity switches back to plain HTTP.
    void setTlsIdentity(const TlsIdentity& identity);
    bool isHttps() const { return !m_tls.isNull(); }

    // Loopback by default; port 0 picks a free port. Returns the port really listened on.
    Alink::Expected<quint16> listen(const QHostAddress& address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    bool isListening() const;
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
    QDateTime now() const { return m_clock(); }

    // Bytes per second per response, 0 = as fast as the socket takes them. Applies to running
    // responses too.
    void setThrottle(qint64 bytesPerSecond);
    qint64 throttle() const { return m_throttle; }

    QUrl signedUrl(const QString& sha256, const QString& fileName,
                   std::chrono::seconds validity = std::chrono::minutes(30)) const;
    // The signature a URL for this path and expiry must carry (for tests and diagnostics).
    QString signature(const QString& sha256, const QString& fileName, qint64 expires) const;

    quint64 requestCount() const { return m_requestCount; }
    quint64 bytesServed() const { return m_bytesServed; }
    int activeTransmissions() const { return m_activeTransmissions; }

Q_SIGNALS:
    // Once per request, when its answer is complete (or the peer went away: bytes then says how
    // far it got). sha256 is empty for requests outside /config/.
    void requestServed(const QString& sha256, int status, qint64 bytes, const QString& peer);

private:
    void handleConfig(const QString& sha256, const QString& fileName, const QHttpServerRequest& request,
                      QHttpServerResponder&& responder);
    void handleMissing(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    void sendError(QHttpServerResponder& responder, bool head, int status, const QByteArray& code,
                   const QString& message, const QList<std::pair<QByteArray, QByteArray>>& extra = {});
    void finishRequest(const QString& sha256, int status, qint64 bytes, const QString& peer);
    void addServedBytes(qint64 bytes) { m_bytesServed += quint64(bytes); }

    friend class Transmission;

    ContentSource m_source;
    Clock m_clock;
    TlsIdentity m_tls;
    std::unique_ptr<QHttpServer> m_http;
    QTcpServer* m_tcpServer = nullptr; // owned by m_http
    QHostAddress m_address;
    quint16 m_port = 0;
    QString m_publicHost;
    QString m_accessKeyId;
    QByteArray m_secret;
    qint64 m_throttle = 0;
    quint64 m_requestCount = 0;
    quint64 m_bytesServed = 0;
    int m_activeTransmissions = 0;
};

} // namespace ConfigDeck::Transfer
