#include "CsvImport.h"

#include "CsvFormulaGuard.h"
#include "CsvReader.h"
#include "CsvText.h"
#include "StoreLog.h"
#include "Workspace.h"
#include "secrets/SecretSealer.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QVariant>

#include <algorithm>
#include <cstring>
#include <utility>

namespace ConfigDeck::Store {

using Alink::AlinkError;
using Alink::Expected;

namespace {

AlinkError importError(const QString& reason)
{
    return AlinkError{QString(), reason, -1};
}

// Accepted header names per column, normalized (lower case, no spaces, '_' or '-'). The platform's export
// uses the English names; its Chinese console uses the Chinese ones. ProductSecret (产品密钥) is a different
// value and deliberately absent.
struct Alias
{
    CsvImport::Column column;
    const char16_t* name;
};
constexpr Alias kAliases[] = {
    {CsvImport::ProductKey, u"productkey"},     {CsvImport::ProductKey, u"产品key"},
    {CsvImport::ProductKey, u"产品标识"},       {CsvImport::DeviceName, u"devicename"},
    {CsvImport::DeviceName, u"设备名称"},       {CsvImport::DeviceName, u"设备名"},
    {CsvImport::DeviceSecret, u"devicesecret"}, {CsvImport::DeviceSecret, u"设备密钥"},
    {CsvImport::DeviceSecret, u"设备秘钥"},
};

QByteArrayView trimmed(QByteArrayView value)
{
    qsizetype begin = 0;
    qsizetype end = value.size();
    while (begin < end && (value[begin] == ' ' || value[begin] == '\t'))
        ++begin;
    while (end > begin && (value[end - 1] == ' ' || value[end - 1] == '\t'))
        --end;
    return value.sliced(begin, end - begin);
}

bool isDeviceNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '@' || c == '.' || c == ':';
}

enum class ErrorKind
{
    Malformed,
    UnterminatedQuote,
    MissingField,
    ProductKeyChar,
    NotUtf8,
    DeviceNameLength,
    DeviceNameChar,
    RedactedSecret,
    DuplicateInFile,
    AlreadyInWorkspace,
};

struct PendingError
{
    explicit PendingError(qsizetype line = 0, ErrorKind kind = ErrorKind::Malformed, int column = 0,
                          qsizetype otherLine = 0, QByteArray a = {}, QByteArray b = {})
        : line(line)
        , kind(kind)
        , column(column)
        , otherLine(otherLine)
        , a(std::move(a))
        , b(std::move(b))
    {
    }
    qsizetype line;
    ErrorKind kind;
    int column;
    qsizetype otherLine;
    QByteArray a; // offending value
    QByteArray b; // second value (DeviceName of a key, offending character)
};

struct Header
{
    int index[CsvImport::ColumnCount] = {-1, -1, -1};
    qsizetype minFields = 0;
};

struct Row
{
    QByteArrayView productKey;
    QByteArrayView deviceName;
    QByteArrayView secret;
};

// A ProductKey is a topic level: no MQTT wildcard, separator, space or control character.
bool checkProductKeyChars(QByteArrayView productKey, PendingError* error)
{
    for (const char c : productKey) {
        if (c == '/' || c == '+' || c == '#' || c == ' ' || c == '\t' || uchar(c) < 0x20 || c == 0x7f) {
            error->kind = ErrorKind::ProductKeyChar;
            error->a = productKey.toByteArray();
            error->b = QByteArray(1, c);
            return false;
        }
    }
    return true;
}

bool checkSecret(QByteArrayView secret, PendingError* error)
{
    if (!secret.isValidUtf8()) {
        error->kind = ErrorKind::NotUtf8;
        error->column = CsvImport::DeviceSecret;
        return false;
    }
    if (secret == QByteArrayView(CsvImport::kRedactedSecret)) {
        error->kind = ErrorKind::RedactedSecret;
        return false;
    }
    return true;
}

// Takes a record's three fields and checks them; false and an error when the row cannot be imported.
bool checkRow(const CsvReader& reader, const Header& header, bool secretRequired, Row* row,
              PendingError* error)
{
    error->line = reader.line();
    if (reader.problem() == CsvReader::Problem::UnterminatedQuote) {
        error->kind = ErrorKind::UnterminatedQuote;
        return false;
    }
    if (reader.problem() == CsvReader::Problem::TextAfterQuote) {
        error->kind = ErrorKind::Malformed;
        return false;
    }
    const auto& fields = reader.fields();
    QByteArrayView values[CsvImport::ColumnCount];
    for (int c = 0; c < CsvImport::ColumnCount; ++c) {
        const int index = header.index[c];
        values[c] = index < qsizetype(fields.size())
                        ? CsvFormulaGuard::unguarded(trimmed(fields[size_t(index)]))
                        : QByteArrayView();
        if (values[c].isEmpty() && (secretRequired || c != CsvImport::DeviceSecret)) {
            error->kind = ErrorKind::MissingField;
            error->column = c;
            return false;
        }
    }
    row->productKey = values[CsvImport::ProductKey];
    row->deviceName = values[CsvImport::DeviceName];
    row->secret = values[CsvImport::DeviceSecret];

    if (!checkProductKeyChars(row->productKey, error))
        return false;
    if (!row->productKey.isValidUtf8()) {
        error->kind = ErrorKind::NotUtf8;
        error->column = CsvImport::ProductKey;
        return false;
    }
    for (qsizetype at = 0; at < row->deviceName.size(); ++at) {
        if (!isDeviceNameChar(row->deviceName[at])) {
            error->kind = ErrorKind::DeviceNameChar;
            error->a = row->deviceName.toByteArray();
            // The whole UTF-8 sequence of the offending character, so that it prints as itself.
            qsizetype length = 1;
            while (at + length < row->deviceName.size() &&
                   (uchar(row->deviceName[at + length]) & 0xC0) == 0x80)
                ++length;
            error->b = row->deviceName.sliced(at, length).toByteArray();
            return false;
        }
    }
    if (row->deviceName.size() < 4 || row->deviceName.size() > 32) {
        error->kind = ErrorKind::DeviceNameLength;
        error->a = row->deviceName.toByteArray();
        return false;
    }
    return checkSecret(row->secret, error);
}

QByteArray deviceKey(QByteArrayView productKey, QByteArrayView deviceName)
{
    QByteArray key(productKey.size() + 1 + deviceName.size(), Qt::Uninitialized);
    std::memcpy(key.data(), productKey.data(), size_t(productKey.size()));
    key[productKey.size()] = '/';
    std::memcpy(key.data() + productKey.size() + 1, deviceName.data(), size_t(deviceName.size()));
    return key;
}

// A control character shows as U+XXXX rather than as itself.
QString printable(const QByteArray& character)
{
    if (character.size() == 1 && (uchar(character[0]) < 0x20 || character[0] == 0x7f))
        return QStringLiteral("U+%1").arg(uint(uchar(character[0])), 4, 16, QLatin1Char('0')).toUpper();
    return QString::fromUtf8(character);
}

QString describe(const PendingError& error)
{
    switch (error.kind) {
    case ErrorKind::Malformed:
        return CsvImport::tr("there is text after the closing quote of a field");
    case ErrorKind::UnterminatedQuote:
        return CsvImport::tr("a quoted field is never closed (a '\"' is missing), so the rest of the file is "
                             "part of it");
    case ErrorKind::MissingField:
        return CsvImport::tr("%1 is missing").arg(CsvImport::columnName(CsvImport::Column(error.column)));
    case ErrorKind::ProductKeyChar:
        return CsvImport::tr("ProductKey \"%1\" contains \"%2\"; a ProductKey cannot contain '/', '+', '#', "
                             "spaces or control characters")
            .arg(QString::fromUtf8(error.a).simplified(), printable(error.b));
    case ErrorKind::NotUtf8:
        return CsvImport::tr("%1 is not valid UTF-8 text")
            .arg(CsvImport::columnName(CsvImport::Column(error.column)));
    case ErrorKind::DeviceNameLength:
        return CsvImport::tr("DeviceName \"%1\" has %2 characters; it must have 4 to 32")
            .arg(QString::fromUtf8(error.a))
            .arg(error.a.size());
    case ErrorKind::DeviceNameChar:
        return CsvImport::tr(
                   "DeviceName \"%1\" contains \"%2\"; only letters, digits and - _ @ . : are allowed")
            .arg(QString::fromUtf8(error.a), QString::fromUtf8(error.b));
    case ErrorKind::RedactedSecret:
        return CsvImport::tr("DeviceSecret is \"%1\": this file was exported without secrets")
            .arg(QLatin1StringView(CsvImport::kRedactedSecret));
    case ErrorKind::DuplicateInFile:
        return CsvImport::tr("device %1/%2 is also on line %3 (duplicate in the file)")
            .arg(QString::fromUtf8(error.a), QString::fromUtf8(error.b))
            .arg(error.otherLine);
    case ErrorKind::AlreadyInWorkspace:
        return CsvImport::tr("device %1/%2 is already in the workspace")
            .arg(QString::fromUtf8(error.a), QString::fromUtf8(error.b));
    }
    return {};
}

Expected<Header> readHeader(CsvReader& reader, CsvImport::Preview* preview)
{
    if (!preview->hasHeader) {
        Header fixed;
        for (int c = 0; c < CsvImport::ColumnCount; ++c) {
            fixed.index[c] = c;
            preview->header.append(CsvImport::columnName(CsvImport::Column(c)));
        }
        fixed.minFields = CsvImport::ColumnCount;
        return fixed;
    }
    while (reader.next()) {
        if (reader.isBlank())
            continue;
        Header header;
        QStringList duplicates;
        const auto& fields = reader.fields();
        for (qsizetype i = 0; i < qsizetype(fields.size()); ++i) {
            const QString name = QString::fromUtf8(trimmed(fields[size_t(i)]));
            preview->header.append(name);
            const CsvImport::Column column = CsvImport::columnForHeader(name);
            if (column == CsvImport::ColumnCount) {
                preview->ignoredColumns.append(
                    name.isEmpty() ? CsvImport::tr("(column %1, no name)").arg(i + 1) : name);
            } else if (header.index[column] >= 0) {
                duplicates.append(name);
            } else {
                header.index[column] = int(i);
                header.minFields = std::max(header.minFields, i + 1);
            }
        }
        if (!duplicates.isEmpty())
            return importError(CsvImport::tr("Line %1: the header names a column twice (%2); keep one.")
                                   .arg(reader.line())
                                   .arg(duplicates.join(QStringLiteral(", "))));
        QStringList missing;
        for (int c = 0; c < CsvImport::ColumnCount; ++c) {
            if (header.index[c] < 0)
                missing.append(CsvImport::columnName(CsvImport::Column(c)));
        }
        if (!missing.isEmpty())
            return importError(
                CsvImport::tr("Line %1: the header has no %2 column (found: %3). The file needs "
                              "ProductKey, DeviceName and DeviceSecret columns.")
                    .arg(reader.line())
                    .arg(missing.join(QStringLiteral(", ")), preview->header.join(QStringLiteral(", "))));
        return header;
    }
    return importError(CsvImport::tr("The file is empty: it has no header line."));
}

// Maps a file (or takes the bytes) for the duration of one pass.
class Source final
{
public:
    Expected<QByteArrayView> open(const QString& path)
    {
        m_file.setFileName(path);
        if (!m_file.open(QIODevice::ReadOnly))
            return importError(CsvImport::tr("Cannot read %1: %2").arg(path, m_file.errorString()));
        if (m_file.size() == 0)
            return QByteArrayView("", 0);
        if (uchar* mapped = m_file.map(0, m_file.size()))
            return QByteArrayView(reinterpret_cast<const char*>(mapped), m_file.size());
        m_copy = m_file.readAll(); // not mappable (a pipe, a special file system)
        if (m_file.error() != QFileDevice::NoError)
            return importError(CsvImport::tr("Cannot read %1: %2").arg(path, m_file.errorString()));
        return QByteArrayView(m_copy);
    }

private:
    QFile m_file;
    QByteArray m_copy;
};

} // namespace

