#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace ConfigDeck::Diff {

// Where each value of a JSON text is: the 1-based line of every JSON Pointer ("" for the root), for
// jumping from a structural change to its line. A member is placed on its key's line, an array element
// on the line its value starts. Scans the text itself rather than a QJsonDocument, which forgets
// positions; text that is not valid JSON gives the positions up to the first error.
class JsonLocator final
{
public:
    explicit JsonLocator(const QByteArray& json);

    // The line of the pointer, or of its nearest existing ancestor when the pointer itself is not in
    // the text (a removed key looked up in the new version); 0 when the text holds no JSON at all.
    int lineOf(const QString& pointer) const;
    // The line of the pointer only when it is in the text, otherwise 0.
    int exactLineOf(const QString& pointer) const { return m_lines.value(pointer, 0); }
    qsizetype size() const { return m_lines.size(); }

    // RFC 6901: "~" is written "~0" and "/" is written "~1" in a pointer token.
    static QString escapeToken(const QString& token);

private:
    class Scanner;
    QHash<QString, int> m_lines;
};

} // namespace ConfigDeck::Diff
