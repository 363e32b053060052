#pragma once

#include "alink/ConfigMessages.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <chrono>

namespace ConfigDeck::Transfer {

// One configuration file to fetch and verify: what a get_reply or push announced.
struct DownloadRequest
{
    QUrl url;
    qint64 expectedSize = 0; // configSize: more bytes than this abort the download
    // This device's own limit, whatever configSize the sender claims: a larger configSize is refused
    // before connecting. Alibaba Cloud's limit is 64 KB (kAlibabaMaxSize).
    qint64 maxSize = kDefaultMaxSize;
    QString expectedSign; // hex digest of the file, any case
    Alink::SignMethod signMethod = Alink::SignMethod::Sha256;
    // The methods this device can verify; another one is answered with UnsupportedSignMethod.
    // (The 4.x Link SDK verifies Sha256 only, the 3.x SDK also Md5.)
    QList<Alink::SignMethod> acceptedSignMethods{Alink::SignMethod::Sha256, Alink::SignMethod::Md5};
    std::chrono::milliseconds totalTimeout = std::chrono::minutes(2);
    std::chrono::milliseconds stallTimeout = std::chrono::seconds(30); // no byte for this long
    int maxRedirects = 3;                                              // https -> http is never followed
    QList<QSslCertificate> caCertificates;                             // empty: the system's trust store

    static constexpr qint64 kAlibabaMaxSize = 64 * 1024;
    static constexpr qint64 kDefaultMaxSize = 16 * 1024 * 1024;

    static DownloadRequest fromConfigFile(const Alink::ConfigFile& file);
};

// How a download ended. code is 200 or one of ReplyCodeCatalog's device-defined codes, message
// says what happened in words with the specifics.
struct DownloadResult
{
    int code = 0;
    QString message;
    qint64 bytes = 0;   // body bytes received (more than the expected size when FileTooLarge)
    QByteArray content; // what was kept: never more than the expected size
    QString sha256;     // of content, lowercase hex
    QString actualSign; // of content in the request's sign method (== sha256 for Sha256)
    int httpStatus = 0; // of the last response, 0 when none came
    qint64 elapsedMs = 0;
    QUrl finalUrl; // after redirects
    int redirects = 0;
    bool canceled = false;

    bool ok() const { return code == 200; }
};

} // namespace ConfigDeck::Transfer

Q_DECLARE_METATYPE(ConfigDeck::Transfer::DownloadResult)
