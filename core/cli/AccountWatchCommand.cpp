#include "AccountWatchCommand.h"

#include "CommandSupport.h"
#include "alink/ReplyCodeCatalog.h"
#include "cloud/AccountFeed.h"
#include "store/Workspace.h"

#include <QJsonObject>

namespace ConfigDeck::Cli {

namespace {

QString stateName(Cloud::AmqpSubscription::State state)
{
    switch (state) {
    case Cloud::AmqpSubscription::State::Connecting:
        return QStringLiteral("connecting");
    case Cloud::AmqpSubscription::State::Connected:
        return QStringLiteral("connected");
    case Cloud::AmqpSubscription::State::Retrying:
        return QStringLiteral("retrying");
    case Cloud::AmqpSubscription::State::Stopped:
        break;
    }
    return QStringLiteral("stopped");
}

} // namespace

AccountWatchCommand::AccountWatchCommand(EventPrinter& printer, const Store::Workspace* workspace,
                                         QObject* parent)
    : QObject(parent)
    , m_printer(printer)
{
    m_durationTimer.setSingleShot(true);
    connect(&m_durationTimer, &QTimer::timeout, this, [this] { stop(CommandSupport::Success); });

    Cloud::AccountFeed::KnownDevice known;
    if (workspace) {
        known = [workspace](const QString& pk, const QString& dn) {
            const auto device = workspace->identities().device(pk, dn);
            return device && device->has_value();
        };
    }
    m_feed = std::make_unique<Cloud::AccountFeed>(known);
    connect(m_feed.get(), &Cloud::AccountFeed::statusChanged, this,
            [this](const QString& pk, const QString& dn, bool online, const QDateTime& time) {
                ++m_statuses;
                m_printer.event(QStringLiteral("status"),
                                {{QStringLiteral("productKey"), pk},
                                 {QStringLiteral("deviceName"), dn},
                                 {QStringLiteral("online"), online},
                                 {QStringLiteral("time"), time.toString(Qt::ISODateWithMs)}},
                                online ? tr("%1/%2 online").arg(pk, dn) : tr("%1/%2 offline").arg(pk, dn));
            });
    connect(m_feed.get(), &Cloud::AccountFeed::pushReplied, this,
            [this](const QString& pk, const QString& dn, int code, const QDateTime& time) {
                ++m_replies;
                const auto info = Alink::ReplyCodeCatalog::lookup(code, Alink::ReplySource::Device);
                m_printer.event(QStringLiteral("reply"),
                                {{QStringLiteral("productKey"), pk},
                                 {QStringLiteral("deviceName"), dn},
                                 {QStringLiteral("code"), code},
                                 {QStringLiteral("name"), info.displayName()},
                                 {QStringLiteral("meaning"), info.displayMeaning()},
                                 {QStringLiteral("time"), time.toString(Qt::ISODateWithMs)}},
                                tr("%1/%2 replied %3 %4").arg(pk, dn).arg(code).arg(info.displayName()));
            });
    connect(m_feed.get(), &Cloud::AccountFeed::unknownDevice, this,
            [this](const QString& pk, const QString& dn) {
                m_printer.event(QStringLiteral("unknownDevice"),
                                {{QStringLiteral("productKey"), pk}, {QStringLiteral("deviceName"), dn}},
                                tr("%1/%2 is not in the workspace; ignored").arg(pk, dn));
            });
    connect(m_feed.get(), &Cloud::AccountFeed::messageRejected, this,
            [this](const QString& topic, const QString& reason) {
                m_printer.event(QStringLiteral("rejected"),
                                {{QStringLiteral("topic"), topic}, {QStringLiteral("reason"), reason}},
                                tr("ignored a message on %1: %2").arg(topic, reason));
            });

    m_subscription = std::make_unique<Cloud::AmqpSubscription>();
    connect(m_subscription.get(), &Cloud::AmqpSubscription::messageReceived, m_feed.get(),
            &Cloud::AccountFeed::take);
    connect(m_subscription.get(), &Cloud::AmqpSubscription::stateChanged, this,
            &AccountWatchCommand::onState);
    connect(m_subscription.get(), &Cloud::AmqpSubscription::messageDropped, this,
            [this](const QString& reason) { m_printer.error(reason); });
}

AccountWatchCommand::~AccountWatchCommand()
{
    // The subscription (and its thread) ends before the feed it delivers to.
    m_subscription.reset();
}

std::optional<Alink::AlinkError> AccountWatchCommand::start(Cloud::AmqpSubscription::Settings settings,
                                                            std::chrono::seconds duration)
{
    const auto invalid = m_subscription->start(settings);
    settings.accessKeySecret.fill('\0');
    if (invalid)
        return invalid;
    if (duration.count() > 0)
        m_durationTimer.start(duration);
    return std::nullopt;
}

void AccountWatchCommand::onState(Cloud::AmqpSubscription::State state, const QString& text)
{
    QJsonObject fields{{QStringLiteral("state"), stateName(state)}, {QStringLiteral("text"), text}};
    if (state == Cloud::AmqpSubscription::State::Retrying) {
        fields.insert(QStringLiteral("retryInSeconds"), m_subscription->retryInSeconds());
        fields.insert(QStringLiteral("reason"), m_subscription->lastError());
    }
    m_printer.event(QStringLiteral("connection"), fields, text);
}

void AccountWatchCommand::stop(int exitCode)
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_subscription->stop();
    m_printer.event(QStringLiteral("summary"),
                    {{QStringLiteral("statuses"), m_statuses},
                     {QStringLiteral("replies"), m_replies},
                     {QStringLiteral("unknownDeviceMessages"), m_feed->unknownDeviceMessages()},
                     {QStringLiteral("rejected"), m_feed->rejectedMessages()}},
                    tr("%n status change(s)", nullptr, m_statuses) + QStringLiteral(", ") +
                        tr("%n push reply(s)", nullptr, m_replies));
    emit finished(exitCode);
}

} // namespace ConfigDeck::Cli
