#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ConfigDeck::Ui {

// Help > About: ConfigDeck's version and build, and the libraries it is built on with their versions and
// licences (each licence links to its text). "Copy" puts the same facts on the clipboard as plain text,
// for a bug report. The facts come from Support::LibraryInfo, which the support bundle also uses.
class AboutDialog final : public QDialog
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        VersionColumn,
        LicenceColumn,
        PurposeColumn,
        ColumnCount
    };

    explicit AboutDialog(QWidget* parent = nullptr);

    QTableWidget* libraryTable() const { return m_libraries; }
    QPushButton* copyButton() const { return m_copy; }
    // The text "Copy" puts on the clipboard.
    QString reportText() const;
    void copyToClipboard();

private:
    QTableWidget* m_libraries;
    QPushButton* m_copy;
    QLabel* m_copied;
};

} // namespace ConfigDeck::Ui
