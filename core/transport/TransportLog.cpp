#include "TransportLog.h"

Q_LOGGING_CATEGORY(lcTransport, "configdeck.transport", QtInfoMsg)
