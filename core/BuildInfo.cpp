#include "BuildInfo.h"

#include <QSysInfo>
#include <QtGlobal>

namespace ConfigDeck {

QString BuildInfo::versionLine()
{
    return QStringLiteral("%1 %2 (Qt %3, %4)")
        .arg(QLatin1StringView(kName), QLatin1StringView(kVersion), QLatin1StringView(qVersion()),
             QSysInfo::buildAbi());
}

} // namespace ConfigDeck
