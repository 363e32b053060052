#include "JsonHighlighter.h"

namespace ConfigDeck::Ui {

JsonHighlighter::JsonHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{
}

void JsonHighlighter::setColors(const DiffPalette& palette)
{
    m_key.setForeground(palette.key);
    m_string.setForeground(palette.string);
    m_number.setForeground(palette.number);
    m_keyword.setForeground(palette.keyword);
    m_punctuation.setForeground(palette.punctuation);
    rehighlight();
}

void JsonHighlighter::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString& text)
{
    if (!m_enabled)
        return;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'"') {
            const qsizetype start = i;
            for (++i; i < n && text.at(i) != u'"'; ++i) {
                if (text.at(i) == u'\\')
                    ++i;
            }
            i = std::min(i + 1, n);
            // A string followed by ':' is a key.
            qsizetype after = i;
            while (after < n && text.at(after).isSpace())
                ++after;
            const bool isKey = after < n && text.at(after) == u':';
            setFormat(int(start), int(i - start), isKey ? m_key : m_string);
        } else if (c == u'-' || c.isDigit()) {
            const qsizetype start = i;
            while (i < n && (text.at(i).isDigit() || QStringView(u"+-.eE").contains(text.at(i))))
                ++i;
            setFormat(int(start), int(i - start), m_number);
        } else if (c.isLetter()) {
            const qsizetype start = i;
            while (i < n && text.at(i).isLetter())
                ++i;
            const QStringView word = QStringView(text).sliced(start, i - start);
            if (word == u"true" || word == u"false" || word == u"null")
                setFormat(int(start), int(i - start), m_keyword);
        } else {
            if (QStringView(u"{}[]:,").contains(c))
                setFormat(int(i), 1, m_punctuation);
            ++i;
        }
    }
}

} // namespace ConfigDeck::Ui
