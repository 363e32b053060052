#pragma once

#include "StoreTypes.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace ConfigDeck::Store {

// A shared workspace (PostgreSQL) saved as a workspace file (SQLite): the file is made by the workspace's
// own creation (the same migrations, to the same schema version), then every table's rows are copied, in
// the order the migrations create the tables (so a row's references are there before it), all read in one
// REPEATABLE READ transaction so that the copy is one moment of the database. Columns are read from the
// source, not listed here. Secrets stay sealed as they are: the copy opens with the same key.
class DatabaseCopy final
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseCopy)

public:
    // targetPath must not exist (Workspace::saveCopy makes sure); on any error nothing is left there.
    static Status toFile(QSqlDatabase& source, const QString& targetPath);

    // The workspace's tables in the order the migrations create them (without those a later step drops).
    static QStringList tablesInCreationOrder();
};

} // namespace ConfigDeck::Store
