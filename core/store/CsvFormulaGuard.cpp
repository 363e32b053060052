#include "CsvFormulaGuard.h"

namespace ConfigDeck::Store {

bool CsvFormulaGuard::needsGuard(QByteArrayView value)
{
    qsizetype at = 0;
    while (at < value.size() && value[at] == '\'')
        ++at;
    if (at == value.size())
        return false;
    switch (value[at]) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

QByteArray CsvFormulaGuard::guarded(QByteArrayView value)
{
    if (!needsGuard(value))
        return value.toByteArray();
    QByteArray cell;
    cell.reserve(value.size() + 1);
    return cell.append('\'').append(value);
}

QByteArrayView CsvFormulaGuard::unguarded(QByteArrayView cell)
{
    return cell.startsWith('\'') && needsGuard(cell) ? cell.sliced(1) : cell;
}

} // namespace ConfigDeck::Store
