#include "CodeEditor.h"
#include "DiffView.h"
#include "Localization.h"
#include "support/GuiTestHelpers.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>

using namespace ConfigDeck;
using namespace ConfigDeck::Ui;
using namespace Qt::Literals::StringLiterals;

class TestDiffView final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void countsTheChanges();
    void nextAndPreviousVisitEachChangeInOrder();
    void shortcutsNavigate();
    void modeSwitchKeepsTheCurrentChange();
    void sideBySideRowsAlign();
    void intraLineHighlightMarksOnlyTheChangedCharacters();
    void structuralEntryJumpsToItsLine_data();
    void structuralEntryJumpsToItsLine();
    void scrollingIsSynchronized();
    void copiedUnifiedDiffApplies();
    void darkPaletteGivesDarkColours();
    void binaryFilesShowTheNote();
    void largeInputsAreDiffedInTheBackground();
    void screenshot();

private:
    static int lineContaining(const QByteArray& text, const QByteArray& needle);
    static QString blockText(const CodeEditor* editor, int row);

    QByteArray m_old;
    QByteArray m_new;
    DiffView* m_view = nullptr;
};

// The fixture's changes, as `diff -U0 gateway-old.json gateway-new.json` lists them: every hunk
// replaces or removes at least one old line, so each change starts on the old line given here.
static const QList<int> kChangeOldLines = {5, 10, 16, 21, 37, 63, 72};

void TestDiffView::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QFile oldFile(QFINDTESTDATA("data/gateway-old.json"));
    QFile newFile(QFINDTESTDATA("data/gateway-new.json"));
    QVERIFY(oldFile.open(QIODevice::ReadOnly));
    QVERIFY(newFile.open(QIODevice::ReadOnly));
    m_old = oldFile.readAll();
    m_new = newFile.readAll();
}

void TestDiffView::init()
{
    m_view = new DiffView;
    m_view->resize(1200, 700);
    m_view->setContents(m_old, m_new, u"gateway-old.json"_s, u"gateway-new.json"_s);
    QVERIFY(!m_view->isBusy());
}

void TestDiffView::cleanup()
{
    delete m_view;
    m_view = nullptr;
}

int TestDiffView::lineContaining(const QByteArray& text, const QByteArray& needle)
{
    const qsizetype at = text.indexOf(needle);
    return at < 0 ? 0 : int(text.left(at).count('\n')) + 1;
}

QString TestDiffView::blockText(const CodeEditor* editor, int row)
{
    return editor->document()->findBlockByNumber(row).text();
}

void TestDiffView::countsTheChanges()
{
    QCOMPARE(m_view->changeCount(), kChangeOldLines.size());
    QCOMPARE(m_view->result().lines.deletedCount(), 7);
    QCOMPARE(m_view->result().lines.insertedCount(), 10);
    const auto* label = m_view->findChild<QLabel*>(u"changeCount"_s);
    QVERIFY(label);
    QVERIFY2(label->text().contains(u"7 change"_s), qPrintable(label->text()));
    QVERIFY(m_view->result().structural.has_value());
}

void TestDiffView::nextAndPreviousVisitEachChangeInOrder()
{
    auto* next = m_view->findChild<QAction*>(u"nextChange"_s);
    auto* previous = m_view->findChild<QAction*>(u"previousChange"_s);
    QVERIFY(next && previous);
    QSignalSpy spy(m_view, &DiffView::currentChangeChanged);

    // The view opens on the first change.
    QCOMPARE(m_view->currentChange(), 0);
    QVERIFY(!previous->isEnabled());
    for (int i = 0; i < kChangeOldLines.size(); ++i) {
        if (i > 0)
            next->trigger();
        QCOMPARE(m_view->currentChange(), i);
        const int row = m_view->rowOfOldLine(kChangeOldLines.at(i));
        QCOMPARE(m_view->currentRow(), row);
        QCOMPARE(m_view->oldEditor()->textCursor().blockNumber(), row);
        QCOMPARE(m_view->oldEditor()->markedFirstBlock(), row);
        // The row is on screen.
        const int first = m_view->newEditor()->firstVisibleBlockNumber();
        QVERIFY2(row >= first && row < first + 25, qPrintable(u"row %1 first %2"_s.arg(row).arg(first)));
    }
    QCOMPARE(spy.size(), kChangeOldLines.size() - 1);
    // It stops at the last change.
    QVERIFY(!next->isEnabled());
    m_view->nextChange();
    QCOMPARE(m_view->currentChange(), kChangeOldLines.size() - 1);

    for (int i = int(kChangeOldLines.size()) - 2; i >= 0; --i) {
        previous->trigger();
        QCOMPARE(m_view->currentChange(), i);
        QCOMPARE(m_view->currentRow(), m_view->rowOfOldLine(kChangeOldLines.at(i)));
    }
    m_view->previousChange();
    QCOMPARE(m_view->currentChange(), 0);
}

