#include "alink/AlinkCodec.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ConfigDeck::Alink;

namespace {

const QString kSign = QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

ConfigFile sampleFile()
{
    ConfigFile file;
    file.configId = QStringLiteral("123dagdah");
    file.configSize = 1234565;
    file.sign = kSign;
    file.url = QStringLiteral("https://iotx-config.oss-cn-shanghai.aliyuncs.com/cfg.json?Expires=1502955804"
                              "&OSSAccessKeyId=XXXX&Signature=XfgJu7P6DWWejstKJgXJEH0qAKU%3D");
    return file;
}

QByteArray push(const QString& paramsBody)
{
    return QStringLiteral(
               "{\"id\":\"7\",\"version\":\"1.0\",\"method\":\"thing.config.push\",\"params\":{%1}}")
        .arg(paramsBody)
        .toUtf8();
}

QString params(const QString& override)
{
    // Valid params with one field replaced (or removed when override names it with no value).
    QJsonObject object{{QStringLiteral("configId"), QStringLiteral("c1")},
                       {QStringLiteral("configSize"), 10},
                       {QStringLiteral("sign"), kSign},
                       {QStringLiteral("signMethod"), QStringLiteral("Sha256")},
                       {QStringLiteral("url"), QStringLiteral("https://h.example/f")},
                       {QStringLiteral("getType"), QStringLiteral("file")}};
    const auto patch = QJsonDocument::fromJson(QStringLiteral("{%1}").arg(override).toUtf8()).object();
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isNull())
            object.remove(it.key());
        else
            object.insert(it.key(), it.value());
    }
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

} // namespace

class TestAlinkCodec : public QObject
{
    Q_OBJECT

private slots:
    void getRequestRoundTrip();
    void getReplyRoundTrip();
    void getReplyErrorRoundTrip();
    void pushRoundTrip();
    void pushReplyRoundTrip();
    void encodingIsStrict();
    void refusesToSendInvalid_data();
    void refusesToSendInvalid();
    void tolerantDecoding_data();
    void tolerantDecoding();
    void malformed_data();
    void malformed();
    void decodeByTopic();
    void seedDocumentExamples();
};

void TestAlinkCodec::getRequestRoundTrip()
{
    for (bool ack : {true, false}) {
        ConfigGetRequest request{QStringLiteral("123"), QStringLiteral("product"), QStringLiteral("file"),
                                 ack};
        const auto bytes = AlinkCodec::encode(request);
        QVERIFY(bytes);
        const auto decoded = AlinkCodec::decodeGetRequest(*bytes);
        QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message()));
        QCOMPARE(*decoded, request);
    }
}

void TestAlinkCodec::getReplyRoundTrip()
{
    ConfigGetReply reply{QStringLiteral("4294967295"), 200, sampleFile(), {}};
    const auto bytes = AlinkCodec::encode(reply);
    QVERIFY(bytes);
    const auto decoded = AlinkCodec::decodeGetReply(*bytes);
    QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message()));
    QCOMPARE(*decoded, reply);
}

void TestAlinkCodec::getReplyErrorRoundTrip()
{
    ConfigGetReply reply{QStringLiteral("0"), 6713, std::nullopt,
                         QStringLiteral("thing config function is not available")};
    const auto bytes = AlinkCodec::encode(reply);
    QVERIFY(bytes);
    QVERIFY(bytes->contains("\"data\":{}"));
    const auto decoded = AlinkCodec::decodeGetReply(*bytes);
    QVERIFY(decoded);
    QCOMPARE(*decoded, reply);
}

void TestAlinkCodec::pushRoundTrip()
{
    for (bool ack : {true, false}) {
        ConfigPush message{QStringLiteral("88"), sampleFile(), ack};
        const auto bytes = AlinkCodec::encode(message);
        QVERIFY(bytes);
        const auto decoded = AlinkCodec::decodePush(*bytes);
        QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message()));
        QCOMPARE(*decoded, message);
    }
}

void TestAlinkCodec::pushReplyRoundTrip()
{
    for (const auto& reply :
         {ConfigPushReply{QStringLiteral("1"), 200, {}},
          ConfigPushReply{QStringLiteral("2"), 100003, QStringLiteral("sign mismatch")}}) {
        const auto bytes = AlinkCodec::encode(reply);
        QVERIFY(bytes);
        const auto decoded = AlinkCodec::decodePushReply(*bytes);
        QVERIFY(decoded);
        QCOMPARE(*decoded, reply);
    }
}

