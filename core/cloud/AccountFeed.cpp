#include "AccountFeed.h"

#include "CloudLog.h"
#include "roles/WireEvent.h"

namespace ConfigDeck::Cloud {

namespace {
QString deviceKey(const QString& productKey, const QString& deviceName)
{
    return productKey + QLatin1Char('/') + deviceName;
}
} // namespace

AccountFeed::AccountFeed(KnownDevice knownDevice, QObject* parent)
    : QObject(parent)
    , m_knownDevice(std::move(knownDevice))
{
}

bool AccountFeed::admit(const QString& productKey, const QString& deviceName)
{
    if (!m_knownDevice || m_knownDevice(productKey, deviceName))
        return true;
    ++m_unknownDeviceMessages;
    const QString key = deviceKey(productKey, deviceName);
    if (!m_reportedUnknown.contains(key)) {
        m_reportedUnknown.insert(key);
        noteOther(tr("%1: not in the workspace; its messages are ignored").arg(key));
        emit unknownDevice(productKey, deviceName);
    }
    return false;
}

void AccountFeed::noteOther(const QString& line)
{
    qCDebug(lcCloud) << "account subscription:" << line;
    m_otherLog.append(line);
    while (m_otherLog.size() > qMax(0, m_maxOtherLog))
        m_otherLog.removeFirst();
}

void AccountFeed::take(const AmqpMessage& message)
{
    const auto event = AccountMessage::parse(message);
    if (!event) {
        ++m_rejected;
        noteOther(tr("%1: %2").arg(message.topic, event.error().message()));
        emit messageRejected(message.topic, event.error().message());
        return;
    }
    if (const auto* status = std::get_if<DeviceStatusEvent>(&*event)) {
        if (!admit(status->productKey, status->deviceName))
            return;
        QDateTime& last = m_lastStatusTime[deviceKey(status->productKey, status->deviceName)];
        if (last.isValid() && status->lastTime < last) {
            // The docs: a status whose lastTime is older than the last one taken arrived out of order.
            ++m_staleStatuses;
            return;
        }
        last = status->lastTime;
        Store::DeviceStateUpdate update;
        update.productKey = status->productKey;
        update.deviceName = status->deviceName;
        update.online = status->online;
        emit messageLogged(Roles::logEntry(Store::MessageDirection::In, message.topic, message.body,
                                           status->productKey, status->deviceName, message.messageId));
        emit deviceStateChanged(update);
        emit statusChanged(status->productKey, status->deviceName, status->online, status->time);
    } else if (const auto* reply = std::get_if<PushReplyEvent>(&*event)) {
        if (!admit(reply->productKey, reply->deviceName))
            return;
        emit messageLogged(Roles::logEntry(Store::MessageDirection::In, message.topic, message.body,
                                           reply->productKey, reply->deviceName, reply->requestId,
                                           reply->code));
        emit deviceStateChanged(
            Roles::pushReplyUpdate(reply->productKey, reply->deviceName, reply->code, reply->time));
        emit pushReplied(reply->productKey, reply->deviceName, reply->code, reply->time);
    } else {
        noteOther(tr("%1: not a status or push reply; ignored").arg(message.topic));
    }
}

} // namespace ConfigDeck::Cloud
