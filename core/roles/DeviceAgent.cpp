#include "DeviceAgent.h"

#include "RolesLog.h"
#include "WireEvent.h"
#include "alink/AlinkCodec.h"
#include "alink/ReplyCodeCatalog.h"
#include "alink/Topic.h"
#include "transfer/DownloadJob.h"
#include "transfer/Downloader.h"
#include "transfer/Sha256Stream.h"
#include "transport/MqttConnection.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

namespace ConfigDeck::Roles {

using Alink::AlinkCodec;
using Alink::AlinkError;
using Alink::ReplyCodeCatalog;
using Alink::Topic;
using Alink::TopicKind;
using Store::ConfigState;
using Store::MessageDirection;

DeviceAgent::DeviceAgent(Alink::DeviceIdentity identity, Transport::MqttConnection* connection,
                         Transfer::Downloader* downloader, QObject* parent)
    : QObject(parent)
    , m_identity(std::move(identity))
    , m_connection(connection)
    , m_downloader(downloader)
{
    connect(m_connection, &Transport::MqttConnection::messageReceived, this, &DeviceAgent::onMessage);
    connect(m_connection, &Transport::MqttConnection::messageDropped, this,
            [this](const QString& topic, qint64, const QString& reason) { emit wireError(topic, reason); });
    connect(m_connection, &Transport::MqttConnection::connected, this, [this] { reportOnline(true); });
    connect(m_connection, &Transport::MqttConnection::disconnected, this, [this] { reportOnline(false); });
}

DeviceAgent::~DeviceAgent() = default;

std::optional<AlinkError> DeviceAgent::start(const Transport::MqttConnectOptions& options)
{
    for (auto kind : {TopicKind::ConfigPush, TopicKind::ConfigGetReply}) {
        if (auto error =
                m_connection->subscribe(Topic::filter(kind, productKey(), deviceName()), m_settings.qos))
            return error;
    }
    m_started = true;
    if (m_fault.kind == FaultProfile::Kind::Offline) {
        reportOnline(false);
        return std::nullopt;
    }
    return m_connection->connectToBroker(options);
}

void DeviceAgent::stop()
{
    m_started = false;
    m_connection->disconnectFromBroker();
}

Alink::Expected<QString> DeviceAgent::requestConfig()
{
    Alink::ConfigGetRequest request;
    request.id = m_ids.next();
    const auto payload = AlinkCodec::encode(request);
    if (!payload)
        return payload.error();
    const QString topic = Topic(TopicKind::ConfigGet, productKey(), deviceName()).toString();
    const auto sent = m_connection->publish(topic, *payload, m_settings.qos);
    if (!sent)
        return sent.error();
    m_pendingGets.insert(request.id, QDateTime::currentMSecsSinceEpoch());
    log(MessageDirection::Out, topic, *payload, request.id, std::nullopt);
    setState(ConfigState::Requested);
    return request.id;
}

std::optional<AlinkError> DeviceAgent::reply(const QString& messageId, int code, const QString& message)
{
    const auto it = m_awaiting.find(messageId);
    if (it == m_awaiting.end())
        return AlinkError{QStringLiteral("id"), tr("no push %1 is waiting for a reply").arg(messageId), -1};
    const Awaiting awaiting = it.value();
    m_awaiting.erase(it);
    if (awaiting.replyWanted)
        sendReply(messageId, code, message);
    setState(code == 200 ? ConfigState::Applied : ConfigState::Failed, code);
    emit exchangeFinished(messageId, code, message.isEmpty() ? awaiting.reason : message);
    return std::nullopt;
}

std::pair<int, QString> DeviceAgent::verify(const Alink::ConfigFile& file, const QByteArray& content)
{
    if (content.size() < file.configSize)
        return {ReplyCodeCatalog::SizeMismatch,
                tr("expected %1 bytes, got %2").arg(file.configSize).arg(content.size())};
    if (content.size() > file.configSize)
        return {ReplyCodeCatalog::FileTooLarge,
                tr("expected %1 bytes, got more (%2)").arg(file.configSize).arg(content.size())};
    const QString actual =
        file.signMethod == Alink::SignMethod::Md5
            ? QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex())
            : Transfer::Sha256Stream::hash(content);
    if (actual.compare(file.sign, Qt::CaseInsensitive) != 0)
        return {ReplyCodeCatalog::SignMismatch,
                tr("sign mismatch: expected %1, got %2").arg(file.sign.toLower(), actual)};
    return {200, {}};
}