void TestDiffView::shortcutsNavigate()
{
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    m_view->activateWindow();
    m_view->newEditor()->setFocus();
    QTRY_VERIFY(m_view->newEditor()->hasFocus());
    QTest::keyClick(m_view->newEditor(), Qt::Key_F7);
    QCOMPARE(m_view->currentChange(), 1);
    QTest::keyClick(m_view->newEditor(), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(m_view->currentChange(), 2);
    QTest::keyClick(m_view->newEditor(), Qt::Key_F7, Qt::ShiftModifier);
    QCOMPARE(m_view->currentChange(), 1);
    QTest::keyClick(m_view->newEditor(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(m_view->currentChange(), 0);
}

void TestDiffView::modeSwitchKeepsTheCurrentChange()
{
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    m_view->goToChange(3);
    const QString changedLine = blockText(m_view->oldEditor(), m_view->currentRow());
    QVERIFY2(changedLine.contains(u"\"keepAliveSeconds\": 120"_s), qPrintable(changedLine));

    m_view->findChild<QAction*>(u"inlineMode"_s)->trigger();
    QCOMPARE(m_view->mode(), DiffView::Mode::Inline);
    QVERIFY(m_view->inlineEditor()->isVisible());
    QVERIFY(!m_view->newEditor()->isVisible());
    QCOMPARE(m_view->currentChange(), 3);
    QCOMPARE(m_view->currentRow(), m_view->rowOfOldLine(21));
    QCOMPARE(blockText(m_view->inlineEditor(), m_view->currentRow()), changedLine);
    // Inline: the removed line, then the added one.
    QVERIFY(
        blockText(m_view->inlineEditor(), m_view->currentRow() + 1).contains(u"\"keepAliveSeconds\": 90"_s));
    // Navigation works in this mode too.
    m_view->nextChange();
    QCOMPARE(m_view->currentRow(), m_view->rowOfOldLine(37));

    m_view->findChild<QAction*>(u"sideBySideMode"_s)->trigger();
    QCOMPARE(m_view->mode(), DiffView::Mode::SideBySide);
    QCOMPARE(m_view->currentChange(), 4);
    QCOMPARE(m_view->currentRow(), m_view->rowOfOldLine(37));
    QVERIFY(m_view->newEditor()->isVisible());
}

void TestDiffView::sideBySideRowsAlign()
{
    const CodeEditor* left = m_view->oldEditor();
    const CodeEditor* right = m_view->newEditor();
    QCOMPARE(left->blockCount(), right->blockCount());
    // Deleted 7 and inserted 10 lines over 75 unchanged ones: the rows of the longer side.
    QCOMPARE(left->blockCount(), 75 + 10 + 1);
    for (const Diff::DiffLine& line : m_view->result().lines.lines()) {
        if (line.op != Diff::LineOp::Equal)
            continue;
        const int row = m_view->rowOfOldLine(line.oldLine);
        QCOMPARE(m_view->rowOfNewLine(line.newLine), row);
        QCOMPARE(blockText(left, row), blockText(right, row));
    }
    // The removed metrics element faces a filler row.
    const int removedRow = m_view->rowOfOldLine(16);
    QCOMPARE(blockText(left, removedRow).trimmed(), u"\"vibration\","_s);
    QCOMPARE(blockText(right, removedRow), QString());
    QVERIFY(right->document()->findBlockByNumber(removedRow).blockFormat().background().style() !=
            Qt::NoBrush);
}

void TestDiffView::intraLineHighlightMarksOnlyTheChangedCharacters()
{
    const int row = m_view->rowOfOldLine(10); // "intervalSeconds": 60 -> 30
    const QTextBlock block = m_view->newEditor()->document()->findBlockByNumber(row);
    const QColor strong = m_view->colors().insertedText;
    QString highlighted;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        if (fragment.charFormat().background().color() == strong)
            highlighted += fragment.text();
    }
    QCOMPARE(highlighted, u"3"_s);
    QCOMPARE(block.blockFormat().background().color(), m_view->colors().insertedLine);
}

void TestDiffView::structuralEntryJumpsToItsLine_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<bool>("inOld");
    QTest::addColumn<QByteArray>("needle");
    QTest::addColumn<int>("change");

    QTest::addRow("changed scalar") << u"/telemetry/intervalSeconds"_s << false
                                    << QByteArray("\"intervalSeconds\"") << 1;
    QTest::addRow("nested in an array")
        << u"/sensors/0/alarm/high"_s << false << QByteArray("\"high\": 80.0") << 4;
    QTest::addRow("added object") << u"/ota/window"_s << false << QByteArray("\"window\"") << 6;
    // By index, metrics[3] ("power") is what was removed, though the line diff removed "vibration":
    // the jump lands on the "power" line of the old version, an unchanged line, and keeps the change.
    QTest::addRow("removed element") << u"/telemetry/metrics/3"_s << true << QByteArray("\"power\"") << 0;
    QTest::addRow("string") << u"/logging/level"_s << false << QByteArray("\"level\"") << 5;
}

void TestDiffView::structuralEntryJumpsToItsLine()
{
    QFETCH(QString, pointer);
    QFETCH(bool, inOld);
    QFETCH(QByteArray, needle);
    QFETCH(int, change);

    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    QTreeWidget* list = m_view->structuralList();
    QVERIFY(list->isVisible());
    QTreeWidgetItem* target = nullptr;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->toolTip(0) == pointer)
            target = list->topLevelItem(i);
    }
    QVERIFY2(target, qPrintable(pointer));
    // Start somewhere else, then click the entry.
    m_view->goToChange(0);
    list->scrollToItem(target);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(target).center());

    const int line = lineContaining(inOld ? m_old : m_new, needle);
    QVERIFY(line > 0);
    const int row = inOld ? m_view->rowOfOldLine(line) : m_view->rowOfNewLine(line);
    QCOMPARE(m_view->currentRow(), row);
    const CodeEditor* editor = inOld ? m_view->oldEditor() : m_view->newEditor();
    QVERIFY(blockText(editor, row).contains(QString::fromUtf8(needle)));
    QCOMPARE(m_view->currentChange(), change);

    // In the inline view the same entry lands on the same line.
    m_view->setMode(DiffView::Mode::Inline);
    const int inlineRow = m_view->jumpToPointer(pointer, inOld);
    QCOMPARE(inlineRow, inOld ? m_view->rowOfOldLine(line) : m_view->rowOfNewLine(line));
    QVERIFY(blockText(m_view->inlineEditor(), inlineRow).contains(QString::fromUtf8(needle)));
}

