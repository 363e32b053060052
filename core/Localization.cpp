#include "Localization.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace ConfigDeck {

QString Localization::install(const QLocale& locale)
{
    auto* app = QCoreApplication::instance();
    auto* ours = new QTranslator(app);
    // The .qm files are compiled into the executable under :/i18n (qt_add_translations).
    if (!ours->load(locale, QStringLiteral("configdeck"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete ours;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(ours);
    auto* qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return QFileInfo(ours->filePath()).completeBaseName().section(QLatin1Char('_'), 1);
}

QStringList Localization::availableLanguages()
{
    QStringList languages{QStringLiteral("en")};
    const auto files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("configdeck_*.qm")});
    for (const QString& file : files)
        languages << QFileInfo(file).completeBaseName().section(QLatin1Char('_'), 1);
    return languages;
}

} // namespace ConfigDeck