void DeviceAgent::onMessage(const QString& topicText, const QByteArray& payload)
{
    const auto topic = Topic::parse(topicText);
    if (!topic || topic->productKey() != productKey() || topic->deviceName() != deviceName()) {
        // A shared connection may carry other devices' traffic; only a malformed topic is an error.
        if (!topic)
            emit wireError(topicText, topic.error().message());
        return;
    }
    if (topic->kind() == TopicKind::ConfigPush)
        takePush(topicText, payload);
    else if (topic->kind() == TopicKind::ConfigGetReply)
        takeGetReply(topicText, payload);
}

void DeviceAgent::takePush(const QString& topic, const QByteArray& payload)
{
    const auto push = AlinkCodec::decodePush(payload);
    if (!push) {
        log(MessageDirection::In, topic, payload, {}, std::nullopt);
        emit wireError(topic, push.error().message());
        // Like the SDKs, answer a push we cannot take with 460 when its id can still be read.
        const QJsonValue id = QJsonDocument::fromJson(payload).object().value(QStringLiteral("id"));
        const QString idText = id.isString()   ? id.toString()
                               : id.isDouble() ? QString::number(qint64(id.toDouble()))
                                               : QString();
        if (!AlinkCodec::validateId(idText)) {
            sendReply(idText, 460, push.error().message());
            setState(ConfigState::Failed, 460);
        }
        return;
    }
    log(MessageDirection::In, topic, payload, push->id, std::nullopt);
    setState(ConfigState::Pushed);

    switch (m_fault.kind) {
    case FaultProfile::Kind::NeverReplies:
        return;
    case FaultProfile::Kind::Refuses:
        conclude(Exchange::Push, push->id, push->replyWanted, m_fault.refuseCode,
                 tr("refused by the device's fault profile"));
        return;
    default:
        fetch(Exchange::Push, push->id, push->params, push->replyWanted);
    }
}

void DeviceAgent::takeGetReply(const QString& topic, const QByteArray& payload)
{
    const auto reply = AlinkCodec::decodeGetReply(payload);
    if (!reply) {
        log(MessageDirection::In, topic, payload, {}, std::nullopt);
        emit wireError(topic, reply.error().message());
        return;
    }
    const auto sent = m_pendingGets.take(reply->id);
    log(MessageDirection::In, topic, payload, reply->id, reply->code);
    if (!sent) {
        emit wireError(topic, tr("no request with id %1 is pending; reply ignored").arg(reply->id));
        return;
    }
    if (reply->code != 200) {
        setState(ConfigState::Failed, reply->code, Alink::ReplySource::Platform);
        const auto info = ReplyCodeCatalog::lookup(reply->code, Alink::ReplySource::Platform);
        emit exchangeFinished(reply->id, reply->code, info.displayMeaning());
        return;
    }
    fetch(Exchange::Get, reply->id, *reply->data, false);
}

void DeviceAgent::fetch(Exchange exchange, const QString& messageId, const Alink::ConfigFile& file,
                        bool replyWanted)
{
    if (m_downloads >= std::max(1, m_settings.maxConcurrentDownloads)) {
        conclude(exchange, messageId, replyWanted, ReplyCodeCatalog::DeviceBusy,
                 tr("%n download(s) already running; this one was not started", nullptr, m_downloads));
        return;
    }
    setState(ConfigState::Downloading);
    auto request = Transfer::DownloadRequest::fromConfigFile(file);
    request.totalTimeout = m_settings.downloadTimeout;
    request.caCertificates = m_settings.caCertificates;
    request.maxSize = m_settings.maxDownloadBytes;
    Transfer::DownloadJob* job = m_downloader->download(request);
    ++m_downloads;
    connect(job, &Transfer::DownloadJob::finished, this,
            [this, exchange, messageId, file, replyWanted](const Transfer::DownloadResult& result) {
                --m_downloads;
                std::chrono::milliseconds delay{0};
                if (m_fault.kind == FaultProfile::Kind::SlowDownload && m_fault.bytesPerSecond > 0)
                    delay = std::chrono::milliseconds(result.content.size() * 1000 / m_fault.bytesPerSecond);
                later(delay, [=, this] { downloaded(exchange, messageId, file, replyWanted, result); });
            });
}

