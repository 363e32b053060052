#pragma once

#include "alink/DeviceCredentials.h"
#include "cloud/CloudProfile.h"
#include "session/CloudWorkbench.h"
#include "session/ConsoleSession.h"

#include <QPointer>
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

namespace ConfigDeck::Ui {

class CloudDeviceModel;
class DiffView;

// The "Cloud" tab: a view over the session's CloudWorkbench (ConfigDeck connected to Alibaba Cloud IoT
// Platform as chosen device identities, secrets read from the workspace). Asks before connecting (the
// platform kicks a live device with the same identity offline), shows each identity's connection (refused
// and kicked offline in words), the configuration it holds and its last code, requests configurations,
// shows each verified version's diff against the version held before, and replies to pushes automatically
// (200 after verification) or with a code the operator chooses. The state and the protocol work are the
// workbench's; the panel follows the session's workspaceAboutToClose/workspaceOpened and keeps no
// workspace. The connection profile is a UI preference kept in QSettings ("Cloud/profile").
class CloudPanel final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kDefaultMaxConnecting = Session::CloudWorkbench::kDefaultMaxConnecting;

    explicit CloudPanel(QWidget* parent = nullptr);
    ~CloudPanel() override;

    // Shows the session's workbench and follows its workspace as it closes and opens (not owned).
    void setConsoleSession(Session::ConsoleSession* session);
    // Shows this workbench (not owned; null: none). The panel's preferences (auto-reply, connections at
    // once, download roots) are applied to it. Let go of automatically when it is destroyed.
    void setWorkbench(Session::CloudWorkbench* workbench);
    Session::CloudWorkbench* workbench() const { return m_workbench; }

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
    void onlineCountChanged(int online);

private:
    using Severity = Session::CloudWorkbench::Severity;

    // The profile dialog, previewing this device's client ID and user name.
    bool editProfileFor(const Alink::DeviceKey& preview);
    void loadProfile();
    void updateProfileSummary();
    void updateCounts();
    void updateButtons();
    void showBanner(const QString& text, Severity severity);
    void clearBanner();
    void clearChange();
    void showChange(const QString& productKey, const QString& deviceName);
    void showIdentity(const QString& productKey, const QString& deviceName);
    void showAwaitedReplies();
    static QString changesPlaceholder();

    QPointer<Session::CloudWorkbench> m_workbench;
    bool m_shownAWorkbench = false;
    Cloud::CloudProfile m_profile;
    QList<QSslCertificate> m_downloadRoots;
    bool m_confirmLiveIdentities = true;
    Alink::DeviceKey m_shownChange;
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
