#include "session/SessionSettings.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using Session::SessionMode;
using Session::SessionSettings;

class TestSessionSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void urlCredentialsAreStoredApart_data();
    void urlCredentialsAreStoredApart();
    void conflictingCredentialsAreRefused();

private:
    // The workspace file and its journal, byte for byte.
    QByteArray storedBytes() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store::Workspace> m_workspace;
};

void TestSessionSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = Store::Workspace::open(m_dir->filePath(QStringLiteral("fleet.configdeck")));
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
    m_workspace = std::move(opened).value();
    m_workspace->keys().setSealer(std::make_shared<Store::SecretSealer>(Store::SecretSealer::randomKey()));
}

void TestSessionSettings::cleanup()
{
    m_workspace.reset();
    m_dir.reset();
}

QByteArray TestSessionSettings::storedBytes() const
{
    QByteArray all;
    const auto files = QDir(m_dir->path()).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo& info : files) {
        QFile file(info.filePath());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

void TestSessionSettings::urlCredentialsAreStoredApart_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("address");
    QTest::addRow("scheme") << "mqtt://operator:Pa55-w0rd@broker.lab:1883"
                            << "mqtt://broker.lab:1883";
    QTest::addRow("no scheme") << "operator:Pa55-w0rd@broker.lab:1883"
                               << "broker.lab:1883";
}

void TestSessionSettings::urlCredentialsAreStoredApart()
{
    QFETCH(QString, url);
    QFETCH(QString, address);
    SessionSettings settings;
    settings.mode = SessionMode::Broker;
    settings.brokerUrl = url;
    QVERIFY(!settings.validate());
    const auto saved = settings.save(*m_workspace);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message()));

    QCOMPARE(*m_workspace->settings().value(QStringLiteral("session/brokerUrl")), address);
    QCOMPARE(*m_workspace->settings().value(QStringLiteral("session/username")), QStringLiteral("operator"));
    const QByteArray stored = storedBytes();
    QVERIFY(stored.contains(address.toUtf8()));
    QVERIFY(!stored.contains("Pa55-w0rd"));

    const auto loaded = SessionSettings::load(*m_workspace);
    QVERIFY(loaded);
    QCOMPARE(loaded->brokerUrl, address);
    QCOMPARE(loaded->username, QStringLiteral("operator"));
    QCOMPARE(loaded->password, QStringLiteral("Pa55-w0rd")); // sealed in the file, opened here
}

void TestSessionSettings::conflictingCredentialsAreRefused()
{
    SessionSettings settings;
    settings.mode = SessionMode::Broker;
    settings.brokerUrl = QStringLiteral("mqtt://operator:Pw-first@broker.lab");
    settings.username = QStringLiteral("operator");
    settings.password = QStringLiteral("Pw-second");
    const auto error = settings.validate();
    QVERIFY(error);
    QCOMPARE(error->field, QStringLiteral("password"));
    QVERIFY2(!error->message().contains(QLatin1StringView("Pw-first")) &&
                 !error->message().contains(QLatin1StringView("Pw-second")),
             qPrintable(error->message()));
    QVERIFY(!settings.save(*m_workspace));
    QVERIFY(!storedBytes().contains("Pw-first"));

    settings.password.clear();
    settings.username = QStringLiteral("someone-else");
    QCOMPARE(settings.validate()->field, QStringLiteral("username"));
}

QTEST_GUILESS_MAIN(TestSessionSettings)
#include "TestSessionSettings.moc"