void DeviceAgent::downloaded(Exchange exchange, const QString& messageId, const Alink::ConfigFile& file,
                             bool replyWanted, const Transfer::DownloadResult& result)
{
    if (!result.ok()) {
        conclude(exchange, messageId, replyWanted, result.code, result.message);
        return;
    }
    QByteArray content = result.content;
    // The transfer faults damage what arrived; verification then finds it, as it would on a real device.
    if (m_fault.kind == FaultProfile::Kind::BadSign && !content.isEmpty())
        content[content.size() / 2] = char(content.at(content.size() / 2) ^ 0x5a);
    else if (m_fault.kind == FaultProfile::Kind::Truncated)
        content.chop(qMax<qsizetype>(1, content.size() / 3));

    const auto [code, reason] = verify(file, content);
    if (code != 200) {
        conclude(exchange, messageId, replyWanted, code, reason);
        return;
    }
    setState(ConfigState::Verified);
    if (m_fault.kind == FaultProfile::Kind::ApplyFails) {
        conclude(exchange, messageId, replyWanted, ReplyCodeCatalog::ApplyFailed,
                 tr("the configuration verified but could not be applied"));
        return;
    }
    const QString previous = m_held.sha256;
    m_held = HeldConfig{file.configId, Transfer::Sha256Stream::hash(content), content};
    emit configVerified(file, content, previous);
    conclude(exchange, messageId, replyWanted, 200, {});
}

void DeviceAgent::conclude(Exchange exchange, const QString& messageId, bool replyWanted, int code,
                           const QString& reason)
{
    if (exchange == Exchange::Get) {
        // A get has no reply of its own: the outcome is the device's state.
        setState(code == 200 ? ConfigState::Applied : ConfigState::Failed, code);
        emit exchangeFinished(messageId, code, reason);
        return;
    }
    if (!m_settings.autoReply) {
        m_awaiting.insert(messageId, Awaiting{replyWanted, code, reason});
        emit replyAwaited(messageId, code, reason);
        return;
    }
    later(m_fault.latency, [this, messageId, replyWanted, code, reason] {
        if (replyWanted)
            sendReply(messageId, code, code == 200 ? QString() : reason);
        setState(code == 200 ? ConfigState::Applied : ConfigState::Failed, code);
        emit exchangeFinished(messageId, code, reason);
    });
}

void DeviceAgent::sendReply(const QString& messageId, int code, const QString& message)
{
    const auto payload = AlinkCodec::encode(Alink::ConfigPushReply{messageId, code, message});
    if (!payload) {
        emit wireError(QString(), payload.error().message());
        return;
    }
    const QString topic = Topic(TopicKind::ConfigPushReply, productKey(), deviceName()).toString();
    const auto sent = m_connection->publish(topic, *payload, m_settings.qos);
    if (!sent) {
        emit wireError(topic, sent.error().message());
        return;
    }
    log(MessageDirection::Out, topic, *payload, messageId, code);
}

void DeviceAgent::setState(ConfigState state, std::optional<int> code, Alink::ReplySource source)
{
    m_state = state;
    Store::DeviceStateUpdate update;
    update.productKey = productKey();
    update.deviceName = deviceName();
    update.state = state;
    update.lastMessageTime = QDateTime::currentDateTimeUtc();
    if (code) {
        m_lastCode = code;
        update.lastReplyCode = code;
        update.replySource = source;
    }
    if (state == ConfigState::Applied) {
        update.configId = m_held.configId;
        update.sha256 = m_held.sha256;
    }
    emit stateChanged(update);
}

void DeviceAgent::reportOnline(bool online)
{
    Store::DeviceStateUpdate update;
    update.productKey = productKey();
    update.deviceName = deviceName();
    update.online = online;
    emit stateChanged(update);
}

void DeviceAgent::log(MessageDirection direction, const QString& topic, const QByteArray& payload,
                      const QString& messageId, std::optional<int> code)
{
    emit messageLogged(logEntry(direction, topic, payload, productKey(), deviceName(), messageId, code));
}

void DeviceAgent::later(std::chrono::milliseconds delay, std::function<void()> work)
{
    if (delay.count() <= 0) {
        work();
        return;
    }
    QTimer::singleShot(delay, this, std::move(work));
}

} // namespace ConfigDeck::Roles
