#include "MosquittoConnection.h"

#include "MqttReason.h"
#include "TopicFilter.h"
#include "TransportLog.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mosquitto.h>
#include <openssl/x509.h>

#ifdef Q_OS_UNIX
#include <sys/select.h>
#endif

namespace ConfigDeck::Transport {

namespace {

constexpr int kVerifyPeer = 1; // SSL_VERIFY_PEER, without pulling in the OpenSSL headers

void ensureLibraryInitialised()
{
    // A function-local static is initialised once, thread-safely; cleanup happens at exit.
    static const bool initialised = [] {
        mosquitto_lib_init();
        std::atexit([] { mosquitto_lib_cleanup(); });
        int major = 0, minor = 0, revision = 0;
        mosquitto_lib_version(&major, &minor, &revision);
        qCInfo(lcTransport, "libmosquitto %d.%d.%d", major, minor, revision);
        return true;
    }();
    Q_UNUSED(initialised);
}

// Gives the handle back to libmosquitto. From inside a callback libmosquitto still uses it when the callback
// returns, so then the destruction waits for the event loop.
void releaseHandle(mosquitto* handle, bool deferred)
{
    mosquitto_user_data_set(handle, nullptr); // callbacks from now on are ignored
    auto release = [handle] {
        mosquitto_disconnect(handle); // a polite DISCONNECT when connected, else a no-op
        mosquitto_destroy(handle);
    };
    if (deferred)
        QTimer::singleShot(0, QCoreApplication::instance(), release);
    else
        release();
}

QString tlsDetail(const QString& opensslError)
{
    QString raw = opensslError;
    const qsizetype colon = raw.indexOf(QLatin1StringView("]: "));
    if (raw.startsWith(QLatin1StringView("OpenSSL Error")) && colon >= 0)
        raw = raw.mid(colon + 3);
    if (raw.contains(QLatin1StringView("certificate verify failed")))
        return MosquittoConnection::tr(
                   "the broker's certificate is not trusted: it is not signed by the configured "
                   "certificate authority, has expired, or does not name this host (%1)")
            .arg(raw);
    if (raw.contains(QLatin1StringView("wrong version number")) ||
        raw.contains(QLatin1StringView("record layer")))
        return MosquittoConnection::tr("the broker does not speak TLS on this port (%1)").arg(raw);
    if (raw.contains(QLatin1StringView("unexpected eof")))
        return MosquittoConnection::tr(
                   "the broker closed the connection during the TLS handshake; it may not speak "
                   "TLS on this port or may want a client certificate (%1)")
            .arg(raw);
    if (raw.isEmpty())
        return MosquittoConnection::tr("the TLS handshake did not complete");
    return raw;
}

} // namespace

class MosquittoConnection::CallScope
{
public:
    explicit CallScope(std::shared_ptr<Life> life)
        : m_life(std::move(life))
    {
        ++m_life->depth;
    }
    ~CallScope() { --m_life->depth; }
    bool alive() const { return m_life->alive; }
    Q_DISABLE_COPY_MOVE(CallScope)

private:
    std::shared_ptr<Life> m_life;
};

// libmosquitto's C callbacks; the user data is the connection, or null once it is gone.
struct MosquittoCallbacks
{
    static MosquittoConnection* self(void* userData) { return static_cast<MosquittoConnection*>(userData); }

