#include "AlinkCodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <cmath>

namespace ConfigDeck::Alink {

namespace {

const QString kVersion = QStringLiteral("1.0");
const QString kMethodGet = QStringLiteral("thing.config.get");
const QString kMethodPush = QStringLiteral("thing.config.push");

QString joinField(const QString& prefix, const QString& name)
{
    return prefix.isEmpty() ? name : prefix + QLatin1Char('.') + name;
}

bool isHex(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F')))
            return false;
    }
    return true;
}

// Reads fields of one JSON object with the codec's tolerance rules; the first problem wins.
class FieldReader
{
public:
    FieldReader(const QJsonObject& object, QString prefix)
        : m_object(object)
        , m_prefix(std::move(prefix))
    {
    }

    std::optional<AlinkError> error;

    bool has(QLatin1StringView name) const { return m_object.contains(name); }

    // A string; a JSON number is taken as its integer text when numberOk (ids, configId).
    QString string(QLatin1StringView name, bool required, bool numberOk = false)
    {
        if (error)
            return {};
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(name, AlinkCodec::tr("is missing"));
            return {};
        }
        if (value.isString())
            return value.toString();
        if (numberOk && value.isDouble()) {
            const double d = value.toDouble();
            if (d >= 0 && d <= 9007199254740991.0 && std::floor(d) == d)
                return QString::number(static_cast<qint64>(d));
            fail(name, AlinkCodec::tr("must be a whole non-negative number, got %1").arg(d));
            return {};
        }
        fail(name, AlinkCodec::tr("must be a string, got %1").arg(typeName(value)));
        return {};
    }

    // An integer; a string of digits is taken too ("code":"400").
    std::optional<qint64> integer(QLatin1StringView name, bool required)
    {
        if (error)
            return std::nullopt;
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(name, AlinkCodec::tr("is missing"));
            return std::nullopt;
        }
        if (value.isDouble()) {
            const double d = value.toDouble();
            if (std::floor(d) == d && std::abs(d) <= 9007199254740991.0)
                return static_cast<qint64>(d);
            fail(name, AlinkCodec::tr("must be a whole number, got %1").arg(d));
            return std::nullopt;
        }
        if (value.isString()) {
            bool ok = false;
            const qint64 n = value.toString().trimmed().toLongLong(&ok);
            if (ok)
                return n;
            fail(name, AlinkCodec::tr("must be a number, got \"%1\"").arg(value.toString()));
            return std::nullopt;
        }
        fail(name, AlinkCodec::tr("must be a number, got %1").arg(typeName(value)));
        return std::nullopt;
    }

    std::optional<QJsonObject> object(QLatin1StringView name, bool required)
    {
        if (error)
            return std::nullopt;
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(name, AlinkCodec::tr("is missing"));
            return std::nullopt;
        }
        if (!value.isObject()) {
            fail(name, AlinkCodec::tr("must be an object, got %1").arg(typeName(value)));
            return std::nullopt;
        }
        return value.toObject();
    }

    QString field(QLatin1StringView name) const { return joinField(m_prefix, name); }

    void fail(QLatin1StringView name, const QString& reason) { error = AlinkError{field(name), reason, -1}; }

    static QString typeName(const QJsonValue& value)
    {
        switch (value.type()) {
        case QJsonValue::Bool:
            return AlinkCodec::tr("a boolean");
        case QJsonValue::Double:
            return AlinkCodec::tr("a number");
        case QJsonValue::String:
            return AlinkCodec::tr("a string");
        case QJsonValue::Array:
            return AlinkCodec::tr("an array");
        case QJsonValue::Object:
            return AlinkCodec::tr("an object");
        default:
            return AlinkCodec::tr("null");
        }
    }

private:
    const QJsonObject& m_object;
    QString m_prefix;
};

Expected<QJsonObject> parseObject(QByteArrayView payload)
{
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(payload.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // iotkit-embedded 3.x answers a parse failure with `"id":1,"code":"400","data":{}`: no outer braces.
        const QByteArrayView trimmed = payload.trimmed();
        if (!trimmed.isEmpty() && trimmed.front() == '"') {
            QJsonParseError wrappedError;
            doc = QJsonDocument::fromJson("{" + trimmed.toByteArray() + "}", &wrappedError);
            if (wrappedError.error != QJsonParseError::NoError)
                doc = {};
        }
        if (doc.isNull()) {
            if (payload.isEmpty())
                return AlinkError{{}, AlinkCodec::tr("the payload is empty, not JSON"), -1};
            return AlinkError{
                {}, AlinkCodec::tr("not JSON (%1)").arg(parseError.errorString()), parseError.offset};
        }
    }
    if (!doc.isObject())
        return AlinkError{{}, AlinkCodec::tr("the payload is JSON but not an object"), -1};
    return doc.object();
}

