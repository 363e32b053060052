#pragma once

#include <QString>

#include <optional>
#include <variant>

namespace ConfigDeck::Alink {

enum class SignMethod
{
    Sha256, // "Sha256" on the wire; the 4.x SDK also accepts "SHA256"
    Md5,    // accepted by the 3.x SDK only; read, never the default
};

// What a device needs to fetch one configuration: the data of a get_reply, the params of a push.
struct ConfigFile
{
    QString configId;
    qint64 configSize = 0; // bytes
    QString sign;          // hex digest of the file's raw bytes, lowercase when we send it
    SignMethod signMethod = SignMethod::Sha256;
    QString url; // pre-signed http(s) URL
    QString getType = QStringLiteral("file");

    bool operator==(const ConfigFile&) const = default;
};

// device -> platform, thing/config/get
struct ConfigGetRequest
{
    QString id;
    QString configScope = QStringLiteral("product");
    QString getType = QStringLiteral("file");
    bool replyWanted = true; // sys.ack

    bool operator==(const ConfigGetRequest&) const = default;
};

// platform -> device, thing/config/get_reply; data only with code 200
struct ConfigGetReply
{
    QString id;
    int code = 200;
    std::optional<ConfigFile> data;
    QString message;

    bool operator==(const ConfigGetReply&) const = default;
};

// platform -> device, thing/config/push
struct ConfigPush
{
    QString id;
    ConfigFile params;
    bool replyWanted = true; // sys.ack

    bool operator==(const ConfigPush&) const = default;
};

// device -> platform, thing/config/push_reply (and forwarded on the data-exchange topic)
struct ConfigPushReply
{
    QString id;
    int code = 200;
    QString message;

    bool operator==(const ConfigPushReply&) const = default;
};

using ConfigMessage = std::variant<ConfigGetRequest, ConfigGetReply, ConfigPush, ConfigPushReply>;

} // namespace ConfigDeck::Alink
