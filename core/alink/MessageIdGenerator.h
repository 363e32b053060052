#pragma once

#include <QString>

#include <atomic>

namespace ConfigDeck::Alink {

// Message ids for one identity: decimal strings, unique, wrapping within 0..4294967295.
// Starts at a random point so that ids stay unique across restarts of the same identity for a day.
class MessageIdGenerator
{
public:
    MessageIdGenerator();
    explicit MessageIdGenerator(quint32 start);

    QString next();
    quint32 peek() const { return m_next.load(std::memory_order_relaxed); }

private:
    std::atomic<quint32> m_next;
};

} // namespace ConfigDeck::Alink
