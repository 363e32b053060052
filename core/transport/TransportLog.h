#pragma once

#include <QLoggingCategory>

// Turn on with QT_LOGGING_RULES="configdeck.transport.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcTransport)