    static void onConnect(mosquitto*, void* userData, int rc, int, const mosquitto_property*)
    {
        if (auto* connection = self(userData))
            connection->handleConnack(rc);
    }
    static void onDisconnect(mosquitto*, void* userData, int rc, const mosquitto_property*)
    {
        if (auto* connection = self(userData))
            connection->handleDisconnect(rc);
    }
    static void onMessage(mosquitto*, void* userData, const mosquitto_message* message,
                          const mosquitto_property*)
    {
        if (auto* connection = self(userData))
            connection->handleMessage(message->topic, message->payload, message->payloadlen);
    }
    static void onPublish(mosquitto*, void* userData, int mid, int reasonCode, const mosquitto_property*)
    {
        if (auto* connection = self(userData))
            connection->handlePublished(mid, reasonCode);
    }
    static void onSubscribe(mosquitto*, void* userData, int mid, int count, const int* granted,
                            const mosquitto_property*)
    {
        if (auto* connection = self(userData))
            connection->handleSubscribed(mid, count, granted);
    }
    static void onLog(mosquitto*, void* userData, int level, const char* text)
    {
        if (auto* connection = self(userData))
            connection->handleLog(level, text);
    }
};

MosquittoConnection::MosquittoConnection(QObject* parent)
    : MqttConnection(parent)
    , m_readNotifier(new QSocketNotifier(QSocketNotifier::Read, this))
    , m_writeNotifier(new QSocketNotifier(QSocketNotifier::Write, this))
    , m_miscTimer(new QTimer(this))
    , m_reconnectTimer(new QTimer(this))
    , m_handshakeWriteTimer(new QTimer(this))
    , m_life(std::make_shared<Life>())
{
    ensureLibraryInitialised();
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &MosquittoConnection::onSocketReadable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &MosquittoConnection::onSocketWritable);
    m_miscTimer->setTimerType(Qt::CoarseTimer);
    connect(m_miscTimer, &QTimer::timeout, this, &MosquittoConnection::onMiscTimer);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &MosquittoConnection::startAttempt);
    m_handshakeWriteTimer->setSingleShot(true);
    m_handshakeWriteTimer->setInterval(5);
    connect(m_handshakeWriteTimer, &QTimer::timeout, this, [this] { syncNotifiers(); });
}

MosquittoConnection::~MosquittoConnection()
{
    m_life->alive = false;
    dropHandle();
}

std::optional<Alink::AlinkError> MosquittoConnection::connectToBroker(const MqttConnectOptions& options)
{
    if (state() != State::Disconnected)
        return Alink::AlinkError{{},
                                 tr("The connection is %1; disconnect it first.").arg(stateName(state()))};
    if (auto error = options.validate())
        return error;
    const MqttConnectOptions previous = m_options;
    m_options = options;
    if (auto error = createHandle()) {
        m_options = previous;
        return error;
    }
    m_backoff.setOptions(options.reconnect);
    m_backoff.reset();
    m_userDisconnect = false;
    setState(State::Connecting);
    // The first attempt starts from the event loop, so that its outcome never arrives inside this call.
    m_reconnectTimer->start(0);
    return std::nullopt;
}

std::optional<Alink::AlinkError> MosquittoConnection::createHandle()
{
    dropHandle();
    const QByteArray clientId = m_options.clientId.toUtf8();
    mosquitto* handle =
        mosquitto_new(clientId.isEmpty() ? nullptr : clientId.constData(), m_options.cleanSession, this);
    if (!handle)
        return Alink::AlinkError{
            {},
            tr("libmosquitto cannot create a client: %1").arg(QString::fromLocal8Bit(std::strerror(errno)))};

    auto fail = [handle](const QString& field, int rc) {
        mosquitto_destroy(handle);
        return Alink::AlinkError{field, QString::fromUtf8(mosquitto_strerror(rc))};
    };
    mosquitto_threaded_set(handle, false);
    int rc =
        mosquitto_int_option(handle, MOSQ_OPT_PROTOCOL_VERSION,
                             m_options.protocol == MqttProtocol::V5 ? MQTT_PROTOCOL_V5 : MQTT_PROTOCOL_V311);
    if (rc != MOSQ_ERR_SUCCESS)
        return fail(QStringLiteral("protocol"), rc);
    // Request/reply traffic is many small packets: do not let Nagle hold them back.
    mosquitto_int_option(handle, MOSQ_OPT_TCP_NODELAY, 1);
    if (!m_options.username.isEmpty() || !m_options.password.isEmpty()) {
        const QByteArray user = m_options.username.toUtf8();
        const QByteArray password = m_options.password.toUtf8();
        rc = mosquitto_username_pw_set(handle, user.isEmpty() ? nullptr : user.constData(),
                                       m_options.password.isEmpty() ? nullptr : password.constData());
        if (rc != MOSQ_ERR_SUCCESS)
            return fail(QStringLiteral("username"), rc);
    }
    if (m_options.tls.enabled) {
        const QByteArray caFile = m_options.tls.caFile.toLocal8Bit();
        const QByteArray certFile = m_options.tls.certFile.toLocal8Bit();
        const QByteArray keyFile = m_options.tls.keyFile.toLocal8Bit();
        if (caFile.isEmpty()) {
            rc = mosquitto_int_option(handle, MOSQ_OPT_TLS_USE_OS_CERTS, 1);
            if (rc != MOSQ_ERR_SUCCESS)
                return fail(QStringLiteral("tls.caFile"), rc);
        }
        if (!caFile.isEmpty() || !certFile.isEmpty()) {
            // libmosquitto 2.0 refuses a client certificate without a CA file or directory even when it
            // uses the OS's CAs: name OpenSSL's default directory, which those CAs include anyway.
            const char* caPath = caFile.isEmpty() ? X509_get_default_cert_dir() : nullptr;
            rc = mosquitto_tls_set(handle, caFile.isEmpty() ? nullptr : caFile.constData(), caPath,
                                   certFile.isEmpty() ? nullptr : certFile.constData(),
                                   keyFile.isEmpty() ? nullptr : keyFile.constData(), nullptr);
            if (rc != MOSQ_ERR_SUCCESS) {
                mosquitto_destroy(handle);
                return Alink::AlinkError{QStringLiteral("tls"),
                                         tr("the certificate files cannot be used (%1)")
                                             .arg(QString::fromUtf8(mosquitto_strerror(rc)))};
            }
        }
        // Always verify the broker's certificate chain and host name.
        mosquitto_tls_opts_set(handle, kVerifyPeer, nullptr, nullptr);
        mosquitto_tls_insecure_set(handle, false);
    }
    mosquitto_connect_v5_callback_set(handle, &MosquittoCallbacks::onConnect);
    mosquitto_disconnect_v5_callback_set(handle, &MosquittoCallbacks::onDisconnect);
    mosquitto_message_v5_callback_set(handle, &MosquittoCallbacks::onMessage);
    mosquitto_publish_v5_callback_set(handle, &MosquittoCallbacks::onPublish);
    mosquitto_subscribe_v5_callback_set(handle, &MosquittoCallbacks::onSubscribe);
    m_mosq = handle;
    return std::nullopt;
}

