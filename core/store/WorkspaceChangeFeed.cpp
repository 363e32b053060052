#include "WorkspaceChangeFeed.h"

#include "SqlDialect.h"
#include "StoreLog.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>

namespace ConfigDeck::Store {

namespace {
constexpr int kMaxPayloadBytes = 8000;
constexpr int kConnectionCheckMs = 1000;
} // namespace

WorkspaceChangeFeed::WorkspaceChangeFeed(const QString& connectionName, QObject* parent)
    : QObject(parent)
    , m_connectionName(connectionName)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!SqlDialect::of(db).isShared())
        return;
    QSqlDriver* driver = db.driver();
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString& name, QSqlDriver::NotificationSource, const QVariant& payload) {
                onNotification(name, payload.toString());
            });
    if (!driver->subscribeToNotification(SqlDialect::kChangeChannel)) {
        qCWarning(lcStore) << "cannot follow the changes of other consoles:" << driver->lastError().text();
        return;
    }
    m_active = true;
    m_reconnections = SqlDialect::reconnections(m_connectionName);
    // A lost connection (a server restart) is noticed here, and made again, even while nothing is written.
    m_connectionCheck.setInterval(kConnectionCheckMs);
    connect(&m_connectionCheck, &QTimer::timeout, this, &WorkspaceChangeFeed::checkConnection);
    m_connectionCheck.start();
}

WorkspaceChangeFeed::~WorkspaceChangeFeed() = default;

void WorkspaceChangeFeed::checkConnection()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isValid())
        return;
    if (!db.isOpen()) {
        if (const Status reopened = SqlDialect::of(db).reopen(db); !reopened) {
            qCDebug(lcStore) << "workspace database still unreachable:" << reopened.error().message();
            return;
        }
    }
    const int reconnections = SqlDialect::reconnections(m_connectionName);
    if (reconnections != m_reconnections) {
        m_reconnections = reconnections;
        qCInfo(lcStore) << "connected to the workspace database again";
        emit reconnected();
    }
}

QString WorkspaceChangeFeed::payload(const QString& sender, const WorkspaceChange& change)
{
    const QString head = sender + u' ' + change.part + u':' + change.what + u':';
    const QString full = head + change.ids.join(u',');
    return full.toUtf8().size() <= kMaxPayloadBytes ? full : head;
}

bool WorkspaceChangeFeed::parse(const QString& payload, QString* sender, WorkspaceChange* change)
{
    const qsizetype space = payload.indexOf(u' ');
    if (space <= 0)
        return false;
    const QString body = payload.mid(space + 1);
    const qsizetype firstColon = body.indexOf(u':');
    const qsizetype secondColon = firstColon < 0 ? -1 : body.indexOf(u':', firstColon + 1);
    if (firstColon <= 0 || secondColon < 0)
        return false;
    *sender = payload.left(space);
    change->part = body.left(firstColon);
    change->what = body.mid(firstColon + 1, secondColon - firstColon - 1);
    const QString ids = body.mid(secondColon + 1);
    change->ids = ids.isEmpty() ? QStringList() : ids.split(u',');
    return true;
}

void WorkspaceChangeFeed::onNotification(const QString& name, const QString& payload)
{
    if (name != SqlDialect::kChangeChannel)
        return;
    QString sender;
    WorkspaceChange change;
    if (!parse(payload, &sender, &change)) {
        qCWarning(lcStore) << "ignored a change announcement that is not one:" << payload.left(200);
        return;
    }
    if (sender == m_connectionName)
        return;
    emit changed(change);
}

} // namespace ConfigDeck::Store
