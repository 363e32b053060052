#pragma once

#include "WorkspacePart.h"

namespace ConfigDeck::Store {

class SettingsStore;

// The log of MQTT messages, bounded by its retention (kept in the settings): the oldest rows are pruned
// after each append.
class MessageLog final : public WorkspacePart
{
public:
    MessageLog(QString connectionName, SettingsStore& settings);

    Status append(QList<MessageLogEntry> entries);
    // Newest first; an empty ProductKey or DeviceName matches all.
    Alink::Expected<QList<MessageLogEntry>>
    entries(const QString& productKey = {}, const QString& deviceName = {}, qint64 limit = 1000) const;
    Alink::Expected<qint64> count() const;

    Alink::Expected<MessageLogRetention> retention() const;
    Status setRetention(const MessageLogRetention& retention); // prunes at once
    // Returns how many messages were removed.
    Alink::Expected<qint64> prune(const QDateTime& now = QDateTime::currentDateTimeUtc());

private:
    Status pruneInTransaction(const MessageLogRetention& retention, const QDateTime& now);

    SettingsStore& m_settings;
};

} // namespace ConfigDeck::Store
