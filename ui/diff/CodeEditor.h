#pragma once

#include "DiffPalette.h"

#include <QList>
#include <QPlainTextEdit>
#include <QTextBlock>

namespace ConfigDeck::Ui {

// A plain-text editor with a line-number gutter. By default the gutter numbers the blocks; a diff gives
// its own numbers per block (one column for a side, two for the inline view, 0 for none) and a marker
// ('-', '+') per block. A bar in the gutter marks a range of blocks (the current change).
class CodeEditor final : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit CodeEditor(QWidget* parent = nullptr);

    // Per-block numbers (0: none) for one or two columns, and per-block markers; empty: block numbers.
    void setGutter(QList<int> firstColumn, QList<int> secondColumn = {}, QString markers = {});
    void setColors(const DiffPalette& palette);
    // Marks blocks [first, first + count) with a bar; count 0 clears it.
    void setMarkedBlocks(int first, int count);
    int markedFirstBlock() const { return m_markFirst; }

    // Moves the cursor to the block and scrolls it to about a third from the top.
    void showBlock(int block);
    int firstVisibleBlockNumber() const { return firstVisibleBlock().blockNumber(); }

    int gutterWidth() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    class Gutter;
    friend class Gutter;
    void paintGutter(QPaintEvent* event);
    void updateGutterWidth();
    QString numberAt(const QList<int>& column, int block) const;

    Gutter* m_gutter;
    QList<int> m_first;
    QList<int> m_second;
    QString m_markers;
    bool m_custom = false;
    DiffPalette m_colors;
    int m_markFirst = -1;
    int m_markCount = 0;
};

} // namespace ConfigDeck::Ui
