#include "Redactor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

namespace ConfigDeck::Support {

namespace {

// Query parameters that only say when a pre-signed URL expires; kept (when they hold a time) because
// "the URL had expired" is a common answer.
bool isExpiryParameter(const QString& name)
{
    static const QStringList names = {QStringLiteral("expires"), QStringLiteral("x-amz-expires"),
                                      QStringLiteral("x-amz-date"), QStringLiteral("x-oss-expires"),
                                      QStringLiteral("x-oss-date")};
    return names.contains(QUrl::fromPercentEncoding(name.toUtf8()).toLower());
}

bool looksLikeTime(const QString& value)
{
    static const QRegularExpression time(QStringLiteral("^[0-9TZ:+.\\-]{1,32}$"));
    return time.match(value).hasMatch();
}

// JSON escapes a URL may still carry when it is found in raw text: "\/" and "\u0026".
QString unescapeJson(const QString& text)
{
    if (!text.contains(QLatin1Char('\\')))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            const QChar next = text.at(i + 1);
            if (next == QLatin1Char('/')) {
                out += next;
                ++i;
                continue;
            }
            if (next == QLatin1Char('u') && i + 5 < text.size()) {
                bool ok = false;
                const ushort code = text.mid(i + 2, 4).toUShort(&ok, 16);
                if (ok) {
                    out += QChar(code);
                    i += 5;
                    continue;
                }
            }
        }
        out += c;
    }
    return out;
}

} // namespace

void Redactor::addSecret(const QByteArray& secret)
{
    if (secret.size() >= kMinimumSecretLength && !m_secrets.contains(secret))
        m_secrets.append(secret);
}

bool Redactor::isSecretKey(QStringView key)
{
    static const QStringList words = {
        QStringLiteral("password"),   QStringLiteral("passwd"),     QStringLiteral("pwd"),
        QStringLiteral("secret"),     QStringLiteral("passphrase"), QStringLiteral("token"),
        QStringLiteral("credential"), QStringLiteral("signature"),  QStringLiteral("accesskey"),
        QStringLiteral("privatekey"), QStringLiteral("apikey"),     QStringLiteral("authorization"),
    };
    QString folded;
    folded.reserve(key.size());
    for (const QChar c : key) {
        if (c.isLetterOrNumber())
            folded += c.toLower();
    }
    for (const QString& word : words) {
        if (folded.contains(word))
            return true;
    }
    return false;
}

QByteArray Redactor::scrub(QByteArray bytes)
{
    for (const QByteArray& secret : std::as_const(m_secrets)) {
        const QByteArray encoded = QUrl::toPercentEncoding(QString::fromUtf8(secret));
        for (const QByteArray& form : {secret, encoded}) {
            if (const qsizetype n = bytes.count(form); n > 0) {
                bytes.replace(form, QByteArray(kRedacted.data(), kRedacted.size()));
                m_count += int(n);
            }
            if (encoded == secret)
                break;
        }
    }
    return bytes;
}

QString Redactor::scrubText(QString text)
{
    for (const QByteArray& secret : std::as_const(m_secrets)) {
        const QString plain = QString::fromUtf8(secret);
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(plain));
        for (const QString& form : {plain, encoded}) {
            if (const qsizetype n = text.count(form); n > 0) {
                text.replace(form, kRedacted);
                m_count += int(n);
            }
            if (encoded == plain)
                break;
        }
    }
    return text;
}

QString Redactor::redactUrl(const QString& url)
{
    const QString text = unescapeJson(url);
    // Without a scheme ("user:password@host:1883", as broker addresses are written) it starts at once.
    const qsizetype schemeEnd = text.indexOf(QStringLiteral("://"));
    const qsizetype restStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
    bool changed = false;
    QString rest = text.mid(restStart);

    QString fragment;
    if (const qsizetype hash = rest.indexOf(QLatin1Char('#')); hash >= 0) {
        fragment = rest.mid(hash + 1);
        rest.truncate(hash);
    }
    QString query;
    bool hasQuery = false;
    if (const qsizetype mark = rest.indexOf(QLatin1Char('?')); mark >= 0) {
        query = rest.mid(mark + 1);
        rest.truncate(mark);
        hasQuery = true;
    }
    // Authority: "user:password@host:port".
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    QString authority = slash >= 0 ? rest.left(slash) : rest;
    const QString path = slash >= 0 ? rest.mid(slash) : QString();
    if (const qsizetype at = authority.lastIndexOf(QLatin1Char('@')); at >= 0) {
        const QString userInfo = authority.left(at);
        if (const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
            colon >= 0 && userInfo.mid(colon + 1) != kRedacted) {
            authority = userInfo.left(colon + 1) + kRedacted + authority.mid(at);
            changed = true;
        }
    }

    QStringList parameters;
    if (hasQuery) {
        const QStringList items = query.split(QLatin1Char('&'));
        for (const QString& item : items) {
            if (item.isEmpty()) {
                parameters << item;
                continue;
            }
            const qsizetype equals = item.indexOf(QLatin1Char('='));
            const QString name = equals >= 0 ? item.left(equals) : QString();
            const QString value = equals >= 0 ? item.mid(equals + 1) : item;
            if (equals >= 0 && isExpiryParameter(name) && looksLikeTime(value)) {
                parameters << item;
            } else if (value == kRedacted || (equals >= 0 && value.isEmpty())) {
                parameters << item;
            } else {
                parameters << (equals >= 0 ? name + QLatin1Char('=') + kRedacted : QString(kRedacted));
                changed = true;
            }
        }
    }

    QString result = text.left(restStart) + authority + path;
    if (hasQuery)
        result += QLatin1Char('?') + parameters.join(QLatin1Char('&'));
    if (!fragment.isEmpty()) {
        result += QLatin1Char('#') + kRedacted;
        changed = changed || fragment != kRedacted;
    }
    if (changed)
        ++m_count;
    return scrubText(result);
}

