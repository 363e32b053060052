#pragma once

#include "transfer/DownloadRequest.h"

#include <QObject>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace ConfigDeck::Transfer {

class DownloadJob;

// Fetches configuration files the way a careful device does: plain GET, hashed while the bytes
// arrive, stopped as soon as the server sends more than configSize, TLS errors never ignored,
// redirects limited and never from https to http. See DownloadJob for the running download.
class Downloader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Downloader)

public:
    // Uses the given access manager (shared connections, test doubles); makes its own only when
    // given none.
    explicit Downloader(QNetworkAccessManager* network = nullptr, QObject* parent = nullptr);
    ~Downloader() override;

    QNetworkAccessManager* network() const { return m_network; }

    // The job is a child of this downloader; see DownloadJob for its lifetime.
    DownloadJob* download(const DownloadRequest& request);

private:
    QNetworkAccessManager* m_network;
};

} // namespace ConfigDeck::Transfer
