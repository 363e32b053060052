#pragma once

#include "store/StoreTypes.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>

namespace ConfigDeck::Ui {

// Colours and names of rollout outcomes, shared by the timeline, its legend and the rollout table.
class OutcomeColors final
{
    Q_DECLARE_TR_FUNCTIONS(OutcomeColors)
public:
    static QColor color(Store::OutcomeState state);
    static QString name(Store::OutcomeState state);
    // Colour of a bar for a reply code (its category's), or grey for "no reply" (code < 0).
    static QColor codeColor(int code, Alink::ReplySource source = Alink::ReplySource::Device);
    // A round status dot (online, connection state), drawn at twice its size so it stays crisp on HiDPI.
    static QIcon statusDot(const QColor& color);
};

} // namespace ConfigDeck::Ui
