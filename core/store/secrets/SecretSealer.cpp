#include "SecretSealer.h"

#include "SecretsLog.h"
#include "WipedBytes.h"

#include <array>
#include <atomic>
#include <climits>
#include <cstring>
#include <mutex>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#ifdef Q_OS_UNIX
#include <pthread.h>
#endif

namespace ConfigDeck::Store {

namespace {

const unsigned char* bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char*>(view.data());
}

QByteArray lastOpenSslError()
{
    QByteArray text(256, '\0');
    ERR_error_string_n(ERR_get_error(), text.data(), size_t(text.size()));
    return QByteArray(text.constData());
}

// Bumped in a forked child, so that a nonce pool copied into it by fork() is thrown away, not reused.
std::atomic<unsigned> g_forkGeneration{0};

unsigned forkGeneration()
{
#ifdef Q_OS_UNIX
    static const bool registered = [] {
        pthread_atfork(nullptr, nullptr, [] { g_forkGeneration.fetch_add(1, std::memory_order_relaxed); });
        return true;
    }();
    Q_UNUSED(registered);
#endif
    return g_forkGeneration.load(std::memory_order_relaxed);
}

} // namespace

QByteArray AssociatedData::encoded(char formatVersion) const
{
    QByteArray bytes;
    if (formatVersion == SecretSealer::kLegacyFormatVersion) {
        for (qsizetype i = 0; i < m_parts.size(); ++i) {
            if (i > 0)
                bytes.append('/');
            bytes.append(m_parts[i]);
        }
        return bytes;
    }
    for (const QByteArrayView part : m_parts) {
        const quint32 size = quint32(part.size());
        const char length[4] = {char(size >> 24), char(size >> 16), char(size >> 8), char(size)};
        bytes.append(length, 4).append(part);
    }
    return bytes;
}

struct SecretSealer::State
{
    WipedBytes key;
    // Keyed once; each message only sets its nonce, which skips the cipher fetch and key expansion.
    EVP_CIPHER_CTX* encrypt = nullptr;
    EVP_CIPHER_CTX* decrypt = nullptr;
    std::mutex encryptMutex; // guards encrypt and the nonce pool
    std::mutex decryptMutex;

    // Nonces come from RAND_bytes in batches: one 12-byte RAND_bytes call costs about 2 us in OpenSSL 3,
    // a 4 KB one about 7 ns per nonce. Each nonce is handed out once, then the pool is refilled.
    static constexpr int kNoncePoolSize = kNonceSize * 341;
    std::array<unsigned char, kNoncePoolSize> noncePool{};
    int nonceOffset = kNoncePoolSize;
    unsigned noncePoolGeneration = 0;

    bool nextNonce(unsigned char* nonce)
    {
        const unsigned generation = forkGeneration();
        if (nonceOffset + kNonceSize > kNoncePoolSize || noncePoolGeneration != generation) {
            if (RAND_bytes(noncePool.data(), kNoncePoolSize) != 1) {
                nonceOffset = kNoncePoolSize;
                return false;
            }
            nonceOffset = 0;
            noncePoolGeneration = generation;
        }
        std::memcpy(nonce, noncePool.data() + nonceOffset, kNonceSize);
        nonceOffset += kNonceSize;
        return true;
    }

    explicit State(QByteArray&& k)
        : key(std::move(k))
    {
        setUp();
    }
    explicit State(QByteArrayView k)
        : key(k)
    {
        setUp();
    }

    void setUp()
    {
        if (key.size() != kKeySize)
            return;
        encrypt = EVP_CIPHER_CTX_new();
        decrypt = EVP_CIPHER_CTX_new();
        const bool ok =
            encrypt && decrypt &&
            EVP_EncryptInit_ex(encrypt, EVP_aes_256_gcm(), nullptr, bytes(key.view()), nullptr) == 1 &&
            EVP_DecryptInit_ex(decrypt, EVP_aes_256_gcm(), nullptr, bytes(key.view()), nullptr) == 1;
        if (!ok) {
            qCCritical(lcSecrets) << "AES-256-GCM unavailable:" << lastOpenSslError();
            release();
        }
    }

    ~State() { release(); } // the key wipes itself

    bool isValid() const { return encrypt && decrypt; }

    void release()
    {
        // EVP_CIPHER_CTX_free clears the expanded key schedule.
        EVP_CIPHER_CTX_free(encrypt);
        EVP_CIPHER_CTX_free(decrypt);
        encrypt = nullptr;
        decrypt = nullptr;
    }

    Q_DISABLE_COPY_MOVE(State)
};

SecretSealer::SecretSealer(QByteArray&& key)
{
    Q_ASSERT_X(key.size() == kKeySize, "SecretSealer", "the key must be 32 bytes");
    m_state = std::make_unique<State>(std::move(key));
}

SecretSealer::SecretSealer(QByteArrayView key)
{
    Q_ASSERT_X(key.size() == kKeySize, "SecretSealer", "the key must be 32 bytes");
    m_state = std::make_unique<State>(key);
}

SecretSealer::SecretSealer(const SecretSealer& other)
    : m_state(std::make_unique<State>(other.m_state ? other.m_state->key.view() : QByteArrayView()))
{
}

SecretSealer& SecretSealer::operator=(const SecretSealer& other)
{
    if (this != &other)
        m_state = std::make_unique<State>(other.m_state ? other.m_state->key.view() : QByteArrayView());
    return *this;
}

