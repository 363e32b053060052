#pragma once

#include <QString>

namespace ConfigDeck::TestSupport {

class PostgresFixture;

// Which database the store tests' workspaces live in. By default each is the SQLite file the test names;
// with CONFIGDECK_TEST_WORKSPACE_BACKEND=postgresql each file path stands for a database of its own on one
// PostgreSQL server (PostgresFixture) that the test process starts the first time it is asked for one and
// stops when the application ends. So the same tests run on both backends.
bool workspaceBackendIsPostgres();

// The location to open for the test workspace "at" filePath: the path itself, or
// postgresql://user:password@127.0.0.1:port/<its database> (made empty the first time the path is asked
// for). Empty when the server cannot be started (the reason is logged and the test fails).
QString workspaceLocation(const QString& filePath);

// The server of the PostgreSQL backend (started on first use), or nullptr on SQLite.
PostgresFixture* workspaceServer();

} // namespace ConfigDeck::TestSupport
