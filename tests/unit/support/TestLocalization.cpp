#include "Localization.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using ConfigDeck::Localization;

namespace {

// A string of the console whose translation is in translations/configdeck_zh_CN.ts.
QString fileMenu()
{
    return QCoreApplication::translate("ConfigDeck::Ui::MainWindow", "&File");
}

// One of Qt's own (qtbase_zh_CN.qm): the standard Cancel button.
QString qtCancel()
{
    return QCoreApplication::translate("QPlatformTheme", "Cancel");
}

} // namespace

class TestLocalization : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void noChoiceByDefault();
    void storedChineseIsInstalled();
    void storedEnglishRemovesTranslations();
    void emptyChoiceFollowsTheDefaultLocale();
    void qtTranslationsAreWhereQtSays();
    void languages();
    void englishHasItsPluralForms();
    void languageFor_data();
    void languageFor();
};

void TestLocalization::initTestCase()
{
    // Keep the tests' settings away from the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfigDeckTests"));
    QCoreApplication::setApplicationName(QStringLiteral("TestLocalization"));
}

void TestLocalization::init()
{
    QSettings().clear();
    QLocale::setDefault(QLocale::c());
}

void TestLocalization::cleanup()
{
    QSettings().clear();
    QLocale::setDefault(QLocale::c());
    Localization::install(QLocale::c());
}

void TestLocalization::noChoiceByDefault()
{
    QCOMPARE(Localization::configuredLanguage(), QString());
    QCOMPARE(Localization::install(), QStringLiteral("en"));
    QCOMPARE(fileMenu(), QStringLiteral("&File"));
}

void TestLocalization::storedChineseIsInstalled()
{
    Localization::setConfiguredLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(QSettings().value(QStringLiteral("General/language")).toString(), QStringLiteral("zh_CN"));
    QCOMPARE(Localization::configuredLanguage(), QStringLiteral("zh_CN"));

    QCOMPARE(Localization::install(), QStringLiteral("zh_CN"));
    QCOMPARE(Localization::installedLanguage(), QStringLiteral("zh_CN"));
    QCOMPARE(fileMenu(), QStringLiteral("文件(&F)"));
    QCOMPARE(qtCancel(), QStringLiteral("取消"));
    // The system here is "C": the chosen language also becomes the default locale.
    QCOMPARE(QLocale().name(), QStringLiteral("zh_CN"));

    // Installing again replaces, never stacks: back to English leaves no Chinese behind.
    QCOMPARE(Localization::install(QLocale::c()), QStringLiteral("en"));
    QCOMPARE(fileMenu(), QStringLiteral("&File"));
    QCOMPARE(qtCancel(), QStringLiteral("Cancel"));
}

void TestLocalization::englishHasItsPluralForms()
{
    // A language without its own translation gets English, with "device" and "devices" for "device(s)".
    for (const QLocale& locale : {QLocale::c(), QLocale(QLocale::German, QLocale::Germany),
                                  QLocale(QLocale::English, QLocale::UnitedStates)}) {
        QCOMPARE(Localization::install(locale), QStringLiteral("en"));
        QCOMPARE(
            QCoreApplication::translate("ConfigDeck::Ui::MainWindow", "Imported %n device(s).", nullptr, 1),
            QStringLiteral("Imported 1 device."));
        QCOMPARE(
            QCoreApplication::translate("ConfigDeck::Ui::MainWindow", "Imported %n device(s).", nullptr, 3),
            QStringLiteral("Imported 3 devices."));
        QCOMPARE(fileMenu(), QStringLiteral("&File"));
    }
    QCOMPARE(Localization::install(QLocale(QLocale::Chinese, QLocale::China)), QStringLiteral("zh_CN"));
    QCOMPARE(QCoreApplication::translate("ConfigDeck::Ui::MainWindow", "Imported %n device(s).", nullptr, 3),
             QStringLiteral("已导入 3 个设备。"));
}

void TestLocalization::storedEnglishRemovesTranslations()
{
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    QCOMPARE(Localization::install(), QStringLiteral("zh_CN"));
    QCOMPARE(fileMenu(), QStringLiteral("文件(&F)"));

    Localization::setConfiguredLanguage(QStringLiteral("en"));
    QCOMPARE(Localization::install(), QStringLiteral("en"));
    QCOMPARE(Localization::installedLanguage(), QStringLiteral("en"));
    QCOMPARE(fileMenu(), QStringLiteral("&File"));
    QCOMPARE(qtCancel(), QStringLiteral("Cancel"));
}

void TestLocalization::emptyChoiceFollowsTheDefaultLocale()
{
    Localization::setConfiguredLanguage(QString());
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    QCOMPARE(Localization::install(), QStringLiteral("zh_CN"));
    QCOMPARE(fileMenu(), QStringLiteral("文件(&F)"));
    QCOMPARE(qtCancel(), QStringLiteral("取消"));

    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QCOMPARE(Localization::install(), QStringLiteral("en"));
    QCOMPARE(fileMenu(), QStringLiteral("&File"));
    QCOMPARE(QLocale().name(), QStringLiteral("en_GB")); // an empty choice never sets the default
}

void TestLocalization::qtTranslationsAreWhereQtSays()
{
    // Debian: /usr/share/qt6/translations (qt6-translations-l10n).
    const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    QVERIFY2(QFile::exists(dir + QStringLiteral("/qtbase_zh_CN.qm")), qPrintable(dir));
}

void TestLocalization::languages()
{
    const QStringList languages = Localization::availableLanguages();
    QCOMPARE(languages.first(), QStringLiteral("en"));
    QCOMPARE(languages.count(QStringLiteral("en")), 1);
    QVERIFY(languages.contains(QStringLiteral("zh_CN")));
    QCOMPARE(Localization::nativeName(QStringLiteral("en")), QStringLiteral("English"));
    QCOMPARE(Localization::nativeName(QStringLiteral("zh_CN")), QStringLiteral("简体中文"));
}

void TestLocalization::languageFor_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("language");
    QTest::addRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("zh_CN");
    QTest::addRow("en_US") << QStringLiteral("en_US") << QStringLiteral("en");
    QTest::addRow("fr_FR, not translated") << QStringLiteral("fr_FR") << QStringLiteral("en");
    QTest::addRow("C") << QStringLiteral("C") << QStringLiteral("en");
}

void TestLocalization::languageFor()
{
    QFETCH(QString, locale);
    QFETCH(QString, language);
    QCOMPARE(Localization::languageFor(QLocale(locale)), language);
}

QTEST_GUILESS_MAIN(TestLocalization)
#include "TestLocalization.moc"
