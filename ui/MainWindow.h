#pragma once

#include <QMainWindow>

class QTabWidget;

namespace ConfigDeck::Ui {

class ReplyCodeCatalogView;

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    ReplyCodeCatalogView* replyCodeCatalog() const { return m_replyCodes; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void showAbout();

    QTabWidget* m_tabs;
    ReplyCodeCatalogView* m_replyCodes;
};

} // namespace ConfigDeck::Ui
