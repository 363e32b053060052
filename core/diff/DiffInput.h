#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

namespace ConfigDeck::Diff {

enum class ContentKind
{
    Text,   // valid UTF-8 without NUL bytes: diffed line by line
    Binary, // anything else: compared by size and SHA-256 only
};

// Two versions at least one of which is not text: what can honestly be said about them.
struct BinaryComparison
{
    Q_DECLARE_TR_FUNCTIONS(BinaryComparison)

public:
    qint64 oldSize = 0;
    qint64 newSize = 0;
    QByteArray oldSha256; // lowercase hex
    QByteArray newSha256;
    bool identical = false;
    QString note; // e.g. "The new version is not text (a NUL byte at offset 12): compared by size and ..."
};

class DiffInput final
{
    Q_DECLARE_TR_FUNCTIONS(DiffInput)

public:
    static ContentKind classify(QByteArrayView bytes);
    // Why the bytes are not text ("contains a NUL byte at offset 12", "is not valid UTF-8"), or empty.
    static QString whyNotText(QByteArrayView bytes);
    static BinaryComparison compareBinary(const QByteArray& oldBytes, const QByteArray& newBytes);
};

} // namespace ConfigDeck::Diff
