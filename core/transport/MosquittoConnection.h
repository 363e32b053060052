#pragma once

#include "MqttConnection.h"
#include "ReconnectBackoff.h"

#include <QHash>
#include <QSet>

#include <memory>

class QSocketNotifier;
class QTimer;
struct mosquitto;

namespace ConfigDeck::Transport {

struct MosquittoCallbacks;

// MqttConnection over libmosquitto, driven by the Qt event loop of the owning thread: no extra thread.
// mosquitto_connect_async opens the socket, a read QSocketNotifier calls mosquitto_loop_read, a write
// notifier (enabled only while mosquitto_want_write) calls mosquitto_loop_write, and a timer calls
// mosquitto_loop_misc for the keep-alive. libmosquitto's callbacks become this object's signals.
//
// Each client costs 3 file descriptors: its socket plus the socket pair libmosquitto keeps to wake up its
// own loop (unused here, but always created). At 20,000 open files a process holds about 6,600 clients.
//
// libmosquitto 2.0 can only advance a TLS handshake inside mosquitto_loop() (eclipse/mosquitto#942, #1507),
// so until the CONNACK of a TLS connection the socket events call mosquitto_loop() with a zero timeout.
// That uses select(), so a TLS handshake needs a socket number below FD_SETSIZE (1024) on Unix.
class MosquittoConnection final : public MqttConnection
{
    Q_OBJECT

public:
    explicit MosquittoConnection(QObject* parent = nullptr);
    ~MosquittoConnection() override;

    std::optional<Alink::AlinkError> connectToBroker(const MqttConnectOptions& options) override;
    void disconnectFromBroker() override;
    std::optional<Alink::AlinkError> subscribe(const QString& filter, int qos = 1) override;
    std::optional<Alink::AlinkError> unsubscribe(const QString& filter) override;
    Alink::Expected<int> publish(const QString& topic, const QByteArray& payload, int qos = 0,
                                 bool retain = false) override;
    int unacknowledgedCount() const override { return int(m_pendingAcks.size()); }
    bool hasUnsentMessages() const override;

private:
    friend struct MosquittoCallbacks;

    // Outlives the object when it is deleted from a slot while libmosquitto is still on the stack.
    struct Life
    {
        bool alive = true;
        int depth = 0; // nesting of calls into libmosquitto that may run callbacks
    };
    class CallScope;

    std::optional<Alink::AlinkError> createHandle();
    void dropHandle();
    void startAttempt();
    void onSocketReadable();
    void onSocketWritable();
    void onMiscTimer();
    void afterCall(int rc, int savedErrno);
    void syncNotifiers(bool allowWrite = true);
    bool endAttempt(int rc, int savedErrno);
    QString describeFailure(int rc, int savedErrno, bool duringTlsHandshake);
    void sendSubscribe(const QString& filter, int qos);

    void handleConnack(int rc);
    void handleDisconnect(int rc);
    void handleMessage(const char* topic, const void* payload, int length);
    void handlePublished(int mid, int reasonCode);
    void handleSubscribed(int mid, int count, const int* granted);
    void handleLog(int level, const char* text);

    mosquitto* m_mosq = nullptr;
    QSocketNotifier* m_readNotifier = nullptr;
    QSocketNotifier* m_writeNotifier = nullptr;
    QTimer* m_miscTimer = nullptr;
    QTimer* m_reconnectTimer = nullptr;
    QTimer* m_handshakeWriteTimer = nullptr;
    qintptr m_fd = -1;
    bool m_socketChanged = false;
    bool m_attemptOpen = false; // an attempt or a connection is under way and has not been reported as ended
    bool m_userDisconnect = false;
    bool m_tlsHandshake = false;
    bool m_tlsVerifyFailed = false;
    QString m_refusal;
    bool m_refusalPermanent = false;
    QString m_tlsError;
    QHash<int, QString> m_pendingSubscribes; // message ID -> filter
    QSet<int> m_pendingAcks;                 // QoS 1 message IDs not yet acknowledged
    ReconnectBackoff m_backoff;
    std::shared_ptr<Life> m_life;
};

} // namespace ConfigDeck::Transport
