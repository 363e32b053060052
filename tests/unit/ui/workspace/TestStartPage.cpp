#include "RecentWorkspaces.h"
#include "StartPage.h"
#include "support/GuiTestHelpers.h"

#include <QFile>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck::Ui;

// The start page: its three ways in and the recent list, where a missing file is shown as missing and can
// be removed.
class TestStartPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void buttonsAskForTheirAction();
    void recentListMarksMissingFiles();
    void recentListKeepsTen();

private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
};

void TestStartPage::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("ConfigDeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestStartPage"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestStartPage::buttonsAskForTheirAction()
{
    StartPage page;
    QSignalSpy demo(&page, &StartPage::demoRequested);
    QSignalSpy created(&page, &StartPage::newRequested);
    QSignalSpy opened(&page, &StartPage::openRequested);
    QTest::mouseClick(page.demoButton(), Qt::LeftButton);
    QTest::mouseClick(page.newButton(), Qt::LeftButton);
    QTest::mouseClick(page.openButton(), Qt::LeftButton);
    QCOMPARE(demo.size(), 1);
    QCOMPARE(created.size(), 1);
    QCOMPARE(opened.size(), 1);
}

void TestStartPage::recentListMarksMissingFiles()
{
    const QString present = m_dir.filePath(QStringLiteral("present.configdeck"));
    const QString missing = m_dir.filePath(QStringLiteral("gone.configdeck"));
    QFile file(present);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    RecentWorkspaces::add(missing);
    RecentWorkspaces::add(present);

    StartPage page;
    page.resize(900, 560);
    QListWidget* list = page.recentList();
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), QStringLiteral("present.configdeck"));
    QCOMPARE(list->item(1)->text(), QStringLiteral("gone.configdeck (missing)"));
    QVERIFY(list->item(1)->toolTip().contains(QStringLiteral("missing")));

    // Activating a recent file asks the window to open it.
    QSignalSpy requested(&page, &StartPage::recentRequested);
    list->setCurrentRow(0);
    emit list->itemActivated(list->item(0));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), present);

    // The missing one is taken off the list.
    list->setCurrentRow(1);
    QVERIFY(page.removeButton()->isEnabled());
    QTest::mouseClick(page.removeButton(), Qt::LeftButton);
    QCOMPARE(RecentWorkspaces::list(), QStringList{present});
    QCOMPARE(list->count(), 1);
}

void TestStartPage::recentListKeepsTen()
{
    for (int i = 0; i < 12; ++i)
        RecentWorkspaces::add(m_dir.filePath(QStringLiteral("w%1.configdeck").arg(i)));
    const QStringList recent = RecentWorkspaces::list();
    QCOMPARE(recent.size(), RecentWorkspaces::kMaximum);
    QCOMPARE(recent.first(), m_dir.filePath(QStringLiteral("w11.configdeck")));
    RecentWorkspaces::add(m_dir.filePath(QStringLiteral("w5.configdeck"))); // again: to the front, once
    QCOMPARE(RecentWorkspaces::list().first(), m_dir.filePath(QStringLiteral("w5.configdeck")));
    QCOMPARE(RecentWorkspaces::list().count(m_dir.filePath(QStringLiteral("w5.configdeck"))), 1);
}

QTEST_MAIN(TestStartPage)
#include "TestStartPage.moc"
