#include "SupportBundle.h"

#include "BuildInfo.h"
#include "LibraryInfo.h"
#include "Redactor.h"
#include "SupportLog.h"
#include "alink/ReplyCodeCatalog.h"
#include "cloud/AccountProfile.h"
#include "diff/ConfigDiff.h"
#include "diff/DiffInput.h"
#include "session/SessionSettings.h"
#include "store/Workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <memory>

namespace ConfigDeck::Support {

namespace {

using Store::Status;
using Error = Alink::AlinkError; // (lupdate takes "Alink::AlinkError f()" in a class for a member of Alink)

QString isoTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue isoTimeValue(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(isoTime(time)) : QJsonValue();
}

// Entry names are built from product keys: keep them to characters every unzip accepts.
QString safeComponent(const QString& text)
{
    QString out = text;
    for (QChar& c : out) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-') && c != QLatin1Char('_') &&
            c != QLatin1Char('.'))
            c = QLatin1Char('_');
    }
    if (out.isEmpty() || out == QLatin1String(".") || out == QLatin1String(".."))
        out = QStringLiteral("_");
    return out;
}

QString stateKeyword(Store::ConfigState state)
{
    switch (state) {
    case Store::ConfigState::Unknown:
        return QStringLiteral("unknown");
    case Store::ConfigState::Requested:
        return QStringLiteral("requested");
    case Store::ConfigState::Pushed:
        return QStringLiteral("pushed");
    case Store::ConfigState::Downloading:
        return QStringLiteral("downloading");
    case Store::ConfigState::Verified:
        return QStringLiteral("verified");
    case Store::ConfigState::Applied:
        return QStringLiteral("applied");
    case Store::ConfigState::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("unknown");
}

QString originKeyword(Store::ConfigOrigin origin)
{
    switch (origin) {
    case Store::ConfigOrigin::Edited:
        return QStringLiteral("edited");
    case Store::ConfigOrigin::Pushed:
        return QStringLiteral("pushed");
    case Store::ConfigOrigin::Downloaded:
        return QStringLiteral("downloaded");
    }
    return QStringLiteral("edited");
}

QString categoryKeyword(Alink::ReplyCategory category)
{
    switch (category) {
    case Alink::ReplyCategory::Success:
        return QStringLiteral("success");
    case Alink::ReplyCategory::DeviceError:
        return QStringLiteral("device-error");
    case Alink::ReplyCategory::PlatformError:
        return QStringLiteral("platform-error");
    case Alink::ReplyCategory::Transient:
        return QStringLiteral("transient");
    case Alink::ReplyCategory::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

// A reply code as the catalog describes it, in English (the bundle's JSON is for any reader) and in the
// operator's language.
void describeCode(QJsonObject& object, const QString& prefix, int code, Alink::ReplySource source)
{
    const Alink::ReplyCodeInfo info = Alink::ReplyCodeCatalog::lookup(code, source);
    object.insert(prefix + QStringLiteral("Code"), code);
    object.insert(prefix + QStringLiteral("Source"), source == Alink::ReplySource::Device
                                                         ? QStringLiteral("device")
                                                         : QStringLiteral("platform"));
    object.insert(prefix + QStringLiteral("Known"), info.known);
    object.insert(prefix + QStringLiteral("Category"), categoryKeyword(info.category));
    if (info.name)
        object.insert(prefix + QStringLiteral("Name"), QString::fromUtf8(info.name));
    if (info.meaning)
        object.insert(prefix + QStringLiteral("Meaning"), QString::fromUtf8(info.meaning));
    object.insert(prefix + QStringLiteral("MeaningTranslated"), info.displayMeaning());
}

// The reply topics carry a code from the platform (get_reply) or from the device (push_reply, ...).
Alink::ReplySource sourceOfTopic(const QString& topic)
{
    return topic.endsWith(QLatin1String("/thing/config/get_reply")) ? Alink::ReplySource::Platform
                                                                    : Alink::ReplySource::Device;
}

// libarchive writing a .zip into a QSaveFile: the bundle appears complete (commit renames the temporary
// file) or not at all (the destructor discards it).
class ZipWriter final
{
    Q_DECLARE_TR_FUNCTIONS(SupportBundle) // its messages are the bundle's
    Q_DISABLE_COPY_MOVE(ZipWriter)

public:
    ZipWriter(const QString& path, const QDateTime& time, Redactor& redactor)
        : m_file(path)
        , m_time(time)
        , m_redactor(redactor)
    {
    }

    ~ZipWriter()
    {
        if (m_archive)
            archive_write_free(m_archive);
        m_file.cancelWriting();
    }

    Status open()
    {
        if (!m_file.open(QIODevice::WriteOnly))
            return failure(m_file.errorString());
        m_archive = archive_write_new();
        if (!m_archive)
            return failure(tr("out of memory"));
        if (archive_write_set_format_zip(m_archive) != ARCHIVE_OK ||
            archive_write_zip_set_compression_deflate(m_archive) != ARCHIVE_OK ||
            archive_write_set_bytes_in_last_block(m_archive, 1) != ARCHIVE_OK ||
            archive_write_open2(m_archive, this, nullptr, &ZipWriter::writeCallback, nullptr, nullptr) !=
                ARCHIVE_OK)
            return archiveFailure();
        return Store::ok();
    }

    // A whole entry; scrubbed of every known secret first.
    Status add(const QString& name, const QByteArray& data)
    {
        const QByteArray clean = m_redactor.scrub(data);
        if (Status begun = begin(name, clean.size()); !begun)
            return begun;
        if (Status written = append(clean); !written)
            return written;
        return Store::ok();
    }

    // An entry written in pieces (size < 0: not known in advance).
    Status begin(const QString& name, qint64 size)
    {
        std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(),
                                                                            &archive_entry_free);
        archive_entry_set_pathname_utf8(entry.get(), name.toUtf8().constData());
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), 0644);
        archive_entry_set_mtime(entry.get(), m_time.toSecsSinceEpoch(), 0);
        if (size >= 0)
            archive_entry_set_size(entry.get(), size);
        else
            archive_entry_unset_size(entry.get());
        if (archive_write_header(m_archive, entry.get()) != ARCHIVE_OK)
            return archiveFailure();
        m_entries << name;
        return Store::ok();
    }

    // Scrubbed by the caller (add) or here (for streamed entries).
    Status append(const QByteArray& data, bool scrub = false)
    {
        const QByteArray clean = scrub ? m_redactor.scrub(data) : data;
        qsizetype offset = 0;
        while (offset < clean.size()) {
            const la_ssize_t written =
                archive_write_data(m_archive, clean.constData() + offset, size_t(clean.size() - offset));
            if (written < 0)
                return archiveFailure();
            offset += qsizetype(written);
        }
        return Store::ok();
    }

    Status commit()
    {
        if (archive_write_close(m_archive) != ARCHIVE_OK)
            return archiveFailure();
        if (!m_file.commit())
            return failure(m_file.errorString());
        return Store::ok();
    }

    const QStringList& entries() const { return m_entries; }

private:
    static la_ssize_t writeCallback(struct archive* archive, void* client, const void* buffer, size_t length)
    {
        auto* self = static_cast<ZipWriter*>(client);
        const qint64 written = self->m_file.write(static_cast<const char*>(buffer), qint64(length));
        if (written != qint64(length)) {
            archive_set_error(archive, EIO, "%s", self->m_file.errorString().toUtf8().constData());
            return -1;
        }
        return la_ssize_t(written);
    }

    Error failure(const QString& why) const
    {
        return Error{{},
                     tr("The support bundle %1 cannot be written: %2")
                         .arg(QDir::toNativeSeparators(m_file.fileName()), why),
                     -1};
    }

    Error archiveFailure() const
    {
        const char* message = m_archive ? archive_error_string(m_archive) : nullptr;
        return failure(message ? QString::fromUtf8(message) : tr("the archive library failed"));
    }

    QSaveFile m_file;
    QDateTime m_time;
    Redactor& m_redactor;
    struct archive* m_archive = nullptr;
    QStringList m_entries;
};

