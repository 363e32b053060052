// Encode and decode throughput of the Alink codec on realistic messages, against QJsonDocument::fromJson of
// the same bytes in the same run (the floor any JSON-based decoder stands on).
#include "alink/AlinkCodec.h"
#include "alink/MessageIdGenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <cstdio>
#include <functional>

using namespace ConfigDeck::Alink;

namespace {

double messagesPerSecond(int count, const std::function<void(int)>& work)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i)
        work(i);
    return count / (timer.nsecsElapsed() / 1e9);
}

ConfigFile realisticFile()
{
    ConfigFile file;
    file.configId = QStringLiteral("f3a9c0e1b2d44c7e");
    file.configSize = 48213;
    file.sign = QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    file.url = QStringLiteral(
        "https://iotx-config.oss-cn-shanghai.aliyuncs.com/a1Pk/config.json?Expires=1502955804&OSSAccessKeyId="
        "XXXXXXXXXXXXXXXXXXXX&Signature=XfgJu7P6DWWejstKJgXJEH0qAKU%3D&security-token="
        "CAISuQJ1q6Ft5B2yfSjIpK6MGsyN1"
        "Jx5jo6mVnfBglIPTvlvt5D50Tz2IHtIf3NpAusdsv03nWxT7v4flqFyTINVAEvYZJOPKGrGR0DzDbDasumZsJbo4f%"
        "2FMQBqEaXPS2M");
    return file;
}

void row(const char* name, int bytes, double ours, double baseline)
{
    std::printf("%-22s %6d B  %10.0f msg/s  %10.0f msg/s  %5.2f\n", name, bytes, ours, baseline,
                ours / baseline);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 200000;
    MessageIdGenerator ids(1);

    const QByteArray getRequest = *AlinkCodec::encode(ConfigGetRequest{QStringLiteral("123")});
    const QByteArray getReply =
        *AlinkCodec::encode(ConfigGetReply{QStringLiteral("123"), 200, realisticFile(), {}});
    const QByteArray push = *AlinkCodec::encode(ConfigPush{QStringLiteral("124"), realisticFile(), true});
    const QByteArray pushReply = *AlinkCodec::encode(ConfigPushReply{QStringLiteral("124"), 200, {}});

    std::printf("Alink codec, %d messages per row (baseline: QJsonDocument::fromJson of the same bytes)\n",
                count);
    std::printf("%-22s %8s  %16s  %16s  %5s\n", "message", "size", "ours", "baseline", "ratio");

    auto parseOnly = [](const QByteArray& bytes) {
        return [&bytes](int) {
            volatile bool ok = QJsonDocument::fromJson(bytes).isObject();
            (void)ok;
        };
    };
    row("decode get", int(getRequest.size()),
        messagesPerSecond(count,
                          [&](int) {
                              volatile bool ok = bool(AlinkCodec::decodeGetRequest(getRequest));
                              (void)ok;
                          }),
        messagesPerSecond(count, parseOnly(getRequest)));
    row("decode get_reply", int(getReply.size()),
        messagesPerSecond(count,
                          [&](int) {
                              volatile bool ok = bool(AlinkCodec::decodeGetReply(getReply));
                              (void)ok;
                          }),
        messagesPerSecond(count, parseOnly(getReply)));
    row("decode push", int(push.size()),
        messagesPerSecond(count,
                          [&](int) {
                              volatile bool ok = bool(AlinkCodec::decodePush(push));
                              (void)ok;
                          }),
        messagesPerSecond(count, parseOnly(push)));
    row("decode push_reply", int(pushReply.size()),
        messagesPerSecond(count,
                          [&](int) {
                              volatile bool ok = bool(AlinkCodec::decodePushReply(pushReply));
                              (void)ok;
                          }),
        messagesPerSecond(count, parseOnly(pushReply)));

    // Encoding's baseline: serialising an already-built QJsonDocument of the same message.
    const QJsonDocument pushDoc = QJsonDocument::fromJson(push);
    const QJsonDocument replyDoc = QJsonDocument::fromJson(pushReply);
    const ConfigFile file = realisticFile();
    row("encode push", int(push.size()),
        messagesPerSecond(
            count,
            [&](int) {
                volatile auto n = AlinkCodec::encode(ConfigPush{ids.next(), file, true})->size();
                (void)n;
            }),
        messagesPerSecond(count, [&](int) {
            volatile auto n = pushDoc.toJson(QJsonDocument::Compact).size();
            (void)n;
        }));
    row("encode push_reply", int(pushReply.size()),
        messagesPerSecond(
            count,
            [&](int) {
                volatile auto n = AlinkCodec::encode(ConfigPushReply{ids.next(), 200, {}})->size();
                (void)n;
            }),
        messagesPerSecond(count, [&](int) {
            volatile auto n = replyDoc.toJson(QJsonDocument::Compact).size();
            (void)n;
        }));
    std::printf("ratio = ours / baseline (1.00 = as fast as parsing or serialising alone)\n");
    return 0;
}
