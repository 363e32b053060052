// configdeck: the desktop console. Start-up only: options, translations, the main window.
#include "BuildInfo.h"
#include "FileOpenEventFilter.h"
#include "Localization.h"
#include "MainWindow.h"
#include "RecentWorkspaces.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstring>
#include <memory>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("ConfigDeck"));
    QCoreApplication::setApplicationName(QStringLiteral("ConfigDeck"));
    QCoreApplication::setApplicationVersion(QLatin1StringView(ConfigDeck::BuildInfo::kVersion));
}

bool wantsTextOnly(int argc, char** argv)
{
    // --version and --help must work without a display, so they get a QCoreApplication.
    for (int i = 1; i < argc; ++i) {
        for (const char* flag : {"--version", "-v", "--help", "-h", "-?", "--help-all"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

void setUpParser(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Remote-configuration console for Alink IoT device fleets."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QCoreApplication::translate("main", "A workspace file (.configdeck) to open."),
        QStringLiteral("[FILE]"));
    parser.addOption({QStringLiteral("workspace"),
                      QCoreApplication::translate("main", "Open the workspace file PATH (the same as FILE)."),
                      QStringLiteral("PATH")});
    parser.addOption(
        {QStringLiteral("demo"), QCoreApplication::translate("main", "Open the Demo workspace.")});
    parser.addOption(
        {QStringLiteral("reset-demo"),
         QCoreApplication::translate("main", "Delete the Demo workspace and start a fresh one.")});
}

} // namespace

int main(int argc, char* argv[])
{
    describeApplication();
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        ConfigDeck::Localization::install();
        QCommandLineParser parser;
        setUpParser(parser);
        parser.process(app); // prints and exits for --version and --help
        return 0;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("ConfigDeck"));
    // Wayland and GNOME match the window to its launcher entry and icon by this name.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.configdeck.ConfigDeck"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/configdeck.svg")));
    ConfigDeck::Localization::install();
    QCommandLineParser parser;
    setUpParser(parser);
    parser.process(app);

    // A file named on the command line (or double-clicked), else what was open when ConfigDeck last quit;
    // with nothing to reopen, the start page.
    using ConfigDeck::Ui::RecentWorkspaces;
    QString toOpen = parser.positionalArguments().value(0);
    if (toOpen.isEmpty())
        toOpen = parser.value(QStringLiteral("workspace"));
    if (parser.isSet(QStringLiteral("demo")) || parser.isSet(QStringLiteral("reset-demo")))
        toOpen = RecentWorkspaces::kDemo;
    else if (toOpen.isEmpty())
        toOpen = RecentWorkspaces::last();

    ConfigDeck::Ui::MainWindow window;
    window.show();
    if (toOpen == RecentWorkspaces::kDemo) {
        window.openDemo(); // errors are shown in the window
        if (parser.isSet(QStringLiteral("reset-demo")))
            window.session()->reset();
    } else if (!toOpen.isEmpty()) {
        window.openWorkspaceFile(toOpen);
    }
    // macOS hands a double-clicked workspace to the running application as an event.
    ConfigDeck::Ui::FileOpenEventFilter fileOpen(&app);
    QObject::connect(&fileOpen, &ConfigDeck::Ui::FileOpenEventFilter::fileOpenRequested, &window,
                     [&window](const QString& path) { window.openWorkspaceFile(path); });
    return app.exec();
}
