#pragma once

#include "alink/AlinkError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

namespace ConfigDeck::Store {

// A CSV file's text as UTF-8, whichever way Excel saved it: UTF-8 with or without a BOM ("CSV UTF-8"),
// UTF-16 with a BOM, little or big endian ("Unicode text"), or GB18030/GBK (plain "CSV" on a Chinese
// Windows), taken when the bytes are not valid UTF-8. UTF-8 is used in place; the others are converted once.
class CsvText final
{
    Q_DECLARE_TR_FUNCTIONS(CsvText)

public:
    enum class Encoding
    {
        Utf8,
        Utf16LittleEndian,
        Utf16BigEndian,
        Gb18030,
    };

    // Errors: the bytes are not text in any of those encodings (or the GB18030 codec is missing).
    static Alink::Expected<CsvText> decode(QByteArrayView bytes);

    // Valid while this object and the decoded bytes live; a UTF-8 BOM is left for CsvReader to skip.
    QByteArrayView utf8() const { return m_utf8; }
    Encoding encoding() const { return m_encoding; }
    static QString encodingName(Encoding encoding);

private:
    QByteArrayView m_utf8;
    QByteArray m_converted; // the UTF-8 of a file in another encoding
    Encoding m_encoding = Encoding::Utf8;
};

} // namespace ConfigDeck::Store
