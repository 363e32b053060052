#include "DatabaseConnectionForm.h"
#include "NewWorkspaceDialog.h"
#include "support/GuiTestHelpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace ConfigDeck;
using namespace ConfigDeck::Ui;

// The new-workspace dialog: OK only for a complete choice, the reason shown while it is not; the keychain
// is the default where one answers, a passphrase is typed twice, with a strength hint.
class TestNewWorkspaceDialog : public QObject
{
    Q_OBJECT

private slots:
    void keychainIsTheDefaultWhereOneAnswers();
    void withoutKeychainAPassphraseIsNeeded();
    void passphraseTypedTwice();
    void existingFileIsRefused();
    void strengthHint();
    void sharedDatabaseTakesATeamPassphraseOnly();
    void sharedWorkspaceProtection();

private:
    QTemporaryDir m_dir;
};

void TestNewWorkspaceDialog::keychainIsTheDefaultWhereOneAnswers()
{
    NewWorkspaceDialog dialog(true);
    dialog.setPath(m_dir.filePath(QStringLiteral("fleet")));
    QVERIFY(dialog.keychainButton()->isChecked());
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.path(), m_dir.filePath(QStringLiteral("fleet.configdeck"))); // the suffix is added
    QCOMPARE(dialog.protection().kind, Session::WorkspaceProtection::Kind::Keychain);
}

void TestNewWorkspaceDialog::withoutKeychainAPassphraseIsNeeded()
{
    NewWorkspaceDialog dialog(false);
    dialog.setPath(m_dir.filePath(QStringLiteral("lab.configdeck")));
    QVERIFY(!dialog.keychainButton()->isEnabled());
    QVERIFY(dialog.passphraseButton()->isChecked());
    QVERIFY(!dialog.okButton()->isEnabled());
    QCOMPARE(dialog.problem(), QStringLiteral("The passphrase needs at least 8 characters (0 so far)."));
}

void TestNewWorkspaceDialog::passphraseTypedTwice()
{
    NewWorkspaceDialog dialog(true);
    dialog.resize(560, 360);
    dialog.show();
    dialog.setPath(m_dir.filePath(QStringLiteral("fleet.configdeck")));
    dialog.passphraseButton()->click();
    QVERIFY(dialog.passphraseButton()->isChecked());
    QTest::keyClicks(dialog.passphraseEdit(), QStringLiteral("short"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.problem().contains(QStringLiteral("at least 8 characters (5 so far)")));
    dialog.passphraseEdit()->clear();
    QTest::keyClicks(dialog.passphraseEdit(), QStringLiteral("river stone lantern"));
    QCOMPARE(dialog.problem(), QStringLiteral("The two passphrases differ."));
    QVERIFY(!dialog.okButton()->isEnabled());
    QTest::keyClicks(dialog.confirmEdit(), QStringLiteral("river stone lantern"));
    QVERIFY(dialog.problem().isEmpty());
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(dialog.strengthLabel()->text().startsWith(QStringLiteral("Strength:")));
    const auto protection = dialog.protection();
    QCOMPARE(protection.kind, Session::WorkspaceProtection::Kind::Passphrase);
    QCOMPARE(protection.passphrase, QStringLiteral("river stone lantern"));
    TestSupport::screenshot(&dialog, QStringLiteral("new-workspace.png"));

    // The passphrase that ships with ConfigDeck is no passphrase.
    dialog.passphraseEdit()->setText(Store::KeyRecord::kDemoPassphrase);
    dialog.confirmEdit()->setText(Store::KeyRecord::kDemoPassphrase);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.problem().contains(QStringLiteral("ships with ConfigDeck")));
}

void TestNewWorkspaceDialog::existingFileIsRefused()
{
    const QString existing = m_dir.filePath(QStringLiteral("taken.configdeck"));
    QFile file(existing);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    NewWorkspaceDialog dialog(true);
    dialog.setPath(existing);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.problem().contains(QStringLiteral("taken.configdeck already exists")));
    dialog.setPath(m_dir.filePath(QStringLiteral("no/such/folder/x.configdeck")));
    QVERIFY(dialog.problem().contains(QStringLiteral("does not exist")));
    dialog.setPath(QString());
    QCOMPARE(dialog.problem(), QStringLiteral("Choose where the workspace file goes."));
}

void TestNewWorkspaceDialog::strengthHint()
{
    QVERIFY(NewWorkspaceDialog::strengthHint(QStringLiteral("password")).contains(QStringLiteral("weak")));
    QVERIFY(NewWorkspaceDialog::strengthHint(QStringLiteral("Summer2024")).contains(QStringLiteral("fair")));
    QVERIFY(NewWorkspaceDialog::strengthHint(QStringLiteral("correct horse battery staple"))
                .contains(QStringLiteral("strong")));
    QVERIFY(NewWorkspaceDialog::strengthHint(QString()).isEmpty());
}

