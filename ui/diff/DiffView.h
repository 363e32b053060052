#pragma once

#include "DiffPalette.h"
#include "diff/ConfigDiff.h"
#include "diff/InlineDiff.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QThread;
class QTreeWidget;
class QTreeWidgetItem;

namespace ConfigDeck::Diff {
class JsonLocator;
}

namespace ConfigDeck::Ui {

class CodeEditor;
class JsonHighlighter;

// Two versions of a configuration file side by side (aligned rows, synchronized scrolling) or inline,
// with line numbers, intra-line highlight, JSON colouring, change navigation, the JSON structural
// changes as a list (click one to jump to its line), and the unified diff to copy or save.
class DiffView final : public QWidget
{
    Q_OBJECT

public:
    enum class Mode
    {
        SideBySide,
        Inline,
    };
    Q_ENUM(Mode)

    // Inputs larger than this (both together) are diffed on a worker thread behind a busy indicator.
    static constexpr qsizetype kBackgroundThreshold = 1024 * 1024;

    explicit DiffView(QWidget* parent = nullptr);
    ~DiffView() override;

    void setOptions(const Diff::ConfigDiffOptions& options) { m_options = options; }
    void setContents(const QByteArray& oldBytes, const QByteArray& newBytes, const QString& oldName,
                     const QString& newName);
    void clear();
    bool isBusy() const { return m_busy; }
    const Diff::ConfigDiffResult& result() const { return m_result; }
    QString oldName() const { return m_oldName; }
    QString newName() const { return m_newName; }

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);

    // Changes are the runs of deleted and inserted lines, in order; -1 when none is current.
    int changeCount() const { return int(m_changes.size()); }
    int currentChange() const { return m_current; }
    void goToChange(int index);
    // Both stop at the ends (the actions are disabled there) rather than wrap, so that the last change
    // is not silently followed by the first.
    void nextChange();
    void previousChange();

    // Scrolls to the line of a JSON Pointer (in the old version for a removed value, the new one
    // otherwise) and returns the row it landed on in the current mode, or -1.
    int jumpToPointer(const QString& pointer, bool inOldVersion);

    // Rows of the current mode: where a line of either version is, and the row of the text cursor.
    int rowOfOldLine(int line) const;
    int rowOfNewLine(int line) const;
    int currentRow() const;

    QByteArray unifiedDiff() const;
    void copyUnifiedDiff() const;
    bool saveUnifiedDiff(const QString& path, QString* error = nullptr) const;

    CodeEditor* oldEditor() const { return m_oldEditor; }
    CodeEditor* newEditor() const { return m_newEditor; }
    CodeEditor* inlineEditor() const { return m_inlineEditor; }
    QTreeWidget* structuralList() const { return m_structuralList; }
    const DiffPalette& colors() const { return m_colors; }

signals:
    void diffReady();
    void currentChangeChanged(int index);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    // How one row of a document is drawn.
    enum class RowKind : quint8
    {
        Equal,
        Deleted,
        Inserted,
        Filler,
    };
    struct RowStyle
    {
        RowKind kind = RowKind::Equal;
        QList<Diff::InlineRange> ranges;
    };
    struct Change
    {
        int sideRow = 0;
        int sideRows = 0;
        int inlineRow = 0;
        int inlineRows = 0;
    };
    struct Document
    {
        QStringList text;
        QList<RowStyle> styles;
        QList<int> first;
        QList<int> second;
        QString markers;
        void add(const QString& line, RowStyle style, int firstNumber, int secondNumber, QChar marker);
    };

    void startDiff(const QByteArray& oldBytes, const QByteArray& newBytes);
    void apply(Diff::ConfigDiffResult result);
    void buildRows();
    void fill(CodeEditor* editor, const Document& document);
    void restyle(CodeEditor* editor, const Document& document);
    void applyColors();
    void fillStructural();
    void colorStructural();
    void showRow(int row);
    int changeAtRow(int row) const;
    void updateActions();
    void onStructuralItem(QTreeWidgetItem* item);
    void saveWithDialog();

    Diff::ConfigDiffOptions m_options;
    Diff::ConfigDiffResult m_result;
    QString m_oldName;
    QString m_newName;
    Mode m_mode = Mode::SideBySide;
    bool m_busy = false;
    bool m_splitterSized = false;
    quint64 m_generation = 0;
    QPointer<QThread> m_worker;

    Document m_left;
    Document m_right;
    Document m_inline;
    QList<int> m_oldSideRow; // by 1-based line number, index 0 unused
    QList<int> m_newSideRow;
    QList<int> m_oldInlineRow;
    QList<int> m_newInlineRow;
    QList<Change> m_changes;
    int m_current = -1;
    std::unique_ptr<Diff::JsonLocator> m_oldLocator;
    std::unique_ptr<Diff::JsonLocator> m_newLocator;
    DiffPalette m_colors;

    QAction* m_sideBySideAction;
    QAction* m_inlineAction;
    QAction* m_previousAction;
    QAction* m_nextAction;
    QAction* m_copyAction;
    QAction* m_saveAction;
    QLabel* m_countLabel;
    QLabel* m_positionLabel;
    QProgressBar* m_busyIndicator;
    QStackedWidget* m_stack;
    QSplitter* m_splitter;
    QLabel* m_oldHeader;
    QLabel* m_newHeader;
    CodeEditor* m_oldEditor;
    CodeEditor* m_newEditor;
    CodeEditor* m_inlineEditor;
    JsonHighlighter* m_oldHighlighter;
    JsonHighlighter* m_newHighlighter;
    JsonHighlighter* m_inlineHighlighter;
    QLabel* m_binaryNote;
    QWidget* m_structuralPanel;
    QLabel* m_structuralSummary;
    QTreeWidget* m_structuralList;
};

} // namespace ConfigDeck::Ui
