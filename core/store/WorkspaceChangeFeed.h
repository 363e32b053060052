#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace ConfigDeck::Store {

// One committed write to a shared workspace, as another console announced it.
struct WorkspaceChange
{
    QString part;    // "devices", "deviceStates", "messages", "rollouts", "versions", "settings", "keys"
    QString what;    // "added", "removed", "changed", "restored", "imported", "appended", "outcomes", ...
    QStringList ids; // "ProductKey/DeviceName", rollout ids, ...; empty when too many to name (reload all)

    bool operator==(const WorkspaceChange&) const = default;
};

// The changes other consoles make to a workspace on PostgreSQL, as they commit them (LISTEN/NOTIFY on
// SqlDialect::kChangeChannel): each committed write announces "<sender> <part>:<what>:<ids>" inside its
// transaction, so it is delivered only on commit; the workspace's own announcements are not reported.
// A workspace file has no other writers: its feed never reports anything.
class WorkspaceChangeFeed final : public QObject
{
    Q_OBJECT

public:
    // Follows the connection's changes when its dialect is shared (PostgreSQL).
    explicit WorkspaceChangeFeed(const QString& connectionName, QObject* parent = nullptr);
    ~WorkspaceChangeFeed() override;

    bool isActive() const { return m_active; }

    // The announcement of a change by the connection named sender; at most 8000 bytes (PostgreSQL's limit):
    // a change naming more ids than fit names none.
    static QString payload(const QString& sender, const WorkspaceChange& change);
    // The sender and the change of an announcement; false when it is not one.
    static bool parse(const QString& payload, QString* sender, WorkspaceChange* change);

signals:
    void changed(const ConfigDeck::Store::WorkspaceChange& change);
    // The connection was lost and made again: announcements in between were missed, reload everything.
    void reconnected();

private:
    void onNotification(const QString& name, const QString& payload);
    void checkConnection();

    QString m_connectionName;
    QTimer m_connectionCheck;
    int m_reconnections = 0;
    bool m_active = false;
};

} // namespace ConfigDeck::Store

Q_DECLARE_METATYPE(ConfigDeck::Store::WorkspaceChange)
