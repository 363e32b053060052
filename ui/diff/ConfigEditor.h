#pragma once

#include "diff/ConfigDocument.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace ConfigDeck::Store {
class Workspace;
}

namespace ConfigDeck::Ui {

class CodeEditor;
class JsonHighlighter;

// Writes a new configuration version: JSON validated as you type (the error's line and column),
// pretty-print, the size against the 64 KB limit when Alibaba limits are on, and "Save as new version"
// into the workspace (content-addressed: saving the same bytes again names the existing version).
// The logic is Diff::ConfigDocument's; this is its face.
class ConfigEditor final : public QWidget
{
    Q_OBJECT

public:
    // Validation waits this long after the last keystroke, so typing stays smooth on large files.
    static constexpr int kValidationDelayMs = 200;

    explicit ConfigEditor(Store::Workspace* workspace, QWidget* parent = nullptr);

    void setProductKey(const QString& productKey);
    QString productKey() const { return m_productKey; }
    void setAlibabaLimits(bool on);
    bool alibabaLimits() const { return m_alibabaLimits; }

    void setContent(const QByteArray& content);
    QByteArray content() const;
    void setLabel(const QString& label);

    // Runs the pending validation now (tests, and before saving).
    void validateNow();
    // The current problem ("line 3, column 5: ...") or empty when valid.
    QString validationMessage() const;
    bool isValid() const { return m_valid; }
    bool isOverLimit() const;
    QString sizeText() const;
    // The outcome of the last save ("Saved as version 1a2b3c4d5e6f", "This content is already ...").
    QString statusMessage() const;

    bool prettyPrint();
    // Saves the content as a new version; returns its SHA-256, empty on failure.
    QString saveAsNewVersion();

    CodeEditor* editor() const { return m_editor; }

signals:
    // A version was saved; alreadyExisted when those bytes were a version before.
    void versionSaved(const QString& sha256, bool alreadyExisted);

protected:
    void changeEvent(QEvent* event) override;

private:
    void scheduleValidation();
    void updateSize();
    void showStatus(const QString& text, bool error);
    void updateColors();
    void applyPalette();

    Store::Workspace* m_workspace;
    QString m_productKey;
    bool m_alibabaLimits = false;
    bool m_valid = false;
    Diff::ConfigDocument m_document;
    QString m_problem;

    CodeEditor* m_editor;
    JsonHighlighter* m_highlighter;
    QTimer* m_validationTimer;
    QLabel* m_validation;
    QLabel* m_size;
    QCheckBox* m_limits;
    QPushButton* m_prettyPrint;
    QLineEdit* m_label;
    QPushButton* m_save;
    QLabel* m_status;
};

} // namespace ConfigDeck::Ui
