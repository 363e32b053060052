#include "Sha256Stream.h"

#include <QFile>

#include <memory>
#include <openssl/evp.h>

namespace ConfigDeck::Transfer {

namespace {

// Large enough that the per-call overhead of read() vanishes, small enough to stay in L2.
constexpr qint64 kFileChunk = 1 << 20;

} // namespace

Sha256Stream::Sha256Stream()
    : m_context(EVP_MD_CTX_new())
{
    // Without a context nothing can be hashed; failing loudly beats returning wrong digests.
    Q_ASSERT(m_context);
    EVP_DigestInit_ex(m_context, EVP_sha256(), nullptr);
}

Sha256Stream::~Sha256Stream()
{
    EVP_MD_CTX_free(m_context);
}

void Sha256Stream::addData(QByteArrayView data)
{
    if (data.isEmpty())
        return;
    EVP_DigestUpdate(m_context, data.data(), size_t(data.size()));
    m_bytes += data.size();
}

QByteArray Sha256Stream::resultBytes() const
{
    // Finalize a copy so that the stream itself can go on.
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> copy(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!copy || EVP_MD_CTX_copy_ex(copy.get(), m_context) != 1 ||
        EVP_DigestFinal_ex(copy.get(), digest, &length) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char*>(digest), qsizetype(length));
}

QString Sha256Stream::result() const
{
    return QString::fromLatin1(resultBytes().toHex());
}

void Sha256Stream::reset()
{
    EVP_DigestInit_ex(m_context, EVP_sha256(), nullptr);
    m_bytes = 0;
}

QString Sha256Stream::hash(QByteArrayView data)
{
    Sha256Stream stream;
    stream.addData(data);
    return stream.result();
}

Alink::Expected<QString> Sha256Stream::fileDigest(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Alink::AlinkError{path, tr("cannot open the file: %1").arg(file.errorString())};

    Sha256Stream stream;
    const auto buffer = std::make_unique<char[]>(size_t(kFileChunk));
    for (;;) {
        const qint64 read = file.read(buffer.get(), kFileChunk);
        if (read < 0)
            return Alink::AlinkError{path, tr("cannot read the file after %1 bytes: %2")
                                               .arg(stream.bytesHashed())
                                               .arg(file.errorString())};
        if (read == 0)
            break;
        stream.addData(QByteArrayView(buffer.get(), read));
    }
    return stream.result();
}

} // namespace ConfigDeck::Transfer
