#include "DemoSeed.h"

#include <QSet>

namespace ConfigDeck::Session {

QString DemoSeed::faultMixText()
{
    return QStringLiteral("slow:1500=10%,offline=5%,never=3%,refuses:460=5%,badsign=5%,truncate=3%");
}

Roles::FaultProfile DemoSeed::profileFor(int fleetIndex, int fleetSize)
{
    static const Roles::FaultMix mix = *Roles::FaultMix::parse(faultMixText());
    return mix.profileFor(fleetIndex, fleetSize, kFaultSeed);
}

QString DemoSeed::deviceName(const Product& product, int index)
{
    return QStringLiteral("%1-%2").arg(product.devicePrefix).arg(index + 1, 4, 10, QLatin1Char('0'));
}

bool DemoSeed::isSeedDevice(const QString& productKey, const QString& deviceName)
{
    static const QSet<QString> seed = [] {
        QSet<QString> keys;
        for (const Product& product : products()) {
            for (int i = 0; i < kDevicesPerProduct; ++i)
                keys.insert(product.record.productKey + u'/' + DemoSeed::deviceName(product, i));
        }
        return keys;
    }();
    return seed.contains(productKey + u'/' + deviceName);
}

QList<DemoSeed::Product> DemoSeed::products()
{
    // Configurations as firmware teams write them: each version differs from the previous one by an
    // added key, changed values and a removed array element, so the DiffView has something to show.
    Product thermo;
    thermo.record = {QStringLiteral("a1Thermo"), tr("Thermostat T2"), QStringLiteral("cn-shanghai"), true};
    thermo.devicePrefix = QStringLiteral("thermo");
    thermo.labels = {QStringLiteral("building-A"), QStringLiteral("building-B"), QStringLiteral("lab")};
    thermo.versions = {
        {tr("Winter schedule"),
         "{\n  \"schema\": 1,\n  \"unit\": \"celsius\",\n  \"setpoint\": 21.0,\n  \"hysteresis\": 0.5,\n"
         "  \"schedule\": [\n    {\"from\": \"06:00\", \"to\": \"09:00\", \"setpoint\": 21.5},\n"
         "    {\"from\": \"09:00\", \"to\": \"17:00\", \"setpoint\": 19.0},\n"
         "    {\"from\": \"17:00\", \"to\": \"23:00\", \"setpoint\": 21.5}\n  ],\n"
         "  \"report\": {\"intervalSeconds\": 300, \"onChange\": true}\n}\n"},
        {tr("Eco setpoints"),
         "{\n  \"schema\": 1,\n  \"unit\": \"celsius\",\n  \"setpoint\": 20.0,\n  \"hysteresis\": 0.8,\n"
         "  \"schedule\": [\n    {\"from\": \"06:00\", \"to\": \"09:00\", \"setpoint\": 20.5},\n"
         "    {\"from\": \"09:00\", \"to\": \"17:00\", \"setpoint\": 18.0},\n"
         "    {\"from\": \"17:00\", \"to\": \"23:00\", \"setpoint\": 20.5}\n  ],\n"
         "  \"eco\": {\"enabled\": true, \"awayAfterMinutes\": 45},\n"
         "  \"report\": {\"intervalSeconds\": 300, \"onChange\": true}\n}\n"},
        {tr("Spring: no evening boost"),
         "{\n  \"schema\": 2,\n  \"unit\": \"celsius\",\n  \"setpoint\": 20.0,\n  \"hysteresis\": 0.8,\n"
         "  \"schedule\": [\n    {\"from\": \"06:00\", \"to\": \"09:00\", \"setpoint\": 20.5},\n"
         "    {\"from\": \"09:00\", \"to\": \"17:00\", \"setpoint\": 18.0}\n  ],\n"
         "  \"eco\": {\"enabled\": true, \"awayAfterMinutes\": 30},\n"
         "  \"report\": {\"intervalSeconds\": 120, \"onChange\": true, \"includeHumidity\": true}\n}\n"},
    };

    Product gate;
    gate.record = {QStringLiteral("a1Gate"), tr("Edge gateway G5"), QStringLiteral("cn-shanghai"), true};
    gate.devicePrefix = QStringLiteral("gate");
    gate.labels = {QStringLiteral("warehouse"), QStringLiteral("plant-1"), QStringLiteral("plant-2")};
    gate.versions = {
        {tr("Factory defaults"),
         "{\n  \"schema\": 3,\n  \"uplink\": {\"protocol\": \"mqtt\", \"qos\": 1, \"keepAlive\": 60},\n"
         "  \"modbus\": {\"baud\": 9600, \"parity\": \"none\", \"pollMs\": 1000},\n"
         "  \"sensors\": [\"temp-01\", \"temp-02\", \"flow-01\", \"pressure-01\"],\n"
         "  \"logLevel\": \"info\"\n}\n"},
        {tr("Faster polling"),
         "{\n  \"schema\": 3,\n  \"uplink\": {\"protocol\": \"mqtt\", \"qos\": 1, \"keepAlive\": 30},\n"
         "  \"modbus\": {\"baud\": 19200, \"parity\": \"even\", \"pollMs\": 500},\n"
         "  \"sensors\": [\"temp-01\", \"temp-02\", \"flow-01\", \"pressure-01\"],\n"
         "  \"buffer\": {\"maxMessages\": 5000, \"persist\": true},\n"
         "  \"logLevel\": \"info\"\n}\n"},
        {tr("Retire flow sensor"),
         "{\n  \"schema\": 4,\n  \"uplink\": {\"protocol\": \"mqtt\", \"qos\": 1, \"keepAlive\": 30},\n"
         "  \"modbus\": {\"baud\": 19200, \"parity\": \"even\", \"pollMs\": 500},\n"
         "  \"sensors\": [\"temp-01\", \"temp-02\", \"pressure-01\"],\n"
         "  \"buffer\": {\"maxMessages\": 10000, \"persist\": true},\n"
         "  \"logLevel\": \"warn\"\n}\n"},
    };
    return {thermo, gate};
}

} // namespace ConfigDeck::Session
