#pragma once

// Checks every test that makes a workspace runs on it (header-only): no DeviceSecret in plain text in the
// file or its -wal, and a key record of a non-Demo workspace that is in the keychain or has >= 600,000
// PBKDF2 iterations.

#include "store/Workspace.h"
#include "store/secrets/KeyVault.h"
#include "store/secrets/SecretSealer.h"

#include <QFile>
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
