#include "TestPki.h"

#include <QFile>
#include <QProcess>
#include <QStringList>

namespace ConfigDeck::Transfer::Test {

namespace {

bool runOpenssl(const QString& workingDir, const QStringList& arguments, QString* error)
{
    QProcess process;
    process.setWorkingDirectory(workingDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error =
            QStringLiteral("openssl %1 failed: %2 %3")
                .arg(arguments.join(u' '), process.errorString(), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

bool TestPki::generate()
{
    if (!dir.isValid()) {
        error = QStringLiteral("no temporary directory");
        return false;
    }
    const QString d = dir.path();
    QFile extensions(dir.filePath(QStringLiteral("server.ext")));
    if (!extensions.open(QIODevice::WriteOnly)) {
        error = extensions.errorString();
        return false;
    }
    extensions.write("basicConstraints=CA:FALSE\n"
                     "keyUsage=digitalSignature,keyEncipherment\n"
                     "extendedKeyUsage=serverAuth\n"
                     "subjectAltName=IP:127.0.0.1\n");
    extensions.close();

    // EC keys: generated in milliseconds, unlike RSA.
    const QList<QStringList> steps{
        {QStringLiteral("ecparam"), QStringLiteral("-name"), QStringLiteral("prime256v1"),
         QStringLiteral("-genkey"), QStringLiteral("-noout"), QStringLiteral("-out"),
         QStringLiteral("ca.key")},
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-new"), QStringLiteral("-key"),
         QStringLiteral("ca.key"), QStringLiteral("-sha256"), QStringLiteral("-days"), QStringLiteral("2"),
         QStringLiteral("-subj"), QStringLiteral("/CN=ConfigDeck Test CA"), QStringLiteral("-addext"),
         QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
         QStringLiteral("keyUsage=critical,keyCertSign,cRLSign"), QStringLiteral("-out"),
         QStringLiteral("ca.crt")},
        {QStringLiteral("ecparam"), QStringLiteral("-name"), QStringLiteral("prime256v1"),
         QStringLiteral("-genkey"), QStringLiteral("-noout"), QStringLiteral("-out"),
         QStringLiteral("server.key")},
        {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"), QStringLiteral("server.key"),
         QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-out"),
         QStringLiteral("server.csr")},
        {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
         QStringLiteral("-CA"), QStringLiteral("ca.crt"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
         QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
         QStringLiteral("-sha256"), QStringLiteral("-extfile"), QStringLiteral("server.ext"),
         QStringLiteral("-out"), QStringLiteral("server.crt")},
    };
    for (const QStringList& step : steps) {
        if (!runOpenssl(d, step, &error))
            return false;
    }

    const auto cas = QSslCertificate::fromData(readFile(dir.filePath(QStringLiteral("ca.crt"))));
    const auto servers = QSslCertificate::fromData(readFile(dir.filePath(QStringLiteral("server.crt"))));
    serverCertificatePath = dir.filePath(QStringLiteral("server.crt"));
    serverKeyPath = dir.filePath(QStringLiteral("server.key"));
    serverKey = QSslKey(readFile(serverKeyPath), QSsl::Ec);
    if (cas.isEmpty() || servers.isEmpty() || serverKey.isNull()) {
        error = QStringLiteral("the generated certificates could not be read back");
        return false;
    }
    ca = cas.first();
    serverCertificate = servers.first();
    return true;
}

} // namespace ConfigDeck::Transfer::Test
