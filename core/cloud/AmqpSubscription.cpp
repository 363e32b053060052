#include "AmqpSubscription.h"

#include "AmqpCredentials.h"
#include "CloudLog.h"
#include "CloudProfile.h"

#include <QDateTime>
#include <QFileInfo>

#include <atomic>
#include <map>
#include <proton/connection.hpp>
#include <proton/connection_options.hpp>
#include <proton/container.hpp>
#include <proton/delivery.hpp>
#include <proton/error_condition.hpp>
#include <proton/message.hpp>
#include <proton/messaging_handler.hpp>
#include <proton/receiver.hpp>
#include <proton/receiver_options.hpp>
#include <proton/ssl.hpp>
#include <proton/transport.hpp>
#include <proton/types.hpp>
#include <proton/work_queue.hpp>
#include <thread>

namespace ConfigDeck::Cloud {

namespace {

// How long a connection may take to have its receiver link open before it is given up. (Timed on the Qt
// side: a timer scheduled in the container would keep it running until it expired.)
constexpr std::chrono::seconds kConnectTimeout{30};

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

// A property value as text: strings, symbols and numbers alike.
QString propertyText(const proton::value& value)
{
    switch (value.type()) {
    case proton::STRING:
    case proton::SYMBOL:
    case proton::BINARY:
        return fromStd(proton::coerce<std::string>(value));
    case proton::NULL_TYPE:
        return {};
    default:
        if (proton::type_id_is_integral(value.type()))
            return QString::number(proton::coerce<int64_t>(value));
        return fromStd(proton::to_string(value));
    }
}

} // namespace

// One connection attempt: a Proton container on its own thread, its connection and receiver link. Lives
// from the attempt until the connection ended (then the subscription destroys it and makes a new one for
// the next attempt). Everything below, except the constructor, settle() and the destructor, runs on the
// container's thread; results go to the subscription as queued calls.
class AmqpSubscription::Worker final : public proton::messaging_handler
{
public:
    struct Attempt
    {
        std::string url;
        std::string host;
        std::string user;
        std::string password;
        std::string caFile;
        std::chrono::milliseconds idleTimeout;
        int creditWindow;
        qint64 maxMessageBytes;
    };

    Worker(AmqpSubscription* owner, quint64 generation, Attempt attempt)
        : m_owner(owner)
        , m_generation(generation)
        , m_attempt(std::move(attempt))
        , m_container(*this)
        , m_queue(m_container)
    {
        m_container.auto_stop(false); // stopped by the destructor only, whatever is still scheduled
        m_thread = std::thread([this] { run(); });
    }

    ~Worker() override
    {
        m_stopRequested = true;
        m_container.stop();
        if (m_thread.joinable())
            m_thread.join();
    }

    // From the subscription's thread: the message was taken; accept it and give the credit back.
    void settle(quint64 deliveryId)
    {
        // The container's queue gets the work onto its thread; from there the connection's own queue runs it
        // in the connection's context, so that the disposition and the credit are written out at once.
        m_queue.add([this, deliveryId] {
            if (!m_connection)
                return;
            m_connection.work_queue().add([this, deliveryId] {
                const auto it = m_unsettled.find(deliveryId);
                if (it == m_unsettled.end())
                    return;
                it->second.accept();
                m_unsettled.erase(it);
                if (m_linkOpen)
                    m_receiver.add_credit(1);
            });
        });
    }

private:
    void run()
    {
        try {
            m_container.run();
        } catch (const std::exception& exception) {
            // A container that failed is finished: report it like a lost connection, so that the next
            // attempt makes a new one.
            report(QStringLiteral("configdeck:internal-error"), fromStd(exception.what()));
        }
    }

    template <typename Function>
    void post(Function function)
    {
        QMetaObject::invokeMethod(m_owner, std::move(function), Qt::QueuedConnection);
    }

    void report(const QString& name, const QString& description)
    {
        if (m_reported)
            return;
        m_reported = true;
        post([owner = m_owner, generation = m_generation, name, description] {
            owner->onDisconnected(generation, name, description);
        });
    }

    void note(const proton::error_condition& condition)
    {
        // The first condition is the cause; later ones (the transport closing after a refusal) repeat it.
        if (condition && m_conditionName.isEmpty() && m_description.isEmpty()) {
            m_conditionName = fromStd(condition.name());
            m_description = fromStd(condition.description());
        }
    }