void MosquittoConnection::dropHandle()
{
    m_readNotifier->setEnabled(false);
    m_writeNotifier->setEnabled(false);
    m_fd = -1;
    m_miscTimer->stop();
    m_handshakeWriteTimer->stop();
    m_pendingAcks.clear(); // the handle's unacknowledged messages go with it
    if (!m_mosq)
        return;
    releaseHandle(m_mosq, m_life->depth > 0);
    m_mosq = nullptr;
}

void MosquittoConnection::startAttempt()
{
    if (!m_mosq || state() == State::Disconnected || state() == State::Connected)
        return;
    if (mosquitto_socket(m_mosq) != -1) {
        // A socket left over from a failed attempt: start from a clean handle rather than leak it.
        if (auto error = createHandle()) {
            setState(State::Disconnected);
            emit errorOccurred(error->message());
            return;
        }
    }
    m_attemptOpen = true;
    m_refusal.clear();
    m_refusalPermanent = false;
    m_tlsError.clear();
    m_tlsVerifyFailed = false;
    m_tlsHandshake = m_options.tls.enabled;
    // The log callback formats a line per packet, so it only listens while connecting (for TLS errors).
    mosquitto_log_callback_set(m_mosq, &MosquittoCallbacks::onLog);
    mosquitto_user_data_set(m_mosq, this);

    const QByteArray host = m_options.host.toUtf8();
    qCDebug(lcTransport) << "connecting" << m_options.clientId << "to" << m_options.host << m_options.port;
    // Note: the host name is resolved (getaddrinfo) inside this call, which blocks briefly for names that are
    // not cached; addresses and loopback do not.
    errno = 0;
    const int rc =
        mosquitto_connect_async(m_mosq, host.constData(), m_options.port, m_options.keepAliveSeconds);
    const int savedErrno = errno;
    m_socketChanged = true;
    if (rc != MOSQ_ERR_SUCCESS) {
        if (!endAttempt(rc, savedErrno))
            return;
        syncNotifiers();
        return;
    }
    const int keepAlive = m_options.keepAliveSeconds;
    m_miscTimer->start(keepAlive > 0 ? std::clamp(keepAlive * 250, 200, 5000) : 1000);
    syncNotifiers();
}

void MosquittoConnection::onSocketReadable()
{
    if (!m_mosq)
        return;
    int rc = MOSQ_ERR_SUCCESS;
    int savedErrno = 0;
    {
        CallScope scope(m_life);
        errno = 0;
        rc = m_tlsHandshake ? mosquitto_loop(m_mosq, 0, 1) : mosquitto_loop_read(m_mosq, 1);
        savedErrno = errno;
        if (!scope.alive())
            return;
    }
    afterCall(rc, savedErrno);
}

