#include "LibraryInfo.h"

#include "BuildInfo.h"
#include "store/Workspace.h"
#include "support/LibraryVersions.h"

#include <QLocale>
#include <QSysInfo>
#include <QtGlobal>

#include <archive.h>
#include <dtl/dtl.hpp>
#include <microhttpd.h>
#include <mosquitto.h>
#include <openssl/crypto.h>

namespace ConfigDeck::Support {

namespace {

QString opensslVersion()
{
#ifdef OPENSSL_VERSION_STRING
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION_STRING)); // "3.0.19"
#else
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)); // "OpenSSL 1.1.1w  11 Sep 2023"
#endif
}

QString mosquittoVersion()
{
    int major = 0;
    int minor = 0;
    int revision = 0;
    mosquitto_lib_version(&major, &minor, &revision);
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(revision);
}

QString archiveVersion()
{
    // "libarchive 3.6.2" at run time.
    const QString text = QString::fromLatin1(archive_version_string());
    return text.section(QLatin1Char(' '), 1, 1);
}

} // namespace

QList<Library> LibraryInfo::libraries()
{
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion()),
         tr("Application framework: widgets, networking, SQL, translations"), QStringLiteral("LGPL-3.0-only"),
         QUrl(QStringLiteral("https://www.gnu.org/licenses/lgpl-3.0.html")),
         QUrl(QStringLiteral("https://www.qt.io/"))},
        {QStringLiteral("GNU libmicrohttpd"), QString::fromLatin1(MHD_get_version()),
         tr("The embedded HTTP(S) file server for configuration downloads"),
         QStringLiteral("LGPL-2.1-or-later"),
         QUrl(QStringLiteral("https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html")),
         QUrl(QStringLiteral("https://www.gnu.org/software/libmicrohttpd/"))},
        {QStringLiteral("OpenSSL"), opensslVersion(),
         tr("SHA-256, HMAC signing, AES-256-GCM sealing of secrets, TLS"), QStringLiteral("Apache-2.0"),
         QUrl(QStringLiteral("https://www.openssl.org/source/license.html")),
         QUrl(QStringLiteral("https://www.openssl.org/"))},
        {QStringLiteral("libmosquitto"), mosquittoVersion(), tr("MQTT client connections to brokers"),
         QStringLiteral("EPL-2.0 OR EDL-1.0"), QUrl(QStringLiteral("https://www.eclipse.org/legal/epl-2.0/")),
         QUrl(QStringLiteral("https://mosquitto.org/"))},
        {QStringLiteral("SQLite"), Store::Workspace::sqliteVersion(),
         tr("The workspace database (through Qt SQL)"), tr("Public domain"),
         QUrl(QStringLiteral("https://www.sqlite.org/copyright.html")),
         QUrl(QStringLiteral("https://www.sqlite.org/"))},
        {QStringLiteral("QtKeychain"), QStringLiteral(CONFIGDECK_QTKEYCHAIN_VERSION),
         tr("Workspace keys in the system keychain"), QStringLiteral("BSD-3-Clause"),
         QUrl(QStringLiteral("https://github.com/frankosterfeld/qtkeychain/blob/main/COPYING")),
         QUrl(QStringLiteral("https://github.com/frankosterfeld/qtkeychain"))},
        {QStringLiteral("dtl"), QString::fromStdString(dtl::version),
         tr("Line diff of configuration versions"), QStringLiteral("BSD-3-Clause"),
         QUrl(QStringLiteral("https://github.com/cubicdaiya/dtl/blob/master/COPYING")),
         QUrl(QStringLiteral("https://github.com/cubicdaiya/dtl"))},
        {QStringLiteral("libarchive"), archiveVersion(), tr("The support bundle's .zip archive"),
         QStringLiteral("BSD-2-Clause"),
         QUrl(QStringLiteral("https://github.com/libarchive/libarchive/blob/master/COPYING")),
         QUrl(QStringLiteral("https://www.libarchive.org/"))},
    };
}

QString LibraryInfo::compiler()
{
#if defined(__clang__)
    return QStringLiteral("Clang %1.%2.%3")
        .arg(__clang_major__)
        .arg(__clang_minor__)
        .arg(__clang_patchlevel__);
#elif defined(__GNUC__)
    return QStringLiteral("GCC %1.%2.%3").arg(__GNUC__).arg(__GNUC_MINOR__).arg(__GNUC_PATCHLEVEL__);
#elif defined(_MSC_VER)
    return QStringLiteral("MSVC %1").arg(_MSC_FULL_VER);
#else
    return tr("unknown compiler");
#endif
}

QString LibraryInfo::operatingSystem()
{
    return QStringLiteral("%1, %2 %3, %4")
        .arg(QSysInfo::prettyProductName(), QSysInfo::kernelType(), QSysInfo::kernelVersion(),
             QSysInfo::currentCpuArchitecture());
}

QString LibraryInfo::environmentReport()
{
    const QLocale locale;
    QStringList lines;
    lines << QStringLiteral("%1 %2").arg(QLatin1StringView(BuildInfo::kName),
                                         QLatin1StringView(BuildInfo::kVersion));
    lines << tr("Qt: %1 at run time, built with %2")
                 .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
    lines << tr("Build: %1, %2").arg(compiler(), QSysInfo::buildAbi());
    lines << tr("Operating system: %1").arg(operatingSystem());
    lines << tr("Locale: %1 (system %2); languages: %3")
                 .arg(locale.name(), QLocale::system().name(),
                      locale.uiLanguages().join(QStringLiteral(", ")));
    lines << QString();
    lines << tr("Libraries:");
    for (const Library& library : libraries()) {
        lines << tr("  %1 %2 (%3)")
                     .arg(library.name, library.version.isEmpty() ? tr("version unknown") : library.version,
                          library.licence);
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace ConfigDeck::Support
