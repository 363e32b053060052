#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace ConfigDeck::Store {

// Key material with a buffer of its own, overwritten when it goes out of scope (or at wipe()).
//
// QByteArray copies share one buffer, so "wipe if no one else shares it" would skip every key that a
// copy still referenced (and wiping a shared buffer would destroy the other copy). WipedBytes never shares:
// it takes a buffer by move, copies one that is still shared (the other holder keeps, and wipes, its own),
// and hands out views and deep copies only.
class WipedBytes final
{
public:
    WipedBytes() = default;
    explicit WipedBytes(QByteArray&& bytes)
        : m_bytes(std::move(bytes))
    {
        if (!m_bytes.isDetached())
            m_bytes = QByteArray(m_bytes.constData(), m_bytes.size());
    }
    explicit WipedBytes(QByteArrayView bytes)
        : m_bytes(bytes.data(), bytes.size())
    {
    }
    ~WipedBytes() { wipe(); }

    QByteArrayView view() const { return m_bytes; }
    qsizetype size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    // A deep copy, for a caller that takes the key over (and wipes it in turn).
    QByteArray copy() const { return QByteArray(m_bytes.constData(), m_bytes.size()); }

    // Overwrites the bytes with zeros now; the buffer itself is released with this object.
    void wipe();

    Q_DISABLE_COPY_MOVE(WipedBytes)

private:
    QByteArray m_bytes;
};

} // namespace ConfigDeck::Store
