#pragma once

#include "alink/AlinkError.h"

#include <QList>
#include <QString>

#include <chrono>

namespace ConfigDeck::Roles {

// How a simulated device misbehaves. One kind per device; a fleet mixes kinds by shares.
struct FaultProfile
{
    enum class Kind
    {
        None,         // replies 200 after downloading and verifying
        Slow,         // replies after `latency`
        Offline,      // never connects
        NeverReplies, // takes the push, never answers
        Refuses,      // answers every push with `refuseCode` without downloading
        BadSign,      // the downloaded bytes arrive corrupted: sign mismatch
        Truncated,    // the download arrives short: size mismatch
        SlowDownload, // downloads at `bytesPerSecond`
        ApplyFails,   // verifies, then fails to apply
    };

    Kind kind = Kind::None;
    std::chrono::milliseconds latency{0}; // added before every reply, for every kind that replies
    int refuseCode = 460;
    qint64 bytesPerSecond = 0;

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(QStringView name);
    static QList<Kind> allKinds();
    QString describe() const; // translated, for the UI and the CLI

    bool operator==(const FaultProfile&) const = default;
};

// A fleet's fault mix: shares of kinds, e.g. "slow=10%,offline=5%,refuses:460=5%,badsign=5%".
// The rest of the fleet is healthy. Assignment is deterministic for a given seed and device index.
class FaultMix
{
    Q_DECLARE_TR_FUNCTIONS(FaultMix)

public:
    struct Share
    {
        FaultProfile profile;
        double fraction = 0; // 0..1
    };

    static Alink::Expected<FaultMix> parse(QStringView text);
    QString toString() const;

    void add(const FaultProfile& profile, double fraction);
    const QList<Share>& shares() const { return m_shares; }
    double faultyFraction() const;

    // The profile of device `index` out of `count`: exact shares (rounded), spread over the fleet by `seed`.
    FaultProfile profileFor(qsizetype index, qsizetype count, quint64 seed = 1) const;

private:
    QList<Share> m_shares;
};

} // namespace ConfigDeck::Roles
