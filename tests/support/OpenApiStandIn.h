#pragma once

#include "TestCertificates.h"

#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

class QProcess;

namespace ConfigDeck::TestSupport {

// The IoT OpenAPI stand-in (openapi_standin.py, run by /usr/bin/python3) over HTTPS with a certificate of
// the test CA: it checks every request's signature, Timestamp and SignatureNonce as the documentation
// describes and serves the fleet from a JSON file:
//   {"products": [{"productKey": "a1...", "name": "...",
//                  "devices": [{"name": "...", "secret": "...", "status": "ONLINE"}]}]}
// Stopped (and its files removed) by the destructor.
class OpenApiStandIn
{
public:
    struct Options
    {
        QString accessKeyId = QStringLiteral("LTAI5tStandInKeyId");
        QByteArray accessKeySecret = "StandInSecret-8c1b83d344af";
        QString regionId = QStringLiteral("cn-shanghai");
        QString instanceId; // empty: the region's public instance
    };

    OpenApiStandIn();
    explicit OpenApiStandIn(Options options);
    ~OpenApiStandIn();
    Q_DISABLE_COPY_MOVE(OpenApiStandIn)

    // Starts the server with this fleet and waits for its port; false with errorString() when not.
    bool start(const QJsonObject& fleet);
    // Serves another fleet from now on.
    bool setFleet(const QJsonObject& fleet);
    // The next count requests answer Throttling.User.
    bool throttle(int count);
    // The next request answers code: in the gateway's shape with this HTTP status when >= 400, else in
    // IoT Platform's (HTTP 200, Success false).
    bool failNext(const QString& code, int httpStatus = 400);
    // {"requests", "actions", "throttled", "refused"}
    QJsonObject stats();

    const Options& options() const { return m_options; }
    QString baseUrl() const;
    QString caFile() const { return m_certificates ? m_certificates->caCertificate : QString(); }
    QString errorString() const { return m_error; }
    QString log() const;

    // A fleet of productCount products, each with devicesPerProduct devices named dev-<p>-<n>.
    static QJsonObject makeFleet(int productCount, int devicesPerProduct);

private:
    std::optional<QJsonObject> command(const QString& line);
    bool writeFleet(const QJsonObject& fleet, QString* path);

    Options m_options;
    QTemporaryDir m_dir;
    std::optional<TestCertificates> m_certificates;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    int m_fleetFiles = 0;
    QString m_error;
};

} // namespace ConfigDeck::TestSupport
