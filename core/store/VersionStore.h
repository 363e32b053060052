#pragma once

#include "WorkspacePart.h"

#include <QMap>

namespace ConfigDeck::Store {

// Configuration versions, content-addressed (the same bytes twice are one version), and the version each
// product publishes.
class VersionStore final : public WorkspacePart
{
public:
    explicit VersionStore(QString connectionName);

    Alink::Expected<QString> add(const QByteArray& content, const QString& productKey, const QString& label,
                                 ConfigOrigin origin);
    // With its content; nullopt when the workspace has no such version.
    Alink::Expected<std::optional<ConfigVersion>> find(const QString& sha256) const;
    // A product's versions, oldest first.
    Alink::Expected<QList<ConfigVersion>> list(const QString& productKey, bool withContent = false) const;

    // The SHA-256 of the version a product publishes, empty when it publishes none.
    Alink::Expected<QString> published(const QString& productKey) const;
    // Every product's published version, by ProductKey.
    Alink::Expected<QMap<QString, QString>> allPublished() const;
    // The version must be in the workspace; an empty sha256 publishes nothing.
    Status setPublished(const QString& productKey, const QString& sha256);
};

} // namespace ConfigDeck::Store
