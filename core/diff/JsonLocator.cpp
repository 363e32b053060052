#include "JsonLocator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace ConfigDeck::Diff {

// A recursive-descent walk over the bytes that records the line of each value's pointer. Depth is
// bounded so that a hostile file cannot overflow the stack.
class JsonLocator::Scanner final
{
public:
    Scanner(const QByteArray& text, QHash<QString, int>& lines)
        : m_text(text)
        , m_lines(lines)
    {
    }

    void run()
    {
        skipSpace();
        value(QString(), m_line, 0);
    }

private:
    static constexpr int kMaxDepth = 512;

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = m_text.at(m_pos);
            if (c == '\n')
                ++m_line;
            else if (c != ' ' && c != '\t' && c != '\r')
                return;
            ++m_pos;
        }
    }

    // Returns false on a syntax error: the walk stops there.
    bool value(const QString& pointer, int line, int depth)
    {
        if (depth > kMaxDepth || atEnd())
            return false;
        m_lines.insert(pointer, line);
        const char c = peek();
        if (c == '{')
            return object(pointer, depth);
        if (c == '[')
            return array(pointer, depth);
        if (c == '"')
            return string(nullptr);
        return scalar();
    }

    bool object(const QString& pointer, int depth)
    {
        ++m_pos; // '{'
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (peek() != '"')
                return false;
            const int keyLine = m_line;
            QByteArray key;
            if (!string(&key))
                return false;
            skipSpace();
            if (peek() != ':')
                return false;
            ++m_pos;
            skipSpace();
            const QString child = pointer + u'/' + escapeToken(decodeKey(key));
            if (!value(child, keyLine, depth + 1))
                return false;
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return true;
            }
            return false;
        }
    }

    bool array(const QString& pointer, int depth)
    {
        ++m_pos; // '['
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            return true;
        }
        for (int index = 0;; ++index) {
            skipSpace();
            if (!value(pointer + u'/' + QString::number(index), m_line, depth + 1))
                return false;
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return true;
            }
            return false;
        }
    }

    // A string token, raw (with its quotes) into `raw` when given.
    bool string(QByteArray* raw)
    {
        const qsizetype start = m_pos;
        ++m_pos; // opening quote
        while (!atEnd()) {
            const char c = m_text.at(m_pos);
            if (c == '\\') {
                m_pos += 2;
                continue;
            }
            if (c == '\n')
                return false; // JSON strings cannot hold a raw newline
            ++m_pos;
            if (c == '"') {
                if (raw)
                    *raw = m_text.sliced(start, m_pos - start);
                return true;
            }
        }
        return false;
    }

    bool scalar()
    {
        const qsizetype start = m_pos;
        while (!atEnd()) {
            const char c = m_text.at(m_pos);
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n')
                break;
            ++m_pos;
        }
        return m_pos > start;
    }

    // Escapes (\u00e9, \") are decoded the way the structural diff sees the key.
    static QString decodeKey(const QByteArray& raw)
    {
        if (!raw.contains('\\'))
            return QString::fromUtf8(raw.sliced(1, raw.size() - 2));
        const QJsonDocument doc = QJsonDocument::fromJson('[' + raw + ']');
        return doc.isArray() ? doc.array().at(0).toString()
                             : QString::fromUtf8(raw.sliced(1, raw.size() - 2));
    }

    const QByteArray& m_text;
    QHash<QString, int>& m_lines;
    qsizetype m_pos = 0;
    int m_line = 1;
};

JsonLocator::JsonLocator(const QByteArray& json)
{
    Scanner(json, m_lines).run();
}

int JsonLocator::lineOf(const QString& pointer) const
{
    QString path = pointer;
    for (;;) {
        if (const auto it = m_lines.constFind(path); it != m_lines.cend())
            return it.value();
        if (path.isEmpty())
            return 0;
        path.truncate(path.lastIndexOf(u'/'));
    }
}

QString JsonLocator::escapeToken(const QString& token)
{
    QString escaped = token;
    escaped.replace(u'~', QStringLiteral("~0"));
    escaped.replace(u'/', QStringLiteral("~1"));
    return escaped;
}

} // namespace ConfigDeck::Diff
