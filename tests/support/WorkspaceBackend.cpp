#include "WorkspaceBackend.h"

#include "PostgresFixture.h"

#include <QCoreApplication>
#include <QHash>
#include <QTest>

#include <memory>

namespace ConfigDeck::TestSupport {

namespace {

std::unique_ptr<PostgresFixture>& server()
{
    static std::unique_ptr<PostgresFixture> fixture;
    return fixture;
}

void stopServer()
{
    server().reset();
}

} // namespace

bool workspaceBackendIsPostgres()
{
    return qEnvironmentVariable("CONFIGDECK_TEST_WORKSPACE_BACKEND")
               .compare(u"postgresql", Qt::CaseInsensitive) == 0;
}

PostgresFixture* workspaceServer()
{
    if (!workspaceBackendIsPostgres())
        return nullptr;
    if (!server()) {
        auto fixture = std::make_unique<PostgresFixture>();
        if (!fixture->start()) {
            qWarning("cannot start PostgreSQL for the workspace tests: %s",
                     qPrintable(fixture->errorString()));
            return nullptr;
        }
        server() = std::move(fixture);
        // Stopped while the application still exists (QProcess needs it), not at static destruction.
        qAddPostRoutine(stopServer);
    }
    return server().get();
}

QString workspaceLocation(const QString& filePath)
{
    if (!workspaceBackendIsPostgres())
        return filePath;
    PostgresFixture* fixture = workspaceServer();
    if (!fixture)
        return {};
    static QHash<QString, QString> databases;
    auto found = databases.find(filePath);
    if (found == databases.end()) {
        const QString name = QStringLiteral("workspace_%1").arg(databases.size() + 1);
        if (!fixture->createDatabase(name)) {
            qWarning("cannot create database %s: %s", qPrintable(name), qPrintable(fixture->errorString()));
            return {};
        }
        found = databases.insert(filePath, name);
    }
    return QStringLiteral("postgresql://%1:%2@%3:%4/%5")
        .arg(fixture->user(), fixture->password(), fixture->host())
        .arg(fixture->port())
        .arg(*found);
}

} // namespace ConfigDeck::TestSupport
