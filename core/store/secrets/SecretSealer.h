#pragma once

#include "alink/AlinkError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QVarLengthArray>

#include <initializer_list>
#include <memory>

namespace ConfigDeck::Store {

// What a sealed value belongs to, as parts: e.g. {ProductKey, DeviceName}. Authenticated, not stored.
// Format 2 authenticates each part behind its 4-byte big-endian length, so that ("a","bc") and ("ab","c")
// differ; format 1 (still opened) joined the parts with '/'.
class AssociatedData final
{
public:
    AssociatedData() = default;
    AssociatedData(const char* part)
        : AssociatedData(QByteArrayView(part))
    {
    }
    AssociatedData(const QByteArray& part)
        : AssociatedData(QByteArrayView(part))
    {
    }
    AssociatedData(QByteArrayView part) { m_parts.append(part); }
    AssociatedData(std::initializer_list<QByteArrayView> parts)
        : m_parts(parts)
    {
    }

    // The bytes given to AES-GCM in a format version (SecretSealer::kFormatVersion or kLegacyFormatVersion).
    QByteArray encoded(char formatVersion) const;

private:
    QVarLengthArray<QByteArrayView, 4> m_parts; // views: valid for the one seal() or open() call
};

// Seals small secrets (DeviceSecrets, wrapped keys) with AES-256-GCM under one 32-byte key.
//
// Sealed format: 1 version byte (0x02; 0x01 is still opened) | 12-byte random nonce | ciphertext |
// 16-byte tag. The associated data says what the secret belongs to, so a sealed value copied to another
// row no longer opens.
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
    static constexpr char kFormatVersion = 0x02;                // associated data length-prefixed
    static constexpr char kLegacyFormatVersion = 0x01;          // associated data joined with '/'
    static constexpr int kOverhead = 1 + kNonceSize + kTagSize; // sealed size = plaintext size + kOverhead

    // The key must be kKeySize bytes (Q_ASSERT + isValid()). Taken over (and wiped at the end) when moved
    // in, copied into a buffer of the sealer's own otherwise.
    explicit SecretSealer(QByteArray&& key);
    explicit SecretSealer(QByteArrayView key);
    SecretSealer(const SecretSealer& other);
    SecretSealer& operator=(const SecretSealer& other);
    SecretSealer(SecretSealer&& other) noexcept;
    SecretSealer& operator=(SecretSealer&& other) noexcept;
    ~SecretSealer(); // wipes the key copy and the expanded key schedule

    bool isValid() const;

    // Empty only if the sealer is not valid, the plaintext is over 2 GiB or the system RNG failed
    // (each logged as critical): a nonce is never reused.
    QByteArray seal(QByteArrayView plaintext, const AssociatedData& associatedData = {}) const;
    // Errors: too short, unknown version, authentication failed (wrong key, damaged, other row).
    Alink::Expected<QByteArray> open(QByteArrayView sealed, const AssociatedData& associatedData = {}) const;

    static QByteArray randomKey(); // kKeySize bytes from OpenSSL's CSPRNG

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace ConfigDeck::Store
