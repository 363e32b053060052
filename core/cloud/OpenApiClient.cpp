#include "OpenApiClient.h"

#include "AccountProfile.h"
#include "CloudLog.h"
#include "OpenApiSigner.h"
#include "store/secrets/WipedBytes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace ConfigDeck::Cloud {

using Alink::AlinkError;
using Alink::Expected;

namespace {

struct CodeAdvice
{
    const char* code;
    bool prefix; // the advice holds for every code that starts with this one
    const char* advice;
};

// The codes that the OpenAPI gateway and IoT Platform answer, and what the operator can do about them.
constexpr CodeAdvice kAdvice[] = {
    {"InvalidAccessKeyId.NotFound", false,
     QT_TRANSLATE_NOOP("OpenApiError", "The AccessKey ID is not known. Check that it was copied whole, from "
                                       "the RAM user's AccessKey, and that the AccessKey was not deleted.")},
    {"InvalidAccessKeyId.Inactive", false,
     QT_TRANSLATE_NOOP("OpenApiError", "The AccessKey is disabled. Enable it in the RAM console, or create a "
                                       "new one for the RAM user.")},
    {"InvalidAccessKeyId", true,
     QT_TRANSLATE_NOOP("OpenApiError", "The AccessKey ID is not valid. Check the account profile.")},
    {"SignatureDoesNotMatch", false,
     QT_TRANSLATE_NOOP("OpenApiError", "The AccessKey Secret does not belong to this AccessKey ID. Enter the "
                                       "secret again in the account profile (the RAM console shows it only "
                                       "when the AccessKey is created).")},
    {"IncompleteSignature", false,
     QT_TRANSLATE_NOOP("OpenApiError", "The request's signature was refused. Enter the AccessKey Secret "
                                       "again; if it persists, a proxy may be changing the request.")},
    {"InvalidTimeStamp", true,
     QT_TRANSLATE_NOOP("OpenApiError",
                       "The request's time was refused. Check this computer's clock, date and "
                       "time zone: the platform allows only a few minutes of difference.")},
    {"SignatureNonceUsed", false,
     QT_TRANSLATE_NOOP("OpenApiError", "The platform saw this request before (a replay). Try again; if it "
                                       "persists, a proxy may be repeating requests.")},
    {"Forbidden.RAM", false,
     QT_TRANSLATE_NOOP("OpenApiError",
                       "The RAM user may not call this API. Attach the AliyunIOTReadOnlyAccess "
                       "policy (or one that allows iot:QueryProductList, iot:QueryDevice, "
                       "iot:BatchQueryDeviceDetail and iot:BatchGetDeviceState) to it.")},
    {"Forbidden", true,
     QT_TRANSLATE_NOOP("OpenApiError", "The AccessKey may not call this API. Give the RAM user the "
                                       "AliyunIOTReadOnlyAccess policy, and check that IoT Platform is "
                                       "activated for the account.")},
    {"NoPermission", true,
     QT_TRANSLATE_NOOP("OpenApiError", "The RAM user has no permission for this API. Attach the "
                                       "AliyunIOTReadOnlyAccess policy to it.")},
    {"iot.common.AuthActionPermissionDeny", false,
     QT_TRANSLATE_NOOP("OpenApiError", "The RAM user has no permission for this API. Attach the "
                                       "AliyunIOTReadOnlyAccess policy to it.")},
    {"iot.common.InvalidTenant", false,
     QT_TRANSLATE_NOOP("OpenApiError", "The account or instance was not found. Check the instance ID: an "
                                       "Enterprise Edition instance needs its ID (iot-...), the region's "
                                       "public instance needs none; and check that the instance is in the "
                                       "region given.")},
    {"iot.system.instanceNotFound", false,
     QT_TRANSLATE_NOOP("OpenApiError", "The instance was not found. Check the instance ID and the region.")},
    {"InvalidRegionId", true,
     QT_TRANSLATE_NOOP("OpenApiError", "The region is not valid. Use the region where IoT Platform is "
                                       "activated, for example cn-shanghai.")},
    {"InvalidApi.NotFound", false,
     QT_TRANSLATE_NOOP("OpenApiError", "The endpoint does not know this API. Check the region, and the "
                                       "OpenAPI address if it was changed.")},
    {"iot.prod.NotExistedProduct", false,
     QT_TRANSLATE_NOOP("OpenApiError", "The product does not exist in this instance. Check the instance ID "
                                       "and the region.")},
    {"Throttling", true,
     QT_TRANSLATE_NOOP("OpenApiError", "The platform's request rate limit (QPS) was reached and the retries "
                                       "with back-off did not get through. Try again later, or import fewer "
                                       "products at a time.")},
    {"ServiceUnavailable", true,
     QT_TRANSLATE_NOOP("OpenApiError", "The platform is unavailable for the moment. Try again later.")},
};

AlinkError clientError(const QString& text)
{
    return AlinkError{QString(), text, -1};
}

QList<QJsonObject> objects(const QJsonValue& value)
{
    QList<QJsonObject> result;
    for (const QJsonValue& item : value.toArray())
        result.append(item.toObject());
    return result;
}

QStringList chunk(const QStringList& names, qsizetype from, qsizetype size)
{
    return names.mid(from, size);
}

} // namespace

