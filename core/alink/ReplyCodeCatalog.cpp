#include "ReplyCodeCatalog.h"

namespace ConfigDeck::Alink {

namespace {

using C = ReplyCategory;
using S = ReplySource;

const QList<ReplyCodeInfo>& catalog()
{
    static const QList<ReplyCodeInfo> entries{
        // Device -> platform: the common codes on devices.
        {200, S::Device, QT_TRANSLATE_NOOP("ReplyCode", "Success"),
         QT_TRANSLATE_NOOP("ReplyCode", "The device took the configuration."), C::Success, true},
        {400, S::Device, QT_TRANSLATE_NOOP("ReplyCode", "Request error"),
         QT_TRANSLATE_NOOP("ReplyCode",
                           "The device could not process the request (for example it could not parse it)."),
         C::DeviceError, true},
        {429, S::Device, QT_TRANSLATE_NOOP("ReplyCode", "Too many requests"),
         QT_TRANSLATE_NOOP("ReplyCode", "The device is receiving requests faster than it can handle them."),
         C::Transient, true},
        {460, S::Device, QT_TRANSLATE_NOOP("ReplyCode", "Request parameter error"),
         QT_TRANSLATE_NOOP("ReplyCode", "The device found a parameter of the request missing or invalid."),
         C::DeviceError, true},

        // Device-defined codes sent by ConfigDeck's device agent.
        {ReplyCodeCatalog::DownloadFailed, S::Device, QT_TRANSLATE_NOOP("ReplyCode", "Download failed"),
         QT_TRANSLATE_NOOP("ReplyCode",
                           "The configuration file could not be downloaded (connection or HTTP error)."),
         C::DeviceError, true},
        {ReplyCodeCatalog::SizeMismatch, S::Device, QT_TRANSLATE_NOOP("ReplyCode", "Size mismatch"),
         QT_TRANSLATE_NOOP("ReplyCode",
                           "The downloaded file is shorter than the configSize the platform declared."),
         C::DeviceError, true},
        {ReplyCodeCatalog::SignMismatch, S::Device, QT_TRANSLATE_NOOP("ReplyCode", "Sign mismatch"),
         QT_TRANSLATE_NOOP("ReplyCode",
                           "The SHA-256 of the downloaded file differs from the sign the platform sent."),
         C::DeviceError, true},
        {ReplyCodeCatalog::UnsupportedSignMethod, S::Device,
         QT_TRANSLATE_NOOP("ReplyCode", "Unsupported sign method"),
         QT_TRANSLATE_NOOP("ReplyCode", "The device cannot verify files signed with the given signMethod."),
         C::DeviceError, true},
        {ReplyCodeCatalog::ApplyFailed, S::Device, QT_TRANSLATE_NOOP("ReplyCode", "Apply failed"),
         QT_TRANSLATE_NOOP("ReplyCode",
                           "The file verified, but the device could not apply the configuration."),
         C::DeviceError, true},
        {ReplyCodeCatalog::DownloadTimeout, S::Device, QT_TRANSLATE_NOOP("ReplyCode", "Download timed out"),
         QT_TRANSLATE_NOOP("ReplyCode", "The download did not finish within the device's time limit."),
         C::Transient, true},
        {ReplyCodeCatalog::TlsFailure, S::Device, QT_TRANSLATE_NOOP("ReplyCode", "TLS failure"),
         QT_TRANSLATE_NOOP("ReplyCode", "The file server's certificate could not be verified."),
         C::DeviceError, true},
        {ReplyCodeCatalog::UrlRefused, S::Device, QT_TRANSLATE_NOOP("ReplyCode", "URL refused"),
         QT_TRANSLATE_NOOP(
             "ReplyCode",
             "The file server refused the URL (HTTP 403 or 404): it expired or its signature is wrong."),
         C::DeviceError, true},
        {ReplyCodeCatalog::FileTooLarge, S::Device, QT_TRANSLATE_NOOP("ReplyCode", "File too large"),
         QT_TRANSLATE_NOOP("ReplyCode",
                           "The server sent more bytes than the configSize the platform declared."),
         C::DeviceError, true},
        {ReplyCodeCatalog::StoreFailed, S::Device, QT_TRANSLATE_NOOP("ReplyCode", "Store failed"),
         QT_TRANSLATE_NOOP("ReplyCode", "The device could not store the verified configuration."),
         C::DeviceError, true},
        {ReplyCodeCatalog::DeviceBusy, S::Device, QT_TRANSLATE_NOOP("ReplyCode", "Device busy"),
         QT_TRANSLATE_NOOP("ReplyCode",
                           "The device is already taking another configuration; try again later."),
         C::Transient, true},

        // Platform -> device.
        {200, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Success"),
         QT_TRANSLATE_NOOP("ReplyCode", "The platform answered with a configuration."), C::Success, true},
        {400, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Processing error"),
         QT_TRANSLATE_NOOP("ReplyCode", "The platform failed to process the request."), C::PlatformError,
         true},
        {401, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Request auth error"),
         QT_TRANSLATE_NOOP("ReplyCode", "The request failed authentication."), C::PlatformError, true},
        {429, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Throttled"),
         QT_TRANSLATE_NOOP("ReplyCode",
                           "Too many requests: the platform is throttling this device or product."),
         C::Transient, true},
        {460, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Invalid parameters"),
         QT_TRANSLATE_NOOP("ReplyCode", "A parameter of the request is missing or invalid."),
         C::PlatformError, true},
        {500, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Unknown system error"),
         QT_TRANSLATE_NOOP("ReplyCode", "An unknown error inside the platform."), C::Transient, true},
        {520, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Device no session"),
         QT_TRANSLATE_NOOP("ReplyCode", "The device has no session with the platform (it is offline)."),
         C::Transient, true},
        {521, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Device deleted"),
         QT_TRANSLATE_NOOP("ReplyCode", "The device has been deleted from the platform."), C::PlatformError,
         true},
        {522, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Device forbidden"),
         QT_TRANSLATE_NOOP("ReplyCode", "The device is forbidden from this operation."), C::PlatformError,
         true},
        {5005, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Product query failed"),
         QT_TRANSLATE_NOOP("ReplyCode", "The platform could not look up the device's product."),
         C::PlatformError, true},
        {6100, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Device not found"),
         QT_TRANSLATE_NOOP("ReplyCode", "No device with this ProductKey and DeviceName exists."),
         C::PlatformError, true},
        {6203, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Topic parse error"),
         QT_TRANSLATE_NOOP("ReplyCode", "The platform could not parse the topic the request was sent to."),
         C::PlatformError, true},
        {6204, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Device disabled"),
         QT_TRANSLATE_NOOP("ReplyCode", "The device is disabled on the platform."), C::PlatformError, true},
        {6250, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Product not found"),
         QT_TRANSLATE_NOOP("ReplyCode", "No product with this ProductKey exists."), C::PlatformError, true},
        {6287, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Invalid sign"),
         QT_TRANSLATE_NOOP("ReplyCode", "The request's signature is invalid."), C::PlatformError, true},
        {6710, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "No data"),
         QT_TRANSLATE_NOOP("ReplyCode", "The product has no configuration yet: upload and save one first."),
         C::PlatformError, true},
        {6713, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Thing config function is not available"),
         QT_TRANSLATE_NOOP("ReplyCode",
                           "Remote configuration is switched off for this product: switch it on first."),
         C::PlatformError, true},
        {6760, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "System exception"),
         QT_TRANSLATE_NOOP("ReplyCode", "An exception inside the platform; try again later."), C::Transient,
         true},
        {6813, S::Platform, QT_TRANSLATE_NOOP("ReplyCode", "Topic illegal"),
         QT_TRANSLATE_NOOP("ReplyCode", "The topic is not one this device may use."), C::PlatformError, true},
    };
    return entries;
}

} // namespace

