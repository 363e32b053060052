#pragma once

#include "alink/ReplyCodeCatalog.h"

#include <QAbstractTableModel>

namespace ConfigDeck::Ui {

// The reply-code catalog as a table: code, sender, name, category, meaning.
class ReplyCodeModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        CodeColumn,
        SourceColumn,
        NameColumn,
        CategoryColumn,
        MeaningColumn,
        ColumnCount
    };
    enum Role
    {
        CategoryRole = Qt::UserRole + 1,
        CategoryColorRole,
        CodeRole
    };

    explicit ReplyCodeModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Alink::ReplyCodeInfo> m_entries;
};

} // namespace ConfigDeck::Ui
