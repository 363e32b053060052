// The Alibaba Cloud account dialog, offscreen: the least-privilege advice and the main-AccessKey warning,
// OK disabled with the reason in words, the secret sealed on OK (never shown back, kept when left empty),
// a locked workspace refusing a new secret.
#include "AccountProfileDialog.h"
#include "cloud/AccountProfile.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"
#include "support/WorkspaceChecks.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using Ui::AccountProfileDialog;

namespace {
const QByteArray kSecret = "DialogSecret-Zq81mXw2Lp";
}

class TestAccountProfileDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void explainsLeastPrivilege();
    void okNeedsAUsableProfile();
    void savesWithTheSecretSealed();
    void lockedWorkspaceRefusesANewSecret();

private:
    QPushButton* okButton(AccountProfileDialog& dialog) const
    {
        return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    }
    void fill(AccountProfileDialog& dialog, const QByteArray& secret);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Store::Workspace> m_workspace;
};

void TestAccountProfileDialog::init()
{
    m_path =
        m_dir.filePath(QStringLiteral("%1.configdeck").arg(QLatin1StringView(QTest::currentTestFunction())));
    auto opened = Store::Workspace::open(m_path);
    QVERIFY(opened);
    m_workspace = std::move(opened).value();
    m_workspace->keys().setSealer(std::make_shared<Store::SecretSealer>(Store::SecretSealer::randomKey()));
}

void TestAccountProfileDialog::cleanup()
{
    m_workspace.reset();
}

void TestAccountProfileDialog::fill(AccountProfileDialog& dialog, const QByteArray& secret)
{
    dialog.field(QStringLiteral("regionId"))->clear();
    QTest::keyClicks(dialog.field(QStringLiteral("regionId")), QStringLiteral("cn-shanghai"));
    dialog.field(QStringLiteral("accessKeyId"))->setText(QStringLiteral("LTAI5tDialogKey"));
    dialog.field(QStringLiteral("consumerGroupId"))->setText(QStringLiteral("DEFAULT_GROUP"));
    dialog.field(QStringLiteral("accessKeySecret"))->setText(QString::fromUtf8(secret));
}

void TestAccountProfileDialog::explainsLeastPrivilege()
{
    AccountProfileDialog dialog(m_workspace.get());
    QVERIFY(dialog.adviceText().contains(QLatin1String("AliyunIOTReadOnlyAccess")));
    QVERIFY(dialog.adviceText().contains(QLatin1String("RAM user")));
    QVERIFY(dialog.adviceText().contains(QLatin1String("consumer group")));
    QVERIFY(dialog.adviceText().contains(QLatin1String("main AccessKey")));
    QCOMPARE(dialog.field(QStringLiteral("accessKeySecret"))->echoMode(), QLineEdit::Password);
}

void TestAccountProfileDialog::okNeedsAUsableProfile()
{
    AccountProfileDialog dialog(m_workspace.get());
    dialog.show();
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY2(dialog.errorText().contains(QLatin1String("region")), qPrintable(dialog.errorText()));
    fill(dialog, {});
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY2(dialog.errorText().contains(QLatin1String("AccessKey Secret")), qPrintable(dialog.errorText()));
    dialog.field(QStringLiteral("accessKeySecret"))->setText(QString::fromUtf8(kSecret));
    QVERIFY(okButton(dialog)->isEnabled());
    QVERIFY(dialog.errorText().isEmpty());
    dialog.field(QStringLiteral("regionId"))->setText(QStringLiteral("Shanghai"));
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY2(dialog.errorText().contains(QLatin1String("cn-shanghai")), qPrintable(dialog.errorText()));
}

void TestAccountProfileDialog::savesWithTheSecretSealed()
{
    {
        AccountProfileDialog dialog(m_workspace.get());
        dialog.show();
        fill(dialog, kSecret);
        dialog.field(QStringLiteral("openApiUrl"))->setText(QStringLiteral("https://127.0.0.1:9443"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    const auto loaded = Cloud::AccountProfile::load(*m_workspace);
    QVERIFY(loaded && loaded->has_value());
    QCOMPARE((*loaded)->accessKeyId, QStringLiteral("LTAI5tDialogKey"));
    QCOMPARE((*loaded)->consumerGroupId, QStringLiteral("DEFAULT_GROUP"));
    QCOMPARE((*loaded)->openApiUrl, QStringLiteral("https://127.0.0.1:9443"));
    QCOMPARE((*Cloud::AccountProfile::openSecret(*m_workspace))->view(), QByteArrayView(kSecret));
    TestSupport::verifyNoPlainSecrets(m_path, {kSecret});

    // Opened again: the secret is not shown, and left empty it is kept.
    AccountProfileDialog again(m_workspace.get());
    again.show();
    QVERIFY(again.field(QStringLiteral("accessKeySecret"))->text().isEmpty());
    QVERIFY(
        again.field(QStringLiteral("accessKeySecret"))->placeholderText().contains(QLatin1String("keep")));
    QCOMPARE(again.field(QStringLiteral("accessKeyId"))->text(), QStringLiteral("LTAI5tDialogKey"));
    again.field(QStringLiteral("consumerGroupId"))->setText(QStringLiteral("cg-other"));
    QVERIFY(okButton(again)->isEnabled());
    QTest::mouseClick(okButton(again), Qt::LeftButton);
    QCOMPARE((*Cloud::AccountProfile::load(*m_workspace))->consumerGroupId, QStringLiteral("cg-other"));
    QCOMPARE((*Cloud::AccountProfile::openSecret(*m_workspace))->view(), QByteArrayView(kSecret));
}

void TestAccountProfileDialog::lockedWorkspaceRefusesANewSecret()
{
    m_workspace->keys().setSealer(nullptr);
    AccountProfileDialog dialog(m_workspace.get());
    dialog.show();
    fill(dialog, kSecret);
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY2(dialog.errorText().contains(QLatin1String("locked")), qPrintable(dialog.errorText()));
    QVERIFY(!Cloud::AccountProfile::load(*m_workspace)->has_value());
}

QTEST_MAIN(TestAccountProfileDialog)
#include "TestAccountProfileDialog.moc"
