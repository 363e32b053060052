// Re-protects a workspace's key and kills itself (SIGKILL: no destructor, no rollback) after the given
// step, so that TestWorkspaceKey can check that the workspace still opens.
// Usage: workspace_rekey_child <workspace> <current passphrase|-> <keychain|passphrase:NEW> <step: 1|2>

#include "session/WorkspaceKey.h"
#include "store/Workspace.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>

using namespace ConfigDeck;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: workspace_rekey_child <workspace> <passphrase|-> <to> <step>\n");
        return 2;
    }
    auto workspace = Store::Workspace::open(args.at(1), Store::Workspace::OpenMode::OpenExisting);
    if (!workspace) {
        std::fprintf(stderr, "%s\n", qPrintable(workspace.error().message()));
        return 1;
    }
    const QString current = args.at(2) == QLatin1String("-") ? QString() : args.at(2);
    const Session::WorkspaceProtection to = args.at(3) == QLatin1String("keychain")
                                                ? Session::WorkspaceProtection::keychain()
                                                : Session::WorkspaceProtection::withPassphrase(
                                                      args.at(3).mid(QStringLiteral("passphrase:").size()));
    const auto stopAt = args.at(4) == QLatin1String("1") ? Session::WorkspaceKey::Step::NewProtectionStored
                                                         : Session::WorkspaceKey::Step::RecordCommitted;
    const auto status = Session::WorkspaceKey::reprotect(**workspace, current, to, [stopAt](auto step) {
        if (step == stopAt) {
            std::printf("KILLED AT %d\n", int(step) + 1);
            std::fflush(stdout);
            std::raise(SIGKILL);
        }
    });
    std::printf("%s\n", status ? "DONE" : qPrintable(status.error().message()));
    return status ? 0 : 1;
}
