#pragma once

// Checks every test that makes a workspace runs on it (header-only): no DeviceSecret in plain text in the
// file or its -wal, and a key record of a non-Demo workspace that is in the keychain or has >= 600,000
// PBKDF2 iterations.

#include "store/Workspace.h"
#include "store/secrets/KeyVault.h"
#include "store/secrets/SecretSealer.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <memory>

namespace ConfigDeck::TestSupport {

inline QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The secrets appear in neither the workspace file nor its write-ahead log.
inline void verifyNoPlainSecrets(const QString& workspacePath, const QList<QByteArray>& secrets)
{
    const QByteArray file = fileBytes(workspacePath);
    const QByteArray wal = fileBytes(workspacePath + QStringLiteral("-wal"));
    QVERIFY2(!file.isEmpty(), qPrintable(workspacePath));
    for (const QByteArray& secret : secrets) {
        QVERIFY2(!secret.isEmpty(), "an empty secret proves nothing");
        QVERIFY2(!file.contains(secret), qPrintable(QStringLiteral("%1 holds a secret").arg(workspacePath)));
        QVERIFY2(!wal.contains(secret),
                 qPrintable(QStringLiteral("%1-wal holds a secret").arg(workspacePath)));
    }
}

// No text or bytes column of any table of a workspace database (PostgreSQL: every column
// information_schema lists as text, character or bytea) holds one of the needles (secrets, a key). Returns
// how many columns were read.
inline int verifyNoPlainSecretsInDatabase(const QSqlDatabase& db, const QList<QByteArray>& needles)
{
    QSqlQuery catalog(db);
    if (!catalog.exec(QStringLiteral("SELECT table_name, column_name FROM information_schema.columns"
                                     " WHERE table_schema = current_schema() AND data_type IN"
                                     " ('text', 'bytea', 'character varying', 'character') ORDER BY 1, 2"))) {
        QTest::qFail("cannot list the columns of the workspace database", __FILE__, __LINE__);
        return 0;
    }
    QList<std::pair<QString, QString>> columns;
    while (catalog.next())
        columns.append({catalog.value(0).toString(), catalog.value(1).toString()});
    for (const auto& [table, column] : columns) {
        QSqlQuery values(db);
        if (!values.exec(QStringLiteral("SELECT \"%1\" FROM \"%2\"").arg(column, table))) {
            QTest::qFail(qPrintable(QStringLiteral("cannot read %1.%2").arg(table, column)), __FILE__,
                         __LINE__);
            return 0;
        }
        while (values.next()) {
            const QByteArray bytes = values.value(0).toByteArray();
            for (const QByteArray& needle : needles) {
                if (needle.isEmpty() || bytes.contains(needle)) {
                    QTest::qFail(
                        qPrintable(QStringLiteral("%1.%2 holds a secret in plain text").arg(table, column)),
                        __FILE__, __LINE__);
                    return 0;
                }
            }
        }
    }
    return int(columns.size());
}

// The key record of a workspace that can hold real identities: in the keychain, or >= 600,000 iterations.
inline void verifyStrongKeyRecord(const QByteArray& recordBytes)
{
    const auto record = Store::KeyRecord::fromBytes(recordBytes);
    QVERIFY2(record, record ? "" : qPrintable(record.error().message()));
    if (record->mode == Store::KeyRecord::Mode::Passphrase)
        QVERIFY2(record->iterations >= 600000, qPrintable(QString::number(record->iterations)));
}

// Gives `workspace` the key the previous release made for the Demo, and for a named workspace where no
// keychain answered: the passphrase that ships with ConfigDeck. The workspace can then take secrets.
// False (with the test failed) when it could not.
[[nodiscard]] inline bool keyAsPreviousReleaseDid(Store::Workspace& workspace)
{
    auto record =
        Store::KeyVault::create(Store::KeyRecord::Mode::Passphrase, workspace.workspaceId(),
                                Store::KeyRecord::kDemoPassphrase, Store::KeyRecord::kMinimumIterations);
    if (!record) {
        QTest::qFail(qPrintable(record.error().message()), __FILE__, __LINE__);
        return false;
    }
    if (!workspace.keys().setRecord(record->second.toBytes())) {
        QTest::qFail("the key record was not stored", __FILE__, __LINE__);
        return false;
    }
    workspace.keys().setSealer(std::make_shared<const Store::SecretSealer>(record->first));
    return true;
}

} // namespace ConfigDeck::TestSupport
