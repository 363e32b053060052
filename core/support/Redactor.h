#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace ConfigDeck::Support {

// Takes credentials out of what goes into a support bundle:
// - every known secret (DeviceSecrets, the broker password) wherever it occurs, as raw bytes;
// - the value of every secret-looking key (password, secret, token, passphrase, credential, signature,
//   access/private/api key) in JSON and in "key = value" text;
// - in every URL, the password of its user info, its fragment and each query value except an expiry
//   (pre-signed URLs are credentials until they expire): the scheme, host, port and path stay, so the
//   reader still sees where a file was fetched from and when the URL stopped working.
// Redacted values read "<redacted>". Not thread-safe (counts its redactions).
class Redactor final
{
public:
    static constexpr QLatin1StringView kRedacted{"<redacted>"};

    // Secrets shorter than this are not scrubbed as raw bytes (a 1-byte "secret" would shred everything);
    // real DeviceSecrets are 32 characters.
    static constexpr qsizetype kMinimumSecretLength = 4;

    void addSecret(const QByteArray& secret);
    const QList<QByteArray>& secrets() const { return m_secrets; }

    // Replaces every known secret (also percent-encoded) in the bytes.
    QByteArray scrub(QByteArray bytes);
    // A parsed JSON value: secret-looking keys get "<redacted>", every string is redacted as text.
    QJsonValue redactJson(const QJsonValue& value);
    // Free text (a truncated payload, a configuration file): URLs, secret-looking "key": value and
    // key = value pairs, known secrets. Everything else stays byte for byte, so diffs stay readable.
    QString redactText(const QString& text);
    QByteArray redactText(const QByteArray& utf8) { return redactText(QString::fromUtf8(utf8)).toUtf8(); }

    // One URL (also "https:\/\/..." as JSON escapes it).
    QString redactUrl(const QString& url);

    static bool isSecretKey(QStringView key);
    // How many values were redacted so far.
    int count() const { return m_count; }

private:
    QString scrubText(QString text);

    QList<QByteArray> m_secrets;
    int m_count = 0;
};

} // namespace ConfigDeck::Support
