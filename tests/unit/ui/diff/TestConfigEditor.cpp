#include "CodeEditor.h"
#include "ConfigEditor.h"
#include "store/Workspace.h"
#include "support/StoredValue.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using namespace ConfigDeck::Ui;
using namespace Qt::Literals::StringLiterals;

class TestConfigEditor final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void invalidJsonShowsLineAndColumnAsYouType();
    void prettyPrintButton();
    void sizeLimitWithAlibabaLimits();
    void savingTheSameBytesTwiceIsOneVersion();
    void cannotSaveInvalidJson();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store::Workspace> m_workspace;
    std::unique_ptr<ConfigEditor> m_editor;
};

void TestConfigEditor::init()
{
    QVERIFY(m_dir.isValid());
    auto opened = Store::Workspace::open(
        m_dir.filePath(u"ws-%1.cdk"_s.arg(QLatin1StringView(QTest::currentTestFunction()))));
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
    m_workspace = std::move(opened.value());
    QVERIFY(
        m_workspace->identities().upsertProduct({u"a1GatewayPK"_s, u"Gateways"_s, u"cn-shanghai"_s, true}));
    m_editor = std::make_unique<ConfigEditor>(m_workspace.get());
    m_editor->setProductKey(u"a1GatewayPK"_s);
    m_editor->resize(800, 600);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
}

void TestConfigEditor::cleanup()
{
    m_editor.reset();
    m_workspace.reset();
}

void TestConfigEditor::invalidJsonShowsLineAndColumnAsYouType()
{
    auto* validation = m_editor->findChild<QLabel*>(u"validationLabel"_s);
    QVERIFY(validation);
    m_editor->editor()->setFocus();
    QTest::keyClicks(m_editor->editor(), u"{\"interval\": 30,"_s);
    QTest::keyClick(m_editor->editor(), Qt::Key_Return);
    QTest::keyClicks(m_editor->editor(), u"\"qos\" 1}"_s);
    // Validation is debounced: nothing yet right after typing, then the problem with its position.
    QTRY_VERIFY(!m_editor->isValid() && validation->text().contains(u"line 2, column 7"_s));
    QVERIFY2(m_editor->validationMessage().startsWith(u"line 2, column 7: "_s),
             qPrintable(m_editor->validationMessage()));
    QCOMPARE(m_editor->editor()->extraSelections().size(), 1);
    QCOMPARE(m_editor->editor()->extraSelections().first().cursor.blockNumber(), 1);
    QVERIFY(!m_editor->findChild<QPushButton*>(u"saveVersion"_s)->isEnabled());

    // Fixing it makes it valid.
    QTest::keyClick(m_editor->editor(), Qt::Key_Left); // before '}'
    QTest::keyClick(m_editor->editor(), Qt::Key_Left); // before '1'
    QTest::keyClick(m_editor->editor(), Qt::Key_Left); // before ' '
    QTest::keyClicks(m_editor->editor(), u":"_s);
    QTRY_VERIFY(m_editor->isValid());
    QCOMPARE(m_editor->content(), QByteArray("{\"interval\": 30,\n\"qos\": 1}"));
    QVERIFY(m_editor->validationMessage().isEmpty());
    QVERIFY(m_editor->editor()->extraSelections().isEmpty());
    QVERIFY(m_editor->findChild<QPushButton*>(u"saveVersion"_s)->isEnabled());
}

void TestConfigEditor::prettyPrintButton()
{
    m_editor->setContent("{\"b\":1,\"a\":[true,{\"c\":null}]}");
    auto* button = m_editor->findChild<QPushButton*>(u"prettyPrint"_s);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(m_editor->content(), QByteArray("{\n    \"b\": 1,\n    \"a\": [\n        true,\n        {\n"
                                             "            \"c\": null\n        }\n    ]\n}\n"));
    QVERIFY(m_editor->isValid());
    // One undo step brings the original back.
    m_editor->editor()->undo();
    QCOMPARE(m_editor->content(), QByteArray("{\"b\":1,\"a\":[true,{\"c\":null}]}"));

    m_editor->setContent("{\"b\":");
    QVERIFY(!button->isEnabled());
    QVERIFY(!m_editor->prettyPrint());
    QCOMPARE(m_editor->content(), QByteArray("{\"b\":"));
}

