#include "OpenApiStandIn.h"

#include "EndProcess.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSaveFile>

namespace ConfigDeck::TestSupport {

OpenApiStandIn::OpenApiStandIn()
    : OpenApiStandIn(Options())
{
}

OpenApiStandIn::OpenApiStandIn(Options options)
    : m_options(std::move(options))
{
}

OpenApiStandIn::~OpenApiStandIn()
{
    // The stand-in exits when its control input closes.
    if (m_process)
        endProcess(*m_process, 3000, [this] { m_process->closeWriteChannel(); });
}

bool OpenApiStandIn::writeFleet(const QJsonObject& fleet, QString* path)
{
    *path = m_dir.filePath(QStringLiteral("fleet-%1.json").arg(++m_fleetFiles));
    QSaveFile file(*path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(fleet).toJson()) < 0 || !file.commit()) {
        m_error = QStringLiteral("cannot write %1").arg(*path);
        return false;
    }
    return true;
}

bool OpenApiStandIn::start(const QJsonObject& fleet)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    m_certificates = TestCertificates::create(m_dir.path(), &m_error);
    if (!m_certificates)
        return false;
    QString fleetPath;
    if (!writeFleet(fleet, &fleetPath))
        return false;
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("STANDIN_ACCESS_KEY_SECRET"),
                       QString::fromUtf8(m_options.accessKeySecret));
    m_process->setProcessEnvironment(environment);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardErrorFile(m_dir.filePath(QStringLiteral("standin.log")));
    QStringList arguments{QStringLiteral(CONFIGDECK_OPENAPI_STANDIN),
                          QStringLiteral("--cert"),
                          m_certificates->serverCertificate,
                          QStringLiteral("--key"),
                          m_certificates->serverKey,
                          QStringLiteral("--fleet"),
                          fleetPath,
                          QStringLiteral("--access-key-id"),
                          m_options.accessKeyId,
                          QStringLiteral("--region"),
                          m_options.regionId,
                          QStringLiteral("--instance"),
                          m_options.instanceId};
    m_process->start(QStringLiteral("/usr/bin/python3"), arguments);
    if (!m_process->waitForStarted(5000)) {
        m_error = QStringLiteral("cannot start /usr/bin/python3: %1").arg(m_process->errorString());
        return false;
    }
    QDeadlineTimer deadline(10000);
    while (!m_process->canReadLine()) {
        if (deadline.hasExpired() || !m_process->waitForReadyRead(int(deadline.remainingTime()))) {
            m_error = QStringLiteral("the stand-in did not start: %1").arg(log());
            return false;
        }
    }
    const QByteArray line = m_process->readLine().trimmed();
    if (!line.startsWith("port ")) {
        m_error = QStringLiteral("unexpected first line '%1': %2").arg(QString::fromUtf8(line), log());
        return false;
    }
    m_port = quint16(line.mid(5).toUInt());
    return m_port != 0;
}

std::optional<QJsonObject> OpenApiStandIn::command(const QString& line)
{
    if (!m_process || m_process->state() != QProcess::Running) {
        m_error = QStringLiteral("the stand-in is not running");
        return std::nullopt;
    }
    m_process->write(line.toUtf8() + '\n');
    m_process->waitForBytesWritten(3000);
    QDeadlineTimer deadline(10000);
    while (!m_process->canReadLine()) {
        if (deadline.hasExpired() || !m_process->waitForReadyRead(int(deadline.remainingTime()))) {
            m_error = QStringLiteral("no answer to '%1'").arg(line);
            return std::nullopt;
        }
    }
    return QJsonDocument::fromJson(m_process->readLine()).object();
}

bool OpenApiStandIn::setFleet(const QJsonObject& fleet)
{
    QString path;
    return writeFleet(fleet, &path) && command(QStringLiteral("fleet ") + path).has_value();
}

bool OpenApiStandIn::throttle(int count)
{
    return command(QStringLiteral("throttle %1").arg(count)).has_value();
}

bool OpenApiStandIn::failNext(const QString& code, int httpStatus)
{
    return command(QStringLiteral("fail %1 %2").arg(code).arg(httpStatus)).has_value();
}

QJsonObject OpenApiStandIn::stats()
{
    return command(QStringLiteral("stats")).value_or(QJsonObject());
}

QString OpenApiStandIn::baseUrl() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(m_port);
}

QString OpenApiStandIn::log() const
{
    QFile file(m_dir.filePath(QStringLiteral("standin.log")));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().right(4000)) : QString();
}

QJsonObject OpenApiStandIn::makeFleet(int productCount, int devicesPerProduct)
{
    QJsonArray products;
    for (int p = 0; p < productCount; ++p) {
        QJsonArray devices;
        for (int d = 0; d < devicesPerProduct; ++d)
            devices.append(QJsonObject{
                {QStringLiteral("name"), QStringLiteral("dev-%1-%2").arg(p).arg(d, 4, 10, QLatin1Char('0'))},
                {QStringLiteral("secret"), QStringLiteral("Sec%1x%2yZ0123456789abcdefABCDEF").arg(p).arg(d)},
                {QStringLiteral("status"),
                 d % 3 == 0 ? QStringLiteral("ONLINE") : QStringLiteral("OFFLINE")}});
        products.append(QJsonObject{{QStringLiteral("productKey"), QStringLiteral("a1Prod%1Key").arg(p)},
                                    {QStringLiteral("name"), QStringLiteral("Product %1").arg(p)},
                                    {QStringLiteral("devices"), devices}});
    }
    return QJsonObject{{QStringLiteral("products"), products}};
}

} // namespace ConfigDeck::TestSupport
