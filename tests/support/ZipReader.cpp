#include "ZipReader.h"

#include <QFile>

#include <archive.h>
#include <archive_entry.h>
#include <memory>

namespace ConfigDeck::TestSupport {

QMap<QString, QByteArray> readZip(const QString& path, QString* error)
{
    QMap<QString, QByteArray> entries;
    std::unique_ptr<archive, decltype(&archive_read_free)> reader(archive_read_new(), &archive_read_free);
    archive_read_support_format_zip(reader.get());
    if (archive_read_open_filename(reader.get(), QFile::encodeName(path).constData(), 16384) != ARCHIVE_OK) {
        *error = QString::fromUtf8(archive_error_string(reader.get()));
        return {};
    }
    archive_entry* entry = nullptr;
    int status = ARCHIVE_OK;
    while ((status = archive_read_next_header(reader.get(), &entry)) == ARCHIVE_OK) {
        const QString name = QString::fromUtf8(archive_entry_pathname_utf8(entry));
        QByteArray data;
        char buffer[8192];
        la_ssize_t n = 0;
        while ((n = archive_read_data(reader.get(), buffer, sizeof buffer)) > 0)
            data.append(buffer, qsizetype(n));
        if (n < 0) {
            *error = name + QStringLiteral(": ") + QString::fromUtf8(archive_error_string(reader.get()));
            return {};
        }
        if (entries.contains(name)) {
            *error = QStringLiteral("duplicate entry ") + name;
            return {};
        }
        entries.insert(name, data);
    }
    if (status != ARCHIVE_EOF)
        *error = QString::fromUtf8(archive_error_string(reader.get()));
    return entries;
}

} // namespace ConfigDeck::TestSupport