QString CsvImport::Preview::summary() const
{
    if (canCommit() && existingRowCount > 0)
        return tr("%n new device(s) to add", nullptr, int(rowCount - existingRowCount)) + u';' + u' ' +
               tr("%n device(s) already in the workspace will be refreshed (their state is kept)", nullptr,
                  int(existingRowCount)) +
               (newProducts.isEmpty()
                    ? QString()
                    : tr("; %n new product(s) will be added", nullptr, int(newProducts.size()))) +
               u'.';
    if (canCommit())
        return tr("%n device(s) ready to import", nullptr, int(rowCount)) +
               (newProducts.isEmpty()
                    ? QString()
                    : tr("; %n new product(s) will be added", nullptr, int(newProducts.size()))) +
               u'.';
    if (rowCount == 0)
        return tr("The file has no devices to import.");
    return tr("%n row(s) cannot be imported; fix them and preview again. Nothing has been imported.", nullptr,
              int(errorRowCount));
}

CsvImport::CsvImport(Workspace& workspace)
    : m_workspace(workspace)
{
}

CsvImport::Column CsvImport::columnForHeader(const QString& name)
{
    QString normalized;
    normalized.reserve(name.size());
    for (const QChar c : name) {
        if (c.isSpace() || c == u'_' || c == u'-')
            continue;
        normalized.append(c.toLower());
    }
    for (const Alias& alias : kAliases) {
        if (normalized == QStringView(alias.name))
            return alias.column;
    }
    return ColumnCount;
}

