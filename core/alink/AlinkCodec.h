#pragma once

#include "AlinkError.h"
#include "ConfigMessages.h"
#include "Topic.h"

#include <QByteArray>
#include <QByteArrayView>

namespace ConfigDeck::Alink {

// The one Alink JSON codec. Strict on what it sends: string ids, version "1.0", exact field names and
// types, and a value that would not pass our own decoder is refused before it goes out. Tolerant on what it
// reads (numeric or string id and code, missing version, the brace-less payload of iotkit-embedded 3.x),
// and otherwise an AlinkError that names the field and what is wrong.
class AlinkCodec
{
    Q_DECLARE_TR_FUNCTIONS(AlinkCodec)

public:
    static Expected<QByteArray> encode(const ConfigGetRequest& message);
    static Expected<QByteArray> encode(const ConfigGetReply& message);
    static Expected<QByteArray> encode(const ConfigPush& message);
    static Expected<QByteArray> encode(const ConfigPushReply& message);
    static Expected<QByteArray> encode(const ConfigMessage& message);

    static Expected<ConfigGetRequest> decodeGetRequest(QByteArrayView payload);
    static Expected<ConfigGetReply> decodeGetReply(QByteArrayView payload);
    static Expected<ConfigPush> decodePush(QByteArrayView payload);
    static Expected<ConfigPushReply> decodePushReply(QByteArrayView payload);

    // Decodes the message type that travels on a topic of this kind (the data-exchange topic carries
    // push replies).
    static Expected<ConfigMessage> decode(TopicKind kind, QByteArrayView payload);

    // The checks both directions share.
    static std::optional<AlinkError> validateId(const QString& id,
                                                const QString& field = QStringLiteral("id"));
    static std::optional<AlinkError> validateConfigFile(const ConfigFile& file, const QString& prefix);

    static QString signMethodName(SignMethod method);
    static std::optional<SignMethod> signMethodFromName(QStringView name);

    static constexpr quint32 kMaxId = 4294967295u;
};

} // namespace ConfigDeck::Alink
