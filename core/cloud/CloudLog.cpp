#include "CloudLog.h"

Q_LOGGING_CATEGORY(lcCloud, "configdeck.cloud", QtInfoMsg)