bool OpenApiError::isThrottling() const
{
    return code.startsWith(QLatin1String("Throttling")) ||
           (code.isEmpty() && (httpStatus == 429 || httpStatus == 503)) ||
           code == QLatin1String("ServiceUnavailable");
}

QString OpenApiError::advice(const QString& code)
{
    for (const CodeAdvice& entry : kAdvice) {
        const QLatin1StringView known(entry.code);
        if (code == known || (entry.prefix && code.startsWith(known)))
            return QCoreApplication::translate("OpenApiError", entry.advice);
    }
    return {};
}

QString OpenApiError::words() const
{
    QString text;
    if (code.isEmpty())
        text = tr("%1 failed: %2").arg(action, message);
    else
        text =
            tr("%1 failed with %2: %3").arg(action, code, message.isEmpty() ? tr("(no message)") : message);
    if (!requestId.isEmpty())
        text += u' ' + tr("(RequestId %1)").arg(requestId);
    QString check = code.isEmpty()
                        ? tr("Check the network, any proxy, the OpenAPI address and, for a private "
                             "deployment, its CA certificate.")
                        : advice(code);
    if (!check.isEmpty())
        text += u'\n' + check;
    return text;
}

AlinkError OpenApiError::toError() const
{
    return AlinkError{QString(), words(), -1};
}

struct OpenApiClient::Call
{
    QString action;
    QMap<QString, QString> parameters;
    Handler<QJsonObject> handler;
    int attempt = 0;
    bool done = false;
    bool tooLarge = false;
    QPointer<QNetworkReply> reply;
};

