#pragma once

#include <QLoggingCategory>

namespace ConfigDeck::Store {

// Sealed secrets and workspace keys. Never logs key or secret bytes, only what happened.
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)

} // namespace ConfigDeck::Store
