#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace ConfigDeck::TestSupport {

// A throwaway certificate authority and a server certificate signed by it, made with the openssl command
// line tool, for tests of anything that speaks TLS (the MQTT broker, the HTTPS file server). EC P-256 keys,
// valid for two days. Files are PEM, keys unencrypted.
class TestCertificates
{
public:
    QString directory;
    QString caCertificate; // ca.crt: give this to the client as its only trusted root
    QString caKey;
    QString
        serverCertificate; // server.crt, subjectAltName as requested (default IP:127.0.0.1, DNS:localhost)
    QString serverKey;

    // Creates <prefix>ca.* and <prefix>server.* in directory. On failure returns nothing and says why in
    // *error.
    static std::optional<TestCertificates>
    create(const QString& directory, QString* error,
           const QStringList& subjectAltNames = defaultSubjectAltNames(), const QString& prefix = {});

    // Issues one more certificate from this CA: a server certificate, or a client certificate (clientAuth).
    bool issue(const QString& name, const QString& commonName, const QStringList& subjectAltNames,
               bool client, QString* certificateFile, QString* keyFile, QString* error) const;

    static QStringList defaultSubjectAltNames();
};

} // namespace ConfigDeck::TestSupport
