#pragma once

#include "AccountMessage.h"
#include "store/StoreTypes.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>

namespace ConfigDeck::Cloud {

// What the account's server-side subscription says about the workspace's devices. Each message is parsed
// (AccountMessage) and turned into the same device-state updates and message-log entries as when ConfigDeck
// plays the platform: a push reply through Roles::pushReplyUpdate, a status as the Online column. A status
// older (by lastTime) than the last one seen for the device is ignored. Devices the workspace does not have
// are counted and reported once each, never added. Other topics and unreadable messages go to a bounded log.
class AccountFeed final : public QObject
{
    Q_OBJECT

public:
    // Whether the workspace has the device; empty: every device counts as known (a watch without a
    // workspace).
    using KnownDevice = std::function<bool(const QString& productKey, const QString& deviceName)>;

    explicit AccountFeed(KnownDevice knownDevice = {}, QObject* parent = nullptr);

    void setMaxOtherLog(int entries) { m_maxOtherLog = entries; }
    void take(const AmqpMessage& message);

    // The latest "other" messages and problems, oldest first, at most setMaxOtherLog() of them.
    const QStringList& otherLog() const { return m_otherLog; }
    int unknownDeviceMessages() const { return m_unknownDeviceMessages; }
    int staleStatuses() const { return m_staleStatuses; }
    int rejectedMessages() const { return m_rejected; }

signals:
    void deviceStateChanged(const ConfigDeck::Store::DeviceStateUpdate& update);
    void messageLogged(const ConfigDeck::Store::MessageLogEntry& entry);
    void statusChanged(const QString& productKey, const QString& deviceName, bool online,
                       const QDateTime& time);
    void pushReplied(const QString& productKey, const QString& deviceName, int code, const QDateTime& time);
    // A message for a device the workspace does not have (once per device).
    void unknownDevice(const QString& productKey, const QString& deviceName);
    // A message that could not be read: its topic and why; nothing was changed.
    void messageRejected(const QString& topic, const QString& reason);

private:
    bool admit(const QString& productKey, const QString& deviceName);
    void noteOther(const QString& line);

    KnownDevice m_knownDevice;
    QHash<QString, QDateTime> m_lastStatusTime; // pk/dn -> lastTime of the newest status taken
    QSet<QString> m_reportedUnknown;
    QStringList m_otherLog;
    int m_maxOtherLog = 200;
    int m_unknownDeviceMessages = 0;
    int m_staleStatuses = 0;
    int m_rejected = 0;
};

} // namespace ConfigDeck::Cloud
