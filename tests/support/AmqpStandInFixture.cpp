#include "AmqpStandInFixture.h"

#include "EndProcess.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <QTimeZone>

namespace ConfigDeck::TestSupport {

namespace {
const QString kScript = QStringLiteral(CONFIGDECK_AMQP_STANDIN_SCRIPT);
constexpr int kStartTimeoutMs = 15000;
} // namespace

AmqpStandInFixture::AmqpStandInFixture()
    : AmqpStandInFixture(Options())
{
}

AmqpStandInFixture::AmqpStandInFixture(Options options)
    : m_options(std::move(options))
{
}

AmqpStandInFixture::~AmqpStandInFixture()
{
    kill();
}

std::optional<QString> AmqpStandInFixture::unavailable()
{
    QProcess probe;
    probe.setProcessChannelMode(QProcess::MergedChannels);
    probe.start(python(), {QStringLiteral("-c"), QStringLiteral("import proton, ssl")});
    if (!probe.waitForFinished(20000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
        return QStringLiteral("%1 cannot import proton (install python3-qpid-proton): %2 %3")
            .arg(python(), probe.errorString(), QString::fromLocal8Bit(probe.readAll()).trimmed());
    return std::nullopt;
}

bool AmqpStandInFixture::start()
{
    if (!m_certificates) {
        if (!m_dir.isValid()) {
            m_error = QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString());
            return false;
        }
        m_certificates = TestCertificates::create(m_dir.path(), &m_error);
        if (!m_certificates)
            return false;
    }
    return launch(m_port);
}

bool AmqpStandInFixture::launch(quint16 port)
{
    kill();
    m_process = std::make_unique<QProcess>();
    // Its errors (a Python traceback) show in output() with what it said.
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setReadChannel(QProcess::StandardOutput);
    QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, m_process.get(),
                     [this] { readOutput(); });
    QStringList arguments{kScript,
                          QStringLiteral("--port"),
                          QString::number(port),
                          QStringLiteral("--cert"),
                          m_certificates->serverCertificate,
                          QStringLiteral("--key"),
                          m_certificates->serverKey,
                          QStringLiteral("--access-key-id"),
                          m_options.accessKeyId,
                          QStringLiteral("--access-key-secret"),
                          QString::fromUtf8(m_options.accessKeySecret),
                          QStringLiteral("--instance-id"),
                          m_options.instanceId,
                          QStringLiteral("--max-skew-seconds"),
                          QString::number(m_options.maxSkewSeconds),
                          QStringLiteral("--link-timeout"),
                          QString::number(m_options.linkTimeoutSeconds)};
    for (const QString& group : m_options.consumerGroups)
        arguments << QStringLiteral("--consumer-group") << group;
    const int listeningBefore = countOf(QStringLiteral("LISTENING "));
    const QDeadlineTimer deadline(kStartTimeoutMs);
    m_process->start(python(), arguments);
    if (!m_process->waitForStarted(kStartTimeoutMs)) {
        m_error = QStringLiteral("cannot run %1: %2").arg(python(), m_process->errorString());
        return false;
    }
    while (!deadline.hasExpired() && countOf(QStringLiteral("LISTENING ")) == listeningBefore) {
        if (m_process->state() != QProcess::Running)
            break;
        m_process->waitForReadyRead(50);
        readOutput();
    }
    for (auto it = m_lines.crbegin(); it != m_lines.crend(); ++it) {
        if (it->startsWith(QLatin1String("LISTENING ")) &&
            countOf(QStringLiteral("LISTENING ")) > listeningBefore) {
            m_port = quint16(it->mid(10).toUInt());
            return true;
        }
    }
    m_error = QStringLiteral("the AMQP stand-in did not start: %1\n%2")
                  .arg(QString::fromLocal8Bit(m_process->readAllStandardError()), output());
    kill();
    return false;
}

void AmqpStandInFixture::stop()
{
    if (!m_process)
        return;
    endProcess(*m_process);
    readOutput();
    m_process.reset();
}

void AmqpStandInFixture::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

bool AmqpStandInFixture::restart()
{
    kill();
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (launch(m_port))
            return true;
        QTest::qWait(200);
    }
    return false;
}

