#include "FileOpenEventFilter.h"

#include <QCoreApplication>
#include <QFileOpenEvent>

namespace ConfigDeck::Ui {

FileOpenEventFilter::FileOpenEventFilter(QCoreApplication* application, QObject* parent)
    : QObject(parent)
{
    application->installEventFilter(this);
}

bool FileOpenEventFilter::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::FileOpen)
        return QObject::eventFilter(watched, event);
    // file() is empty unless the event carries a local file.
    const QString path = static_cast<QFileOpenEvent*>(event)->file();
    if (path.isEmpty())
        return false;
    emit fileOpenRequested(path);
    return true;
}

} // namespace ConfigDeck::Ui
