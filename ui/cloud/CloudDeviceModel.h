#pragma once

#include "alink/ReplyCodeCatalog.h"
#include "cloud/CloudSession.h"
#include "session/CloudWorkbench.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

namespace ConfigDeck::Ui {

// One identity connected to Alibaba Cloud, as the cloud panel shows it (held by the session's workbench).
using CloudDeviceRow = Session::CloudIdentityStatus;

// The identities of a CloudSession: connection state (coloured; refused and kicked offline in bold with
// the reason as tooltip), the configuration held, the last reply code (a badge colour for
// ReplyCodeBadgeDelegate) and the time of the last event. Plain rows and a hash from "pk/dn" to row.
class CloudDeviceModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ProductKeyColumn,
        DeviceNameColumn,
        StateColumn,
        ConfigColumn,
        CodeColumn,
        LastEventColumn,
        ColumnCount
    };
    enum Role
    {
        BadgeColorRole = Qt::UserRole + 100, // QColor of the code's category
        StateRole,                           // Cloud::CloudDeviceState as int
    };

    explicit CloudDeviceModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(const QString& productKey, const QString& deviceName) const;
    const CloudDeviceRow& rowAt(int row) const { return m_rows.at(row); }
    QList<CloudDeviceRow> rows() const { return m_rows; }

    // Adds the identity when it has no row yet; returns its row.
    int ensureRow(const QString& productKey, const QString& deviceName);
    // Adds or replaces the identity's row.
    void setRow(const CloudDeviceRow& row);
    void removeDevice(const QString& productKey, const QString& deviceName);
    void clear();

    void setState(const QString& productKey, const QString& deviceName, Cloud::CloudDeviceState state,
                  const QString& detail = {});
    void setHeld(const QString& productKey, const QString& deviceName, const QString& configId,
                 const QString& sha256);
    void setCode(const QString& productKey, const QString& deviceName, int code, Alink::ReplySource source);
    void setLastEvent(const QString& productKey, const QString& deviceName, const QDateTime& time);

    // The display text of a state: "Online", "Kicked offline", ...
    static QString stateText(Cloud::CloudDeviceState state);
    static QColor stateColor(Cloud::CloudDeviceState state);

private:
    static QString keyOf(const QString& productKey, const QString& deviceName);
    void changed(int row, Column first, Column last);
    void reindex();

    QList<CloudDeviceRow> m_rows;
    QHash<QString, int> m_index;
};

} // namespace ConfigDeck::Ui
