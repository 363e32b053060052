#pragma once

#include "CsvText.h"
#include "StoreTypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace ConfigDeck::Store {

class Workspace;

// Imports the platform's batch-registration CSV (ProductKey, DeviceName, DeviceSecret; English or Chinese
// headers in any case and order), saved as UTF-8, UTF-16 or GB18030 (CsvText); a formula-guarded cell
// (CsvFormulaGuard) is read as the value it stands for. preview() reads and checks everything and writes
// nothing; commit() then imports all rows in one transaction, or none.
class CsvImport final
{
    Q_DECLARE_TR_FUNCTIONS(CsvImport)

public:
    static constexpr int kMaxReportedErrors = 1000;
    static constexpr int kDefaultPreviewRows = 50;
    // What CsvExport writes instead of a secret; importing it back is refused.
    static constexpr auto kRedactedSecret = "<redacted>";

    enum Column
    {
        ProductKey,
        DeviceName,
        DeviceSecret,
        ColumnCount
    };

    struct RowError
    {
        qsizetype line = 0; // 1-based line of the file where the record starts
        QString message;    // translated: what is wrong with the row
    };

    struct PreviewRow
    {
        qsizetype line = 0;
        QString productKey;
        QString deviceName;    // the secret is never shown
        bool existing = false; // Refresh: the workspace has the device, the row updates it
    };

    // AddOnly: a device the workspace already has is an error (the CSV import). Refresh: it is updated
    // (its DeviceSecret when the row has one) and keeps its state, held versions, labels and rollout
    // outcomes.
    enum class Mode
    {
        AddOnly,
        Refresh
    };

    struct Options
    {
        Mode mode = Mode::AddOnly;
        bool secretRequired = true; // false: a row without DeviceSecret adds the device without one
    };

    // What a source knows beyond the three columns (Import from Alibaba Cloud), written in the same
    // transaction as the devices.
    struct Extras
    {
        QHash<QString, QString> productNames; // ProductKey -> name; empty names are not written
        QHash<QString, bool> online;          // "ProductKey/DeviceName" -> online
    };

    struct Preview
    {
        QString sourcePath;                                   // empty when previewing data in memory
        CsvText::Encoding encoding = CsvText::Encoding::Utf8; // as the file was saved (CsvText)
        QByteArray sourceData;                                // the data previewed from memory
        QByteArray sourceSha256;
        QStringList header;         // the header's column names as written
        QStringList ignoredColumns; // header columns that are not imported
        qsizetype rowCount = 0;     // records after the header, blank lines not counted
        qsizetype errorRowCount = 0;
        QList<RowError> errors; // sorted by line; at most kMaxReportedErrors
        QList<PreviewRow> firstRows;
        QStringList productKeys; // every product referenced, in order of appearance
        QStringList newProducts; // the ones the workspace does not have yet
        bool hasHeader = true;   // false: every record is ProductKey,DeviceName,DeviceSecret (pasted lines)
        Options options;
        qsizetype existingRowCount = 0; // Refresh: rows that update a device the workspace has
        Extras extras;

        qsizetype validRowCount() const { return rowCount - errorRowCount; }
        bool canCommit() const { return rowCount > 0 && errorRowCount == 0; }
        QString summary() const;
    };

    // Called every few thousand rows during commit(); return false to cancel (nothing is imported).
    using Progress = std::function<bool(qsizetype done, qsizetype total)>;

    explicit CsvImport(Workspace& workspace);

    // Errors here are about the whole file: unreadable, no header, a required column missing.
    Alink::Expected<Preview> previewFile(const QString& path, int previewRows = kDefaultPreviewRows) const;
    Alink::Expected<Preview> previewData(const QByteArray& data, int previewRows = kDefaultPreviewRows) const;
    // Records without a header, each ProductKey,DeviceName,DeviceSecret in that order (lines pasted into the
    // Add device dialog), checked exactly as a file's rows are. When the first line names only columns, it
    // is taken as a header line, as in a file.
    Alink::Expected<Preview> previewRecords(const QByteArray& data,
                                            int previewRows = kDefaultPreviewRows) const;
    Alink::Expected<Preview> previewRecords(const QByteArray& data, int previewRows,
                                            const Options& options) const;
    // What is wrong with a ProductKey or a DeviceSecret on its own, as an import row would say it, or an
    // empty string.
    static QString fieldProblem(Column column, const QByteArray& value);
    // One CSV record of the three fields (quoted where needed), for previewRecords().
    static QByteArray record(const QString& productKey, const QString& deviceName, const QString& secret);

    // Imports every row of a preview without errors; returns the number of devices added.
    Alink::Expected<qsizetype> commit(const Preview& preview, const Progress& progress = {}) const;

    // Which column a header name means, or ColumnCount: case, spaces, '_' and '-' do not matter.
    static Column columnForHeader(const QString& name);
    static QString columnName(Column column);

private:
    Alink::Expected<Preview> preview(QByteArrayView data, Preview preview, int previewRows) const;

    Workspace& m_workspace;
};

} // namespace ConfigDeck::Store
