#include "WorkspaceLocation.h"

#include <QUrl>
#include <QUrlQuery>

namespace ConfigDeck::Store {

using Alink::AlinkError;
using Alink::Expected;

namespace {
const QStringList kSslModes{QStringLiteral("disable"),   QStringLiteral("allow"),
                            QStringLiteral("prefer"),    QStringLiteral("require"),
                            QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
constexpr int kConnectTimeoutSeconds = 10;
} // namespace

bool WorkspaceLocation::isDatabaseUrl(const QString& text)
{
    return text.startsWith(QLatin1StringView("postgresql://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1StringView("postgres://"), Qt::CaseInsensitive);
}

Expected<WorkspaceLocation> WorkspaceLocation::parse(const QString& text)
{
    WorkspaceLocation location;
    if (!isDatabaseUrl(text)) {
        if (text.trimmed().isEmpty())
            return AlinkError{QStringLiteral("location"), tr("No workspace file or database was given."), -1};
        location.m_filePath = text;
        return location;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return AlinkError{
            QStringLiteral("url"),
            tr("“%1” is not a valid database URL: %2").arg(text.section(u'@', -1), url.errorString()), -1};
    location.m_database = true;
    location.m_host = url.host();
    location.m_port = url.port(kDefaultPort);
    location.m_user = url.userName();
    location.m_password = url.password();
    location.m_databaseName = url.path().mid(1);
    if (location.m_host.isEmpty())
        return AlinkError{QStringLiteral("host"), tr("The database URL names no host."), -1};
    if (location.m_databaseName.isEmpty() || location.m_databaseName.contains(u'/'))
        return AlinkError{QStringLiteral("database"),
                          tr("The database URL names no database (postgresql://user@host:port/database)."),
                          -1};
    if (location.m_user.isEmpty())
        return AlinkError{QStringLiteral("user"),
                          tr("The database URL names no user (postgresql://user@host/…)."), -1};
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"sslmode") {
            if (!kSslModes.contains(value))
                return AlinkError{
                    QStringLiteral("sslmode"),
                    tr("Unknown sslmode “%1”: use one of %2.").arg(value, kSslModes.join(u", ")), -1};
            location.m_sslMode = value;
        } else if (key == u"sslrootcert") {
            location.m_sslRootCert = value;
        } else {
            return AlinkError{
                key, tr("Unknown database URL option “%1”: only sslmode and sslrootcert are taken.").arg(key),
                -1};
        }
    }
    return location;
}

QString WorkspaceLocation::url() const
{
    if (!m_database)
        return m_filePath;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(m_user);
    url.setHost(m_host);
    url.setPort(m_port);
    url.setPath(u'/' + m_databaseName);
    QUrlQuery query;
    if (!m_sslMode.isEmpty())
        query.addQueryItem(QStringLiteral("sslmode"), m_sslMode);
    if (!m_sslRootCert.isEmpty())
        query.addQueryItem(QStringLiteral("sslrootcert"), m_sslRootCert);
    url.setQuery(query);
    // Encoded, so that what it gives parses again (a CA file's path may hold spaces).
    return url.toString(QUrl::FullyEncoded);
}

QString WorkspaceLocation::connectOptions() const
{
    // libpq's key=value options, values quoted (a certificate path may hold spaces).
    auto quoted = [](QString value) {
        value.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        return u'\'' + value + u'\'';
    };
    QStringList options{QStringLiteral("connect_timeout=%1").arg(kConnectTimeoutSeconds),
                        QStringLiteral("application_name=ConfigDeck")};
    if (!m_sslMode.isEmpty())
        options.append(QStringLiteral("sslmode=") + m_sslMode);
    if (!m_sslRootCert.isEmpty())
        options.append(QStringLiteral("sslrootcert=") + quoted(m_sslRootCert));
    return options.join(u' ');
}

} // namespace ConfigDeck::Store
