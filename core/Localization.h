#pragma once

#include <QLocale>
#include <QString>

namespace ConfigDeck {

// Installs ConfigDeck's and Qt's own translations for a locale on the running application.
class Localization
{
public:
    // Returns the language actually loaded ("zh_CN"), or "en" when the locale has no translation.
    static QString install(const QLocale& locale = QLocale());
    static QStringList availableLanguages(); // ["en", "zh_CN"]
};

} // namespace ConfigDeck
