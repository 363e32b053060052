#include "MainWindow.h"

#include "BuildInfo.h"
#include "ReplyCodeCatalogView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

namespace ConfigDeck::Ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
    , m_replyCodes(new ReplyCodeCatalogView(this))
{
    setWindowTitle(tr("ConfigDeck"));
    setObjectName(QStringLiteral("MainWindow"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_replyCodes, tr("Reply codes"));
    setCentralWidget(m_tabs);
    createMenus();
    statusBar()->showMessage(tr("Reply-code reference: %n code(s)", nullptr, m_replyCodes->visibleRowCount()));

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("MainWindow/geometry")).toByteArray()))
        resize(1100, 700);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("MainWindow/geometry"), saveGeometry());
    event->accept();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About ConfigDeck"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About ConfigDeck"),
                       tr("<h3>ConfigDeck %1</h3><p>Remote-configuration console for IoT device fleets that speak "
                          "the Alink protocol.</p><p>Built with Qt %2.</p>")
                           .arg(QLatin1StringView(BuildInfo::kVersion), QLatin1StringView(QT_VERSION_STR)));
}

} // namespace ConfigDeck::Ui