QString CsvImport::columnName(Column column)
{
    switch (column) {
    case ProductKey:
        return QStringLiteral("ProductKey");
    case DeviceName:
        return QStringLiteral("DeviceName");
    case DeviceSecret:
        return QStringLiteral("DeviceSecret");
    case ColumnCount:
        break;
    }
    return {};
}

Expected<CsvImport::Preview> CsvImport::previewFile(const QString& path, int previewRows) const
{
    Source source;
    const auto data = source.open(path);
    if (!data)
        return data.error();
    Preview result;
    result.sourcePath = path;
    return preview(*data, std::move(result), previewRows);
}

Expected<CsvImport::Preview> CsvImport::previewData(const QByteArray& data, int previewRows) const
{
    Preview result;
    result.sourceData = data;
    return preview(data, std::move(result), previewRows);
}

Expected<CsvImport::Preview> CsvImport::previewRecords(const QByteArray& data, int previewRows) const
{
    return previewRecords(data, previewRows, Options());
}

Expected<CsvImport::Preview> CsvImport::previewRecords(const QByteArray& data, int previewRows,
                                                       const Options& options) const
{
    Preview result;
    result.sourceData = data;
    result.options = options;
    // Pasted from a file with its header line: the header names the columns, as in a file.
    CsvReader reader(data);
    while (reader.next() && reader.isBlank()) {
    }
    const auto& fields = reader.fields();
    result.hasHeader = !fields.empty() && std::all_of(fields.cbegin(), fields.cend(), [](const auto& field) {
        return columnForHeader(QString::fromUtf8(trimmed(field))) != ColumnCount;
    });
    return preview(data, std::move(result), previewRows);
}

