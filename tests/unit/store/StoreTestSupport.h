#pragma once

#include <QTest>

// QVERIFY for Expected/Status results that prints the error's message when it fails.
#define STORE_VERIFY(expression)                                                                             \
    do {                                                                                                     \
        const auto storeResult_ = (expression);                                                              \
        QVERIFY2(bool(storeResult_), bool(storeResult_) ? "" : qPrintable(storeResult_.error().message()));  \
    } while (false)
