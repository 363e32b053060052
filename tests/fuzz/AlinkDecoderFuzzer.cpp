// libFuzzer target: every decoder on arbitrary bytes must return a value or an error, never crash, and a
// value it returns must encode again (what we accept, we can send).
#include "alink/AlinkCodec.h"
#include "alink/Topic.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace ConfigDeck::Alink;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    for (auto kind : {TopicKind::ConfigGet, TopicKind::ConfigGetReply, TopicKind::ConfigPush,
                      TopicKind::ConfigPushReply}) {
        const auto decoded = AlinkCodec::decode(kind, bytes);
        if (decoded) {
            if (!AlinkCodec::encode(*decoded))
                std::abort();
        } else if (decoded.error().message().isEmpty()) {
            std::abort();
        }
    }
    const auto topic = Topic::parse(QString::fromUtf8(bytes));
    if (topic && Topic::parse(topic->toString())->toString() != topic->toString())
        std::abort();
    return 0;
}
