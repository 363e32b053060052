#include "ConfigEditor.h"

#include "CodeEditor.h"
#include "JsonHighlighter.h"
#include "store/Workspace.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ConfigDeck::Ui {

namespace {
// Shown in messages: enough of the SHA-256 to tell versions apart.
QString shortSha(const QString& sha256)
{
    return sha256.left(12);
}
} // namespace

ConfigEditor::ConfigEditor(Store::Workspace* workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    m_editor = new CodeEditor(this);
    m_editor->setObjectName(u"configText"_s);
    m_highlighter = new JsonHighlighter(m_editor->document());

    m_prettyPrint = new QPushButton(tr("Pretty-print"), this);
    m_prettyPrint->setObjectName(u"prettyPrint"_s);
    m_prettyPrint->setToolTip(tr("Indent the JSON, one member per line, keeping key order"));
    m_limits = new QCheckBox(tr("Alibaba limits"), this);
    m_limits->setObjectName(u"alibabaLimits"_s);
    m_limits->setToolTip(tr("Alibaba Cloud IoT Platform accepts JSON files of at most 64 KB"));
    m_size = new QLabel(this);
    m_size->setObjectName(u"sizeLabel"_s);
    m_validation = new QLabel(this);
    m_validation->setObjectName(u"validationLabel"_s);
    m_validation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_validation->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto* top = new QHBoxLayout;
    top->addWidget(m_validation, 1);
    top->addWidget(m_size);
    top->addWidget(m_limits);
    top->addWidget(m_prettyPrint);

    m_label = new QLineEdit(this);
    m_label->setObjectName(u"versionLabel"_s);
    m_label->setPlaceholderText(tr("Label, e.g. \"raise telemetry interval\""));
    m_save = new QPushButton(tr("Save as new version"), this);
    m_save->setObjectName(u"saveVersion"_s);
    m_save->setDefault(true);
    m_status = new QLabel(this);
    m_status->setObjectName(u"statusLabel"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(new QLabel(tr("Label:"), this));
    bottom->addWidget(m_label, 1);
    bottom->addWidget(m_save);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_editor, 1);
    layout->addLayout(bottom);
    layout->addWidget(m_status);

    m_validationTimer = new QTimer(this);
    m_validationTimer->setSingleShot(true);
    m_validationTimer->setInterval(kValidationDelayMs);
    connect(m_validationTimer, &QTimer::timeout, this, &ConfigEditor::validateNow);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ConfigEditor::scheduleValidation);
    connect(m_prettyPrint, &QPushButton::clicked, this, &ConfigEditor::prettyPrint);
    connect(m_limits, &QCheckBox::toggled, this, &ConfigEditor::setAlibabaLimits);
    connect(m_save, &QPushButton::clicked, this, &ConfigEditor::saveAsNewVersion);

    applyPalette();
    validateNow();
}

void ConfigEditor::setProductKey(const QString& productKey)
{
    m_productKey = productKey;
    validateNow();
}

void ConfigEditor::setAlibabaLimits(bool on)
{
    m_alibabaLimits = on;
    m_limits->setChecked(on);
    validateNow();
}

void ConfigEditor::setContent(const QByteArray& content)
{
    m_editor->setPlainText(QString::fromUtf8(content));
    m_status->clear();
    validateNow();
}

QByteArray ConfigEditor::content() const
{
    return m_editor->toPlainText().toUtf8();
}

void ConfigEditor::setLabel(const QString& label)
{
    m_label->setText(label);
}

void ConfigEditor::scheduleValidation()
{
    m_validationTimer->start();
    updateSize(); // the size follows every keystroke; it is cheap
}

