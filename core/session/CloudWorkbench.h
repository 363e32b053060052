#pragma once

#include "alink/DeviceCredentials.h"
#include "alink/DeviceKey.h"
#include "alink/ReplyCodeCatalog.h"
#include "cloud/CloudProfile.h"
#include "cloud/CloudSession.h"
#include "store/StoreTypes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSslCertificate>

#include <optional>

namespace ConfigDeck::Store {
class Workspace;
}
namespace ConfigDeck::Roles {
class WorkspaceRecorder;
}

namespace ConfigDeck::Session {

// One identity connected to Alibaba Cloud, as the Cloud tab shows it.
struct CloudIdentityStatus
{
    QString productKey;
    QString deviceName;
    Cloud::CloudDeviceState state = Cloud::CloudDeviceState::Waiting;
    QString stateDetail; // why it was refused or kicked offline, with what to check
    QString configId;
    QString sha256;
    std::optional<int> lastCode;
    Alink::ReplySource codeSource = Alink::ReplySource::Device;
    QDateTime lastEvent;
};

// A verified version and what it is compared with.
struct CloudChange
{
    QByteArray before;
    QByteArray after;
    QString beforeName;
    QString afterName;
    QString summary;
    bool first = false; // nothing was held before: the content alone, no structural comparison
};

// A verified push that waits for the operator's code (auto-reply off).
struct CloudAwaitedReply
{
    QString productKey;
    QString deviceName;
    QString messageId;
    int suggestedCode = 0;
    QString reason;
};

// The Cloud tab's session over one open workspace: ConfigDeck connected to Alibaba Cloud IoT Platform as
// chosen device identities, their DeviceSecrets read from the workspace. Owns the CloudSession and keeps
// what the tab shows: each identity's status, the content each verified last (to compare the next version
// with), the requests it sent and the pushes the operator answered (so that their outcome is reported
// right), the pushes waiting for a reply and each identity's last change. Messages and states are recorded
// through the workspace's recorder and passed on as signals. Made when a workspace opens and destroyed
// before it closes (ConsoleSession::cloud()), so nothing here outlives the workspace it reads.
class CloudWorkbench final : public QObject
{
    Q_OBJECT

public:
    enum class Severity
    {
        Info,
        Warning,
        Error
    };
    struct Counts
    {
        int identities = 0;
        int online = 0;
        int connecting = 0;
        int refused = 0;
        int kicked = 0;
        int waitingForReply = 0;
    };
    static constexpr int kDefaultMaxConnecting = 4;

    // Neither is owned; both outlive this. The recorder may be null (nothing recorded then).
    CloudWorkbench(Store::Workspace* workspace, Roles::WorkspaceRecorder* recorder,
                   QObject* parent = nullptr);
    ~CloudWorkbench() override;

    Cloud::CloudSession* session() const { return m_session; }

    // The identities of these devices, their DeviceSecrets read from the workspace. An error says why none
    // can be used (the workspace is locked, a device is unknown).
    Alink::Expected<QList<Alink::DeviceIdentity>> identitiesOf(const QList<Alink::DeviceKey>& devices) const;
    // Connects as the identities with the profile; nothing starts when either is wrong. Identities whose
    // connection ended connect anew; when none is active, the list starts afresh. The configuration each
    // is known to hold is read from the workspace.
    std::optional<Alink::AlinkError> connectAs(const Cloud::CloudProfile& profile,
                                               const QList<Alink::DeviceIdentity>& identities);
    // thing/config/get for each (online) identity; returns what could not be requested, in words.
    QStringList requestConfig(const QList<Alink::DeviceKey>& devices);
    // Answers a waiting push with the operator's code.
    std::optional<Alink::AlinkError> reply(const QString& productKey, const QString& deviceName,
                                           const QString& messageId, int code);
    void disconnectAll();

    bool autoReply() const;
    void setAutoReply(bool on);
    int maxConnecting() const;
    void setMaxConnecting(int count);
    // Roots trusted for the HTTPS configuration downloads; empty: the system's (the default).
    void setDownloadCaCertificates(const QList<QSslCertificate>& certificates);

    const QList<CloudIdentityStatus>& identities() const { return m_identities; }
    const CloudIdentityStatus* identity(const QString& productKey, const QString& deviceName) const;
    bool anyActive() const;
    Counts counts() const;
    const QList<CloudAwaitedReply>& awaitedReplies() const { return m_awaited; }
    // The last verified version of the identity and what it is compared with.
    std::optional<CloudChange> change(const QString& productKey, const QString& deviceName) const;

signals:
    // The identity was added or its status changed.
    void identityChanged(const QString& productKey, const QString& deviceName);
    void identityRemoved(const QString& productKey, const QString& deviceName);
    void awaitedRepliesChanged();
    void changeVerified(const QString& productKey, const QString& deviceName);
    // What the operator should read: refusals, kicks, codes other than success, wire errors.
    void notice(const QString& text, ConfigDeck::Session::CloudWorkbench::Severity severity);
    void countsChanged();
    // Every message an identity sent or received and every change of its state (recorded already).
    void messageLogged(const ConfigDeck::Store::MessageLogEntry& entry);
    void stateChanged(const ConfigDeck::Store::DeviceStateUpdate& update);

private:
    CloudIdentityStatus* find(const QString& productKey, const QString& deviceName);
    void forget(const QString& productKey, const QString& deviceName);
    void removeAwaited(const QString& productKey, const QString& deviceName);
    void setState(const QString& productKey, const QString& deviceName, Cloud::CloudDeviceState state,
                  const QString& detail = {});
    void onExchange(const QString& productKey, const QString& deviceName, const QString& messageId, int code,
                    const QString& reason, const QString& advice);
    void onVerified(const QString& productKey, const QString& deviceName, const Alink::ConfigFile& file,
                    const QByteArray& content, const QString& previousSha256, const QString& diffSummary,
                    const QString& storedError);
    void onStateUpdate(const Store::DeviceStateUpdate& update);
    static QString keyOf(const QString& productKey, const QString& deviceName);

    Store::Workspace* m_workspace;
    Roles::WorkspaceRecorder* m_recorder;
    Cloud::CloudSession* m_session; // owned by this
    QList<CloudIdentityStatus> m_identities;
    QList<CloudAwaitedReply> m_awaited;
    QHash<QString, CloudChange> m_changes;    // "pk/dn" -> its last verified version
    QHash<QString, QByteArray> m_heldContent; // "pk/dn" -> the content it verified last
    QSet<QString> m_requests;                 // "pk/dn/id" of the gets sent from here
    QSet<QString> m_operatorReplies;          // "pk/dn/id" of the pushes the operator answered
};

} // namespace ConfigDeck::Session

Q_DECLARE_METATYPE(ConfigDeck::Session::CloudWorkbench::Severity)
