#include "DownloadJob.h"

#include "alink/AlinkCodec.h"
#include "alink/ReplyCodeCatalog.h"
#include "transfer/TransferLog.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QStringList>
#include <QXmlStreamReader>

#include <algorithm>

namespace ConfigDeck::Transfer {

using Alink::ReplyCodeCatalog;

namespace {

constexpr qsizetype kErrorBodyKept = 4096; // of a refusal's body, for the message
constexpr qint64 kNetworkBuffer = 1024 * 1024;
constexpr qint64 kOverflowProbe = 64 * 1024; // read past the limit only to report it

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(double(duration.count()) / 1000.0, 'g', 4);
}

} // namespace

DownloadRequest DownloadRequest::fromConfigFile(const Alink::ConfigFile& file)
{
    DownloadRequest request;
    request.url = QUrl(file.url);
    request.expectedSize = file.configSize;
    request.expectedSign = file.sign;
    request.signMethod = file.signMethod;
    return request;
}

DownloadJob::DownloadJob(QNetworkAccessManager* network, DownloadRequest request, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_request(std::move(request))
{
    m_totalTimer.setSingleShot(true);
    m_stallTimer.setSingleShot(true);
    // Coarse timers may fire 5% early; a timeout is a promise to the operator.
    m_totalTimer.setTimerType(Qt::PreciseTimer);
    m_stallTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_totalTimer, &QTimer::timeout, this, [this] {
        fail(ReplyCodeCatalog::DownloadTimeout,
             tr("the download did not finish within %1 s (%2)")
                 .arg(seconds(m_request.totalTimeout), describeReceived()));
    });
    connect(&m_stallTimer, &QTimer::timeout, this, [this] {
        fail(ReplyCodeCatalog::DownloadTimeout,
             tr("no data arrived for %1 s (%2)").arg(seconds(m_request.stallTimeout), describeReceived()));
    });
    m_clock.start();
    // Start on the next turn of the event loop: a request refused at once must still reach a
    // finished() handler connected after download() returned.
    QMetaObject::invokeMethod(this, &DownloadJob::start, Qt::QueuedConnection);
}

DownloadJob::~DownloadJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void DownloadJob::start()
{
    if (m_finished)
        return;
    const QUrl& url = m_request.url;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"http" && scheme != u"https")) {
        fail(ReplyCodeCatalog::DownloadFailed,
             tr("the URL \"%1\" is not an http or https URL").arg(url.toDisplayString().left(200)), false);
        return;
    }
    if (m_request.expectedSize < 0) {
        fail(ReplyCodeCatalog::DownloadFailed,
             tr("the expected size (configSize) %1 is negative").arg(m_request.expectedSize), false);
        return;
    }
    if (m_request.expectedSize > m_request.maxSize) {
        fail(ReplyCodeCatalog::FileTooLarge,
             tr("the announced size (configSize) of %1 bytes is more than this device accepts (%2 bytes); "
                "nothing was downloaded")
                 .arg(m_request.expectedSize)
                 .arg(m_request.maxSize),
             false);
        return;
    }
    if (!m_request.acceptedSignMethods.contains(m_request.signMethod)) {
        QStringList accepted;
        for (const Alink::SignMethod method : std::as_const(m_request.acceptedSignMethods))
            accepted << Alink::AlinkCodec::signMethodName(method);
        fail(ReplyCodeCatalog::UnsupportedSignMethod,
             tr("this device cannot verify files signed with %1; it accepts %2")
                 .arg(Alink::AlinkCodec::signMethodName(m_request.signMethod),
                      accepted.isEmpty() ? tr("none") : accepted.join(QStringLiteral(", "))),
             false);
        return;
    }
    if (!m_network) {
        fail(ReplyCodeCatalog::DownloadFailed, tr("no network access is available"), false);
        return;
    }

    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(std::max(0, m_request.maxRedirects));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // The sign covers the file's bytes as stored: ask for them as they are, not compressed.
    request.setRawHeader(QByteArrayLiteral("Accept-Encoding"), QByteArrayLiteral("identity"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("ConfigDeck"));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_request.caCertificates.isEmpty())
        tls.setCaCertificates(m_request.caCertificates); // trust these and nothing else
    request.setSslConfiguration(tls);

    m_clock.restart();
    m_reply = m_network->get(request);
    m_reply->setParent(this);
    // Bound what the network layer buffers ahead of us too, so a flood costs no more than this.
    m_reply->setReadBufferSize(kNetworkBuffer);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &DownloadJob::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &DownloadJob::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &DownloadJob::onFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError>& errors) {
        m_sslErrors += errors; // recorded for the message, never ignored
    });
    m_currentUrl = url;
    connect(m_reply, &QNetworkReply::redirected, this, [this](const QUrl& target) {
        ++m_result.redirects;
        m_currentUrl = target;
        qCDebug(lcTransfer) << "redirected to" << target.toDisplayString(QUrl::RemoveQuery);
        if (m_stallTimer.isActive()) // off (stallTimeout 0) stays off: a 0 ms timer would fail at once
            m_stallTimer.start();
    });
    if (m_request.totalTimeout.count() > 0)
        m_totalTimer.start(m_request.totalTimeout);
    if (m_request.stallTimeout.count() > 0)
        m_stallTimer.start(m_request.stallTimeout);
    qCDebug(lcTransfer) << "downloading" << url.toDisplayString(QUrl::RemoveQuery) << "expecting"
                        << m_request.expectedSize << "bytes";
}

