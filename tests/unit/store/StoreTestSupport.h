#pragma once

#include "support/StoredValue.h"

#include <QSqlDatabase>
#include <QTest>
#include <QUuid>

// QVERIFY for Expected/Status results that prints the error's message when it fails.
#define STORE_VERIFY(expression)                                                                             \
    do {                                                                                                     \
        const auto storeResult_ = (expression);                                                              \
        QVERIFY2(bool(storeResult_), bool(storeResult_) ? "" : qPrintable(storeResult_.error().message()));  \
    } while (false)

// A connection of its own to a workspace's file, for tests that check (or tamper with) what is stored.
// Queries on it must end before it does.
class SqliteFile final
{
    Q_DISABLE_COPY_MOVE(SqliteFile)

public:
    explicit SqliteFile(const QString& path)
        : m_name(QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (!db.open())
            qWarning("cannot open %s", qPrintable(path));
    }
    ~SqliteFile()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};