void TestDiffView::scrollingIsSynchronized()
{
    m_view->resize(900, 300);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    QScrollBar* left = m_view->oldEditor()->verticalScrollBar();
    QScrollBar* right = m_view->newEditor()->verticalScrollBar();
    QVERIFY(right->maximum() > 20);
    right->setValue(20);
    QCOMPARE(left->value(), 20);
    left->setValue(5);
    QCOMPARE(right->value(), 5);
    QCOMPARE(m_view->oldEditor()->firstVisibleBlockNumber(), m_view->newEditor()->firstVisibleBlockNumber());
}

void TestDiffView::copiedUnifiedDiffApplies()
{
    QApplication::clipboard()->clear();
    m_view->findChild<QAction*>(u"copyUnifiedDiff"_s)->trigger();
    const QString copied = QApplication::clipboard()->text();
    QVERIFY(copied.startsWith(u"--- gateway-old.json\n+++ gateway-new.json\n"_s));
    QCOMPARE(copied.count(u"\n@@ "_s), 4); // the 7 changes in 4 hunks at 3 lines of context, as diff -u

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString diffPath = dir.filePath(u"changes.diff"_s);
    QVERIFY(m_view->saveUnifiedDiff(diffPath));
    QFile saved(diffPath);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), copied.toUtf8());

    const QString patch = QStandardPaths::findExecutable(u"patch"_s);
    if (patch.isEmpty())
        QSKIP("GNU patch is not installed");
    QFile target(dir.filePath(u"config.json"_s));
    QVERIFY(target.open(QIODevice::WriteOnly));
    target.write(m_old);
    target.close();
    QProcess process;
    process.start(patch, {u"-s"_s, dir.filePath(u"config.json"_s), diffPath});
    QVERIFY(process.waitForFinished());
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(target.open(QIODevice::ReadOnly));
    QCOMPARE(target.readAll(), m_new);
}