void DownloadJob::cancel()
{
    if (m_finished)
        return;
    m_result.canceled = true;
    fail(ReplyCodeCatalog::DownloadFailed, tr("the download was canceled (%1)").arg(describeReceived()));
}

void DownloadJob::onMetaData()
{
    if (m_finished)
        return;
    if (m_stallTimer.isActive())
        m_stallTimer.start();
    checkHeaders();
}

bool DownloadJob::checkHeaders()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0 || (status >= 300 && status < 400))
        return false; // no headers yet, or a redirect being followed
    m_httpStatus = status;
    if (status != 200)
        return false;
    if (!m_headersChecked) {
        m_headersChecked = true;
        bool ok = false;
        const qint64 announced = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
        if (ok && announced > m_request.expectedSize) {
            fail(ReplyCodeCatalog::FileTooLarge,
                 tr("the server announced %1 bytes (Content-Length), more than the expected %2 bytes "
                    "(configSize); the download was stopped before the body")
                     .arg(announced)
                     .arg(m_request.expectedSize));
            return false;
        }
    }
    return true;
}

void DownloadJob::keep(const char* data, qint64 length)
{
    const QByteArrayView view(data, length);
    m_sha256.addData(view);
    if (m_request.signMethod == Alink::SignMethod::Md5)
        m_md5.addData(view);
}

void DownloadJob::onReadyRead()
{
    if (m_finished || !m_reply)
        return;
    if (m_stallTimer.isActive())
        m_stallTimer.start();
    if (!checkHeaders()) {
        if (m_finished)
            return;
        // A refusal or an error page: keep its start for the message, count nothing.
        const QByteArray body = m_reply->readAll();
        if (m_errorBody.size() < kErrorBodyKept)
            m_errorBody += body.left(kErrorBodyKept - m_errorBody.size());
        return;
    }

    QByteArray& content = m_result.content;
    for (qint64 available = m_reply->bytesAvailable(); available > 0; available = m_reply->bytesAvailable()) {
        const qint64 room = m_request.expectedSize - content.size();
        if (room <= 0) {
            // One byte more than configSize is already a failure: stop here, keep what fits.
            m_received += m_reply->read(std::min(available, kOverflowProbe)).size();
            fail(ReplyCodeCatalog::FileTooLarge,
                 tr("the server sent more than the expected %1 bytes (configSize): %2 bytes had arrived when "
                    "the download was stopped")
                     .arg(m_request.expectedSize)
                     .arg(m_received));
            return;
        }
        // Read straight into the kept content: no intermediate copy of large downloads.
        const qint64 want = std::min(available, room);
        const qsizetype before = content.size();
        if (before + want > content.capacity()) {
            // Memory is taken as bytes arrive, not for the size the sender claims. QByteArray::resize()
            // grows only to the size asked: double by hand, never past configSize (itself within maxSize).
            content.reserve(qsizetype(
                std::min(m_request.expectedSize, std::max<qint64>(2 * content.capacity(), before + want))));
        }
        content.resize(before + qsizetype(want));
        const qint64 got = m_reply->read(content.data() + before, want);
        content.resize(before + qsizetype(std::max<qint64>(got, 0)));
        if (got <= 0)
            break;
        keep(content.constData() + before, got);
        m_received += got;
    }
    Q_EMIT progress(m_received, m_request.expectedSize);
}

