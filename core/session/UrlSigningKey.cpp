#include "UrlSigningKey.h"

#include "SessionLog.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"
#include "transfer/FileServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace ConfigDeck::Session {

using Alink::AlinkError;
using Alink::Expected;

namespace {

const QString kAccessKeyIdField = QStringLiteral("accessKeyId");
const QString kSealedSecretField = QStringLiteral("secretSealed");

// What the sealed secret belongs to: URL signing, in this workspace, under this AccessKey ID. Copied into
// another workspace or another setting, it does not open.
Store::AssociatedData secretAssociatedData(const QByteArray& workspaceId, const QByteArray& accessKeyId)
{
    return {QByteArrayView("fileServer/urlSigningSecret"), QByteArrayView(workspaceId),
            QByteArrayView(accessKeyId)};
}

AlinkError signingError(const QString& reason)
{
    return AlinkError{UrlSigningKey::kSettingKey, reason, -1};
}

// "LTAI" and 16 hex digits, shaped like an Alibaba Cloud AccessKey ID as the file server's own.
QString newAccessKeyId()
{
    QByteArray id(8, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(id.data()), id.size() / 4);
    return QStringLiteral("LTAI") + QString::fromLatin1(id.toHex().toUpper());
}

Expected<QString> sealedValue(const Store::Workspace& workspace, const Store::SecretSealer& sealer)
{
    const QString accessKeyId = newAccessKeyId();
    QByteArray secret = Store::SecretSealer::randomKey();
    const QByteArray sealed =
        sealer.seal(secret, secretAssociatedData(workspace.workspaceId().toUtf8(), accessKeyId.toLatin1()));
    secret.fill('\0');
    if (sealed.isEmpty())
        return signingError(UrlSigningKey::tr("Cannot seal the file server's URL-signing key."));
    const QJsonObject object{{kAccessKeyIdField, accessKeyId},
                             {kSealedSecretField, QString::fromLatin1(sealed.toBase64())}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Expected<UrlSigningKey> opened(const Store::Workspace& workspace, const Store::SecretSealer& sealer,
                               const QString& stored)
{
    const QJsonObject object = QJsonDocument::fromJson(stored.toUtf8()).object();
    UrlSigningKey key;
    key.accessKeyId = object.value(kAccessKeyIdField).toString();
    const QByteArray sealed = QByteArray::fromBase64(object.value(kSealedSecretField).toString().toLatin1());
    if (key.accessKeyId.isEmpty() || sealed.isEmpty())
        return signingError(UrlSigningKey::tr("The stored URL-signing key is damaged."));
    auto secret = sealer.open(
        sealed, secretAssociatedData(workspace.workspaceId().toUtf8(), key.accessKeyId.toLatin1()));
    if (!secret)
        return signingError(
            UrlSigningKey::tr("Cannot open the stored URL-signing key: %1").arg(secret.error().message()));
    if (secret->size() != Store::SecretSealer::kKeySize)
        return signingError(UrlSigningKey::tr("The stored URL-signing key has the wrong size."));
    key.secret = std::move(secret).value();
    return key;
}

} // namespace

Expected<UrlSigningKey> UrlSigningKey::loadOrCreate(Store::Workspace& workspace)
{
    const auto sealer = workspace.keys().sealer();
    if (!sealer)
        return Store::KeyStore::lockedError();
    auto stored = workspace.settings().value(kSettingKey);
    if (!stored)
        return stored.error();
    if (stored->isEmpty()) {
        const auto made = sealedValue(workspace, *sealer);
        if (!made)
            return made.error();
        stored = workspace.settings().valueOrInsert(kSettingKey, *made);
        if (!stored)
            return stored.error();
        if (*stored == *made)
            qCInfo(lcSession) << "made the workspace's URL-signing key";
    }
    return opened(workspace, *sealer, *stored);
}

std::optional<QString> UrlSigningKey::applyTo(Transfer::FileServer& server, Store::Workspace& workspace)
{
    const auto key = loadOrCreate(workspace);
    if (!key) {
        qCWarning(lcSession) << "the file server keeps a URL-signing key of its own:"
                             << key.error().message();
        return tr("The file server signs download URLs with a key of its own, so the other platforms of "
                  "this workspace refuse its URLs: %1")
            .arg(key.error().message());
    }
    server.setCredentials(key->accessKeyId, key->secret);
    return std::nullopt;
}

} // namespace ConfigDeck::Session
