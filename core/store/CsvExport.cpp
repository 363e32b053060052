#include "CsvExport.h"

#include "CsvImport.h"
#include "StoreLog.h"
#include "Workspace.h"
#include "secrets/SecretSealer.h"

#include <QIODevice>
#include <QSaveFile>
#include <QSqlQuery>
#include <QVariant>

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

Expected<qint64> CsvExport::write(const Workspace& workspace, QIODevice& out, Secrets secrets,
                                  const QString& productKey)
{
    const auto sealer = workspace.sealer();
    if (secrets == Secrets::Revealed && !sealer)
        return Workspace::lockedError();

    QSqlQuery query(workspace.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT p.product_key, d.device_name, d.secret FROM devices d"
                                 " JOIN products p ON p.id = d.product_id") +
                  (productKey.isEmpty() ? QString() : QStringLiteral(" WHERE p.product_key = ?")) +
                  QStringLiteral(" ORDER BY d.id"));
    if (!productKey.isEmpty())
        query.addBindValue(productKey);
    if (!query.exec())
        return Workspace::sqlError(tr("Cannot read the devices"), query.lastError());

    QByteArray buffer("ProductKey,DeviceName,DeviceSecret\r\n");
    qint64 count = 0;
    QByteArray associatedData;
    auto flush = [&]() {
        const bool written = out.write(buffer) == buffer.size();
        buffer.resize(0);
        return written;
    };
    while (query.next()) {
        const QByteArray pk = query.value(0).toString().toUtf8();
        const QByteArray dn = query.value(1).toString().toUtf8();
        QByteArray secret = QByteArray(CsvImport::kRedactedSecret);
        if (secrets == Secrets::Revealed) {
            associatedData = pk + '/' + dn;
            auto opened = sealer->open(query.value(2).toByteArray(), associatedData);
            if (!opened)
                return exportError(
                    tr("Cannot open the DeviceSecret of %1/%2: %3")
                        .arg(QString::fromUtf8(pk), QString::fromUtf8(dn), opened.error().message()));
            secret = std::move(opened).value();
        }
        buffer.append(quoted(pk))
            .append(',')
            .append(quoted(dn))
            .append(',')
            .append(quoted(secret))
            .append("\r\n");
        ++count;
        if (buffer.size() > (1 << 20) && !flush())
            return exportError(tr("Cannot write the export: %1").arg(out.errorString()));
    }
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
