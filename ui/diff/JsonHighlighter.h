#pragma once

#include "DiffPalette.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace ConfigDeck::Ui {

// JSON colouring: keys, strings, numbers, true/false/null and punctuation. It sets foreground colours
// only, so the diff's line and word backgrounds show through. JSON strings cannot span lines, so each
// line is coloured on its own (also right for the diff's partial documents and filler rows).
class JsonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit JsonHighlighter(QTextDocument* document);

    void setColors(const DiffPalette& palette);
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_punctuation;
    bool m_enabled = true;
};

} // namespace ConfigDeck::Ui
