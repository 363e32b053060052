#include "ReconnectBackoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace ConfigDeck::Transport {

int ReconnectBackoff::nextDelayMs()
{
    if (m_connectedSince.isValid()) {
        if (m_connectedSince.elapsed() >= m_options.stableAfterMs)
            m_attempt = 0;
        m_connectedSince.invalidate();
    }
    const double minMs = std::max(1, m_options.minDelayMs);
    const double maxMs = std::max(m_options.minDelayMs, m_options.maxDelayMs);
    // 2^attempt overflows nothing here: the exponent stops growing once the cap is reached.
    const double base = std::min(maxMs, minMs * std::pow(2.0, std::min(m_attempt, 30)));
    if (base < maxMs)
        ++m_attempt;
    const double jitter = std::clamp(m_options.jitter, 0.0, 1.0);
    const double factor = 1.0 + jitter * (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0);
    return int(std::clamp(base * factor, 0.0, double(std::numeric_limits<int>::max())));
}

} // namespace ConfigDeck::Transport
