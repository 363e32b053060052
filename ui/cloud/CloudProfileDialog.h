#pragma once

#include "cloud/CloudProfile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace ConfigDeck::Ui {

// Edits how ConfigDeck reaches Alibaba Cloud IoT Platform as a device: the endpoint (a public instance by
// region, or an instance by id), the port, TLS (on by default, with the shipped GlobalSign root or a CA
// file), the sign method and the keep-alive, and a host override for private deployments and tests. Shows
// the host, client ID and user name an identity would connect with, and keeps OK disabled, with the reason
// in words, while the profile cannot be used. Turning TLS off shows the plain-TCP warning.
class CloudProfileDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit CloudProfileDialog(const Cloud::CloudProfile& profile, QWidget* parent = nullptr);

    // The profile as the fields stand (it may not validate; see errorText()).
    Cloud::CloudProfile profile() const;
    void setProfile(const Cloud::CloudProfile& profile);
    // The identity whose client ID and user name the preview shows; none: the host alone.
    void setPreviewDevice(const QString& productKey, const QString& deviceName);

    // Why the profile cannot be used, in words; empty when it can.
    QString errorText() const;
    QString previewText() const;
    // The plain-TCP warning when it is shown, else empty.
    QString warningText() const;
    bool isAcceptable() const;

    // One line describing a profile for the panel: endpoint, host and port, TLS, sign method, keep-alive.
    static QString describe(const Cloud::CloudProfile& profile);

    void accept() override;

private:
    void update();
    void fitHeight();
    int typedKeepAlive() const;

    QComboBox* m_endpointKind;
    QComboBox* m_region;
    QLineEdit* m_instance;
    QComboBox* m_port;
    QCheckBox* m_tls;
    QLineEdit* m_caFile;
    QPushButton* m_browse;
    QLabel* m_plainWarning;
    QComboBox* m_signMethod;
    QSpinBox* m_keepAlive;
    QGroupBox* m_advanced;
    QLineEdit* m_host;
    QSpinBox* m_hostPort;
    QPlainTextEdit* m_preview;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    QFormLayout* m_endpointForm;
    QString m_previewProductKey;
    QString m_previewDeviceName;
};

} // namespace ConfigDeck::Ui
