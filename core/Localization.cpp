#include "Localization.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace ConfigDeck {

namespace {

const QString kConfigDeckPrefix = QStringLiteral("configdeck");
const QString kResourceDir = QStringLiteral(":/i18n"); // qt_add_translations compiles the .qm files there

// The translators this class installed, removed again before a new language is installed.
QList<QPointer<QTranslator>>& installedTranslators()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

QString& installedLanguageName()
{
    static QString language = QStringLiteral("en");
    return language;
}

void removeInstalled()
{
    for (const QPointer<QTranslator>& translator : std::as_const(installedTranslators())) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator.data();
        }
    }
    installedTranslators().clear();
    installedLanguageName() = QStringLiteral("en");
}

// Qt's own translations: where Qt was installed (Debian: /usr/share/qt6/translations), else where the
// deploy tools put them next to the executable.
QStringList qtTranslationDirs()
{
    QStringList dirs{QLibraryInfo::path(QLibraryInfo::TranslationsPath)};
    if (QCoreApplication::instance())
        dirs << QCoreApplication::applicationDirPath() + QStringLiteral("/translations")
             << QCoreApplication::applicationDirPath() + QStringLiteral("/../Resources/translations");
    dirs << kResourceDir;
    return dirs;
}

QString languageOfFile(const QString& filePath)
{
    return QFileInfo(filePath).completeBaseName().section(QLatin1Char('_'), 1);
}

} // namespace

QString Localization::configuredLanguage()
{
    return QSettings().value(kSettingsKey).toString();
}

void Localization::setConfiguredLanguage(const QString& language)
{
    QSettings settings;
    settings.setValue(kSettingsKey, language);
    settings.sync();
}

QString Localization::install()
{
    const QString configured = configuredLanguage();
    if (configured.isEmpty())
        return install(QLocale());
    const QLocale chosen(configured);
    // Only a language ConfigDeck has (a stale choice must not leave English text with foreign dates) and
    // not the system's own (its regional formats stay: en_GB is not en_US).
    if (languageFor(chosen) == configured && languageFor(QLocale::system()) != configured)
        QLocale::setDefault(chosen);
    return install(chosen);
}

QString Localization::install(const QLocale& locale)
{
    removeInstalled();
    auto* app = QCoreApplication::instance();
    auto* ours = new QTranslator(app);
    if (!ours->load(locale, kConfigDeckPrefix, QStringLiteral("_"), kResourceDir)) {
        // A language ConfigDeck does not have: English, whose file holds only the plural forms
        // ("1 device", "2 devices") the source text writes as "device(s)".
        if (ours->load(kConfigDeckPrefix + QStringLiteral("_en"), kResourceDir)) {
            QCoreApplication::installTranslator(ours);
            installedTranslators() << ours;
        } else {
            delete ours;
        }
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(ours);
    installedTranslators() << ours;
    // Qt's own texts (standard buttons, file dialogs) in the same language.
    for (const QString& dir : qtTranslationDirs()) {
        auto* qt = new QTranslator(app);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(qt);
            installedTranslators() << qt;
            break;
        }
        delete qt;
    }
    installedLanguageName() = languageOfFile(ours->filePath());
    return installedLanguageName();
}

QString Localization::installedLanguage()
{
    return installedLanguageName();
}

QStringList Localization::availableLanguages()
{
    QStringList languages{QStringLiteral("en")};
    const auto files = QDir(kResourceDir).entryList({kConfigDeckPrefix + QStringLiteral("_*.qm")});
    for (const QString& file : files)
        languages << languageOfFile(file);
    languages.removeDuplicates(); // configdeck_en.qm holds English plural forms only
    return languages;
}

QString Localization::languageFor(const QLocale& locale)
{
    // The same lookup as install(), so the answer cannot differ from what it would load.
    QTranslator probe;
    if (!probe.load(locale, kConfigDeckPrefix, QStringLiteral("_"), kResourceDir))
        return QStringLiteral("en");
    return languageOfFile(probe.filePath());
}

QString Localization::nativeName(const QString& language)
{
    // "en" is the source text, not the "American English" QLocale("en") would name.
    if (language == QLatin1String("en") || QLocale(language).language() == QLocale::C)
        return QStringLiteral("English");
    return QLocale(language).nativeLanguageName();
}

} // namespace ConfigDeck