void TestNewWorkspaceDialog::sharedDatabaseTakesATeamPassphraseOnly()
{
    NewWorkspaceDialog dialog(true);
    dialog.show();
    QVERIFY(dialog.keychainButton()->isChecked());
    dialog.sharedButton()->setChecked(true);
    QVERIFY(dialog.isShared());
    // No file, and no keychain: the team's other consoles could not open the key.
    QVERIFY(dialog.pathEdit()->isHidden());
    QVERIFY(dialog.connectionForm()->isVisible());
    QVERIFY(!dialog.keychainButton()->isEnabled());
    QVERIFY(dialog.passphraseButton()->isChecked());
    QVERIFY(dialog.passphraseButton()->text().contains(QStringLiteral("team")));

    DatabaseConnectionForm* form = dialog.connectionForm();
    QCOMPARE(dialog.problem(), QStringLiteral("Enter the database server's host name."));
    form->hostEdit()->setText(QStringLiteral("db.example"));
    form->databaseEdit()->setText(QStringLiteral("fleet"));
    form->userEdit()->setText(QStringLiteral("ops"));
    form->portEdit()->setValue(6432);
    form->passwordEdit()->setText(QStringLiteral("s3cret:@/?"));
    form->sslModeBox()->setCurrentIndex(form->sslModeBox()->findData(QStringLiteral("verify-full")));
    QVERIFY2(dialog.problem().contains(QStringLiteral("CA file")), qPrintable(dialog.problem()));
    form->caFileEdit()->setText(QStringLiteral("/etc/ssl/team ca.pem"));
    QVERIFY2(dialog.problem().contains(QStringLiteral("passphrase")), qPrintable(dialog.problem()));
    dialog.passphraseEdit()->setText(QStringLiteral("harbour lantern seven"));
    dialog.confirmEdit()->setText(QStringLiteral("harbour lantern seven"));
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problem()));
    QCOMPARE(dialog.protection().kind, Session::WorkspaceProtection::Kind::Passphrase);

    // The location never carries the password, and reads back into the same fields.
    const QString url = dialog.location();
    QVERIFY(!url.contains(QStringLiteral("s3cret")));
    QVERIFY2(url.startsWith(QStringLiteral("postgresql://ops@db.example:6432/fleet?sslmode=verify-full")),
             qPrintable(url));
    DatabaseConnectionForm again;
    again.setUrl(url);
    QCOMPARE(again.url(), url);
    QCOMPARE(again.caFileEdit()->text(), QStringLiteral("/etc/ssl/team ca.pem"));
    QVERIFY(again.password().isEmpty());

    // Back to a file: the keychain is offered again.
    dialog.fileButton()->setChecked(true);
    QVERIFY(dialog.keychainButton()->isEnabled());
    QVERIFY(dialog.connectionForm()->isHidden());
}

// Workspace protection of an open shared workspace: a new team passphrase (typed twice) or forgetting the
// team key here; the keychain alone is refused with the reason, even where a keychain answers.
void TestNewWorkspaceDialog::sharedWorkspaceProtection()
{
    NewWorkspaceDialog dialog(true);
    dialog.setProtectsSharedWorkspace(true);
    dialog.show();
    QVERIFY(!dialog.pathEdit()->isVisible());
    QVERIFY(!dialog.connectionForm()->isVisible());
    QVERIFY(!dialog.keychainButton()->isEnabled());
    QVERIFY(dialog.keychainNote()->isEnabled());
    QVERIFY2(dialog.keychainNote()->text().contains(
                 QStringLiteral("wrapped under a team passphrase so that every member can open it")),
             qPrintable(dialog.keychainNote()->text()));
    QVERIFY(dialog.passphraseButton()->isChecked());
    QVERIFY(dialog.forgetTeamKeyButton()->isVisible());
    QVERIFY(!dialog.forgetsTeamKey());

    // A new team passphrase needs the usual length and both fields alike.
    QVERIFY(!dialog.okButton()->isEnabled());
    dialog.passphraseEdit()->setText(QStringLiteral("quay compass eleven"));
    dialog.confirmEdit()->setText(QStringLiteral("quay compass elevem"));
    QCOMPARE(dialog.problem(), QStringLiteral("The two passphrases differ."));
    dialog.confirmEdit()->setText(QStringLiteral("quay compass eleven"));
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problem()));
    QCOMPARE(dialog.protection().kind, Session::WorkspaceProtection::Kind::Passphrase);
    QCOMPARE(dialog.protection().passphrase, QStringLiteral("quay compass eleven"));

    // The keychain, were it chosen, is refused with the reason.
    dialog.keychainButton()->setChecked(true);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY2(dialog.problem().contains(QStringLiteral("so that every member can open it")),
             qPrintable(dialog.problem()));

    // Forgetting the team key needs no passphrase.
    dialog.passphraseEdit()->clear();
    dialog.forgetTeamKeyButton()->setChecked(true);
    QVERIFY(dialog.forgetsTeamKey());
    QVERIFY(!dialog.passphraseEdit()->isEnabled());
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problem()));

    // A file workspace's dialog never offers it.
    NewWorkspaceDialog file(true);
    file.setAsksForPath(false);
    file.show();
    QVERIFY(!file.forgetTeamKeyButton()->isVisible());
    QVERIFY(file.keychainButton()->isEnabled());
}

QTEST_MAIN(TestNewWorkspaceDialog)
#include "TestNewWorkspaceDialog.moc"