void MosquittoConnection::onSocketWritable()
{
    if (!m_mosq)
        return;
    const bool handshake = m_tlsHandshake;
    int rc = MOSQ_ERR_SUCCESS;
    int savedErrno = 0;
    {
        CallScope scope(m_life);
        errno = 0;
        rc = handshake ? mosquitto_loop(m_mosq, 0, 1) : mosquitto_loop_write(m_mosq, 1);
        savedErrno = errno;
        if (!scope.alive())
            return;
    }
    if (handshake && m_tlsHandshake) {
        // While the handshake waits for the broker, libmosquitto may keep asking to write although it has
        // nothing to write yet: look again in a few milliseconds instead of spinning.
        m_writeNotifier->setEnabled(false);
        m_handshakeWriteTimer->start();
        afterCall(rc, savedErrno);
        if (m_fd >= 0 && m_tlsHandshake)
            m_writeNotifier->setEnabled(false);
        return;
    }
    afterCall(rc, savedErrno);
    checkFlush(); // a QoS 0 message may have been the last thing to write
}

void MosquittoConnection::onMiscTimer()
{
    if (!m_mosq)
        return;
    int rc = MOSQ_ERR_SUCCESS;
    int savedErrno = 0;
    {
        CallScope scope(m_life);
        errno = 0;
        rc = m_tlsHandshake ? mosquitto_loop(m_mosq, 0, 1) : mosquitto_loop_misc(m_mosq);
        savedErrno = errno;
        if (!scope.alive())
            return;
    }
    if (rc == MOSQ_ERR_NO_CONN)
        rc = MOSQ_ERR_SUCCESS; // between attempts there is no socket: nothing to keep alive
    afterCall(rc, savedErrno);
}

void MosquittoConnection::afterCall(int rc, int savedErrno)
{
    if (rc != MOSQ_ERR_SUCCESS && m_attemptOpen && m_mosq && mosquitto_socket(m_mosq) == -1) {
        // Closed without an on_disconnect callback (mosquitto_loop returns TLS failures this way).
        if (!endAttempt(rc, savedErrno))
            return;
    }
    syncNotifiers();
}

void MosquittoConnection::syncNotifiers(bool allowWrite)
{
    const qintptr fd = m_mosq ? mosquitto_socket(m_mosq) : -1;
    if (fd != m_fd || m_socketChanged) {
        // A new socket (reconnect) or none: point the notifiers at it. setSocket() leaves them disabled.
        m_readNotifier->setEnabled(false);
        m_writeNotifier->setEnabled(false);
        m_fd = fd;
        m_socketChanged = false;
        if (fd >= 0) {
            m_readNotifier->setSocket(fd);
            m_writeNotifier->setSocket(fd);
            m_readNotifier->setEnabled(true);
        }
    }
    if (m_fd < 0)
        return;
#ifdef Q_OS_UNIX
    if (m_tlsHandshake && m_fd >= FD_SETSIZE) {
        m_tlsHandshake = false;
        if (m_attemptOpen) {
            m_refusal =
                tr("Too many open connections in this process for one more TLS handshake (socket %1, the "
                   "limit is %2).")
                    .arg(m_fd)
                    .arg(FD_SETSIZE);
            dropHandle();
            createHandle();
            endAttempt(MOSQ_ERR_TLS, 0);
        }
        return;
    }
#endif
    m_writeNotifier->setEnabled(allowWrite && mosquitto_want_write(m_mosq));
}

bool MosquittoConnection::endAttempt(int rc, int savedErrno)
{
    if (!m_attemptOpen)
        return true;
    m_attemptOpen = false;
    const bool duringTlsHandshake = m_tlsHandshake;
    m_tlsHandshake = false;
    m_miscTimer->stop();
    m_handshakeWriteTimer->stop();
    m_pendingSubscribes.clear();
    // m_pendingAcks stays: libmosquitto sends unacknowledged QoS 1 messages again after a reconnect.
    m_socketChanged = true;

    bool retry = m_options.reconnect.enabled && !m_userDisconnect;
    QString reason;
    if (!m_userDisconnect) {
        if (!m_refusal.isEmpty()) {
            reason = m_refusal;
            if (m_refusalPermanent)
                retry = false;
        } else {
            reason = describeFailure(rc, savedErrno, duringTlsHandshake);
            if (m_tlsVerifyFailed)
                retry = false; // an untrusted certificate does not become trusted by trying again
        }
    }
    const auto life = m_life;
    if (!reason.isEmpty()) {
        qCWarning(lcTransport).noquote() << m_options.clientId << reason;
        emit errorOccurred(reason);
        if (!life->alive)
            return false;
    }
    setState(retry ? State::Reconnecting : State::Disconnected);
    if (!life->alive)
        return false;
    emit disconnected(reason);
    if (!life->alive)
        return false;
    if (retry && state() == State::Reconnecting && !m_reconnectTimer->isActive()) {
        const int delay = m_backoff.nextDelayMs();
        qCDebug(lcTransport) << m_options.clientId << "reconnects in" << delay << "ms";
        m_reconnectTimer->start(delay);
    }
    return true;
}

