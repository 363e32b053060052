#include "SessionLog.h"

Q_LOGGING_CATEGORY(lcSession, "configdeck.session", QtInfoMsg)
