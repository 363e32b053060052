// OpenApiClient against the HTTPS stand-in that checks every signature as documented: paging of products
// and devices, batches of DeviceSecrets and online states, the API's errors in words with what to check,
// throttling retried with back-off (and given up on in words), cancellation, and the response size cap.
#include "cloud/AccountProfile.h"
#include "cloud/OpenApiClient.h"
#include "support/OpenApiStandIn.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace ConfigDeck;
using Cloud::OpenApiClient;
using TestSupport::OpenApiStandIn;

namespace {

template <typename T>
struct Outcome
{
    bool done = false;
    std::optional<T> value;
    QString error;

    OpenApiClient::Handler<T> handler()
    {
        return [this](Alink::Expected<T> result) {
            done = true;
            if (result)
                value = std::move(result).value();
            else
                error = result.error().message();
        };
    }
};

} // namespace

class TestOpenApiClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void productsArePaged();
    void devicesArePaged();
    void secretsAndStatesInBatches();
    void errorsInWords_data();
    void errorsInWords();
    void wrongSecretIsRefused();
    void wrongInstanceIsNamed();
    void throttlingIsRetriedWithBackoff();
    void throttlingGivenUpInWords();
    void cancel();
    void responseSizeCap();
    void rateCap();

private:
    std::unique_ptr<OpenApiClient> client(QByteArrayView secret = {}, const QString& instanceId = {});

    OpenApiStandIn m_standIn;
    QNetworkAccessManager m_network;
};

void TestOpenApiClient::initTestCase()
{
    QJsonObject fleet = OpenApiStandIn::makeFleet(3, 120);
    // 250 products in all: two pages of QueryProductList.
    QJsonArray products = fleet.value(QStringLiteral("products")).toArray();
    for (int p = 3; p < 250; ++p)
        products.append(QJsonObject{{QStringLiteral("productKey"), QStringLiteral("a1Extra%1").arg(p)},
                                    {QStringLiteral("name"), QStringLiteral("Extra %1").arg(p)}});
    fleet.insert(QStringLiteral("products"), products);
    QVERIFY2(m_standIn.start(fleet), qPrintable(m_standIn.errorString()));
}

std::unique_ptr<OpenApiClient> TestOpenApiClient::client(QByteArrayView secret, const QString& instanceId)
{
    Cloud::AccountProfile profile;
    profile.regionId = m_standIn.options().regionId;
    profile.instanceId = instanceId;
    profile.accessKeyId = m_standIn.options().accessKeyId;
    profile.openApiUrl = m_standIn.baseUrl();
    profile.caFile = m_standIn.caFile();
    auto made = std::make_unique<OpenApiClient>(
        &m_network, profile, secret.isNull() ? QByteArrayView(m_standIn.options().accessKeySecret) : secret);
    OpenApiClient::Limits limits;
    limits.firstBackoffMs = 50;
    limits.maxBackoffMs = 400;
    limits.requestsPerSecond = 50;
    made->setLimits(limits);
    return made;
}

void TestOpenApiClient::productsArePaged()
{
    const int before = m_standIn.stats().value(QStringLiteral("requests")).toInt();
    auto api = client();
    Outcome<QList<OpenApiClient::Product>> outcome;
    api->queryProducts(outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 20000);
    QVERIFY2(outcome.value, qPrintable(outcome.error));
    QCOMPARE(outcome.value->size(), 250);
    QCOMPARE(outcome.value->first().productKey, QStringLiteral("a1Prod0Key"));
    QCOMPARE(outcome.value->first().name, QStringLiteral("Product 0"));
    QCOMPARE(outcome.value->first().deviceCount, 120);
    QCOMPARE(outcome.value->last().productKey, QStringLiteral("a1Extra249"));
    QCOMPARE(m_standIn.stats().value(QStringLiteral("requests")).toInt() - before, 2); // 200 + 50
}

