#pragma once

#include <QWidget>

class QListWidget;
class QPushButton;

namespace ConfigDeck::Ui {

// What the window shows when no workspace is open: open the Demo, make a new workspace, open one, or pick
// a recent one (a missing file is shown as missing and can be removed from the list).
class StartPage final : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(QWidget* parent = nullptr);

    // Reads the recent list again.
    void refresh();
    QListWidget* recentList() const { return m_recent; }
    QPushButton* demoButton() const { return m_demo; }
    QPushButton* newButton() const { return m_new; }
    QPushButton* openButton() const { return m_open; }
    QPushButton* removeButton() const { return m_remove; }

signals:
    void demoRequested();
    void newRequested();
    void openRequested();
    void openSharedRequested();
    void recentRequested(const QString& path);

private:
    void openCurrent();
    void removeCurrent();
    void updateButtons();

    QPushButton* m_demo;
    QPushButton* m_new;
    QPushButton* m_open;
    QPushButton* m_openShared;
    QListWidget* m_recent;
    QPushButton* m_remove;
};

} // namespace ConfigDeck::Ui
