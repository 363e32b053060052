#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace ConfigDeck::Session {
class ConsoleSession;
}
namespace ConfigDeck::Store {
class FleetModel;
}

namespace ConfigDeck::Ui {

class MessageLogModel;
class MessageLogView;

// One device: identity (the DeviceSecret masked; revealing it asks first), configuration state with the last
// code and its meaning, the versions it has held, and its Alink messages. "Compare" asks for a diff of the
// held configuration with another version.
class DeviceDetailPanel final : public QWidget
{
    Q_OBJECT
public:
    static inline const QString kMask = QStringLiteral("••••••••");

    // The state shown is the fleet model's (live); identity and versions come from the workspace.
    DeviceDetailPanel(Session::ConsoleSession* session, Store::FleetModel* fleet, MessageLogModel* log,
                      QWidget* parent = nullptr);

    void showDevice(const QString& productKey, const QString& deviceName);
    // Re-reads the shown device's state (after updates).
    void refresh();
    QString productKey() const { return m_productKey; }
    QString deviceName() const { return m_deviceName; }
    QLineEdit* secretField() const { return m_secret; }
    QPushButton* revealButton() const { return m_reveal; }
    bool secretRevealed() const { return m_revealed; }
    // Asks for confirmation, then shows the secret (true when shown).
    bool revealSecret();
    void hideSecret();

signals:
    // fromSha256 is what the device holds (or the product's published version), toSha256 the chosen one.
    void compareRequested(const QString& productKey, const QString& fromSha256, const QString& toSha256);

private:
    void fillVersions();

    Session::ConsoleSession* m_session;
    Store::FleetModel* m_fleet;
    QString m_productKey;
    QString m_deviceName;
    bool m_revealed = false;
    QLabel* m_title;
    QLabel* m_product;
    QLabel* m_device;
    QLabel* m_labels;
    QLabel* m_note;
    QLineEdit* m_secret;
    QPushButton* m_reveal;
    QLabel* m_online;
    QLabel* m_state;
    QLabel* m_config;
    QLabel* m_code;
    QListWidget* m_held;
    QComboBox* m_compareWith;
    QPushButton* m_compare;
    MessageLogView* m_messages;
};

} // namespace ConfigDeck::Ui
