#include "OpenApiSigner.h"

#include <QMessageAuthenticationCode>

namespace ConfigDeck::Cloud {

QByteArray OpenApiSigner::percentEncode(QStringView text)
{
    // QByteArray::toPercentEncoding keeps exactly RFC 3986's unreserved characters (A-Z a-z 0-9 - . _ ~).
    return text.toUtf8().toPercentEncoding();
}

QByteArray OpenApiSigner::canonicalizedQuery(const Parameters& parameters)
{
    QByteArray query;
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it) {
        if (it.key() == QLatin1String("Signature"))
            continue;
        if (!query.isEmpty())
            query.append('&');
        query.append(percentEncode(it.key())).append('=').append(percentEncode(it.value()));
    }
    return query;
}

QByteArray OpenApiSigner::stringToSign(QByteArrayView httpMethod, const Parameters& parameters)
{
    return httpMethod.toByteArray() + '&' + percentEncode(u"/") + '&' +
           canonicalizedQuery(parameters).toPercentEncoding();
}

QByteArray OpenApiSigner::signature(QByteArrayView accessKeySecret, QByteArrayView stringToSign)
{
    QByteArray key;
    key.reserve(accessKeySecret.size() + 1);
    key.append(accessKeySecret).append('&');
    const QByteArray mac =
        QMessageAuthenticationCode::hash(stringToSign.toByteArray(), key, QCryptographicHash::Sha1);
    key.fill('\0');
    return mac.toBase64();
}

QByteArray OpenApiSigner::signedQuery(QByteArrayView httpMethod, Parameters parameters,
                                      const QString& version, const QString& accessKeyId,
                                      QByteArrayView accessKeySecret, const QDateTime& timestamp,
                                      const QString& nonce)
{
    parameters.insert(QStringLiteral("Format"), QStringLiteral("JSON"));
    parameters.insert(QStringLiteral("Version"), version);
    parameters.insert(QStringLiteral("AccessKeyId"), accessKeyId);
    parameters.insert(QStringLiteral("SignatureMethod"), QStringLiteral("HMAC-SHA1"));
    parameters.insert(QStringLiteral("SignatureVersion"), QStringLiteral("1.0"));
    parameters.insert(QStringLiteral("SignatureNonce"), nonce);
    parameters.insert(QStringLiteral("Timestamp"), timestamp.toUTC().toString(Qt::ISODate));
    parameters.remove(QStringLiteral("Signature"));
    const QByteArray signed_ = signature(accessKeySecret, stringToSign(httpMethod, parameters));
    return canonicalizedQuery(parameters) + "&Signature=" + signed_.toPercentEncoding();
}

} // namespace ConfigDeck::Cloud
