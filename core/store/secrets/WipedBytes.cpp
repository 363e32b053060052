#include "WipedBytes.h"

#include <openssl/crypto.h>

namespace ConfigDeck::Store {

void WipedBytes::wipe()
{
    if (!m_bytes.isEmpty())
        OPENSSL_cleanse(m_bytes.data(), size_t(m_bytes.size())); // never detaches: the buffer is ours alone
}

} // namespace ConfigDeck::Store
