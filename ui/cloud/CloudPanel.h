#pragma once

#include "alink/DeviceCredentials.h"
#include "cloud/CloudProfile.h"
#include "session/ConsoleSession.h"
#include "store/StoreTypes.h"

#include <QHash>
#include <QSet>
#include <QSslCertificate>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QFrame;
class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableView;
class QTreeWidget;

namespace ConfigDeck::Cloud {
class CloudSession;
}
namespace ConfigDeck::Store {
class Workspace;
}
namespace ConfigDeck::Roles {
class WorkspaceRecorder;
}

namespace ConfigDeck::Ui {

class CloudDeviceModel;
class DiffView;

// The "Cloud" tab: ConfigDeck connected to Alibaba Cloud IoT Platform as chosen device identities (secrets
// read from the workspace), through one CloudSession. Asks before connecting (the platform kicks a live
// device with the same identity offline), shows each identity's connection (refused and kicked offline in
// words), the configuration it holds and its last code, requests configurations, shows each verified
// version's diff against the version held before, and replies to pushes automatically (200 after
// verification) or with a code the operator chooses. The identities' messages and states are kept in the
// workspace (and passed on as signals for the main window's views); the connection profile is a UI
// preference kept in QSettings ("Cloud/profile"), not in the workspace. All protocol work is the session's.
class CloudPanel final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kDefaultMaxConnecting = 4;

    explicit CloudPanel(Store::Workspace* workspace, QWidget* parent = nullptr);
    ~CloudPanel() override;

    // Not owned. Changing it ends every connection of the session (their secrets and versions belong to
    // the old workspace); call it with nullptr before the workspace is destroyed.
    void setWorkspace(Store::Workspace* workspace);
    Store::Workspace* workspace() const { return m_workspace; }

    // Connects as these devices, their DeviceSecrets read from the workspace. Asks first (see
    // setConfirmLiveIdentities), opens the profile dialog when the profile is not usable yet. False when
    // nothing was started: declined, or an error shown in the banner (nothing changed then).
    bool connectAs(const QList<Alink::DeviceKey>& devices);
    // The same with the identities given, secrets included.
    bool connectAsIdentities(const QList<Alink::DeviceIdentity>& identities);

    // thing/config/get for the identities selected in the table (all online ones when none is selected).
    void requestConfigForSelection();
    void requestConfig(const QList<Alink::DeviceKey>& devices);
    void disconnectAll();

    // Opens the profile dialog; true when the operator changed the profile.
    bool editProfile();
    const Cloud::CloudProfile& profile() const { return m_profile; }
    // Also saves it as the user's preference.
    void setProfile(const Cloud::CloudProfile& profile);
    static constexpr const char* kSettingsKey = "Cloud/profile";

    bool autoReply() const;
    void setAutoReply(bool on);
    int maxConnecting() const;
    void setMaxConnecting(int count);
    // Ask before connecting (the default). Off for automation and tests that confirm by other means.
    void setConfirmLiveIdentities(bool confirm) { m_confirmLiveIdentities = confirm; }
    bool confirmsLiveIdentities() const { return m_confirmLiveIdentities; }
    // Roots trusted for the HTTPS configuration downloads; empty: the system's (the default).
    void setDownloadCaCertificates(const QList<QSslCertificate>& certificates);

    // Answers the push selected in the "Waiting for your reply" list with the chosen code.
    bool replyToSelected();

    Cloud::CloudSession* session() const { return m_session; }
    CloudDeviceModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    DiffView* diffView() const { return m_diff; }
    QTreeWidget* waitingList() const { return m_waiting; }
    QComboBox* replyCodeChooser() const { return m_replyCode; }
    QList<Alink::DeviceKey> selectedDevices() const;
    QString bannerText() const;
    QString diffSummaryText() const;
    QString countsText() const;

signals:
    // Every message an identity sent or received, and every change of its state, for the main window's
    // message log and fleet table (the panel has written them to the workspace already).
    void messageLogged(const ConfigDeck::Store::MessageLogEntry& entry);
    void stateChanged(const ConfigDeck::Store::DeviceStateUpdate& update);
    void onlineCountChanged(int online);

private:
    enum class Severity
    {
        Info,
        Warning,
        Error
    };
    // A verified version and what it is compared with.
    struct Change
    {
        QByteArray before;
        QByteArray after;
        QString beforeName;
        QString afterName;
        QString summary;
        bool first = false; // nothing was held before: the content alone, no structural comparison
    };

    void connectSession();
    void makeRecorder();
    // The profile dialog, previewing this device's client ID and user name.
    bool editProfileFor(const Alink::DeviceKey& preview);
    void loadProfile();
    void updateProfileSummary();
    void updateCounts();
    void updateButtons();
    void showBanner(const QString& text, Severity severity);
    void clearBanner();
    void showChange(const QString& key);
    void removeWaiting(const QString& productKey, const QString& deviceName);
    void forget(const QString& productKey, const QString& deviceName);
    static QString keyOf(const QString& productKey, const QString& deviceName);
    static QString changesPlaceholder();

    void onRefused(const QString& productKey, const QString& deviceName, const QString& reason,
                   const QString& advice);
    void onKicked(const QString& productKey, const QString& deviceName, const QString& reason);
    void onExchange(const QString& productKey, const QString& deviceName, const QString& messageId, int code,
                    const QString& reason, const QString& advice);
    void onReplyAwaited(const QString& productKey, const QString& deviceName, const QString& messageId,
                        int suggestedCode, const QString& reason);
    void onVerified(const QString& productKey, const QString& deviceName, const Alink::ConfigFile& file,
                    const QByteArray& content, const QString& previousSha256, const QString& diffSummary,
                    const QString& storedError);
    void onStateUpdate(const Store::DeviceStateUpdate& update);

    Store::Workspace* m_workspace;
    std::unique_ptr<Roles::WorkspaceRecorder> m_recorder;
    Cloud::CloudSession* m_session;
    Cloud::CloudProfile m_profile;
    bool m_confirmLiveIdentities = true;
    QHash<QString, Change> m_changes;         // "pk/dn" -> its last verified version
    QHash<QString, QByteArray> m_heldContent; // "pk/dn" -> the content it verified last
    QSet<QString> m_requests;                 // "pk/dn/id" of the gets sent from this panel
    QSet<QString> m_operatorReplies;          // "pk/dn/id" of the pushes the operator answered
    QString m_shownChange;
    QStringList m_bannerLines;
    Severity m_bannerSeverity = Severity::Info;

    QFrame* m_banner;
    QLabel* m_bannerText;
    QLabel* m_profileSummary;
    QLabel* m_counts;
    QPushButton* m_requestButton;
    QPushButton* m_disconnectButton;
    QPushButton* m_profileButton;
    QCheckBox* m_autoReply;
    QSpinBox* m_maxConnecting;
    CloudDeviceModel* m_model;
    QTableView* m_table;
    QGroupBox* m_waitingBox;
    QTreeWidget* m_waiting;
    QComboBox* m_replyCode;
    QPushButton* m_replyButton;
    QGroupBox* m_changesBox;
    QLabel* m_diffSummary;
    QCheckBox* m_indentJson;
    DiffView* m_diff;
    QSplitter* m_splitter;
};

} // namespace ConfigDeck::Ui
