#pragma once

#include "alink/AlinkError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace ConfigDeck::Transfer {

// The certificate and private key an HTTPS file server presents, with any intermediate certificates.
struct TlsIdentity
{
    Q_DECLARE_TR_FUNCTIONS(TlsIdentity)

public:
    QSslCertificate certificate;
    QSslKey privateKey;
    QList<QSslCertificate> chain; // intermediates, leaf first; may be empty

    bool isNull() const { return certificate.isNull() || privateKey.isNull(); }

    // PEM files: the certificate file may hold the leaf followed by intermediates. RSA and EC keys.
    static Alink::Expected<TlsIdentity> fromPemFiles(const QString& certificatePath, const QString& keyPath,
                                                     const QByteArray& passphrase = {});
};

} // namespace ConfigDeck::Transfer
