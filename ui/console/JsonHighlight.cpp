#include "JsonHighlight.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace ConfigDeck::Ui {

QByteArray prettyJson(const QByteArray& payload)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError)
        return payload;
    return document.toJson(QJsonDocument::Indented);
}

QString highlightedJson(const QByteArray& payload, const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Base).lightnessF() < 0.5;
    const QString keyColor = dark ? QStringLiteral("#8ab4f8") : QStringLiteral("#1a55a8");
    const QString stringColor = dark ? QStringLiteral("#a5d6a7") : QStringLiteral("#2e7d32");
    const QString numberColor = dark ? QStringLiteral("#f6b26b") : QStringLiteral("#b35c00");
    const QString literalColor = dark ? QStringLiteral("#ce93d8") : QStringLiteral("#8e24aa");
    const QString text = QString::fromUtf8(prettyJson(payload));

    // A small tokenizer over the indented text: strings (keys when a ':' follows), numbers, literals.
    QString html;
    html.reserve(text.size() * 2);
    auto span = [&html](const QString& color, QStringView token) {
        html += QStringLiteral("<span style=\"color:%1\">").arg(color);
        html += token.toString().toHtmlEscaped();
        html += QStringLiteral("</span>");
    };
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'"') {
            qsizetype end = i + 1;
            while (end < text.size() && text.at(end) != u'"') {
                if (text.at(end) == u'\\')
                    ++end;
                ++end;
            }
            end = qMin(end + 1, text.size());
            qsizetype after = end;
            while (after < text.size() && text.at(after) == u' ')
                ++after;
            const bool isKey = after < text.size() && text.at(after) == u':';
            span(isKey ? keyColor : stringColor, QStringView(text).mid(i, end - i));
            i = end;
        } else if (c == u'-' || c.isDigit()) {
            qsizetype end = i + 1;
            while (end < text.size() &&
                   (text.at(end).isDigit() || QStringView(u".eE+-").contains(text.at(end))))
                ++end;
            span(numberColor, QStringView(text).mid(i, end - i));
            i = end;
        } else if (text.mid(i, 4) == QLatin1StringView("true") ||
                   text.mid(i, 4) == QLatin1StringView("null")) {
            span(literalColor, QStringView(text).mid(i, 4));
            i += 4;
        } else if (text.mid(i, 5) == QLatin1StringView("false")) {
            span(literalColor, QStringView(text).mid(i, 5));
            i += 5;
        } else {
            html += QString(c).toHtmlEscaped();
            ++i;
        }
    }
    return QStringLiteral("<pre style=\"margin:0\">%1</pre>").arg(html);
}

} // namespace ConfigDeck::Ui
