#pragma once

#include <QProcess>

#include <functional>

namespace ConfigDeck::TestSupport {

// Ends a fixture's child process: asks it to end (SIGTERM, or `ask` for a server with its own gentle way),
// waits up to graceMs, then kills it. Nothing happens when it is not running.
inline void endProcess(QProcess& process, int graceMs = 5000, const std::function<void()>& ask = {})
{
    if (process.state() == QProcess::NotRunning)
        return;
    if (ask)
        ask();
    else
        process.terminate();
    if (!process.waitForFinished(graceMs)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

} // namespace ConfigDeck::TestSupport
