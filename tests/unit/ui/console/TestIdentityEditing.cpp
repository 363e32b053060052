// Devices and products managed by hand in the real console window, offscreen, over a workspace of one's own
// (passphrase) seeded with the Demo's made-up fleet: add (fields and pasted lines), edit, replace the
// secret, delete, products, each with undo and redo; the Demo sends real identities to a new workspace.
#include "AddDeviceDialog.h"
#include "DeviceEditDialog.h"
#include "FleetView.h"
#include "IdentityEditor.h"
#include "Localization.h"
#include "MainWindow.h"
#include "NewWorkspaceDialog.h"
#include "ProductsDialog.h"
#include "roles/FleetSimulator.h"
#include "session/ConsoleSession.h"
#include "store/CsvImport.h"
#include "store/FleetModel.h"
#include "store/Workspace.h"
#include "support/GuiTestHelpers.h"
#include "support/StoredValue.h"
#include "support/WorkspaceChecks.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace ConfigDeck;
using namespace ConfigDeck::Ui;
using ConfigDeck::TestSupport::answerNextMessageBox;
using ConfigDeck::TestSupport::screenshot;
using ConfigDeck::TestSupport::whenModal;

namespace {

const QString kNewProduct = QStringLiteral("a1Hand01");
const QString kPassphrase = QStringLiteral("identity editing passphrase");

// Answers the next message box with its destructive button (a custom "Delete …" one), keeping its texts.
void confirmNextDeletion(QString* text, QString* informative)
{
    whenModal<QMessageBox>([text, informative](QMessageBox* box) {
        *text = box->text();
        *informative = box->informativeText();
        for (QAbstractButton* button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                button->click();
        }
    });
}

// Until the lead adds this branch's strings to the English translation, "%n device(s)" shows as written;
// this reads it as English would for n.
QString english(QString text, int n)
{
    return text.replace(QStringLiteral("(s)"), n == 1 ? QString() : QStringLiteral("s"));
}

QStringList problems(const AddDeviceDialog& dialog)
{
    QStringList lines;
    for (int i = 0; i < dialog.problemList()->count(); ++i)
        lines << dialog.problemList()->item(i)->text();
    return lines;
}

} // namespace

class TestIdentityEditing final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void demoRefusesRealIdentities();
    void addOneDeviceFromTheFields();
    void pastedLinesWithABadLineAddNothing();
    void editLabelsAndNoteWithUndo();
    void replaceSecretReseals();
    void deleteDevicesWithUndoAndRedo();
    void productsAddRenameDeleteWithUndo();
    void remoteConfigOffAnswers6713();
    void alibabaLimitsPerProduct();
    void secretsNeverInTheFile();

private:
    bool waitForFleet();
    bool selectDevices(const QList<Alink::DeviceKey>& devices);
    Store::IdentityStore& identities() { return m_window->session()->workspace()->identities(); }
    Store::DeviceStateStore& states() { return m_window->session()->workspace()->deviceStates(); }
    qint64 deviceCount(const QString& productKey = {})
    {
        return storedValue(identities().deviceCount(productKey));
    }
    std::optional<Store::ProductRecord> storedProduct(const QString& productKey)
    {
        return storedValue(identities().product(productKey));
    }
    std::optional<Store::DeviceRecord> storedDevice(const Alink::DeviceKey& key)
    {
        return storedValue(identities().device(key.productKey, key.deviceName));
    }
    QByteArray storedSecret(const Alink::DeviceKey& key)
    {
        return storedValue(identities().deviceSecret(key.productKey, key.deviceName));
    }
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
    QList<QByteArray> m_secrets; // every secret given to the workspace
};

