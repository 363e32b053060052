#include "AccountView.h"

#include "AccountCountModel.h"
#include "AccountFilterModel.h"
#include "ReplyCodeBadgeDelegate.h"
#include "RolloutTimeline.h"
#include "store/FleetModel.h"
#include "store/WorkspacePart.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace ConfigDeck::Ui {

using Alink::ReplyCodeCatalog;
using Alink::ReplySource;

namespace {
constexpr int kAnswerKindRole = Qt::UserRole + 1;
constexpr int kAnswerCodeRole = Qt::UserRole + 2;

qint64 msOf(const QDateTime& time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
}

QString timeText(qint64 ms)
{
    return QLocale().toString(Store::Sql::utcFromMs(ms).toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

// An answer as the timeline shows it: 200 succeeded, any other code failed (coloured by its category).
Store::RolloutOutcome outcomeOf(const QString& productKey, const QString& deviceName, int code, qint64 ms)
{
    Store::RolloutOutcome outcome;
    outcome.productKey = productKey;
    outcome.deviceName = deviceName;
    outcome.state =
        code == ReplyCodeCatalog::kSuccess ? Store::OutcomeState::Succeeded : Store::OutcomeState::Failed;
    outcome.replyCode = code;
    outcome.updated = Store::Sql::utcFromMs(ms);
    return outcome;
}

QString dot(const char* color)
{
    return QStringLiteral("<span style=\"color:%1\">&#9679;</span> ").arg(QLatin1StringView(color));
}
} // namespace

AccountView::AccountView(Store::FleetModel* fleet, QWidget* parent)
    : QWidget(parent)
    , m_fleet(fleet)
    , m_model(new AccountDeviceModel(this))
    , m_filter(new AccountFilterModel(this))
    , m_counts(new AccountCountModel(m_model, this))
    , m_product(new QComboBox(this))
    , m_watch(new QPushButton(tr("Watch a new push"), this))
    , m_stopWatching(new QPushButton(tr("Show stored answers"), this))
    , m_connection(new QLabel(this))
    , m_explanation(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_badges(new QListView(this))
    , m_search(new QLineEdit(this))
    , m_answer(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_timeline(new RolloutTimeline(this))
    , m_sinceMs(QDateTime::currentMSecsSinceEpoch())
{
    setObjectName(QStringLiteral("accountView"));
    m_product->setObjectName(QStringLiteral("accountProduct"));
    m_product->setMinimumContentsLength(28);
    m_product->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_watch->setObjectName(QStringLiteral("watchNewPush"));
    m_watch->setToolTip(tr("Push in the cloud console right after this: every device shows \"no answer yet\" "
                           "until its answer arrives"));
    m_stopWatching->setObjectName(QStringLiteral("showStoredAnswers"));
    m_connection->setObjectName(QStringLiteral("accountConnection"));
    m_connection->setTextFormat(Qt::RichText);
    m_connection->setWordWrap(true);
    m_explanation->setObjectName(QStringLiteral("accountExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setForegroundRole(QPalette::PlaceholderText);
    m_summary->setObjectName(QStringLiteral("accountSummary"));

    // The count per answer: a row of the same badges as the table's Answer column.
    m_badges->setObjectName(QStringLiteral("accountCounts"));
    m_badges->setModel(m_counts);
    m_badges->setItemDelegate(new ReplyCodeBadgeDelegate(AccountCountModel::ColorRole, m_badges));
    m_badges->setFlow(QListView::LeftToRight);
    m_badges->setWrapping(false);
    m_badges->setSpacing(2);
    m_badges->setSelectionMode(QAbstractItemView::NoSelection);
    m_badges->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_badges->setFrameShape(QFrame::NoFrame);
    m_badges->setFocusPolicy(Qt::NoFocus);
    m_badges->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_badges->viewport()->setAutoFillBackground(false);
    m_badges->setCursor(Qt::PointingHandCursor);
    m_badges->setFixedHeight(fontMetrics().height() + 18);

    m_search->setObjectName(QStringLiteral("accountSearch"));
    m_search->setPlaceholderText(tr("Filter by DeviceName"));
    m_search->setClearButtonEnabled(true);
    m_answer->setObjectName(QStringLiteral("accountAnswerFilter"));

    m_filter->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("accountDevices"));
    m_table->setModel(m_filter);
    m_table->setItemDelegateForColumn(
        AccountDeviceModel::AnswerColumn,
        new ReplyCodeBadgeDelegate(AccountDeviceModel::AnswerColorRole, m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AccountDeviceModel::DeviceNameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures ten thousand rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(AccountDeviceModel::MeaningColumn, QHeaderView::Stretch);
    header->resizeSection(AccountDeviceModel::DeviceNameColumn, 200);
    header->resizeSection(AccountDeviceModel::AnswerColumn, 130);
    header->resizeSection(AccountDeviceModel::AnsweredAtColumn, 160);
    header->resizeSection(AccountDeviceModel::OnlineColumn, 90);

    m_timeline->setLegend({Store::OutcomeState::Succeeded, Store::OutcomeState::Failed});
    m_timeline->setPlaceholderText(tr("This product has no devices in the workspace."));

    auto* top = new QHBoxLayout;
    auto* productLabel = new QLabel(tr("&Product:"), this);
    productLabel->setBuddy(m_product);
    top->addWidget(productLabel);
    top->addWidget(m_product);
    top->addSpacing(12);
    top->addWidget(m_watch);
    top->addWidget(m_stopWatching);
    top->addStretch(1);

    auto* countsRow = new QHBoxLayout;
    countsRow->addWidget(m_summary);
    countsRow->addSpacing(8);
    countsRow->addWidget(m_badges, 1);

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_search, 1);
    filterRow->addWidget(m_answer);

    auto* tablePage = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(filterRow);
    tableLayout->addWidget(m_table, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("accountSplitter"));
    splitter->addWidget(tablePage);
    splitter->addWidget(m_timeline);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_connection);
    layout->addWidget(m_explanation);
    layout->addLayout(countsRow);
    layout->addWidget(splitter, 1);

    connect(m_product, &QComboBox::currentIndexChanged, this, &AccountView::rebuild);
    connect(m_watch, &QPushButton::clicked, this, [this] { watchNewPush(); });
    connect(m_stopWatching, &QPushButton::clicked, this, &AccountView::stopWatchingPush);
    connect(m_connection, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link == QLatin1String("watch"))
            emit watchAccountRequested();
        else
            emit setUpAccountRequested();
    });
    connect(m_search, &QLineEdit::textChanged, m_filter, &AccountFilterModel::setText);
    connect(m_answer, &QComboBox::currentIndexChanged, this, &AccountView::applyAnswerCombo);
    connect(m_badges, &QListView::clicked, this, [this](const QModelIndex& index) {
        filterToCode(index.data(AccountCountModel::CodeRole).toInt());
    });
    connect(m_model, &AccountDeviceModel::countsChanged, this, [this] {
        rebuildAnswerCombo();
        updateTexts();
    });
    // Devices the workspace did not know get a place on the timeline too.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AccountView::restartTimeline);

    // The stored state is the starting point: follow the fleet when the workspace is (re)loaded or grows.
    auto followFleet = [this] {
        if (!m_productsFromWorkspace) {
            QList<Store::ProductRecord> products;
            for (const QString& productKey : m_fleet->productKeys()) {
                Store::ProductRecord product;
                product.productKey = productKey;
                products.append(product);
            }
            setProducts(products);
            m_productsFromWorkspace = false;
        } else {
            rebuild();
        }
    };
    connect(m_fleet, &QAbstractItemModel::modelReset, this, followFleet);
    connect(m_fleet, &QAbstractItemModel::rowsInserted, this, followFleet);

    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &AccountView::updateConnectionLine);

    rebuildAnswerCombo();
    followFleet();
    updateConnectionLine();
}

AccountView::~AccountView() = default;

void AccountView::setProducts(const QList<Store::ProductRecord>& products)
{
    const QString current = currentProduct();
    {
        const QSignalBlocker blocker(m_product);
        m_product->clear();
        for (const Store::ProductRecord& product : products) {
            const QString text = product.name.isEmpty() || product.name == product.productKey
                                     ? product.productKey
                                     : tr("%1 (%2)").arg(product.name, product.productKey);
            m_product->addItem(text, product.productKey);
        }
        for (auto it = m_live.cbegin(); it != m_live.cend(); ++it)
            ensureProductListed(it.key());
        const int index = m_product->findData(current);
        m_product->setCurrentIndex(index >= 0 ? index : (m_product->count() > 0 ? 0 : -1));
    }
    m_productsFromWorkspace = true;
    rebuild();
}

QStringList AccountView::products() const
{
    QStringList keys;
    for (int i = 0; i < m_product->count(); ++i)
        keys << m_product->itemData(i).toString();
    return keys;
}

QString AccountView::currentProduct() const
{
    return m_product->currentData().toString();
}

void AccountView::setCurrentProduct(const QString& productKey)
{
    const int index = m_product->findData(productKey);
    if (index >= 0)
        m_product->setCurrentIndex(index);
}

void AccountView::ensureProductListed(const QString& productKey)
{
    if (m_product->findData(productKey) >= 0)
        return;
    m_product->addItem(tr("%1 (not in the workspace)").arg(productKey), productKey);
}

void AccountView::clear()
{
    m_live.clear();
    m_sinceMs = QDateTime::currentMSecsSinceEpoch();
    rebuild();
}

void AccountView::flush()
{
    m_model->flush();
}

QDateTime AccountView::pushMark() const
{
    const qint64 mark = markOf(currentProduct());
    return mark != 0 ? Store::Sql::utcFromMs(mark) : QDateTime();
}

void AccountView::watchNewPush(const QDateTime& start)
{
    const QString productKey = currentProduct();
    if (productKey.isEmpty())
        return;
    m_live[productKey].markMs = msOf(start);
    rebuild(); // same devices: only their answers change, the selection and scroll position stay
}

void AccountView::stopWatchingPush()
{
    const QString productKey = currentProduct();
    const auto it = m_live.find(productKey);
    if (it == m_live.end() || it->markMs == 0)
        return;
    it->markMs = 0;
    rebuild();
}

qint64 AccountView::markOf(const QString& productKey) const
{
    const auto it = m_live.constFind(productKey);
    return it != m_live.cend() ? it->markMs : 0;
}

qint64 AccountView::timelineStartMs() const
{
    const qint64 mark = markOf(m_shownProduct);
    return mark != 0 ? mark : m_sinceMs;
}

void AccountView::rebuild()
{
    m_shownProduct = currentProduct();
    const auto live = m_live.constFind(m_shownProduct);
    const qint64 mark = live != m_live.cend() ? live->markMs : 0;
    std::vector<AccountDeviceModel::Row> rows;
    QHash<QString, int> rowOf;
    const int productIndex = int(m_fleet->productKeys().indexOf(m_shownProduct));
    if (productIndex >= 0) {
        const int count = m_fleet->rowCount();
        for (int i = 0; i < count; ++i) {
            const Store::FleetModel::Row& device = m_fleet->rowAt(i);
            if (device.productIndex != productIndex)
                continue;
            AccountDeviceModel::Row row;
            row.deviceName = device.deviceName;
            row.online = device.online;
            if (mark == 0 && device.hasCode) {
                row.answered = true;
                row.code = device.lastCode;
                row.source = device.replySource;
                row.answerMs = device.lastMessageMs;
            }
            rows.push_back(std::move(row));
        }
    }
    if (live != m_live.cend() && !live->devices.isEmpty()) {
        rowOf.reserve(qsizetype(rows.size()));
        for (size_t i = 0; i < rows.size(); ++i)
            rowOf.insert(rows[i].deviceName, int(i));
        QStringList unknown; // answered here but not in the workspace: shown after its devices, by name
        for (auto it = live->devices.cbegin(); it != live->devices.cend(); ++it) {
            if (!rowOf.contains(it.key()))
                unknown << it.key();
        }
        std::sort(unknown.begin(), unknown.end());
        for (const QString& deviceName : std::as_const(unknown)) {
            rowOf.insert(deviceName, int(rows.size()));
            rows.push_back(AccountDeviceModel::Row{deviceName});
        }
        for (auto it = live->devices.cbegin(); it != live->devices.cend(); ++it) {
            AccountDeviceModel::Row& row = rows[size_t(rowOf.value(it.key()))];
            const LiveDevice& device = it.value();
            if (device.answered && device.answerMs >= mark &&
                (!row.answered || device.answerMs >= row.answerMs)) {
                row.answered = true;
                row.code = device.code;
                row.source = ReplySource::Device;
                row.answerMs = device.answerMs;
            }
            if (device.onlineKnown) {
                row.online = device.online;
                row.onlineMs = device.onlineMs;
            }
        }
    }
    m_model->setRows(std::move(rows));
    restartTimeline();
    updateTexts();
}

void AccountView::restartTimeline()
{
    QStringList devices;
    devices.reserve(m_model->rowCount());
    for (int i = 0; i < m_model->rowCount(); ++i)
        devices << m_model->rowAt(i).deviceName;
    const qint64 start = timelineStartMs();
    m_timeline->start(devices, Store::Sql::utcFromMs(start));
    m_timeline->setWaitingText(tr("The answers appear here as they arrive (since %1).").arg(timeText(start)));
    const auto live = m_live.constFind(m_shownProduct);
    if (live == m_live.cend())
        return;
    for (auto it = live->devices.cbegin(); it != live->devices.cend(); ++it) {
        const LiveDevice& device = it.value();
        if (!device.answered || device.answerMs < start)
            continue;
        m_timeline->setOutcome(outcomeOf(m_shownProduct, it.key(), device.code, device.answerMs));
    }
}

void AccountView::accountReply(const QString& productKey, const QString& deviceName, int code,
                               const QDateTime& time)
{
    const qint64 ms = msOf(time);
    ProductLive& product = m_live[productKey];
    LiveDevice& device = product.devices[deviceName];
    if (device.answered && ms < device.answerMs)
        return; // an older answer that arrived late
    device.answered = true;
    device.code = code;
    device.answerMs = ms;
    ensureProductListed(productKey);
    if (productKey != m_shownProduct || ms < product.markMs)
        return;
    m_model->queueAnswer(deviceName, code, ReplySource::Device, ms);
    if (ms >= timelineStartMs())
        m_timeline->setOutcome(outcomeOf(productKey, deviceName, code, ms));
}

void AccountView::accountStatus(const QString& productKey, const QString& deviceName, bool online,
                                const QDateTime& time)
{
    const qint64 ms = msOf(time);
    LiveDevice& device = m_live[productKey].devices[deviceName];
    if (device.onlineKnown && ms < device.onlineMs)
        return;
    device.onlineKnown = true;
    device.online = online;
    device.onlineMs = ms;
    ensureProductListed(productKey);
    if (productKey == m_shownProduct)
        m_model->queueOnline(deviceName, online, ms);
}

void AccountView::setConnectionState(ConnectionState state, const QString& reason, int retryInSeconds)
{
    m_state = state;
    m_reason = reason;
    m_retryAt = state == ConnectionState::Retrying
                    ? QDateTime::currentDateTimeUtc().addSecs(qMax(0, retryInSeconds))
                    : QDateTime();
    if (state == ConnectionState::Retrying)
        m_countdown.start();
    else
        m_countdown.stop();
    updateConnectionLine();
}

QString AccountView::connectionText() const
{
    return m_connection->text();
}

QString AccountView::explanationText() const
{
    return m_explanation->text();
}

void AccountView::updateConnectionLine()
{
    const QString reason = m_reason.toHtmlEscaped();
    QString text;
    switch (m_state) {
    case ConnectionState::NotWatching: {
        const QString setUp = QStringLiteral("<a href=\"setup\">%1</a>").arg(tr("Set up the account…"));
        const QString watch = QStringLiteral("<a href=\"watch\">%1</a>").arg(tr("Watch live"));
        text =
            dot("#9aa0a6") +
            (reason.isEmpty()
                 ? tr("Not watching the account: the answers shown are those stored in the workspace. %1 to "
                      "see answers and online changes as they happen (%2: AccessKey and AMQP consumer "
                      "group).")
                       .arg(watch, setUp)
                 : tr("Not watching the account: %1. %2 · %3").arg(reason, watch, setUp));
        break;
    }
    case ConnectionState::Connecting:
        text = dot("#3d7be0") + tr("Connecting to the account's server-side subscription…");
        break;
    case ConnectionState::Connected:
        text = dot("#2e9d57") + tr("Connected to the account's server-side subscription: answers and online "
                                   "changes arrive live.");
        break;
    case ConnectionState::Retrying: {
        // Rounded up: "in 1 s" until the attempt is due.
        const int seconds =
            int(qMax<qint64>(0, (QDateTime::currentDateTimeUtc().msecsTo(m_retryAt) + 999) / 1000));
        if (seconds == 0)
            m_countdown.stop();
        const QString when = seconds > 0 ? tr("Retrying in %n s", nullptr, seconds) : tr("Retrying now");
        text = dot("#e0a030") +
               (reason.isEmpty() ? tr("%1.").arg(when) : tr("%1 because %2.").arg(when, reason));
        break;
    }
    }
    m_connection->setText(text);
}

void AccountView::updateTexts()
{
    const qint64 mark = markOf(m_shownProduct);
    m_stopWatching->setVisible(mark != 0);
    m_watch->setEnabled(!m_shownProduct.isEmpty());
    if (mark != 0)
        m_explanation->setText(tr("Watching a new push since %1: every device shows “no answer yet” until it "
                                  "answers after that time. “Show stored answers” goes back to each device's "
                                  "latest answer.")
                                   .arg(timeText(mark)));
    else
        m_explanation->setText(tr("Each device shows its latest answer as stored: the cloud does not tell "
                                  "ConfigDeck when a push was made in its console. Click “Watch a new push” "
                                  "just before you push there: every device then shows “no answer yet” until "
                                  "it answers."));
    const int devices = m_model->rowCount();
    m_summary->setText(
        tr("%n device(s), %1 online, %2 answered:", nullptr, devices)
            .arg(QLocale().toString(m_model->onlineCount()), QLocale().toString(m_model->answeredCount())));
}

void AccountView::rebuildAnswerCombo()
{
    QList<int> codes;
    for (const AccountDeviceModel::Count& count : m_model->counts()) {
        if (count.code != AccountDeviceModel::kNoAnswer && count.code != ReplyCodeCatalog::kSuccess &&
            !codes.contains(count.code))
            codes << count.code;
    }
    QList<int> listed;
    for (int i = 0; i < m_answer->count(); ++i) {
        if (m_answer->itemData(i, kAnswerKindRole).toInt() == int(AccountFilterModel::Answer::Code))
            listed << m_answer->itemData(i, kAnswerCodeRole).toInt();
    }
    if (m_answer->count() > 0 && listed == codes)
        return;
    // The code being filtered on stays listed while no device has it any more.
    if (m_filter->answerFilter() == AccountFilterModel::Answer::Code && !codes.contains(m_filter->code()))
        codes << m_filter->code();
    const QSignalBlocker blocker(m_answer);
    m_answer->clear();
    auto add = [this](const QString& text, AccountFilterModel::Answer kind, int code = 0) {
        m_answer->addItem(text);
        m_answer->setItemData(m_answer->count() - 1, int(kind), kAnswerKindRole);
        m_answer->setItemData(m_answer->count() - 1, code, kAnswerCodeRole);
    };
    add(tr("All answers"), AccountFilterModel::Answer::Any);
    add(tr("200 (applied)"), AccountFilterModel::Answer::Success);
    add(tr("Any other code (failed)"), AccountFilterModel::Answer::Failure);
    add(tr("No answer yet"), AccountFilterModel::Answer::NoAnswer);
    for (const int code : std::as_const(codes))
        add(tr("Only %1 %2")
                .arg(QString::number(code), AccountDeviceModel::codeName(code, ReplySource::Device)),
            AccountFilterModel::Answer::Code, code);
    for (int i = 0; i < m_answer->count(); ++i) {
        if (m_answer->itemData(i, kAnswerKindRole).toInt() == int(m_filter->answerFilter()) &&
            (m_filter->answerFilter() != AccountFilterModel::Answer::Code ||
             m_answer->itemData(i, kAnswerCodeRole).toInt() == m_filter->code())) {
            m_answer->setCurrentIndex(i);
            break;
        }
    }
}

void AccountView::applyAnswerCombo()
{
    const auto kind = AccountFilterModel::Answer(m_answer->currentData(kAnswerKindRole).toInt());
    m_filter->setAnswerFilter(kind, m_answer->currentData(kAnswerCodeRole).toInt());
}

void AccountView::filterToCode(int code)
{
    AccountFilterModel::Answer kind = AccountFilterModel::Answer::Code;
    if (code == AccountDeviceModel::kNoAnswer)
        kind = AccountFilterModel::Answer::NoAnswer;
    else if (code == ReplyCodeCatalog::kSuccess)
        kind = AccountFilterModel::Answer::Success;
    for (int i = 0; i < m_answer->count(); ++i) {
        if (m_answer->itemData(i, kAnswerKindRole).toInt() == int(kind) &&
            (kind != AccountFilterModel::Answer::Code ||
             m_answer->itemData(i, kAnswerCodeRole).toInt() == code)) {
            m_answer->setCurrentIndex(i);
            return;
        }
    }
}

} // namespace ConfigDeck::Ui