    void on_container_start(proton::container& container) override
    {
        if (m_stopRequested) {
            container.stop();
            return;
        }
        proton::connection_options options;
        options.user(m_attempt.user)
            .password(m_attempt.password)
            .sasl_enabled(true)
            .sasl_allowed_mechs("PLAIN")
            // Proton advertises half its own idle timeout in the open frame (it expects a frame from the peer
            // within the whole): twice the setting puts the setting itself in idle-time-out, as the platform
            // requires (30,000 to 300,000 ms).
            .idle_timeout(proton::duration(2 * m_attempt.idleTimeout.count()))
            .virtual_host(m_attempt.host)
            .ssl_client_options(proton::ssl_client_options(m_attempt.caFile, proton::ssl::VERIFY_PEER_NAME));
        // The password is no longer needed here once the options hold it.
        std::fill(m_attempt.password.begin(), m_attempt.password.end(), '\0');
        container.connect(m_attempt.url, options);
    }

    void on_connection_open(proton::connection& connection) override
    {
        m_connection = connection;
        // The platform closes a connection that has no receiver link 15 s after it opened: open it now.
        connection.open_receiver(std::string(),
                                 proton::receiver_options().credit_window(0).auto_accept(false));
    }

    void on_receiver_open(proton::receiver& receiver) override
    {
        m_receiver = receiver;
        m_linkOpen = true;
        receiver.add_credit(uint32_t(std::max(1, m_attempt.creditWindow)));
        post([owner = m_owner, generation = m_generation] { owner->onLinkOpened(generation); });
    }

    void on_message(proton::delivery& delivery, proton::message& message) override
    {
        AmqpMessage taken;
        const auto& properties = message.properties();
        if (properties.exists("topic"))
            taken.topic = propertyText(properties.get("topic"));
        if (properties.exists("messageId"))
            taken.messageId = propertyText(properties.get("messageId"));
        if (properties.exists("generateTime") &&
            proton::type_id_is_integral(properties.get("generateTime").type()))
            taken.generateTimeMs = proton::coerce<int64_t>(properties.get("generateTime"));
        QString dropped;
        const proton::value& body = message.body();
        if (body.type() == proton::BINARY) {
            const auto bytes = proton::get<proton::binary>(body);
            if (qint64(bytes.size()) <= m_attempt.maxMessageBytes)
                taken.body = QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
            else
                dropped = tr("a message of %1 bytes on %2 exceeds the limit of %3 bytes")
                              .arg(qint64(bytes.size()))
                              .arg(taken.topic)
                              .arg(m_attempt.maxMessageBytes);
        } else if (body.type() == proton::STRING) {
            const auto text = proton::get<std::string>(body);
            if (qint64(text.size()) <= m_attempt.maxMessageBytes)
                taken.body = QByteArray::fromStdString(text);
            else
                dropped = tr("a message of %1 bytes on %2 exceeds the limit of %3 bytes")
                              .arg(qint64(text.size()))
                              .arg(taken.topic)
                              .arg(m_attempt.maxMessageBytes);
        } else {
            dropped = tr("a message on %1 has a body that is neither bytes nor text").arg(taken.topic);
        }
        if (taken.topic.isEmpty() && dropped.isEmpty())
            dropped = tr("a message without a topic property");

        const quint64 id = ++m_nextDelivery;
        m_unsettled.emplace(id, delivery);
        if (!dropped.isEmpty()) {
            post([owner = m_owner, generation = m_generation, id, dropped] {
                owner->onDropped(generation, id, dropped);
            });
            return;
        }
        post([owner = m_owner, generation = m_generation, id, taken = std::move(taken)] {
            owner->onMessage(generation, id, taken);
        });
    }

    void on_receiver_error(proton::receiver& receiver) override
    {
        note(receiver.error());
        receiver.connection().close();
    }
    void on_receiver_close(proton::receiver& receiver) override
    {
        m_linkOpen = false;
        // The platform allows one link; without it nothing arrives: end the connection and start again.
        if (!m_stopRequested)
            receiver.connection().close();
    }
    void on_session_error(proton::session& session) override { note(session.error()); }
    void on_connection_error(proton::connection& connection) override { note(connection.error()); }
    void on_transport_error(proton::transport& transport) override { note(transport.error()); }
    void on_error(const proton::error_condition& condition) override { note(condition); }

    void on_transport_close(proton::transport&) override
    {
        m_linkOpen = false;
        m_unsettled.clear(); // the server delivers again what was not accepted
        m_receiver = proton::receiver();
        m_connection = proton::connection();
        report(m_conditionName, m_description);
    }

    static QString tr(const char* text) { return AmqpSubscription::tr(text); }

