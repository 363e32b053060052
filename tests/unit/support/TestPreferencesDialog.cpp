#include "Localization.h"
#include "PreferencesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using ConfigDeck::Localization;
using ConfigDeck::Ui::PreferencesDialog;

class TestPreferencesDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void offersSystemAndEachLanguageInItsOwnName();
    void choosingChineseStoresIt();
    void showsTheStoredChoice();
    void systemDefaultStoresEmpty();
    void cancelStoresNothing();
    void operatorNameIsStoredAndDefaultsToTheAccount();

private:
    static void clickButton(PreferencesDialog& dialog, QDialogButtonBox::StandardButton which)
    {
        auto* buttons = dialog.findChild<QDialogButtonBox*>();
        QVERIFY(buttons);
        QTest::mouseClick(buttons->button(which), Qt::LeftButton);
    }
};

void TestPreferencesDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfigDeckTests"));
    QCoreApplication::setApplicationName(QStringLiteral("TestPreferencesDialog"));
}

void TestPreferencesDialog::init()
{
    QSettings().clear();
}

void TestPreferencesDialog::offersSystemAndEachLanguageInItsOwnName()
{
    PreferencesDialog dialog;
    QComboBox* box = dialog.languageBox();
    // The test runs under LANG=C.UTF-8: the system's language is English.
    QCOMPARE(box->count(), 1 + Localization::availableLanguages().size());
    QCOMPARE(box->itemText(0), QStringLiteral("System default (English)"));
    QCOMPARE(box->itemData(0).toString(), QString());
    QVERIFY(box->findText(QStringLiteral("English")) > 0);
    QCOMPARE(box->itemData(box->findText(QStringLiteral("简体中文"))).toString(), QStringLiteral("zh_CN"));
    QCOMPARE(box->currentIndex(), 0);
    QCOMPARE(dialog.selectedLanguage(), QString());
}

void TestPreferencesDialog::choosingChineseStoresIt()
{
    PreferencesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy changed(&dialog, &PreferencesDialog::languageChanged);
    QVERIFY(!dialog.restartNote()->isVisible());

    QComboBox* box = dialog.languageBox();
    box->setFocus();
    // Pick it as a user would: the entry named in Chinese.
    box->setCurrentIndex(box->findText(QStringLiteral("简体中文")));
    QCOMPARE(dialog.selectedLanguage(), QStringLiteral("zh_CN"));
    QVERIFY(dialog.restartNote()->isVisible());
    QVERIFY(dialog.restartNote()->text().contains(QStringLiteral("restarts")));

    clickButton(dialog, QDialogButtonBox::Ok);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(Localization::configuredLanguage(), QStringLiteral("zh_CN"));
    QCOMPARE(QSettings().value(QStringLiteral("General/language")).toString(), QStringLiteral("zh_CN"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toString(), QStringLiteral("zh_CN"));
}

void TestPreferencesDialog::showsTheStoredChoice()
{
    Localization::setConfiguredLanguage(QStringLiteral("zh_CN"));
    PreferencesDialog dialog;
    QCOMPARE(dialog.selectedLanguage(), QStringLiteral("zh_CN"));
    QCOMPARE(dialog.languageBox()->currentText(), QStringLiteral("简体中文"));
    // Not yet the running language (nothing was installed here): the note says a restart applies it.
    QVERIFY(!dialog.restartNote()->isHidden());
    QVERIFY(!dialog.selectLanguage(QStringLiteral("xx_YY")));
}

void TestPreferencesDialog::systemDefaultStoresEmpty()
{
    Localization::setConfiguredLanguage(QStringLiteral("zh_CN"));
    PreferencesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.selectLanguage(QString()));
    QVERIFY(dialog.restartNote()->isHidden()); // the system's language (English) is the running one
    clickButton(dialog, QDialogButtonBox::Ok);
    QCOMPARE(Localization::configuredLanguage(), QString());
    QVERIFY(QSettings().contains(QStringLiteral("General/language")));
}

void TestPreferencesDialog::cancelStoresNothing()
{
    PreferencesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy changed(&dialog, &PreferencesDialog::languageChanged);
    QVERIFY(dialog.selectLanguage(QStringLiteral("zh_CN")));
    clickButton(dialog, QDialogButtonBox::Cancel);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!QSettings().contains(QStringLiteral("General/language")));
    QCOMPARE(changed.count(), 0);
}

void TestPreferencesDialog::operatorNameIsStoredAndDefaultsToTheAccount()
{
    const QByteArray user = qgetenv("USER");
    qputenv("USER", "account-name");
    QCOMPARE(PreferencesDialog::operatorName(), QStringLiteral("account-name"));
    {
        PreferencesDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.operatorBox()->text(), QString());
        QCOMPARE(dialog.operatorBox()->placeholderText(), QStringLiteral("account-name"));
        QTest::keyClicks(dialog.operatorBox(), QStringLiteral(" alice "));
        clickButton(dialog, QDialogButtonBox::Ok);
    }
    QCOMPARE(PreferencesDialog::operatorName(), QStringLiteral("alice"));
    {
        PreferencesDialog dialog;
        QCOMPARE(dialog.operatorBox()->text(), QStringLiteral("alice"));
        dialog.operatorBox()->clear();
        dialog.accept();
    }
    QCOMPARE(PreferencesDialog::operatorName(), QStringLiteral("account-name"));
    qputenv("USER", user);
}

QTEST_MAIN(TestPreferencesDialog)
#include "TestPreferencesDialog.moc"