// Envelope fields every message shares: id (required), version (optional, "1.0").
std::optional<AlinkError> readEnvelope(FieldReader& reader, QString& id)
{
    id = reader.string(QLatin1StringView("id"), true, true);
    if (reader.error)
        return reader.error;
    if (auto error = AlinkCodec::validateId(id))
        return error;
    if (reader.has(QLatin1StringView("version"))) {
        const QString version = reader.string(QLatin1StringView("version"), false, false);
        if (reader.error)
            return reader.error;
        if (version != kVersion)
            return AlinkError{QStringLiteral("version"),
                              AlinkCodec::tr("'%1' is not supported (expected \"1.0\")").arg(version), -1};
    }
    return std::nullopt;
}

std::optional<AlinkError> readMethod(FieldReader& reader, const QString& expected)
{
    if (!reader.has(QLatin1StringView("method")))
        return std::nullopt;
    const QString method = reader.string(QLatin1StringView("method"), false);
    if (reader.error)
        return reader.error;
    if (method != expected)
        return AlinkError{QStringLiteral("method"),
                          AlinkCodec::tr("is '%1', expected '%2'").arg(method, expected), -1};
    return std::nullopt;
}

// sys.ack: 1 = reply wanted (the default), 0 = none.
std::optional<AlinkError> readAck(FieldReader& reader, bool& replyWanted)
{
    replyWanted = true;
    const auto sys = reader.object(QLatin1StringView("sys"), false);
    if (reader.error)
        return reader.error;
    if (!sys)
        return std::nullopt;
    FieldReader sysReader(*sys, QStringLiteral("sys"));
    const auto ack = sysReader.integer(QLatin1StringView("ack"), false);
    if (sysReader.error)
        return sysReader.error;
    if (ack && *ack != 0 && *ack != 1)
        return AlinkError{QStringLiteral("sys.ack"), AlinkCodec::tr("must be 0 or 1, got %1").arg(*ack), -1};
    replyWanted = !ack || *ack == 1;
    return std::nullopt;
}

std::optional<AlinkError> readCode(FieldReader& reader, int& code)
{
    const auto value = reader.integer(QLatin1StringView("code"), true);
    if (reader.error)
        return reader.error;
    if (*value < std::numeric_limits<int>::min() || *value > std::numeric_limits<int>::max())
        return AlinkError{QStringLiteral("code"), AlinkCodec::tr("%1 is out of range").arg(*value), -1};
    code = static_cast<int>(*value);
    return std::nullopt;
}

Expected<ConfigFile> readConfigFile(const QJsonObject& object, const QString& prefix)
{
    FieldReader reader(object, prefix);
    ConfigFile file;
    file.configId = reader.string(QLatin1StringView("configId"), true, true);
    const auto size = reader.integer(QLatin1StringView("configSize"), true);
    file.sign = reader.string(QLatin1StringView("sign"), true);
    const QString method = reader.string(QLatin1StringView("signMethod"), true);
    file.url = reader.string(QLatin1StringView("url"), true);
    if (reader.has(QLatin1StringView("getType")))
        file.getType = reader.string(QLatin1StringView("getType"), false);
    if (reader.error)
        return *reader.error;
    file.configSize = *size;
    const auto signMethod = AlinkCodec::signMethodFromName(method);
    if (!signMethod)
        return AlinkError{joinField(prefix, QStringLiteral("signMethod")),
                          AlinkCodec::tr("'%1' is not a known sign method (expected Sha256)").arg(method),
                          -1};
    file.signMethod = *signMethod;
    if (auto error = AlinkCodec::validateConfigFile(file, prefix))
        return *error;
    return file;
}

QJsonObject writeConfigFile(const ConfigFile& file)
{
    return QJsonObject{
        {QStringLiteral("configId"), file.configId},
        {QStringLiteral("configSize"), file.configSize},
        {QStringLiteral("sign"), file.sign.toLower()},
        {QStringLiteral("signMethod"), AlinkCodec::signMethodName(file.signMethod)},
        {QStringLiteral("url"), file.url},
        {QStringLiteral("getType"), file.getType},
    };
}

QByteArray toBytes(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void writeAck(QJsonObject& object, bool replyWanted)
{
    if (!replyWanted)
        object.insert(QStringLiteral("sys"), QJsonObject{{QStringLiteral("ack"), 0}});
}

} // namespace