    AmqpSubscription* m_owner;
    const quint64 m_generation;
    Attempt m_attempt;
    proton::container m_container;
    proton::work_queue m_queue;
    std::thread m_thread;
    std::atomic<bool> m_stopRequested{false};
    // Container thread only:
    proton::connection m_connection;
    proton::receiver m_receiver;
    bool m_linkOpen = false;
    bool m_reported = false;
    std::map<quint64, proton::delivery> m_unsettled;
    quint64 m_nextDelivery = 0;
    QString m_conditionName;
    QString m_description;
};

std::optional<Alink::AlinkError> AmqpSubscription::Settings::validate() const
{
    const auto missing = [](const char* field) {
        return Alink::AlinkError{QLatin1String(field), tr("must not be empty"), -1};
    };
    if (host.trimmed().isEmpty())
        return missing("host");
    if (port == 0)
        return Alink::AlinkError{QStringLiteral("port"), tr("must be a port number"), -1};
    if (accessKeyId.isEmpty())
        return missing("accessKeyId");
    if (accessKeySecret.isEmpty())
        return missing("accessKeySecret");
    if (consumerGroupId.isEmpty())
        return missing("consumerGroupId");
    if (clientId.isEmpty())
        return missing("clientId");
    for (const auto& [field, value] :
         {std::pair{"clientId", clientId}, std::pair{"accessKeyId", accessKeyId},
          std::pair{"consumerGroupId", consumerGroupId}, std::pair{"iotInstanceId", iotInstanceId}}) {
        // These travel inside the user name, separated by | , and =.
        if (value.contains(QLatin1Char('|')) || value.contains(QLatin1Char(',')) ||
            value.contains(QLatin1Char('=')))
            return Alink::AlinkError{QLatin1String(field), tr("must not contain '|', ',' or '='"), -1};
    }
    if (idleTimeout < kMinIdleTimeout || idleTimeout > kMaxIdleTimeout)
        return Alink::AlinkError{
            QStringLiteral("idleTimeout"),
            tr("must be between %1 and %2 seconds").arg(kMinIdleTimeout.count()).arg(kMaxIdleTimeout.count()),
            -1};
    if (!caCertificateFile.isEmpty() && !QFileInfo(caCertificateFile).isReadable())
        return Alink::AlinkError{QStringLiteral("caCertificateFile"),
                                 tr("'%1' cannot be read").arg(caCertificateFile), -1};
    if (maxMessageBytes <= 0 || creditWindow <= 0)
        return Alink::AlinkError{maxMessageBytes <= 0 ? QStringLiteral("maxMessageBytes")
                                                      : QStringLiteral("creditWindow"),
                                 tr("must be positive"), -1};
    return std::nullopt;
}

AmqpSubscription::AmqpSubscription(QObject* parent)
    : QObject(parent)
    , m_stateText(tr("stopped"))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &AmqpSubscription::attempt);
    m_connectTimer.setSingleShot(true);
    m_connectTimer.setInterval(kConnectTimeout);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        onDisconnected(m_generation, QStringLiteral("configdeck:connect-timeout"),
                       tr("no receiver link within %n s: the host did not answer in time", nullptr,
                          int(kConnectTimeout.count())));
    });
}

AmqpSubscription::~AmqpSubscription()
{
    stop();
}

std::optional<Alink::AlinkError> AmqpSubscription::start(const Settings& settings)
{
    if (auto invalid = settings.validate())
        return invalid;
    stop();
    if (settings.caCertificateFile.isEmpty()) {
        const auto bundled = CloudProfile::bundledRootCaPath();
        if (!bundled)
            return bundled.error();
    }
    m_settings = settings;
    m_secret = QByteArray(settings.accessKeySecret.constData(), settings.accessKeySecret.size());
    m_settings.accessKeySecret = QByteArray();
    m_backoff.setOptions(settings.reconnect);
    m_backoff.reset();
    m_lastError.clear();
    attempt();
    return std::nullopt;
}

void AmqpSubscription::stop()
{
    m_retryTimer.stop();
    m_connectTimer.stop();
    ++m_generation; // news of the ended worker is stale from now on
    m_worker.reset();
    m_secret.fill('\0');
    m_secret.clear();
    if (m_state != State::Stopped)
        setState(State::Stopped, tr("stopped"));
}

void AmqpSubscription::attempt()
{
    m_worker.reset();
    ++m_generation;
    QString caFile = m_settings.caCertificateFile;
    if (caFile.isEmpty())
        caFile = CloudProfile::bundledRootCaPath().value();
    const AmqpCredentials credentials =
        AmqpCredentials::sign(m_settings.clientId, m_settings.accessKeyId, m_secret, m_settings.iotInstanceId,
                              m_settings.consumerGroupId, QDateTime::currentMSecsSinceEpoch());
    Worker::Attempt attempt{
        QStringLiteral("amqps://%1:%2").arg(m_settings.host).arg(m_settings.port).toStdString(),
        m_settings.host.toStdString(),
        credentials.userName.toStdString(),
        credentials.password.toStdString(),
        QFile::encodeName(caFile).toStdString(),
        std::chrono::duration_cast<std::chrono::milliseconds>(m_settings.idleTimeout),
        m_settings.creditWindow,
        m_settings.maxMessageBytes,
    };
    setState(State::Connecting, tr("connecting to %1:%2").arg(m_settings.host).arg(m_settings.port));
    m_worker = std::make_unique<Worker>(this, m_generation, std::move(attempt));
    m_connectTimer.start();
}

