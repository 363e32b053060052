#include "MessageIdGenerator.h"

#include <QRandomGenerator>

namespace ConfigDeck::Alink {

MessageIdGenerator::MessageIdGenerator()
    : MessageIdGenerator(QRandomGenerator::global()->generate())
{
}

MessageIdGenerator::MessageIdGenerator(quint32 start)
    : m_next(start)
{
}

QString MessageIdGenerator::next()
{
    // quint32 arithmetic wraps from 4294967295 to 0, which is the protocol's range.
    return QString::number(m_next.fetch_add(1, std::memory_order_relaxed));
}

} // namespace ConfigDeck::Alink
