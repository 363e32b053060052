#pragma once

#include "store/CsvImport.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace ConfigDeck::Ui {

// Adds devices by hand: the three fields of one device (the secret masked unless shown), or pasted
// ProductKey,DeviceName,DeviceSecret lines. Every change is checked at once exactly as a CSV import checks
// its rows, with the same messages; new products are named. Add is enabled only when nothing is wrong: the
// devices are added all or none. The dialog writes nothing; the caller adds preview() on accept.
class AddDeviceDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AddDeviceDialog(Store::Workspace* workspace, QWidget* parent = nullptr);

    // What Add would add (only when it has no error).
    const std::optional<Store::CsvImport::Preview>& preview() const { return m_preview; }

    void showFields();
    void showPastedLines();
    QLineEdit* productKeyEdit() const { return m_productKey; }
    QLineEdit* deviceNameEdit() const { return m_deviceName; }
    QLineEdit* secretEdit() const { return m_secret; }
    QCheckBox* showSecretBox() const { return m_showSecret; }
    QPlainTextEdit* linesEdit() const { return m_lines; }
    QListWidget* problemList() const { return m_problems; }
    QPushButton* addButton() const { return m_add; }
    QString summaryText() const;

private:
    void check();
    QByteArray records() const;

    Store::Workspace* m_workspace;
    std::optional<Store::CsvImport::Preview> m_preview;
    QTabWidget* m_tabs;
    QLineEdit* m_productKey;
    QLineEdit* m_deviceName;
    QLineEdit* m_secret;
    QCheckBox* m_showSecret;
    QPlainTextEdit* m_lines;
    QLabel* m_summary;
    QListWidget* m_problems;
    QPushButton* m_add;
};

} // namespace ConfigDeck::Ui