QString DownloadJob::describeReceived() const
{
    return tr("received %1 of %2 bytes").arg(m_received).arg(m_request.expectedSize);
}

QString DownloadJob::serverReason() const
{
    // Object storage explains refusals in an XML <Error><Code/><Message/></Error>; other servers
    // send text or HTML, of which the first line is shown.
    if (m_errorBody.contains("<Error")) {
        QXmlStreamReader xml(m_errorBody);
        QString code;
        QString message;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == u"Code")
                code = xml.readElementText().trimmed();
            else if (xml.name() == u"Message")
                message = xml.readElementText().trimmed();
        }
        if (!message.isEmpty())
            return code.isEmpty() ? message : QStringLiteral("%1 (%2)").arg(message, code);
    }
    const QString text = QString::fromUtf8(m_errorBody).trimmed();
    if (text.isEmpty() || text.startsWith(u'<'))
        return {};
    return text.section(u'\n', 0, 0).left(200);
}

void DownloadJob::onFinished()
{
    if (m_finished || !m_reply)
        return;
    if (m_reply->bytesAvailable() > 0)
        onReadyRead();
    if (m_finished)
        return;

    const QNetworkReply::NetworkError error = m_reply->error();
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 0)
        m_httpStatus = status;
    m_result.finalUrl = m_reply->url();
    const QString host = m_reply->url().host();
    const QString reason = m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const QString serverSays = serverReason();
    const QString detail = serverSays.isEmpty() ? QString() : QStringLiteral(": ") + serverSays;

    if (error == QNetworkReply::SslHandshakeFailedError) {
        QStringList reasons;
        for (const QSslError& sslError : std::as_const(m_sslErrors))
            reasons << sslError.errorString();
        reasons.removeDuplicates();
        fail(ReplyCodeCatalog::TlsFailure,
             tr("the TLS connection to %1 failed: %2")
                 .arg(host, reasons.isEmpty() ? m_reply->errorString() : reasons.join(QStringLiteral("; "))),
             false);
        return;
    }
    if (error == QNetworkReply::InsecureRedirectError) {
        // The reply already names the refused target; the page that redirected is the last one followed.
        QUrl target = m_reply->url();
        if (target == m_currentUrl)
            target = m_currentUrl.resolved(m_reply->header(QNetworkRequest::LocationHeader).toUrl());
        fail(ReplyCodeCatalog::TlsFailure,
             tr("refused to follow a redirect from %1 to %2: it would drop TLS")
                 .arg(m_currentUrl.toDisplayString(QUrl::RemoveQuery),
                      target.toDisplayString(QUrl::RemoveQuery)),
             false);
        return;
    }
    if (error == QNetworkReply::TooManyRedirectsError) {
        fail(ReplyCodeCatalog::DownloadFailed,
             tr("gave up after %1 redirects (the last one from %2): the server redirects in a loop or too "
                "often")
                 .arg(m_request.maxRedirects)
                 .arg(m_currentUrl.toDisplayString(QUrl::RemoveQuery)),
             false);
        return;
    }
    if (m_httpStatus == 403 || m_httpStatus == 404 || m_httpStatus == 410) {
        fail(ReplyCodeCatalog::UrlRefused,
             tr("the server refused the URL with HTTP %1 %2%3").arg(m_httpStatus).arg(reason, detail), false);
        return;
    }
    if (m_httpStatus != 0 && m_httpStatus != 200) {
        fail(ReplyCodeCatalog::DownloadFailed,
             tr("the server answered HTTP %1 %2%3").arg(m_httpStatus).arg(reason, detail), false);
        return;
    }
    if (m_httpStatus == 200 && m_received < m_request.expectedSize &&
        (error == QNetworkReply::RemoteHostClosedError || error == QNetworkReply::NoError)) {
        fail(ReplyCodeCatalog::SizeMismatch,
             error == QNetworkReply::NoError
                 ? tr("expected %1 bytes, got %2").arg(m_request.expectedSize).arg(m_received)
                 : tr("expected %1 bytes, got %2: the server closed the connection early")
                       .arg(m_request.expectedSize)
                       .arg(m_received),
             false);
        return;
    }
    if (error != QNetworkReply::NoError) {
        fail(ReplyCodeCatalog::DownloadFailed,
             tr("the download from %1 failed: %2").arg(host, m_reply->errorString()), false);
        return;
    }

    const QString actual = m_request.signMethod == Alink::SignMethod::Md5
                               ? QString::fromLatin1(m_md5.result().toHex())
                               : m_sha256.result();
    if (actual.compare(m_request.expectedSign.trimmed(), Qt::CaseInsensitive) != 0) {
        fail(ReplyCodeCatalog::SignMismatch,
             tr("the %1 of the %2 downloaded bytes is %3, but the expected sign is %4")
                 .arg(Alink::AlinkCodec::signMethodName(m_request.signMethod))
                 .arg(m_received)
                 .arg(actual, m_request.expectedSign.left(80)),
             false);
        return;
    }
    succeed();
}

