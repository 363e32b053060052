#pragma once

#include "WorkspacePart.h"

#include <memory>

namespace ConfigDeck::Store {

class SecretSealer;

// The workspace's key: the key record (KeyVault's blob) that unlocks its secrets, and the sealer that
// seals and opens them while the workspace is unlocked.
class KeyStore final : public WorkspacePart
{
public:
    explicit KeyStore(QString connectionName);

    // Empty when the workspace has no key record yet.
    Alink::Expected<QByteArray> record() const;
    Status setRecord(const QByteArray& record);

    // Without a sealer the workspace is locked: secrets can be neither read nor written.
    void setSealer(std::shared_ptr<const SecretSealer> sealer);
    std::shared_ptr<const SecretSealer> sealer() const { return m_sealer; }
    bool isLocked() const { return !m_sealer; }
    static Alink::AlinkError lockedError();

    // The secret of ProductKey/DeviceName sealed (or opened) with associated data "ProductKey/DeviceName".
    Alink::Expected<QByteArray> seal(const QString& productKey, const QString& deviceName,
                                     const QByteArray& secret) const;
    Alink::Expected<QByteArray> open(const QString& productKey, const QString& deviceName,
                                     const QByteArray& sealed) const;

private:
    std::shared_ptr<const SecretSealer> m_sealer;
};

} // namespace ConfigDeck::Store
