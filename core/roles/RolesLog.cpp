#include "RolesLog.h"

Q_LOGGING_CATEGORY(lcRoles, "configdeck.roles", QtInfoMsg)
