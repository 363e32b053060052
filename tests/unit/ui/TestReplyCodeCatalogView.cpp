#include "Localization.h"
#include "MainWindow.h"
#include "ReplyCodeCatalogView.h"
#include "ReplyCodeModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace ConfigDeck::Ui;

class TestReplyCodeCatalogView : public QObject
{
    Q_OBJECT

private slots:
    void modelIsConsistent();
    void searchByCodeAndWords();
    void filterByCategory();
    void mainWindowShowsCatalog();
    void chineseTranslationLoads();
};

void TestReplyCodeCatalogView::modelIsConsistent()
{
    ReplyCodeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.rowCount() >= 33);
    const QModelIndex code = model.index(0, ReplyCodeModel::CodeColumn);
    QVERIFY(code.data(ReplyCodeModel::CategoryColorRole).value<QColor>().isValid());
    QVERIFY(code.data(Qt::ToolTipRole).toString().contains(code.data().toString()));
}

void TestReplyCodeCatalogView::searchByCodeAndWords()
{
    ReplyCodeCatalogView view;
    const int all = view.visibleRowCount();
    auto* search = view.findChild<QLineEdit*>(QStringLiteral("replyCodeSearch"));
    QVERIFY(search);
    QTest::keyClicks(search, QStringLiteral("6713"));
    QCOMPARE(view.visibleRowCount(), 1);
    QCOMPARE(view.table()->model()->index(0, ReplyCodeModel::CodeColumn).data().toInt(), 6713);

    search->clear();
    QCOMPARE(view.visibleRowCount(), all);
    QTest::keyClicks(search, QStringLiteral("SIGN MISMATCH"));
    QCOMPARE(view.visibleRowCount(), 1);
    QCOMPARE(view.table()->model()->index(0, ReplyCodeModel::CodeColumn).data().toInt(), 100003);

    view.setSearchText(QStringLiteral("no such thing at all"));
    QCOMPARE(view.visibleRowCount(), 0);
}

void TestReplyCodeCatalogView::filterByCategory()
{
    ReplyCodeCatalogView view;
    auto combos = view.findChildren<QComboBox*>();
    QCOMPARE(combos.size(), 2);
    QComboBox* category = combos.at(0);
    category->setCurrentIndex(category->findText(QStringLiteral("Success")));
    QCOMPARE(view.visibleRowCount(), 2); // 200 from a device and from the platform
    QComboBox* source = combos.at(1);
    source->setCurrentIndex(source->findText(QStringLiteral("Platform")));
    QCOMPARE(view.visibleRowCount(), 1);
}

void TestReplyCodeCatalogView::mainWindowShowsCatalog()
{
    QStandardPaths::setTestModeEnabled(true);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The window starts on the start page; the reference is a tab of the console.
    window.openDemo();
    window.tabs()->setCurrentWidget(window.replyCodeCatalog());
    QVERIFY(window.replyCodeCatalog()->isVisible());
    QVERIFY(window.replyCodeCatalog()->visibleRowCount() > 30);
    const QPixmap shot = window.grab();
    QVERIFY(!shot.isNull());
    if (const QByteArray path = qgetenv("CONFIGDECK_SCREENSHOT"); !path.isEmpty())
        QVERIFY(shot.save(QString::fromLocal8Bit(path)));
}

void TestReplyCodeCatalogView::chineseTranslationLoads()
{
    QVERIFY(ConfigDeck::Localization::availableLanguages().contains(QStringLiteral("zh_CN")));
    QCOMPARE(ConfigDeck::Localization::install(QLocale(QLocale::Chinese, QLocale::China)),
             QStringLiteral("zh_CN"));
    ReplyCodeCatalogView view;
    QCOMPARE(view.table()->model()->headerData(ReplyCodeModel::MeaningColumn, Qt::Horizontal).toString(),
             QStringLiteral("含义"));
    view.setSearchText(QStringLiteral("6713"));
    QCOMPARE(view.table()->model()->index(0, ReplyCodeModel::NameColumn).data().toString(),
             QStringLiteral("远程配置功能不可用"));
}

QTEST_MAIN(TestReplyCodeCatalogView)
#include "TestReplyCodeCatalogView.moc"
