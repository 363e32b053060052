#include "CsvExport.h"

#include "CsvFormulaGuard.h"
#include "CsvImport.h"
#include "StoreLog.h"
#include "Workspace.h"

#include <QIODevice>
#include <QSaveFile>

namespace ConfigDeck::Store {

using Alink::AlinkError;
using Alink::Expected;

namespace {
AlinkError exportError(const QString& reason)
{
    return AlinkError{QString(), reason, -1};
}
} // namespace

QByteArray CsvExport::quoted(QByteArrayView field)
{
    const bool needsQuotes = field.contains(',') || field.contains('"') || field.contains('\n') ||
                             field.contains('\r') ||
                             (!field.isEmpty() && (field.front() == ' ' || field.back() == ' '));
    if (!needsQuotes)
        return field.toByteArray();
    QByteArray result;
    result.reserve(field.size() + 2);
    result.append('"');
    for (const char c : field) {
        if (c == '"')
            result.append('"');
        result.append(c);
    }
    result.append('"');
    return result;
}

QByteArray CsvExport::cell(QByteArrayView value)
{
    return quoted(CsvFormulaGuard::guarded(value));
}

Expected<qint64> CsvExport::write(const Workspace& workspace, QIODevice& out, Secrets secrets,
                                  const QString& productKey)
{
    QByteArray buffer("ProductKey,DeviceName,DeviceSecret\r\n");
    qint64 count = 0;
    auto flush = [&]() {
        const bool written = out.write(buffer) == buffer.size();
        buffer.resize(0);
        return written;
    };
    const bool reveal = secrets == Secrets::Revealed;
    const Status streamed = workspace.identities().forEachDevice(
        productKey, reveal, [&](const QString& pk, const QString& dn, const QByteArray& secret) -> Status {
            buffer.append(cell(pk.toUtf8()))
                .append(',')
                .append(cell(dn.toUtf8()))
                .append(',')
                .append(reveal ? cell(secret) : QByteArray(CsvImport::kRedactedSecret))
                .append("\r\n");
            ++count;
            if (buffer.size() > (1 << 20) && !flush())
                return exportError(tr("Cannot write the export: %1").arg(out.errorString()));
            return ok();
        });
    if (!streamed)
        return streamed.error();
    if (!flush())
        return exportError(tr("Cannot write the export: %1").arg(out.errorString()));
    qCInfo(lcStore) << "exported" << count << "devices, secrets"
                    << (secrets == Secrets::Revealed ? "revealed" : "redacted");
    return count;
}

Expected<qint64> CsvExport::writeFile(const Workspace& workspace, const QString& path, Secrets secrets,
                                      const QString& productKey)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return exportError(tr("Cannot write %1: %2").arg(path, file.errorString()));
    auto written = write(workspace, file, secrets, productKey);
    if (!written) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit())
        return exportError(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return written;
}

} // namespace ConfigDeck::Store
