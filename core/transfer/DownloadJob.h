#pragma once

#include "transfer/DownloadRequest.h"
#include "transfer/Sha256Stream.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace ConfigDeck::Transfer {

// One running download, made by Downloader::download(). It starts on the next event-loop turn, so
// connecting to finished() right after download() never misses the end. finished() is emitted
// exactly once; the job then deletes itself later unless setAutoDelete(false).
class DownloadJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadJob)

public:
    DownloadJob(QNetworkAccessManager* network, DownloadRequest request, QObject* parent = nullptr);
    ~DownloadJob() override;

    const DownloadRequest& request() const { return m_request; }
    bool isFinished() const { return m_finished; }
    const DownloadResult& result() const { return m_result; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void finished(const ConfigDeck::Transfer::DownloadResult& result);

private:
    void start();
    void onMetaData();
    void onReadyRead();
    void onFinished();
    bool checkHeaders();
    void keep(const char* data, qint64 length);
    void fail(int code, const QString& message, bool abortReply = true);
    void succeed();
    void complete();
    QString describeReceived() const;
    QString serverReason() const;

    QNetworkAccessManager* m_network;
    DownloadRequest m_request;
    DownloadResult m_result;
    QPointer<QNetworkReply> m_reply;
    Sha256Stream m_sha256;
    QCryptographicHash m_md5{QCryptographicHash::Md5};
    QElapsedTimer m_clock;
    QTimer m_totalTimer;
    QTimer m_stallTimer;
    QList<QSslError> m_sslErrors;
    QUrl m_currentUrl;      // the URL being fetched: the request's, then each redirect's
    QByteArray m_errorBody; // the start of a refusal's body, for the message
    qint64 m_received = 0;
    int m_httpStatus = 0;
    bool m_headersChecked = false;
    bool m_finished = false;
    bool m_autoDelete = true;
};

} // namespace ConfigDeck::Transfer
