#include "DiffView.h"

#include "CodeEditor.h"
#include "DiffUiLog.h"
#include "JsonHighlighter.h"
#include "diff/JsonLocator.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTextBlock>
#include <QThread>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ConfigDeck::Ui {

namespace {

enum StackPage
{
    SideBySidePage = 0,
    InlinePage = 1,
    BinaryPage = 2,
};

enum StructuralRole
{
    PointerRole = Qt::UserRole,
    OldVersionRole,
    KindRole,
};

// Lines longer than this are shown without intra-line highlight (a minified document on one line).
constexpr qsizetype kInlineDiffMaxLine = 4000;

QString displayLine(QString line)
{
    if (line.endsWith(u'\r'))
        line.chop(1);
    return line;
}

QString kindText(Diff::JsonChangeKind kind)
{
    switch (kind) {
    case Diff::JsonChangeKind::Added:
        return DiffView::tr("added");
    case Diff::JsonChangeKind::Removed:
        return DiffView::tr("removed");
    case Diff::JsonChangeKind::Changed:
        return DiffView::tr("changed");
    case Diff::JsonChangeKind::TypeChanged:
        return DiffView::tr("type changed");
    }
    return {};
}

void linkScrollBars(QScrollBar* a, QScrollBar* b)
{
    QObject::connect(a, &QScrollBar::valueChanged, b, [b](int value) {
        if (b->value() != value)
            b->setValue(value);
    });
    QObject::connect(b, &QScrollBar::valueChanged, a, [a](int value) {
        if (a->value() != value)
            a->setValue(value);
    });
}

} // namespace

void DiffView::Document::add(const QString& line, RowStyle style, int firstNumber, int secondNumber,
                             QChar marker)
{
    text.append(line);
    styles.append(std::move(style));
    first.append(firstNumber);
    second.append(secondNumber);
    markers.append(marker);
}

