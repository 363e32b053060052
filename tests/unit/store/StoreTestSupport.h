#pragma once

#include "store/Workspace.h"
#include "store/WorkspaceLocation.h"
#include "support/StoredValue.h"
#include "support/WorkspaceBackend.h"

#include <QSqlDatabase>
#include <QTest>
#include <QUuid>

// QVERIFY for Expected/Status results that prints the error's message when it fails.
#define STORE_VERIFY(expression)                                                                             \
    do {                                                                                                     \
        const auto storeResult_ = (expression);                                                              \
        QVERIFY2(bool(storeResult_), bool(storeResult_) ? "" : qPrintable(storeResult_.error().message()));  \
    } while (false)

// A connection of its own to a test workspace's database (its SQLite file, or its PostgreSQL database with
// CONFIGDECK_TEST_WORKSPACE_BACKEND=postgresql), for tests that check (or tamper with) what is stored.
// Queries on it must end before it does.
class DirectConnection final
{
    Q_DISABLE_COPY_MOVE(DirectConnection)

public:
    explicit DirectConnection(const QString& path)
        : m_name(QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        const QString location = ConfigDeck::TestSupport::workspaceLocation(path);
        const auto parsed = ConfigDeck::Store::WorkspaceLocation::parse(location);
        if (parsed && parsed->isDatabase()) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
            db.setHostName(parsed->host());
            db.setPort(parsed->port());
            db.setUserName(parsed->user());
            db.setPassword(parsed->password());
            db.setDatabaseName(parsed->databaseName());
        } else {
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name).setDatabaseName(path);
        }
        if (!database().open())
            qWarning("cannot open %s", qPrintable(path));
    }
    ~DirectConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

// Opens the test workspace "at" path (the file, or its PostgreSQL database).
inline auto openTestWorkspace(const QString& path, ConfigDeck::Store::Workspace::OpenMode mode =
                                                       ConfigDeck::Store::Workspace::OpenMode::CreateOrOpen)
{
    return ConfigDeck::Store::Workspace::open(ConfigDeck::TestSupport::workspaceLocation(path), mode);
}

// For the tests of what a workspace file is (its header, its -wal): they have no PostgreSQL counterpart.
#define SKIP_ON_POSTGRESQL(why)                                                                              \
    do {                                                                                                     \
        if (ConfigDeck::TestSupport::workspaceBackendIsPostgres())                                           \
            QSKIP(why);                                                                                      \
    } while (false)
