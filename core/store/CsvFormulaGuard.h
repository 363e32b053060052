#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace ConfigDeck::Store {

// A spreadsheet runs a cell that starts with = + - @, a tab or a carriage return as a formula (CSV
// injection). Export puts a single quote before such a cell, as OWASP advises; import takes it off again.
// A value that itself starts with quotes followed by one of those characters gets one more quote, so that
// the import gives back exactly what was exported (a DeviceName may start with '-' or '@', a ProductKey or
// DeviceSecret with almost anything), and a cell without a leading quote is read as it is.
class CsvFormulaGuard final
{
public:
    // Whether the value is (or, quoted, stands for) a cell a spreadsheet would run: "'"* then a trigger.
    static bool needsGuard(QByteArrayView value);
    // The value as export writes it.
    static QByteArray guarded(QByteArrayView value);
    // The value a cell stands for, as import reads it.
    static QByteArrayView unguarded(QByteArrayView cell);
};

} // namespace ConfigDeck::Store