bool AmqpStandInFixture::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool AmqpStandInFixture::writeLine(const QJsonObject& request)
{
    if (!isRunning()) {
        m_error = QStringLiteral("the AMQP stand-in is not running");
        return false;
    }
    const QByteArray line = QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n';
    return m_process->write(line) == line.size() && m_process->waitForBytesWritten(5000);
}

bool AmqpStandInFixture::send(const QString& topic, const QString& messageId, const QByteArray& body,
                              qint64 generateTimeMs)
{
    QJsonObject request{{QStringLiteral("topic"), topic}, {QStringLiteral("messageId"), messageId}};
    if (generateTimeMs > 0)
        request.insert(QStringLiteral("generateTime"), generateTimeMs);
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject())
        request.insert(QStringLiteral("body"), document.object());
    else
        request.insert(QStringLiteral("bodyText"), QString::fromUtf8(body));
    return writeLine(request);
}

bool AmqpStandInFixture::sendStatus(const QString& productKey, const QString& deviceName, bool online,
                                    const QDateTime& lastTime, const QString& messageId)
{
    // Shaped as the documentation's device status message.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject body{
        {QStringLiteral("status"), online ? QStringLiteral("online") : QStringLiteral("offline")},
        {QStringLiteral("iotId"), QStringLiteral("iot-%1-%2").arg(productKey, deviceName)},
        {QStringLiteral("productKey"), productKey},
        {QStringLiteral("deviceName"), deviceName},
        {QStringLiteral("time"),
         now.toTimeZone(QTimeZone(8 * 3600)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))},
        {QStringLiteral("utcTime"), now.toString(Qt::ISODateWithMs)},
        {QStringLiteral("lastTime"),
         lastTime.toTimeZone(QTimeZone(8 * 3600)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))},
        {QStringLiteral("utcLastTime"), lastTime.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("clientIp"), QStringLiteral("203.0.113.7")},
    };
    return send(QStringLiteral("/as/mqtt/status/%1/%2").arg(productKey, deviceName), messageId,
                QJsonDocument(body).toJson(QJsonDocument::Compact), now.toMSecsSinceEpoch());
}

bool AmqpStandInFixture::sendPushReply(const QString& productKey, const QString& deviceName, int code,
                                       const QString& requestId, const QString& messageId)
{
    // Shaped as the documentation's downlink reply (data exchange) message.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QJsonObject body{
        {QStringLiteral("gmtCreate"), now},
        {QStringLiteral("iotId"), QStringLiteral("iot-%1-%2").arg(productKey, deviceName)},
        {QStringLiteral("productKey"), productKey},
        {QStringLiteral("deviceName"), deviceName},
        {QStringLiteral("requestId"), requestId},
        {QStringLiteral("code"), code},
        {QStringLiteral("message"), code == 200 ? QStringLiteral("success") : QStringLiteral("failed")},
        {QStringLiteral("topic"),
         QStringLiteral("/sys/%1/%2/thing/config/push_reply").arg(productKey, deviceName)},
        {QStringLiteral("data"), QJsonObject()},
    };
    return send(QStringLiteral("/%1/%2/thing/downlink/reply/message").arg(productKey, deviceName), messageId,
                QJsonDocument(body).toJson(QJsonDocument::Compact), now);
}

bool AmqpStandInFixture::dropConnections()
{
    return writeLine(QJsonObject{{QStringLiteral("command"), QStringLiteral("drop")}});
}

void AmqpStandInFixture::readOutput()
{
    if (!m_process)
        return;
    m_partial += m_process->readAllStandardOutput();
    qsizetype end;
    while ((end = m_partial.indexOf('\n')) >= 0) {
        m_lines.append(QString::fromUtf8(m_partial.left(end)));
        m_partial.remove(0, end + 1);
    }
}

int AmqpStandInFixture::countOf(const QString& line) const
{
    int count = 0;
    for (const QString& said : m_lines)
        if (line.endsWith(QLatin1Char(' ')) ? said.startsWith(line) : said == line)
            ++count;
    return count;
}

bool AmqpStandInFixture::waitFor(const QString& line, int timeoutMs, int count)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (countOf(line) < count) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(20);
        readOutput();
    }
    return true;
}

QString AmqpStandInFixture::output() const
{
    return m_lines.join(QLatin1Char('\n'));
}

} // namespace ConfigDeck::TestSupport