void TestConfigEditor::sizeLimitWithAlibabaLimits()
{
    auto* size = m_editor->findChild<QLabel*>(u"sizeLabel"_s);
    const QByteArray small = "{\"blob\": \"" + QByteArray(12585, 'x') + "\"}";
    QCOMPARE(small.size(), 12597);
    m_editor->setContent(small);
    QCOMPARE(size->text(), u"12.3 KB"_s);
    m_editor->setAlibabaLimits(true);
    QCOMPARE(size->text(), u"12.3 KB of 64 KB"_s);
    QVERIFY(!m_editor->isOverLimit());
    QVERIFY(size->styleSheet().isEmpty());

    m_editor->setContent("{\"blob\": \"" + QByteArray(70000, 'x') + "\"}");
    QVERIFY(m_editor->isOverLimit());
    QCOMPARE(size->text(), u"68.4 KB of 64 KB"_s);
    QVERIFY(size->styleSheet().contains(u"color"_s)); // red
    QVERIFY(!m_editor->findChild<QPushButton*>(u"saveVersion"_s)->isEnabled());
    QVERIFY(m_editor->saveAsNewVersion().isEmpty());
    QVERIFY(m_editor->statusMessage().contains(u"64 KB"_s));
    QVERIFY(storedValue(m_workspace->versions().list(u"a1GatewayPK"_s)).isEmpty());

    // The limit is Alibaba's: without it the same file may be saved.
    m_editor->findChild<QWidget*>(u"alibabaLimits"_s)->setProperty("checked", false);
    QVERIFY(!m_editor->alibabaLimits());
    QVERIFY(!m_editor->isOverLimit());
    QVERIFY(m_editor->findChild<QPushButton*>(u"saveVersion"_s)->isEnabled());
}

void TestConfigEditor::savingTheSameBytesTwiceIsOneVersion()
{
    QSignalSpy saved(m_editor.get(), &ConfigEditor::versionSaved);
    m_editor->setContent("{\"interval\": 30}");
    m_editor->setLabel(u"faster telemetry"_s);
    QTest::mouseClick(m_editor->findChild<QPushButton*>(u"saveVersion"_s), Qt::LeftButton);
    QCOMPARE(saved.size(), 1);
    const QString sha = saved.at(0).at(0).toString();
    QCOMPARE(sha.size(), 64);
    QCOMPARE(saved.at(0).at(1).toBool(), false);
    QCOMPARE(m_editor->statusMessage(), u"Saved as version %1."_s.arg(sha.left(12)));

    m_editor->setLabel(u"same again"_s);
    QCOMPARE(m_editor->saveAsNewVersion(), sha);
    QCOMPARE(saved.size(), 2);
    QCOMPARE(saved.at(1).at(1).toBool(), true);
    QVERIFY2(m_editor->statusMessage().startsWith(u"This content is already version %1"_s.arg(sha.left(12))),
             qPrintable(m_editor->statusMessage()));

    const auto versions = storedValue(m_workspace->versions().list(u"a1GatewayPK"_s, true));
    QCOMPARE(versions.size(), 1);
    QCOMPARE(versions.first().content, QByteArray("{\"interval\": 30}"));
    QCOMPARE(versions.first().label, u"faster telemetry"_s); // the first save's metadata is kept
    QCOMPARE(versions.first().origin, Store::ConfigOrigin::Edited);

    m_editor->setContent("{\"interval\": 15}");
    const QString second = m_editor->saveAsNewVersion();
    QVERIFY(!second.isEmpty() && second != sha);
    QCOMPARE(storedValue(m_workspace->versions().list(u"a1GatewayPK"_s)).size(), 2);
}

void TestConfigEditor::cannotSaveInvalidJson()
{
    m_editor->setContent("{\"a\": ");
    QVERIFY(m_editor->saveAsNewVersion().isEmpty());
    QVERIFY(m_editor->statusMessage().contains(u"line 1, column 7"_s));
    QVERIFY(storedValue(m_workspace->versions().list(u"a1GatewayPK"_s)).isEmpty());
}

QTEST_MAIN(TestConfigEditor)
#include "TestConfigEditor.moc"
