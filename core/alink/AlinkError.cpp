#include "AlinkError.h"

namespace ConfigDeck::Alink {

QString AlinkError::message() const
{
    if (field.isEmpty() && offset >= 0)
        return tr("%1 at offset %2").arg(reason).arg(offset);
    if (field.isEmpty())
        return reason;
    return tr("%1: %2").arg(field, reason);
}

} // namespace ConfigDeck::Alink
