#pragma once

#include "alink/AlinkError.h"
#include "session/ConsoleSession.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ConfigDeck::Store {
class Workspace;
}

namespace ConfigDeck::Support {

// One .zip file about some devices, for sending to a colleague:
//   README.txt                      what this is, when and by which ConfigDeck, which devices, redaction
//   devices.json                    identity without the secret, product, state, configuration held,
//                                   last reply code with its meaning, times
//   messages.jsonl                  the devices' recent Alink messages, one JSON object a line, oldest
//                                   first, grouped by device
//   versions/<pk>/index.json        which versions are included, who holds them, which one is published
//   versions/<pk>/<sha256>.json     the versions the devices hold, the product's published one and every
//                                   version that went over the wire (pushed or downloaded); .txt/.bin when
//                                   the content is not JSON
//   diffs/<pk>/<from12>..<to12>.diff  unified diff between consecutive included versions
//   settings.json                   the workspace's session settings without passwords
//   environment.txt                 ConfigDeck, Qt, OS, locale, libraries (LibraryInfo)
// Secrets are redacted everywhere (Redactor): DeviceSecrets and the broker password wherever they
// occur, secret-looking keys, and the credentials of pre-signed URLs. A redacted version's file no longer
// hashes to its SHA-256; index.json says which ones were changed.
//
// The file appears complete or not at all: it is written to a temporary file next to it and renamed.
class SupportBundle final
{
    Q_DECLARE_TR_FUNCTIONS(SupportBundle)

public:
    struct Options
    {
        int messagesPerDevice = 500;
        // The newest included versions per product; the ones a chosen device holds and the published one
        // are always included.
        int versionsPerProduct = 100;
        QDateTime generatedAt; // invalid: now
    };

    struct Summary
    {
        QString path;
        QStringList entries; // the archive's entry names, in order
        int deviceCount = 0;
        int messageCount = 0;
        int versionCount = 0;
        int diffCount = 0;
        int redactionCount = 0; // values replaced by "<redacted>"
        qint64 bytes = 0;       // size of the written file
        QStringList warnings;   // translated; also in README.txt
    };

    // Errors (nothing written): no device given, a device not in the workspace, no path, the file cannot
    // be written.
    static Alink::Expected<Summary> write(const Store::Workspace& workspace,
                                          const QList<Alink::DeviceKey>& devices, const QString& path,
                                          const Options& options);
    static Alink::Expected<Summary> write(const Store::Workspace& workspace,
                                          const QList<Alink::DeviceKey>& devices, const QString& path)
    {
        return write(workspace, devices, path, Options());
    }

    // "configdeck-support-20250314-093000.zip"
    static QString suggestedFileName(const QDateTime& time = QDateTime::currentDateTime());
};

} // namespace ConfigDeck::Support
