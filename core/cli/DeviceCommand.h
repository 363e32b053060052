#pragma once

#include "EventPrinter.h"
#include "alink/AlinkError.h"
#include "alink/DeviceCredentials.h"

#include <QCommandLineParser>
#include <QHash>
#include <QMap>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace ConfigDeck::Cloud {
class CloudSession;
}
namespace ConfigDeck::Store {
struct MessageLogEntry;
}

namespace ConfigDeck::Cli {

// `configdeck-cli device --cloud`: connects as real device identities to Alibaba Cloud IoT Platform (or a
// broker that signs in the same way), requests the configuration, waits for pushes, downloads, verifies,
// replies (200 automatically after verification, or a chosen code) and prints what happened.
class DeviceCommand final : public QObject
{
    Q_OBJECT

public:
    explicit DeviceCommand(QObject* parent = nullptr);
    ~DeviceCommand() override;

    // Parses the arguments and starts; returns an exit code when there is nothing to run.
    std::optional<int> start(const QStringList& arguments);

    // ProductKey,DeviceName,DeviceSecret rows (the platform's batch-registration CSV has these first three
    // columns); a header row is skipped. Errors name the line.
    static Alink::Expected<QList<Alink::DeviceIdentity>> readSecretsFile(const QString& path);

signals:
    void finished(int exitCode);

private:
    Alink::Expected<QList<Alink::DeviceIdentity>> identities(const QCommandLineParser& parser) const;
    Alink::Expected<QList<Alink::DeviceIdentity>> workspaceIdentities(const QCommandLineParser& parser) const;
    bool confirmLiveIdentities(int count, bool yes);
    void onSettled();
    void onExchange(const QString& productKey, const QString& deviceName, const QString& messageId, int code,
                    const QString& reason, const QString& advice);
    void onMessage(const Store::MessageLogEntry& entry);
    void afterGets();
    void finish(int exitCode);
    void printSummary();

    std::unique_ptr<EventPrinter> m_printer;
    QNetworkAccessManager m_network;
    Cloud::CloudSession* m_session = nullptr;
    bool m_get = false;
    qint64 m_waitPushSeconds = 0;
    qint64 m_timeoutSeconds = 60;
    std::optional<int> m_replyCode; // nothing: reply 200 automatically after verification
    QSet<QString> m_pendingGets;    // "pk/dn/id"
    QTimer* m_getTimer = nullptr;
    QTimer* m_waitTimer = nullptr;
    QMap<int, qint64> m_codes;
    int m_devices = 0;
    int m_connected = 0;
    int m_refused = 0;
    int m_kicked = 0;
    int m_failed = 0; // gets or pushes that did not end with 200
    int m_verified = 0;
    int m_pushes = 0;
    bool m_finished = false;
};

} // namespace ConfigDeck::Cli
