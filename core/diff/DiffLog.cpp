#include "DiffLog.h"

namespace ConfigDeck::Diff {

// Debug messages (timings, fallbacks) are off unless QT_LOGGING_RULES="configdeck.diff.debug=true".
Q_LOGGING_CATEGORY(lcDiff, "configdeck.diff", QtInfoMsg)

} // namespace ConfigDeck::Diff
