#include "TestCertificates.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>

namespace ConfigDeck::TestSupport {

namespace {

bool runOpenssl(const QString& directory, const QStringList& arguments, QString* error)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForStarted(10000)) {
        *error = QStringLiteral("cannot run openssl: %1").arg(process.errorString());
        return false;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error = QStringLiteral("openssl %1 failed: %2")
                     .arg(arguments.join(u' '), QString::fromLocal8Bit(process.readAll()).trimmed());
        return false;
    }
    return true;
}

QStringList newKeyArguments()
{
    return {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
}

} // namespace

QStringList TestCertificates::defaultSubjectAltNames()
{
    return {QStringLiteral("IP:127.0.0.1"), QStringLiteral("DNS:localhost")};
}

std::optional<TestCertificates> TestCertificates::create(const QString& directory, QString* error,
                                                         const QStringList& subjectAltNames,
                                                         const QString& prefix)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (!QDir().mkpath(directory)) {
        *error = QStringLiteral("cannot create %1").arg(directory);
        return std::nullopt;
    }
    TestCertificates result;
    const QDir dir(directory);
    result.directory = directory;
    result.caCertificate = dir.filePath(prefix + QStringLiteral("ca.crt"));
    result.caKey = dir.filePath(prefix + QStringLiteral("ca.key"));

    QStringList caArguments{QStringLiteral("req"), QStringLiteral("-x509")};
    caArguments << newKeyArguments();
    caArguments << QStringLiteral("-keyout") << result.caKey << QStringLiteral("-out") << result.caCertificate
                << QStringLiteral("-days") << QStringLiteral("2") << QStringLiteral("-subj")
                << QStringLiteral("/CN=ConfigDeck Test CA %1").arg(QRandomGenerator::global()->generate())
                << QStringLiteral("-addext") << QStringLiteral("basicConstraints=critical,CA:TRUE")
                << QStringLiteral("-addext") << QStringLiteral("keyUsage=critical,keyCertSign,cRLSign");
    if (!runOpenssl(directory, caArguments, error))
        return std::nullopt;
    if (!result.issue(prefix + QStringLiteral("server"), QStringLiteral("localhost"), subjectAltNames, false,
                      &result.serverCertificate, &result.serverKey, error))
        return std::nullopt;
    return result;
}

bool TestCertificates::issue(const QString& name, const QString& commonName,
                             const QStringList& subjectAltNames, bool client, QString* certificateFile,
                             QString* keyFile, QString* error) const
{
    QString ignored;
    if (!error)
        error = &ignored;
    const QDir dir(directory);
    const QString key = dir.filePath(name + QStringLiteral(".key"));
    const QString csr = dir.filePath(name + QStringLiteral(".csr"));
    const QString certificate = dir.filePath(name + QStringLiteral(".crt"));
    const QString extensions = dir.filePath(name + QStringLiteral(".ext"));

    QStringList requestArguments{QStringLiteral("req"), QStringLiteral("-new")};
    requestArguments << newKeyArguments();
    requestArguments << QStringLiteral("-keyout") << key << QStringLiteral("-out") << csr
                     << QStringLiteral("-subj") << QStringLiteral("/CN=%1").arg(commonName);
    if (!runOpenssl(directory, requestArguments, error))
        return false;

    QFile extFile(extensions);
    if (!extFile.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write %1").arg(extensions);
        return false;
    }
    QByteArray ext = "basicConstraints=CA:FALSE\n"
                     "keyUsage=critical,digitalSignature,keyEncipherment\n";
    ext += client ? "extendedKeyUsage=clientAuth\n" : "extendedKeyUsage=serverAuth\n";
    if (!subjectAltNames.isEmpty())
        ext += "subjectAltName=" + subjectAltNames.join(u',').toUtf8() + '\n';
    extFile.write(ext);
    extFile.close();

    const QStringList signArguments{
        QStringLiteral("x509"),        QStringLiteral("-req"),
        QStringLiteral("-in"),         csr,
        QStringLiteral("-CA"),         caCertificate,
        QStringLiteral("-CAkey"),      caKey,
        QStringLiteral("-set_serial"), QString::number(QRandomGenerator::global()->bounded(1, 1 << 30)),
        QStringLiteral("-days"),       QStringLiteral("2"),
        QStringLiteral("-extfile"),    extensions,
        QStringLiteral("-out"),        certificate};
    if (!runOpenssl(directory, signArguments, error))
        return false;
    QFile::remove(csr);
    QFile::remove(extensions);
    *certificateFile = certificate;
    *keyFile = key;
    return true;
}

} // namespace ConfigDeck::TestSupport