DiffView::DiffView(QWidget* parent)
    : QWidget(parent)
{
    m_colors = DiffPalette::from(palette());

    auto* toolBar = new QToolBar(this);
    toolBar->setObjectName(u"diffToolBar"_s);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(16, 16));

    auto* modes = new QActionGroup(this);
    m_sideBySideAction = new QAction(tr("Side by side"), modes);
    m_sideBySideAction->setObjectName(u"sideBySideMode"_s);
    m_sideBySideAction->setCheckable(true);
    m_sideBySideAction->setChecked(true);
    m_sideBySideAction->setToolTip(tr("Show the old and new versions next to each other"));
    m_inlineAction = new QAction(tr("Inline"), modes);
    m_inlineAction->setObjectName(u"inlineMode"_s);
    m_inlineAction->setCheckable(true);
    m_inlineAction->setToolTip(tr("Show removed and added lines in one column"));
    toolBar->addAction(m_sideBySideAction);
    toolBar->addAction(m_inlineAction);
    toolBar->addSeparator();

    m_previousAction = new QAction(style()->standardIcon(QStyle::SP_ArrowUp), tr("Previous change"), this);
    m_previousAction->setObjectName(u"previousChange"_s);
    m_previousAction->setShortcuts(
        {QKeySequence(Qt::SHIFT | Qt::Key_F7), QKeySequence(Qt::ALT | Qt::Key_Up)});
    m_previousAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_previousAction->setToolTip(tr("Previous change (Shift+F7, Alt+Up)"));
    m_nextAction = new QAction(style()->standardIcon(QStyle::SP_ArrowDown), tr("Next change"), this);
    m_nextAction->setObjectName(u"nextChange"_s);
    m_nextAction->setShortcuts({QKeySequence(Qt::Key_F7), QKeySequence(Qt::ALT | Qt::Key_Down)});
    m_nextAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_nextAction->setToolTip(tr("Next change (F7, Alt+Down)"));
    addAction(m_previousAction);
    addAction(m_nextAction);
    toolBar->addAction(m_previousAction);
    toolBar->addAction(m_nextAction);

    m_positionLabel = new QLabel(this);
    m_positionLabel->setObjectName(u"changePosition"_s);
    m_positionLabel->setContentsMargins(8, 0, 8, 0);
    toolBar->addWidget(m_positionLabel);
    toolBar->addSeparator();
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(u"changeCount"_s);
    m_countLabel->setContentsMargins(8, 0, 8, 0);
    toolBar->addWidget(m_countLabel);
    m_busyIndicator = new QProgressBar(this);
    m_busyIndicator->setObjectName(u"busyIndicator"_s);
    m_busyIndicator->setRange(0, 0); // indeterminate
    m_busyIndicator->setMaximumWidth(120);
    m_busyIndicator->setTextVisible(false);
    m_busyIndicator->setVisible(false);
    toolBar->addWidget(m_busyIndicator);

    auto* spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    m_copyAction = new QAction(tr("Copy unified diff"), this);
    m_copyAction->setObjectName(u"copyUnifiedDiff"_s);
    m_copyAction->setToolTip(tr("Copy the changes as a unified diff (patch) to the clipboard"));
    m_saveAction = new QAction(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("Save diff…"), this);
    m_saveAction->setObjectName(u"saveUnifiedDiff"_s);
    m_saveAction->setToolTip(tr("Save the changes as a unified diff (.diff) file"));
    toolBar->addAction(m_copyAction);
    toolBar->addAction(m_saveAction);

    // Side by side: a header with each version's name above its editor.
    auto makeSide = [this](QLabel*& header, CodeEditor*& editor, const QString& name) {
        auto* side = new QWidget(this);
        auto* layout = new QVBoxLayout(side);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(0);
        header = new QLabel(side);
        header->setObjectName(name + u"Header"_s);
        header->setContentsMargins(8, 4, 8, 4);
        header->setTextFormat(Qt::PlainText);
        editor = new CodeEditor(side);
        editor->setObjectName(name + u"Editor"_s);
        editor->setReadOnly(true);
        editor->setUndoRedoEnabled(false);
        editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        layout->addWidget(header);
        layout->addWidget(editor);
        return side;
    };
    auto* sides = new QSplitter(Qt::Horizontal, this);
    sides->setObjectName(u"sideBySide"_s);
    sides->setChildrenCollapsible(false);
    sides->addWidget(makeSide(m_oldHeader, m_oldEditor, u"old"_s));
    sides->addWidget(makeSide(m_newHeader, m_newEditor, u"new"_s));
    linkScrollBars(m_oldEditor->verticalScrollBar(), m_newEditor->verticalScrollBar());
    linkScrollBars(m_oldEditor->horizontalScrollBar(), m_newEditor->horizontalScrollBar());

    m_inlineEditor = new CodeEditor(this);
    m_inlineEditor->setObjectName(u"inlineEditor"_s);
    m_inlineEditor->setReadOnly(true);
    m_inlineEditor->setUndoRedoEnabled(false);
    m_inlineEditor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_binaryNote = new QLabel(this);
    m_binaryNote->setObjectName(u"binaryNote"_s);
    m_binaryNote->setWordWrap(true);
    m_binaryNote->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_binaryNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_binaryNote->setMargin(16);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(u"diffPages"_s);
    m_stack->insertWidget(SideBySidePage, sides);
    m_stack->insertWidget(InlinePage, m_inlineEditor);
    m_stack->insertWidget(BinaryPage, m_binaryNote);

    m_oldHighlighter = new JsonHighlighter(m_oldEditor->document());
    m_newHighlighter = new JsonHighlighter(m_newEditor->document());
    m_inlineHighlighter = new JsonHighlighter(m_inlineEditor->document());

    // The structural changes: a summary above a list of paths.
    m_structuralPanel = new QWidget(this);
    m_structuralPanel->setObjectName(u"structuralPanel"_s);
    auto* panelLayout = new QVBoxLayout(m_structuralPanel);
    panelLayout->setContentsMargins(0, 0, 0, 0);
    panelLayout->setSpacing(0);
    m_structuralSummary = new QLabel(m_structuralPanel);
    m_structuralSummary->setObjectName(u"structuralSummary"_s);
    m_structuralSummary->setWordWrap(true);
    m_structuralSummary->setContentsMargins(8, 4, 8, 4);
    m_structuralList = new QTreeWidget(m_structuralPanel);
    m_structuralList->setObjectName(u"structuralList"_s);
    m_structuralList->setRootIsDecorated(false);
    m_structuralList->setUniformRowHeights(true);
    m_structuralList->setAlternatingRowColors(true);
    m_structuralList->setHeaderLabels({tr("Path"), tr("Change"), tr("Old → new")});
    m_structuralList->header()->setStretchLastSection(true);
    m_structuralList->header()->setSectionResizeMode(QHeaderView::Interactive);
    panelLayout->addWidget(m_structuralSummary);
    panelLayout->addWidget(m_structuralList);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"diffSplitter"_s);
    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(m_structuralPanel);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_structuralPanel->setMinimumWidth(260);
    m_splitter->setCollapsible(0, false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(m_splitter, 1);

    connect(m_sideBySideAction, &QAction::triggered, this, [this] { setMode(Mode::SideBySide); });
    connect(m_inlineAction, &QAction::triggered, this, [this] { setMode(Mode::Inline); });
    connect(m_previousAction, &QAction::triggered, this, &DiffView::previousChange);
    connect(m_nextAction, &QAction::triggered, this, &DiffView::nextChange);
    connect(m_copyAction, &QAction::triggered, this, &DiffView::copyUnifiedDiff);
    connect(m_saveAction, &QAction::triggered, this, &DiffView::saveWithDialog);
    connect(m_structuralList, &QTreeWidget::itemClicked, this, &DiffView::onStructuralItem);
    connect(m_structuralList, &QTreeWidget::itemActivated, this, &DiffView::onStructuralItem);
    // Arrow keys in the list follow along; the first current item, which the list picks by itself when
    // it gets focus, has no previous one and must not move the view.
    connect(m_structuralList, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* current, QTreeWidgetItem* previous) {
                if (previous)
                    onStructuralItem(current);
            });

    applyColors();
    clear();
}

