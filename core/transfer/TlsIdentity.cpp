#include "TlsIdentity.h"

#include <QFile>

namespace ConfigDeck::Transfer {

Alink::Expected<TlsIdentity> TlsIdentity::fromPemFiles(const QString& certificatePath, const QString& keyPath,
                                                       const QByteArray& passphrase)
{
    QFile certificateFile(certificatePath);
    if (!certificateFile.open(QIODevice::ReadOnly))
        return Alink::AlinkError{certificatePath,
                                 tr("cannot open the certificate: %1").arg(certificateFile.errorString())};
    const QList<QSslCertificate> certificates =
        QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
    if (certificates.isEmpty())
        return Alink::AlinkError{certificatePath, tr("holds no PEM certificate")};

    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return Alink::AlinkError{keyPath, tr("cannot open the private key: %1").arg(keyFile.errorString())};
    const QByteArray keyData = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyData, algorithm, QSsl::Pem, QSsl::PrivateKey, passphrase);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return Alink::AlinkError{
            keyPath, tr("holds no readable RSA or EC private key in PEM (or the passphrase is wrong)")};

    TlsIdentity identity;
    identity.certificate = certificates.first();
    identity.chain = certificates.mid(1);
    identity.privateKey = key;
    return identity;
}

} // namespace ConfigDeck::Transfer
