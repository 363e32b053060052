#include "DiffInput.h"

#include <QCryptographicHash>
#include <QLocale>

namespace ConfigDeck::Diff {

ContentKind DiffInput::classify(QByteArrayView bytes)
{
    return whyNotText(bytes).isEmpty() ? ContentKind::Text : ContentKind::Binary;
}

QString DiffInput::whyNotText(QByteArrayView bytes)
{
    const qsizetype nul = bytes.indexOf('\0');
    if (nul >= 0)
        return tr("contains a NUL byte at offset %1").arg(QLocale().toString(nul));
    if (!bytes.isValidUtf8())
        return tr("is not valid UTF-8 text");
    return {};
}

BinaryComparison DiffInput::compareBinary(const QByteArray& oldBytes, const QByteArray& newBytes)
{
    BinaryComparison result;
    result.oldSize = oldBytes.size();
    result.newSize = newBytes.size();
    result.oldSha256 = QCryptographicHash::hash(oldBytes, QCryptographicHash::Sha256).toHex();
    result.newSha256 = QCryptographicHash::hash(newBytes, QCryptographicHash::Sha256).toHex();
    result.identical = result.oldSize == result.newSize && result.oldSha256 == result.newSha256;

    const QString whyOld = whyNotText(oldBytes);
    const QString whyNew = whyNotText(newBytes);
    QString which;
    if (!whyOld.isEmpty() && !whyNew.isEmpty())
        which = tr("Neither version is text (the old one %1, the new one %2).").arg(whyOld, whyNew);
    else if (!whyOld.isEmpty())
        which = tr("The old version is not text: it %1.").arg(whyOld);
    else if (!whyNew.isEmpty())
        which = tr("The new version is not text: it %1.").arg(whyNew);

    const QLocale locale;
    QString verdict;
    if (result.identical)
        verdict = tr("They are identical (%1 bytes, SHA-256 %2).")
                      .arg(locale.toString(result.oldSize), QString::fromLatin1(result.oldSha256));
    else
        verdict = tr("They differ: %1 bytes, SHA-256 %2 (old) against %3 bytes, SHA-256 %4 (new).")
                      .arg(locale.toString(result.oldSize), QString::fromLatin1(result.oldSha256),
                           locale.toString(result.newSize), QString::fromLatin1(result.newSha256));
    result.note =
        (which.isEmpty() ? QString() : which + u' ') + tr("Compared by size and SHA-256 only. ") + verdict;
    return result;
}

} // namespace ConfigDeck::Diff
