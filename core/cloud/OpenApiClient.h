#pragma once

#include "alink/AlinkError.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <deque>
#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;
QT_END_NAMESPACE

namespace ConfigDeck::Store {
class WipedBytes;
}

namespace ConfigDeck::Cloud {

class AccountProfile;

// What an API call answered when it failed: the API's Code, Message and RequestId, or a transport problem.
struct OpenApiError
{
    Q_DECLARE_TR_FUNCTIONS(OpenApiError)

public:
    QString action;
    QString code; // the API's Code; empty for a transport problem
    QString message;
    QString requestId;
    int httpStatus = 0;

    bool isThrottling() const;
    // What to check for this code (AccessKey, RAM permission, instance, region, clock), or empty.
    static QString advice(const QString& code);
    // The whole story in words: what failed, the API's own message, the RequestId, what to check.
    QString words() const;
    Alink::AlinkError toError() const;
};

// The IoT Platform OpenAPI (RPC style, version 2018-01-20) over HTTPS with signed GET requests: products,
// devices (paged), DeviceSecrets and online state. Asynchronous and cancellable; the QNetworkAccessManager
// comes from outside. Requests go out no faster than the rate cap; throttling answers (Throttling*,
// HTTP 429/503) are retried with exponential back-off; every response is size-capped and timed out.
class OpenApiClient final : public QObject
{
    Q_OBJECT

public:
    static inline const QString kApiVersion = QStringLiteral("2018-01-20");
    static constexpr int kProductPageSize = 200; // QueryProductList allows up to 200
    static constexpr int kDevicePageSize = 50;   // QueryDevice allows up to 50
    static constexpr int kSecretBatchSize = 100; // BatchQueryDeviceDetail takes up to 100 names
    static constexpr int kStateBatchSize = 50;   // BatchGetDeviceState takes up to 50 names

    struct Limits
    {
        int timeoutMs = 20000;
        qint64 maxResponseBytes = 8 * 1024 * 1024;
        int maxPages = 2000; // per listing
        int maxRetries = 6;  // throttled attempts before giving up
        int firstBackoffMs = 500;
        int maxBackoffMs = 30000;
        int requestsPerSecond = 10; // 0: no cap
    };

    struct Product
    {
        QString productKey;
        QString name;
        int deviceCount = 0;
        int nodeType = 0;
    };
    struct Device
    {
        QString productKey;
        QString deviceName;
        QString status; // ONLINE, OFFLINE, UNACTIVE, DISABLE as the platform says
        QString iotId;
    };

    template <typename T>
    using Handler = std::function<void(Alink::Expected<T>)>;

    // The secret is copied into a buffer of the client's own, wiped at destruction.
    OpenApiClient(QNetworkAccessManager* network, const AccountProfile& profile,
                  QByteArrayView accessKeySecret, QObject* parent = nullptr);
    ~OpenApiClient() override;

    void setLimits(const Limits& limits) { m_limits = limits; }
    const Limits& limits() const { return m_limits; }

    // One call: Action plus its parameters (RegionId and IotInstanceId are added). The handler gets the
    // response object, or the error (the API's, or a transport one) with words.
    void call(const QString& action, const QMap<QString, QString>& parameters, Handler<QJsonObject> handler);

    void queryProducts(Handler<QList<Product>> handler);
    void queryDevices(const QString& productKey, Handler<QList<Device>> handler);
    // DeviceName -> DeviceSecret (in batches of kSecretBatchSize).
    void queryDeviceSecrets(const QString& productKey, const QStringList& deviceNames,
                            Handler<QHash<QString, QByteArray>> handler);
    // DeviceName -> ONLINE, OFFLINE, UNACTIVE or DISABLE (in batches of kStateBatchSize).
    void queryDeviceStates(const QString& productKey, const QStringList& deviceNames,
                           Handler<QHash<QString, QString>> handler);

    // Aborts every call; their handlers get a "cancelled" error.
    void cancel();
    bool isBusy() const { return !m_calls.empty(); }
    int requestsSent() const { return m_requestsSent; }

    static QString cancelledMessage();

signals:
    void retrying(const QString& action, int attempt, int delayMs, const QString& code);
    void progress(const QString& text);

private:
    struct Call;
    void enqueue(const std::shared_ptr<Call>& call, int delayMs);
    void pump();
    void send(const std::shared_ptr<Call>& call);
    void finish(const std::shared_ptr<Call>& call, Alink::Expected<QJsonObject> result);
    void onReplyFinished(const std::shared_ptr<Call>& call, QNetworkReply* reply);
    template <typename Item>
    void page(const QString& action, const QMap<QString, QString>& parameters, int pageSize,
              std::function<QList<Item>(const QJsonObject&, int* pageCount)> extract,
              std::shared_ptr<QList<Item>> collected, int pageNumber, Handler<QList<Item>> handler);
    // One call of `action` per batch of deviceNames (DeviceName.1, DeviceName.2, ...), one after the other;
    // `collect` takes each answer's DeviceName -> value pairs into the result.
    template <typename Value>
    void inBatches(const QString& action, const QString& productKey, const QStringList& deviceNames,
                   qsizetype batchSize,
                   std::function<void(const QJsonObject&, QHash<QString, Value>&)> collect,
                   Handler<QHash<QString, Value>> handler);

    QNetworkAccessManager* m_network;
    QUrl m_baseUrl;
    QString m_regionId;
    QString m_instanceId;
    QString m_accessKeyId;
    QString m_caFile;
    std::unique_ptr<Store::WipedBytes> m_secret;
    Limits m_limits;
    std::deque<std::shared_ptr<Call>> m_queue; // waiting for the rate cap
    QList<std::shared_ptr<Call>> m_calls;      // every call not finished yet
    QTimer* m_pumpTimer;
    QDeadlineTimer m_nextSend;
    int m_requestsSent = 0;
};

} // namespace ConfigDeck::Cloud
