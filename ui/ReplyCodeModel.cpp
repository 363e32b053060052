#include "ReplyCodeModel.h"

#include <QColor>

namespace ConfigDeck::Ui {

using Alink::ReplyCodeCatalog;

ReplyCodeModel::ReplyCodeModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_entries(ReplyCodeCatalog::all())
{
}

int ReplyCodeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int ReplyCodeModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReplyCodeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto& entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CodeColumn:
            return entry.code;
        case SourceColumn:
            return ReplyCodeCatalog::sourceName(entry.source);
        case NameColumn:
            return entry.displayName();
        case CategoryColumn:
            return ReplyCodeCatalog::categoryName(entry.category);
        case MeaningColumn:
            return entry.displayMeaning();
        }
        break;
    case Qt::ToolTipRole:
        return QStringLiteral("<b>%1 %2</b><br>%3")
            .arg(entry.code)
            .arg(entry.displayName(), entry.displayMeaning());
    case CategoryRole:
        return static_cast<int>(entry.category);
    case CategoryColorRole:
        return QColor::fromString(ReplyCodeCatalog::categoryColor(entry.category));
    case CodeRole:
        return entry.code;
    case Qt::TextAlignmentRole:
        if (index.column() == CodeColumn)
            return QVariant::fromValue(Qt::AlignCenter);
        break;
    }
    return {};
}

QVariant ReplyCodeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CodeColumn:
        return tr("Code");
    case SourceColumn:
        return tr("Sent by");
    case NameColumn:
        return tr("Name");
    case CategoryColumn:
        return tr("Category");
    case MeaningColumn:
        return tr("Meaning");
    }
    return {};
}

} // namespace ConfigDeck::Ui
