#pragma once

#include "alink/DeviceKey.h"
#include "store/CsvImport.h"
#include "store/StoreTypes.h"

#include <QObject>

#include <functional>

class QUndoStack;

namespace ConfigDeck::Store {
class Workspace;
}
namespace ConfigDeck::Session {
class ConsoleSession;
}

namespace ConfigDeck::Ui {

// Changes to the workspace's identities made by hand: devices and products added, edited and removed. Each
// change runs at once as one transaction through the store; only when it succeeded does it go on the undo
// stack, so that Edit > Undo/Redo can take it back and do it again within the session. After every change
// the engine follows (the platform's catalog and the Demo's simulated fleet) and the views reload. The stack
// is cleared when the session's workspace is about to close, and no step keeps a Workspace: each looks up the
// one open when it runs.
class IdentityEditor final : public QObject
{
    Q_OBJECT
public:
    explicit IdentityEditor(Session::ConsoleSession* session, QObject* parent = nullptr);
    ~IdentityEditor() override;

    QUndoStack* undoStack() const { return m_stack; }
    // What goes with deleted devices and what stays, for the questions asked before deleting.
    static QString whatGoesWithDevices();

    // Devices of a preview without errors (every row in firstRows), with the products they need.
    Store::Status addDevices(const Store::CsvImport::Preview& preview);
    Store::Status setLabels(const Alink::DeviceKey& device, const QStringList& labels);
    Store::Status setNote(const Alink::DeviceKey& device, const QString& note);
    // Re-seals: the old secret is overwritten in the workspace (its undo keeps it sealed in memory).
    Store::Status replaceSecret(const Alink::DeviceKey& device, const QByteArray& secret);
    // Removes the devices with their state, held versions and rollout outcomes; undo brings back all of that
    // but the rollout outcomes.
    Store::Status removeDevices(const QList<Alink::DeviceKey>& devices);

    Store::Status addProduct(const Store::ProductRecord& product);
    // Display name and switches of an existing product.
    Store::Status updateProduct(const Store::ProductRecord& product);
    // Removes the product and every device it has.
    Store::Status removeProduct(const QString& productKey);

signals:
    // An undo or redo that the workspace refused (the stack stays where it was asked to go).
    void failed(const QString& message);

private:
    using Step = std::function<Store::Status(Store::Workspace&)>;
    // What a change is about, for the edit recorded in the message log with the operator.
    struct Target
    {
        QList<Alink::DeviceKey> devices;
        QString productKey; // when no device is named
    };
    enum class Follow
    {
        Engine, // the catalog or the simulated fleet changed: restart the engine
        Views,  // only what is shown changed
    };
    class Command;

    // Runs `first` (or `redo`) once; when it succeeds, pushes a command that undoes and redoes it.
    Store::Status apply(const QString& text, const Target& target, Follow follow, const Step& redo,
                        const Step& undo, const Step& first = {});
    // Records the change done (what) in the message log; a log that refuses is reported, the change stays.
    void record(const QString& what, const Target& target);
    Store::Status run(const Step& step, Follow follow);
    Store::Workspace* openWorkspace() const;
    // The open workspace's record, or an error that names what is missing.
    Alink::Expected<Store::DeviceRecord> currentRecord(const Alink::DeviceKey& device) const;
    Alink::Expected<Store::ProductRecord> currentProduct(const QString& productKey) const;

    Session::ConsoleSession* m_session;
    QUndoStack* m_stack;
};

} // namespace ConfigDeck::Ui