std::optional<AlinkError> AlinkCodec::validateId(const QString& id, const QString& field)
{
    if (id.isEmpty())
        return AlinkError{field, tr("is empty"), -1};
    if (id.size() > 10)
        return AlinkError{field, tr("'%1' is longer than 10 digits").arg(id), -1};
    for (const QChar c : id) {
        if (!c.isDigit() || c.unicode() > '9')
            return AlinkError{field, tr("'%1' is not a decimal number").arg(id), -1};
    }
    if (id.toULongLong() > kMaxId)
        return AlinkError{field, tr("%1 is above 4294967295").arg(id), -1};
    return std::nullopt;
}

std::optional<AlinkError> AlinkCodec::validateConfigFile(const ConfigFile& file, const QString& prefix)
{
    auto fail = [&prefix](const char* name, const QString& reason) {
        return AlinkError{joinField(prefix, QLatin1StringView(name)), reason, -1};
    };
    if (file.configId.trimmed().isEmpty())
        return fail("configId", tr("is empty"));
    if (file.configSize < 0)
        return fail("configSize", tr("is negative (%1)").arg(file.configSize));
    const qsizetype digestLength = file.signMethod == SignMethod::Sha256 ? 64 : 32;
    if (file.sign.size() != digestLength || !isHex(file.sign))
        return fail("sign", tr("must be %1 hex digits for %2, got \"%3\"")
                                .arg(digestLength)
                                .arg(signMethodName(file.signMethod), file.sign.left(80)));
    const QUrl url(file.url, QUrl::StrictMode);
    if (!url.isValid())
        return fail("url", tr("is not a valid URL: %1").arg(url.errorString()));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return fail("url", tr("must be http or https, got \"%1\"").arg(file.url.left(80)));
    if (url.host().isEmpty())
        return fail("url", tr("has no host"));
    if (file.getType != QLatin1String("file"))
        return fail("getType", tr("'%1' is not supported (expected \"file\")").arg(file.getType));
    return std::nullopt;
}

QString AlinkCodec::signMethodName(SignMethod method)
{
    return method == SignMethod::Md5 ? QStringLiteral("Md5") : QStringLiteral("Sha256");
}

std::optional<SignMethod> AlinkCodec::signMethodFromName(QStringView name)
{
    if (name.compare(QLatin1String("Sha256"), Qt::CaseInsensitive) == 0)
        return SignMethod::Sha256;
    if (name.compare(QLatin1String("Md5"), Qt::CaseInsensitive) == 0)
        return SignMethod::Md5;
    return std::nullopt;
}

// ---- encoding -------------------------------------------------------------------------------------------

Expected<QByteArray> AlinkCodec::encode(const ConfigGetRequest& message)
{
    if (auto error = validateId(message.id))
        return *error;
    if (message.configScope.isEmpty())
        return AlinkError{QStringLiteral("params.configScope"), tr("is empty"), -1};
    if (message.getType != QLatin1String("file"))
        return AlinkError{QStringLiteral("params.getType"),
                          tr("'%1' is not supported (expected \"file\")").arg(message.getType), -1};
    QJsonObject object{
        {QStringLiteral("id"), message.id},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("params"), QJsonObject{{QStringLiteral("configScope"), message.configScope},
                                               {QStringLiteral("getType"), message.getType}}},
        {QStringLiteral("method"), kMethodGet},
    };
    writeAck(object, message.replyWanted);
    return toBytes(object);
}

Expected<QByteArray> AlinkCodec::encode(const ConfigGetReply& message)
{
    if (auto error = validateId(message.id))
        return *error;
    QJsonObject object{
        {QStringLiteral("id"), message.id},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("code"), message.code},
    };
    if (message.code == 200) {
        if (!message.data)
            return AlinkError{QStringLiteral("data"), tr("is missing in a reply with code 200"), -1};
        if (auto error = validateConfigFile(*message.data, QStringLiteral("data")))
            return *error;
        object.insert(QStringLiteral("data"), writeConfigFile(*message.data));
    } else {
        object.insert(QStringLiteral("data"), QJsonObject{});
    }
    if (!message.message.isEmpty())
        object.insert(QStringLiteral("message"), message.message);
    return toBytes(object);
}

Expected<QByteArray> AlinkCodec::encode(const ConfigPush& message)
{
    if (auto error = validateId(message.id))
        return *error;
    if (auto error = validateConfigFile(message.params, QStringLiteral("params")))
        return *error;
    QJsonObject object{
        {QStringLiteral("id"), message.id},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("params"), writeConfigFile(message.params)},
        {QStringLiteral("method"), kMethodPush},
    };
    writeAck(object, message.replyWanted);
    return toBytes(object);
}

