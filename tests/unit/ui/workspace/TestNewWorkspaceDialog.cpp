#include "NewWorkspaceDialog.h"
#include "support/GuiTestHelpers.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
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

QTEST_MAIN(TestNewWorkspaceDialog)
#include "TestNewWorkspaceDialog.moc"
