#pragma once

#include <QLoggingCategory>

namespace ConfigDeck::Ui {

// The cloud panel and its profile dialog: "configdeck.ui.cloud".
Q_DECLARE_LOGGING_CATEGORY(lcCloudUi)

} // namespace ConfigDeck::Ui
