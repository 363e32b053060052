#pragma once

#include "alink/AlinkError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

using EVP_MD_CTX = struct evp_md_ctx_st;

namespace ConfigDeck::Transfer {

// Streaming SHA-256 on OpenSSL EVP (which picks the CPU's SHA extensions when there are any),
// so a download is hashed as its bytes arrive and never needs a second pass.
class Sha256Stream final
{
    Q_DECLARE_TR_FUNCTIONS(Sha256Stream)
    Q_DISABLE_COPY_MOVE(Sha256Stream)

public:
    Sha256Stream();
    ~Sha256Stream();

    void addData(QByteArrayView data);
    // The digest of everything added so far, as 64 lowercase hex characters. Does not end the
    // stream: more data may be added afterwards and result() asked again.
    QString result() const;
    QByteArray resultBytes() const; // the 32 raw bytes
    qint64 bytesHashed() const { return m_bytes; }
    void reset();

    // One-shot helpers.
    static QString hash(QByteArrayView data);
    // Reads the file in large chunks; the error names the file and why it could not be read.
    static Alink::Expected<QString> fileDigest(const QString& path);

private:
    EVP_MD_CTX* m_context = nullptr;
    qint64 m_bytes = 0;
};

} // namespace ConfigDeck::Transfer