OpenApiClient::OpenApiClient(QNetworkAccessManager* network, const AccountProfile& profile,
                             QByteArrayView accessKeySecret, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(profile.effectiveOpenApiUrl())
    , m_regionId(profile.regionId)
    , m_instanceId(profile.instanceId)
    , m_accessKeyId(profile.accessKeyId)
    , m_caFile(profile.caFile)
    , m_secret(std::make_unique<Store::WipedBytes>(accessKeySecret))
    , m_pumpTimer(new QTimer(this))
{
    m_pumpTimer->setSingleShot(true);
    connect(m_pumpTimer, &QTimer::timeout, this, &OpenApiClient::pump);
}

OpenApiClient::~OpenApiClient()
{
    for (const auto& call : std::as_const(m_calls)) {
        call->done = true;
        if (call->reply)
            call->reply->abort();
    }
}

QString OpenApiClient::cancelledMessage()
{
    return OpenApiError::tr("Cancelled: nothing more was asked of the platform.");
}

void OpenApiClient::call(const QString& action, const QMap<QString, QString>& parameters,
                         Handler<QJsonObject> handler)
{
    auto call = std::make_shared<Call>();
    call->action = action;
    call->parameters = parameters;
    call->parameters.insert(QStringLiteral("Action"), action);
    call->parameters.insert(QStringLiteral("RegionId"), m_regionId);
    if (!m_instanceId.isEmpty())
        call->parameters.insert(QStringLiteral("IotInstanceId"), m_instanceId);
    call->handler = std::move(handler);
    m_calls.append(call);
    enqueue(call, 0);
}

void OpenApiClient::enqueue(const std::shared_ptr<Call>& call, int delayMs)
{
    if (delayMs <= 0) {
        m_queue.push_back(call);
        pump();
        return;
    }
    std::weak_ptr<Call> weak = call;
    QTimer::singleShot(delayMs, this, [this, weak] {
        const auto alive = weak.lock();
        if (!alive || alive->done)
            return;
        m_queue.push_back(alive);
        pump();
    });
}

void OpenApiClient::pump()
{
    while (!m_queue.empty()) {
        if (m_limits.requestsPerSecond > 0 && !m_nextSend.hasExpired()) {
            m_pumpTimer->start(int(std::max<qint64>(1, m_nextSend.remainingTime())));
            return;
        }
        const std::shared_ptr<Call> next = m_queue.front();
        m_queue.pop_front();
        if (next->done)
            continue;
        if (m_limits.requestsPerSecond > 0)
            m_nextSend = QDeadlineTimer(std::max(1, 1000 / m_limits.requestsPerSecond));
        send(next);
    }
}

void OpenApiClient::send(const std::shared_ptr<Call>& call)
{
    const QByteArray query = OpenApiSigner::signedQuery("GET", call->parameters, kApiVersion, m_accessKeyId,
                                                        m_secret->view(), QDateTime::currentDateTimeUtc(),
                                                        QUuid::createUuid().toString(QUuid::WithoutBraces));
    QByteArray base = m_baseUrl.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (!base.endsWith('/'))
        base.append('/');
    QNetworkRequest request(QUrl::fromEncoded(base + '?' + query, QUrl::StrictMode));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_limits.timeoutMs);
    if (!m_caFile.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(m_caFile, QSsl::Pem));
        request.setSslConfiguration(tls);
    }
    ++m_requestsSent;
    ++call->attempt;
    qCInfo(lcCloud) << "OpenAPI" << call->action << "attempt" << call->attempt;
    QNetworkReply* reply = m_network->get(request);
    call->reply = reply;
    const qint64 cap = m_limits.maxResponseBytes;
    connect(reply, &QNetworkReply::downloadProgress, this, [call, reply, cap](qint64 received, qint64) {
        if (received > cap && !call->tooLarge) {
            call->tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] { onReplyFinished(call, reply); });
}

