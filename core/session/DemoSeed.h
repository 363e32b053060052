#pragma once

#include "roles/FaultProfile.h"
#include "store/StoreTypes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace ConfigDeck::Session {

// What a fresh Demo workspace holds: two products, their devices with fault profiles, and three real
// configuration versions per product (a key added, values changed, an array element removed).
class DemoSeed final
{
    Q_DECLARE_TR_FUNCTIONS(DemoSeed)
public:
    static constexpr quint64 kFaultSeed = 20260101;
    static constexpr int kDevicesPerProduct = 30;
    // The Demo's misbehaving share: about a third of the fleet shows a code other than 200 or stays silent.
    static QString faultMixText();

    struct Version
    {
        QString label;
        QByteArray content;
    };
    struct Product
    {
        Store::ProductRecord record;
        QString devicePrefix;
        QStringList labels;
        QList<Version> versions; // oldest first; the last one is published
    };
    static QList<Product> products();
    // The fault profile of the index-th device of the whole Demo fleet (products in order).
    static Roles::FaultProfile profileFor(int fleetIndex, int fleetSize);
    static QString deviceName(const Product& product, int index);
    // Whether the device is one of the Demo's own made-up devices (anything else in a Demo came from
    // outside).
    static bool isSeedDevice(const QString& productKey, const QString& deviceName);
};

} // namespace ConfigDeck::Session
