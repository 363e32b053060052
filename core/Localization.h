#pragma once

#include <QLatin1StringView>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace ConfigDeck {

// Installs ConfigDeck's and Qt's own translations on the running application. The language is the one
// chosen in the preferences (QSettings "General/language"), or the system's when none is chosen.
class Localization
{
public:
    static constexpr QLatin1StringView kSettingsKey{"General/language"};

    // The chosen language ("zh_CN", "en"), or empty: follow the system.
    static QString configuredLanguage();
    // Stores the choice; it takes effect at the next install() (ConfigDeck applies it at start-up).
    static void setConfiguredLanguage(const QString& language);

    // Installs the configured language, or QLocale()'s when none is configured. A configured language that
    // differs from the system's also becomes the default QLocale, so dates and numbers match the text.
    // Returns the language actually loaded ("zh_CN"), or "en" when there is no translation for it.
    static QString install();
    // Installs the translations for a locale, replacing any installed before.
    static QString install(const QLocale& locale);

    // The language the last install() loaded; "en" before any.
    static QString installedLanguage();

    static QStringList availableLanguages(); // ["en", "zh_CN"]
    // The language install(locale) would load: one of availableLanguages().
    static QString languageFor(const QLocale& locale);
    // A language's name in itself: "English", "简体中文".
    static QString nativeName(const QString& language);
};

} // namespace ConfigDeck
