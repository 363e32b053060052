#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QTemporaryDir>

namespace ConfigDeck::Transfer::Test {

// A throwaway certificate authority and a server certificate it signed (subjectAltName IP:127.0.0.1),
// made by the openssl command line so that the TLS tests use real, independently made certificates.
struct TestPki
{
    QTemporaryDir dir;
    QSslCertificate ca;
    QSslCertificate serverCertificate;
    QSslKey serverKey;
    QString serverCertificatePath;
    QString serverKeyPath;
    QString error; // empty on success

    bool generate();
};

} // namespace ConfigDeck::Transfer::Test