struct ChosenDevice
{
    Store::DeviceRecord record;
    std::optional<Store::ProductRecord> product;
    std::optional<Store::DeviceState> state;
    QList<Store::HeldVersion> held; // every version it was seen holding, oldest first
};

struct IncludedVersion
{
    Store::ConfigVersion version;
    QString fileName;      // inside versions/<pk>/
    QByteArray content;    // redacted
    bool redacted = false; // content differs from the stored bytes
    QStringList heldBy;
    bool published = false;
};

constexpr QJsonDocument::JsonFormat kIndented = QJsonDocument::Indented;

} // namespace

QString SupportBundle::suggestedFileName(const QDateTime& time)
{
    return QStringLiteral("configdeck-support-%1.zip").arg(time.toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

Alink::Expected<SupportBundle::Summary> SupportBundle::write(const Store::Workspace& workspace,
                                                             const QList<Alink::DeviceKey>& devices,
                                                             const QString& path, const Options& options)
{
    if (devices.isEmpty())
        return Alink::AlinkError{{}, tr("No device was chosen for the support bundle."), -1};
    if (path.trimmed().isEmpty())
        return Alink::AlinkError{{}, tr("No file name was given for the support bundle."), -1};
    if (QFileInfo(path).isDir())
        return Alink::AlinkError{{},
                                 tr("The support bundle cannot be written to %1: it is a folder.")
                                     .arg(QDir::toNativeSeparators(path)),
                                 -1};

    const QDateTime generated =
        options.generatedAt.isValid() ? options.generatedAt.toUTC() : QDateTime::currentDateTimeUtc();
    Summary summary;
    summary.path = path;
    Redactor redactor;

    // Every device first, so that an unknown one changes nothing.
    QList<ChosenDevice> chosen;
    QSet<QString> seen;
    QStringList lockedDevices;
    for (const Alink::DeviceKey& key : devices) {
        const QString id = key.productKey + QLatin1Char('/') + key.deviceName;
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const Store::IdentityStore& identities = workspace.identities();
        auto record = identities.device(key.productKey, key.deviceName);
        if (!record)
            return record.error();
        if (!record->has_value())
            return Alink::AlinkError{id, tr("there is no such device in the workspace"), -1};
        if ((*record)->hasSecret) {
            if (auto secret = identities.deviceSecret(key.productKey, key.deviceName))
                redactor.addSecret(*secret);
            else
                lockedDevices << id;
        }
        auto product = identities.product(key.productKey);
        if (!product)
            return product.error();
        auto state = workspace.deviceStates().state(key.productKey, key.deviceName);
        if (!state)
            return state.error();
        auto held = workspace.deviceStates().heldVersions(key.productKey, key.deviceName);
        if (!held)
            return held.error();
        chosen.append({**record, *product, *state, *held});
    }
    const auto loadedSession = Session::SessionSettings::load(workspace);
    if (!loadedSession)
        return loadedSession.error();
    const Session::SessionSettings& session = *loadedSession;
    const auto publishedVersions = workspace.versions().allPublished();
    if (!publishedVersions)
        return publishedVersions.error();
    redactor.addSecret(session.password.toUtf8());
    if (!lockedDevices.isEmpty()) {
        summary.warnings << tr("The workspace is locked: the secrets of %n device(s) could not be read, so "
                               "the bundle was not searched for them (the protocol never sends them).",
                               nullptr, int(lockedDevices.size()));
    }

    // The versions of each product: held by a chosen device, published, or sent over the wire.
    QStringList productKeys;
    for (const ChosenDevice& device : std::as_const(chosen)) {
        if (!productKeys.contains(device.record.productKey))
            productKeys << device.record.productKey;
    }
    QHash<QString, QList<IncludedVersion>> versionsByProduct;
    QHash<QString, QStringList> missingByProduct; // held by a device, but not stored
    for (const QString& productKey : std::as_const(productKeys)) {
        QHash<QString, QStringList> heldBy;
        for (const ChosenDevice& device : std::as_const(chosen)) {
            if (device.record.productKey != productKey)
                continue;
            QStringList held;
            if (device.state && !device.state->sha256.isEmpty())
                held << device.state->sha256;
            // Every version the device was seen holding, not only the current one.
            for (const Store::HeldVersion& version : device.held)
                held << version.sha256;
            held.removeDuplicates();
            for (const QString& sha256 : std::as_const(held))
                heldBy[sha256] << device.record.deviceName;
        }
        const QString published = publishedVersions->value(productKey);
        const auto all = workspace.versions().list(productKey, true);
        if (!all)
            return all.error();
        QList<Store::ConfigVersion> wanted;
        for (const Store::ConfigVersion& version : *all) {
            if (heldBy.contains(version.sha256) || version.sha256 == published ||
                version.origin != Store::ConfigOrigin::Edited)
                wanted << version;
        }
        // Oldest first (as stored); keep the newest N and anything held or published.
        const qsizetype cut = std::max<qsizetype>(0, wanted.size() - qMax(0, options.versionsPerProduct));
        QList<IncludedVersion> included;
        QSet<QString> stored;
        for (qsizetype i = 0; i < wanted.size(); ++i) {
            const Store::ConfigVersion& version = wanted.at(i);
            stored.insert(version.sha256);
            if (i < cut && !heldBy.contains(version.sha256) && version.sha256 != published)
                continue;
            IncludedVersion item;
            item.version = version;
            item.heldBy = heldBy.value(version.sha256);
            item.published = version.sha256 == published;
            if (Diff::DiffInput::classify(version.content) == Diff::ContentKind::Text) {
                item.content = redactor.redactText(version.content);
                item.fileName = version.sha256 + (Diff::ConfigDiff::looksLikeJson(version.content)
                                                      ? QStringLiteral(".json")
                                                      : QStringLiteral(".txt"));
            } else {
                item.content = redactor.scrub(version.content);
                item.fileName = version.sha256 + QStringLiteral(".bin");
            }
            item.redacted = item.content != version.content;
            item.version.content.clear();
            included << item;
        }
        for (auto it = heldBy.cbegin(); it != heldBy.cend(); ++it) {
            if (!stored.contains(it.key()))
                missingByProduct[productKey] << it.key();
        }
        versionsByProduct.insert(productKey, included);
    }

    ZipWriter zip(path, generated, redactor);
    if (Status opened = zip.open(); !opened)
        return opened.error();

    // README.txt
    {
        QStringList lines;
        lines << tr("ConfigDeck support bundle") << QString();
        lines << tr("Generated %1 by %2.").arg(isoTime(generated), BuildInfo::versionLine());
        lines << tr("Workspace: %1").arg(QFileInfo(workspace.path()).fileName());
        lines << QString() << tr("Devices (%1):").arg(chosen.size());
        for (const ChosenDevice& device : std::as_const(chosen))
            lines << QStringLiteral("  %1/%2").arg(device.record.productKey, device.record.deviceName);
        lines << QString();
        lines
            << tr("Secrets are redacted: DeviceSecrets are never included; device secrets and the broker "
                  "password are replaced by \"%1\" wherever they occurred, and so are the values of "
                  "secret-looking fields (password, secret, token, ...) and the credentials in the query of "
                  "pre-signed download URLs (their path and expiry are kept). A redacted configuration "
                  "version no longer matches its SHA-256; versions/<product>/index.json says which.")
                   .arg(Redactor::kRedacted);
        for (const QString& warning : std::as_const(summary.warnings))
            lines << QString() << warning;
        lines << QString() << tr("Contents:");
        lines << tr("  README.txt       this file");
        lines << tr("  devices.json     each device's identity (without its secret), configuration state and "
                    "last reply code with its meaning");
        lines << tr("  messages.jsonl   the last %1 Alink messages of each device, one JSON object a line, "
                    "oldest first")
                     .arg(options.messagesPerDevice);
        lines << tr("  versions/        the configuration versions the devices hold, the published one and "
                    "those pushed or downloaded, with an index.json per product");
        lines << tr("  diffs/           unified diffs between consecutive versions");
        lines << tr("  settings.json    the workspace's connection settings, without passwords");
        lines << tr("  environment.txt  operating system, Qt, locale and library versions");
        if (Status added = zip.add(QStringLiteral("README.txt"),
                                   (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
            !added)
            return added.error();
    }

    // devices.json
    {
        QJsonArray array;
        for (const ChosenDevice& device : std::as_const(chosen)) {
            QJsonObject object;
            object.insert(QStringLiteral("productKey"), device.record.productKey);
            object.insert(QStringLiteral("deviceName"), device.record.deviceName);
            if (device.product) {
                object.insert(QStringLiteral("productName"), device.product->name);
                object.insert(QStringLiteral("endpoint"), device.product->endpoint);
                object.insert(QStringLiteral("remoteConfigEnabled"), device.product->remoteConfigEnabled);
            }
            object.insert(QStringLiteral("hasSecret"), device.record.hasSecret);
            object.insert(QStringLiteral("note"), redactor.redactText(device.record.note));
            object.insert(QStringLiteral("labels"), QJsonArray::fromStringList(device.record.labels));
            if (device.state) {
                const Store::DeviceState& state = *device.state;
                object.insert(QStringLiteral("state"), stateKeyword(state.state));
                object.insert(QStringLiteral("online"), state.online);
                object.insert(QStringLiteral("configId"), state.configId);
                object.insert(QStringLiteral("sha256"), state.sha256);
                if (!state.sha256.isEmpty()) {
                    const auto held = workspace.versions().find(state.sha256);
                    if (!held)
                        return held.error();
                    if (held->has_value())
                        object.insert(QStringLiteral("configSize"), (*held)->size);
                }
                if (state.lastReplyCode)
                    describeCode(object, QStringLiteral("lastReply"), *state.lastReplyCode,
                                 state.replySource);
                object.insert(QStringLiteral("lastMessageTime"), isoTimeValue(state.lastMessageTime));
                QJsonArray history;
                for (const Store::HeldVersion& version : device.held)
                    history.append(QJsonObject{{QStringLiteral("sha256"), version.sha256},
                                               {QStringLiteral("configId"), version.configId},
                                               {QStringLiteral("firstSeen"), isoTimeValue(version.firstSeen)},
                                               {QStringLiteral("lastSeen"), isoTimeValue(version.lastSeen)}});
                object.insert(QStringLiteral("heldVersions"), history);
            } else {
                object.insert(QStringLiteral("state"), stateKeyword(Store::ConfigState::Unknown));
            }
            array.append(object);
        }
        const QJsonObject root{{QStringLiteral("generated"), isoTime(generated)},
                               {QStringLiteral("configdeckVersion"), QLatin1StringView(BuildInfo::kVersion)},
                               {QStringLiteral("devices"), array}};
        if (Status added = zip.add(QStringLiteral("devices.json"), QJsonDocument(root).toJson(kIndented));
            !added)
            return added.error();
    }

    // messages.jsonl, streamed one device at a time.
    if (Status begun = zip.begin(QStringLiteral("messages.jsonl"), -1); !begun)
        return begun.error();
    for (const ChosenDevice& device : std::as_const(chosen)) {
        auto read = workspace.messageLog().entries(device.record.productKey, device.record.deviceName,
                                                   qMax(0, options.messagesPerDevice));
        if (!read)
            return read.error();
        QList<Store::MessageLogEntry> entries = std::move(*read);
        std::reverse(entries.begin(), entries.end()); // the workspace gives the newest first
        QByteArray chunk;
        for (const Store::MessageLogEntry& entry : std::as_const(entries)) {
            QJsonObject object;
            object.insert(QStringLiteral("time"), isoTimeValue(entry.time));
            object.insert(QStringLiteral("productKey"), entry.productKey);
            object.insert(QStringLiteral("deviceName"), entry.deviceName);
            object.insert(QStringLiteral("direction"), entry.direction == Store::MessageDirection::In
                                                           ? QStringLiteral("in")
                                                           : QStringLiteral("out"));
            object.insert(QStringLiteral("topic"), entry.topic);
            object.insert(QStringLiteral("messageId"), entry.messageId);
            if (entry.code)
                describeCode(object, QStringLiteral("reply"), *entry.code, sourceOfTopic(entry.topic));
            if (entry.latencyMs)
                object.insert(QStringLiteral("latencyMs"), *entry.latencyMs);
            object.insert(QStringLiteral("payloadTruncated"), entry.payloadTruncated);
            QJsonParseError error;
            const QJsonDocument payload = QJsonDocument::fromJson(entry.payload, &error);
            if (error.error == QJsonParseError::NoError && (payload.isObject() || payload.isArray())) {
                object.insert(QStringLiteral("payload"),
                              redactor.redactJson(payload.isObject() ? QJsonValue(payload.object())
                                                                     : QJsonValue(payload.array())));
            } else {
                object.insert(QStringLiteral("payloadText"),
                              redactor.redactText(QString::fromUtf8(entry.payload)));
            }
            chunk += QJsonDocument(object).toJson(QJsonDocument::Compact);
            chunk += '\n';
            ++summary.messageCount;
        }
        if (Status written = zip.append(chunk, true); !written)
            return written.error();
    }

    // versions/ and diffs/
    for (const QString& productKey : std::as_const(productKeys)) {
        const QString folder = safeComponent(productKey);
        const QList<IncludedVersion>& included = versionsByProduct.value(productKey);
        QJsonArray index;
        for (const IncludedVersion& item : included) {
            const QString name = QStringLiteral("versions/%1/%2").arg(folder, item.fileName);
            if (Status added = zip.add(name, item.content); !added)
                return added.error();
            ++summary.versionCount;
            QJsonObject object{{QStringLiteral("sha256"), item.version.sha256},
                               {QStringLiteral("file"), item.fileName},
                               {QStringLiteral("size"), item.version.size},
                               {QStringLiteral("created"), isoTimeValue(item.version.created)},
                               {QStringLiteral("label"), redactor.redactText(item.version.label)},
                               {QStringLiteral("origin"), originKeyword(item.version.origin)},
                               {QStringLiteral("published"), item.published},
                               {QStringLiteral("heldBy"), QJsonArray::fromStringList(item.heldBy)},
                               {QStringLiteral("redacted"), item.redacted}};
            index.append(object);
        }
        const QJsonObject root{{QStringLiteral("productKey"), productKey},
                               {QStringLiteral("published"), publishedVersions->value(productKey)},
                               {QStringLiteral("versions"), index},
                               {QStringLiteral("heldButNotStored"),
                                QJsonArray::fromStringList(missingByProduct.value(productKey))}};
        if (Status added = zip.add(QStringLiteral("versions/%1/index.json").arg(folder),
                                   QJsonDocument(root).toJson(kIndented));
            !added)
            return added.error();

        for (qsizetype i = 1; i < included.size(); ++i) {
            const IncludedVersion& from = included.at(i - 1);
            const IncludedVersion& to = included.at(i);
            const Diff::ConfigDiffResult diff = Diff::ConfigDiff::compare(from.content, to.content);
            QByteArray text;
            if (diff.isBinary()) {
                text = tr("Binary versions: %1\n").arg(diff.binary->note).toUtf8();
            } else {
                text = diff.lines.toUnifiedDiff(QStringLiteral("a/versions/%1/%2").arg(folder, from.fileName),
                                                QStringLiteral("b/versions/%1/%2").arg(folder, to.fileName));
                if (text.isEmpty())
                    text = tr("The two versions differ only in redacted values.\n").toUtf8();
            }
            const QString name = QStringLiteral("diffs/%1/%2..%3.diff")
                                     .arg(folder, from.version.sha256.left(12), to.version.sha256.left(12));
            if (Status added = zip.add(name, text); !added)
                return added.error();
            ++summary.diffCount;
        }
    }

    // settings.json
    {
        const auto sealedPassword = workspace.settings().value(QStringLiteral("session/passwordSealed"));
        if (!sealedPassword)
            return sealedPassword.error();
        const auto retention = workspace.messageLog().retention();
        if (!retention)
            return retention.error();
        QJsonObject sessionObject{
            {QStringLiteral("mode"), session.mode == Session::SessionMode::Broker ? QStringLiteral("broker")
                                                                                  : QStringLiteral("demo")},
            {QStringLiteral("brokerUrl"), redactor.redactUrl(session.brokerUrl)},
            {QStringLiteral("tls"), session.tls},
            {QStringLiteral("caFile"), session.caFile},
            {QStringLiteral("username"), session.username},
            {QStringLiteral("passwordSet"), !session.password.isEmpty() || !sealedPassword->isEmpty()},
            {QStringLiteral("fileServerHost"), session.fileServerHost},
            {QStringLiteral("fileServerPort"), int(session.fileServerPort)},
            {QStringLiteral("alibabaLimits"), session.alibabaLimits}};
        // The Alibaba Cloud account without its AccessKey Secret, and only the start of the AccessKey ID.
        const auto account = Cloud::AccountProfile::load(workspace);
        if (!account)
            return account.error();
        QJsonObject accountObject;
        if (account->has_value()) {
            const Cloud::AccountProfile& profile = **account;
            accountObject = {
                {QStringLiteral("regionId"), profile.regionId},
                {QStringLiteral("instanceId"), profile.instanceId},
                {QStringLiteral("accessKeyId"), profile.accessKeyId.left(4) + QStringLiteral("…")},
                {QStringLiteral("accessKeySecretStored"), profile.hasSecret},
                {QStringLiteral("consumerGroupId"), profile.consumerGroupId},
                {QStringLiteral("openApiUrl"), redactor.redactUrl(profile.effectiveOpenApiUrl().toString())},
                {QStringLiteral("amqpHost"), profile.effectiveAmqpHost()},
                {QStringLiteral("amqpPort"), int(profile.effectiveAmqpPort())},
                {QStringLiteral("caFile"), profile.caFile}};
        }
        QJsonObject published;
        for (const QString& productKey : std::as_const(productKeys))
            published.insert(productKey, publishedVersions->value(productKey));
        const QJsonObject root{{QStringLiteral("workspace"), QFileInfo(workspace.path()).fileName()},
                               {QStringLiteral("workspaceId"), workspace.workspaceId()},
                               {QStringLiteral("schemaVersion"), workspace.schemaVersion()},
                               {QStringLiteral("locked"), workspace.keys().isLocked()},
                               {QStringLiteral("session"), sessionObject},
                               {QStringLiteral("alibabaCloudAccount"), accountObject},
                               {QStringLiteral("messageLogRetention"),
                                QJsonObject{{QStringLiteral("maxRows"), retention->maxRows},
                                            {QStringLiteral("maxAgeDays"), retention->maxAgeDays},
                                            {QStringLiteral("maxPayloadBytes"), retention->maxPayloadBytes}}},
                               {QStringLiteral("published"), published}};
        if (Status added = zip.add(QStringLiteral("settings.json"), QJsonDocument(root).toJson(kIndented));
            !added)
            return added.error();
    }

    // environment.txt
    if (Status added = zip.add(QStringLiteral("environment.txt"), LibraryInfo::environmentReport().toUtf8());
        !added)
        return added.error();

    if (Status committed = zip.commit(); !committed)
        return committed.error();

    summary.entries = zip.entries();
    summary.deviceCount = int(chosen.size());
    summary.redactionCount = redactor.count();
    summary.bytes = QFileInfo(path).size();
    qCInfo(lcSupport).noquote() << "support bundle" << path << "written:" << summary.deviceCount << "devices,"
                                << summary.messageCount << "messages," << summary.versionCount << "versions,"
                                << summary.redactionCount << "values redacted";
    return summary;
}

} // namespace ConfigDeck::Support
