#pragma once

#include "session/SessionSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QGroupBox;

namespace ConfigDeck::Ui {

// Chooses and edits a workspace's mode: Demo, or the platform on an MQTT broker (URL, TLS and CA file,
// credentials, file-server address and port, Alibaba limits). Checks the fields before accepting and says
// which one is wrong.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(const Session::SessionSettings& settings, QWidget* parent = nullptr);
    Session::SessionSettings settings() const;
    void setSettings(const Session::SessionSettings& settings);
    void accept() override;
    QString errorText() const;

private:
    void updateEnabled();

    QComboBox* m_mode;
    QGroupBox* m_brokerBox;
    QLineEdit* m_url;
    QCheckBox* m_tls;
    QLineEdit* m_caFile;
    QLineEdit* m_username;
    QLineEdit* m_password;
    QLineEdit* m_fileHost;
    QSpinBox* m_filePort;
    QLineEdit* m_fileCertificate;
    QLineEdit* m_fileKey;
    QCheckBox* m_limits;
    QLabel* m_error;
};

} // namespace ConfigDeck::Ui
