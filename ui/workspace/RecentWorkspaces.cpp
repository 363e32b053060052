#include "RecentWorkspaces.h"

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