void TestOpenApiClient::devicesArePaged()
{
    auto api = client();
    Outcome<QList<OpenApiClient::Device>> outcome;
    api->queryDevices(QStringLiteral("a1Prod1Key"), outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 20000);
    QVERIFY2(outcome.value, qPrintable(outcome.error));
    QCOMPARE(outcome.value->size(), 120); // 50 + 50 + 20
    QCOMPARE(outcome.value->at(0).deviceName, QStringLiteral("dev-1-0000"));
    QCOMPARE(outcome.value->at(119).deviceName, QStringLiteral("dev-1-0119"));
    QCOMPARE(outcome.value->at(0).status, QStringLiteral("ONLINE"));
    QCOMPARE(outcome.value->at(1).status, QStringLiteral("OFFLINE"));
    QCOMPARE(api->requestsSent(), 3);
}

void TestOpenApiClient::secretsAndStatesInBatches()
{
    auto api = client();
    QStringList names;
    for (int d = 0; d < 120; ++d)
        names.append(QStringLiteral("dev-2-%1").arg(d, 4, 10, QLatin1Char('0')));
    Outcome<QHash<QString, QByteArray>> secrets;
    api->queryDeviceSecrets(QStringLiteral("a1Prod2Key"), names, secrets.handler());
    QTRY_VERIFY_WITH_TIMEOUT(secrets.done, 20000);
    QVERIFY2(secrets.value, qPrintable(secrets.error));
    QCOMPARE(secrets.value->size(), 120);
    QCOMPARE(secrets.value->value(QStringLiteral("dev-2-0007")),
             QByteArray("Sec2x7yZ0123456789abcdefABCDEF"));
    QCOMPARE(api->requestsSent(), 2); // 100 + 20

    Outcome<QHash<QString, QString>> states;
    api->queryDeviceStates(QStringLiteral("a1Prod2Key"), names, states.handler());
    QTRY_VERIFY_WITH_TIMEOUT(states.done, 20000);
    QVERIFY2(states.value, qPrintable(states.error));
    QCOMPARE(states.value->size(), 120);
    QCOMPARE(states.value->value(QStringLiteral("dev-2-0003")), QStringLiteral("ONLINE"));
    QCOMPARE(states.value->value(QStringLiteral("dev-2-0004")), QStringLiteral("OFFLINE"));
    QCOMPARE(api->requestsSent(), 5); // + 50 + 50 + 20
}

void TestOpenApiClient::errorsInWords_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("advice");
    QTest::addRow("AccessKey not found")
        << QStringLiteral("InvalidAccessKeyId.NotFound") << 404 << QStringLiteral("copied whole");
    QTest::addRow("RAM permission") << QStringLiteral("Forbidden.RAM") << 403
                                    << QStringLiteral("AliyunIOTReadOnlyAccess");
    QTest::addRow("no permission (IoT)") << QStringLiteral("iot.common.AuthActionPermissionDeny") << 200
                                         << QStringLiteral("AliyunIOTReadOnlyAccess");
    QTest::addRow("instance") << QStringLiteral("iot.common.InvalidTenant") << 200
                              << QStringLiteral("instance ID");
    QTest::addRow("clock skew") << QStringLiteral("InvalidTimeStamp.Expired") << 400
                                << QStringLiteral("clock");
    QTest::addRow("region") << QStringLiteral("InvalidRegionId") << 400 << QStringLiteral("region");
}

void TestOpenApiClient::errorsInWords()
{
    QFETCH(QString, code);
    QFETCH(int, httpStatus);
    QFETCH(QString, advice);
    QVERIFY(m_standIn.failNext(code, httpStatus));
    auto api = client();
    Outcome<QList<OpenApiClient::Product>> outcome;
    api->queryProducts(outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 20000);
    QVERIFY(!outcome.value);
    QVERIFY2(outcome.error.contains(QStringLiteral("QueryProductList failed with ") + code),
             qPrintable(outcome.error));
    QVERIFY2(outcome.error.contains(QLatin1String("The stand-in was told to answer")),
             qPrintable(outcome.error));
    QVERIFY2(outcome.error.contains(QLatin1String("RequestId ")), qPrintable(outcome.error));
    QVERIFY2(outcome.error.contains(advice), qPrintable(outcome.error));
}

void TestOpenApiClient::wrongSecretIsRefused()
{
    auto api = client("not-the-secret");
    Outcome<QList<OpenApiClient::Device>> outcome;
    api->queryDevices(QStringLiteral("a1Prod0Key"), outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 20000);
    QVERIFY(!outcome.value);
    QVERIFY2(outcome.error.contains(QLatin1String("SignatureDoesNotMatch")), qPrintable(outcome.error));
    QVERIFY2(outcome.error.contains(QLatin1String("AccessKey Secret does not belong")),
             qPrintable(outcome.error));
    QCOMPARE(api->requestsSent(), 1); // not retried
}