QString Redactor::redactText(const QString& input)
{
    // "key": "value" or "key": value (JSON, also truncated: the closing quote may be missing).
    static const QRegularExpression jsonPair(
        QStringLiteral(R"re("((?:[^"\\\n]|\\.){1,200})"(\s*:\s*)("(?:[^"\\\n]|\\.)*"?|[^\s,}\]"]+))re"));
    // key = value, key: value (INI, YAML, properties), at the start of a line.
    static const QRegularExpression linePair(
        QStringLiteral(R"re(^([ \t]*)([A-Za-z0-9_.\-]{1,200})([ \t]*[=:][ \t]*)([^\r\n]*?)([ \t]*\r?)$)re"),
        QRegularExpression::MultilineOption);
    // Any URL, also with JSON-escaped slashes.
    static const QRegularExpression urlPattern(
        QStringLiteral(R"re([A-Za-z][A-Za-z0-9+.\-]*:(?:\\?/){2}(?:[^\s"'<>]|<redacted>)+)re"));
    // user:password@host without a scheme (a broker address as operators write it); not inside a URL.
    static const QRegularExpression schemelessUserInfo(QStringLiteral(
        R"re((?<![A-Za-z0-9+.\-_~%/:@])([A-Za-z0-9._~%!$&'()*+,;=\-]+):([^\s"'<>/@]+)@(?=[A-Za-z0-9\[]))re"));

    QString text = input;
    auto replaceAll = [&](const QRegularExpression& pattern, auto&& replacement) {
        QString out;
        qsizetype last = 0;
        auto matches = pattern.globalMatch(text);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            out += QStringView(text).mid(last, match.capturedStart() - last);
            out += replacement(match);
            last = match.capturedEnd();
        }
        if (last == 0)
            return;
        out += QStringView(text).mid(last);
        text = out;
    };

    replaceAll(jsonPair, [this](const QRegularExpressionMatch& match) {
        const QString value = match.captured(3);
        if (!isSecretKey(match.capturedView(1)) || value == QLatin1Char('"') + kRedacted + QLatin1Char('"') ||
            value == QStringLiteral("null"))
            return match.captured(0);
        ++m_count;
        return QLatin1Char('"') + match.captured(1) + QLatin1Char('"') + match.captured(2) +
               QLatin1Char('"') + kRedacted + QLatin1Char('"');
    });
    replaceAll(linePair, [this](const QRegularExpressionMatch& match) {
        const QString value = match.captured(4);
        if (!isSecretKey(match.capturedView(2)) || value.isEmpty() || value == kRedacted)
            return match.captured(0);
        ++m_count;
        return match.captured(1) + match.captured(2) + match.captured(3) + kRedacted + match.captured(5);
    });
    replaceAll(urlPattern,
               [this](const QRegularExpressionMatch& match) { return redactUrl(match.captured(0)); });
    replaceAll(schemelessUserInfo, [this](const QRegularExpressionMatch& match) {
        ++m_count;
        return match.captured(1) + QLatin1Char(':') + kRedacted + QLatin1Char('@');
    });
    return scrubText(text);
}

QJsonValue Redactor::redactJson(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QJsonValue child = it.value();
            if (isSecretKey(it.key()) && !child.isNull() && child != QJsonValue(kRedacted)) {
                ++m_count;
                it.value() = QJsonValue(kRedacted);
            } else {
                it.value() = redactJson(child);
            }
        }
        return object;
    }
    case QJsonValue::Array: {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = redactJson(QJsonValue(*it));
        return array;
    }
    case QJsonValue::String:
        return redactText(value.toString());
    default:
        return value;
    }
}

} // namespace ConfigDeck::Support
