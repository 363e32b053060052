#include "PlatformService.h"

#include "RolesLog.h"
#include "WireEvent.h"
#include "alink/AlinkCodec.h"
#include "alink/Topic.h"
#include "transfer/FileServer.h"
#include "transport/MqttConnection.h"
#include "transport/TopicFilter.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ConfigDeck::Roles {

using Alink::AlinkCodec;
using Alink::AlinkError;
using Alink::Topic;
using Alink::TopicKind;
using Store::MessageDirection;

namespace {

constexpr qsizetype kResolvedMemory = 200000; // replies remembered to recognise duplicates

} // namespace

PlatformService::PlatformService(Transport::MqttConnection* connection, Transfer::FileServer* fileServer,
                                 QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_fileServer(fileServer)
{
    connect(m_connection, &Transport::MqttConnection::messageReceived, this, &PlatformService::onMessage);
    connect(m_connection, &Transport::MqttConnection::messageDropped, this,
            [this](const QString& topic, qint64, const QString& reason) { emit wireError(topic, reason); });
}

PlatformService::~PlatformService() = default;

QStringList PlatformService::subscriptionFilters(const PlatformSettings& settings)
{
    QStringList filters;
    for (auto kind : {TopicKind::ConfigGet, TopicKind::ConfigPushReply}) {
        const QString filter = Topic::filter(kind);
        // The broker delivers a shared subscription's messages under their real topic: parsing stays the
        // same.
        filters << (settings.shareGroup.isEmpty()
                        ? filter
                        : Transport::TopicFilter::shared(settings.shareGroup, filter));
    }
    return filters;
}

std::optional<AlinkError> PlatformService::start()
{
    if (!m_settings.shareGroup.isEmpty()) {
        if (auto invalid = Transport::TopicFilter::validateShareName(m_settings.shareGroup))
            return invalid;
    }
    for (const QString& filter : subscriptionFilters(m_settings)) {
        if (auto error = m_connection->subscribe(filter, m_settings.qos))
            return error;
    }
    return std::nullopt;
}

void PlatformService::setProduct(const PlatformProduct& product)
{
    m_products.insert(product.productKey, product);
    if (product.config)
        m_contents.insert(product.config->sha256, product.config->content);
}

const PlatformProduct* PlatformService::product(const QString& productKey) const
{
    const auto it = m_products.constFind(productKey);
    return it == m_products.cend() ? nullptr : &it.value();
}

QStringList PlatformService::productKeys() const
{
    QStringList keys = m_products.keys();
    keys.sort();
    return keys;
}

void PlatformService::setRemoteConfigEnabled(const QString& productKey, bool enabled)
{
    auto it = m_products.find(productKey);
    if (it == m_products.end()) {
        PlatformProduct product;
        product.productKey = productKey;
        it = m_products.insert(productKey, product);
    }
    it->remoteConfigEnabled = enabled;
}

std::optional<AlinkError> PlatformService::validateContent(const QByteArray& content, qint64 maxBytes,
                                                           bool jsonOnly)
{
    if (content.isEmpty())
        return AlinkError{QStringLiteral("config"), tr("the configuration file is empty"), -1};
    if (maxBytes > 0 && content.size() > maxBytes)
        return AlinkError{
            QStringLiteral("config"),
            tr("the configuration is %1 bytes; the limit is %2 bytes").arg(content.size()).arg(maxBytes), -1};
    if (jsonOnly) {
        QJsonParseError error;
        QJsonDocument::fromJson(content, &error);
        if (error.error != QJsonParseError::NoError)
            return AlinkError{QStringLiteral("config"),
                              tr("the configuration must be JSON: %1").arg(error.errorString()),
                              error.offset};
    }
    return std::nullopt;
}

Alink::Expected<PublishedConfig>
PlatformService::publishConfig(const QString& productKey, const QByteArray& content, const QString& fileName)
{
    if (auto error = Topic::validateSegment(productKey, QStringLiteral("productKey")))
        return *error;
    const bool limits = hasAlibabaLimits(productKey);
    if (auto invalid = validateContent(content, limits ? m_settings.maxConfigBytes : 0, limits))
        return *invalid;

    PublishedConfig config;
    config.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    config.configId = config.sha256.left(16); // stable per content: the same file is the same configuration
    config.content = content;
    config.fileName = fileName.isEmpty() ? QStringLiteral("config.json") : fileName;

    auto it = m_products.find(productKey);
    if (it == m_products.end()) {
        PlatformProduct product;
        product.productKey = productKey;
        it = m_products.insert(productKey, product);
    }
    it->config = config;
    m_contents.insert(config.sha256, content);
    return config;
}

std::optional<QByteArray> PlatformService::content(const QString& sha256) const
{
    const auto it = m_contents.constFind(sha256.toLower());
    if (it == m_contents.cend())
        return std::nullopt;
    return it.value();
}

std::optional<AlinkError> PlatformService::checkPush(const QString& productKey,
                                                     const QStringList& deviceNames) const
{
    const PlatformProduct* target = product(productKey);
    if (!target)
        return AlinkError{QStringLiteral("productKey"), tr("product %1 is not known").arg(productKey), -1};
    if (!target->remoteConfigEnabled)
        return AlinkError{QStringLiteral("productKey"),
                          tr("remote configuration is switched off for product %1").arg(productKey), -1};
    if (!target->config)
        return AlinkError{QStringLiteral("productKey"),
                          tr("product %1 has no configuration to push").arg(productKey), -1};
    if (deviceNames.isEmpty() && target->devices.isEmpty())
        return AlinkError{QStringLiteral("devices"),
                          tr("product %1 has no known devices to push to").arg(productKey), -1};
    if (!hasAlibabaLimits(productKey))
        return std::nullopt;

    if (!deviceNames.isEmpty() && QSet<QString>(deviceNames.cbegin(), deviceNames.cend()) != target->devices)
        return AlinkError{QStringLiteral("devices"),
                          tr("with Alibaba limits a push goes to the whole product, not to single devices"),
                          -1};
    if (target->lastPush.isValid()) {
        const qint64 since = target->lastPush.secsTo(QDateTime::currentDateTimeUtc());
        if (since < m_settings.pushCooldown.count())
            return AlinkError{QStringLiteral("productKey"),
                              tr("product %1 was pushed %2 min ago; the next push is allowed in %3 min")
                                  .arg(productKey)
                                  .arg(since / 60)
                                  .arg((m_settings.pushCooldown.count() - since + 59) / 60),
                              -1};
    }
    if (target->pushedSha256.contains(target->config->sha256))
        return AlinkError{QStringLiteral("config"),
                          tr("this configuration file was already pushed to product %1").arg(productKey), -1};
    return std::nullopt;
}

Alink::Expected<QList<PushTicket>> PlatformService::push(const QString& productKey,
                                                         const QStringList& deviceNames,
                                                         const QStringList& messageIds)
{
    if (auto error = checkPush(productKey, deviceNames))
        return *error;
    if (!messageIds.isEmpty() && messageIds.size() != deviceNames.size())
        return AlinkError{QStringLiteral("messageIds"), tr("one message id per device is needed"), -1};
    if (!m_connection->isConnected())
        return AlinkError{QStringLiteral("broker"), tr("not connected to the broker"), -1};

    PlatformProduct& target = m_products[productKey];
    QStringList devices = deviceNames;
    if (devices.isEmpty()) {
        devices = target.devices.values();
        devices.sort();
    }
    const Alink::ConfigFile file = configFile(*target.config);

    QList<PushTicket> tickets;
    tickets.reserve(devices.size());
    for (qsizetype i = 0; i < devices.size(); ++i) {
        const QString& deviceName = devices.at(i);
        if (auto error = Topic::validateSegment(deviceName, QStringLiteral("deviceName")))
            return *error;
        PushTicket ticket{productKey, deviceName, messageIds.isEmpty() ? m_ids.next() : messageIds.at(i),
                          target.config->sha256};
        const auto payload = AlinkCodec::encode(Alink::ConfigPush{ticket.messageId, file, true});
        if (!payload)
            return payload.error();
        const QString topic = Topic(TopicKind::ConfigPush, productKey, deviceName).toString();
        if (!send(topic, *payload, productKey, deviceName, ticket.messageId, std::nullopt))
            return AlinkError{QStringLiteral("broker"), tr("the broker connection was lost while pushing"),
                              -1};
        const QString key = pendingKey(productKey, deviceName, ticket.messageId);
        Pending pending{ticket, {}};
        pending.sent.start();
        m_pending.insert(key, pending);

        Store::DeviceStateUpdate update;
        update.productKey = productKey;
        update.deviceName = deviceName;
        update.state = Store::ConfigState::Pushed;
        emit deviceStateChanged(update);
        tickets << ticket;
    }
    target.lastPush = QDateTime::currentDateTimeUtc();
    target.pushedSha256.insert(target.config->sha256);
    return tickets;
}

bool PlatformService::isConnected() const
{
    return m_connection->isConnected();
}

void PlatformService::forget(const PushTicket& ticket)
{
    const QString key = pendingKey(ticket.productKey, ticket.deviceName, ticket.messageId);
    if (m_pending.remove(key))
        m_forgotten.insert(key, ticket);
}

Alink::ConfigFile PlatformService::configFile(const PublishedConfig& config) const
{
    Alink::ConfigFile file;
    file.configId = config.configId;
    file.configSize = config.content.size();
    file.sign = config.sha256;
    file.signMethod = Alink::SignMethod::Sha256;
    file.url = m_fileServer->signedUrl(config.sha256, config.fileName, m_settings.urlValidity).toString();
    return file;
}

bool PlatformService::send(const QString& topic, const QByteArray& payload, const QString& productKey,
                           const QString& deviceName, const QString& messageId, std::optional<int> code)
{
    const auto sent = m_connection->publish(topic, payload, m_settings.qos);
    if (!sent) {
        qCWarning(lcRoles) << "publish failed on" << topic << sent.error().message();
        emit wireError(topic, sent.error().message());
        return false;
    }
    emit messageLogged(
        logEntry(MessageDirection::Out, topic, payload, productKey, deviceName, messageId, code));
    return true;
}

void PlatformService::onMessage(const QString& topicText, const QByteArray& payload)
{
    const auto topic = Topic::parse(topicText);
    if (!topic) {
        emit messageLogged(logEntry(MessageDirection::In, topicText, payload, {}, {}));
        emit wireError(topicText, topic.error().message());
        return;
    }
    switch (topic->kind()) {
    case TopicKind::ConfigGet:
        answerGet(topic->productKey(), topic->deviceName(), topicText, payload);
        break;
    case TopicKind::ConfigPushReply:
        takePushReply(topic->productKey(), topic->deviceName(), topicText, payload);
        break;
    default:
        break; // our own pushes and replies echoed by a broker: not for the platform to answer
    }
}

bool PlatformService::hasAlibabaLimits(const QString& productKey) const
{
    if (m_settings.alibabaLimits)
        return true;
    const PlatformProduct* target = product(productKey);
    return target && target->alibabaLimits;
}

std::optional<int> PlatformService::refusal(const QString& productKey, const QString& deviceName) const
{
    const PlatformProduct* target = product(productKey);
    if (!target)
        return 6250; // product not found
    if (!target->devices.isEmpty() && !target->devices.contains(deviceName))
        return 6100; // device not found
    if (!target->remoteConfigEnabled)
        return 6713; // thing config function is not available
    if (!target->config)
        return 6710; // no data
    return std::nullopt;
}

void PlatformService::answerGet(const QString& productKey, const QString& deviceName, const QString& topic,
                                const QByteArray& payload)
{
    const auto request = AlinkCodec::decodeGetRequest(payload);
    if (!request) {
        emit messageLogged(logEntry(MessageDirection::In, topic, payload, productKey, deviceName));
        emit wireError(topic, request.error().message());
        return;
    }
    emit messageLogged(logEntry(MessageDirection::In, topic, payload, productKey, deviceName, request->id));

    Alink::ConfigGetReply reply;
    reply.id = request->id;
    if (const auto refused = refusal(productKey, deviceName)) {
        reply.code = *refused;
        reply.message =
            QLatin1StringView(Alink::ReplyCodeCatalog::lookup(*refused, Alink::ReplySource::Platform).name);
    } else if (request->configScope != QLatin1String("product") &&
               (hasAlibabaLimits(productKey) || request->configScope != QLatin1String("device"))) {
        reply.code = 460;
        reply.message = QStringLiteral("configScope %1 is not supported").arg(request->configScope);
    } else {
        reply.code = 200;
        reply.data = configFile(*product(productKey)->config);
    }
    const auto bytes = AlinkCodec::encode(reply);
    if (!bytes) {
        emit wireError(topic, bytes.error().message());
        return;
    }
    const QString replyTopic = Topic(TopicKind::ConfigGetReply, productKey, deviceName).toString();
    send(replyTopic, *bytes, productKey, deviceName, reply.id, reply.code);

    Store::DeviceStateUpdate update;
    update.productKey = productKey;
    update.deviceName = deviceName;
    update.state = Store::ConfigState::Requested;
    update.lastReplyCode = reply.code;
    update.replySource = Alink::ReplySource::Platform;
    update.lastMessageTime = QDateTime::currentDateTimeUtc();
    update.online = true;
    emit deviceStateChanged(update);
    emit getAnswered(productKey, deviceName, reply.code);
}

void PlatformService::takePushReply(const QString& productKey, const QString& deviceName,
                                    const QString& topic, const QByteArray& payload)
{
    const auto reply = AlinkCodec::decodePushReply(payload);
    if (!reply) {
        emit messageLogged(logEntry(MessageDirection::In, topic, payload, productKey, deviceName));
        emit wireError(topic, reply.error().message());
        return;
    }
    const QString key = pendingKey(productKey, deviceName, reply->id);
    std::optional<PushTicket> ticket;
    qint64 latency = -1;
    if (auto it = m_pending.find(key); it != m_pending.end()) {
        ticket = it->ticket;
        latency = it->sent.elapsed();
        m_pending.erase(it);
    } else if (auto late = m_forgotten.find(key); late != m_forgotten.end()) {
        ticket = late.value();
        m_forgotten.erase(late);
    } else if (!m_settings.shareGroup.isEmpty() && !m_resolved.contains(key)) {
        // Another platform of the group pushed it (of the product's configuration, which the group serves).
        if (const PlatformProduct* target = product(productKey); target && target->config)
            ticket = PushTicket{productKey, deviceName, reply->id, target->config->sha256};
    }
    emit messageLogged(logEntry(MessageDirection::In, topic, payload, productKey, deviceName, reply->id,
                                reply->code, latency >= 0 ? std::optional<int>(int(latency)) : std::nullopt));
    if (!ticket) {
        const bool duplicate = m_resolved.contains(key);
        emit wireError(
            topic,
            duplicate
                ? tr("duplicate reply to push %1; ignored").arg(reply->id)
                : tr("no push with id %1 was sent to %2/%3; ignored").arg(reply->id, productKey, deviceName));
        return;
    }
    if (m_resolved.size() > kResolvedMemory)
        m_resolved.clear();
    m_resolved.insert(key);

    Store::DeviceStateUpdate update =
        pushReplyUpdate(productKey, deviceName, reply->code, QDateTime::currentDateTimeUtc());
    if (reply->code == 200) {
        update.sha256 = ticket->sha256;
        if (const PlatformProduct* target = product(productKey);
            target && target->config && target->config->sha256 == ticket->sha256)
            update.configId = target->config->configId;
        else
            update.configId = ticket->sha256.left(16);
    }
    // Forwarded before pushReplied(), so that whoever ends the session on the last reply also waits for it.
    if (m_settings.forwardReplies) {
        // The data-exchange channel carries the device's reply to business servers, re-encoded strictly.
        const auto forwarded = AlinkCodec::encode(*reply);
        if (forwarded) {
            const QString exchange =
                Topic(TopicKind::DownlinkReplyMessage, productKey, deviceName).toString();
            send(exchange, *forwarded, productKey, deviceName, reply->id, reply->code);
        }
    }
    emit deviceStateChanged(update);
    emit pushReplied(productKey, deviceName, reply->id, reply->code, latency);
}

QString PlatformService::pendingKey(const QString& productKey, const QString& deviceName,
                                    const QString& messageId)
{
    return productKey + QLatin1Char('/') + deviceName + QLatin1Char('/') + messageId;
}

} // namespace ConfigDeck::Roles
