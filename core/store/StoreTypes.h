#pragma once

#include "alink/AlinkError.h"
#include "alink/ReplyCodeCatalog.h"

#include <QByteArray>
#include <QDateTime>
#include <QHashFunctions>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>
#include <vector>

namespace ConfigDeck::Store {

// A fallible operation that returns nothing on success.
using Status = Alink::Expected<std::monostate>;
inline Status ok()
{
    return std::monostate{};
}

// Stored as the small integers below: never renumber, only append.
enum class ConfigState : int
{
    Unknown = 0,
    Requested = 1,
    Pushed = 2,
    Downloading = 3,
    Verified = 4,
    Applied = 5,
    Failed = 6,
};
inline constexpr int kConfigStateCount = 7;
inline size_t qHash(ConfigState state, size_t seed = 0) noexcept
{
    return ::qHash(int(state), seed);
}

enum class ConfigOrigin : int
{
    Edited = 0,
    Pushed = 1,
    Downloaded = 2,
};

enum class MessageDirection : int
{
    In = 0,   // received by ConfigDeck
    Out = 1,  // sent by ConfigDeck
    Edit = 2, // not a message: a change made by hand (topic says what, e.g. "Delete device")
};

enum class RolloutState : int
{
    Planned = 0,
    Running = 1,
    Paused = 2,
    Completed = 3,
    Aborted = 4,
};

enum class OutcomeState : int
{
    Pending = 0,
    Pushed = 1,
    Succeeded = 2,
    Failed = 3,
    TimedOut = 4,
    Skipped = 5,
};

struct ProductRecord
{
    QString productKey;
    QString name;
    QString endpoint; // region id ("cn-shanghai") or instance endpoint host
    bool remoteConfigEnabled = true;
    bool alibabaLimits = false; // the platform applies the cloud's rules to this product
};

struct DeviceRecord
{
    QString productKey;
    QString deviceName;
    QString note;
    QStringList labels;
    bool hasSecret = false; // the sealed secret itself is read with Workspace::deviceSecret()
};

struct ConfigVersion
{
    QString sha256; // 64 lowercase hex characters, the version's identity
    QByteArray content;
    qint64 size = 0;
    QString productKey;
    QDateTime created;
    QString label;
    ConfigOrigin origin = ConfigOrigin::Edited;
};

// What a device is known to hold and how the last exchange went.
struct DeviceState
{
    QString productKey;
    QString deviceName;
    QString configId;
    QString sha256;
    ConfigState state = ConfigState::Unknown;
    std::optional<int> lastReplyCode;
    Alink::ReplySource replySource = Alink::ReplySource::Device;
    QDateTime lastMessageTime;
    bool online = false;
};

// A configuration a device was seen holding.
struct HeldVersion
{
    QString sha256;
    QString configId;
    QDateTime firstSeen;
    QDateTime lastSeen;
};

// One device of the fleet table as FleetModel shows it, compact for a million rows: product keys are held
// once (FleetSnapshot::productKeys) and referenced by index.
struct FleetRow
{
    QString deviceName;
    QString configId;
    QString sha256;
    qint64 lastMessageMs = 0; // 0: never
    int productIndex = 0;
    int lastCode = 0;
    ConfigState state = ConfigState::Unknown;
    Alink::ReplySource replySource = Alink::ReplySource::Device;
    bool hasCode = false;
    bool online = false;
};

// Every device of the workspace with its state, in the order the devices were added.
struct FleetSnapshot
{
    QStringList productKeys; // every product, in the order they were added
    std::vector<FleetRow> rows;
};

// A partial change of one device's state: fields left empty keep their stored value.
struct DeviceStateUpdate
{
    QString productKey;
    QString deviceName;
    std::optional<QString> configId;
    std::optional<QString> sha256;
    std::optional<ConfigState> state;
    std::optional<int> lastReplyCode;
    std::optional<Alink::ReplySource> replySource;
    std::optional<QDateTime> lastMessageTime;
    std::optional<bool> online;
};

struct MessageLogEntry
{
    qint64 id = 0; // assigned by the workspace
    QDateTime time;
    QString productKey;
    QString deviceName;
    MessageDirection direction = MessageDirection::In;
    QString topic;
    QString messageId;
    std::optional<int> code;
    std::optional<int> latencyMs;
    QByteArray payload;
    bool payloadTruncated = false; // set by the workspace when the payload exceeded the stored maximum
    QString operatorName;          // who was at the console (or ran the CLI) that recorded it
};

struct MessageLogRetention
{
    qint64 maxRows = 200000;
    int maxAgeDays = 30;            // 0: no age limit
    qint64 maxPayloadBytes = 16384; // longer payloads are stored truncated
};

struct RolloutRecord
{
    qint64 id = 0; // assigned by the workspace
    QString name;
    QString productKey;
    QString configSha256;
    RolloutState state = RolloutState::Planned;
    int batchSize = 100;
    int ratePerMinute = 0;
    int timeoutMs = 60000;
    double abortThreshold = 0.1; // fraction of failed devices that stops the rollout
    QDateTime created;
    QDateTime started;
    QDateTime finished;
    QString operatorName; // who started it
    QString finishReason; // why it ended (completed, aborted, abandoned...)
};

struct RolloutOutcome
{
    QString productKey;
    QString deviceName;
    OutcomeState state = OutcomeState::Pending;
    std::optional<int> replyCode;
    QDateTime updated;
    QString message;
};

// What IdentityStore::removeDevices() takes away with a device, to put it back with IdentityStore::restore():
// the record, its secret as stored (sealed, never opened), its state and the versions it was seen holding.
struct DeviceSnapshot
{
    DeviceRecord record;
    QByteArray sealedSecret;
    std::optional<DeviceState> state;
    QList<HeldVersion> heldVersions;
};

} // namespace ConfigDeck::Store
