#include "DiffPalette.h"

#include <QPalette>

namespace ConfigDeck::Ui {

namespace {
QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}
} // namespace

bool DiffPalette::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

DiffPalette DiffPalette::from(const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    DiffPalette p;
    p.dark = isDark(palette);
    // Tints blended into the palette's own base, so a slightly tinted theme keeps its character.
    if (p.dark) {
        p.deletedLine = mix(base, QColor(0xf8, 0x51, 0x49), 0.16);
        p.insertedLine = mix(base, QColor(0x2e, 0xa0, 0x43), 0.18);
        p.deletedText = mix(base, QColor(0xf8, 0x51, 0x49), 0.42);
        p.insertedText = mix(base, QColor(0x2e, 0xa0, 0x43), 0.45);
        p.deletedMarker = QColor(0xff, 0x7b, 0x72);
        p.insertedMarker = QColor(0x3f, 0xb9, 0x50);
        p.currentChange = QColor(0x58, 0xa6, 0xff);
        p.key = QColor(0x9c, 0xdc, 0xfe);
        p.string = QColor(0xce, 0x91, 0x78);
        p.number = QColor(0xb5, 0xce, 0xa8);
        p.keyword = QColor(0x56, 0x9c, 0xd6);
    } else {
        p.deletedLine = mix(base, QColor(0xff, 0x81, 0x82), 0.16);
        p.insertedLine = mix(base, QColor(0x4a, 0xc2, 0x6b), 0.14);
        p.deletedText = mix(base, QColor(0xff, 0x81, 0x82), 0.45);
        p.insertedText = mix(base, QColor(0x4a, 0xc2, 0x6b), 0.40);
        p.deletedMarker = QColor(0xcf, 0x22, 0x2e);
        p.insertedMarker = QColor(0x1a, 0x7f, 0x37);
        p.currentChange = QColor(0x09, 0x69, 0xda);
        p.key = QColor(0x04, 0x51, 0xa5);
        p.string = QColor(0xa3, 0x15, 0x15);
        p.number = QColor(0x09, 0x86, 0x58);
        p.keyword = QColor(0x00, 0x00, 0xff);
    }
    p.filler = mix(base, text, p.dark ? 0.06 : 0.045);
    p.gutter = mix(base, text, p.dark ? 0.04 : 0.03);
    p.gutterText = mix(base, text, 0.45);
    p.punctuation = mix(base, text, 0.7);
    return p;
}

} // namespace ConfigDeck::Ui
