#pragma once

#include "alink/AlinkError.h"

#include <QCoreApplication>
#include <QString>

namespace ConfigDeck::Store {

// Where a workspace lives: a file path, or a PostgreSQL database given as
// postgresql://user[:password]@host[:port]/database[?sslmode=...&sslrootcert=...]. The password is kept
// apart: url() never carries it, so the URL can be shown, logged and kept in the recent list.
class WorkspaceLocation final
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceLocation)

public:
    static constexpr int kDefaultPort = 5432;

    // Whether text names a database (postgresql:// or postgres://) rather than a file.
    static bool isDatabaseUrl(const QString& text);
    // A file path as is; a database URL checked field by field (the one at fault named).
    static Alink::Expected<WorkspaceLocation> parse(const QString& text);

    bool isDatabase() const { return m_database; }
    QString filePath() const { return m_filePath; }
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString databaseName() const { return m_databaseName; }
    QString password() const { return m_password; }
    QString sslMode() const { return m_sslMode; }
    QString sslRootCert() const { return m_sslRootCert; }
    // The file path, or the database URL without the password.
    QString url() const;
    // libpq's options for QSqlDatabase::setConnectOptions (TLS, time-outs).
    QString connectOptions() const;

private:
    bool m_database = false;
    QString m_filePath;
    QString m_host;
    int m_port = kDefaultPort;
    QString m_user;
    QString m_databaseName;
    QString m_password;
    QString m_sslMode;
    QString m_sslRootCert;
};

} // namespace ConfigDeck::Store
