#include "AboutDialog.h"

#include "BuildInfo.h"
#include "support/LibraryInfo.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QSysInfo>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ConfigDeck::Ui {

namespace {

QString link(const QUrl& url, const QString& text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), text.toHtmlEscaped());
}

} // namespace

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
    , m_libraries(new QTableWidget(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_copied(new QLabel(this))
{
    setWindowTitle(tr("About ConfigDeck"));
    setObjectName(QStringLiteral("aboutDialog"));

    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/configdeck.svg")).pixmap(64, 64));
    auto* title = new QLabel(this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    title->setTextFormat(Qt::RichText);
    title->setText(QStringLiteral("<h2>%1 %2</h2><p>%3</p>")
                       .arg(QLatin1StringView(BuildInfo::kName), QLatin1StringView(BuildInfo::kVersion),
                            tr("Remote-configuration console for IoT device fleets that speak the Alink "
                               "protocol.")
                                .toHtmlEscaped()));
    title->setWordWrap(true);
    auto* header = new QHBoxLayout;
    header->addWidget(icon, 0, Qt::AlignTop);
    header->addWidget(title, 1);

    auto* build = new QLabel(this);
    build->setObjectName(QStringLiteral("aboutBuild"));
    build->setTextInteractionFlags(Qt::TextSelectableByMouse);
    build->setWordWrap(true);
    build->setText(tr("Built with Qt %1 by %2 (%3); running on Qt %4.\nOperating system: %5.")
                       .arg(QStringLiteral(QT_VERSION_STR), Support::LibraryInfo::compiler(),
                            QSysInfo::buildAbi(), QString::fromLatin1(qVersion()),
                            Support::LibraryInfo::operatingSystem()));

    auto* librariesTitle = new QLabel(tr("Libraries"), this);
    QFont bold = librariesTitle->font();
    bold.setBold(true);
    librariesTitle->setFont(bold);
    m_libraries->setObjectName(QStringLiteral("aboutLibraries"));
    m_libraries->setColumnCount(ColumnCount);
    m_libraries->setHorizontalHeaderLabels({tr("Library"), tr("Version"), tr("Licence"), tr("Used for")});
    m_libraries->verticalHeader()->hide();
    m_libraries->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_libraries->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_libraries->setWordWrap(false);
    const QList<Support::Library> libraries = Support::LibraryInfo::libraries();
    m_libraries->setRowCount(int(libraries.size()));
    for (int row = 0; row < libraries.size(); ++row) {
        const Support::Library& library = libraries.at(row);
        auto* name = new QTableWidgetItem(library.name);
        name->setToolTip(library.homepage.toString());
        m_libraries->setItem(row, NameColumn, name);
        m_libraries->setItem(
            row, VersionColumn,
            new QTableWidgetItem(library.version.isEmpty() ? tr("unknown") : library.version));
        // The item keeps the licence as text (for sorting, copying, tests); the label shows it as a link.
        auto* licenceItem = new QTableWidgetItem(library.licence);
        licenceItem->setData(Qt::UserRole, library.licenceUrl);
        licenceItem->setForeground(Qt::transparent);
        m_libraries->setItem(row, LicenceColumn, licenceItem);
        auto* licence = new QLabel(link(library.licenceUrl, library.licence), m_libraries);
        licence->setTextFormat(Qt::RichText);
        licence->setOpenExternalLinks(true);
        licence->setToolTip(library.licenceUrl.toString());
        licence->setContentsMargins(4, 0, 4, 0);
        m_libraries->setCellWidget(row, LicenceColumn, licence);
        m_libraries->setItem(row, PurposeColumn, new QTableWidgetItem(library.purpose));
    }
    m_libraries->resizeColumnsToContents();
    m_libraries->horizontalHeader()->setStretchLastSection(true);
    m_libraries->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_libraries->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy->setObjectName(QStringLiteral("aboutCopy"));
    m_copy->setToolTip(tr("Copy the version, build, environment and library versions as text"));
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    connect(m_copy, &QPushButton::clicked, this, &AboutDialog::copyToClipboard);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_copied->setObjectName(QStringLiteral("aboutCopied"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(build);
    layout->addSpacing(6);
    layout->addWidget(librariesTitle);
    layout->addWidget(m_libraries);
    layout->addWidget(m_copied);
    layout->addWidget(buttons);
    resize(qMax(760, sizeHint().width()), sizeHint().height());
}

QString AboutDialog::reportText() const
{
    return Support::LibraryInfo::environmentReport();
}

void AboutDialog::copyToClipboard()
{
    QApplication::clipboard()->setText(reportText());
    m_copied->setText(tr("Copied to the clipboard."));
}

} // namespace ConfigDeck::Ui
