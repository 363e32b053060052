#pragma once

#include <QHashFunctions>
#include <QString>

namespace ConfigDeck::Alink {

// A device as the platform names it: ProductKey and DeviceName, without its secret.
struct DeviceKey
{
    QString productKey;
    QString deviceName;
    bool operator==(const DeviceKey&) const = default;
};

inline size_t qHash(const DeviceKey& key, size_t seed = 0) noexcept
{
    return qHashMulti(seed, key.productKey, key.deviceName);
}

} // namespace ConfigDeck::Alink