Expected<QByteArray> AlinkCodec::encode(const ConfigPushReply& message)
{
    if (auto error = validateId(message.id))
        return *error;
    QJsonObject object{
        {QStringLiteral("id"), message.id},
        {QStringLiteral("code"), message.code},
        {QStringLiteral("data"), QJsonObject{}},
    };
    if (!message.message.isEmpty())
        object.insert(QStringLiteral("message"), message.message);
    return toBytes(object);
}

Expected<QByteArray> AlinkCodec::encode(const ConfigMessage& message)
{
    return std::visit([](const auto& m) { return encode(m); }, message);
}

// ---- decoding -------------------------------------------------------------------------------------------

Expected<ConfigGetRequest> AlinkCodec::decodeGetRequest(QByteArrayView payload)
{
    const auto object = parseObject(payload);
    if (!object)
        return object.error();
    FieldReader reader(*object, {});
    ConfigGetRequest message;
    if (auto error = readEnvelope(reader, message.id))
        return *error;
    if (auto error = readMethod(reader, kMethodGet))
        return *error;
    if (auto error = readAck(reader, message.replyWanted))
        return *error;
    // params is what the SDKs always send; a bare request means the defaults.
    const auto params = reader.object(QLatin1StringView("params"), false);
    if (reader.error)
        return *reader.error;
    if (params) {
        FieldReader paramsReader(*params, QStringLiteral("params"));
        if (paramsReader.has(QLatin1StringView("configScope")))
            message.configScope = paramsReader.string(QLatin1StringView("configScope"), false);
        if (paramsReader.has(QLatin1StringView("getType")))
            message.getType = paramsReader.string(QLatin1StringView("getType"), false);
        if (paramsReader.error)
            return *paramsReader.error;
        if (message.configScope.isEmpty())
            return AlinkError{QStringLiteral("params.configScope"), tr("is empty"), -1};
        if (message.getType != QLatin1String("file"))
            return AlinkError{QStringLiteral("params.getType"),
                              tr("'%1' is not supported (expected \"file\")").arg(message.getType), -1};
    }
    return message;
}

Expected<ConfigGetReply> AlinkCodec::decodeGetReply(QByteArrayView payload)
{
    const auto object = parseObject(payload);
    if (!object)
        return object.error();
    FieldReader reader(*object, {});
    ConfigGetReply message;
    if (auto error = readEnvelope(reader, message.id))
        return *error;
    if (auto error = readCode(reader, message.code))
        return *error;
    message.message = reader.string(QLatin1StringView("message"), false);
    const auto data = reader.object(QLatin1StringView("data"), message.code == 200);
    if (reader.error)
        return *reader.error;
    if (message.code == 200) {
        auto file = readConfigFile(*data, QStringLiteral("data"));
        if (!file)
            return file.error();
        message.data = std::move(file).value();
    }
    return message;
}

Expected<ConfigPush> AlinkCodec::decodePush(QByteArrayView payload)
{
    const auto object = parseObject(payload);
    if (!object)
        return object.error();
    FieldReader reader(*object, {});
    ConfigPush message;
    if (auto error = readEnvelope(reader, message.id))
        return *error;
    if (auto error = readMethod(reader, kMethodPush))
        return *error;
    if (auto error = readAck(reader, message.replyWanted))
        return *error;
    const auto params = reader.object(QLatin1StringView("params"), true);
    if (reader.error)
        return *reader.error;
    auto file = readConfigFile(*params, QStringLiteral("params"));
    if (!file)
        return file.error();
    message.params = std::move(file).value();
    return message;
}

Expected<ConfigPushReply> AlinkCodec::decodePushReply(QByteArrayView payload)
{
    const auto object = parseObject(payload);
    if (!object)
        return object.error();
    FieldReader reader(*object, {});
    ConfigPushReply message;
    if (auto error = readEnvelope(reader, message.id))
        return *error;
    if (auto error = readCode(reader, message.code))
        return *error;
    message.message = reader.string(QLatin1StringView("message"), false);
    reader.object(QLatin1StringView("data"), false); // optional, but an object when present
    if (reader.error)
        return *reader.error;
    return message;
}

Expected<ConfigMessage> AlinkCodec::decode(TopicKind kind, QByteArrayView payload)
{
    auto widen = [](auto result) -> Expected<ConfigMessage> {
        if (!result)
            return result.error();
        return ConfigMessage(std::move(result).value());
    };
    switch (kind) {
    case TopicKind::ConfigGet:
        return widen(decodeGetRequest(payload));
    case TopicKind::ConfigGetReply:
        return widen(decodeGetReply(payload));
    case TopicKind::ConfigPush:
        return widen(decodePush(payload));
    case TopicKind::ConfigPushReply:
    case TopicKind::DownlinkReplyMessage:
        return widen(decodePushReply(payload));
    }
    Q_UNREACHABLE();
}

} // namespace ConfigDeck::Alink
