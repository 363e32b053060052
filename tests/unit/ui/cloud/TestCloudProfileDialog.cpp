// The Alibaba Cloud profile dialog, offscreen: defaults, OK disabled with the reason in words, the plain-TCP
// warning, the live preview of host, client ID and user name, and fields round-tripping.
#include "CloudProfileDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>

using namespace ConfigDeck;
using Cloud::CloudProfile;
using Ui::CloudProfileDialog;

Q_DECLARE_METATYPE(ConfigDeck::Cloud::CloudProfile)

class TestCloudProfileDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultsUseTlsAndTheShippedRoot();
    void missingRegionDisablesOk();
    void keepAliveOutOfRangeDisablesOk();
    void untickingTlsShowsTheWarning();
    void previewShowsHostClientIdAndUserName();
    void port8883NeedsACaFile();
    void advancedHostOverride();
    void fieldsRoundTrip_data();
    void fieldsRoundTrip();
    void describeNamesEveryChoice();

private:
    template <typename T>
    static T* child(QWidget* parent, const char* name)
    {
        T* found = parent->findChild<T*>(QLatin1StringView(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }
};

void TestCloudProfileDialog::initTestCase()
{
    // The shipped root is extracted to the cache location.
    QStandardPaths::setTestModeEnabled(true);
}

void TestCloudProfileDialog::defaultsUseTlsAndTheShippedRoot()
{
    CloudProfileDialog dialog(CloudProfile{});
    dialog.show();
    auto* tls = child<QCheckBox>(&dialog, "cloudTls");
    QVERIFY(tls->isChecked());
    QVERIFY(child<QLineEdit>(&dialog, "cloudCaFile")->text().isEmpty());
    QVERIFY(
        child<QLineEdit>(&dialog, "cloudCaFile")->placeholderText().contains(QStringLiteral("GlobalSign")));
    QCOMPARE(child<QComboBox>(&dialog, "cloudPort")->currentText(), QStringLiteral("1883"));
    QCOMPARE(child<QComboBox>(&dialog, "cloudSignMethod")->currentText(), QStringLiteral("hmacsha256"));
    QCOMPARE(child<QSpinBox>(&dialog, "cloudKeepAlive")->minimum(), 30);
    QCOMPARE(child<QSpinBox>(&dialog, "cloudKeepAlive")->maximum(), 1200);
    QVERIFY(!child<QGroupBox>(&dialog, "cloudAdvanced")->isChecked());
    QVERIFY(dialog.warningText().isEmpty());
    QVERIFY(!child<QLabel>(&dialog, "cloudPlainTcpWarning")->isVisible());

    // An instance without its id cannot be used: OK is disabled and the reason is said.
    QVERIFY(!dialog.isAcceptable());
    QVERIFY(!dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY2(dialog.errorText().startsWith(QStringLiteral("Instance ID: no instance id is given")),
             qPrintable(dialog.errorText()));
    QVERIFY(child<QLabel>(&dialog, "cloudProfileError")->isVisible());
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));

    QTest::keyClicks(child<QLineEdit>(&dialog, "cloudInstanceId"), QStringLiteral("iot-06z00ax1o4ly"));
    QVERIFY(dialog.isAcceptable());
    QVERIFY(dialog.errorText().isEmpty());
    QVERIFY(!child<QLabel>(&dialog, "cloudProfileError")->isVisible());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.profile().instanceId, QStringLiteral("iot-06z00ax1o4ly"));
    QVERIFY(!dialog.profile().validate());
}