QString CsvImport::fieldProblem(Column column, const QByteArray& value)
{
    const QByteArrayView field = trimmed(value);
    PendingError error;
    if (field.isEmpty()) {
        error.kind = ErrorKind::MissingField;
        error.column = column;
        return describe(error);
    }
    bool valid = true;
    if (column == ProductKey)
        valid = checkProductKeyChars(field, &error);
    else if (column == DeviceSecret)
        valid = checkSecret(field, &error);
    return valid ? QString() : describe(error);
}

QByteArray CsvImport::record(const QString& productKey, const QString& deviceName, const QString& secret)
{
    QByteArray line;
    bool first = true;
    for (const QString& field : {productKey, deviceName, secret}) {
        if (!std::exchange(first, false))
            line.append(',');
        QByteArray value = field.toUtf8();
        if (value.contains(',') || value.contains('"') || value.contains('\n') || value.contains('\r'))
            value = '"' + value.replace('"', "\"\"") + '"';
        line.append(value);
    }
    return line;
}

Expected<CsvImport::Preview> CsvImport::preview(QByteArrayView data, Preview result, int previewRows) const
{
    QElapsedTimer timer;
    timer.start();
    result.sourceSha256 = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
    const auto text = CsvText::decode(data);
    if (!text)
        return text.error();
    result.encoding = text->encoding();

    CsvReader reader(text->utf8());
    const auto header = readHeader(reader, &result);
    if (!header)
        return header.error();

    std::vector<PendingError> errors;
    QHash<QByteArray, qsizetype> seen; // "ProductKey/DeviceName" -> line
    seen.reserve(data.size() / 48);
    QHash<QByteArray, qsizetype> products; // ProductKey -> index in result.productKeys
    Row row;
    PendingError error;
    while (reader.next()) {
        if (reader.isBlank())
            continue;
        ++result.rowCount;
        if (!checkRow(reader, *header, result.options.secretRequired, &row, &error)) {
            errors.push_back(std::move(error));
            error = PendingError();
        } else {
            QByteArray key = deviceKey(row.productKey, row.deviceName);
            const auto it = seen.constFind(key);
            if (it != seen.cend()) {
                errors.push_back(PendingError(reader.line(), ErrorKind::DuplicateInFile, 0, it.value(),
                                              row.productKey.toByteArray(), row.deviceName.toByteArray()));
            } else {
                seen.insert(std::move(key), reader.line());
                if (!products.contains(row.productKey.toByteArray())) {
                    products.insert(row.productKey.toByteArray(), result.productKeys.size());
                    result.productKeys.append(QString::fromUtf8(row.productKey));
                }
            }
        }
        if (result.firstRows.size() < previewRows) {
            const auto& fields = reader.fields();
            auto field = [&](Column c) {
                const int index = header->index[c];
                return index < qsizetype(fields.size())
                           ? QString::fromUtf8(CsvFormulaGuard::unguarded(trimmed(fields[size_t(index)])))
                           : QString();
            };
            result.firstRows.append(PreviewRow{reader.line(), field(ProductKey), field(DeviceName), false});
        }
    }

    // Devices the workspace already has: look up each referenced product's devices in the file's keys.
    for (const QString& productKey : std::as_const(result.productKeys)) {
        const auto product = m_workspace.identities().product(productKey);
        if (!product)
            return product.error();
        if (!product->has_value()) {
            result.newProducts.append(productKey);
            continue;
        }
        const auto existing = m_workspace.identities().deviceNames(productKey);
        if (!existing)
            return existing.error();
        const QByteArray pk = productKey.toUtf8();
        for (const QString& name : *existing) {
            const QByteArray dn = name.toUtf8();
            const auto it = seen.constFind(deviceKey(pk, dn));
            if (it == seen.cend())
                continue;
            if (result.options.mode == Mode::AddOnly) {
                errors.push_back(PendingError(it.value(), ErrorKind::AlreadyInWorkspace, 0, 0, pk, dn));
                continue;
            }
            ++result.existingRowCount;
            for (PreviewRow& shown : result.firstRows) {
                if (shown.line == it.value())
                    shown.existing = true;
            }
        }
    }

    std::stable_sort(errors.begin(), errors.end(),
                     [](const PendingError& a, const PendingError& b) { return a.line < b.line; });
    result.errorRowCount = qsizetype(errors.size()); // one error per row
    for (const PendingError& pending : errors) {
        if (result.errors.size() >= kMaxReportedErrors)
            break;
        result.errors.append(RowError{pending.line, describe(pending)});
    }
    qCInfo(lcStore) << "CSV preview:" << CsvText::encodingName(result.encoding) << result.rowCount << "rows,"
                    << result.errorRowCount << "with errors, in" << timer.elapsed() << "ms";
    return result;
}

