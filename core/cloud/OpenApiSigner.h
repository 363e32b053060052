#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QMap>
#include <QString>

namespace ConfigDeck::Cloud {

// Signs Alibaba Cloud RPC API requests as the "Signature mechanism" documentation describes: signature
// version 1.0, HMAC-SHA1. The canonicalized query is every parameter but Signature, sorted by name, name
// and value percent-encoded as RFC 3986 (UTF-8; A-Z a-z 0-9 - _ . ~ kept; space as %20, never '+');
// StringToSign = METHOD & percentEncode("/") & percentEncode(canonicalized query); the HMAC key is the
// AccessKey Secret followed by '&'; the signature is the Base64 of the HMAC.
class OpenApiSigner final
{
public:
    using Parameters = QMap<QString, QString>;

    static QByteArray percentEncode(QStringView text);
    static QByteArray canonicalizedQuery(const Parameters& parameters);
    static QByteArray stringToSign(QByteArrayView httpMethod, const Parameters& parameters);
    static QByteArray signature(QByteArrayView accessKeySecret, QByteArrayView stringToSign);

    // The parameters with the common ones added (Format=JSON, Version, AccessKeyId, SignatureMethod,
    // SignatureVersion, SignatureNonce, Timestamp in UTC ISO 8601) and Signature; returned as the
    // percent-encoded query string to send.
    static QByteArray signedQuery(QByteArrayView httpMethod, Parameters parameters, const QString& version,
                                  const QString& accessKeyId, QByteArrayView accessKeySecret,
                                  const QDateTime& timestamp, const QString& nonce);
};

} // namespace ConfigDeck::Cloud
