#pragma once

#include "StoreTypes.h"

#include <QCoreApplication>
#include <QString>

class QIODevice;

namespace ConfigDeck::Store {

class Workspace;

// Writes devices as the platform's batch-registration CSV (ProductKey,DeviceName,DeviceSecret).
// A value a spreadsheet would run as a formula gets a leading single quote (CsvImport takes it off). Secrets
// are written as "<redacted>" unless Secrets::Revealed is asked for; revealing needs an unlocked workspace.
class CsvExport final
{
    Q_DECLARE_TR_FUNCTIONS(CsvExport)

public:
    enum class Secrets
    {
        Redacted,
        Revealed
    };

    // Returns the number of devices written. productKey empty: every product.
    static Alink::Expected<qint64> write(const Workspace& workspace, QIODevice& out, Secrets secrets,
                                         const QString& productKey = {});
    // Writes the whole file or nothing (QSaveFile).
    static Alink::Expected<qint64> writeFile(const Workspace& workspace, const QString& path, Secrets secrets,
                                             const QString& productKey = {});

    // One CSV field, quoted when it holds a comma, quote, line break or surrounding space.
    static QByteArray quoted(QByteArrayView field);
    // A value as the export writes it: formula-guarded (CsvFormulaGuard), then quoted.
    static QByteArray cell(QByteArrayView value);
};

} // namespace ConfigDeck::Store
