#include "SessionSettings.h"

#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"
#include "transfer/TlsIdentity.h"
#include "transport/BrokerAddress.h"

#include <QFileInfo>
#include <QHostAddress>

namespace ConfigDeck::Session {

namespace {
const QString kMode = QStringLiteral("session/mode");
const QString kBrokerUrl = QStringLiteral("session/brokerUrl");
const QString kTls = QStringLiteral("session/tls");
const QString kCaFile = QStringLiteral("session/caFile");
const QString kUsername = QStringLiteral("session/username");
const QString kPassword = QStringLiteral("session/passwordSealed");
const QString kFileHost = QStringLiteral("session/fileServerHost");
const QString kFilePort = QStringLiteral("session/fileServerPort");
const QString kFileCertificate = QStringLiteral("session/fileServerCertificate");
const QString kFileKey = QStringLiteral("session/fileServerKey");
const QString kLimits = QStringLiteral("session/alibabaLimits");
// Associated data of the sealed broker password, so a sealed device secret cannot stand in for it.
constexpr QByteArrayView kPasswordAad = "configdeck/session/brokerPassword";
} // namespace

QString SessionSettings::modeName(SessionMode mode)
{
    return mode == SessionMode::Demo ? tr("Demo") : tr("Platform on a broker");
}

Alink::Expected<SessionSettings> SessionSettings::load(const Store::Workspace& workspace)
{
    const SessionSettings defaults;
    std::optional<Alink::AlinkError> failed;
    auto value = [&](const QString& key, const QString& defaultValue = {}) {
        auto read = workspace.settings().value(key, defaultValue);
        if (!read) {
            failed = read.error();
            return QString();
        }
        return *read;
    };
    SessionSettings settings;
    settings.mode = value(kMode) == QLatin1StringView("broker") ? SessionMode::Broker : SessionMode::Demo;
    settings.brokerUrl = value(kBrokerUrl, defaults.brokerUrl);
    settings.tls = value(kTls) == QLatin1StringView("1");
    settings.caFile = value(kCaFile);
    settings.username = value(kUsername);
    settings.fileServerHost = value(kFileHost, defaults.fileServerHost);
    settings.fileServerPort = quint16(value(kFilePort, QStringLiteral("0")).toUInt());
    settings.fileServerCertificate = value(kFileCertificate);
    settings.fileServerKey = value(kFileKey);
    settings.alibabaLimits = value(kLimits) == QLatin1StringView("1");
    const QByteArray sealed = QByteArray::fromBase64(value(kPassword).toLatin1());
    if (failed)
        return *failed;
    if (const auto sealer = workspace.keys().sealer(); !sealed.isEmpty() && sealer) {
        if (auto opened = sealer->open(sealed, kPasswordAad))
            settings.password = QString::fromUtf8(*opened);
    }
    if (auto split = settings.withCredentialsFromUrl()) // an address stored with credentials before
        return std::move(*split);
    return settings;
}

Alink::Expected<SessionSettings> SessionSettings::withCredentialsFromUrl() const
{
    const auto split = Transport::BrokerAddress::splitCredentials(brokerUrl);
    if (!split.hasUserInfo)
        return *this;
    if (!username.isEmpty() && !split.username.isEmpty() && username != split.username)
        return Alink::AlinkError{QStringLiteral("username"),
                                 tr("the broker address names the user '%1' but the User name field says "
                                    "'%2': keep one")
                                     .arg(split.username, username),
                                 -1};
    if (!password.isEmpty() && !split.password.isEmpty() && password != split.password)
        return Alink::AlinkError{QStringLiteral("password"),
                                 tr("the broker address holds a password other than the Password field's: "
                                    "keep one"),
                                 -1};
    SessionSettings result = *this;
    result.brokerUrl = split.address;
    if (result.username.isEmpty())
        result.username = split.username;
    if (result.password.isEmpty())
        result.password = split.password;
    return result;
}

std::optional<Alink::AlinkError> SessionSettings::validate() const
{
    if (mode == SessionMode::Broker) {
        if (auto split = withCredentialsFromUrl(); !split)
            return split.error();
        auto options = Transport::BrokerAddress::parse(brokerUrl);
        if (!options)
            return Alink::AlinkError{QStringLiteral("brokerUrl"), options.error().message(), -1};
        if (!password.isEmpty() && username.isEmpty())
            return Alink::AlinkError{QStringLiteral("username"), tr("a password needs a user name"), -1};
        if (tls && !caFile.isEmpty() && !QFileInfo(caFile).isReadable())
            return Alink::AlinkError{QStringLiteral("caFile"),
                                     tr("the CA file '%1' cannot be read").arg(caFile), -1};
        if (fileServerCertificate.isEmpty() != fileServerKey.isEmpty())
            return Alink::AlinkError{fileServerCertificate.isEmpty() ? QStringLiteral("fileServerCertificate")
                                                                     : QStringLiteral("fileServerKey"),
                                     tr("HTTPS for the file server needs both a certificate and its key"),
                                     -1};
        if (!fileServerCertificate.isEmpty()) {
            auto identity = Transfer::TlsIdentity::fromPemFiles(fileServerCertificate, fileServerKey);
            if (!identity) // the error names the file at fault
                return Alink::AlinkError{identity.error().field == fileServerKey
                                             ? QStringLiteral("fileServerKey")
                                             : QStringLiteral("fileServerCertificate"),
                                         identity.error().message(), -1};
        }
    }
    if (fileServerHost.trimmed().isEmpty())
        return Alink::AlinkError{QStringLiteral("fileServerHost"), tr("the file-server address is empty"),
                                 -1};
    if (QHostAddress(fileServerHost).isNull())
        return Alink::AlinkError{QStringLiteral("fileServerHost"),
                                 tr("'%1' is not an IP address to listen on").arg(fileServerHost), -1};
    return std::nullopt;
}

Store::Status SessionSettings::save(Store::Workspace& workspace) const
{
    if (Transport::BrokerAddress::splitCredentials(brokerUrl).hasUserInfo) {
        const auto split = withCredentialsFromUrl();
        if (!split)
            return split.error();
        return split->save(workspace);
    }
    if (auto error = validate())
        return *error;
    QString sealedPassword;
    if (!password.isEmpty()) {
        const auto sealer = workspace.keys().sealer();
        if (!sealer)
            return Store::KeyStore::lockedError();
        sealedPassword = QString::fromLatin1(sealer->seal(password.toUtf8(), kPasswordAad).toBase64());
    }
    const QList<std::pair<QString, QString>> values = {
        {kMode, mode == SessionMode::Broker ? QStringLiteral("broker") : QStringLiteral("demo")},
        {kBrokerUrl, brokerUrl},
        {kTls, tls ? QStringLiteral("1") : QStringLiteral("0")},
        {kCaFile, caFile},
        {kUsername, username},
        {kPassword, sealedPassword},
        {kFileHost, fileServerHost},
        {kFilePort, QString::number(fileServerPort)},
        {kFileCertificate, fileServerCertificate},
        {kFileKey, fileServerKey},
        {kLimits, alibabaLimits ? QStringLiteral("1") : QStringLiteral("0")},
    };
    for (const auto& [key, value] : values) {
        if (auto status = workspace.settings().setValue(key, value); !status)
            return status;
    }
    return Store::ok();
}

} // namespace ConfigDeck::Session
