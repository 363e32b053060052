#include "IdentityEditor.h"

#include "session/ConsoleSession.h"
#include "store/Workspace.h"

#include <QUndoCommand>
#include <QUndoStack>

#include <memory>

namespace ConfigDeck::Ui {

using Store::Status;
using Store::Workspace;

namespace {
Alink::AlinkError editError(const QString& reason)
{
    return Alink::AlinkError{QString(), reason, -1};
}

QList<Alink::DeviceKey> keysOf(const QList<Store::DeviceRecord>& devices)
{
    QList<Alink::DeviceKey> keys;
    keys.reserve(devices.size());
    for (const Store::DeviceRecord& device : devices)
        keys.append({device.productKey, device.deviceName});
    return keys;
}

QString deviceName(const Alink::DeviceKey& device)
{
    return device.productKey + u'/' + device.deviceName;
}
} // namespace

// One change on the stack; its first redo is skipped because apply() ran it already.
class IdentityEditor::Command final : public QUndoCommand
{
public:
    Command(IdentityEditor* editor, const QString& text, Target target, Follow follow, Step redo, Step undo)
        : QUndoCommand(text)
        , m_editor(editor)
        , m_target(std::move(target))
        , m_follow(follow)
        , m_redo(std::move(redo))
        , m_undo(std::move(undo))
    {
    }

    void redo() override
    {
        if (m_applied) {
            m_applied = false;
            return;
        }
        report(m_editor->run(m_redo, m_follow), IdentityEditor::tr("redo: %1").arg(text()));
    }
    void undo() override
    {
        report(m_editor->run(m_undo, m_follow), IdentityEditor::tr("undo: %1").arg(text()));
    }

private:
    void report(const Status& status, const QString& done)
    {
        if (!status)
            emit m_editor->failed(IdentityEditor::tr("Cannot %1: %2").arg(text(), status.error().message()));
        else
            m_editor->record(done, m_target);
    }

