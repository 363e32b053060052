#include "KeyStore.h"

#include "Workspace.h"
#include "secrets/SecretSealer.h"

#include <QSqlQuery>

namespace ConfigDeck::Store {

using Alink::AlinkError;
using Alink::Expected;
using Sql::sqlError;
using Sql::storeError;

KeyStore::KeyStore(QString connectionName)
    : WorkspacePart(std::move(connectionName))
{
}

AlinkError KeyStore::lockedError()
{
    return storeError(Workspace::tr("The workspace is locked: unlock it to read or write device secrets."));
}

Expected<QByteArray> KeyStore::record() const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'key_record'"));
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot read the workspace key record"), query.lastError());
    return query.next() ? query.value(0).toByteArray() : QByteArray();
}

Status KeyStore::setRecord(const QByteArray& record)
{
    Transaction transaction(database());
    if (const Status begun = transaction.begin(); !begun)
        return begun;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('key_record', ?)"
                                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(record);
    if (!query.exec())
        return sqlError(Workspace::tr("Cannot store the workspace key record"), query.lastError());
    transaction.announce(QStringLiteral("keys"), QStringLiteral("changed"));
    return transaction.commit();
}

void KeyStore::setSealer(std::shared_ptr<const SecretSealer> sealer)
{
    m_sealer = std::move(sealer);
}

Expected<QByteArray> KeyStore::seal(const QString& productKey, const QString& deviceName,
                                    const QByteArray& secret) const
{
    if (!m_sealer)
        return lockedError();
    QByteArray sealed = m_sealer->seal(secret, {productKey.toUtf8(), deviceName.toUtf8()});
    if (sealed.isEmpty())
        return storeError(Workspace::tr("Cannot seal the secret of %1/%2.").arg(productKey, deviceName));
    return sealed;
}

Expected<QByteArray> KeyStore::open(const QString& productKey, const QString& deviceName,
                                    const QByteArray& sealed) const
{
    if (!m_sealer)
        return lockedError();
    auto opened = m_sealer->open(sealed, {productKey.toUtf8(), deviceName.toUtf8()});
    if (!opened)
        return storeError(Workspace::tr("Cannot open the DeviceSecret of %1/%2: %3")
                              .arg(productKey, deviceName, opened.error().message()));
    return opened;
}

} // namespace ConfigDeck::Store