void OpenApiClient::onReplyFinished(const std::shared_ptr<Call>& call, QNetworkReply* reply)
{
    reply->deleteLater();
    if (call->done)
        return;
    OpenApiError error;
    error.action = call->action;
    error.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (call->tooLarge) {
        error.message = OpenApiError::tr("the answer is larger than %1 bytes").arg(m_limits.maxResponseBytes);
        finish(call, error.toError());
        return;
    }
    const QByteArray body = reply->readAll();
    if (error.httpStatus == 0) {
        error.message = reply->error() == QNetworkReply::OperationCanceledError
                            ? OpenApiError::tr("no answer within %1 s").arg(m_limits.timeoutMs / 1000.0)
                            : reply->errorString();
        finish(call, error.toError());
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject object = document.object();
    error.code = object.value(QStringLiteral("Code")).toString();
    error.requestId = object.value(QStringLiteral("RequestId")).toString();
    error.message = object.value(QStringLiteral("Message")).toString();
    if (error.message.isEmpty())
        error.message = object.value(QStringLiteral("ErrorMessage")).toString();
    const bool failed =
        error.httpStatus >= 400 || object.value(QStringLiteral("Success")).toBool(true) == false;
    if (!failed && !document.isObject()) {
        error.message = OpenApiError::tr("the answer is not JSON (%1)").arg(parseError.errorString());
        finish(call, error.toError());
        return;
    }
    if (!failed) {
        finish(call, object);
        return;
    }
    if (error.message.isEmpty() && error.code.isEmpty())
        error.message = OpenApiError::tr("HTTP status %1").arg(error.httpStatus);
    if (error.isThrottling() && call->attempt <= m_limits.maxRetries) {
        const int delay = int(
            std::min<qint64>(m_limits.maxBackoffMs, qint64(m_limits.firstBackoffMs) << (call->attempt - 1)));
        qCInfo(lcCloud) << "OpenAPI" << call->action << "throttled (" << error.code << "), retrying in"
                        << delay << "ms";
        emit retrying(call->action, call->attempt, delay, error.code);
        enqueue(call, delay);
        return;
    }
    qCWarning(lcCloud) << "OpenAPI" << call->action << "failed:" << error.code << error.requestId;
    finish(call, error.toError());
}

void OpenApiClient::finish(const std::shared_ptr<Call>& call, Expected<QJsonObject> result)
{
    if (call->done)
        return;
    call->done = true;
    m_calls.removeOne(call);
    const Handler<QJsonObject> handler = std::move(call->handler);
    if (handler)
        handler(std::move(result));
}

void OpenApiClient::cancel()
{
    const auto calls = m_calls;
    m_queue.clear();
    for (const auto& call : calls) {
        QPointer<QNetworkReply> reply = call->reply;
        finish(call, clientError(cancelledMessage()));
        if (reply)
            reply->abort();
    }
}

template <typename Item>
void OpenApiClient::page(const QString& action, const QMap<QString, QString>& parameters, int pageSize,
                         std::function<QList<Item>(const QJsonObject&, int* pageCount)> extract,
                         std::shared_ptr<QList<Item>> collected, int pageNumber, Handler<QList<Item>> handler)
{
    QMap<QString, QString> paged = parameters;
    paged.insert(QStringLiteral("CurrentPage"), QString::number(pageNumber));
    paged.insert(QStringLiteral("PageSize"), QString::number(pageSize));
    call(action, paged,
         [this, action, parameters, pageSize, extract, collected, pageNumber,
          handler](Expected<QJsonObject> answer) {
             if (!answer) {
                 handler(answer.error());
                 return;
             }
             int pageCount = 0;
             const QList<Item> items = extract(*answer, &pageCount);
             collected->append(items);
             emit progress(OpenApiError::tr("%1: page %2 of %3").arg(action).arg(pageNumber).arg(pageCount));
             if (items.isEmpty() || pageNumber >= pageCount) {
                 handler(*collected);
                 return;
             }
             if (pageNumber >= m_limits.maxPages) {
                 handler(clientError(OpenApiError::tr("%1 has more than %2 pages; stopped there.")
                                         .arg(action)
                                         .arg(m_limits.maxPages)));
                 return;
             }
             page<Item>(action, parameters, pageSize, extract, collected, pageNumber + 1, handler);
         });
}

void OpenApiClient::queryProducts(Handler<QList<Product>> handler)
{
    page<Product>(
        QStringLiteral("QueryProductList"), {}, kProductPageSize,
        [](const QJsonObject& answer, int* pageCount) {
            const QJsonObject data = answer.value(QStringLiteral("Data")).toObject();
            *pageCount = data.value(QStringLiteral("PageCount")).toInt();
            QList<Product> products;
            for (const QJsonObject& info :
                 objects(data.value(QStringLiteral("List")).toObject().value(QStringLiteral("ProductInfo"))))
                products.append(Product{info.value(QStringLiteral("ProductKey")).toString(),
                                        info.value(QStringLiteral("ProductName")).toString(),
                                        info.value(QStringLiteral("DeviceCount")).toInt(),
                                        info.value(QStringLiteral("NodeType")).toInt()});
            return products;
        },
        std::make_shared<QList<Product>>(), 1, std::move(handler));
}

void OpenApiClient::queryDevices(const QString& productKey, Handler<QList<Device>> handler)
{
    page<Device>(
        QStringLiteral("QueryDevice"), {{QStringLiteral("ProductKey"), productKey}}, kDevicePageSize,
        [productKey](const QJsonObject& answer, int* pageCount) {
            *pageCount = answer.value(QStringLiteral("PageCount")).toInt();
            QList<Device> devices;
            for (const QJsonObject& info :
                 objects(answer.value(QStringLiteral("Data")).toObject().value(QStringLiteral("DeviceInfo"))))
                devices.append(Device{productKey, info.value(QStringLiteral("DeviceName")).toString(),
                                      info.value(QStringLiteral("DeviceStatus")).toString(),
                                      info.value(QStringLiteral("IotId")).toString()});
            return devices;
        },
        std::make_shared<QList<Device>>(), 1, std::move(handler));
}

template <typename Value>
void OpenApiClient::inBatches(const QString& action, const QString& productKey,
                              const QStringList& deviceNames, qsizetype batchSize,
                              std::function<void(const QJsonObject&, QHash<QString, Value>&)> collect,
                              Handler<QHash<QString, Value>> handler)
{
    auto collected = std::make_shared<QHash<QString, Value>>();
    auto next = std::make_shared<qsizetype>(0);
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, action, productKey, deviceNames, batchSize, collect, handler, collected, next,
             weakStep = std::weak_ptr(step)] {
        if (*next >= deviceNames.size()) {
            handler(*collected);
            return;
        }
        QMap<QString, QString> parameters{{QStringLiteral("ProductKey"), productKey}};
        const QStringList batch = chunk(deviceNames, *next, batchSize);
        for (qsizetype i = 0; i < batch.size(); ++i)
            parameters.insert(QStringLiteral("DeviceName.%1").arg(i + 1), batch.at(i));
        *next += batch.size();
        const auto keep = weakStep.lock();
        call(action, parameters, [collect, handler, collected, keep](Expected<QJsonObject> answer) {
            if (!answer) {
                handler(answer.error());
                return;
            }
            collect(*answer, *collected);
            (*keep)();
        });
    };
    (*step)();
}

