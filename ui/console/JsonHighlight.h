#pragma once

#include <QByteArray>
#include <QPalette>
#include <QString>

namespace ConfigDeck::Ui {

// Pretty-prints JSON and colours keys, strings, numbers and literals as HTML for a QTextBrowser. Input that
// is not JSON is shown as it is, escaped. Colours suit the palette (light or dark).
QString highlightedJson(const QByteArray& payload, const QPalette& palette);
// Indented JSON text, or the input unchanged when it is not JSON.
QByteArray prettyJson(const QByteArray& payload);

} // namespace ConfigDeck::Ui