void TestIdentityEditing::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfigDeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestIdentityEditing"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCOMPARE(Localization::install(QLocale::c()), QStringLiteral("en"));
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();

    m_path = m_dir.filePath(QStringLiteral("lab.configdeck"));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    Session::ConsoleSession::Options options;
    options.workspacePath = m_path;
    options.create = Session::WorkspaceProtection::withPassphrase(kPassphrase);
    options.passphrase = kPassphrase;
    QVERIFY(m_window->openSession(options));
    QVERIFY(!m_window->session()->isDemo());
    // The Demo's made-up fleet, simulated: products a1Gate and a1Thermo among others.
    QVERIFY(m_window->session()->ensureSeeded());
    QVERIFY(m_window->session()->restartEngine());
    QVERIFY(deviceCount() > 0);
}

void TestIdentityEditing::cleanupTestCase()
{
    m_window.reset();
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
}

void TestIdentityEditing::cleanup()
{
    // A test that failed half-way leaves no dialog open for the next one.
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (auto* dialog = qobject_cast<QDialog*>(widget); dialog && dialog->isVisible())
            dialog->reject();
    }
}

bool TestIdentityEditing::waitForFleet()
{
    Roles::FleetSimulator* fleet = m_window->session()->fleet();
    return fleet &&
           QTest::qWaitFor([fleet] { return fleet->connectedCount() == fleet->expectedOnline(); }, 20000);
}