    IdentityEditor* m_editor;
    Target m_target;
    Follow m_follow;
    Step m_redo;
    Step m_undo;
    bool m_applied = true;
};

IdentityEditor::IdentityEditor(Session::ConsoleSession* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_stack(new QUndoStack(this))
{
    // What is on the stack belongs to the workspace that is open: never undo it into another one.
    connect(session, &Session::ConsoleSession::workspaceAboutToClose, m_stack, &QUndoStack::clear);
}

IdentityEditor::~IdentityEditor() = default;

QString IdentityEditor::whatGoesWithDevices()
{
    return tr(
        "Their DeviceSecrets, labels, notes, configuration state, held versions and rollout outcomes go "
        "with them; their messages stay in the message log. Edit > Undo brings them back (without their "
        "rollout outcomes) until the workspace is closed.");
}

Workspace* IdentityEditor::openWorkspace() const
{
    return m_session->workspace();
}

Status IdentityEditor::run(const Step& step, Follow follow)
{
    Workspace* workspace = openWorkspace();
    if (!workspace)
        return editError(tr("no workspace is open"));
    Status status = step(*workspace);
    if (!status)
        return status;
    if (follow == Follow::Views) {
        m_session->announceFleetChanged();
        return status;
    }
    // The change is in the workspace either way; an engine that does not start again is reported apart.
    if (Status restarted = m_session->restartEngine(); !restarted)
        emit failed(restarted.error().message());
    return status;
}

Status IdentityEditor::apply(const QString& text, const Target& target, Follow follow, const Step& redo,
                             const Step& undo, const Step& first)
{
    if (Status status = run(first ? first : redo, follow); !status)
        return status;
    record(text, target);
    m_stack->push(new Command(this, text, target, follow, redo, undo));
    return Store::ok();
}

void IdentityEditor::record(const QString& what, const Target& target)
{
    if (Status recorded = m_session->recordEdit(what, target.devices, target.productKey); !recorded)
        emit failed(tr("The change was made but not recorded in the message log: %1")
                        .arg(recorded.error().message()));
}

Status IdentityEditor::addDevices(const Store::CsvImport::Preview& preview)
{
    if (!preview.canCommit())
        return editError(preview.summary());
    if (preview.firstRows.size() != preview.rowCount)
        return editError(tr("The preview does not list every device; preview all of them first."));
    QList<Alink::DeviceKey> keys;
    for (const auto& row : preview.firstRows)
        keys.append({row.productKey, row.deviceName});
    const QStringList newProducts = preview.newProducts;
    // Redo puts back what undo took away, secrets still sealed: the plain secrets are not kept.
    auto removed = std::make_shared<QList<Store::DeviceSnapshot>>();
    auto removedProducts = std::make_shared<QList<Store::ProductRecord>>();
    const Step commit = [preview](Workspace& workspace) -> Status {
        if (const auto added = Store::CsvImport(workspace).commit(preview); !added)
            return added.error();
        return Store::ok();
    };
    const Step redo = [removed, removedProducts](Workspace& workspace) {
        return workspace.identities().restore(*removedProducts, *removed);
    };
    const Step undo = [keys, newProducts, removed, removedProducts](Workspace& workspace) -> Status {
        auto snapshots = workspace.identities().deviceSnapshots(keys);
        if (!snapshots)
            return snapshots.error();
        QList<Store::ProductRecord> products;
        for (const QString& productKey : newProducts) {
            auto product = workspace.identities().product(productKey);
            if (!product)
                return product.error();
            if (*product)
                products.append(**product);
        }
        if (Status status = workspace.identities().removeDevices(keys, newProducts); !status)
            return status;
        *removed = *snapshots;
        *removedProducts = products;
        return Store::ok();
    };
    return apply(tr("add %n device(s)", nullptr, int(keys.size())), {keys, {}}, Follow::Engine, redo, undo,
                 commit);
}

Alink::Expected<Store::DeviceRecord> IdentityEditor::currentRecord(const Alink::DeviceKey& device) const
{
    const Workspace* workspace = openWorkspace();
    if (!workspace)
        return editError(tr("no workspace is open"));
    auto record = workspace->identities().device(device.productKey, device.deviceName);
    if (!record)
        return record.error();
    if (!*record)
        return editError(tr("There is no device %1.").arg(deviceName(device)));
    return std::move(**record);
}

Status IdentityEditor::setLabels(const Alink::DeviceKey& device, const QStringList& labels)
{
    const auto record = currentRecord(device);
    if (!record)
        return record.error();
    const QStringList before = record->labels;
    auto step = [device](const QStringList& value) {
        return [device, value](Workspace& workspace) {
            return workspace.identities().setDeviceLabels(device.productKey, device.deviceName, value);
        };
    };
    return apply(tr("change the labels of %1").arg(deviceName(device)), {{device}, {}}, Follow::Views,
                 step(labels), step(before));
}

Status IdentityEditor::setNote(const Alink::DeviceKey& device, const QString& note)
{
    const auto record = currentRecord(device);
    if (!record)
        return record.error();
    auto step = [device](const QString& value) {
        return [device, value](Workspace& workspace) {
            return workspace.identities().setDeviceNote(device.productKey, device.deviceName, value);
        };
    };
    return apply(tr("change the note of %1").arg(deviceName(device)), {{device}, {}}, Follow::Views,
                 step(note), step(record->note));
}

Status IdentityEditor::replaceSecret(const Alink::DeviceKey& device, const QByteArray& secret)
{
    Workspace* workspace = openWorkspace();
    if (!workspace)
        return editError(tr("no workspace is open"));
    if (const QString problem = Store::CsvImport::fieldProblem(Store::CsvImport::DeviceSecret, secret);
        !problem.isEmpty())
        return editError(problem);
    const auto before = workspace->identities().sealedDeviceSecret(device.productKey, device.deviceName);
    if (!before)
        return before.error();
    // Sealed once: undo and redo swap sealed values, so no plain secret stays in the stack.
    auto after = std::make_shared<QByteArray>();
    const Step seal = [device, secret, after](Workspace& workspace) -> Status {
        if (Status status =
                workspace.identities().setDeviceSecret(device.productKey, device.deviceName, secret);
            !status)
            return status;
        const auto sealed = workspace.identities().sealedDeviceSecret(device.productKey, device.deviceName);
        if (!sealed)
            return sealed.error();
        *after = *sealed;
        return Store::ok();
    };
    const Step redo = [device, after](Workspace& workspace) {
        return workspace.identities().setSealedDeviceSecret(device.productKey, device.deviceName, *after);
    };
    const QByteArray sealedBefore = *before;
    const Step undo = [device, sealedBefore](Workspace& workspace) {
        if (sealedBefore.isEmpty())
            return Status(editError(tr("%1 had no DeviceSecret to put back.").arg(deviceName(device))));
        return workspace.identities().setSealedDeviceSecret(device.productKey, device.deviceName,
                                                            sealedBefore);
    };
    return apply(tr("replace the DeviceSecret of %1").arg(deviceName(device)), {{device}, {}}, Follow::Engine,
                 redo, undo, seal);
}

Status IdentityEditor::removeDevices(const QList<Alink::DeviceKey>& devices)
{
    if (devices.isEmpty())
        return editError(tr("No device is selected."));
    auto removed = std::make_shared<QList<Store::DeviceSnapshot>>();
    const Step redo = [devices, removed](Workspace& workspace) -> Status {
        auto snapshots = workspace.identities().deviceSnapshots(devices);
        if (!snapshots)
            return snapshots.error();
        if (Status status = workspace.identities().removeDevices(devices); !status)
            return status;
        *removed = *snapshots;
        return Store::ok();
    };
    const Step undo = [removed](Workspace& workspace) {
        return workspace.identities().restore({}, *removed);
    };
    return apply(tr("delete %n device(s)", nullptr, int(devices.size())), {devices, {}}, Follow::Engine, redo,
                 undo);
}

Status IdentityEditor::addProduct(const Store::ProductRecord& product)
{
    Workspace* workspace = openWorkspace();
    if (!workspace)
        return editError(tr("no workspace is open"));
    if (const QString problem =
            Store::CsvImport::fieldProblem(Store::CsvImport::ProductKey, product.productKey.toUtf8());
        !problem.isEmpty())
        return editError(problem);
    Store::ProductRecord added = product;
    added.productKey = product.productKey.trimmed();
    added.name = product.name.trimmed();
    const auto existing = workspace->identities().product(added.productKey);
    if (!existing)
        return existing.error();
    if (*existing)
        return editError(tr("Product %1 is already in the workspace.").arg(added.productKey));
    const Step redo = [added](Workspace& workspace) { return workspace.identities().restore({added}, {}); };
    const Step undo = [key = added.productKey](Workspace& workspace) {
        return workspace.identities().removeDevices({}, {key});
    };
    return apply(tr("add product %1").arg(added.productKey), {{}, added.productKey}, Follow::Engine, redo,
                 undo);
}

Alink::Expected<Store::ProductRecord> IdentityEditor::currentProduct(const QString& productKey) const
{
    const Workspace* workspace = openWorkspace();
    if (!workspace)
        return editError(tr("no workspace is open"));
    auto product = workspace->identities().product(productKey);
    if (!product)
        return product.error();
    if (!*product)
        return editError(tr("There is no product %1 in the workspace.").arg(productKey));
    return std::move(**product);
}

Status IdentityEditor::updateProduct(const Store::ProductRecord& product)
{
    const auto before = currentProduct(product.productKey);
    if (!before)
        return before.error();
    Store::ProductRecord after = product;
    after.name = product.name.trimmed();
    QString text = tr("change product %1").arg(product.productKey);
    if (after.name != before->name)
        text = tr("rename product %1").arg(product.productKey);
    else if (after.remoteConfigEnabled != before->remoteConfigEnabled)
        text = after.remoteConfigEnabled
                   ? tr("switch remote configuration on for %1").arg(product.productKey)
                   : tr("switch remote configuration off for %1").arg(product.productKey);
    else if (after.alibabaLimits != before->alibabaLimits)
        text = after.alibabaLimits ? tr("apply Alibaba limits to %1").arg(product.productKey)
                                   : tr("lift Alibaba limits from %1").arg(product.productKey);
    auto step = [](const Store::ProductRecord& value) {
        return [value](Workspace& workspace) { return workspace.identities().upsertProduct(value); };
    };
    return apply(text, {{}, product.productKey}, Follow::Engine, step(after), step(*before));
}

Status IdentityEditor::removeProduct(const QString& productKey)
{
    const auto product = currentProduct(productKey);
    if (!product)
        return product.error();
    auto removed = std::make_shared<QList<Store::DeviceSnapshot>>();
    const Step redo = [productKey, removed](Workspace& workspace) -> Status {
        const auto devices = workspace.identities().devices(productKey);
        if (!devices)
            return devices.error();
        const QList<Alink::DeviceKey> keys = keysOf(*devices);
        auto snapshots = workspace.identities().deviceSnapshots(keys);
        if (!snapshots)
            return snapshots.error();
        if (Status status = workspace.identities().removeDevices(keys, {productKey}); !status)
            return status;
        *removed = *snapshots;
        return Store::ok();
    };
    const Step undo = [record = *product, removed](Workspace& workspace) {
        return workspace.identities().restore({record}, *removed);
    };
    return apply(tr("delete product %1").arg(productKey), {{}, productKey}, Follow::Engine, redo, undo);
}

} // namespace ConfigDeck::Ui
