#pragma once

#include "alink/AlinkError.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <cstdio>

namespace ConfigDeck::Cli {

// What the CLI prints: one JSON object per line with --json (for scripts and firmware CI), else a readable
// line per event. Progress lines overwrite themselves on a terminal and are left out of JSON output.
class EventPrinter
{
    Q_DECLARE_TR_FUNCTIONS(EventPrinter)

public:
    explicit EventPrinter(bool json, std::FILE* out = stdout);

    bool isJson() const { return m_json; }
    void event(const QString& type, const QJsonObject& fields, const QString& humanText);
    void progress(const QString& text);
    void error(const QString& text); // always on stderr
    // Prints a bad option's error and returns the usage-error exit code (CommandSupport::UsageError).
    int usageError(const Alink::AlinkError& error);

    static qint64 peakRssKb(); // the process's peak resident memory, 0 where unknown

    // Counts per reply code: fills `json` ("200": n, ...) and returns "200 x12, 460 x1" (or "none").
    static QString describeCounts(const QMap<int, qint64>& counts, QJsonObject& json);

private:
    void endProgress();

    bool m_json;
    std::FILE* m_out;
    bool m_tty;
    bool m_progressShown = false;
};

} // namespace ConfigDeck::Cli