void TestDiffView::darkPaletteGivesDarkColours()
{
    const int row = m_view->rowOfOldLine(5);
    const auto background = [&] {
        return m_view->oldEditor()->document()->findBlockByNumber(row).blockFormat().background().color();
    };
    const QColor light = background();
    QVERIFY(!m_view->colors().dark);
    QVERIFY(light.lightnessF() > 0.8);

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xd4, 0xd4, 0xd4));
    dark.setColor(QPalette::WindowText, QColor(0xd4, 0xd4, 0xd4));
    dark.setColor(QPalette::Button, QColor(0x33, 0x33, 0x33));
    dark.setColor(QPalette::ButtonText, QColor(0xd4, 0xd4, 0xd4));
    m_view->setPalette(dark);
    QVERIFY(m_view->colors().dark);
    const QColor darkBackground = background();
    QVERIFY(darkBackground != light);
    QVERIFY2(darkBackground.lightnessF() < 0.35, qPrintable(darkBackground.name()));
    // Still a red tint: deleted lines stay recognisable.
    QVERIFY(darkBackground.red() > darkBackground.green());
    QVERIFY(m_view->colors().key != DiffPalette::from(QApplication::style()->standardPalette()).key);
}

void TestDiffView::binaryFilesShowTheNote()
{
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    m_view->setContents(QByteArray("\x01\x02\x00\x03", 4), m_new, u"firmware.bin"_s, u"gateway.json"_s);
    QVERIFY(m_view->result().isBinary());
    auto* note = m_view->findChild<QLabel*>(u"binaryNote"_s);
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(m_view->result().binary->note));
    QVERIFY(note->text().contains(QString::fromLatin1(m_view->result().binary->newSha256)));
    QCOMPARE(m_view->changeCount(), 0);
    QVERIFY(!m_view->findChild<QAction*>(u"nextChange"_s)->isEnabled());
    QVERIFY(m_view->unifiedDiff().isEmpty());
}

void TestDiffView::largeInputsAreDiffedInTheBackground()
{
    QByteArray oldText;
    for (int i = 0; i < 40000; ++i)
        oldText += "    \"key" + QByteArray::number(i) + "\": \"value of a long enough line\",\n";
    QByteArray newText = oldText;
    newText.replace("\"key20000\": \"value", "\"key20000\": \"VALUE");
    QVERIFY(oldText.size() + newText.size() > DiffView::kBackgroundThreshold);
    QSignalSpy ready(m_view, &DiffView::diffReady);
    m_view->setContents(oldText, newText, u"a"_s, u"b"_s);
    QVERIFY(m_view->isBusy());
    QVERIFY(m_view->findChild<QWidget*>(u"busyIndicator"_s)->isVisibleTo(m_view));
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);
    QVERIFY(!m_view->isBusy());
    QCOMPARE(m_view->changeCount(), 1);
    QCOMPARE(m_view->currentRow(), 20000);
}

void TestDiffView::screenshot()
{
    const QString dir = qEnvironmentVariable("CONFIGDECK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("Set CONFIGDECK_SCREENSHOT_DIR to write the README screenshots");
    QVERIFY(QDir().mkpath(dir));
    Localization::install(QLocale::c()); // English as the application shows it, plurals included
    const auto shoot = [&](const QString& file) {
        m_view->resize(1200, 700);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
        m_view->goToChange(0);
        m_view->structuralList()->setCurrentItem(nullptr);
        QApplication::processEvents();
        QVERIFY(m_view->grab().save(QDir(dir).filePath(file)));
    };
    shoot(u"diff-view.png"_s);

    m_view->setPalette(ConfigDeck::TestSupport::darkPalette());
    shoot(u"diff-view-dark.png"_s);
}

QTEST_MAIN(TestDiffView)
#include "TestDiffView.moc"
