#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace ConfigDeck::Ui {

// The fields of a shared workspace's PostgreSQL connection: host, port, database, user, TLS mode and CA
// file, the password (typed, never put in the URL) and whether the OS keychain keeps it. Used by the
// New workspace dialog and the Open shared workspace dialog.
class DatabaseConnectionForm final : public QWidget
{
    Q_OBJECT
public:
    explicit DatabaseConnectionForm(QWidget* parent = nullptr);

    // postgresql://user@host:port/database[?sslmode=…&sslrootcert=…], without the password.
    QString url() const;
    // Fills the fields from a URL (a password in it is taken into the password field).
    void setUrl(const QString& url);
    QString password() const;
    void setPassword(const QString& password);
    bool remembersPassword() const;
    void setRemembersPassword(bool remember);

    // What is missing or wrong in the fields (empty when nothing).
    QString problem() const;

    QLineEdit* hostEdit() const { return m_host; }
    QSpinBox* portEdit() const { return m_port; }
    QLineEdit* databaseEdit() const { return m_database; }
    QLineEdit* userEdit() const { return m_user; }
    QComboBox* sslModeBox() const { return m_sslMode; }
    QLineEdit* caFileEdit() const { return m_caFile; }
    QLineEdit* passwordEdit() const { return m_password; }
    QCheckBox* rememberBox() const { return m_remember; }

signals:
    void changed();

private:
    void browseCaFile();

    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_database;
    QLineEdit* m_user;
    QComboBox* m_sslMode;
    QLineEdit* m_caFile;
    QLineEdit* m_password;
    QCheckBox* m_remember;
};

} // namespace ConfigDeck::Ui
