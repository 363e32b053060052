#include "SupportLog.h"

Q_LOGGING_CATEGORY(lcSupport, "configdeck.support", QtInfoMsg)
