#pragma once

#include <QCoreApplication>
#include <QString>

#include <utility>
#include <variant>

namespace ConfigDeck::Alink {

// Why something from the wire (or from the operator) could not be taken: which field, what is wrong,
// and for unparsable JSON the byte offset. message() is the sentence shown to the user.
struct AlinkError
{
    Q_DECLARE_TR_FUNCTIONS(AlinkError)

public:
    QString field;         // "id", "params.configSize", "topic", ... empty when the whole input is at fault
    QString reason;        // translated, says what is wrong
    qsizetype offset = -1; // byte offset into the input, for JSON syntax errors

    QString message() const;
    bool operator==(const AlinkError&) const = default;
};

// A value or the reason there is none. (std::expected is C++23; this is the part we need.)
template <typename T>
class Expected
{
public:
    Expected(T value)
        : m_state(std::move(value))
    {
    }
    Expected(AlinkError error)
        : m_state(std::move(error))
    {
    }

    bool hasValue() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return hasValue(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const AlinkError& error() const { return std::get<AlinkError>(m_state); }

private:
    std::variant<T, AlinkError> m_state;
};

} // namespace ConfigDeck::Alink
