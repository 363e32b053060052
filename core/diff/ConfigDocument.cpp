#include "ConfigDocument.h"

#include "ConfigDiff.h"
#include "JsonDiff.h"
#include "store/Workspace.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>

#include <cmath>

namespace ConfigDeck::Diff {

QString JsonProblem::text() const
{
    //: %1 line, %2 column, %3 the parser's message
    return tr("line %1, column %2: %3").arg(line).arg(column).arg(message);
}

std::optional<JsonProblem> ConfigDocument::validate() const
{
    return validate(m_content);
}

std::optional<JsonProblem> ConfigDocument::validate(const QByteArray& json)
{
    JsonProblem problem;
    if (json.trimmed().isEmpty()) {
        const auto [line, column] = JsonDiff::lineAndColumn(json, json.size());
        problem.line = line;
        problem.column = column;
        problem.offset = json.size();
        problem.message = tr("the document is empty");
        return problem;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error == QJsonParseError::NoError && (document.isObject() || document.isArray()))
        return std::nullopt;
    // QJsonDocument rejects a top-level scalar with "illegal value" at 0; say what is really wrong.
    problem.offset = error.error == QJsonParseError::NoError ? 0 : error.offset;
    // Qt reports the offset after the first character of the offending token; point at the token
    // itself, unless the parser stopped after whitespace (the end of the text, an unclosed object).
    if (problem.offset > 0 && problem.offset <= json.size() &&
        !QByteArrayView(" \t\r\n").contains(json.at(problem.offset - 1)))
        --problem.offset;
    problem.message = error.error == QJsonParseError::NoError
                          ? tr("a configuration must be a JSON object or array")
                          : error.errorString();
    const auto [line, column] = JsonDiff::lineAndColumn(json, problem.offset);
    problem.line = line;
    problem.column = column;
    return problem;
}

Alink::Expected<QByteArray> ConfigDocument::prettyPrinted() const
{
    if (const auto problem = validate()) {
        Alink::AlinkError error;
        error.reason = problem->text();
        error.offset = problem->offset;
        return error;
    }
    // The text is valid JSON, so a token walk that only rewrites the whitespace between tokens is safe
    // and, unlike QJsonDocument, keeps key order and numbers as written.
    const QByteArray& in = m_content;
    QByteArray out;
    out.reserve(in.size() + in.size() / 2);
    int depth = 0;
    const auto newline = [&] {
        out += '\n';
        out += QByteArray(depth * 4, ' ');
    };
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        switch (c) {
        case ' ':
        case '\t':
        case '\r':
        case '\n':
            break;
        case '"': {
            const qsizetype start = i;
            for (++i; i < in.size() && in.at(i) != '"'; ++i) {
                if (in.at(i) == '\\')
                    ++i;
            }
            out += QByteArrayView(in).sliced(start, i - start + 1);
            break;
        }
        case '{':
        case '[': {
            qsizetype next = i + 1;
            while (next < in.size() && QByteArrayView(" \t\r\n").contains(in.at(next)))
                ++next;
            const char close = c == '{' ? '}' : ']';
            if (next < in.size() && in.at(next) == close) { // "{}" and "[]" stay on one line
                out += c;
                out += close;
                i = next;
                break;
            }
            out += c;
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
        }
    }
    out += '\n';
    return out;
}

QString ConfigDocument::formatSize(qint64 bytes)
{
    const QLocale locale;
    if (bytes < 1024)
        return tr("%1 bytes").arg(locale.toString(bytes));
    // One decimal below 100, none when it would be ".0" ("64 KB", not "64.0 KB").
    const auto number = [&locale](double value) {
        const double tenths = std::round(value * 10.0);
        const bool whole = value >= 100.0 || std::fmod(tenths, 10.0) == 0.0;
        return locale.toString(whole ? std::round(value) : tenths / 10.0, 'f', whole ? 0 : 1);
    };
    const double kb = double(bytes) / 1024.0;
    if (kb < 1024.0)
        return tr("%1 KB").arg(number(kb));
    return tr("%1 MB").arg(number(kb / 1024.0));
}

QString ConfigDocument::sizeText(bool alibabaLimits) const
{
    if (!alibabaLimits)
        return formatSize(size());
    //: %1 the document's size, %2 the limit ("12.3 KB of 64 KB")
    return tr("%1 of %2").arg(formatSize(size()), formatSize(kAlibabaSizeLimit));
}

QString ConfigDocument::whyNotSavable(bool alibabaLimits) const
{
    if (m_content.isEmpty())
        return tr("The configuration is empty.");
    const bool jsonRequired = alibabaLimits || ConfigDiff::looksLikeJson(m_content);
    if (jsonRequired) {
        if (const auto problem = validate())
            return tr("The configuration is not valid JSON (%1).").arg(problem->text());
    }
    if (exceedsLimit(alibabaLimits))
        return tr("The configuration is %1, over the %2 limit of Alibaba Cloud IoT Platform.")
            .arg(formatSize(size()), formatSize(kAlibabaSizeLimit));
    return {};
}

Alink::Expected<SavedVersion> ConfigDocument::saveAsVersion(Store::Workspace& workspace,
                                                            const QString& productKey, const QString& label,
                                                            bool alibabaLimits) const
{
    if (const QString why = whyNotSavable(alibabaLimits); !why.isEmpty()) {
        Alink::AlinkError error;
        error.reason = why;
        return error;
    }
    // Content-addressed: knowing beforehand whether these bytes exist tells "new" from "already there".
    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash(m_content, QCryptographicHash::Sha256).toHex());
    const auto existing = workspace.versions().find(sha256);
    if (!existing)
        return existing.error();
    const bool existed = existing->has_value();
    const auto stored = workspace.versions().add(m_content, productKey, label, Store::ConfigOrigin::Edited);
    if (!stored)
        return stored.error();
    return SavedVersion{stored.value(), existed};
}

} // namespace ConfigDeck::Diff
