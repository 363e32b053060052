#pragma once

#include "alink/AlinkError.h"

#include <QtGlobal>

// The value of a read the test expects to succeed. A failed read prints its error, then fails the test
// (value() throws on an error, which QTest reports as a failure).
template <typename T>
T storedValue(ConfigDeck::Alink::Expected<T> result)
{
    if (!result)
        qWarning("read failed: %s", qPrintable(result.error().message()));
    return std::move(result).value();
}
