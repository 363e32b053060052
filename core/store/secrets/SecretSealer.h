#pragma once

#include "alink/AlinkError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>

#include <memory>

namespace ConfigDeck::Store {

// Seals small secrets (DeviceSecrets, wrapped keys) with AES-256-GCM under one 32-byte key.
//
// Sealed format: 1 version byte (0x01) | 12-byte random nonce | ciphertext | 16-byte tag.
// The associated data is authenticated but not stored: the caller passes what the secret belongs to
// (e.g. "ProductKey/DeviceName"), so a sealed value copied to another row no longer opens.
//
// One cipher context per direction is set up with the key once and reused, so seal() and open() only
// set the nonce; random nonces are drawn from RAND_bytes in batches of 341. A mutex per direction makes
// the const methods safe to call from several threads. Cost: about 1 us per seal or open of a DeviceSecret.
class SecretSealer final
{
    Q_DECLARE_TR_FUNCTIONS(SecretSealer)

public:
    static constexpr int kKeySize = 32;
    static constexpr int kNonceSize = 12;
    static constexpr int kTagSize = 16;
    static constexpr char kFormatVersion = 0x01;
    static constexpr int kOverhead = 1 + kNonceSize + kTagSize; // sealed size = plaintext size + kOverhead

    explicit SecretSealer(QByteArray key); // must be kKeySize bytes (Q_ASSERT + isValid())
    SecretSealer(const SecretSealer& other);
    SecretSealer& operator=(const SecretSealer& other);
    SecretSealer(SecretSealer&& other) noexcept;
    SecretSealer& operator=(SecretSealer&& other) noexcept;
    ~SecretSealer(); // wipes the key copy and the expanded key schedule

    bool isValid() const;

    // Empty only if the sealer is not valid, the plaintext is over 2 GiB or the system RNG failed
    // (each logged as critical): a nonce is never reused.
    QByteArray seal(QByteArrayView plaintext, QByteArrayView associatedData = {}) const;
    // Errors: too short, unknown version, authentication failed (wrong key, damaged, other row).
    Alink::Expected<QByteArray> open(QByteArrayView sealed, QByteArrayView associatedData = {}) const;

    static QByteArray randomKey(); // kKeySize bytes from OpenSSL's CSPRNG

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace ConfigDeck::Store
