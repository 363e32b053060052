#pragma once

#include <QLoggingCategory>

namespace ConfigDeck::Transfer {

// configdeck.transfer: file server requests, downloads, digests.
Q_DECLARE_LOGGING_CATEGORY(lcTransfer)

} // namespace ConfigDeck::Transfer