DiffView::~DiffView()
{
    // The worker only reads its own copies of the inputs; wait so that it does not outlive the view.
    if (m_worker)
        m_worker->wait();
}

void DiffView::clear()
{
    ++m_generation;
    m_busy = false;
    m_result = {};
    m_oldName.clear();
    m_newName.clear();
    m_left = {};
    m_right = {};
    m_inline = {};
    m_changes.clear();
    m_current = -1;
    m_oldLocator.reset();
    m_newLocator.reset();
    for (CodeEditor* editor : {m_oldEditor, m_newEditor, m_inlineEditor}) {
        editor->clear();
        editor->setGutter({});
        editor->setMarkedBlocks(0, 0);
    }
    m_oldHeader->clear();
    m_newHeader->clear();
    m_structuralList->clear();
    m_structuralPanel->setVisible(false);
    m_busyIndicator->setVisible(false);
    m_countLabel->clear();
    updateActions();
}

void DiffView::setContents(const QByteArray& oldBytes, const QByteArray& newBytes, const QString& oldName,
                           const QString& newName)
{
    clear();
    m_oldName = oldName;
    m_newName = newName;
    m_oldHeader->setText(oldName);
    m_newHeader->setText(newName);
    startDiff(oldBytes, newBytes);
}

void DiffView::startDiff(const QByteArray& oldBytes, const QByteArray& newBytes)
{
    if (oldBytes.size() + newBytes.size() <= kBackgroundThreshold) {
        apply(Diff::ConfigDiff::compare(oldBytes, newBytes, m_options));
        return;
    }
    // A previous worker finishes first: its result is discarded by the generation check.
    if (m_worker)
        m_worker->wait();
    m_busy = true;
    m_busyIndicator->setVisible(true);
    m_countLabel->setText(tr("Comparing…"));
    updateActions();
    qCDebug(lcDiffUi) << "diffing" << oldBytes.size() << "+" << newBytes.size() << "bytes on a worker thread";
    const quint64 generation = m_generation;
    auto result = std::make_shared<Diff::ConfigDiffResult>();
    QThread* worker = QThread::create([result, oldBytes, newBytes, options = m_options] {
        *result = Diff::ConfigDiff::compare(oldBytes, newBytes, options);
    });
    m_worker = worker;
    connect(worker, &QThread::finished, this, [this, generation, result] {
        if (generation != m_generation) {
            qCDebug(lcDiffUi) << "discarding the diff of replaced contents";
            return;
        }
        apply(std::move(*result));
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void DiffView::apply(Diff::ConfigDiffResult result)
{
    m_busy = false;
    m_busyIndicator->setVisible(false);
    m_result = std::move(result);
    m_current = -1;

    if (m_result.isBinary()) {
        const Diff::BinaryComparison& binary = *m_result.binary;
        m_binaryNote->setText(tr("%1\n\n%2: %3 bytes, SHA-256 %4\n%5: %6 bytes, SHA-256 %7")
                                  .arg(binary.note, m_oldName, QLocale().toString(binary.oldSize),
                                       QString::fromLatin1(binary.oldSha256), m_newName,
                                       QLocale().toString(binary.newSize),
                                       QString::fromLatin1(binary.newSha256)));
        m_stack->setCurrentIndex(BinaryPage);
        m_countLabel->setText(binary.identical ? tr("Identical") : tr("Binary files differ"));
        m_structuralPanel->setVisible(false);
        updateActions();
        emit diffReady();
        return;
    }

    buildRows();
    const bool json = Diff::ConfigDiff::looksLikeJson(m_result.lines.oldText()) ||
                      Diff::ConfigDiff::looksLikeJson(m_result.lines.newText());
    for (JsonHighlighter* highlighter : {m_oldHighlighter, m_newHighlighter, m_inlineHighlighter})
        highlighter->setEnabled(json);
    fill(m_oldEditor, m_left);
    fill(m_newEditor, m_right);
    fill(m_inlineEditor, m_inline);
    m_stack->setCurrentIndex(m_mode == Mode::SideBySide ? SideBySidePage : InlinePage);

    if (m_result.isIdentical()) {
        m_countLabel->setText(tr("No differences"));
    } else {
        //: %1 "3 changes", %2 lines added, %3 lines removed
        m_countLabel->setText(tr("%1  (+%2 −%3 lines)")
                                  .arg(tr("%n change(s)", nullptr, changeCount()))
                                  .arg(m_result.lines.insertedCount())
                                  .arg(m_result.lines.deletedCount()));
    }
    fillStructural();
    if (!m_changes.isEmpty())
        goToChange(0);
    updateActions();
    emit diffReady();
}

void DiffView::buildRows()
{
    const Diff::DiffResult& diff = m_result.lines;
    m_oldSideRow = QList<int>(diff.oldLineCount() + 1, -1);
    m_newSideRow = QList<int>(diff.newLineCount() + 1, -1);
    m_oldInlineRow = m_oldSideRow;
    m_newInlineRow = m_newSideRow;

    const QList<Diff::DiffLine>& ops = diff.lines();
    const qsizetype n = ops.size();
    qsizetype i = 0;
    while (i < n) {
        const Diff::DiffLine& op = ops.at(i);
        if (op.op == Diff::LineOp::Equal) {
            const QString oldText = displayLine(diff.oldLineText(op.oldLine));
            m_oldSideRow[op.oldLine] = int(m_left.text.size());
            m_newSideRow[op.newLine] = int(m_right.text.size());
            m_left.add(oldText, {}, op.oldLine, 0, u' ');
            m_right.add(op.oldLine == op.newLine ? oldText : displayLine(diff.newLineText(op.newLine)), {},
                        op.newLine, 0, u' ');
            m_oldInlineRow[op.oldLine] = m_newInlineRow[op.newLine] = int(m_inline.text.size());
            m_inline.add(oldText, {}, op.oldLine, op.newLine, u' ');
            ++i;
            continue;
        }
        // A change: the run of deletions and insertions up to the next unchanged line.
        QList<int> deleted;
        QList<int> inserted;
        for (; i < n && ops.at(i).op != Diff::LineOp::Equal; ++i) {
            if (ops.at(i).op == Diff::LineOp::Delete)
                deleted.append(ops.at(i).oldLine);
            else
                inserted.append(ops.at(i).newLine);
        }
        Change change;
        change.sideRow = int(m_left.text.size());
        change.inlineRow = int(m_inline.text.size());
        const qsizetype rows = std::max(deleted.size(), inserted.size());
        QList<RowStyle> oldStyles(deleted.size(), RowStyle{RowKind::Deleted, {}});
        QList<RowStyle> newStyles(inserted.size(), RowStyle{RowKind::Inserted, {}});
        QStringList oldTexts;
        QStringList newTexts;
        for (int line : deleted)
            oldTexts.append(displayLine(diff.oldLineText(line)));
        for (int line : inserted)
            newTexts.append(displayLine(diff.newLineText(line)));
        // The i-th deleted line against the i-th inserted one, as InlineDiff::pairChangedLines pairs them.
        for (qsizetype k = 0; k < std::min(deleted.size(), inserted.size()); ++k) {
            if (oldTexts.at(k).size() > kInlineDiffMaxLine || newTexts.at(k).size() > kInlineDiffMaxLine)
                continue;
            const Diff::InlineDiffResult words = Diff::InlineDiff::compare(oldTexts.at(k), newTexts.at(k));
            oldStyles[k].ranges = words.oldRanges;
            newStyles[k].ranges = words.newRanges;
        }
        for (qsizetype k = 0; k < rows; ++k) {
            if (k < deleted.size()) {
                m_oldSideRow[deleted.at(k)] = int(m_left.text.size());
                m_left.add(oldTexts.at(k), oldStyles.at(k), deleted.at(k), 0, u'-');
            } else {
                m_left.add(QString(), {RowKind::Filler, {}}, 0, 0, u' ');
            }
            if (k < inserted.size()) {
                m_newSideRow[inserted.at(k)] = int(m_right.text.size());
                m_right.add(newTexts.at(k), newStyles.at(k), inserted.at(k), 0, u'+');
            } else {
                m_right.add(QString(), {RowKind::Filler, {}}, 0, 0, u' ');
            }
        }
        for (qsizetype k = 0; k < deleted.size(); ++k) {
            m_oldInlineRow[deleted.at(k)] = int(m_inline.text.size());
            m_inline.add(oldTexts.at(k), oldStyles.at(k), deleted.at(k), 0, u'-');
        }
        for (qsizetype k = 0; k < inserted.size(); ++k) {
            m_newInlineRow[inserted.at(k)] = int(m_inline.text.size());
            m_inline.add(newTexts.at(k), newStyles.at(k), 0, inserted.at(k), u'+');
        }
        change.sideRows = int(rows);
        change.inlineRows = int(deleted.size() + inserted.size());
        m_changes.append(change);
    }
}

void DiffView::fill(CodeEditor* editor, const Document& document)
{
    editor->setPlainText(document.text.join(u'\n'));
    const bool twoColumns = editor == m_inlineEditor;
    editor->setGutter(document.first, twoColumns ? document.second : QList<int>{}, document.markers);
    restyle(editor, document);
}

void DiffView::restyle(CodeEditor* editor, const Document& document)
{
    editor->setColors(m_colors);
    QTextDocument* textDocument = editor->document();
    QTextCursor cursor(textDocument);
    cursor.beginEditBlock();
    QTextBlock block = textDocument->begin();
    for (qsizetype row = 0; row < document.styles.size() && block.isValid(); ++row, block = block.next()) {
        const RowStyle& style = document.styles.at(row);
        if (style.kind == RowKind::Equal)
            continue;
        QTextBlockFormat lineFormat;
        QColor strong;
        switch (style.kind) {
        case RowKind::Deleted:
            lineFormat.setBackground(m_colors.deletedLine);
            strong = m_colors.deletedText;
            break;
        case RowKind::Inserted:
            lineFormat.setBackground(m_colors.insertedLine);
            strong = m_colors.insertedText;
            break;
        case RowKind::Filler:
            lineFormat.setBackground(QBrush(m_colors.filler));
            break;
        case RowKind::Equal:
            break;
        }
        cursor.setPosition(block.position());
        cursor.setBlockFormat(lineFormat);
        for (const Diff::InlineRange& range : style.ranges) {
            const qsizetype start = std::min<qsizetype>(range.offset, block.length() - 1);
            const qsizetype end = std::min<qsizetype>(range.offset + range.length, block.length() - 1);
            if (end <= start)
                continue;
            cursor.setPosition(block.position() + int(start));
            cursor.setPosition(block.position() + int(end), QTextCursor::KeepAnchor);
            QTextCharFormat wordFormat;
            wordFormat.setBackground(strong);
            cursor.setCharFormat(wordFormat);
        }
    }
    cursor.endEditBlock();
}

void DiffView::applyColors()
{
    m_colors = DiffPalette::from(palette());
    for (JsonHighlighter* highlighter : {m_oldHighlighter, m_newHighlighter, m_inlineHighlighter})
        highlighter->setColors(m_colors);
    const QString headerStyle =
        u"QLabel { background: %1; color: %2; font-weight: 600; border-bottom: 1px solid %3; }"_s.arg(
            m_colors.gutter.name(), palette().color(QPalette::Text).name(),
            m_colors.filler.darker(110).name());
    m_oldHeader->setStyleSheet(headerStyle);
    m_newHeader->setStyleSheet(headerStyle);
    m_structuralSummary->setStyleSheet(headerStyle);
    colorStructural();
    if (!m_left.styles.isEmpty()) {
        restyle(m_oldEditor, m_left);
        restyle(m_newEditor, m_right);
        restyle(m_inlineEditor, m_inline);
    } else {
        for (CodeEditor* editor : {m_oldEditor, m_newEditor, m_inlineEditor})
            editor->setColors(m_colors);
    }
}

void DiffView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // The first time the width is known: about 30 % for the structural list, enough for path and values.
    if (!m_splitterSized && width() > 0) {
        m_splitterSized = true;
        const int side = std::clamp(width() * 3 / 10, 260, 480);
        m_splitter->setSizes({width() - side, side});
    }
}

void DiffView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

void DiffView::fillStructural()
{
    m_structuralList->clear();
    if (!m_result.structural) {
        m_structuralPanel->setVisible(!m_result.structuralNote.isEmpty());
        m_structuralSummary->setText(m_result.structuralNote);
        m_structuralList->setVisible(false);
        return;
    }
    const Diff::JsonDiffResult& structural = *m_result.structural;
    m_structuralPanel->setVisible(true);
    m_structuralList->setVisible(true);
    m_structuralSummary->setText(structural.isIdentical() ? tr("Structurally identical")
                                                          : structural.summary());
    QList<QTreeWidgetItem*> items;
    items.reserve(structural.changes.size());
    for (const Diff::JsonChange& change : structural.changes) {
        QString values;
        switch (change.kind) {
        case Diff::JsonChangeKind::Added:
            values = change.newValue;
            break;
        case Diff::JsonChangeKind::Removed:
            values = change.oldValue;
            break;
        case Diff::JsonChangeKind::Changed:
        case Diff::JsonChangeKind::TypeChanged:
            values = change.oldValue + u" → "_s + change.newValue;
            break;
        }
        auto* item = new QTreeWidgetItem({change.displayPath, kindText(change.kind), values});
        item->setData(0, PointerRole, change.pointer);
        item->setData(0, OldVersionRole, change.kind == Diff::JsonChangeKind::Removed);
        item->setToolTip(0, change.pointer);
        item->setToolTip(2, values);
        item->setData(0, KindRole, int(change.kind));
        items.append(item);
    }
    m_structuralList->addTopLevelItems(items);
    colorStructural();
    m_structuralList->resizeColumnToContents(0);
    m_structuralList->resizeColumnToContents(1);
    m_structuralList->setColumnWidth(0, std::min(m_structuralList->columnWidth(0) + 8, 200));
    m_structuralList->setColumnWidth(1, m_structuralList->columnWidth(1) + 8);
}

void DiffView::colorStructural()
{
    for (int i = 0; i < m_structuralList->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_structuralList->topLevelItem(i);
        const auto kind = Diff::JsonChangeKind(item->data(0, KindRole).toInt());
        item->setForeground(1, kind == Diff::JsonChangeKind::Added     ? m_colors.insertedMarker
                               : kind == Diff::JsonChangeKind::Removed ? m_colors.deletedMarker
                                                                       : m_colors.currentChange);
    }
}

void DiffView::onStructuralItem(QTreeWidgetItem* item)
{
    if (!item)
        return;
    jumpToPointer(item->data(0, PointerRole).toString(), item->data(0, OldVersionRole).toBool());
}

int DiffView::jumpToPointer(const QString& pointer, bool inOldVersion)
{
    if (m_result.isBinary() || m_busy)
        return -1;
    int row = -1;
    if (inOldVersion) {
        if (!m_oldLocator)
            m_oldLocator = std::make_unique<Diff::JsonLocator>(m_result.lines.oldText());
        row = rowOfOldLine(m_oldLocator->lineOf(pointer));
    } else {
        if (!m_newLocator)
            m_newLocator = std::make_unique<Diff::JsonLocator>(m_result.lines.newText());
        row = rowOfNewLine(m_newLocator->lineOf(pointer));
    }
    if (row < 0)
        return -1;
    const int change = changeAtRow(row);
    if (change >= 0 && change != m_current) {
        m_current = change;
        emit currentChangeChanged(m_current);
    }
    showRow(row);
    updateActions();
    return row;
}

int DiffView::rowOfOldLine(int line) const
{
    const QList<int>& rows = m_mode == Mode::SideBySide ? m_oldSideRow : m_oldInlineRow;
    return line > 0 && line < rows.size() ? rows.at(line) : -1;
}

int DiffView::rowOfNewLine(int line) const
{
    const QList<int>& rows = m_mode == Mode::SideBySide ? m_newSideRow : m_newInlineRow;
    return line > 0 && line < rows.size() ? rows.at(line) : -1;
}

int DiffView::currentRow() const
{
    const CodeEditor* editor = m_mode == Mode::SideBySide ? m_newEditor : m_inlineEditor;
    return editor->textCursor().blockNumber();
}

int DiffView::changeAtRow(int row) const
{
    for (int i = 0; i < changeCount(); ++i) {
        const Change& change = m_changes.at(i);
        const int first = m_mode == Mode::SideBySide ? change.sideRow : change.inlineRow;
        const int count = m_mode == Mode::SideBySide ? change.sideRows : change.inlineRows;
        if (row >= first && row < first + count)
            return i;
    }
    return -1;
}

void DiffView::showRow(int row)
{
    const bool side = m_mode == Mode::SideBySide;
    if (side) {
        m_oldEditor->showBlock(row);
        m_newEditor->showBlock(row);
    } else {
        m_inlineEditor->showBlock(row);
    }
}

void DiffView::goToChange(int index)
{
    if (index < 0 || index >= changeCount())
        return;
    m_current = index;
    const Change& change = m_changes.at(index);
    m_oldEditor->setMarkedBlocks(change.sideRow, change.sideRows);
    m_newEditor->setMarkedBlocks(change.sideRow, change.sideRows);
    m_inlineEditor->setMarkedBlocks(change.inlineRow, change.inlineRows);
    showRow(m_mode == Mode::SideBySide ? change.sideRow : change.inlineRow);
    updateActions();
    emit currentChangeChanged(m_current);
}

void DiffView::nextChange()
{
    if (m_current + 1 < changeCount())
        goToChange(m_current + 1);
}

void DiffView::previousChange()
{
    if (m_current > 0)
        goToChange(m_current - 1);
}

void DiffView::setMode(Mode mode)
{
    m_mode = mode;
    m_sideBySideAction->setChecked(mode == Mode::SideBySide);
    m_inlineAction->setChecked(mode == Mode::Inline);
    if (m_result.isBinary())
        return;
    m_stack->setCurrentIndex(mode == Mode::SideBySide ? SideBySidePage : InlinePage);
    // The current change stays current and in view in the other mode.
    if (m_current >= 0)
        goToChange(m_current);
}

void DiffView::updateActions()
{
    const bool ready = !m_busy && !m_result.isBinary();
    m_previousAction->setEnabled(ready && m_current > 0);
    m_nextAction->setEnabled(ready && m_current + 1 < changeCount());
    const bool hasDiff = ready && !m_result.isIdentical();
    m_copyAction->setEnabled(hasDiff);
    m_saveAction->setEnabled(hasDiff);
    m_sideBySideAction->setEnabled(ready);
    m_inlineAction->setEnabled(ready);
    m_positionLabel->setText(m_current >= 0 ? tr("Change %1 of %2").arg(m_current + 1).arg(changeCount())
                                            : QString());
}

QByteArray DiffView::unifiedDiff() const
{
    if (m_result.isBinary() || m_busy)
        return {};
    return m_result.lines.toUnifiedDiff(m_oldName, m_newName);
}

void DiffView::copyUnifiedDiff() const
{
    QApplication::clipboard()->setText(QString::fromUtf8(unifiedDiff()));
}

bool DiffView::saveUnifiedDiff(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(unifiedDiff()) < 0 || !file.commit()) {
        if (error)
            *error =
                tr("Cannot save the diff to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void DiffView::saveWithDialog()
{
    const QString suggested = QFileInfo(m_newName).completeBaseName() + u".diff"_s;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save unified diff"), suggested,
                                                      tr("Diff files (*.diff *.patch);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveUnifiedDiff(path, &error))
        QMessageBox::warning(this, tr("Save unified diff"), error);
}

} // namespace ConfigDeck::Ui