void ConfigEditor::validateNow()
{
    m_validationTimer->stop();
    m_document.setContent(content());
    const auto problem = m_document.validate();
    m_valid = !problem.has_value();
    m_problem = problem ? problem->text() : QString();
    QList<QTextEdit::ExtraSelection> marks;
    if (problem && !m_document.content().isEmpty()) {
        // Mark the line of the error so that it can be found in a long file.
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_editor->document()->findBlockByNumber(problem->line - 1));
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        mark.format.setBackground(DiffPalette::from(palette()).deletedLine);
        marks.append(mark);
        m_validation->setText(tr("Invalid JSON: %1").arg(m_problem));
    } else if (problem) {
        m_validation->setText(tr("Empty"));
    } else {
        m_validation->setText(tr("Valid JSON"));
    }
    m_validation->setToolTip(m_validation->text());
    m_editor->setExtraSelections(marks);
    updateSize();
}

void ConfigEditor::updateSize()
{
    // The size before validation has run: count what is in the editor now.
    m_document.setContent(content());
    m_size->setText(m_document.sizeText(m_alibabaLimits));
    m_size->setToolTip(tr("%1 bytes").arg(QLocale().toString(m_document.size())));
    updateColors();
    m_prettyPrint->setEnabled(m_valid);
    m_save->setEnabled(m_workspace && !m_productKey.isEmpty() &&
                       m_document.whyNotSavable(m_alibabaLimits).isEmpty());
    m_save->setToolTip(m_document.whyNotSavable(m_alibabaLimits));
}

void ConfigEditor::applyPalette()
{
    const DiffPalette colors = DiffPalette::from(palette());
    m_highlighter->setColors(colors);
    m_editor->setColors(colors);
    updateColors();
}

void ConfigEditor::updateColors()
{
    const DiffPalette colors = DiffPalette::from(palette());
    const QString bad = u"color: %1;"_s.arg(colors.deletedMarker.name());
    const QString good = u"color: %1;"_s.arg(colors.insertedMarker.name());
    m_size->setStyleSheet(isOverLimit() ? bad + u" font-weight: 600;"_s : QString());
    m_validation->setStyleSheet(m_valid ? good : bad);
}

void ConfigEditor::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

QString ConfigEditor::validationMessage() const
{
    return m_problem;
}

bool ConfigEditor::isOverLimit() const
{
    return m_document.exceedsLimit(m_alibabaLimits);
}

QString ConfigEditor::sizeText() const
{
    return m_size->text();
}

QString ConfigEditor::statusMessage() const
{
    return m_status->text();
}

bool ConfigEditor::prettyPrint()
{
    validateNow();
    const auto pretty = m_document.prettyPrinted();
    if (!pretty) {
        showStatus(tr("Cannot pretty-print: %1").arg(pretty.error().reason), true);
        return false;
    }
    // One edit through the cursor, so that Ctrl+Z brings the original back.
    QTextCursor cursor(m_editor->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(QString::fromUtf8(pretty.value()));
    validateNow();
    return true;
}

QString ConfigEditor::saveAsNewVersion()
{
    validateNow();
    if (!m_workspace || m_productKey.isEmpty()) {
        showStatus(tr("Choose a product before saving a version."), true);
        return {};
    }
    const auto saved =
        m_document.saveAsVersion(*m_workspace, m_productKey, m_label->text().trimmed(), m_alibabaLimits);
    if (!saved) {
        showStatus(tr("Not saved: %1").arg(saved.error().message()), true);
        return {};
    }
    if (saved->alreadyExisted)
        showStatus(
            tr("This content is already version %1; no new version was made.").arg(shortSha(saved->sha256)),
            false);
    else
        showStatus(tr("Saved as version %1.").arg(shortSha(saved->sha256)), false);
    emit versionSaved(saved->sha256, saved->alreadyExisted);
    return saved->sha256;
}

void ConfigEditor::showStatus(const QString& text, bool error)
{
    m_status->setText(text);
    const DiffPalette colors = DiffPalette::from(palette());
    m_status->setStyleSheet(error ? u"color: %1;"_s.arg(colors.deletedMarker.name()) : QString());
}

} // namespace ConfigDeck::Ui
