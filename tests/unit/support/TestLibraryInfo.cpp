#include "BuildInfo.h"
#include "support/LibraryInfo.h"

#include <QRegularExpression>
#include <QTest>

#include <archive.h>
#include <microhttpd.h>
#include <mosquitto.h>
#include <openssl/opensslv.h>

using ConfigDeck::Support::Library;
using ConfigDeck::Support::LibraryInfo;

class TestLibraryInfo : public QObject
{
    Q_OBJECT

private slots:
    void everyLibraryIsDescribed();
    void versionsAreTheRunningOnes();
    void environmentReport();

private:
    static Library find(const QString& name)
    {
        for (const Library& library : LibraryInfo::libraries()) {
            if (library.name == name)
                return library;
        }
        return {};
    }
};

void TestLibraryInfo::everyLibraryIsDescribed()
{
    const QList<Library> libraries = LibraryInfo::libraries();
    QStringList names;
    for (const Library& library : libraries) {
        names << library.name;
        QVERIFY2(!library.version.isEmpty(), qPrintable(library.name));
        QVERIFY2(!library.licence.isEmpty(), qPrintable(library.name));
        QVERIFY2(!library.purpose.isEmpty(), qPrintable(library.name));
        QVERIFY2(library.licenceUrl.isValid() && library.licenceUrl.scheme() == QLatin1String("https"),
                 qPrintable(library.name));
        QVERIFY2(library.homepage.isValid(), qPrintable(library.name));
    }
    QCOMPARE(names, (QStringList{QStringLiteral("Qt"), QStringLiteral("GNU libmicrohttpd"),
                                 QStringLiteral("OpenSSL"), QStringLiteral("libmosquitto"),
                                 QStringLiteral("SQLite"), QStringLiteral("QtKeychain"),
                                 QStringLiteral("dtl"), QStringLiteral("libarchive")}));
    QCOMPARE(find(QStringLiteral("Qt")).licence, QStringLiteral("LGPL-3.0-only"));
    QCOMPARE(find(QStringLiteral("GNU libmicrohttpd")).licence, QStringLiteral("LGPL-2.1-or-later"));
    // Nothing linked puts the distributed binaries under the GPL.
    for (const Library& library : libraries)
        QVERIFY2(!library.licence.startsWith(QLatin1StringView("GPL")), qPrintable(library.name));
    QCOMPARE(find(QStringLiteral("OpenSSL")).licence, QStringLiteral("Apache-2.0"));
    QCOMPARE(find(QStringLiteral("libmosquitto")).licence, QStringLiteral("EPL-2.0 OR EDL-1.0"));
    QCOMPARE(find(QStringLiteral("QtKeychain")).licence, QStringLiteral("BSD-3-Clause"));
    QCOMPARE(find(QStringLiteral("dtl")).licence, QStringLiteral("BSD-3-Clause"));
    QCOMPARE(find(QStringLiteral("libarchive")).licence, QStringLiteral("BSD-2-Clause"));
}

void TestLibraryInfo::versionsAreTheRunningOnes()
{
    QCOMPARE(find(QStringLiteral("Qt")).version, QString::fromLatin1(qVersion()));
    QCOMPARE(find(QStringLiteral("GNU libmicrohttpd")).version, QString::fromLatin1(MHD_get_version()));
    QVERIFY(find(QStringLiteral("OpenSSL"))
                .version.startsWith(
                    QStringLiteral("%1.%2.").arg(OPENSSL_VERSION_MAJOR).arg(OPENSSL_VERSION_MINOR)));
    QCOMPARE(find(QStringLiteral("libmosquitto")).version, QStringLiteral("%1.%2.%3")
                                                               .arg(LIBMOSQUITTO_MAJOR)
                                                               .arg(LIBMOSQUITTO_MINOR)
                                                               .arg(LIBMOSQUITTO_REVISION));
    QCOMPARE(find(QStringLiteral("libarchive")).version, QStringLiteral(ARCHIVE_VERSION_ONLY_STRING));
    const QRegularExpression dotted(QStringLiteral("^\\d+\\.\\d+(\\.\\d+)?$"));
    for (const char* name : {"SQLite", "QtKeychain", "dtl"}) {
        const QString version = find(QLatin1StringView(name)).version;
        QVERIFY2(dotted.match(version).hasMatch(),
                 qPrintable(QLatin1StringView(name) + QLatin1Char(' ') + version));
    }
    QVERIFY(find(QStringLiteral("SQLite")).version.startsWith(QStringLiteral("3.")));
    // QtKeychain's header says 0.1.0 whatever the release; the build system's version is the real one.
    QVERIFY(find(QStringLiteral("QtKeychain")).version != QStringLiteral("0.1.0"));
}

void TestLibraryInfo::environmentReport()
{
    const QString report = LibraryInfo::environmentReport();
    QVERIFY(report.startsWith(
        QStringLiteral("ConfigDeck %1\n").arg(QLatin1StringView(ConfigDeck::BuildInfo::kVersion))));
    QVERIFY(report.contains(QStringLiteral(QT_VERSION_STR)));
    QVERIFY(report.contains(LibraryInfo::compiler()));
    QVERIFY(report.contains(LibraryInfo::operatingSystem()));
    QVERIFY(report.contains(QLocale().name()));
    for (const Library& library : LibraryInfo::libraries()) {
        QVERIFY2(report.contains(
                     QStringLiteral("  %1 %2 (%3)").arg(library.name, library.version, library.licence)),
                 qPrintable(library.name));
    }
}

QTEST_GUILESS_MAIN(TestLibraryInfo)
#include "TestLibraryInfo.moc"
