#include "CloudUiLog.h"

namespace ConfigDeck::Ui {

Q_LOGGING_CATEGORY(lcCloudUi, "configdeck.ui.cloud")

} // namespace ConfigDeck::Ui
