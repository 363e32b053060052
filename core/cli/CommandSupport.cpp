#include "CommandSupport.h"

#include "session/WorkspaceKey.h"
#include "store/Workspace.h"
#include "transport/BrokerAddress.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace ConfigDeck::Cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void markInterrupted(int)
{
    g_interrupted.store(true);
}

} // namespace

std::optional<int> CommandSupport::parse(QCommandLineParser& parser, const QStringList& arguments)
{
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s\n", qPrintable(parser.errorText()));
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // helpText() names the executable's path; the usage line names the command instead.
        QString help = parser.helpText();
        const QString path = QCoreApplication::arguments().value(0);
        const qsizetype at = path.isEmpty() ? -1 : help.indexOf(path);
        if (!arguments.isEmpty() && at >= 0 && at < help.indexOf(u'\n'))
            help.replace(at, path.size(), arguments.first());
        std::printf("%s", qPrintable(help));
        return Success;
    }
    return std::nullopt;
}

void CommandSupport::addBrokerOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("broker"), tr("Broker address: mqtt://HOST:PORT, or mqtts://HOST:PORT for TLS."),
         QStringLiteral("url"), QStringLiteral("mqtt://127.0.0.1:1883")},
        {QStringLiteral("username"), tr("MQTT user name."), QStringLiteral("name")},
        {QStringLiteral("password"),
         tr("MQTT password (prefer the CONFIGDECK_MQTT_PASSWORD environment variable)."),
         QStringLiteral("password")},
        {QStringLiteral("ca"), tr("PEM file of the CA that signed the broker's certificate (TLS)."),
         QStringLiteral("file")},
        {QStringLiteral("cert"), tr("Client certificate (PEM) for TLS client authentication."),
         QStringLiteral("file")},
        {QStringLiteral("key"), tr("Private key (PEM) of the client certificate."), QStringLiteral("file")},
        {QStringLiteral("mqtt5"), tr("Speak MQTT 5 instead of 3.1.1.")},
        {QStringLiteral("keepalive"), tr("Keep-alive interval in seconds."), QStringLiteral("seconds"),
         QStringLiteral("60")},
        {QStringLiteral("max-payload"),
         tr("Largest incoming MQTT message in bytes; larger ones are dropped."), QStringLiteral("bytes"),
         QString::number(Transport::MqttConnectOptions::kDefaultMaxIncomingPayloadBytes)},
    });
}

void CommandSupport::addWorkspaceOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("workspace"), tr("Workspace file (.configdeck) to take the device identities from."),
         QStringLiteral("file")},
        {QStringLiteral("passphrase-file"),
         tr("File whose first line is the workspace's passphrase (or set %1).")
             .arg(QLatin1StringView(kPassphraseVariable)),
         QStringLiteral("file")},
    });
}

Alink::Expected<std::unique_ptr<Store::Workspace>>
CommandSupport::openWorkspace(const QCommandLineParser& parser, QString* warning)
{
    const QString path = parser.value(QStringLiteral("workspace"));
    QString passphrase;
    if (parser.isSet(QStringLiteral("passphrase-file"))) {
        const QString passphrasePath = parser.value(QStringLiteral("passphrase-file"));
        QFile file(passphrasePath);
        if (!file.open(QIODevice::ReadOnly))
            return Alink::AlinkError{QStringLiteral("--passphrase-file"),
                                     tr("%1 cannot be read: %2").arg(passphrasePath, file.errorString()), -1};
        passphrase = QString::fromUtf8(file.readLine(64 * 1024));
        while (passphrase.endsWith(u'\n') || passphrase.endsWith(u'\r'))
            passphrase.chop(1);
        if (passphrase.isEmpty())
            return Alink::AlinkError{QStringLiteral("--passphrase-file"),
                                     tr("the first line of %1 is empty").arg(passphrasePath), -1};
    } else {
        passphrase = QString::fromUtf8(qgetenv(kPassphraseVariable));
    }

    auto workspace = Store::Workspace::open(path, Store::Workspace::OpenMode::OpenExisting);
    if (!workspace)
        return Alink::AlinkError{QStringLiteral("--workspace"), workspace.error().message(), -1};
    Session::UnlockFailure failure = Session::UnlockFailure::None;
    auto unlocked = Session::WorkspaceKey::unlock(**workspace, passphrase, &failure);
    if (!unlocked) {
        switch (failure) {
        case Session::UnlockFailure::NeedsPassphrase:
            return Alink::AlinkError{
                QStringLiteral("--passphrase-file"),
                tr("the workspace %1 is protected by a passphrase and configdeck-cli does not ask for it: "
                   "give --passphrase-file FILE or set %2")
                    .arg(path, QLatin1StringView(kPassphraseVariable)),
                -1};
        case Session::UnlockFailure::WrongPassphrase:
            return Alink::AlinkError{parser.isSet(QStringLiteral("passphrase-file"))
                                         ? QStringLiteral("--passphrase-file")
                                         : QString::fromLatin1(kPassphraseVariable),
                                     tr("wrong passphrase for the workspace %1").arg(path), -1};
        default:
            return Alink::AlinkError{QStringLiteral("--workspace"), unlocked.error().message(), -1};
        }
    }
    if (unlocked->kind == Session::WorkspaceProtection::Kind::Demo && warning)
        *warning =
            tr("the workspace %1 is protected only by the Demo's public passphrase: anyone with a copy "
               "can read its DeviceSecrets. Open it in the console to protect it.")
                .arg(path);
    (*workspace)->keys().setSealer(unlocked->sealer);
    return std::move(*workspace);
}

