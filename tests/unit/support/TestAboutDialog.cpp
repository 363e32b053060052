#include "AboutDialog.h"
#include "BuildInfo.h"
#include "support/LibraryInfo.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using ConfigDeck::Support::LibraryInfo;
using ConfigDeck::Ui::AboutDialog;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsVersionAndBuild();
    void listsEveryLibraryWithItsLicence();
    void copyPutsTheReportOnTheClipboard();
};

void TestAboutDialog::showsVersionAndBuild()
{
    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const auto* title = dialog.findChild<QLabel*>(QStringLiteral("aboutTitle"));
    QVERIFY(title);
    QVERIFY(title->text().contains(
        QStringLiteral("ConfigDeck %1").arg(QLatin1StringView(ConfigDeck::BuildInfo::kVersion))));
    const auto* build = dialog.findChild<QLabel*>(QStringLiteral("aboutBuild"));
    QVERIFY(build);
    QVERIFY(build->text().contains(QStringLiteral(QT_VERSION_STR)));
    QVERIFY(build->text().contains(QString::fromLatin1(qVersion())));
    QVERIFY(build->text().contains(LibraryInfo::compiler()));
}

void TestAboutDialog::listsEveryLibraryWithItsLicence()
{
    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const auto libraries = LibraryInfo::libraries();
    QTableWidget* table = dialog.libraryTable();
    QCOMPARE(table->rowCount(), libraries.size());
    for (int row = 0; row < table->rowCount(); ++row) {
        const auto& library = libraries.at(row);
        QCOMPARE(table->item(row, AboutDialog::NameColumn)->text(), library.name);
        QVERIFY(!table->item(row, AboutDialog::VersionColumn)->text().isEmpty());
        QCOMPARE(table->item(row, AboutDialog::LicenceColumn)->text(), library.licence);
        QVERIFY(!table->item(row, AboutDialog::LicenceColumn)->text().isEmpty());
        // The licence is shown as a link to its text.
        auto* link = qobject_cast<QLabel*>(table->cellWidget(row, AboutDialog::LicenceColumn));
        QVERIFY(link);
        QVERIFY(link->isVisible());
        QVERIFY(link->openExternalLinks());
        QVERIFY2(link->text().contains(QStringLiteral("href=\"%1\"").arg(library.licenceUrl.toString())),
                 qPrintable(link->text()));
        QVERIFY(link->text().contains(library.licence.toHtmlEscaped()));
        QVERIFY(!table->item(row, AboutDialog::PurposeColumn)->text().isEmpty());
    }
}

void TestAboutDialog::copyPutsTheReportOnTheClipboard()
{
    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QApplication::clipboard()->setText(QStringLiteral("something else"));
    QTest::mouseClick(dialog.copyButton(), Qt::LeftButton);
    const QString text = QApplication::clipboard()->text();
    QCOMPARE(text, LibraryInfo::environmentReport());
    QVERIFY(text.contains(
        QStringLiteral("ConfigDeck %1").arg(QLatin1StringView(ConfigDeck::BuildInfo::kVersion))));
    for (const auto& library : LibraryInfo::libraries())
        QVERIFY2(text.contains(library.name) && text.contains(library.licence), qPrintable(library.name));
    QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("aboutCopied"))->text().isEmpty());
}

QTEST_MAIN(TestAboutDialog)
#include "TestAboutDialog.moc"
