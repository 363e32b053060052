#include "CsvText.h"

#include <QStringDecoder>

#include <optional>

namespace ConfigDeck::Store {

namespace {

Alink::AlinkError textError(const QString& reason)
{
    return Alink::AlinkError{QString(), reason, -1};
}

// Line (1-based) of the first byte that is not valid UTF-8, to point at in the error.
qsizetype lineOfFirstInvalidUtf8(QByteArrayView bytes)
{
    qsizetype line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] != '\n')
            continue;
        if (!bytes.sliced(lineStart, i - lineStart).isValidUtf8())
            return line;
        ++line;
        lineStart = i + 1;
    }
    return line;
}

} // namespace

QString CsvText::encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf16LittleEndian:
        return QStringLiteral("UTF-16LE");
    case Encoding::Utf16BigEndian:
        return QStringLiteral("UTF-16BE");
    case Encoding::Gb18030:
        return QStringLiteral("GB18030");
    }
    return {};
}

Alink::Expected<CsvText> CsvText::decode(QByteArrayView bytes)
{
    CsvText text;
    std::optional<QStringDecoder> decoder;
    if (bytes.startsWith("\xFF\xFE")) {
        text.m_encoding = Encoding::Utf16LittleEndian;
        decoder.emplace(QStringConverter::Utf16LE);
    } else if (bytes.startsWith("\xFE\xFF")) {
        text.m_encoding = Encoding::Utf16BigEndian;
        decoder.emplace(QStringConverter::Utf16BE);
    } else if (bytes.isValidUtf8()) {
        text.m_utf8 = bytes;
        return text;
    } else {
        // Qt decodes GB18030 through ICU (Debian's Qt 6.4 and 6.8 have it); GB18030 includes GBK.
        text.m_encoding = Encoding::Gb18030;
        decoder.emplace("GB18030");
        if (!decoder->isValid())
            return textError(tr("The file is not UTF-8 text (line %1), and this system cannot read GB18030 "
                                "(GBK): save it from Excel as \"CSV UTF-8\".")
                                 .arg(lineOfFirstInvalidUtf8(bytes)));
    }
    // The decoder skips the BOM. Qt 6.4 lets a lone UTF-16 surrogate through without an error; another
    // version may replace it: both count as invalid (device identities never hold U+FFFD).
    const QString decoded = (*decoder)(bytes);
    const bool utf16 = text.m_encoding != Encoding::Gb18030;
    if (decoder->hasError() || (utf16 && (bytes.size() % 2 != 0 || !decoded.isValidUtf16() ||
                                          decoded.contains(QChar::ReplacementCharacter)))) {
        if (text.m_encoding == Encoding::Gb18030)
            return textError(tr("The file is neither UTF-8 text (line %1 is not) nor GB18030 (GBK) text: "
                                "save it from Excel as \"CSV UTF-8\".")
                                 .arg(lineOfFirstInvalidUtf8(bytes)));
        return textError(tr("The file starts as %1 text (it has a byte order mark) but is not valid %1.")
                             .arg(encodingName(text.m_encoding)));
    }
    text.m_converted = decoded.toUtf8();
    text.m_utf8 = text.m_converted;
    return text;
}

} // namespace ConfigDeck::Store
