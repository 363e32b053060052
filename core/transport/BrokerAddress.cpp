#include "BrokerAddress.h"

#include <QUrl>

namespace ConfigDeck::Transport {

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
        return Alink::AlinkError{field, tr("'%1' is not a broker address (write mqtt://host:port)").arg(text),
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
