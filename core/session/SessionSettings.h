#pragma once

#include "alink/AlinkError.h"
#include "store/StoreTypes.h"

#include <QCoreApplication>
#include <QString>

namespace ConfigDeck::Store {
class Workspace;
}

namespace ConfigDeck::Session {

// How a workspace runs: the Demo (everything in the process) or the platform on a real MQTT broker.
enum class SessionMode
{
    Demo,
    Broker
};

// The connection settings of a workspace, kept in the workspace's settings table. The broker password is
// sealed with the workspace key (never stored in plain text) and only held in memory once unlocked.
struct SessionSettings
{
    Q_DECLARE_TR_FUNCTIONS(SessionSettings)
public:
    SessionMode mode = SessionMode::Demo;
    QString brokerUrl = QStringLiteral("mqtt://127.0.0.1:1883");
    bool tls = false;
    QString caFile;
    QString username;
    QString password; // plain text in memory only
    QString fileServerHost = QStringLiteral("127.0.0.1");
    quint16 fileServerPort = 0; // 0: any free port
    // HTTPS for the file server in broker mode: PEM certificate (leaf, then intermediates) and key files;
    // both empty: plain HTTP.
    QString fileServerCertificate;
    QString fileServerKey;
    bool alibabaLimits = false;

    // Reads the settings; the password is opened with the workspace's sealer (left empty when locked).
    static Alink::Expected<SessionSettings> load(const Store::Workspace& workspace);
    // Checks every field (names the one at fault) and writes them all; changes nothing on error. A user
    // name and password in the broker address are stored as the fields below (see withCredentialsFromUrl).
    Store::Status save(Store::Workspace& workspace) const;
    // These settings with "user:password@" taken out of the broker address into username and password,
    // so that the password is sealed and never kept in, or shown with, the address. An error when the
    // address and the fields give different values.
    Alink::Expected<SessionSettings> withCredentialsFromUrl() const;
    std::optional<Alink::AlinkError> validate() const;

    static QString modeName(SessionMode mode);
    bool operator==(const SessionSettings&) const = default;
};

} // namespace ConfigDeck::Session
