#include "RecentWorkspaces.h"

#include "store/WorkspaceLocation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace ConfigDeck::Ui {

namespace {
const QString kRecentKey = QStringLiteral("Workspace/recent");
const QString kLastKey = QStringLiteral("Workspace/last");
const QString kIdleKey = QStringLiteral("Workspace/idleLockMinutes");

QString normalized(const QString& path)
{
    if (Store::WorkspaceLocation::isDatabaseUrl(path)) {
        const auto location = Store::WorkspaceLocation::parse(path);
        return location ? location->url() : path; // never with a password
    }
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}
} // namespace

QStringList RecentWorkspaces::list()
{
    return QSettings().value(kRecentKey).toStringList().mid(0, kMaximum);
}

void RecentWorkspaces::add(const QString& path)
{
    QStringList recent = list();
    const QString file = normalized(path);
    recent.removeAll(file);
    recent.prepend(file);
    QSettings().setValue(kRecentKey, recent.mid(0, kMaximum));
}

void RecentWorkspaces::remove(const QString& path)
{
    QStringList recent = list();
    recent.removeAll(path);
    recent.removeAll(normalized(path));
    QSettings().setValue(kRecentKey, recent);
}

QString RecentWorkspaces::displayName(const QString& location)
{
    if (!Store::WorkspaceLocation::isDatabaseUrl(location))
        return QFileInfo(location).fileName();
    const auto parsed = Store::WorkspaceLocation::parse(location);
    if (!parsed)
        return location;
    return QCoreApplication::translate("ConfigDeck::Ui::RecentWorkspaces", "%1 on %2")
        .arg(parsed->databaseName(), parsed->host());
}

bool RecentWorkspaces::isMissing(const QString& location)
{
    return !Store::WorkspaceLocation::isDatabaseUrl(location) && !QFileInfo::exists(location);
}

QString RecentWorkspaces::last()
{
    return QSettings().value(kLastKey).toString();
}

void RecentWorkspaces::setLast(const QString& pathOrDemo)
{
    QSettings().setValue(kLastKey,
                         pathOrDemo == kDemo || pathOrDemo.isEmpty() ? pathOrDemo : normalized(pathOrDemo));
}

int RecentWorkspaces::idleLockMinutes()
{
    return qBound(0, QSettings().value(kIdleKey, 15).toInt(), 24 * 60);
}

void RecentWorkspaces::setIdleLockMinutes(int minutes)
{
    QSettings().setValue(kIdleKey, qBound(0, minutes, 24 * 60));
}

} // namespace ConfigDeck::Ui