void DownloadJob::fail(int code, const QString& message, bool abortReply)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result.code = code;
    m_result.message = message;
    if (abortReply && m_reply && m_reply->isRunning())
        m_reply->abort(); // emits finished(), which m_finished makes us ignore
    complete();
}

void DownloadJob::succeed()
{
    m_finished = true;
    m_result.code = ReplyCodeCatalog::kSuccess;
    m_result.message =
        tr("downloaded and verified %1 bytes (%2 %3)")
            .arg(m_received)
            .arg(Alink::AlinkCodec::signMethodName(m_request.signMethod),
                 m_request.signMethod == Alink::SignMethod::Md5 ? QString::fromLatin1(m_md5.result().toHex())
                                                                : m_sha256.result());
    complete();
}

void DownloadJob::complete()
{
    m_totalTimer.stop();
    m_stallTimer.stop();
    m_result.bytes = m_received;
    m_result.httpStatus = m_httpStatus;
    m_result.elapsedMs = m_clock.elapsed();
    m_result.sha256 = m_sha256.result();
    m_result.actualSign = m_request.signMethod == Alink::SignMethod::Md5
                              ? QString::fromLatin1(m_md5.result().toHex())
                              : m_result.sha256;
    if (m_result.finalUrl.isEmpty())
        m_result.finalUrl = m_reply ? m_reply->url() : m_request.url;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    if (m_result.ok())
        qCDebug(lcTransfer) << "download of" << m_result.finalUrl.toDisplayString(QUrl::RemoveQuery)
                            << "verified:" << m_result.bytes << "bytes in" << m_result.elapsedMs << "ms";
    else
        qCInfo(lcTransfer) << "download of" << m_result.finalUrl.toDisplayString(QUrl::RemoveQuery)
                           << "failed with" << m_result.code << m_result.message;
    Q_EMIT finished(m_result);
    if (m_autoDelete)
        deleteLater();
}

} // namespace ConfigDeck::Transfer