SecretSealer::SecretSealer(SecretSealer&& other) noexcept = default;
SecretSealer& SecretSealer::operator=(SecretSealer&& other) noexcept = default;
SecretSealer::~SecretSealer() = default;

bool SecretSealer::isValid() const
{
    return m_state && m_state->isValid();
}

QByteArray SecretSealer::seal(QByteArrayView plaintext, const AssociatedData& context) const
{
    const QByteArray associatedData = context.encoded(kFormatVersion);
    if (!isValid()) {
        qCCritical(lcSecrets) << "seal() called on a SecretSealer without a valid key";
        return {};
    }
    if (plaintext.size() > INT_MAX - kOverhead || associatedData.size() > INT_MAX) {
        qCCritical(lcSecrets) << "seal(): input too large" << plaintext.size() << associatedData.size();
        return {};
    }

    const int size = int(plaintext.size());
    QByteArray sealed(size + kOverhead, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(sealed.data());
    unsigned char* nonce = out + 1;
    unsigned char* ciphertext = nonce + kNonceSize;
    out[0] = static_cast<unsigned char>(kFormatVersion);

    std::lock_guard lock(m_state->encryptMutex);
    if (!m_state->nextNonce(nonce)) {
        qCCritical(lcSecrets) << "RAND_bytes failed, nothing sealed:" << lastOpenSslError();
        return {};
    }
    EVP_CIPHER_CTX* ctx = m_state->encrypt;
    int written = 0;
    int finalWritten = 0;
    bool ok = EVP_EncryptInit_ex(ctx, nullptr, nullptr, nullptr, nonce) == 1;
    if (ok && !associatedData.isEmpty())
        ok =
            EVP_EncryptUpdate(ctx, nullptr, &written, bytes(associatedData), int(associatedData.size())) == 1;
    written = 0;
    if (ok && size > 0)
        ok = EVP_EncryptUpdate(ctx, ciphertext, &written, bytes(plaintext), size) == 1;
    ok = ok && EVP_EncryptFinal_ex(ctx, ciphertext + written, &finalWritten) == 1;
    ok = ok && written + finalWritten == size;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, kTagSize, ciphertext + size) == 1;
    if (!ok) {
        qCCritical(lcSecrets) << "AES-256-GCM encryption failed:" << lastOpenSslError();
        OPENSSL_cleanse(sealed.data(), size_t(sealed.size()));
        return {};
    }
    return sealed;
}

Alink::Expected<QByteArray> SecretSealer::open(QByteArrayView sealed, const AssociatedData& context) const
{
    if (!isValid())
        return Alink::AlinkError{{}, tr("There is no valid key to open the sealed secret with")};
    if (sealed.size() < kOverhead) {
        return Alink::AlinkError{
            {},
            tr("The sealed secret is too short: %1 bytes, a sealed secret has at least %2 bytes")
                .arg(sealed.size())
                .arg(kOverhead)};
    }
    if (sealed.front() != kFormatVersion && sealed.front() != kLegacyFormatVersion) {
        return Alink::AlinkError{{},
                                 tr("The sealed secret has an unknown format version %1 "
                                    "(this version of ConfigDeck reads versions %2 and %3)")
                                     .arg(quint8(sealed.front()))
                                     .arg(int(kLegacyFormatVersion))
                                     .arg(int(kFormatVersion))};
    }
    const QByteArray associatedData = context.encoded(sealed.front());
    if (sealed.size() > INT_MAX || associatedData.size() > INT_MAX)
        return Alink::AlinkError{{}, tr("The sealed secret is too large")};

    const int size = int(sealed.size()) - kOverhead;
    const unsigned char* nonce = bytes(sealed) + 1;
    const unsigned char* ciphertext = nonce + kNonceSize;
    std::array<unsigned char, kTagSize> tag{};
    std::copy_n(ciphertext + size, kTagSize, tag.begin());

    QByteArray plaintext(size, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(plaintext.data());

    std::lock_guard lock(m_state->decryptMutex);
    EVP_CIPHER_CTX* ctx = m_state->decrypt;
    int written = 0;
    int finalWritten = 0;
    bool ok = EVP_DecryptInit_ex(ctx, nullptr, nullptr, nullptr, nonce) == 1;
    if (ok && !associatedData.isEmpty())
        ok =
            EVP_DecryptUpdate(ctx, nullptr, &written, bytes(associatedData), int(associatedData.size())) == 1;
    written = 0;
    if (ok && size > 0)
        ok = EVP_DecryptUpdate(ctx, out, &written, ciphertext, size) == 1;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, kTagSize, tag.data()) == 1;
    // Final checks the tag; only then is the plaintext handed out.
    ok = ok && EVP_DecryptFinal_ex(ctx, out + written, &finalWritten) == 1;
    ok = ok && written + finalWritten == size;
    if (!ok) {
        ERR_clear_error();
        if (size > 0)
            OPENSSL_cleanse(plaintext.data(), size_t(size));
        return Alink::AlinkError{{},
                                 tr("The sealed secret could not be authenticated: wrong key, damaged data, "
                                    "or it belongs to another device")};
    }
    return plaintext;
}

QByteArray SecretSealer::randomKey()
{
    QByteArray key(kKeySize, Qt::Uninitialized);
    if (RAND_priv_bytes(reinterpret_cast<unsigned char*>(key.data()), kKeySize) != 1) {
        qCCritical(lcSecrets) << "RAND_priv_bytes failed, no key made:" << lastOpenSslError();
        return {};
    }
    return key;
}

} // namespace ConfigDeck::Store
