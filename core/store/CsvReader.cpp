#include "CsvReader.h"

#include <cstring>

namespace ConfigDeck::Store {

CsvReader::CsvReader(QByteArrayView data)
    : m_data(data)
{
    if (m_data.startsWith(QByteArrayView("\xEF\xBB\xBF", 3)))
        m_pos = 3;
    m_fields.reserve(8);
}

bool CsvReader::next()
{
    m_fields.clear();
    m_scratch.clear();
    m_scratchFields.clear();
    m_problem = Problem::None;
    const char* const data = m_data.data();
    const qsizetype size = m_data.size();
    if (m_pos >= size)
        return false;
    m_line = m_nextLine;

    for (;;) { // one field per turn
        if (m_pos < size && data[m_pos] == '"') {
            // Quoted field: ends at a quote that is not doubled.
            const qsizetype start = ++m_pos;
            bool escaped = false;
            qsizetype scratchStart = -1;
            qsizetype end = -1;
            while (m_pos < size) {
                const char* quote =
                    static_cast<const char*>(std::memchr(data + m_pos, '"', size_t(size - m_pos)));
                const qsizetype stop = quote ? quote - data : size;
                for (const char* p = data + m_pos; p < data + stop;) { // count line breaks inside the field
                    const char* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(data + stop - p)));
                    if (!nl)
                        break;
                    ++m_nextLine;
                    p = nl + 1;
                }
                if (!quote) {
                    m_pos = size;
                    break;
                }
                if (stop + 1 < size && data[stop + 1] == '"') { // "" stands for one quote
                    if (!escaped) {
                        escaped = true;
                        scratchStart = m_scratch.size();
                        m_scratch.append(data + start, stop + 1 - start);
                    } else {
                        m_scratch.append(data + m_pos, stop + 1 - m_pos);
                    }
                    m_pos = stop + 2;
                    continue;
                }
                if (escaped)
                    m_scratch.append(data + m_pos, stop - m_pos);
                end = stop;
                m_pos = stop + 1;
                break;
            }
            if (end < 0) {
                m_problem = Problem::UnterminatedQuote;
                m_fields.emplace_back(data + start, size - start);
                return true;
            }
            if (escaped) {
                m_scratchFields.push_back(
                    {qsizetype(m_fields.size()), scratchStart, m_scratch.size() - scratchStart});
                m_fields.emplace_back();
            } else {
                m_fields.emplace_back(data + start, end - start);
            }
            // After the closing quote: a comma, a line break or the end; anything else is malformed.
            while (m_pos < size && data[m_pos] != ',' && data[m_pos] != '\n') {
                if (data[m_pos] != '\r' && data[m_pos] != ' ' && data[m_pos] != '\t')
                    m_problem = Problem::TextAfterQuote;
                ++m_pos;
            }
        } else {
            const qsizetype start = m_pos;
            while (m_pos < size && data[m_pos] != ',' && data[m_pos] != '\n')
                ++m_pos;
            qsizetype end = m_pos;
            if (m_pos < size && data[m_pos] == '\n' && end > start && data[end - 1] == '\r')
                --end;
            else if (m_pos == size && end > start && data[end - 1] == '\r')
                --end;
            m_fields.emplace_back(data + start, end - start);
        }
        if (m_pos >= size)
            break;
        if (data[m_pos] == '\n') {
            ++m_pos;
            ++m_nextLine;
            break;
        }
        ++m_pos; // the comma
    }
    for (const ScratchField& field : m_scratchFields)
        m_fields[size_t(field.index)] = QByteArrayView(m_scratch.constData() + field.offset, field.size);
    return true;
}

} // namespace ConfigDeck::Store
