#pragma once

#include "AccountDeviceModel.h"
#include "store/StoreTypes.h"

#include <QDateTime>
#include <QHash>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTableView;

namespace ConfigDeck::Store {
class FleetModel;
}

namespace ConfigDeck::Ui {

class AccountCountModel;
class AccountFilterModel;
class RolloutTimeline;

// The Account view: for one product of the workspace (picked in a combo), its devices and how each
// answered the last push made in the cloud console (200, a device-defined code with its meaning, or no
// answer yet), their online state, a count per answer and a timeline of the answers as they arrive.
//
// Its first content is the workspace's stored state (the FleetModel's rows); from then on it is fed through
// its slots by the account's server-side subscription. The cloud does not say when a push was made, so by
// default each device shows its latest answer; "Watch a new push" marks now as the start and every device
// shows "no answer yet" until it answers after that mark. Answers received while another product is shown
// are kept, so switching back shows them.
class AccountView final : public QWidget
{
    Q_OBJECT
public:
    enum class ConnectionState
    {
        NotWatching, // no account set up, or the subscription is off
        Connecting,
        Connected,
        Retrying, // the connection failed or dropped; the next attempt is due
    };

    explicit AccountView(Store::FleetModel* fleet, QWidget* parent = nullptr);
    ~AccountView() override;

    // The workspace's products for the combo (by default the fleet model's product keys).
    void setProducts(const QList<Store::ProductRecord>& products);
    QStringList products() const;
    QString currentProduct() const;
    void setCurrentProduct(const QString& productKey);

    // Forgets every answer and mark received so far (the workspace is closing).
    void clear();

    // Marks now (or `start`) as the start of a new push in the current product: every device shows
    // "no answer yet" until it answers after the mark.
    void watchNewPush(const QDateTime& start = {});
    // Back to the latest answers as stored.
    void stopWatchingPush();
    QDateTime pushMark() const; // of the current product; invalid when not watching a push

    AccountDeviceModel* model() const { return m_model; }
    AccountFilterModel* filterModel() const { return m_filter; }
    AccountCountModel* countModel() const { return m_counts; }
    QTableView* table() const { return m_table; }
    RolloutTimeline* timeline() const { return m_timeline; }
    QString connectionText() const;
    QString explanationText() const;
    // Applies queued answers now (they are otherwise applied a few times a second).
    void flush();

public slots:
    // The answer of a device to a push (push_reply of thing.config.push), at `time` (now when invalid).
    void accountReply(const QString& productKey, const QString& deviceName, int code, const QDateTime& time);
    // A device went online or offline at `time` (now when invalid).
    void accountStatus(const QString& productKey, const QString& deviceName, bool online,
                       const QDateTime& time);
    // The state of the subscription, with why (the reason a connection was refused or dropped) and, when
    // retrying, in how many seconds.
    void setConnectionState(ConnectionState state, const QString& reason = {}, int retryInSeconds = 0);

signals:
    // "Set up the account…" in the connection line: the lead connects it to the account profile dialog.
    void setUpAccountRequested();
    // "Watch live" in the connection line: start the account's server-side subscription.
    void watchAccountRequested();

private:
    struct LiveDevice
    {
        qint64 answerMs = 0;
        qint64 onlineMs = 0;
        int code = 0;
        bool answered = false;
        bool online = false;
        bool onlineKnown = false;
    };
    struct ProductLive
    {
        QHash<QString, LiveDevice> devices;
        qint64 markMs = 0; // 0: show the latest answers as stored
    };

    void rebuild();
    void restartTimeline();
    void updateTexts();
    void updateConnectionLine();
    void rebuildAnswerCombo();
    void applyAnswerCombo();
    void filterToCode(int code);
    qint64 markOf(const QString& productKey) const; // 0: not watching a push there
    qint64 timelineStartMs() const;
    void ensureProductListed(const QString& productKey);

    Store::FleetModel* m_fleet;
    AccountDeviceModel* m_model;
    AccountFilterModel* m_filter;
    AccountCountModel* m_counts;
    QComboBox* m_product;
    QPushButton* m_watch;
    QPushButton* m_stopWatching;
    QLabel* m_connection;
    QLabel* m_explanation;
    QLabel* m_summary;
    QListView* m_badges;
    QLineEdit* m_search;
    QComboBox* m_answer;
    QTableView* m_table;
    RolloutTimeline* m_timeline;

    QHash<QString, ProductLive> m_live;
    qint64 m_sinceMs; // when this view began to receive answers
    QString m_shownProduct;
    ConnectionState m_state = ConnectionState::NotWatching;
    QString m_reason;
    QDateTime m_retryAt;
    QTimer m_countdown;
    bool m_productsFromWorkspace = false;
};

} // namespace ConfigDeck::Ui