void TestAlinkCodec::encodingIsStrict()
{
    ConfigFile file = sampleFile();
    file.sign = kSign.toUpper();
    const auto bytes = AlinkCodec::encode(ConfigPush{QStringLiteral("5"), file, true});
    QVERIFY(bytes);
    const QJsonObject object = QJsonDocument::fromJson(*bytes).object();
    QVERIFY(object.value(QStringLiteral("id")).isString());
    QCOMPARE(object.value(QStringLiteral("version")).toString(), QStringLiteral("1.0"));
    QCOMPARE(object.value(QStringLiteral("method")).toString(), QStringLiteral("thing.config.push"));
    const QJsonObject params = object.value(QStringLiteral("params")).toObject();
    QCOMPARE(params.value(QStringLiteral("sign")).toString(), kSign); // lowercase on the wire
    QCOMPARE(params.value(QStringLiteral("signMethod")).toString(), QStringLiteral("Sha256"));
    QVERIFY(params.value(QStringLiteral("configSize")).isDouble());
    QCOMPARE(params.value(QStringLiteral("getType")).toString(), QStringLiteral("file"));
    QVERIFY(!object.contains(QStringLiteral("sys"))); // ack wanted is the default

    const auto request = AlinkCodec::encode(
        ConfigGetRequest{QStringLiteral("9"), QStringLiteral("product"), QStringLiteral("file"), true});
    QCOMPARE(
        QJsonDocument::fromJson(*request).object(),
        QJsonDocument::fromJson("{\"id\":\"9\",\"version\":\"1.0\",\"params\":{\"configScope\":\"product\",\n"
                                "                 \"getType\":\"file\"},\"method\":\"thing.config.get\"}")
            .object());
}

void TestAlinkCodec::refusesToSendInvalid_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<ConfigFile>("file");
    QTest::addColumn<QString>("field");

    ConfigFile file = sampleFile();
    QTest::addRow("id empty") << "" << file << "id";
    QTest::addRow("id not a number") << "abc" << file << "id";
    QTest::addRow("id too large") << "4294967296" << file << "id";
    file.configSize = -1;
    QTest::addRow("negative size") << "1" << file << "params.configSize";
    file = sampleFile();
    file.sign = QStringLiteral("123214adfadgadg");
    QTest::addRow("short sign") << "1" << file << "params.sign";
    file = sampleFile();
    file.url = QStringLiteral("ftp://h/f");
    QTest::addRow("ftp url") << "1" << file << "params.url";
    file = sampleFile();
    file.configId.clear();
    QTest::addRow("no configId") << "1" << file << "params.configId";
}

void TestAlinkCodec::refusesToSendInvalid()
{
    QFETCH(QString, id);
    QFETCH(ConfigFile, file);
    QFETCH(QString, field);
    const auto bytes = AlinkCodec::encode(ConfigPush{id, file, true});
    QVERIFY(!bytes);
    QCOMPARE(bytes.error().field, field);
}

void TestAlinkCodec::tolerantDecoding_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("code");

    QTest::addRow("numeric id and code")
        << QByteArray("{\"id\":123,\"code\":200,\"data\":{}}") << "123" << 200;
    QTest::addRow("string code") << QByteArray("{\"id\":\"5\",\"code\":\"460\",\"data\":{}}") << "5" << 460;
    QTest::addRow("no version, no data") << QByteArray("{\"id\":\"6\",\"code\":200}") << "6" << 200;
    QTest::addRow("version present") << QByteArray("{\"id\":\"6\",\"version\":\"1.0\",\"code\":200}") << "6"
                                     << 200;
    QTest::addRow("iotkit 3.x brace-less")
        << QByteArray("\"id\":1,\"code\":\"400\",\"data\":{}") << "1" << 400;
    QTest::addRow("brace-less with spaces")
        << QByteArray("  \"id\":\"77\",\"code\":400,\"data\":{} \n") << "77" << 400;
    QTest::addRow("message and extras")
        << QByteArray("{\"id\":\"8\",\"code\":100003,\"message\":\"sign\",\"x\":[1]}") << "8" << 100003;
    QTest::addRow("max id") << QByteArray("{\"id\":4294967295,\"code\":200}") << "4294967295" << 200;
}

void TestAlinkCodec::tolerantDecoding()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, id);
    QFETCH(int, code);
    const auto reply = AlinkCodec::decodePushReply(payload);
    QVERIFY2(reply, qPrintable(reply ? QString() : reply.error().message()));
    QCOMPARE(reply->id, id);
    QCOMPARE(reply->code, code);
}

