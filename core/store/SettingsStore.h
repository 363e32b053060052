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
};

} // namespace ConfigDeck::Store
