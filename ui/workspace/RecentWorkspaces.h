#pragma once

#include <QString>
#include <QStringList>

namespace ConfigDeck::Ui {

// The recently opened workspaces (files, and shared databases as postgresql:// URLs) and the one open when
// ConfigDeck last quit (QSettings "Workspace/"). Paths and URLs without password only: nothing secret.
class RecentWorkspaces final
{
public:
    static constexpr int kMaximum = 10;
    // What last() holds for the Demo (it has no file the user chose).
    static inline const QString kDemo = QStringLiteral(":demo");

    static QStringList list();            // newest first, at most kMaximum
    static void add(const QString& path); // to the front, once
    static void remove(const QString& path);

    // A file's name, or "database on host" for a shared workspace's URL.
    static QString displayName(const QString& location);
    // A file that is gone (a database is never said missing: it is only known once connected).
    static bool isMissing(const QString& location);

    // The workspace to reopen at start: a path, kDemo, or empty (show the start page).
    static QString last();
    static void setLast(const QString& pathOrDemo);

    // The idle time after which an open workspace locks itself; 0: never.
    static int idleLockMinutes();
    static void setIdleLockMinutes(int minutes);
};

} // namespace ConfigDeck::Ui