QString ReplyCodeInfo::displayName() const
{
    if (name)
        return QCoreApplication::translate("ReplyCode", name);
    return QCoreApplication::translate("ReplyCode", "Unknown code %1").arg(code);
}

QString ReplyCodeInfo::displayMeaning() const
{
    if (meaning)
        return QCoreApplication::translate("ReplyCode", meaning);
    return QCoreApplication::translate("ReplyCode",
                                       "A code that is not documented; it is kept as it was received.");
}

const QList<ReplyCodeInfo>& ReplyCodeCatalog::all()
{
    return catalog();
}

ReplyCodeInfo ReplyCodeCatalog::lookup(int code, ReplySource source)
{
    for (const auto& entry : catalog()) {
        if (entry.code == code && entry.source == source)
            return entry;
    }
    if (source == ReplySource::Device && code >= kDeviceDefinedFirst && code <= kDeviceDefinedLast) {
        return {code,
                source,
                QT_TRANSLATE_NOOP("ReplyCode", "Device-defined code"),
                QT_TRANSLATE_NOOP("ReplyCode",
                                  "A code the device's firmware defines (100000-110000); its meaning "
                                  "is in the firmware's documentation."),
                ReplyCategory::DeviceError,
                false};
    }
    return {code, source, nullptr, nullptr, ReplyCategory::Unknown, false};
}

QString ReplyCodeCatalog::categoryName(ReplyCategory category)
{
    switch (category) {
    case ReplyCategory::Success:
        return tr("Success");
    case ReplyCategory::DeviceError:
        return tr("Device error");
    case ReplyCategory::PlatformError:
        return tr("Platform error");
    case ReplyCategory::Transient:
        return tr("Transient");
    case ReplyCategory::Unknown:
        return tr("Unknown");
    }
    Q_UNREACHABLE();
}

QString ReplyCodeCatalog::categoryColor(ReplyCategory category)
{
    switch (category) {
    case ReplyCategory::Success:
        return QStringLiteral("#2e9d52");
    case ReplyCategory::DeviceError:
        return QStringLiteral("#d64545");
    case ReplyCategory::PlatformError:
        return QStringLiteral("#8e5bd6");
    case ReplyCategory::Transient:
        return QStringLiteral("#e0a020");
    case ReplyCategory::Unknown:
        return QStringLiteral("#808890");
    }
    Q_UNREACHABLE();
}

QString ReplyCodeCatalog::sourceName(ReplySource source)
{
    return source == ReplySource::Device ? tr("Device") : tr("Platform");
}

} // namespace ConfigDeck::Alink