Alink::Expected<Transport::MqttConnectOptions> CommandSupport::brokerOptions(const QCommandLineParser& parser)
{
    auto options = Transport::BrokerAddress::parse(parser.value(QStringLiteral("broker")));
    if (!options)
        return options;
    if (parser.isSet(QStringLiteral("username")))
        options->username = parser.value(QStringLiteral("username"));
    if (parser.isSet(QStringLiteral("password")))
        options->password = parser.value(QStringLiteral("password"));
    else if (const QByteArray env = qgetenv("CONFIGDECK_MQTT_PASSWORD"); !env.isEmpty())
        options->password = QString::fromUtf8(env);
    if (parser.isSet(QStringLiteral("ca"))) {
        options->tls.enabled = true;
        options->tls.caFile = parser.value(QStringLiteral("ca"));
    }
    options->tls.certFile = parser.value(QStringLiteral("cert"));
    options->tls.keyFile = parser.value(QStringLiteral("key"));
    if (parser.isSet(QStringLiteral("mqtt5")))
        options->protocol = Transport::MqttProtocol::V5;
    const auto keepAlive = number(parser, QStringLiteral("keepalive"), 60, 0);
    if (!keepAlive)
        return keepAlive.error();
    options->keepAliveSeconds = int(*keepAlive);
    const auto maxPayload = number(parser, QStringLiteral("max-payload"),
                                   Transport::MqttConnectOptions::kDefaultMaxIncomingPayloadBytes, 1);
    if (!maxPayload)
        return maxPayload.error();
    options->maxIncomingPayloadBytes = *maxPayload;
    if (auto error = options->validate())
        return *error;
    return options;
}

Alink::Expected<qint64> CommandSupport::number(const QCommandLineParser& parser, const QString& name,
                                               qint64 fallback, qint64 minimum)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < minimum)
        return Alink::AlinkError{
            QStringLiteral("--") + name,
            tr("'%1' is not a whole number of at least %2").arg(parser.value(name)).arg(minimum), -1};
    return value;
}

Alink::Expected<double> CommandSupport::share(const QCommandLineParser& parser, const QString& name,
                                              double fallback)
{
    if (!parser.isSet(name))
        return fallback;
    QString text = parser.value(name).trimmed();
    const bool percent = text.endsWith(QLatin1Char('%'));
    if (percent)
        text.chop(1);
    bool ok = false;
    double value = text.toDouble(&ok);
    if (percent || value > 1)
        value /= 100.0;
    if (!ok || value < 0 || value > 1)
        return Alink::AlinkError{QStringLiteral("--") + name,
                                 tr("'%1' is not a share between 0 and 100%").arg(parser.value(name)), -1};
    return value;
}

void CommandSupport::onInterrupt(QObject* context, std::function<void()> stop)
{
    std::signal(SIGINT, markInterrupted);
    std::signal(SIGTERM, markInterrupted);
    auto* poll = new QTimer(context);
    QObject::connect(poll, &QTimer::timeout, context, [poll, stop = std::move(stop)] {
        if (!g_interrupted.exchange(false))
            return;
        poll->stop();
        stop();
    });
    poll->start(100);
}

} // namespace ConfigDeck::Cli
