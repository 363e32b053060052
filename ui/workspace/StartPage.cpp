#include "StartPage.h"

#include "RecentWorkspaces.h"
#include "store/WorkspaceLocation.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

namespace {
constexpr int kPathRole = Qt::UserRole;
constexpr int kMissingRole = Qt::UserRole + 1;
} // namespace

StartPage::StartPage(QWidget* parent)
    : QWidget(parent)
    , m_demo(new QPushButton(tr("Open the &Demo"), this))
    , m_new(new QPushButton(tr("&New workspace…"), this))
    , m_open(new QPushButton(tr("&Open workspace…"), this))
    , m_openShared(new QPushButton(tr("Open &shared workspace…"), this))
    , m_recent(new QListWidget(this))
    , m_remove(new QPushButton(tr("&Remove from list"), this))
{
    setObjectName(QStringLiteral("startPage"));
    m_demo->setObjectName(QStringLiteral("startDemo"));
    m_new->setObjectName(QStringLiteral("startNew"));
    m_open->setObjectName(QStringLiteral("startOpen"));
    m_openShared->setObjectName(QStringLiteral("startOpenShared"));
    m_recent->setObjectName(QStringLiteral("startRecent"));
    m_remove->setObjectName(QStringLiteral("startRemoveRecent"));

    auto* title = new QLabel(tr("Welcome to ConfigDeck"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* intro =
        new QLabel(tr("A workspace holds a fleet: its products, devices and their DeviceSecrets, "
                      "configuration versions and history, in one file protected by the OS keychain "
                      "or a passphrase you choose."),
                   this);
    intro->setWordWrap(true);

    m_demo->setToolTip(tr("Simulated devices only, nothing to set up; for trying ConfigDeck out"));
    m_new->setToolTip(tr("A new workspace file for a real fleet"));
    m_open->setToolTip(tr("Open a .configdeck workspace file"));
    m_openShared->setToolTip(tr("Open a workspace that the team shares in a PostgreSQL database"));
    for (QPushButton* button : {m_demo, m_new, m_open, m_openShared})
        button->setMinimumHeight(36);
    auto* demoNote = new QLabel(tr("The Demo holds made-up devices only. Real identities go into a workspace "
                                   "of your own."),
                                this);
    demoNote->setWordWrap(true);
    demoNote->setEnabled(false);

    auto* actions = new QVBoxLayout;
    actions->addWidget(m_new);
    actions->addWidget(m_open);
    actions->addWidget(m_openShared);
    actions->addSpacing(12);
    actions->addWidget(m_demo);
    actions->addWidget(demoNote);
    actions->addStretch(1);

    auto* recentTitle = new QLabel(tr("Recent workspaces"), this);
    QFont bold = recentTitle->font();
    bold.setBold(true);
    recentTitle->setFont(bold);
    auto* recentButtons = new QHBoxLayout;
    recentButtons->addStretch(1);
    recentButtons->addWidget(m_remove);
    auto* recent = new QVBoxLayout;
    recent->addWidget(recentTitle);
    recent->addWidget(m_recent, 1);
    recent->addLayout(recentButtons);

    auto* columns = new QHBoxLayout;
    columns->addLayout(actions, 2);
    columns->addSpacing(24);
    columns->addLayout(recent, 3);

    auto* panel = new QWidget(this);
    panel->setMaximumWidth(900);
    auto* panelLayout = new QVBoxLayout(panel);
    panelLayout->addWidget(title);
    panelLayout->addWidget(intro);
    panelLayout->addSpacing(16);
    panelLayout->addLayout(columns, 1);

    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(32, 32, 32, 32);
    outer->addStretch(1);
    outer->addWidget(panel, 6);
    outer->addStretch(1);

    connect(m_demo, &QPushButton::clicked, this, &StartPage::demoRequested);
    connect(m_new, &QPushButton::clicked, this, &StartPage::newRequested);
    connect(m_open, &QPushButton::clicked, this, &StartPage::openRequested);
    connect(m_openShared, &QPushButton::clicked, this, &StartPage::openSharedRequested);
    connect(m_recent, &QListWidget::itemActivated, this, &StartPage::openCurrent);
    connect(m_recent, &QListWidget::currentRowChanged, this, &StartPage::updateButtons);
    connect(m_remove, &QPushButton::clicked, this, &StartPage::removeCurrent);
    refresh();
}

void StartPage::refresh()
{
    m_recent->clear();
    for (const QString& path : RecentWorkspaces::list()) {
        const bool missing = RecentWorkspaces::isMissing(path);
        const QString name = RecentWorkspaces::displayName(path);
        auto* item = new QListWidgetItem(missing ? tr("%1 (missing)").arg(name) : name, m_recent);
        const QString where =
            Store::WorkspaceLocation::isDatabaseUrl(path) ? path : QDir::toNativeSeparators(path);
        item->setToolTip(missing ? tr("%1 is missing: it was moved or deleted").arg(where) : where);
        item->setData(kPathRole, path);
        item->setData(kMissingRole, missing);
        if (missing)
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
    }
    if (m_recent->count() == 0) {
        auto* empty = new QListWidgetItem(tr("No workspace opened yet"), m_recent);
        empty->setFlags(Qt::NoItemFlags);
    }
    updateButtons();
}

void StartPage::openCurrent()
{
    const QListWidgetItem* item = m_recent->currentItem();
    if (!item || item->data(kPathRole).toString().isEmpty())
        return;
    emit recentRequested(item->data(kPathRole).toString());
}

void StartPage::removeCurrent()
{
    const QListWidgetItem* item = m_recent->currentItem();
    if (!item || item->data(kPathRole).toString().isEmpty())
        return;
    RecentWorkspaces::remove(item->data(kPathRole).toString());
    refresh();
}

void StartPage::updateButtons()
{
    const QListWidgetItem* item = m_recent->currentItem();
    m_remove->setEnabled(item && !item->data(kPathRole).toString().isEmpty());
}

} // namespace ConfigDeck::Ui
