// OpenApiSigner: the documentation's worked example (DescribeRegions with AccessKey testid/testsecret) in
// both of its published forms, the RFC 3986 encoding rules, and a signed query as sent.
#include "cloud/OpenApiSigner.h"

#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace ConfigDeck;
using Cloud::OpenApiSigner;

namespace {

// The "Signature mechanism" page's request before signing; the older edition spells the parameter
// "TimeStamp", the current one "Timestamp".
OpenApiSigner::Parameters documentedRequest(const QString& timestampName)
{
    return {{QStringLiteral("AccessKeyId"), QStringLiteral("testid")},
            {QStringLiteral("Action"), QStringLiteral("DescribeRegions")},
            {QStringLiteral("Format"), QStringLiteral("XML")},
            {QStringLiteral("SignatureMethod"), QStringLiteral("HMAC-SHA1")},
            {QStringLiteral("SignatureNonce"), QStringLiteral("3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf")},
            {QStringLiteral("SignatureVersion"), QStringLiteral("1.0")},
            {timestampName, QStringLiteral("2016-02-23T12:46:24Z")},
            {QStringLiteral("Version"), QStringLiteral("2014-05-26")}};
}

} // namespace

class TestOpenApiSigner : public QObject
{
    Q_OBJECT

private slots:
    void documentedExample_data();
    void documentedExample();
    void percentEncoding_data();
    void percentEncoding();
    void signatureParameterIsNotSigned();
    void signedQuery();
};

void TestOpenApiSigner::documentedExample_data()
{
    QTest::addColumn<QString>("timestampName");
    QTest::addColumn<QByteArray>("stringToSign");
    QTest::addColumn<QByteArray>("signature");
    QTest::addRow("Timestamp")
        << QStringLiteral("Timestamp")
        << QByteArray(
               "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3D"
               "HMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26"
               "Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26")
        << QByteArray("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    // The overview's example URL carries Signature=CT9X0VtwR86fNWSnsc6v8YGOjuE%3D: the older edition's.
    QTest::addRow("TimeStamp (older edition)")
        << QStringLiteral("TimeStamp")
        << QByteArray(
               "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3D"
               "HMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26"
               "TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26")
        << QByteArray("CT9X0VtwR86fNWSnsc6v8YGOjuE=");
}

void TestOpenApiSigner::documentedExample()
{
    QFETCH(QString, timestampName);
    QFETCH(QByteArray, stringToSign);
    QFETCH(QByteArray, signature);
    const auto parameters = documentedRequest(timestampName);
    QCOMPARE(OpenApiSigner::stringToSign("GET", parameters), stringToSign);
    QCOMPARE(OpenApiSigner::signature("testsecret", stringToSign), signature);
}

void TestOpenApiSigner::percentEncoding_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("encoded");
    QTest::addRow("unreserved kept") << QStringLiteral("AZaz09-_.~") << QByteArray("AZaz09-_.~");
    QTest::newRow("space is %20, not +") << QStringLiteral("a b") << QByteArray("a%20b");
    QTest::addRow("star is encoded") << QStringLiteral("a*b") << QByteArray("a%2Ab");
    QTest::addRow("plus and slash") << QStringLiteral("a+b/c") << QByteArray("a%2Bb%2Fc");
    QTest::addRow("colon and equals") << QStringLiteral("12:46=") << QByteArray("12%3A46%3D");
    QTest::addRow("quote") << QStringLiteral("\"") << QByteArray("%22");
    QTest::addRow("UTF-8, upper-case hex") << QStringLiteral("温度") << QByteArray("%E6%B8%A9%E5%BA%A6");
}

void TestOpenApiSigner::percentEncoding()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, encoded);
    QCOMPARE(OpenApiSigner::percentEncode(text), encoded);
}

void TestOpenApiSigner::signatureParameterIsNotSigned()
{
    auto parameters = documentedRequest(QStringLiteral("Timestamp"));
    const QByteArray without = OpenApiSigner::stringToSign("GET", parameters);
    parameters.insert(QStringLiteral("Signature"), QStringLiteral("anything"));
    QCOMPARE(OpenApiSigner::stringToSign("GET", parameters), without);
}

void TestOpenApiSigner::signedQuery()
{
    const QDateTime time(QDate(2026, 12, 7), QTime(5, 6, 7), QTimeZone::utc());
    const QByteArray query = OpenApiSigner::signedQuery(
        "GET",
        {{QStringLiteral("Action"), QStringLiteral("QueryDevice")},
         {QStringLiteral("ProductKey"), QStringLiteral("a1 b")}},
        QStringLiteral("2018-01-20"), QStringLiteral("LTAIkey"), "s3cret", time, QStringLiteral("nonce-1"));
    const QUrlQuery sent(QString::fromLatin1(query));
    QCOMPARE(sent.queryItemValue(QStringLiteral("Format")), QStringLiteral("JSON"));
    QCOMPARE(sent.queryItemValue(QStringLiteral("Version")), QStringLiteral("2018-01-20"));
    QCOMPARE(sent.queryItemValue(QStringLiteral("SignatureMethod")), QStringLiteral("HMAC-SHA1"));
    QCOMPARE(sent.queryItemValue(QStringLiteral("SignatureVersion")), QStringLiteral("1.0"));
    QCOMPARE(sent.queryItemValue(QStringLiteral("Timestamp"), QUrl::FullyDecoded),
             QStringLiteral("2026-12-07T05:06:07Z"));
    QVERIFY(query.contains("ProductKey=a1%20b"));
    QVERIFY(!query.contains("s3cret"));

    // The signature is the one over every other parameter, as the server recomputes it.
    OpenApiSigner::Parameters received;
    for (const auto& [name, value] : sent.queryItems(QUrl::FullyDecoded))
        received.insert(name, value);
    const QString signature = received.take(QStringLiteral("Signature"));
    QCOMPARE(signature.toLatin1(),
             OpenApiSigner::signature("s3cret", OpenApiSigner::stringToSign("GET", received)));
}

QTEST_GUILESS_MAIN(TestOpenApiSigner)
#include "TestOpenApiSigner.moc"
