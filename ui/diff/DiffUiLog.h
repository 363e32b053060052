#pragma once

#include <QLoggingCategory>

namespace ConfigDeck::Ui {

// The diff view, version history and editor: "configdeck.ui.diff".
Q_DECLARE_LOGGING_CATEGORY(lcDiffUi)

} // namespace ConfigDeck::Ui
