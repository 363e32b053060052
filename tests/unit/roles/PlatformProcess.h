#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QUrl>

#include <memory>

// A `configdeck-cli platform --json` process of a test and the events it printed.
struct PlatformProcess
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QList<QJsonObject> events;

    void read()
    {
        while (process->canReadLine()) {
            const QJsonObject event = QJsonDocument::fromJson(process->readLine()).object();
            if (!event.isEmpty())
                events << event;
        }
    }
    int count(const QString& name) const
    {
        int n = 0;
        for (const QJsonObject& event : events)
            n += event.value(QStringLiteral("event")).toString() == name ? 1 : 0;
        return n;
    }
    QJsonObject last(const QString& name) const
    {
        for (auto it = events.crbegin(); it != events.crend(); ++it) {
            if (it->value(QStringLiteral("event")).toString() == name)
                return *it;
        }
        return {};
    }
    int fileServerPort() const
    {
        return QUrl(last(QStringLiteral("file-server")).value(QStringLiteral("url")).toString()).port();
    }
};