QString MosquittoConnection::describeFailure(int rc, int savedErrno, bool duringTlsHandshake)
{
    const QString where = QStringLiteral("%1:%2").arg(m_options.host).arg(m_options.port);
    if (duringTlsHandshake && (rc == MOSQ_ERR_TLS || !m_tlsError.isEmpty() || savedErrno == EPROTO)) {
        m_tlsVerifyFailed = m_tlsError.contains(QLatin1StringView("certificate verify failed"));
        return tr("The TLS connection to %1 failed: %2.").arg(where, tlsDetail(m_tlsError));
    }
    switch (rc) {
    case MOSQ_ERR_ERRNO:
        return tr("Cannot reach the broker at %1: %2.")
            .arg(where, QString::fromLocal8Bit(std::strerror(savedErrno ? savedErrno : ECONNRESET)));
    case MOSQ_ERR_CONN_LOST:
        return tr("The connection to the broker at %1 was lost.").arg(where);
    case MOSQ_ERR_KEEPALIVE:
        return tr("The broker at %1 stopped answering (nothing within the keep-alive time).").arg(where);
    case MOSQ_ERR_EAI:
        return tr("Cannot find the broker's host name %1.").arg(m_options.host);
    case MOSQ_ERR_PROTOCOL:
        return tr("The broker at %1 broke the MQTT protocol.").arg(where);
    case MOSQ_ERR_TLS:
        return tr("The TLS connection to %1 failed: %2.").arg(where, tlsDetail(m_tlsError));
    default:
        break;
    }
    if (rc >= 0x80)
        return tr("The broker at %1 closed the connection: %2 (code %3).")
            .arg(where, MqttReason::describe(m_options.protocol, rc))
            .arg(rc);
    return tr("The connection to the broker at %1 ended: %2.")
        .arg(where, QString::fromUtf8(mosquitto_strerror(rc)));
}

void MosquittoConnection::disconnectFromBroker()
{
    m_reconnectTimer->stop();
    if (state() == State::Disconnected)
        return;
    m_userDisconnect = true;
    m_attemptOpen = false;
    m_tlsHandshake = false;
    m_pendingSubscribes.clear();
    m_pendingAcks.clear();
    // Releasing the handle says DISCONNECT to the broker when connected and closes the socket.
    dropHandle();
    const auto life = m_life;
    setState(State::Disconnected);
    if (!life->alive)
        return;
    emit disconnected(QString());
}

std::optional<Alink::AlinkError> MosquittoConnection::subscribe(const QString& filter, int qos)
{
    if (auto error = checkSubscribe(filter, qos))
        return error;
    m_subscriptions.insert(filter, qos);
    if (isConnected()) {
        sendSubscribe(filter, qos);
        syncNotifiers();
    }
    return std::nullopt;
}

void MosquittoConnection::sendSubscribe(const QString& filter, int qos)
{
    int mid = 0;
    const int rc = mosquitto_subscribe(m_mosq, &mid, filter.toUtf8().constData(), qos);
    if (rc == MOSQ_ERR_SUCCESS)
        m_pendingSubscribes.insert(mid, filter);
    else
        qCWarning(lcTransport) << "subscribe" << filter << "failed:" << mosquitto_strerror(rc);
}

std::optional<Alink::AlinkError> MosquittoConnection::unsubscribe(const QString& filter)
{
    if (auto error = TopicFilter::validate(filter))
        return error;
    if (!m_subscriptions.remove(filter))
        return Alink::AlinkError{QStringLiteral("filter"), tr("there is no subscription to %1").arg(filter)};
    if (isConnected()) {
        const int rc = mosquitto_unsubscribe(m_mosq, nullptr, filter.toUtf8().constData());
        if (rc != MOSQ_ERR_SUCCESS)
            qCWarning(lcTransport) << "unsubscribe" << filter << "failed:" << mosquitto_strerror(rc);
        syncNotifiers();
    }
    return std::nullopt;
}

