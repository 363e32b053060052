#include "SecretsLog.h"

namespace ConfigDeck::Store {

Q_LOGGING_CATEGORY(lcSecrets, "configdeck.store.secrets")

} // namespace ConfigDeck::Store
