#include "Downloader.h"

#include "transfer/DownloadJob.h"

#include <QNetworkAccessManager>

namespace ConfigDeck::Transfer {

Downloader::Downloader(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_network(network ? network : new QNetworkAccessManager(this))
{
    qRegisterMetaType<DownloadResult>();
}

Downloader::~Downloader() = default;

DownloadJob* Downloader::download(const DownloadRequest& request)
{
    return new DownloadJob(m_network, request, this);
}

} // namespace ConfigDeck::Transfer
