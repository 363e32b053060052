// Imports a CSV into a workspace and says on stdout when its transaction has started writing rows, so
// that TestWorkspaceReliability can kill it (SIGKILL) in the middle of the import.
// Usage: store_import_child <workspace> <csv> <hex key>

#include "store/CsvImport.h"
#include "store/Workspace.h"
#include "store/secrets/SecretSealer.h"

#include <QCoreApplication>

#include <cstdio>

using namespace ConfigDeck::Store;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: store_import_child <workspace> <csv> <hex key>\n");
        return 2;
    }
    auto workspace = Workspace::open(args.at(1), Workspace::OpenMode::OpenExisting);
    if (!workspace) {
        std::fprintf(stderr, "%s\n", qPrintable(workspace.error().message()));
        return 1;
    }
    (*workspace)
        ->keys()
        .setSealer(std::make_shared<SecretSealer>(QByteArray::fromHex(args.at(3).toLatin1())));
    CsvImport import(**workspace);
    const auto preview = import.previewFile(args.at(2));
    if (!preview || !preview->canCommit()) {
        std::fprintf(stderr, "preview failed\n");
        return 1;
    }
    std::printf("PREVIEWED %lld\n", static_cast<long long>(preview->rowCount));
    std::fflush(stdout);
    bool announced = false;
    const auto imported = import.commit(*preview, [&announced](qsizetype done, qsizetype) {
        if (done > 0 && !announced) {
            announced = true;
            std::printf("IMPORTING %lld\n", static_cast<long long>(done));
            std::fflush(stdout);
        }
        return true;
    });
    if (!imported) {
        std::fprintf(stderr, "%s\n", qPrintable(imported.error().message()));
        return 1;
    }
    std::printf("DONE %lld\n", static_cast<long long>(*imported));
    return 0;
}