Alink::Expected<int> MosquittoConnection::publish(const QString& topic, const QByteArray& payload, int qos,
                                                  bool retain)
{
    if (auto error = checkPublish(topic, qos))
        return *error;
    if (!isConnected() || !m_mosq)
        return notConnectedError(topic);
    int mid = 0;
    int rc = MOSQ_ERR_SUCCESS;
    {
        CallScope scope(m_life);
        rc = mosquitto_publish(m_mosq, &mid, topic.toUtf8().constData(), int(payload.size()),
                               payload.constData(), qos, retain);
        if (!scope.alive())
            return Alink::AlinkError{{}, tr("The connection was deleted while publishing.")};
    }
    if (rc != MOSQ_ERR_SUCCESS)
        return Alink::AlinkError{
            {},
            tr("The message to %1 was not sent: %2.").arg(topic, QString::fromUtf8(mosquitto_strerror(rc)))};
    if (qos == 1)
        m_pendingAcks.insert(mid);
    syncNotifiers();
    return mid;
}

void MosquittoConnection::handleConnack(int rc)
{
    if (rc != 0) {
        m_refusal = MqttReason::refusal(m_options.protocol, rc);
        m_refusalPermanent = !MqttReason::isTransient(m_options.protocol, rc);
        return; // libmosquitto closes the connection next and reports it through on_disconnect
    }
    m_tlsHandshake = false;
    m_handshakeWriteTimer->stop();
    mosquitto_log_callback_set(m_mosq, nullptr);
    m_backoff.connectionEstablished();
    for (auto it = m_subscriptions.cbegin(); it != m_subscriptions.cend(); ++it)
        sendSubscribe(it.key(), it.value());
    qCDebug(lcTransport) << m_options.clientId << "connected to" << m_options.host << m_options.port;
    const auto life = m_life;
    setState(State::Connected);
    if (!life->alive)
        return;
    emit connected();
}

void MosquittoConnection::handleDisconnect(int rc)
{
    m_socketChanged = true;
    endAttempt(rc == 0 && !m_userDisconnect ? MOSQ_ERR_CONN_LOST : rc, errno);
}

void MosquittoConnection::handleMessage(const char* topic, const void* payload, int length)
{
    // libmosquitto has read the packet into its own buffer (it has no client-side size limit); the cap
    // acts here, before the payload is copied into Qt.
    const QString topicText = QString::fromUtf8(topic);
    if (admitIncoming(topicText, length))
        emit messageReceived(topicText, QByteArray(static_cast<const char*>(payload), length));
}

bool MosquittoConnection::hasUnsentMessages() const
{
    return !m_pendingAcks.isEmpty() || (m_mosq && mosquitto_want_write(m_mosq));
}

void MosquittoConnection::handlePublished(int mid, int reasonCode)
{
    const bool awaited = m_pendingAcks.remove(mid);
    if (reasonCode >= 0x80) {
        emit errorOccurred(tr("The broker did not accept message %1: %2 (code %3).")
                               .arg(mid)
                               .arg(MqttReason::describe(m_options.protocol, reasonCode))
                               .arg(reasonCode));
        return;
    }
    if (awaited)
        emit published(mid);
}

void MosquittoConnection::handleSubscribed(int mid, int count, const int* granted)
{
    const QString filter = m_pendingSubscribes.take(mid);
    if (filter.isEmpty())
        return;
    const int qos = count > 0 ? granted[0] : 0x80;
    if (qos >= 0x80) {
        emit errorOccurred(tr("The broker refused the subscription to %1: %2 (code %3).")
                               .arg(filter, MqttReason::describe(m_options.protocol, qos))
                               .arg(qos));
        return;
    }
    emit subscribed(filter, qos);
}

void MosquittoConnection::handleLog(int level, const char* text)
{
    const QString line = QString::fromUtf8(text);
    qCDebug(lcTransport).noquote() << m_options.clientId << line;
    if ((level & (MOSQ_LOG_ERR | MOSQ_LOG_WARNING)) && m_tlsError.isEmpty() &&
        (line.contains(QLatin1StringView("SSL")) || line.contains(QLatin1StringView("TLS"))))
        m_tlsError = line;
}

} // namespace ConfigDeck::Transport