void TestAlinkCodec::malformed_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reasonPart");
    QTest::addColumn<int>("offset");

    const int reply = int(TopicKind::ConfigPushReply);
    const int pushKind = int(TopicKind::ConfigPush);
    const int get = int(TopicKind::ConfigGet);
    const int getReply = int(TopicKind::ConfigGetReply);

    QTest::addRow("empty payload") << reply << QByteArray() << ""
                                   << "empty" << -1;
    QTest::addRow("not JSON") << reply << QByteArray("{\"id\":\"1\",\"code\":") << ""
                              << "not JSON" << 17;
    QTest::addRow("garbage") << reply << QByteArray("\x01\x02garbage") << ""
                             << "not JSON" << 1;
    QTest::addRow("array") << reply << QByteArray("[1,2]") << ""
                           << "not an object" << -1;
    QTest::addRow("id missing") << reply << QByteArray("{\"code\":200}") << "id"
                                << "missing" << -1;
    QTest::addRow("id negative") << reply << QByteArray("{\"id\":-1,\"code\":200}") << "id"
                                 << "non-negative" << -1;
    QTest::addRow("id fraction") << reply << QByteArray("{\"id\":1.5,\"code\":200}") << "id"
                                 << "whole" << -1;
    QTest::addRow("id letters") << reply << QByteArray("{\"id\":\"12a\",\"code\":200}") << "id"
                                << "not a decimal" << -1;
    QTest::addRow("id too big") << reply << QByteArray("{\"id\":\"4294967296\",\"code\":200}") << "id"
                                << "above 4294967295" << -1;
    QTest::addRow("id object") << reply << QByteArray("{\"id\":{},\"code\":200}") << "id"
                               << "an object" << -1;
    QTest::addRow("code missing") << reply << QByteArray("{\"id\":\"1\"}") << "code"
                                  << "missing" << -1;
    QTest::addRow("code words") << reply << QByteArray("{\"id\":\"1\",\"code\":\"ok\"}") << "code"
                                << "must be a number" << -1;
    QTest::addRow("code bool") << reply << QByteArray("{\"id\":\"1\",\"code\":true}") << "code"
                               << "a boolean" << -1;
    QTest::addRow("version wrong") << reply << QByteArray("{\"id\":\"1\",\"version\":\"2.0\",\"code\":200}")
                                   << "version"
                                   << "not supported" << -1;
    QTest::addRow("data not object") << reply << QByteArray("{\"id\":\"1\",\"code\":200,\"data\":\"x\"}")
                                     << "data"
                                     << "must be an object" << -1;
    QTest::addRow("method wrong") << get << QByteArray("{\"id\":\"1\",\"method\":\"thing.config.push\"}")
                                  << "method"
                                  << "expected 'thing.config.get'" << -1;
    QTest::addRow("getType wrong") << get << QByteArray("{\"id\":\"1\",\"params\":{\"getType\":\"content\"}}")
                                   << "params.getType"
                                   << "not supported" << -1;
    QTest::addRow("ack wrong") << get << QByteArray("{\"id\":\"1\",\"sys\":{\"ack\":2}}") << "sys.ack"
                               << "0 or 1" << -1;
    QTest::addRow("params missing") << pushKind << QByteArray("{\"id\":\"1\"}") << "params"
                                    << "missing" << -1;
    QTest::addRow("size negative") << pushKind << push(params(QStringLiteral("\"configSize\":-5")))
                                   << "params.configSize"
                                   << "negative" << -1;
    QTest::addRow("size string") << pushKind << push(params(QStringLiteral("\"configSize\":\"big\"")))
                                 << "params.configSize"
                                 << "must be a number" << -1;
    QTest::addRow("size missing") << pushKind << push(params(QStringLiteral("\"configSize\":null")))
                                  << "params.configSize"
                                  << "missing" << -1;
    QTest::addRow("signMethod unknown")
        << pushKind << push(params(QStringLiteral("\"signMethod\":\"Crc32\""))) << "params.signMethod"
        << "not a known sign method" << -1;
    QTest::addRow("sign short") << pushKind << push(params(QStringLiteral("\"sign\":\"123214adfadgadg\"")))
                                << "params.sign"
                                << "64 hex digits" << -1;
    QTest::addRow("sign not hex")
        << pushKind << push(params(QStringLiteral("\"sign\":\"%1\"").arg(QString(64, QLatin1Char('g')))))
        << "params.sign"
        << "64 hex digits" << -1;
    QTest::addRow("md5 sign length") << pushKind << push(params(QStringLiteral("\"signMethod\":\"Md5\"")))
                                     << "params.sign"
                                     << "32 hex digits" << -1;
    QTest::addRow("url ftp") << pushKind << push(params(QStringLiteral("\"url\":\"ftp://h/f\"")))
                             << "params.url"
                             << "http or https" << -1;
    QTest::addRow("url relative") << pushKind << push(params(QStringLiteral("\"url\":\"/cfg.json\"")))
                                  << "params.url"
                                  << "http or https" << -1;
    QTest::addRow("url no host") << pushKind << push(params(QStringLiteral("\"url\":\"https:///f\"")))
                                 << "params.url"
                                 << "no host" << -1;
    QTest::addRow("configId empty") << pushKind << push(params(QStringLiteral("\"configId\":\"\"")))
                                    << "params.configId"
                                    << "empty" << -1;
    QTest::addRow("getType wrong in push")
        << pushKind << push(params(QStringLiteral("\"getType\":\"inline\""))) << "params.getType"
        << "not supported" << -1;
    QTest::addRow("200 without data") << getReply << QByteArray("{\"id\":\"1\",\"code\":200}") << "data"
                                      << "missing" << -1;
    QTest::addRow("200 with bad data")
        << getReply << QByteArray("{\"id\":\"1\",\"code\":200,\"data\":{\"configId\":\"x\"}}")
        << "data.configSize"
        << "missing" << -1;
}

