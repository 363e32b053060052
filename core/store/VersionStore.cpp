#include "VersionStore.h"

#include "Workspace.h"

#include <QCryptographicHash>
#include <QSqlQuery>

namespace ConfigDeck::Store {

using Alink::Expected;
using Sql::sqlError;
using Sql::storeError;

VersionStore::VersionStore(QString connectionName)
    : WorkspacePart(std::move(connectionName))
{
}

Expected<QString> VersionStore::add(const QByteArray& content, const QString& productKey,
                                    const QString& label, ConfigOrigin origin)
{
    if (productKey.isEmpty())
        return storeError(Workspace::tr("A configuration version needs a ProductKey."),
                          QStringLiteral("productKey"));
    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery query(database());
    // The same bytes are the same version: a second add keeps the first one's metadata.
    query.prepare(QStringLiteral(
        "INSERT INTO config_versions (sha256, content, size, product_key, created, label, origin)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING"));
    query.addBindValue(sha256);
    query.addBindValue(content.isNull() ? QByteArray("") : content);
    query.addBindValue(qint64(content.size()));
    query.addBindValue(productKey);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(Sql::text(label));
    query.addBindValue(int(origin));
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot store configuration version"), query.lastError());
    transaction.announce(QStringLiteral("versions"), QStringLiteral("added"), {sha256});
    if (const Status committed = transaction.commit(); !committed)
        return committed.error();
    return sha256;
}

namespace {
ConfigVersion versionFrom(const QSqlQuery& query, bool withContent)
{
    ConfigVersion version;
    version.sha256 = query.value(0).toString();
    version.size = query.value(1).toLongLong();
    version.productKey = query.value(2).toString();
    version.created = Sql::fromMs(query.value(3));
    version.label = query.value(4).toString();
    version.origin = ConfigOrigin(query.value(5).toInt());
    if (withContent)
        version.content = query.value(6).toByteArray();
    return version;
}
} // namespace

Expected<std::optional<ConfigVersion>> VersionStore::find(const QString& sha256) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT sha256, size, product_key, created, label, origin, content"
                                 " FROM config_versions WHERE sha256 = ?"));
    query.addBindValue(sha256.toLower());
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read configuration version %1").arg(sha256), query.lastError());
    if (!query.next())
        return std::optional<ConfigVersion>();
    return std::optional<ConfigVersion>(versionFrom(query, true));
}

Expected<QList<ConfigVersion>> VersionStore::list(const QString& productKey, bool withContent) const
{
    QList<ConfigVersion> result;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(withContent
                      ? QStringLiteral("SELECT sha256, size, product_key, created, label, origin, content"
                                       " FROM config_versions WHERE product_key = ? ORDER BY created, id")
                      : QStringLiteral("SELECT sha256, size, product_key, created, label, origin"
                                       " FROM config_versions WHERE product_key = ? ORDER BY created, id"));
    query.addBindValue(productKey);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read the configuration versions of %1").arg(productKey),
                        query.lastError());
    while (query.next())
        result.append(versionFrom(query, withContent));
    return result;
}

Expected<QString> VersionStore::published(const QString& productKey) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT sha256 FROM published_versions WHERE product_key = ?"));
    query.addBindValue(productKey);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read the published version of %1").arg(productKey),
                        query.lastError());
    return query.next() ? query.value(0).toString() : QString();
}

Expected<QMap<QString, QString>> VersionStore::allPublished() const
{
    QMap<QString, QString> result;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT product_key, sha256 FROM published_versions")))
        return sqlError(Workspace::tr("Cannot read the published versions"), query.lastError());
    while (query.next())
        result.insert(query.value(0).toString(), query.value(1).toString());
    return result;
}

Status VersionStore::setPublished(const QString& productKey, const QString& sha256)
{
    if (productKey.isEmpty())
        return storeError(Workspace::tr("The ProductKey is empty."), QStringLiteral("productKey"));
    // Publishing a version the workspace does not have is refused (asked first: after a failed statement a
    // PostgreSQL transaction takes no other).
    if (!sha256.isEmpty()) {
        const auto known = find(sha256.toLower());
        if (!known)
            return known.error();
        if (!known->has_value())
            return storeError(
                Workspace::tr("There is no configuration version %1 in the workspace.").arg(sha256),
                QStringLiteral("sha256"));
    }
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(database());
    if (sha256.isEmpty()) {
        query.prepare(QStringLiteral("DELETE FROM published_versions WHERE product_key = ?"));
        query.addBindValue(productKey);
    } else {
        query.prepare(QStringLiteral("INSERT INTO published_versions (product_key, sha256) VALUES (?, ?)"
                                     " ON CONFLICT (product_key) DO UPDATE SET sha256 = excluded.sha256"));
        query.addBindValue(productKey);
        query.addBindValue(sha256.toLower());
    }
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot publish %1 for %2").arg(sha256, productKey), query.lastError());
    transaction.announce(QStringLiteral("versions"), QStringLiteral("published"), {productKey});
    return transaction.commit();
}

} // namespace ConfigDeck::Store
