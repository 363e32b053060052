#pragma once

// A stand-in for Alibaba Cloud IoT Platform on loopback: a real Mosquitto with a TLS listener (CA and server
// certificate generated for the test), a password file holding the signed passwords of the test identities
// (computed here independently of the code under test, for a fixed timestamp), an ACL that lets each identity
// use only its own config topics, and the platform service with an HTTPS file server answering as the cloud
// does.

#include "cloud/CloudProfile.h"
#include "roles/PlatformService.h"
#include "support/MosquittoFixture.h"
#include "transfer/FileServer.h"
#include "transport/MosquittoConnection.h"

#include <QFile>
#include <QMessageAuthenticationCode>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace ConfigDeck::Tests {

class CloudRig
{
public:
    static constexpr qint64 kTimestamp = 1764158400000; // fixed: the timestamp is part of the signed content
    static inline const QString kPlatformUser = QStringLiteral("platform");
    static inline const QString kPlatformPassword = QStringLiteral("platform-password");

    // What the platform expects: hex HMAC-SHA256(secret,
    // "clientId{pk}.{dn}deviceName{dn}productKey{pk}timestamp{ts}").
    static QString expectedPassword(const Alink::DeviceIdentity& identity)
    {
        const QString content = QStringLiteral("clientId%1.%2deviceName%2productKey%1timestamp%3")
                                    .arg(identity.productKey, identity.deviceName)
                                    .arg(kTimestamp);
        return QString::fromLatin1(QMessageAuthenticationCode::hash(content.toUtf8(),
                                                                    identity.deviceSecret.toUtf8(),
                                                                    QCryptographicHash::Sha256)
                                       .toHex()
                                       .toUpper());
    }

    explicit CloudRig(const QList<Alink::DeviceIdentity>& registered)
        : fileServer([this](const QString& sha) { return platform->content(sha); })
    {
        TestSupport::MosquittoFixture::Options options;
        options.allowAnonymous = false;
        options.tls = true;
        options.users.insert(kPlatformUser, kPlatformPassword);
        QByteArray acl = "user " + kPlatformUser.toUtf8() + "\ntopic readwrite #\n";
        for (const Alink::DeviceIdentity& identity : registered) {
            const QString user = identity.deviceName + QLatin1Char('&') + identity.productKey;
            options.users.insert(user, expectedPassword(identity));
            const QByteArray base = "/sys/" + identity.productKey.toUtf8() + '/' +
                                    identity.deviceName.toUtf8() + "/thing/config/";
            acl += "\nuser " + user.toUtf8() + "\ntopic write " + base + "get\ntopic read " + base +
                   "get_reply\ntopic read " + base + "push\ntopic write " + base + "push_reply\n";
        }
        const QString aclFile = m_dir.filePath(QStringLiteral("acl"));
        QFile file(aclFile);
        if (file.open(QIODevice::WriteOnly))
            file.write(acl);
        file.close();
        options.extraConfig = QStringLiteral("acl_file %1").arg(aclFile);
        broker = std::make_unique<TestSupport::MosquittoFixture>(options);
        platformConnection = new Transport::MosquittoConnection;
        platform = std::make_unique<Roles::PlatformService>(platformConnection, &fileServer);
    }

    ~CloudRig()
    {
        platform.reset();
        delete platformConnection;
    }

    // Starts the broker, the HTTPS file server and the platform; true when the platform is connected.
    bool start(QString* error)
    {
        if (!broker->start()) {
            *error = broker->errorString();
            return false;
        }
        const auto& pki = *broker->certificates();
        const auto identity = Transfer::TlsIdentity::fromPemFiles(pki.serverCertificate, pki.serverKey);
        if (!identity) {
            *error = identity.error().message();
            return false;
        }
        fileServer.setTlsIdentity(*identity);
        if (const auto listening = fileServer.listen(); !listening) {
            *error = listening.error().message();
            return false;
        }
        Transport::MqttConnectOptions options;
        options.host = broker->host();
        options.port = broker->port();
        options.clientId = QStringLiteral("configdeck-platform");
        options.username = kPlatformUser;
        options.password = kPlatformPassword;
        if (auto failure = platformConnection->connectToBroker(options)) {
            *error = failure->message();
            return false;
        }
        if (auto failure = platform->start()) {
            *error = failure->message();
            return false;
        }
        if (!QTest::qWaitFor([this] { return platformConnection->isConnected(); }, 10000)) {
            *error = QStringLiteral("the platform did not connect: ") + broker->log();
            return false;
        }
        return true;
    }

    // The profile a device uses to reach this broker's TLS listener, trusting only the test CA.
    Cloud::CloudProfile profile() const
    {
        Cloud::CloudProfile profile;
        profile.instanceId = QStringLiteral("iot-test");
        profile.hostOverride = broker->host();
        profile.portOverride = broker->tlsPort();
        profile.caFile = broker->caFile();
        return profile;
    }

    QList<QSslCertificate> downloadRoots() const { return QSslCertificate::fromPath(broker->caFile()); }

    QTemporaryDir m_dir;
    std::unique_ptr<TestSupport::MosquittoFixture> broker;
    Transfer::FileServer fileServer;
    Transport::MqttConnection* platformConnection = nullptr;
    std::unique_ptr<Roles::PlatformService> platform;
};

} // namespace ConfigDeck::Tests
