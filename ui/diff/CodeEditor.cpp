#include "CodeEditor.h"

#include <QFontDatabase>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>

namespace ConfigDeck::Ui {

class CodeEditor::Gutter final : public QWidget
{
public:
    explicit Gutter(CodeEditor* editor)
        : QWidget(editor)
        , m_editor(editor)
    {
    }
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent* event) override { m_editor->paintGutter(event); }

private:
    CodeEditor* m_editor;
};

CodeEditor::CodeEditor(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_gutter(new Gutter(this))
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::Monospace);
    setFont(font);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(QFontMetricsF(font).horizontalAdvance(u' ') * 4);
    m_colors = DiffPalette::from(palette());
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& rect, int dy) {
        if (dy != 0)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    updateGutterWidth();
}

void CodeEditor::setGutter(QList<int> firstColumn, QList<int> secondColumn, QString markers)
{
    m_first = std::move(firstColumn);
    m_second = std::move(secondColumn);
    m_markers = std::move(markers);
    m_custom = !m_first.isEmpty() || !m_second.isEmpty() || !m_markers.isEmpty();
    updateGutterWidth();
    m_gutter->update();
}

void CodeEditor::setColors(const DiffPalette& palette)
{
    m_colors = palette;
    m_gutter->update();
}

void CodeEditor::setMarkedBlocks(int first, int count)
{
    m_markFirst = count > 0 ? first : -1;
    m_markCount = count;
    m_gutter->update();
}

void CodeEditor::showBlock(int block)
{
    const QTextBlock target = document()->findBlockByNumber(block);
    if (!target.isValid())
        return;
    QTextCursor cursor(target);
    setTextCursor(cursor);
    // Without wrapping the vertical scroll bar counts blocks: put the block a third of the way down.
    const int visible = std::max(1, viewport()->height() / std::max(1, fontMetrics().height()));
    verticalScrollBar()->setValue(std::max(0, block - visible / 3));
}

int CodeEditor::gutterWidth() const
{
    int maxNumber = std::max(1, blockCount());
    if (m_custom) {
        maxNumber = 1;
        for (int n : m_first)
            maxNumber = std::max(maxNumber, n);
        for (int n : m_second)
            maxNumber = std::max(maxNumber, n);
    }
    const int digits = std::max(3, int(QString::number(maxNumber).size()));
    const int digitWidth = fontMetrics().horizontalAdvance(u'9');
    const int columns = m_second.isEmpty() ? 1 : 2;
    const int markerWidth = m_markers.isEmpty() ? 0 : digitWidth + 6;
    return 8 + columns * (digits * digitWidth + 8) + markerWidth;
}

void CodeEditor::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void CodeEditor::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

QString CodeEditor::numberAt(const QList<int>& column, int block) const
{
    if (!m_custom)
        return QString::number(block + 1);
    const int n = block < column.size() ? column.at(block) : 0;
    return n > 0 ? QString::number(n) : QString();
}

void CodeEditor::paintGutter(QPaintEvent* event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), m_colors.gutter);
    painter.setFont(font());
    const int digitWidth = fontMetrics().horizontalAdvance(u'9');
    const int markerWidth = m_markers.isEmpty() ? 0 : digitWidth + 6;
    const int columns = m_second.isEmpty() ? 1 : 2;
    const int columnWidth = (gutterWidth() - 8 - markerWidth) / columns;

    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int number = block.blockNumber();
            const int height = bottom - top;
            // The line's own background reaches into the gutter, as in most diff tools.
            const QBrush background = block.blockFormat().background();
            if (background.style() != Qt::NoBrush)
                painter.fillRect(0, top, m_gutter->width(), height, background);
            painter.setPen(m_colors.gutterText);
            painter.drawText(0, top, columnWidth, height, Qt::AlignRight | Qt::AlignVCenter,
                             numberAt(m_first, number));
            if (columns == 2)
                painter.drawText(columnWidth, top, columnWidth, height, Qt::AlignRight | Qt::AlignVCenter,
                                 numberAt(m_second, number));
            if (number < m_markers.size() && m_markers.at(number) != u' ') {
                const QChar marker = m_markers.at(number);
                painter.setPen(marker == u'-' ? m_colors.deletedMarker : m_colors.insertedMarker);
                painter.drawText(columns * columnWidth + 4, top, markerWidth, height, Qt::AlignCenter,
                                 QString(marker));
            }
            if (m_markFirst >= 0 && number >= m_markFirst && number < m_markFirst + m_markCount)
                painter.fillRect(0, top, 3, height, m_colors.currentChange);
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
    // A hairline between gutter and text.
    painter.setPen(m_colors.filler.darker(m_colors.dark ? 70 : 110));
    painter.drawLine(m_gutter->width() - 1, event->rect().top(), m_gutter->width() - 1,
                     event->rect().bottom());
}

} // namespace ConfigDeck::Ui
