#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace ConfigDeck::Store {

// RFC 4180 records from UTF-8 bytes: quoted fields with "" escapes, commas and line breaks inside quotes,
// CRLF or LF, a leading UTF-8 BOM. Fields are views into the input (or into a scratch buffer for fields
// that had escaped quotes), valid until the next call to next(); nothing is allocated per field.
class CsvReader final
{
public:
    enum class Problem
    {
        None,
        UnterminatedQuote, // the file ended inside a quoted field
        TextAfterQuote,    // "abc"x: characters between a closing quote and the next comma
    };

    explicit CsvReader(QByteArrayView data);

    // Reads the next record; false at the end of the input.
    bool next();
    const std::vector<QByteArrayView>& fields() const { return m_fields; }
    qsizetype line() const { return m_line; } // 1-based line on which the current record starts
    Problem problem() const { return m_problem; }
    bool isBlank() const { return m_fields.size() == 1 && m_fields.front().isEmpty(); }
    qsizetype position() const { return m_pos; }

private:
    QByteArrayView m_data;
    qsizetype m_pos = 0;
    qsizetype m_nextLine = 1;
    qsizetype m_line = 0;
    Problem m_problem = Problem::None;
    std::vector<QByteArrayView> m_fields;
    QByteArray m_scratch;
    struct ScratchField
    {
        qsizetype index;
        qsizetype offset;
        qsizetype size;
    };
    std::vector<ScratchField> m_scratchFields;
};

} // namespace ConfigDeck::Store
