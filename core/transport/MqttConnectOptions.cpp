#include "MqttConnectOptions.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostInfo>
#include <QRandomGenerator>

namespace ConfigDeck::Transport {

namespace {

std::optional<Alink::AlinkError> checkReadableFile(const QString& path, const QString& field)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Alink::AlinkError{field, MqttConnectOptions::tr("the file %1 does not exist").arg(path)};
    if (!info.isFile() || !info.isReadable())
        return Alink::AlinkError{field, MqttConnectOptions::tr("the file %1 cannot be read").arg(path)};
    return std::nullopt;
}

} // namespace

QString MqttConnectOptions::uniqueClientId(const QString& prefix)
{
    return QStringLiteral("%1-%2").arg(prefix).arg(
        QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 12, 16, QLatin1Char('0'));
}

QString MqttConnectOptions::processClientId(const QString& prefix)
{
    // Drawn once per process: the ID must not change when the connection is made again.
    static const QString processPart = [] {
        QString host;
        for (const QChar c : QHostInfo::localHostName()) {
            if (c.isLetterOrNumber() && c.unicode() < 128)
                host += c;
            else if (c == u'-' || c == u'.')
                host += u'-';
        }
        return QStringLiteral("%1-%2-%3")
            .arg(host.left(24).isEmpty() ? QStringLiteral("host") : host.left(24))
            .arg(QCoreApplication::applicationPid())
            .arg(QRandomGenerator::system()->bounded(0x1000000), 6, 16, QLatin1Char('0'));
    }();
    return prefix + u'-' + processPart;
}

std::optional<Alink::AlinkError> MqttConnectOptions::validate(bool checkHost) const
{
    using Alink::AlinkError;
    if (checkHost && host.trimmed().isEmpty())
        return AlinkError{QStringLiteral("host"), tr("no broker host name or address is given")};
    if (checkHost && port == 0)
        return AlinkError{QStringLiteral("port"), tr("the port must be between 1 and 65535")};
    if (clientId.toUtf8().size() > 65535)
        return AlinkError{QStringLiteral("clientId"), tr("the client ID is longer than 65535 bytes")};
    if (clientId.isEmpty() && !cleanSession)
        return AlinkError{QStringLiteral("clientId"),
                          tr("a persistent session (clean session off) needs a client ID")};
    if (username.toUtf8().size() > 65535)
        return AlinkError{QStringLiteral("username"), tr("the user name is longer than 65535 bytes")};
    if (password.toUtf8().size() > 65535)
        return AlinkError{QStringLiteral("password"), tr("the password is longer than 65535 bytes")};
    if (!password.isEmpty() && username.isEmpty() && protocol == MqttProtocol::V311)
        return AlinkError{QStringLiteral("username"),
                          tr("MQTT 3.1.1 does not allow a password without a user name")};
    if (keepAliveSeconds != 0 && (keepAliveSeconds < 5 || keepAliveSeconds > 65535))
        return AlinkError{QStringLiteral("keepAliveSeconds"),
                          tr("the keep-alive must be 0 (off) or between 5 and 65535 seconds, not %1")
                              .arg(keepAliveSeconds)};
    if (tls.enabled) {
        if (!tls.caFile.isEmpty()) {
            if (auto error = checkReadableFile(tls.caFile, QStringLiteral("tls.caFile")))
                return error;
        }
        if (tls.certFile.isEmpty() != tls.keyFile.isEmpty())
            return AlinkError{tls.certFile.isEmpty() ? QStringLiteral("tls.certFile")
                                                     : QStringLiteral("tls.keyFile"),
                              tr("a client certificate needs both the certificate and its key")};
        if (!tls.certFile.isEmpty()) {
            if (auto error = checkReadableFile(tls.certFile, QStringLiteral("tls.certFile")))
                return error;
            if (auto error = checkReadableFile(tls.keyFile, QStringLiteral("tls.keyFile")))
                return error;
        }
    }
    if (maxIncomingPayloadBytes <= 0)
        return AlinkError{
            QStringLiteral("maxIncomingPayloadBytes"),
            tr("the largest incoming message must be above 0 bytes, not %1").arg(maxIncomingPayloadBytes)};
    if (reconnect.enabled) {
        if (reconnect.minDelayMs <= 0)
            return AlinkError{QStringLiteral("reconnect.minDelayMs"),
                              tr("the shortest reconnect delay must be above 0 ms")};
        if (reconnect.maxDelayMs < reconnect.minDelayMs)
            return AlinkError{QStringLiteral("reconnect.maxDelayMs"),
                              tr("the longest reconnect delay (%1 ms) is shorter than the shortest (%2 ms)")
                                  .arg(reconnect.maxDelayMs)
                                  .arg(reconnect.minDelayMs)};
        if (!(reconnect.jitter >= 0.0 && reconnect.jitter <= 1.0))
            return AlinkError{QStringLiteral("reconnect.jitter"), tr("the jitter must be between 0 and 1")};
        if (reconnect.stableAfterMs < 0)
            return AlinkError{QStringLiteral("reconnect.stableAfterMs"),
                              tr("the time after which a connection counts as stable cannot be negative")};
    }
    return std::nullopt;
}

} // namespace ConfigDeck::Transport
