#include "SettingsStore.h"

#include "Workspace.h"

#include <QSqlQuery>

namespace ConfigDeck::Store {

using Sql::sqlError;

namespace {
QString metaKey(const QString& key)
{
    return QStringLiteral("setting.") + key;
}
} // namespace

SettingsStore::SettingsStore(QString connectionName)
    : WorkspacePart(std::move(connectionName))
{
}

Alink::Expected<QString> SettingsStore::value(const QString& key, const QString& defaultValue) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(metaKey(key));
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read setting %1").arg(key), query.lastError());
    return query.next() ? QString::fromUtf8(query.value(0).toByteArray()) : defaultValue;
}

Status SettingsStore::setValue(const QString& key, const QString& value)
{
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"
                                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(metaKey(key));
    // As bytes: meta values are bytes (PostgreSQL's BYTEA would read backslashes in text as escapes).
    query.addBindValue(value.toUtf8());
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot store setting %1").arg(key), query.lastError());
    transaction.announce(QStringLiteral("settings"), QStringLiteral("changed"), {key});
    return transaction.commit();
}

Alink::Expected<QString> SettingsStore::valueOrInsert(const QString& key, const QString& newValue)
{
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun.error();
    // On PostgreSQL the INSERT waits for another transaction inserting the same key and then does
    // nothing; the read (a statement of its own, READ COMMITTED) sees the row that one committed.
    QSqlQuery insert(database());
    insert.prepare(
        QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING"));
    insert.addBindValue(metaKey(key));
    insert.addBindValue(newValue.toUtf8());
    if (!insert.exec())
        return sqlError(Workspace::tr("Cannot store setting %1").arg(key), insert.lastError());
    const bool inserted = insert.numRowsAffected() > 0;
    const auto stored = value(key); // in this transaction: ours, or the one that was there
    if (!stored)
        return stored.error();
    if (inserted)
        transaction.announce(QStringLiteral("settings"), QStringLiteral("changed"), {key});
    if (const Status committed = transaction.commit(); !committed)
        return committed.error();
    return *stored;
}

} // namespace ConfigDeck::Store