void TestAlinkCodec::malformed()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, payload);
    QFETCH(QString, field);
    QFETCH(QString, reasonPart);
    QFETCH(int, offset);

    const auto decoded = AlinkCodec::decode(TopicKind(kind), payload);
    QVERIFY2(!decoded, "a malformed payload was accepted");
    const AlinkError& error = decoded.error();
    QCOMPARE(error.field, field);
    QVERIFY2(error.message().contains(reasonPart), qPrintable(error.message()));
    if (offset >= 0)
        QCOMPARE(error.offset, offset);
}

void TestAlinkCodec::decodeByTopic()
{
    const auto forwarded =
        AlinkCodec::decode(TopicKind::DownlinkReplyMessage, "{\"id\":\"3\",\"code\":200,\"data\":{}}");
    QVERIFY(forwarded);
    QVERIFY(std::holds_alternative<ConfigPushReply>(*forwarded));
    const auto request = AlinkCodec::decode(TopicKind::ConfigGet, "{\"id\":123,\"version\":\"1.0\"}");
    QVERIFY(request);
    const auto& get = std::get<ConfigGetRequest>(*request);
    QCOMPARE(get.configScope, QStringLiteral("product"));
    QCOMPARE(get.getType, QStringLiteral("file"));
}

void TestAlinkCodec::seedDocumentExamples()
{
    // The request of the platform's page: numeric id, no method.
    const auto request =
        AlinkCodec::decodeGetRequest("{\"id\": 123, \"version\": \"1.0\", \"params\": {\"configScope\": "
                                     "\"product\", \"getType\": \"file\"}}");
    QVERIFY(request);
    QCOMPARE(request->id, QStringLiteral("123"));

    // Its push example, with the example sign swapped for a real digest (the page's "123214adfadgadg" is a
    // placeholder that no device could verify).
    QFile seed(QFINDTESTDATA("data/seed_push.json"));
    QVERIFY(seed.open(QIODevice::ReadOnly));
    const QByteArray pushExample = seed.readAll();
    const auto push = AlinkCodec::decodePush(pushExample);
    QVERIFY2(push, qPrintable(push ? QString() : push.error().message()));
    QCOMPARE(push->params.configSize, 1234565);
    QVERIFY(push->params.url.contains(QStringLiteral("security-token=")));

    // The page's literal example sign is refused with a reason, not crashed on.
    QByteArray placeholder = pushExample;
    placeholder.replace("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "123214adfadgadg");
    const auto refused = AlinkCodec::decodePush(placeholder);
    QVERIFY(!refused);
    QCOMPARE(refused.error().field, QStringLiteral("params.sign"));

    const auto reply = AlinkCodec::decodePushReply("{\"id\": \"123\", \"code\": 200, \"data\": {}}");
    QVERIFY(reply);
    QCOMPARE(reply->code, 200);
}

QTEST_GUILESS_MAIN(TestAlinkCodec)
#include "TestAlinkCodec.moc"
