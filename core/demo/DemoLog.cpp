#include "DemoLog.h"

Q_LOGGING_CATEGORY(lcDemo, "configdeck.demo", QtInfoMsg)