void AmqpSubscription::setState(State state, const QString& text)
{
    m_state = state;
    m_stateText = text;
    qCInfo(lcCloud) << "account subscription:" << text;
    emit stateChanged(state, text);
}

void AmqpSubscription::onLinkOpened(quint64 generation)
{
    if (generation != m_generation)
        return;
    m_connectTimer.stop();
    m_backoff.connectionEstablished();
    m_retryInSeconds = 0;
    setState(State::Connected, tr("connected to %1:%2").arg(m_settings.host).arg(m_settings.port));
}

void AmqpSubscription::settle(quint64 deliveryId)
{
    if (m_worker)
        m_worker->settle(deliveryId);
}

void AmqpSubscription::onMessage(quint64 generation, quint64 deliveryId, const AmqpMessage& message)
{
    if (generation != m_generation)
        return;
    emit messageReceived(message);
    // Taken: now the server may forget it. (A slot may have stopped the subscription meanwhile.)
    if (generation == m_generation)
        settle(deliveryId);
}

void AmqpSubscription::onDropped(quint64 generation, quint64 deliveryId, const QString& reason)
{
    if (generation != m_generation)
        return;
    qCWarning(lcCloud) << "account subscription: dropped" << reason;
    emit messageDropped(reason);
    if (generation == m_generation)
        settle(deliveryId); // accepted and dropped: delivering it again would drop it again
}

void AmqpSubscription::onDisconnected(quint64 generation, const QString& conditionName,
                                      const QString& description)
{
    if (generation != m_generation)
        return;
    ++m_generation;
    m_connectTimer.stop();
    m_worker.reset();
    m_lastError = describeError(conditionName, description);
    emit connectionError(m_lastError);
    if (!m_settings.reconnect.enabled) {
        m_secret.fill('\0');
        m_secret.clear();
        setState(State::Stopped, tr("stopped: %1").arg(m_lastError));
        return;
    }
    const int delayMs = m_backoff.nextDelayMs();
    m_retryInSeconds = (delayMs + 999) / 1000;
    setState(State::Retrying, tr("retrying in %n s: %1", nullptr, m_retryInSeconds).arg(m_lastError));
    m_retryTimer.start(delayMs);
}

QString AmqpSubscription::describeError(const QString& conditionName, const QString& description)
{
    const auto mentions = [&description](std::initializer_list<const char*> words) {
        for (const char* word : words)
            if (description.contains(QLatin1String(word), Qt::CaseInsensitive))
                return true;
        return false;
    };
    const QString said = description.isEmpty() ? conditionName : description;
    if (conditionName.isEmpty() && description.isEmpty())
        return tr("the server closed the connection");
    if (conditionName == QLatin1String("amqp:unauthorized-access") || mentions({"auth"})) {
        if (mentions({"timestamp", "clock", "expired"}))
            return tr("refused because of the time: this computer's clock and the platform's differ too much "
                      "(clock skew); correct the system time (the server said: %1)")
                .arg(said);
        if (mentions({"consumer", "group"}))
            return tr("refused: the consumer group is unknown; check its ID and that it belongs to this "
                      "instance (the server said: %1)")
                .arg(said);
        if (mentions({"instance"}))
            return tr("refused: the instance ID is wrong (the server said: %1)").arg(said);
        return tr("refused: wrong AccessKey ID or AccessKey Secret, the signature did not match (the server "
                  "said: %1)")
            .arg(said);
    }
    if (conditionName == QLatin1String("amqp:security") ||
        mentions({"certificate", "ssl", "tls", "handshake"}))
        return tr("the server's TLS certificate could not be verified; check the CA certificate and the host "
                  "name (%1)")
            .arg(said);
    if (conditionName == QLatin1String("configdeck:connect-timeout") ||
        mentions(
            {"refused", "unreachable", "resolve", "name or service", "no route", "timed out", "not known"}))
        return tr("the host cannot be reached (%1)").arg(said);
    if (conditionName == QLatin1String("amqp:invalid-field"))
        return tr("the server refused a connection setting (%1)").arg(said);
    return tr("the connection ended: %1")
        .arg(conditionName.isEmpty() ? said : QStringLiteral("%1 (%2)").arg(said, conditionName));
}

} // namespace ConfigDeck::Cloud
