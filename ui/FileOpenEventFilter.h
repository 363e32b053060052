#pragma once

#include <QObject>

class QCoreApplication;

namespace ConfigDeck::Ui {

// macOS does not pass a double-clicked (or Dock-dropped) workspace on the command line: it sends the
// application a QFileOpenEvent, after start-up as well as while running. This filter turns that event into
// fileOpenRequested(path). Create it before the event loop starts, because a launch by double-click delivers
// the event as soon as the loop runs.
class FileOpenEventFilter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileOpenEventFilter)

public:
    // Watches the events sent to application; stops when destroyed.
    explicit FileOpenEventFilter(QCoreApplication* application, QObject* parent = nullptr);

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    // A local file to open, as macOS named it. Non-local URLs are left to the application.
    void fileOpenRequested(const QString& path);
};

} // namespace ConfigDeck::Ui
