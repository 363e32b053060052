#pragma once

#include "cloud/AccountProfile.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ConfigDeck::Store {
class Workspace;
}

namespace ConfigDeck::Ui {

// The workspace's Alibaba Cloud account: region, instance, the AccessKey pair of a RAM user, the AMQP
// consumer group and, under Advanced, endpoint overrides. Explains the least privilege the RAM user needs
// and warns against the account's main AccessKey. The AccessKey Secret is typed, never shown: a stored one
// is kept when the field is left empty; saving a new one needs the workspace unlocked. OK saves the
// profile in one transaction, or says why it cannot and keeps the dialog open.
class AccountProfileDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AccountProfileDialog(Store::Workspace* workspace, QWidget* parent = nullptr);

    // The profile as the fields stand (the secret is not part of it).
    Cloud::AccountProfile profile() const;
    QString errorText() const;
    QString adviceText() const;
    QLineEdit* field(const QString& name) const;

    void accept() override;

private:
    void load();
    void update();

    Store::Workspace* m_workspace;
    bool m_hasSecret = false;
    QLineEdit* m_region;
    QLineEdit* m_instance;
    QLineEdit* m_accessKeyId;
    QLineEdit* m_accessKeySecret;
    QLineEdit* m_consumerGroup;
    QLineEdit* m_accountUid;
    QLineEdit* m_openApiUrl;
    QLineEdit* m_amqpHost;
    QSpinBox* m_amqpPort;
    QLineEdit* m_caFile;
    QLabel* m_advice;
    QLabel* m_error;
    QPushButton* m_ok;
};

} // namespace ConfigDeck::Ui