Expected<qsizetype> CsvImport::commit(const Preview& preview, const Progress& progress) const
{
    if (m_workspace.keys().isLocked())
        return KeyStore::lockedError();
    if (preview.rowCount == 0)
        return importError(tr("There is nothing to import."));
    if (!preview.canCommit())
        return importError(tr("%n row(s) of the file cannot be imported; nothing was imported.", nullptr,
                              int(preview.errorRowCount)));

    Source source;
    QByteArrayView data = preview.sourceData;
    if (!preview.sourcePath.isEmpty()) {
        const auto mapped = source.open(preview.sourcePath);
        if (!mapped)
            return mapped.error();
        data = *mapped;
    }
    if (QCryptographicHash::hash(data, QCryptographicHash::Sha256) != preview.sourceSha256)
        return importError(tr("The file changed after the preview; preview it again. Nothing was imported."));

    if (progress && !progress(0, preview.rowCount))
        return importError(tr("The import was cancelled; nothing was imported."));

    const auto text = CsvText::decode(data);
    if (!text)
        return text.error();
    CsvReader reader(text->utf8());
    Header header;
    {
        Preview scratch;
        scratch.hasHeader = preview.hasHeader;
        const auto parsed = readHeader(reader, &scratch);
        if (!parsed)
            return parsed.error();
        header = *parsed;
    }
    Row row;
    PendingError error;
    qsizetype delivered = 0;
    const auto imported = m_workspace.identities().importDevices(
        preview.productKeys,
        [&](IdentityStore::ImportedDevice& device) -> Expected<bool> {
            while (reader.next()) {
                if (reader.isBlank())
                    continue;
                // Cannot fail for an unchanged, checked file.
                if (!checkRow(reader, header, preview.options.secretRequired, &row, &error))
                    return importError(
                        tr("Line %1: %2; nothing was imported.").arg(reader.line()).arg(describe(error)));
                if (progress && delivered > 0 && delivered % 4096 == 0 &&
                    !progress(delivered, preview.rowCount))
                    return importError(tr("The import was cancelled; nothing was imported."));
                ++delivered;
                device.productKey = row.productKey;
                device.deviceName = row.deviceName;
                device.secret = row.secret;
                device.line = reader.line();
                return true;
            }
            if (delivered != preview.rowCount)
                return importError(tr("The file has %1 rows, the preview had %2; nothing was imported.")
                                       .arg(delivered)
                                       .arg(preview.rowCount));
            return false;
        },
        IdentityStore::ImportOptions{preview.options.mode == Mode::Refresh, preview.extras.productNames,
                                     preview.extras.online});
    if (!imported)
        return imported.error();
    if (progress)
        progress(*imported, preview.rowCount);
    return imported;
}

} // namespace ConfigDeck::Store
