#pragma once

// Helpers for the tests that drive real windows offscreen (header-only: only GUI tests include it).

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QPalette>
#include <QPixmap>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace ConfigDeck::TestSupport {

// Runs `act` on the next modal dialog of type Dialog once it is shown (the call that shows it blocks).
template <typename Dialog>
void whenShown(std::function<void(Dialog*)> act)
{
    auto* timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, act] {
        auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->stop();
        timer->deleteLater();
        act(dialog);
    });
    timer->start();
}

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

// The dark palette of the README's dark screenshots.
inline QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(37, 38, 41));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    dark.setColor(QPalette::Base, QColor(28, 29, 31));
    dark.setColor(QPalette::AlternateBase, QColor(36, 37, 40));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    dark.setColor(QPalette::Button, QColor(48, 50, 54));
    dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
    dark.setColor(QPalette::Highlight, QColor(61, 123, 224));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::ToolTipBase, QColor(48, 50, 54));
    dark.setColor(QPalette::ToolTipText, QColor(230, 230, 230));
    dark.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    dark.setColor(QPalette::Mid, QColor(64, 65, 72));
    dark.setColor(QPalette::Dark, QColor(21, 21, 24));
    dark.setColor(QPalette::Light, QColor(69, 70, 77));
    for (const auto role : {QPalette::WindowText, QPalette::ButtonText, QPalette::Text})
        dark.setColor(QPalette::Disabled, role, QColor(120, 120, 120));
    return dark;
}

} // namespace ConfigDeck::TestSupport
