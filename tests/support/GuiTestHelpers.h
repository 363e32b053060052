#pragma once

// Helpers for the tests that drive real windows offscreen (header-only: only GUI tests include it).

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QPixmap>
#include <QTest>
#include <QTimer>
#include <QWidget>

namespace ConfigDeck::TestSupport {

// Answers the next message box with `button` once it is shown; its text (and informative text) are kept,
// so a non-empty *text says the box was shown.
inline void answerNextMessageBox(QMessageBox::StandardButton button, QString* text,
                                 QString* informative = nullptr)
{
    auto* timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, button, text, informative] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        *text = box->text();
        if (informative)
            *informative = box->informativeText();
        box->button(button)->click();
        timer->stop();
        timer->deleteLater();
    });
    timer->start();
}

// Saves the widget as `name` in $CONFIGDECK_SCREENSHOT_DIR (the README's screenshots); nothing without it.
inline void screenshot(QWidget* widget, const QString& name)
{
    const QByteArray dir = qgetenv("CONFIGDECK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(QString::fromLocal8Bit(dir));
    QCoreApplication::processEvents();
    QVERIFY(widget->grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(name)));
}

} // namespace ConfigDeck::TestSupport
