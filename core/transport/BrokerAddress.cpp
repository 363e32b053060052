#include "BrokerAddress.h"

#include <QUrl>

#include <algorithm>

namespace ConfigDeck::Transport {

namespace {

// Where the user info of an address is: [start, at) before the '@' of its authority; at < 0 when none.
struct UserInfoSpan
{
    qsizetype start = 0;
    qsizetype at = -1;
};

UserInfoSpan userInfoSpan(const QString& text)
{
    UserInfoSpan span;
    const qsizetype scheme = text.indexOf(QLatin1StringView("://"));
    span.start = scheme < 0 ? 0 : scheme + 3;
    qsizetype end = text.size();
    for (const QChar stop : {u'/', u'?', u'#'}) {
        const qsizetype found = text.indexOf(stop, span.start);
        if (found >= 0)
            end = std::min(end, found);
    }
    span.at = text.lastIndexOf(u'@', end - 1);
    if (span.at < span.start)
        span.at = -1;
    return span;
}

} // namespace

BrokerAddress::Credentials BrokerAddress::splitCredentials(const QString& text)
{
    Credentials result;
    const UserInfoSpan span = userInfoSpan(text);
    if (span.at < 0) {
        result.address = text;
        return result;
    }
    result.hasUserInfo = true;
    const QString userInfo = text.mid(span.start, span.at - span.start);
    const qsizetype colon = userInfo.indexOf(u':');
    result.username = QUrl::fromPercentEncoding(userInfo.left(colon).toUtf8());
    if (colon >= 0)
        result.password = QUrl::fromPercentEncoding(userInfo.mid(colon + 1).toUtf8());
    result.address = text.left(span.start) + text.mid(span.at + 1);
    return result;
}

QString BrokerAddress::withoutPassword(const QString& text)
{
    const UserInfoSpan span = userInfoSpan(text);
    const qsizetype colon = span.at < 0 ? -1 : text.indexOf(u':', span.start);
    if (colon < 0 || colon > span.at)
        return text;
    return text.left(colon + 1) + QStringLiteral("<redacted>") + text.mid(span.at);
}

Alink::Expected<Transport::MqttConnectOptions> BrokerAddress::parse(const QString& text)
{
    const QString field = QStringLiteral("broker");
    QString withScheme = text.trimmed();
    if (withScheme.isEmpty())
        return Alink::AlinkError{field, tr("no broker address is given (write mqtt://host:port)"), -1};
    if (!withScheme.contains(QStringLiteral("://")))
        withScheme.prepend(QStringLiteral("mqtt://"));
    const QUrl url(withScheme, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty())
        return Alink::AlinkError{
            field, tr("'%1' is not a broker address (write mqtt://host:port)").arg(withoutPassword(text)),
            -1};
    Transport::MqttConnectOptions options;
    if (scheme == QLatin1String("mqtts") || scheme == QLatin1String("ssl") ||
        scheme == QLatin1String("tls")) {
        options.tls.enabled = true;
        options.port = quint16(url.port(8883));
    } else if (scheme == QLatin1String("mqtt") || scheme == QLatin1String("tcp")) {
        options.port = quint16(url.port(1883));
    } else {
        return Alink::AlinkError{
            field, tr("'%1' is not an MQTT scheme (use mqtt:// or mqtts://)").arg(url.scheme()), -1};
    }
    options.host = url.host();
    options.username = url.userName();
    options.password = url.password();
    return options;
}

} // namespace ConfigDeck::Transport
