#include "TransferLog.h"

namespace ConfigDeck::Transfer {

Q_LOGGING_CATEGORY(lcTransfer, "configdeck.transfer")

} // namespace ConfigDeck::Transfer