void TestCloudProfileDialog::missingRegionDisablesOk()
{
    CloudProfile profile;
    profile.instanceId = QStringLiteral("iot-1");
    CloudProfileDialog dialog(profile);
    dialog.show();
    QVERIFY(dialog.isAcceptable());
    auto* kind = child<QComboBox>(&dialog, "cloudEndpointKind");
    auto* region = child<QComboBox>(&dialog, "cloudRegion");
    kind->setCurrentIndex(kind->findData(int(CloudProfile::EndpointKind::Region)));
    // The region row replaces the instance row.
    QVERIFY(region->isVisible());
    QVERIFY(!child<QLineEdit>(&dialog, "cloudInstanceId")->isVisible());
    region->setCurrentText(QString());
    QVERIFY(!dialog.isAcceptable());
    QVERIFY2(dialog.errorText().startsWith(QStringLiteral("Region: no region is given")),
             qPrintable(dialog.errorText()));

    region->setCurrentText(QStringLiteral("CN Shanghai"));
    QVERIFY(!dialog.isAcceptable());
    QVERIFY(dialog.errorText().contains(QStringLiteral("is not a region id")));

    region->setCurrentText(QStringLiteral("cn-shanghai"));
    QVERIFY(dialog.isAcceptable());
    QCOMPARE(dialog.profile().endpointKind, CloudProfile::EndpointKind::Region);
    QCOMPARE(dialog.profile().regionId, QStringLiteral("cn-shanghai"));
}

void TestCloudProfileDialog::keepAliveOutOfRangeDisablesOk()
{
    CloudProfile profile;
    profile.instanceId = QStringLiteral("iot-1");
    CloudProfileDialog dialog(profile);
    dialog.show();
    auto* keepAlive = child<QSpinBox>(&dialog, "cloudKeepAlive");
    QCOMPARE(keepAlive->value(), 60);
    QVERIFY(dialog.isAcceptable());

    // While "5" is typed it is outside 30-1200: OK is disabled and the reason says so.
    keepAlive->setFocus();
    keepAlive->selectAll();
    QTest::keyClicks(keepAlive, QStringLiteral("5"));
    QCOMPARE(keepAlive->cleanText(), QStringLiteral("5"));
    QVERIFY(!dialog.isAcceptable());
    QVERIFY2(dialog.errorText().startsWith(QStringLiteral("Keep-alive: 5 s is outside 30-1200 s")),
             qPrintable(dialog.errorText()));
    QCOMPARE(dialog.profile().keepAliveSeconds, 5);

    QTest::keyClicks(keepAlive, QStringLiteral("0"));
    QCOMPARE(keepAlive->cleanText(), QStringLiteral("50"));
    QVERIFY(dialog.isAcceptable());
    QCOMPARE(dialog.profile().keepAliveSeconds, 50);
    // The spin box takes nothing above 1200.
    keepAlive->setValue(5000);
    QCOMPARE(keepAlive->value(), 1200);
}

void TestCloudProfileDialog::untickingTlsShowsTheWarning()
{
    CloudProfile profile;
    profile.instanceId = QStringLiteral("iot-1");
    CloudProfileDialog dialog(profile);
    dialog.setPreviewDevice(QStringLiteral("a1Prod"), QStringLiteral("dev-1"));
    dialog.show();
    auto* tls = child<QCheckBox>(&dialog, "cloudTls");
    auto* warning = child<QLabel>(&dialog, "cloudPlainTcpWarning");
    QTest::mouseClick(tls, Qt::LeftButton, {}, QPoint(8, tls->height() / 2));
    QVERIFY(!tls->isChecked());
    QVERIFY(warning->isVisible());
    QCOMPARE(dialog.warningText(), CloudProfile::plainTcpWarning());
    QVERIFY(dialog.warningText().contains(QStringLiteral("unencrypted")));
    QVERIFY(!child<QLineEdit>(&dialog, "cloudCaFile")->isEnabled());
    // Allowed, but never silently: the warning stays while TLS is off.
    QVERIFY(dialog.isAcceptable());
    QVERIFY(!dialog.profile().tls);
    QVERIFY2(dialog.previewText().contains(QStringLiteral("securemode=3")), qPrintable(dialog.previewText()));
    if (const QByteArray dir = qgetenv("CONFIGDECK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QDir().mkpath(QString::fromLocal8Bit(dir));
        QVERIFY(dialog.grab().save(
            QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("cloud-profile.png"))));
    }
    QVERIFY(dialog.previewText().contains(QStringLiteral("plain TCP")));

    tls->click();
    QVERIFY(tls->isChecked());
    QVERIFY(!warning->isVisible());
    QVERIFY(dialog.warningText().isEmpty());
    QVERIFY(dialog.previewText().contains(QStringLiteral("securemode=2")));
}

