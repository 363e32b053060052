#include "AccountMessage.h"

#include "alink/Topic.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QTimeZone>

namespace ConfigDeck::Cloud {

namespace {

const QString kStatusPrefix = QStringLiteral("/as/mqtt/status/");
const QString kDownlinkReplySuffix = QStringLiteral("/thing/downlink/reply/message");

Alink::AlinkError error(const QString& field, const QString& reason, qsizetype offset = -1)
{
    return Alink::AlinkError{field, reason, offset};
}

Alink::Expected<QJsonObject> jsonObject(const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return error(QString(),
                     AccountMessage::tr("the body is not valid JSON: %1").arg(parseError.errorString()),
                     parseError.offset);
    if (!document.isObject())
        return error(QString(), AccountMessage::tr("the body is not a JSON object"));
    return document.object();
}

// The product key and device name of a topic's /{pk}/{dn} part, or an error.
Alink::Expected<std::pair<QString, QString>> deviceOf(QStringView path, const QString& topic)
{
    const QList<QStringView> segments = path.split(QLatin1Char('/'));
    if (segments.size() != 2 || segments[0].isEmpty() || segments[1].isEmpty())
        return error(QStringLiteral("topic"),
                     AccountMessage::tr("'%1' does not name a product and a device").arg(topic));
    return std::pair{segments[0].toString(), segments[1].toString()};
}

// Checks that the body names the same device as the topic, when it names one.
std::optional<Alink::AlinkError> checkSameDevice(const QJsonObject& body, const QString& productKey,
                                                 const QString& deviceName)
{
    for (const auto& [field, expected] : {std::pair{QStringLiteral("productKey"), productKey},
                                          std::pair{QStringLiteral("deviceName"), deviceName}}) {
        const QJsonValue value = body.value(field);
        if (!value.isUndefined() && value.toString() != expected)
            return error(field,
                         AccountMessage::tr("'%1' is not '%2' of the topic").arg(value.toString(), expected));
    }
    return std::nullopt;
}

QDateTime timeOf(qint64 milliseconds)
{
    return milliseconds > 0 ? QDateTime::fromMSecsSinceEpoch(milliseconds, QTimeZone::utc())
                            : QDateTime::currentDateTimeUtc();
}

Alink::Expected<AccountEvent> parseStatus(const AmqpMessage& message)
{
    auto device = deviceOf(QStringView(message.topic).mid(kStatusPrefix.size()), message.topic);
    if (!device)
        return device.error();
    auto body = jsonObject(message.body);
    if (!body)
        return body.error();
    if (auto mismatch = checkSameDevice(*body, device->first, device->second))
        return *mismatch;
    DeviceStatusEvent status;
    status.productKey = device->first;
    status.deviceName = device->second;
    const QString state = body->value(QStringLiteral("status")).toString();
    if (state != QLatin1String("online") && state != QLatin1String("offline"))
        return error(QStringLiteral("status"),
                     AccountMessage::tr("'%1' is neither online nor offline").arg(state));
    status.online = state == QLatin1String("online");
    status.lastTime = AccountMessage::parseUtcTime(body->value(QStringLiteral("utcLastTime")).toString());
    if (!status.lastTime.isValid())
        status.lastTime = AccountMessage::parseChinaTime(body->value(QStringLiteral("lastTime")).toString());
    if (!status.lastTime.isValid())
        return error(QStringLiteral("lastTime"), AccountMessage::tr("missing or not a time"));
    status.time = AccountMessage::parseUtcTime(body->value(QStringLiteral("utcTime")).toString());
    if (!status.time.isValid())
        status.time = AccountMessage::parseChinaTime(body->value(QStringLiteral("time")).toString());
    if (!status.time.isValid())
        status.time = timeOf(message.generateTimeMs);
    return AccountEvent(status);
}

Alink::Expected<AccountEvent> parseDownlinkReply(const AmqpMessage& message)
{
    const QStringView path = QStringView(message.topic).mid(1).chopped(kDownlinkReplySuffix.size());
    auto device = deviceOf(path, message.topic);
    if (!device)
        return device.error();
    auto body = jsonObject(message.body);
    if (!body)
        return body.error();
    if (auto mismatch = checkSameDevice(*body, device->first, device->second))
        return *mismatch;
    const QString inner = body->value(QStringLiteral("topic")).toString();
    const auto innerTopic = Alink::Topic::parse(inner);
    if (!innerTopic || innerTopic->kind() != Alink::TopicKind::ConfigPushReply)
        return AccountEvent(OtherEvent{message.topic});
    if (innerTopic->productKey() != device->first || innerTopic->deviceName() != device->second)
        return error(
            QStringLiteral("topic"),
            AccountMessage::tr("'%1' is not a topic of %2/%3").arg(inner, device->first, device->second));
    const QJsonValue code = body->value(QStringLiteral("code"));
    if (!code.isDouble() || code.toDouble() != double(code.toInt()))
        return error(QStringLiteral("code"), AccountMessage::tr("missing or not an integer"));
    PushReplyEvent reply;
    reply.productKey = device->first;
    reply.deviceName = device->second;
    reply.code = code.toInt();
    reply.requestId = body->value(QStringLiteral("requestId")).toVariant().toString();
    reply.message = body->value(QStringLiteral("message")).toString();
    const qint64 created = body->value(QStringLiteral("gmtCreate")).toInteger();
    reply.time = timeOf(created > 0 ? created : message.generateTimeMs);
    return AccountEvent(reply);
}

} // namespace

QDateTime AccountMessage::parseUtcTime(const QString& text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (time.isValid())
        time = time.toUTC();
    return time;
}

QDateTime AccountMessage::parseChinaTime(const QString& text)
{
    QDateTime time = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    if (!time.isValid())
        time = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!time.isValid())
        return {};
    time.setTimeZone(QTimeZone(8 * 3600));
    return time.toUTC();
}

Alink::Expected<AccountEvent> AccountMessage::parse(const AmqpMessage& message)
{
    if (message.topic.startsWith(kStatusPrefix))
        return parseStatus(message);
    if (message.topic.startsWith(QLatin1Char('/')) && message.topic.endsWith(kDownlinkReplySuffix) &&
        message.topic.size() > kDownlinkReplySuffix.size() + 1)
        return parseDownlinkReply(message);
    return AccountEvent(OtherEvent{message.topic});
}

} // namespace ConfigDeck::Cloud
