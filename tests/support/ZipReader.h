#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

namespace ConfigDeck::TestSupport {

// Every entry of a .zip (name -> bytes), read back with libarchive; empty with *error set when the archive
// cannot be read or holds an entry twice.
QMap<QString, QByteArray> readZip(const QString& path, QString* error);

} // namespace ConfigDeck::TestSupport