void TestCloudProfileDialog::previewShowsHostClientIdAndUserName()
{
    CloudProfile profile;
    profile.endpointKind = CloudProfile::EndpointKind::Region;
    profile.regionId = QStringLiteral("cn-shanghai");
    CloudProfileDialog dialog(profile);
    dialog.show();
    // No device yet: the host pattern alone.
    QVERIFY2(dialog.previewText().contains(
                 QStringLiteral("{ProductKey}.iot-as-mqtt.cn-shanghai.aliyuncs.com:1883")),
             qPrintable(dialog.previewText()));
    QVERIFY(!dialog.previewText().contains(QStringLiteral("securemode")));

    dialog.setPreviewDevice(QStringLiteral("a1Prod"), QStringLiteral("dev-1"));
    const QString preview = dialog.previewText();
    QVERIFY2(preview.contains(QStringLiteral("a1Prod.iot-as-mqtt.cn-shanghai.aliyuncs.com:1883 (TLS)")),
             qPrintable(preview));
    QVERIFY(preview.contains(
        QStringLiteral("Client ID: a1Prod.dev-1|securemode=2,signmethod=hmacsha256,timestamp=")));
    QVERIFY(preview.contains(QStringLiteral("User name: dev-1&a1Prod")));

    auto* method = child<QComboBox>(&dialog, "cloudSignMethod");
    method->setCurrentIndex(method->findText(QStringLiteral("hmacsha1")));
    QVERIFY(dialog.previewText().contains(QStringLiteral("signmethod=hmacsha1")));
    QCOMPARE(dialog.profile().signMethod, Alink::MqttSignMethod::HmacSha1);
    method->setCurrentIndex(method->findText(QStringLiteral("hmacmd5")));
    QVERIFY(dialog.previewText().contains(QStringLiteral("signmethod=hmacmd5")));

    auto* kind = child<QComboBox>(&dialog, "cloudEndpointKind");
    kind->setCurrentIndex(kind->findData(int(CloudProfile::EndpointKind::Instance)));
    QTest::keyClicks(child<QLineEdit>(&dialog, "cloudInstanceId"), QStringLiteral("iot-06z00ax1o4ly"));
    QVERIFY2(dialog.previewText().contains(QStringLiteral("iot-06z00ax1o4ly.mqtt.iothub.aliyuncs.com:1883")),
             qPrintable(dialog.previewText()));
    auto* port = child<QComboBox>(&dialog, "cloudPort");
    port->setCurrentIndex(port->findData(443));
    QVERIFY(dialog.previewText().contains(QStringLiteral("iot-06z00ax1o4ly.mqtt.iothub.aliyuncs.com:443")));
    QCOMPARE(int(dialog.profile().port), 443);
}

void TestCloudProfileDialog::port8883NeedsACaFile()
{
    CloudProfile profile;
    profile.instanceId = QStringLiteral("iot-1");
    CloudProfileDialog dialog(profile);
    dialog.show();
    auto* port = child<QComboBox>(&dialog, "cloudPort");
    port->setCurrentIndex(port->findData(8883));
    QVERIFY(!dialog.isAcceptable());
    QVERIFY2(dialog.errorText().startsWith(QStringLiteral("CA file: on port 8883")),
             qPrintable(dialog.errorText()));

    auto* caFile = child<QLineEdit>(&dialog, "cloudCaFile");
    caFile->setText(QStringLiteral("/nonexistent/root.pem"));
    QVERIFY(!dialog.isAcceptable());
    QVERIFY(dialog.errorText().contains(QStringLiteral("/nonexistent/root.pem")));

    QTemporaryFile pem;
    QVERIFY(pem.open());
    pem.write("-----BEGIN CERTIFICATE-----\n");
    pem.flush();
    caFile->setText(pem.fileName());
    QVERIFY2(dialog.isAcceptable(), qPrintable(dialog.errorText()));
    QCOMPARE(dialog.profile().caFile, pem.fileName());
}

