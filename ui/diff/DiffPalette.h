#pragma once

#include <QColor>

class QPalette;

namespace ConfigDeck::Ui {

// The colours of the diff view and the JSON highlighter, chosen for the palette's base: a dark Base
// (lightness under one half) gets the dark set, so the view reads well in both themes.
struct DiffPalette
{
    bool dark = false;
    QColor deletedLine;
    QColor insertedLine;
    QColor deletedText; // the changed stretch inside a deleted line
    QColor insertedText;
    QColor filler; // the blank rows that keep both sides aligned
    QColor gutter;
    QColor gutterText;
    QColor currentChange; // the bar in the gutter beside the current change
    QColor deletedMarker;
    QColor insertedMarker;
    // JSON syntax
    QColor key;
    QColor string;
    QColor number;
    QColor keyword; // true, false, null
    QColor punctuation;

    static DiffPalette from(const QPalette& palette);
    static bool isDark(const QPalette& palette);
};

} // namespace ConfigDeck::Ui
