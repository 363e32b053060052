#include "FaultProfile.h"

#include <QCoreApplication>

#include <cmath>
#include <numeric>

namespace ConfigDeck::Roles {

namespace {

struct KindName
{
    FaultProfile::Kind kind;
    const char* name;
    const char* description;
};

constexpr KindName kKindNames[] = {
    {FaultProfile::Kind::None, "healthy",
     QT_TRANSLATE_NOOP("FaultProfile", "Healthy: downloads, verifies, replies 200")},
    {FaultProfile::Kind::Slow, "slow", QT_TRANSLATE_NOOP("FaultProfile", "Slow: replies late")},
    {FaultProfile::Kind::Offline, "offline", QT_TRANSLATE_NOOP("FaultProfile", "Offline: never connects")},
    {FaultProfile::Kind::NeverReplies, "never",
     QT_TRANSLATE_NOOP("FaultProfile", "Silent: takes pushes, never replies")},
    {FaultProfile::Kind::Refuses, "refuses",
     QT_TRANSLATE_NOOP("FaultProfile", "Refuses: answers with an error code")},
    {FaultProfile::Kind::BadSign, "badsign",
     QT_TRANSLATE_NOOP("FaultProfile", "Bad sign: the download arrives corrupted")},
    {FaultProfile::Kind::Truncated, "truncate",
     QT_TRANSLATE_NOOP("FaultProfile", "Wrong size: the download arrives short")},
    {FaultProfile::Kind::SlowDownload, "slowdownload", QT_TRANSLATE_NOOP("FaultProfile", "Slow download")},
    {FaultProfile::Kind::ApplyFails, "applyfails",
     QT_TRANSLATE_NOOP("FaultProfile", "Apply fails after verifying")},
};

// splitmix64: a small, good, seedable mixer for spreading faults over device indexes.
quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

} // namespace

QString FaultProfile::kindName(Kind kind)
{
    for (const auto& entry : kKindNames) {
        if (entry.kind == kind)
            return QLatin1StringView(entry.name);
    }
    Q_UNREACHABLE();
}

std::optional<FaultProfile::Kind> FaultProfile::kindFromName(QStringView name)
{
    for (const auto& entry : kKindNames) {
        if (name.compare(QLatin1StringView(entry.name), Qt::CaseInsensitive) == 0)
            return entry.kind;
    }
    return std::nullopt;
}

QList<FaultProfile::Kind> FaultProfile::allKinds()
{
    QList<Kind> kinds;
    for (const auto& entry : kKindNames)
        kinds << entry.kind;
    return kinds;
}

QString FaultProfile::describe() const
{
    for (const auto& entry : kKindNames) {
        if (entry.kind != kind)
            continue;
        QString text = QCoreApplication::translate("FaultProfile", entry.description);
        if (kind == Kind::Refuses)
            text += QStringLiteral(" (%1)").arg(refuseCode);
        if (latency.count() > 0)
            text += QCoreApplication::translate("FaultProfile", ", %1 ms latency").arg(latency.count());
        if (kind == Kind::SlowDownload && bytesPerSecond > 0)
            text += QCoreApplication::translate("FaultProfile", ", %1 bytes/s").arg(bytesPerSecond);
        return text;
    }
    Q_UNREACHABLE();
}

Alink::Expected<FaultMix> FaultMix::parse(QStringView text)
{
    FaultMix mix;
    const QString field = QStringLiteral("faults");
    for (QStringView item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        item = item.trimmed();
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        if (equals < 0)
            return Alink::AlinkError{field, tr("'%1' has no share (write kind=10%)").arg(item), -1};
        QStringView kindText = item.left(equals).trimmed();
        QStringView shareText = item.mid(equals + 1).trimmed();

        FaultProfile profile;
        // kind[:argument]: refuses:6713, slow:2000 (ms), slowdownload:512 (bytes/s)
        QStringView argument;
        if (const qsizetype colon = kindText.indexOf(QLatin1Char(':')); colon >= 0) {
            argument = kindText.mid(colon + 1);
            kindText = kindText.left(colon);
        }
        const auto kind = FaultProfile::kindFromName(kindText);
        if (!kind)
            return Alink::AlinkError{field, tr("'%1' is not a fault kind").arg(kindText), -1};
        profile.kind = *kind;
        bool argumentOk = true;
        switch (profile.kind) {
        case FaultProfile::Kind::Refuses:
            profile.refuseCode = argument.isEmpty() ? 460 : argument.toInt(&argumentOk);
            break;
        case FaultProfile::Kind::Slow:
            profile.latency =
                std::chrono::milliseconds(argument.isEmpty() ? 3000 : argument.toInt(&argumentOk));
            break;
        case FaultProfile::Kind::SlowDownload:
            profile.bytesPerSecond = argument.isEmpty() ? 1024 : argument.toLongLong(&argumentOk);
            break;
        default:
            if (!argument.isEmpty())
                return Alink::AlinkError{field, tr("'%1' takes no argument").arg(kindText), -1};
        }
        if (!argumentOk)
            return Alink::AlinkError{field, tr("'%1' is not a number in '%2'").arg(argument, item), -1};

        const bool percent = shareText.endsWith(QLatin1Char('%'));
        if (percent)
            shareText.chop(1);
        bool ok = false;
        double fraction = shareText.toDouble(&ok);
        if (percent)
            fraction /= 100.0;
        if (!ok || fraction < 0 || fraction > 1)
            return Alink::AlinkError{
                field, tr("'%1' is not a share between 0 and 100%").arg(item.mid(equals + 1)), -1};
        mix.add(profile, fraction);
    }
    if (mix.faultyFraction() > 1.0 + 1e-9)
        return Alink::AlinkError{field, tr("the shares add up to more than 100%"), -1};
    return mix;
}

QString FaultMix::toString() const
{
    QStringList parts;
    for (const auto& share : m_shares) {
        QString kind = FaultProfile::kindName(share.profile.kind);
        if (share.profile.kind == FaultProfile::Kind::Refuses)
            kind += QStringLiteral(":%1").arg(share.profile.refuseCode);
        else if (share.profile.kind == FaultProfile::Kind::Slow)
            kind += QStringLiteral(":%1").arg(share.profile.latency.count());
        else if (share.profile.kind == FaultProfile::Kind::SlowDownload)
            kind += QStringLiteral(":%1").arg(share.profile.bytesPerSecond);
        parts << QStringLiteral("%1=%2%").arg(kind).arg(share.fraction * 100.0);
    }
    return parts.join(QLatin1Char(','));
}

void FaultMix::add(const FaultProfile& profile, double fraction)
{
    m_shares.append({profile, fraction});
}

double FaultMix::faultyFraction() const
{
    double total = 0;
    for (const auto& share : m_shares)
        total += share.fraction;
    return total;
}

FaultProfile FaultMix::profileFor(qsizetype index, qsizetype count, quint64 seed) const
{
    if (count <= 0 || m_shares.isEmpty())
        return {};
    // A seeded permutation position of this device; shares take consecutive blocks of positions, so that
    // "5% offline" of 60 devices is exactly 3 devices.
    const quint64 position = [&] {
        // Rank of mix(seed ^ index) among all devices would be exact but O(n); an affine permutation
        // modulo count with a step coprime to it is exact and O(1).
        quint64 step = (mix(seed) % quint64(count)) | 1;
        while (std::gcd(step, quint64(count)) != 1)
            step += 2;
        return (quint64(index) * step + mix(seed + 1)) % quint64(count);
    }();
    qsizetype start = 0;
    for (const auto& share : m_shares) {
        const qsizetype size = qsizetype(std::llround(share.fraction * double(count)));
        if (position >= quint64(start) && position < quint64(start + size))
            return share.profile;
        start += size;
    }
    return {};
}

} // namespace ConfigDeck::Roles
