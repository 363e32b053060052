#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ConfigDeck::Alink {

enum class ReplyCategory
{
    Success,
    DeviceError,   // the device could not take the configuration
    PlatformError, // the platform refused or failed the request
    Transient,     // worth retrying later: throttling, no session, timeouts
    Unknown,       // a code the catalog does not know
};

// Who sent the code: the same number means different things in each direction (400, 429, 460).
enum class ReplySource
{
    Device,   // push_reply, data exchange
    Platform, // get_reply
};

struct ReplyCodeInfo
{
    int code = 0;
    ReplySource source = ReplySource::Device;
    const char* name = nullptr;    // untranslated, QT_TRANSLATE_NOOP'd in the "ReplyCode" context
    const char* meaning = nullptr; // likewise
    ReplyCategory category = ReplyCategory::Unknown;
    bool known = false; // false: a code we were sent but do not document

    QString displayName() const;
    QString displayMeaning() const;
};

// Every reply code of protocol.md plus ConfigDeck's device-defined codes (100000-110000).
// Unknown codes are described as such, never dropped.
class ReplyCodeCatalog
{
    Q_DECLARE_TR_FUNCTIONS(ReplyCodeCatalog)

public:
    // ConfigDeck's own device-defined codes, sent by its device agent.
    enum DeviceCode : int
    {
        DownloadFailed = 100001,
        SizeMismatch = 100002,
        SignMismatch = 100003,
        UnsupportedSignMethod = 100004,
        ApplyFailed = 100005,
        DownloadTimeout = 100006,
        TlsFailure = 100007,
        UrlRefused = 100008,
        FileTooLarge = 100009,
        StoreFailed = 100010,
        DeviceBusy = 100011,
    };
    static constexpr int kSuccess = 200;
    static constexpr int kDeviceDefinedFirst = 100000;
    static constexpr int kDeviceDefinedLast = 110000;

    static const QList<ReplyCodeInfo>& all();
    static ReplyCodeInfo lookup(int code, ReplySource source);

    static QString categoryName(ReplyCategory category);
    // A display colour per category, as #RRGGBB, readable on light and dark backgrounds.
    static QString categoryColor(ReplyCategory category);
    static QString sourceName(ReplySource source);
};

} // namespace ConfigDeck::Alink
