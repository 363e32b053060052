#pragma once

#include "store/StoreTypes.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;

namespace ConfigDeck::Ui {

// Edits one device: its labels (comma-separated) and note, and optionally a new DeviceSecret (masked unless
// shown; left empty, the stored secret stays). The dialog writes nothing: the caller applies what changed.
class DeviceEditDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit DeviceEditDialog(const Store::DeviceRecord& device, QWidget* parent = nullptr);

    QStringList labels() const;
    QString note() const;
    QByteArray newSecret() const; // empty: keep the stored one

    QLineEdit* labelsEdit() const { return m_labels; }
    QPlainTextEdit* noteEdit() const { return m_note; }
    QLineEdit* secretEdit() const { return m_secret; }
    QCheckBox* showSecretBox() const { return m_showSecret; }

private:
    QLineEdit* m_labels;
    QPlainTextEdit* m_note;
    QLineEdit* m_secret;
    QCheckBox* m_showSecret;
};

} // namespace ConfigDeck::Ui
