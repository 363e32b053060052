#pragma once

#include <QLoggingCategory>

namespace ConfigDeck::Diff {

Q_DECLARE_LOGGING_CATEGORY(lcDiff)

} // namespace ConfigDeck::Diff
