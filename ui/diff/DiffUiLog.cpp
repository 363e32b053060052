#include "DiffUiLog.h"

namespace ConfigDeck::Ui {

Q_LOGGING_CATEGORY(lcDiffUi, "configdeck.ui.diff")

} // namespace ConfigDeck::Ui