bool TestIdentityEditing::selectDevices(const QList<Alink::DeviceKey>& devices)
{
    FleetView* view = m_window->fleetView();
    view->clearFilters();
    QList<QPersistentModelIndex> rows;
    for (const Alink::DeviceKey& device : devices) {
        view->selectDevice(device.productKey, device.deviceName);
        if (!view->currentDevice() || *view->currentDevice() != device)
            return false;
        rows.append(view->table()->currentIndex());
    }
    // selectDevice() selects one row; select them all, as a Ctrl+click would.
    for (const QPersistentModelIndex& row : rows)
        view->table()->selectionModel()->select(row, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    return view->selectedDevices().size() == devices.size();
}

void TestIdentityEditing::demoRefusesRealIdentities()
{
    MainWindow window;
    window.openDemo();
    Session::ConsoleSession* session = window.session();
    QVERIFY(session->isDemo());
    const QString demoPath = session->workspacePath();
    const qint64 demoDevices = storedValue(session->workspace()->identities().deviceCount());

    // Declined: no dialog, nothing added, the Demo stays open.
    QString offer;
    answerNextMessageBox(QMessageBox::Cancel, &offer);
    QVERIFY(!window.addDevices());
    QVERIFY(offer.contains(QStringLiteral("made-up devices only")));
    QVERIFY(session->isDemo());
    QCOMPARE(storedValue(session->workspace()->identities().deviceCount()), demoDevices);

    // Nor does a replaced DeviceSecret: the Demo's edit dialog keeps its secret field shut.
    const Store::DeviceRecord made = storedValue(session->workspace()->identities().devices({}, 1)).first();
    QTRY_VERIFY(window.fleetModel()->rowCount() > 0);
    window.fleetView()->selectDevice(made.productKey, made.deviceName);
    DeviceEditDialog* edit = window.editCurrentDevice();
    QVERIFY(edit);
    QVERIFY(!edit->secretEdit()->isEnabled());
    edit->reject();

    // Accepted: a workspace of one's own is made and opened, and the device goes there.
    const QString target = m_dir.filePath(QStringLiteral("real.configdeck"));
    answerNextMessageBox(QMessageBox::Yes, &offer);
    whenModal<NewWorkspaceDialog>([target](NewWorkspaceDialog* dialog) {
        dialog->setPath(target);
        dialog->passphraseButton()->setChecked(true);
        dialog->passphraseEdit()->setText(kPassphrase);
        dialog->confirmEdit()->setText(kPassphrase);
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    AddDeviceDialog* dialog = window.addDevices();
    QVERIFY(dialog);
    QVERIFY(!session->isDemo());
    QCOMPARE(session->workspacePath(), target);
    const QByteArray secret = "Rl4Dv9Qs2Xe7Bn5Kt1Wm8Hc3Jz6Yp0Gf";
    QTest::keyClicks(dialog->productKeyEdit(), QStringLiteral("a1Real"));
    QTest::keyClicks(dialog->deviceNameEdit(), QStringLiteral("meter-0009"));
    QTest::keyClicks(dialog->secretEdit(), QString::fromLatin1(secret));
    QVERIFY(dialog->addButton()->isEnabled());
    dialog->addButton()->click();
    QCOMPARE(storedValue(session->workspace()->identities().deviceSecret(QStringLiteral("a1Real"),
                                                                         QStringLiteral("meter-0009"))),
             secret);
    session->flush();
    TestSupport::verifyNoPlainSecrets(target, {secret});

    // The Demo kept its own devices only.
    window.openDemo();
    QCOMPARE(session->workspacePath(), demoPath);
    QCOMPARE(storedValue(session->workspace()->identities().deviceCount()), demoDevices);
    QVERIFY(!storedValue(
        session->workspace()->identities().device(QStringLiteral("a1Real"), QStringLiteral("meter-0009"))));
}

void TestIdentityEditing::addOneDeviceFromTheFields()
{
    const qint64 before = deviceCount();
    const int rowsBefore = m_window->fleetModel()->rowCount();
    AddDeviceDialog* dialog = m_window->addDevices();
    QVERIFY(dialog);
    QVERIFY(!dialog->addButton()->isEnabled());
    QCOMPARE(dialog->secretEdit()->echoMode(), QLineEdit::Password);
    dialog->showSecretBox()->setChecked(true);
    QCOMPARE(dialog->secretEdit()->echoMode(), QLineEdit::Normal);
    dialog->showSecretBox()->setChecked(false);
    QCOMPARE(dialog->secretEdit()->echoMode(), QLineEdit::Password);

    const QByteArray secret = "Fk29dLq0aB7cXy3nE5mR1tUv8wZs4hJ2";
    m_secrets << secret;
    QTest::keyClicks(dialog->productKeyEdit(), kNewProduct);
    QTest::keyClicks(dialog->deviceNameEdit(), QStringLiteral("ab"));
    QTest::keyClicks(dialog->secretEdit(), QString::fromLatin1(secret));
    // The CSV import's own message for the same value.
    QCOMPARE(dialog->summaryText(), QStringLiteral("This device cannot be added:"));
    QVERIFY(problems(*dialog).contains(
        QStringLiteral("DeviceName \"ab\" has 2 characters; it must have 4 to 32")));
    QVERIFY(!dialog->addButton()->isEnabled());
    QTest::keyClicks(dialog->deviceNameEdit(), QStringLiteral("-hand-0001"));
    QVERIFY(dialog->addButton()->isEnabled());
    QCOMPARE(dialog->summaryText(),
             QStringLiteral("Ready to add %1/ab-hand-0001 and its new product %1.").arg(kNewProduct));
    QVERIFY(problems(*dialog).contains(
        QStringLiteral("Product %1 is not in the workspace yet: it will be added.").arg(kNewProduct)));
    screenshot(dialog, QStringLiteral("device-editor.png"));

    QSignalSpy changed(m_window->session(), &Session::ConsoleSession::fleetChanged);
    dialog->addButton()->click();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(deviceCount(), before + 1);
    QVERIFY(storedProduct(kNewProduct));
    QCOMPARE(storedSecret({kNewProduct, QStringLiteral("ab-hand-0001")}), secret);
    QCOMPARE(m_window->fleetModel()->rowCount(), rowsBefore + 1);
    QVERIFY(m_window->session()->platform()->product(kNewProduct));

    // Undo takes the device and its new product away; redo puts both back with the sealed secret.
    QUndoStack* stack = m_window->identities()->undoStack();
    QCOMPARE(english(stack->undoText(), 1), QStringLiteral("add 1 device"));
    stack->undo();
    QCOMPARE(deviceCount(), before);
    QVERIFY(!storedProduct(kNewProduct));
    QCOMPARE(m_window->fleetModel()->rowCount(), rowsBefore);
    stack->redo();
    QCOMPARE(deviceCount(), before + 1);
    QCOMPARE(storedSecret({kNewProduct, QStringLiteral("ab-hand-0001")}), secret);
    QCOMPARE(m_window->fleetModel()->rowCount(), rowsBefore + 1);
}

void TestIdentityEditing::pastedLinesWithABadLineAddNothing()
{
    const qint64 before = deviceCount();
    AddDeviceDialog* dialog = m_window->addDevices();
    QVERIFY(dialog);
    dialog->showPastedLines();
    m_secrets << "Pq7Rt9Wx2Yz4Ab6Cd8Ef0Gh1Ij3Kl5Mn"
              << "Zx1Cv2Bn3Mq4Wr5Ty6Ui7Op8As9Df0Gh";
    const QByteArray bad = kNewProduct.toUtf8() + ",hand-0002," + m_secrets.at(1) + "\n" +
                           kNewProduct.toUtf8() + ",hand 0003," + m_secrets.at(2) + "\n";
    dialog->linesEdit()->setPlainText(QString::fromUtf8(bad));
    QVERIFY(!dialog->addButton()->isEnabled());
    // Exactly what an import of the same row says.
    const auto imported = Store::CsvImport(*m_window->session()->workspace())
                              .previewData("ProductKey,DeviceName,DeviceSecret\n" + bad);
    QVERIFY(imported);
    QCOMPARE(imported->errors.size(), 1);
    QVERIFY(imported->errors.first().message.contains(QStringLiteral("only letters, digits")));
    QCOMPARE(problems(*dialog),
             QStringList{QStringLiteral("Line 2: %1").arg(imported->errors.first().message)});
    QCOMPARE(english(dialog->summaryText(), 1),
             QStringLiteral("1 line cannot be added; nothing will be added until every line is right."));
    // A device of the workspace is refused with the import's message too.
    dialog->linesEdit()->setPlainText(QString::fromUtf8(kNewProduct.toUtf8() + ",ab-hand-0001,xyz\n"));
    QCOMPARE(
        problems(*dialog),
        QStringList{
            QStringLiteral("Line 1: device %1/ab-hand-0001 is already in the workspace").arg(kNewProduct)});
    dialog->reject();
    QCOMPARE(deviceCount(), before);

    dialog = m_window->addDevices();
    dialog->showPastedLines();
    QByteArray good = bad;
    good.replace("hand 0003", "hand-0003");
    dialog->linesEdit()->setPlainText(QString::fromUtf8(good));
    QVERIFY(dialog->addButton()->isEnabled());
    QCOMPARE(english(dialog->summaryText(), 2), QStringLiteral("2 devices ready to add."));
    dialog->addButton()->click();
    QCOMPARE(deviceCount(), before + 2);
    QCOMPARE(storedSecret({kNewProduct, QStringLiteral("hand-0003")}), m_secrets.at(2));
}

void TestIdentityEditing::editLabelsAndNoteWithUndo()
{
    const Alink::DeviceKey device{kNewProduct, QStringLiteral("hand-0002")};
    QVERIFY(selectDevices({device}));
    DeviceEditDialog* dialog = m_window->editCurrentDevice();
    QVERIFY(dialog);
    QCOMPARE(dialog->secretEdit()->echoMode(), QLineEdit::Password);
    dialog->labelsEdit()->setText(QStringLiteral("roof, pilot, roof"));
    dialog->noteEdit()->setPlainText(QStringLiteral("On the roof of hall 3"));
    screenshot(dialog, QStringLiteral("device-edit.png"));
    QSignalSpy changed(m_window->session(), &Session::ConsoleSession::fleetChanged);
    dialog->accept();
    QCOMPARE(storedDevice(device)->labels, (QStringList{QStringLiteral("pilot"), QStringLiteral("roof")}));
    QCOMPARE(storedDevice(device)->note, QStringLiteral("On the roof of hall 3"));
    QVERIFY(changed.count() >= 1);
    QCOMPARE(storedSecret(device), m_secrets.at(1));

    QUndoStack* stack = m_window->identities()->undoStack();
    QCOMPARE(stack->undoText(), QStringLiteral("edit %1/hand-0002").arg(kNewProduct));
    stack->undo(); // one step for the whole dialog
    QVERIFY(storedDevice(device)->labels.isEmpty());
    QVERIFY(storedDevice(device)->note.isEmpty());
    stack->redo();
    QCOMPARE(storedDevice(device)->labels.size(), 2);
    QCOMPARE(storedDevice(device)->note, QStringLiteral("On the roof of hall 3"));

    // OK without a change adds no step.
    const int steps = stack->count();
    QVERIFY(selectDevices({device})); // the table reloads after a change
    dialog = m_window->editCurrentDevice();
    QVERIFY(dialog);
    dialog->accept();
    QCOMPARE(stack->count(), steps);
}

void TestIdentityEditing::replaceSecretReseals()
{
    const Alink::DeviceKey device{kNewProduct, QStringLiteral("hand-0003")};
    const QByteArray oldSecret = m_secrets.at(2);
    const QByteArray newSecret = "Nw5Sc7Rt9Qa1Zb3Yc5Xd7We9Vf1Ug3Th";
    m_secrets << newSecret;
    QVERIFY(selectDevices({device}));

    // The import's rule: an exported placeholder is no secret.
    QVERIFY(!m_window->identities()->replaceSecret(device, Store::CsvImport::kRedactedSecret));
    QCOMPARE(storedSecret(device), oldSecret);

    DeviceEditDialog* dialog = m_window->editCurrentDevice();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->secretEdit(), QString::fromLatin1(newSecret));
    dialog->accept();
    QCOMPARE(storedSecret(device), newSecret);
    const QByteArray sealedNew =
        storedValue(identities().sealedDeviceSecret(device.productKey, device.deviceName));
    QVERIFY(!sealedNew.contains(newSecret));
    // The labels and note were left alone: only the secret changed.
    QCOMPARE(m_window->identities()->undoStack()->undoText(),
             QStringLiteral("edit %1/hand-0003").arg(kNewProduct));

    m_window->identities()->undoStack()->undo();
    QCOMPARE(storedSecret(device), oldSecret);
    m_window->identities()->undoStack()->redo();
    QCOMPARE(storedSecret(device), newSecret);
    QCOMPARE(storedValue(identities().sealedDeviceSecret(device.productKey, device.deviceName)), sealedNew);
    // The simulated device now signs with the new secret and still connects.
    QVERIFY(waitForFleet());
}

void TestIdentityEditing::deleteDevicesWithUndoAndRedo()
{
    const Alink::DeviceKey first{kNewProduct, QStringLiteral("hand-0002")};
    const Alink::DeviceKey second{kNewProduct, QStringLiteral("hand-0003")};
    // State that goes with them and comes back with undo.
    Store::DeviceStateUpdate update;
    update.productKey = first.productKey;
    update.deviceName = first.deviceName;
    update.sha256 = QString(64, u'a');
    update.configId = QStringLiteral("cfg-1");
    update.state = Store::ConfigState::Applied;
    update.lastReplyCode = 200;
    update.lastMessageTime = QDateTime::fromMSecsSinceEpoch(1700000000000).toUTC();
    QVERIFY(states().apply({update}));
    const auto stateBefore = storedValue(states().state(first.productKey, first.deviceName));
    const auto heldBefore = storedValue(states().heldVersions(first.productKey, first.deviceName));
    QCOMPARE(heldBefore.size(), 1);
    m_window->session()->restartEngine();

    const qint64 before = deviceCount();
    const int rowsBefore = m_window->fleetModel()->rowCount();
    const QString operatorBefore = m_window->session()->operatorName();
    m_window->session()->setOperatorName(QStringLiteral("erin"));
    QVERIFY(selectDevices({first, second}));
    QString text;
    QString informative;
    confirmNextDeletion(&text, &informative);
    m_window->deleteSelectedDevices();
    QCOMPARE(english(text, 2), QStringLiteral("Delete 2 devices from the workspace?"));
    QVERIFY(informative.contains(
        QStringLiteral("configuration state, held versions and rollout outcomes go with them")));
    QVERIFY(informative.contains(QStringLiteral("their messages stay in the message log")));
    QCOMPARE(deviceCount(), before - 2);
    QVERIFY(!storedDevice(first));
    QCOMPARE(m_window->fleetModel()->rowCount(), rowsBefore - 2);
    QVERIFY(!m_window->session()->platform()->product(kNewProduct)->devices.contains(first.deviceName));

    QUndoStack* stack = m_window->identities()->undoStack();
    QCOMPARE(english(stack->undoText(), 2), QStringLiteral("delete 2 devices"));
    stack->undo();
    QCOMPARE(deviceCount(), before);
    QCOMPARE(m_window->fleetModel()->rowCount(), rowsBefore);
    const auto restored = storedDevice(first);
    QVERIFY(restored);
    QCOMPARE(restored->labels, (QStringList{QStringLiteral("pilot"), QStringLiteral("roof")}));
    QCOMPARE(restored->note, QStringLiteral("On the roof of hall 3"));
    QCOMPARE(storedSecret(first), m_secrets.at(1));
    QCOMPARE(storedSecret(second), m_secrets.at(3));
    const auto stateAfter = storedValue(states().state(first.productKey, first.deviceName));
    QCOMPARE(stateAfter->sha256, stateBefore->sha256);
    QCOMPARE(stateAfter->state, Store::ConfigState::Applied);
    QCOMPARE(stateAfter->lastReplyCode, std::optional<int>(200));
    QCOMPARE(stateAfter->lastMessageTime, stateBefore->lastMessageTime);
    QCOMPARE(storedValue(states().heldVersions(first.productKey, first.deviceName)).size(), 1);
    QVERIFY(m_window->session()->platform()->product(kNewProduct)->devices.contains(first.deviceName));

    stack->redo();
    QCOMPARE(deviceCount(), before - 2);
    stack->undo();
    QCOMPARE(deviceCount(), before);

    // Who deleted them, undid and redid it, is in each device's message log.
    for (const Alink::DeviceKey& device : {first, second}) {
        QStringList edits;
        for (const Store::MessageLogEntry& entry :
             storedValue(m_window->session()->workspace()->messageLog().entries(device.productKey,
                                                                                device.deviceName))) {
            // (The earlier tests' edits of these devices were someone else's.)
            if (entry.direction != Store::MessageDirection::Edit ||
                !entry.topic.contains(QLatin1StringView("delete")))
                continue;
            QCOMPARE(entry.operatorName, QStringLiteral("erin"));
            edits.prepend(entry.topic);
        }
        QCOMPARE(edits.size(), 4);
        QVERIFY2(edits.at(0).startsWith(QLatin1StringView("delete ")), qPrintable(edits.at(0)));
        QVERIFY2(edits.at(1).startsWith(QLatin1StringView("undo: delete ")), qPrintable(edits.at(1)));
        QVERIFY2(edits.at(2).startsWith(QLatin1StringView("redo: delete ")), qPrintable(edits.at(2)));
        QVERIFY2(edits.at(3).startsWith(QLatin1StringView("undo: delete ")), qPrintable(edits.at(3)));
    }
    m_window->session()->setOperatorName(operatorBefore);

    // Cancel deletes nothing.
    QVERIFY(selectDevices({second}));
    answerNextMessageBox(QMessageBox::Cancel, &text);
    m_window->deleteSelectedDevices();
    QCOMPARE(english(text, 1), QStringLiteral("Delete 1 device from the workspace?"));
    QCOMPARE(deviceCount(), before);
}

void TestIdentityEditing::productsAddRenameDeleteWithUndo()
{
    ProductsDialog* dialog = m_window->showProducts();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->rowOf(kNewProduct) >= 0);
    const int productsBefore = int(storedValue(identities().products()).size());
    QCOMPARE(dialog->table()->rowCount(), productsBefore);

    // A ProductKey is checked as the import checks it.
    QTest::keyClicks(dialog->newKeyEdit(), QStringLiteral("a1/Bad"));
    dialog->addButton()->click();
    QVERIFY(dialog->problemText().contains(QStringLiteral("a ProductKey cannot contain '/'")));
    QCOMPARE(int(storedValue(identities().products()).size()), productsBefore);

    dialog->newKeyEdit()->setText(QStringLiteral("a1Boiler"));
    dialog->newNameEdit()->setText(QStringLiteral("Boilers"));
    dialog->addButton()->click();
    QVERIFY(dialog->problemText().isEmpty());
    QCOMPARE(storedProduct(QStringLiteral("a1Boiler"))->name, QStringLiteral("Boilers"));
    QTRY_VERIFY(dialog->rowOf(QStringLiteral("a1Boiler")) >= 0);
    QVERIFY(m_window->session()->platform()->product(QStringLiteral("a1Boiler")));
    screenshot(dialog, QStringLiteral("products.png"));

    // Rename: the name is edited in place.
    int row = dialog->rowOf(QStringLiteral("a1Boiler"));
    dialog->table()->item(row, ProductsDialog::NameColumn)->setText(QStringLiteral("Boilers, hall 2"));
    QCOMPARE(storedProduct(QStringLiteral("a1Boiler"))->name, QStringLiteral("Boilers, hall 2"));
    QUndoStack* stack = m_window->identities()->undoStack();
    QCOMPARE(stack->undoText(), QStringLiteral("rename product a1Boiler"));
    stack->undo();
    QCOMPARE(storedProduct(QStringLiteral("a1Boiler"))->name, QStringLiteral("Boilers"));
    QTRY_COMPARE(
        dialog->table()->item(dialog->rowOf(QStringLiteral("a1Boiler")), ProductsDialog::NameColumn)->text(),
        QStringLiteral("Boilers"));

    // Delete an empty product, then undo.
    dialog->table()->setCurrentCell(dialog->rowOf(QStringLiteral("a1Boiler")), 0);
    QString text;
    QString informative;
    confirmNextDeletion(&text, &informative);
    dialog->deleteCurrent();
    QCOMPARE(text, QStringLiteral("Delete product a1Boiler? It has no devices."));
    QVERIFY(!storedProduct(QStringLiteral("a1Boiler")));
    QTRY_COMPARE(dialog->rowOf(QStringLiteral("a1Boiler")), -1);
    stack->undo();
    QCOMPARE(storedProduct(QStringLiteral("a1Boiler"))->name, QStringLiteral("Boilers"));

    // A product with devices: the question says how many go with it; undo brings them back.
    const qint64 devices = deviceCount(kNewProduct);
    QCOMPARE(devices, 3);
    QTRY_VERIFY(dialog->rowOf(kNewProduct) >= 0);
    dialog->table()->setCurrentCell(dialog->rowOf(kNewProduct), 0);
    confirmNextDeletion(&text, &informative);
    dialog->deleteCurrent();
    QCOMPARE(english(text, 3), QStringLiteral("Delete product %1 and its 3 devices?").arg(kNewProduct));
    QVERIFY(!storedProduct(kNewProduct));
    QCOMPARE(deviceCount(kNewProduct), 0);
    stack->undo();
    QVERIFY(storedProduct(kNewProduct));
    QCOMPARE(deviceCount(kNewProduct), 3);
    QCOMPARE(storedSecret({kNewProduct, QStringLiteral("hand-0002")}), m_secrets.at(1));
    dialog->reject();
}

void TestIdentityEditing::remoteConfigOffAnswers6713()
{
    const QString productKey = QStringLiteral("a1Gate");
    ProductsDialog* dialog = m_window->showProducts();
    QTRY_VERIFY(dialog->rowOf(productKey) >= 0);
    QTableWidgetItem* remote =
        dialog->table()->item(dialog->rowOf(productKey), ProductsDialog::RemoteConfigColumn);
    QCOMPARE(remote->checkState(), Qt::Checked);
    remote->setCheckState(Qt::Unchecked);
    QVERIFY(!storedProduct(productKey)->remoteConfigEnabled);
    QVERIFY(!m_window->session()->platform()->product(productKey)->remoteConfigEnabled);
    QTRY_COMPARE(dialog->table()->item(dialog->rowOf(productKey), ProductsDialog::RemoteConfigColumn)->text(),
                 QStringLiteral("Off (6713)"));
    QVERIFY(waitForFleet());

    QList<Alink::DeviceKey> gate;
    for (const Store::DeviceRecord& device : storedValue(identities().devices(productKey)))
        gate.append({device.productKey, device.deviceName});
    QSignalSpy answered(m_window->session()->platform(), &Roles::PlatformService::getAnswered);
    QVERIFY(m_window->session()->requestConfig(gate));
    QTRY_VERIFY(answered.count() >= 10);
    for (const auto& answer : answered)
        QCOMPARE(answer.at(2).toInt(), 6713);

    m_window->identities()->undoStack()->undo();
    QVERIFY(storedProduct(productKey)->remoteConfigEnabled);
    QVERIFY(waitForFleet());
    QSignalSpy again(m_window->session()->platform(), &Roles::PlatformService::getAnswered);
    QVERIFY(m_window->session()->requestConfig(gate));
    QTRY_VERIFY(again.count() >= 10);
    for (const auto& answer : again)
        QVERIFY(answer.at(2).toInt() != 6713);
    dialog->reject();
}

void TestIdentityEditing::alibabaLimitsPerProduct()
{
    QVERIFY(!m_window->session()->settings().alibabaLimits);
    const QString productKey = QStringLiteral("a1Thermo");
    const QStringList one{storedValue(identities().devices(productKey, 1)).first().deviceName};
    QVERIFY(!m_window->session()->checkPush(productKey, one));
    ProductsDialog* dialog = m_window->showProducts();
    QTRY_VERIFY(dialog->rowOf(productKey) >= 0);
    dialog->table()
        ->item(dialog->rowOf(productKey), ProductsDialog::LimitsColumn)
        ->setCheckState(Qt::Checked);
    QVERIFY(storedProduct(productKey)->alibabaLimits);
    const auto refused = m_window->session()->checkPush(productKey, one);
    QVERIFY(refused);
    QVERIFY(refused->message().contains(QStringLiteral("whole product")));
    // The other product keeps the session's rules.
    QVERIFY(!m_window->session()->checkPush(
        QStringLiteral("a1Gate"),
        {storedValue(identities().devices(QStringLiteral("a1Gate"), 1)).first().deviceName}));
    m_window->identities()->undoStack()->undo();
    QVERIFY(!storedProduct(productKey)->alibabaLimits);
    QVERIFY(!m_window->session()->checkPush(productKey, one));
    dialog->reject();
}

void TestIdentityEditing::secretsNeverInTheFile()
{
    QVERIFY(m_secrets.size() >= 4);
    m_window->session()->flush();
    QVERIFY(QFile::exists(m_path + QStringLiteral("-wal")));
    TestSupport::verifyNoPlainSecrets(m_path, m_secrets);
}

QTEST_MAIN(TestIdentityEditing)
#include "TestIdentityEditing.moc"