void OpenApiClient::queryDeviceSecrets(const QString& productKey, const QStringList& deviceNames,
                                       Handler<QHash<QString, QByteArray>> handler)
{
    inBatches<QByteArray>(
        QStringLiteral("BatchQueryDeviceDetail"), productKey, deviceNames, kSecretBatchSize,
        [](const QJsonObject& answer, QHash<QString, QByteArray>& secrets) {
            for (const QJsonObject& info :
                 objects(answer.value(QStringLiteral("Data")).toObject().value(QStringLiteral("Data"))))
                secrets.insert(info.value(QStringLiteral("DeviceName")).toString(),
                               info.value(QStringLiteral("DeviceSecret")).toString().toUtf8());
        },
        std::move(handler));
}

void OpenApiClient::queryDeviceStates(const QString& productKey, const QStringList& deviceNames,
                                      Handler<QHash<QString, QString>> handler)
{
    inBatches<QString>(
        QStringLiteral("BatchGetDeviceState"), productKey, deviceNames, kStateBatchSize,
        [](const QJsonObject& answer, QHash<QString, QString>& states) {
            for (const QJsonObject& status : objects(answer.value(QStringLiteral("DeviceStatusList"))
                                                         .toObject()
                                                         .value(QStringLiteral("DeviceStatus"))))
                states.insert(status.value(QStringLiteral("DeviceName")).toString(),
                              status.value(QStringLiteral("Status")).toString());
        },
        std::move(handler));
}

} // namespace ConfigDeck::Cloud