void TestOpenApiClient::wrongInstanceIsNamed()
{
    auto api = client({}, QStringLiteral("iot-0000wrong"));
    Outcome<QList<OpenApiClient::Product>> outcome;
    api->queryProducts(outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 20000);
    QVERIFY(!outcome.value);
    QVERIFY2(outcome.error.contains(QLatin1String("iot.common.InvalidTenant")), qPrintable(outcome.error));
    QVERIFY2(outcome.error.contains(QLatin1String("instance ID")), qPrintable(outcome.error));
}

void TestOpenApiClient::throttlingIsRetriedWithBackoff()
{
    auto api = client();
    QSignalSpy retrying(api.get(), &OpenApiClient::retrying);
    QVERIFY(m_standIn.throttle(3));
    Outcome<QList<OpenApiClient::Device>> outcome;
    api->queryDevices(QStringLiteral("a1Prod0Key"), outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 20000);
    QVERIFY2(outcome.value, qPrintable(outcome.error));
    QCOMPARE(outcome.value->size(), 120);
    QCOMPARE(retrying.size(), 3);
    // Exponential: 50, 100, 200 ms.
    QCOMPARE(retrying.at(0).at(2).toInt(), 50);
    QCOMPARE(retrying.at(1).at(2).toInt(), 100);
    QCOMPARE(retrying.at(2).at(2).toInt(), 200);
    QCOMPARE(retrying.at(0).at(3).toString(), QStringLiteral("Throttling.User"));
    QCOMPARE(api->requestsSent(), 3 + 3);
}

void TestOpenApiClient::throttlingGivenUpInWords()
{
    auto api = client();
    OpenApiClient::Limits limits = api->limits();
    limits.maxRetries = 2;
    api->setLimits(limits);
    QVERIFY(m_standIn.throttle(10));
    Outcome<QList<OpenApiClient::Product>> outcome;
    api->queryProducts(outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 20000);
    QVERIFY(!outcome.value);
    QVERIFY2(outcome.error.contains(QLatin1String("Throttling.User")), qPrintable(outcome.error));
    QVERIFY2(outcome.error.contains(QLatin1String("rate limit")), qPrintable(outcome.error));
    QCOMPARE(api->requestsSent(), 3);
    QVERIFY(m_standIn.throttle(0));
}

void TestOpenApiClient::cancel()
{
    auto api = client();
    Outcome<QList<OpenApiClient::Device>> outcome;
    api->queryDevices(QStringLiteral("a1Prod0Key"), outcome.handler());
    QVERIFY(api->isBusy());
    api->cancel();
    QVERIFY(outcome.done);
    QCOMPARE(outcome.error, OpenApiClient::cancelledMessage());
    QVERIFY(!api->isBusy());
}

void TestOpenApiClient::responseSizeCap()
{
    auto api = client();
    OpenApiClient::Limits limits = api->limits();
    limits.maxResponseBytes = 2000;
    api->setLimits(limits);
    Outcome<QList<OpenApiClient::Device>> outcome;
    api->queryDevices(QStringLiteral("a1Prod0Key"), outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 20000);
    QVERIFY(!outcome.value);
    QVERIFY2(outcome.error.contains(QLatin1String("larger than 2000 bytes")), qPrintable(outcome.error));
}

void TestOpenApiClient::rateCap()
{
    auto api = client();
    OpenApiClient::Limits limits = api->limits();
    limits.requestsPerSecond = 4; // one request every 250 ms
    api->setLimits(limits);
    QElapsedTimer timer;
    timer.start();
    int answered = 0;
    for (int i = 0; i < 5; ++i)
        api->call(QStringLiteral("QueryProductList"), {}, [&answered](Alink::Expected<QJsonObject> answer) {
            QVERIFY2(answer, answer ? "" : qPrintable(answer.error().message()));
            ++answered;
        });
    QCOMPARE(api->requestsSent(), 1); // the others wait for their turn
    QTRY_COMPARE_WITH_TIMEOUT(answered, 5, 20000);
    QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestOpenApiClient)
#include "TestOpenApiClient.moc"
