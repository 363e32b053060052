#include "EventPrinter.h"

#include "CommandSupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace ConfigDeck::Cli {

EventPrinter::EventPrinter(bool json, std::FILE* out)
    : m_json(json)
    , m_out(out)
{
#ifdef Q_OS_UNIX
    m_tty = isatty(fileno(out)) != 0;
#else
    m_tty = false;
#endif
}

void EventPrinter::event(const QString& type, const QJsonObject& fields, const QString& humanText)
{
    if (m_json) {
        QJsonObject object = fields;
        object.insert(QStringLiteral("event"), type);
        object.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
        std::fwrite(line.constData(), 1, size_t(line.size()), m_out);
        std::fputc('\n', m_out);
    } else {
        endProgress();
        const QByteArray line = humanText.toLocal8Bit();
        std::fwrite(line.constData(), 1, size_t(line.size()), m_out);
        std::fputc('\n', m_out);
    }
    std::fflush(m_out);
}

void EventPrinter::progress(const QString& text)
{
    if (m_json || !m_tty)
        return;
    const QByteArray line = text.toLocal8Bit();
    std::fprintf(m_out, "\r\033[K%s", line.constData());
    std::fflush(m_out);
    m_progressShown = true;
}

void EventPrinter::error(const QString& text)
{
    endProgress();
    const QByteArray line = text.toLocal8Bit();
    std::fprintf(stderr, "%s\n", line.constData());
    std::fflush(stderr);
}

int EventPrinter::usageError(const Alink::AlinkError& error)
{
    this->error(error.message());
    return CommandSupport::UsageError;
}

void EventPrinter::endProgress()
{
    if (!m_progressShown)
        return;
    std::fprintf(m_out, "\r\033[K");
    m_progressShown = false;
}

QString EventPrinter::describeCounts(const QMap<int, qint64>& counts, QJsonObject& json)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        json.insert(QString::number(it.key()), it.value());
        parts << QStringLiteral("%1 x%2").arg(it.key()).arg(it.value());
    }
    return parts.isEmpty() ? tr("none") : parts.join(QStringLiteral(", "));
}

qint64 EventPrinter::peakRssKb()
{
#ifdef Q_OS_LINUX
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').first().toLongLong();
        }
    }
#endif
#ifdef Q_OS_UNIX
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0)
        return usage.ru_maxrss;
#endif
    return 0;
}

} // namespace ConfigDeck::Cli
