#include "DatabaseCopy.h"

#include "StoreLog.h"
#include "Workspace.h"
#include "WorkspacePart.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace ConfigDeck::Store {

using Alink::Expected;
using Sql::sqlError;
using Sql::storeError;

namespace {

// The PostgreSQL dialect's own bookkeeping in meta; a file says the same with PRAGMAs.
const QStringList kDatabaseOnlyMeta{QStringLiteral("application_id"), QStringLiteral("schema_version")};

QString quoted(const QString& name)
{
    return u'"' + QString(name).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

Expected<QStringList> sourceColumns(const QSqlDatabase& source, const QString& table)
{
    QSqlQuery query(source);
    query.prepare(QStringLiteral("SELECT column_name FROM information_schema.columns"
                                 " WHERE table_schema = current_schema() AND table_name = ?"
                                 " ORDER BY ordinal_position"));
    query.addBindValue(table);
    if (!query.exec())
        return sqlError(DatabaseCopy::tr("Cannot read the columns of %1").arg(table), query.lastError());
    QStringList columns;
    while (query.next())
        columns << query.value(0).toString();
    if (columns.isEmpty())
        return storeError(DatabaseCopy::tr("The workspace has no table %1").arg(table));
    return columns;
}

Expected<QStringList> targetColumns(const QSqlDatabase& target, const QString& table)
{
    QSqlQuery query(target);
    if (!query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(quoted(table))))
        return sqlError(DatabaseCopy::tr("Cannot read the columns of %1").arg(table), query.lastError());
    QStringList columns;
    while (query.next())
        columns << query.value(1).toString();
    return columns;
}

// Copies one table's rows (the target's rows from its creation are replaced by the source's).
Status copyTable(const QSqlDatabase& source, QSqlDatabase& target, const QString& table)
{
    const auto columns = sourceColumns(source, table);
    if (!columns)
        return columns.error();
    const auto available = targetColumns(target, table);
    if (!available)
        return available.error();
    for (const QString& column : *columns) {
        if (!available->contains(column))
            return storeError(
                DatabaseCopy::tr("The workspace file has no column %1.%2 to copy into").arg(table, column));
    }
    QStringList names;
    for (const QString& column : *columns)
        names << quoted(column);
    const QString list = names.join(QStringLiteral(", "));
    QString select = QStringLiteral("SELECT %1 FROM %2").arg(list, quoted(table));
    if (table == u"meta")
        select +=
            QStringLiteral(" WHERE key NOT IN ('%1')").arg(kDatabaseOnlyMeta.join(QStringLiteral("', '")));

    QSqlQuery insert(target);
    if (!insert.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                            .arg(quoted(table), list,
                                 QStringList(names.size(), QStringLiteral("?")).join(QStringLiteral(", ")))))
        return sqlError(DatabaseCopy::tr("Cannot copy %1").arg(table), insert.lastError());
    QSqlQuery rows(source);
    rows.setForwardOnly(true);
    if (!rows.exec(select))
        return sqlError(DatabaseCopy::tr("Cannot read %1").arg(table), rows.lastError());
    qint64 copied = 0;
    while (rows.next()) {
        for (int i = 0; i < names.size(); ++i)
            insert.bindValue(i, rows.value(i));
        if (!insert.exec())
            return sqlError(DatabaseCopy::tr("Cannot copy a row of %1").arg(table), insert.lastError());
        ++copied;
    }
    if (rows.lastError().isValid())
        return sqlError(DatabaseCopy::tr("Cannot read %1").arg(table), rows.lastError());
    qCDebug(lcStore) << "copied" << copied << "rows of" << table;
    return ok();
}

// Every row of the source into the new file's connection; each side in one transaction.
Status copyRows(QSqlDatabase& source, QSqlDatabase& target, const QStringList& tables)
{
    QSqlQuery sourceQuery(source);
    // One snapshot for every table: the rows of a moment, whatever the other consoles commit meanwhile.
    if (!sourceQuery.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")))
        return sqlError(DatabaseCopy::tr("Cannot read the workspace"), sourceQuery.lastError());
    Status status = ok();
    {
        Transaction transaction(target);
        status = transaction.begin();
        QSqlQuery clear(target);
        // The rows the file's creation made (its own id and date) give way to the source's.
        for (auto table = tables.crbegin(); status && table != tables.crend(); ++table) {
            if (!clear.exec(QStringLiteral("DELETE FROM %1").arg(quoted(*table))))
                status = sqlError(DatabaseCopy::tr("Cannot prepare the copy"), clear.lastError());
        }
        for (const QString& table : tables) {
            if (!status)
                break;
            status = copyTable(source, target, table);
        }
        if (status)
            status = transaction.commit();
    }
    sourceQuery.exec(QStringLiteral("ROLLBACK")); // it only read
    return status;
}

} // namespace

QStringList DatabaseCopy::tablesInCreationOrder()
{
    static const QRegularExpression kCreate(
        QStringLiteral("^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression kDrop(QStringLiteral("^\\s*DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)"),
                                          QRegularExpression::CaseInsensitiveOption);
    QStringList tables;
    for (const Workspace::Migration& migration : Workspace::migrations()) {
        for (const char* statement : migration.statements) {
            const QString text = QString::fromLatin1(statement);
            if (const auto created = kCreate.match(text); created.hasMatch())
                tables << created.captured(1);
            else if (const auto dropped = kDrop.match(text); dropped.hasMatch())
                tables.removeAll(dropped.captured(1));
        }
    }
    return tables;
}

Status DatabaseCopy::toFile(QSqlDatabase& source, const QString& targetPath)
{
    const auto removeTarget = [&targetPath] {
        for (const QString& suffix :
             {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            QFile::remove(targetPath + suffix);
    };
    QString foreign;
    const Expected<int> sourceVersion = SqlDialect::of(source).schemaVersion(source, &foreign);
    if (!sourceVersion)
        return sourceVersion.error();
    {
        // The file as the workspace makes one: the same migrations, to this version's schema.
        auto created = Workspace::open(targetPath, Workspace::OpenMode::CreateOrOpen);
        if (!created) {
            removeTarget();
            return created.error();
        }
        if ((*created)->schemaVersion() != *sourceVersion) {
            created->reset();
            removeTarget();
            return storeError(tr("The workspace's schema (version %1) is not the one this ConfigDeck writes "
                                 "(version %2): open the workspace again, or update ConfigDeck, then save "
                                 "the copy.")
                                  .arg(*sourceVersion)
                                  .arg(Workspace::kSchemaVersion));
        }
    }
    const QString connection =
        QStringLiteral("configdeck-copy-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Status status = ok();
    {
        QSqlDatabase target = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        target.setDatabaseName(targetPath);
        if (!target.open())
            status = sqlError(tr("Cannot open %1").arg(targetPath), target.lastError());
        else
            status = SqlDialect::sqlite().configure(target);
        if (status)
            status = copyRows(source, target, tablesInCreationOrder());
        if (target.isOpen()) {
            SqlDialect::sqlite().beforeClose(target);
            target.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (!status) {
        removeTarget();
        return storeError(
            tr("Cannot save a copy of the workspace to %1: %2").arg(targetPath, status.error().message()));
    }
    qCInfo(lcStore) << "saved a copy of the shared workspace to" << targetPath;
    return ok();
}

} // namespace ConfigDeck::Store
