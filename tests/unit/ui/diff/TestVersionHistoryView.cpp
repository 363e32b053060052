#include "ConfigEditor.h"
#include "DiffView.h"
#include "VersionHistoryView.h"
#include "store/Workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace ConfigDeck;
using namespace ConfigDeck::Ui;
using namespace Qt::Literals::StringLiterals;

class TestVersionHistoryView final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsTheVersionsOfTheProduct();
    void switchingProductsListsTheirVersions();
    void compareTwoOpensTheDiff();
    void restoreAsksThenSignals();
    void newVersionFromTheEditorIsListed();

private:
    QString addVersion(const QByteArray& content, const QString& label, Store::ConfigOrigin origin);
    void clickRows(const QList<int>& rows);

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Workspace> m_workspace;
    std::unique_ptr<VersionHistoryView> m_view;
    QByteArray m_old;
    QByteArray m_new;
    QStringList m_shas; // oldest first
};

QString TestVersionHistoryView::addVersion(const QByteArray& content, const QString& label,
                                           Store::ConfigOrigin origin)
{
    const auto sha = m_workspace->versions().add(content, u"a1GatewayPK"_s, label, origin);
    if (!sha)
        qFatal("%s", qPrintable(sha.error().message()));
    QThread::msleep(3); // distinct creation times
    return sha.value();
}

void TestVersionHistoryView::init()
{
    QVERIFY(m_dir.isValid());
    QFile oldFile(QFINDTESTDATA("data/gateway-old.json"));
    QFile newFile(QFINDTESTDATA("data/gateway-new.json"));
    QVERIFY(oldFile.open(QIODevice::ReadOnly) && newFile.open(QIODevice::ReadOnly));
    m_old = oldFile.readAll();
    m_new = newFile.readAll();

    auto opened = Store::Workspace::open(
        m_dir.filePath(u"ws-%1.cdk"_s.arg(QLatin1StringView(QTest::currentTestFunction()))));
    QVERIFY(opened);
    m_workspace = std::move(opened.value());
    QVERIFY(
        m_workspace->identities().upsertProduct({u"a1GatewayPK"_s, u"Gateways"_s, u"cn-shanghai"_s, true}));
    QVERIFY(m_workspace->identities().upsertProduct({u"a1MeterPK"_s, u"Meters"_s, u"cn-shanghai"_s, true}));
    m_shas = {addVersion(m_old, u"baseline"_s, Store::ConfigOrigin::Downloaded),
              addVersion("{\"unrelated\": true}\n", QString(), Store::ConfigOrigin::Pushed),
              addVersion(m_new, u"faster telemetry"_s, Store::ConfigOrigin::Edited)};
    QVERIFY(
        m_workspace->versions().add("{\"meter\": 1}", u"a1MeterPK"_s, u"m"_s, Store::ConfigOrigin::Edited));

    m_view = std::make_unique<VersionHistoryView>(m_workspace.get());
    m_view->resize(1100, 800);
    m_view->setProductKey(u"a1GatewayPK"_s);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestVersionHistoryView::cleanup()
{
    m_view.reset();
    m_workspace.reset();
}

void TestVersionHistoryView::clickRows(const QList<int>& rows)
{
    QTableWidget* table = m_view->table();
    table->clearSelection();
    for (int row : rows) {
        const QRect rect = table->visualItemRect(table->item(row, VersionHistoryView::LabelColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier, rect.center());
    }
}

void TestVersionHistoryView::listsTheVersionsOfTheProduct()
{
    QTableWidget* table = m_view->table();
    QCOMPARE(table->rowCount(), 3);
    // Newest first.
    QCOMPARE(table->item(0, VersionHistoryView::ShaColumn)->text(), m_shas.at(2).left(12));
    QCOMPARE(table->item(0, VersionHistoryView::ShaColumn)->toolTip(), m_shas.at(2));
    QCOMPARE(table->item(0, VersionHistoryView::LabelColumn)->text(), u"faster telemetry"_s);
    QCOMPARE(table->item(0, VersionHistoryView::OriginColumn)->text(), u"Edited"_s);
    QCOMPARE(table->item(1, VersionHistoryView::OriginColumn)->text(), u"Pushed"_s);
    QCOMPARE(table->item(2, VersionHistoryView::OriginColumn)->text(), u"Downloaded"_s);
    QCOMPARE(table->item(2, VersionHistoryView::SizeColumn)->toolTip(),
             u"%1 bytes"_s.arg(QLocale().toString(m_old.size())));
    QVERIFY(table->item(2, VersionHistoryView::SizeColumn)->text().endsWith(u"KB"_s));
    QVERIFY(!table->item(0, VersionHistoryView::TimeColumn)->text().isEmpty());

    auto* compare = m_view->findChild<QPushButton*>(u"compareVersions"_s);
    auto* restore = m_view->findChild<QPushButton*>(u"restoreVersion"_s);
    QVERIFY(!compare->isEnabled() && !restore->isEnabled());
    clickRows({0});
    QVERIFY(!compare->isEnabled() && restore->isEnabled());
    clickRows({0, 2});
    QVERIFY(compare->isEnabled() && !restore->isEnabled());
}

void TestVersionHistoryView::switchingProductsListsTheirVersions()
{
    auto* products = m_view->findChild<QComboBox*>(u"productSelector"_s);
    QCOMPARE(products->count(), 2);
    QSignalSpy changed(m_view.get(), &VersionHistoryView::productChanged);
    products->setCurrentIndex(products->findData(u"a1MeterPK"_s));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_view->productKey(), u"a1MeterPK"_s);
    QCOMPARE(m_view->table()->rowCount(), 1);
    QCOMPARE(m_view->table()->item(0, VersionHistoryView::LabelColumn)->text(), u"m"_s);
}

void TestVersionHistoryView::compareTwoOpensTheDiff()
{
    QSignalSpy compared(m_view.get(), &VersionHistoryView::compared);
    QVERIFY(!m_view->diffView()->isVisible());
    // Selected newest first: the older one still becomes the old side.
    clickRows({0, 2});
    QTest::mouseClick(m_view->findChild<QPushButton*>(u"compareVersions"_s), Qt::LeftButton);
    QCOMPARE(compared.size(), 1);
    QCOMPARE(compared.at(0).at(0).toString(), m_shas.at(0));
    QCOMPARE(compared.at(0).at(1).toString(), m_shas.at(2));
    DiffView* diff = m_view->diffView();
    QVERIFY(diff->isVisible());
    QCOMPARE(diff->result().lines.oldText(), m_old);
    QCOMPARE(diff->result().lines.newText(), m_new);
    QCOMPARE(diff->changeCount(), 7);
    QVERIFY(diff->oldName().contains(u"baseline"_s) && diff->oldName().contains(m_shas.at(0).left(12)));
    QVERIFY(diff->newName().contains(u"faster telemetry"_s));

    // Comparing another pair updates the same view.
    clickRows({1, 2});
    QVERIFY(m_view->compareSelected());
    QCOMPARE(diff->result().lines.newText(), QByteArray("{\"unrelated\": true}\n"));
    QCOMPARE(m_view->findChildren<DiffView*>().size(), 1);
}

void TestVersionHistoryView::restoreAsksThenSignals()
{
    QSignalSpy restore(m_view.get(), &VersionHistoryView::restoreRequested);
    clickRows({1});
    const auto answer = [](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [button] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box);
            QVERIFY(box->text().contains(u"a1GatewayPK"_s));
            box->button(button)->click();
        });
    };
    answer(QMessageBox::Cancel);
    m_view->restoreSelected();
    QCOMPARE(restore.size(), 0);

    answer(QMessageBox::Yes);
    QTest::mouseClick(m_view->findChild<QPushButton*>(u"restoreVersion"_s), Qt::LeftButton);
    QCOMPARE(restore.size(), 1);
    QCOMPARE(restore.at(0).at(0).toString(), m_shas.at(1));
}

