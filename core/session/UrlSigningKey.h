#pragma once

#include "alink/AlinkError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace ConfigDeck::Store {
class Workspace;
}
namespace ConfigDeck::Transfer {
class FileServer;
}

namespace ConfigDeck::Session {

// The credentials the file servers of one workspace sign download URLs with, so that a URL one platform
// (a `configdeck-cli platform` process, a console) gave a device downloads from any other platform of the
// same workspace, e.g. behind one host name. Made once per workspace (an AccessKey ID and 32 random bytes
// from the CSPRNG); the secret is stored sealed under the workspace's key, bound to its purpose, the
// workspace and the AccessKey ID, never in plain text.
struct UrlSigningKey
{
    Q_DECLARE_TR_FUNCTIONS(UrlSigningKey)

public:
    static inline const QString kSettingKey = QStringLiteral("fileServer.urlSigningKey");

    QString accessKeyId;
    QByteArray secret;

    // The workspace's credentials, made and stored the first time, in one transaction: of several
    // processes making them at once, each ends with the first one's. A locked workspace gives an error
    // and stores nothing (there is no fallback key).
    static Alink::Expected<UrlSigningKey> loadOrCreate(Store::Workspace& workspace);

    // Signs `server`'s URLs with the workspace's credentials. When they cannot be had (a locked workspace,
    // a damaged value), the server keeps the random credentials of its own and the returned text says so.
    static std::optional<QString> applyTo(Transfer::FileServer& server, Store::Workspace& workspace);
};

} // namespace ConfigDeck::Session
