#pragma once

#include "WorkspacePart.h"

namespace ConfigDeck::Store {

// The workspace's own key/value settings (session mode, broker address, message-log limits, ...).
class SettingsStore final : public WorkspacePart
{
public:
    explicit SettingsStore(QString connectionName);

    // defaultValue when the setting was never stored.
    Alink::Expected<QString> value(const QString& key, const QString& defaultValue = {}) const;
    Status setValue(const QString& key, const QString& value);
    // Stores `newValue` unless the setting is already stored, and returns what is stored, in one
    // transaction: of several processes doing this at once, the first one's value is the one all of them get.
    Alink::Expected<QString> valueOrInsert(const QString& key, const QString& newValue);
};

} // namespace ConfigDeck::Store
