#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

namespace ConfigDeck::Support {

// One library ConfigDeck is built on.
struct Library
{
    QString name;    // "OpenSSL"
    QString version; // the version running (linked at run time) where the library can say, else compiled
    QString purpose; // translated: what ConfigDeck uses it for
    QString licence; // SPDX identifiers where there is one: "Apache-2.0", "EPL-2.0 OR EDL-1.0"
    QUrl licenceUrl; // the licence text
    QUrl homepage;
};

// The facts about ConfigDeck's build and the libraries it ships with or links, for the About dialog and the
// support bundle's environment.txt. One list, so the two never disagree.
class LibraryInfo final
{
    Q_DECLARE_TR_FUNCTIONS(LibraryInfo)

public:
    // Qt, GNU libmicrohttpd, OpenSSL, libmosquitto, SQLite, QtKeychain, dtl, libarchive; never empty.
    static QList<Library> libraries();

    // "GCC 12.2.0", "Clang 16.0.0", "MSVC 1938".
    static QString compiler();
    // "Debian GNU/Linux 12 (bookworm), linux 6.1.0, x86_64".
    static QString operatingSystem();

    // The plain-text report: ConfigDeck's version, build, Qt compiled and running, OS, locale and
    // languages, and one line per library with version and licence.
    static QString environmentReport();
};

} // namespace ConfigDeck::Support