void TestVersionHistoryView::newVersionFromTheEditorIsListed()
{
    QSignalSpy added(m_view.get(), &VersionHistoryView::versionAdded);
    clickRows({2});
    QTest::mouseClick(m_view->findChild<QPushButton*>(u"newVersion"_s), Qt::LeftButton);
    auto* editor = m_view->findChild<ConfigEditor*>(u"configEditor"_s);
    QVERIFY(editor);
    QTRY_VERIFY(editor->isVisible());
    // It starts from the selected version.
    QCOMPARE(editor->content(), m_old);
    QCOMPARE(editor->productKey(), u"a1GatewayPK"_s);

    // Unchanged content is the existing version: nothing is added.
    QCOMPARE(editor->saveAsNewVersion(), m_shas.at(0));
    QCOMPARE(added.size(), 0);
    QCOMPARE(m_view->table()->rowCount(), 3);

    editor->setContent("{\"interval\": 5}");
    editor->setLabel(u"debug"_s);
    const QString sha = editor->saveAsNewVersion();
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.at(0).at(0).toString(), sha);
    QCOMPARE(m_view->table()->rowCount(), 4);
    QCOMPARE(m_view->table()->item(0, VersionHistoryView::LabelColumn)->text(), u"debug"_s);
    QCOMPARE(m_view->selectedVersions(), QStringList{sha});
}

QTEST_MAIN(TestVersionHistoryView)
#include "TestVersionHistoryView.moc"