void TestCloudProfileDialog::advancedHostOverride()
{
    CloudProfile profile;
    profile.instanceId = QStringLiteral("iot-1");
    CloudProfileDialog dialog(profile);
    dialog.setPreviewDevice(QStringLiteral("a1Prod"), QStringLiteral("dev-1"));
    dialog.show();
    auto* advanced = child<QGroupBox>(&dialog, "cloudAdvanced");
    auto* host = child<QLineEdit>(&dialog, "cloudHost");
    QVERIFY(!host->isEnabled());
    advanced->setChecked(true);
    QVERIFY(host->isEnabled());
    QVERIFY(!dialog.isAcceptable());
    QVERIFY2(dialog.errorText().startsWith(QStringLiteral("Host:")), qPrintable(dialog.errorText()));

    QTest::keyClicks(host, QStringLiteral("127.0.0.1"));
    child<QSpinBox>(&dialog, "cloudHostPort")->setValue(18883);
    QVERIFY2(dialog.isAcceptable(), qPrintable(dialog.errorText()));
    QCOMPARE(dialog.profile().hostOverride, QStringLiteral("127.0.0.1"));
    QCOMPARE(int(dialog.profile().portOverride), 18883);
    QVERIFY2(dialog.previewText().contains(QStringLiteral("127.0.0.1:18883")),
             qPrintable(dialog.previewText()));

    host->setText(QStringLiteral("bad host"));
    QVERIFY(!dialog.isAcceptable());
    QVERIFY(dialog.errorText().contains(QStringLiteral("is not a host name")));

    // Unticked, the override is not part of the profile.
    advanced->setChecked(false);
    QVERIFY(dialog.isAcceptable());
    QVERIFY(dialog.profile().hostOverride.isEmpty());
    QCOMPARE(int(dialog.profile().portOverride), 0);
}

void TestCloudProfileDialog::fieldsRoundTrip_data()
{
    QTest::addColumn<CloudProfile>("profile");
    CloudProfile region;
    region.endpointKind = CloudProfile::EndpointKind::Region;
    region.regionId = QStringLiteral("ap-southeast-1");
    region.port = 443;
    region.signMethod = Alink::MqttSignMethod::HmacMd5;
    region.keepAliveSeconds = 1200;
    QTest::addRow("region") << region;

    CloudProfile instance;
    instance.instanceId = QStringLiteral("iot-06z00ax1o4ly");
    instance.tls = false;
    instance.signMethod = Alink::MqttSignMethod::HmacSha1;
    instance.keepAliveSeconds = 30;
    QTest::addRow("instance, plain TCP") << instance;

    CloudProfile overridden;
    overridden.instanceId = QStringLiteral("iot-test");
    overridden.hostOverride = QStringLiteral("mqtt.lab.example");
    overridden.portOverride = 28883;
    overridden.caFile = QStringLiteral("/etc/ssl/certs/ca-certificates.crt");
    QTest::addRow("host override with CA file") << overridden;
}

void TestCloudProfileDialog::fieldsRoundTrip()
{
    QFETCH(CloudProfile, profile);
    CloudProfileDialog dialog(CloudProfile{});
    dialog.setProfile(profile);
    QCOMPARE(dialog.profile().toJson(), profile.toJson());
    QVERIFY(dialog.profile() == profile);
}

void TestCloudProfileDialog::describeNamesEveryChoice()
{
    CloudProfile profile;
    profile.endpointKind = CloudProfile::EndpointKind::Region;
    profile.regionId = QStringLiteral("cn-shanghai");
    profile.port = 443;
    const QString text = CloudProfileDialog::describe(profile);
    QVERIFY2(text.contains(QStringLiteral("Region cn-shanghai")) &&
                 text.contains(QStringLiteral("port 443")) && text.contains(QStringLiteral("GlobalSign")) &&
                 text.contains(QStringLiteral("hmacsha256")) &&
                 text.contains(QStringLiteral("keep-alive 60 s")),
             qPrintable(text));
    profile.tls = false;
    QVERIFY(CloudProfileDialog::describe(profile).contains(QStringLiteral("plain TCP")));
}

QTEST_MAIN(TestCloudProfileDialog)
#include "TestCloudProfileDialog.moc"
