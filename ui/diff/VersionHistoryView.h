#pragma once

#include "store/StoreTypes.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QDialog;
class QLabel;
class QPushButton;
class QSplitter;
class QTableWidget;

namespace ConfigDeck::Store {
class Workspace;
}

namespace ConfigDeck::Ui {

class ConfigEditor;
class DiffView;

// The configuration versions of a product, newest first: time, size, SHA-256, origin and label.
// Compare two (the diff opens below the list), restore one (the console decides what restoring means:
// restoreRequested), or write a new version in the editor.
class VersionHistoryView final : public QWidget
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        SizeColumn,
        ShaColumn,
        OriginColumn,
        LabelColumn,
        ColumnCount,
    };

    explicit VersionHistoryView(Store::Workspace* workspace, QWidget* parent = nullptr);

    // Reloads the products and the versions of the current one.
    void refresh();
    void setProductKey(const QString& productKey);
    QString productKey() const;
    void setAlibabaLimits(bool on) { m_alibabaLimits = on; }

    // The listed versions, in table order (newest first), without content.
    const QList<Store::ConfigVersion>& versions() const { return m_versions; }
    void selectVersions(const QStringList& sha256s);
    QStringList selectedVersions() const;

    // Compares the two selected versions, the older one as "old"; false unless exactly two are selected.
    bool compareSelected();
    void compare(const QString& oldSha256, const QString& newSha256);
    // Asks for confirmation, then emits restoreRequested.
    void restoreSelected();
    // Opens the editor on the selected version's content (or the newest one, or empty).
    ConfigEditor* openEditor();

    QTableWidget* table() const { return m_table; }
    DiffView* diffView() const { return m_diffView; }
    static QString originText(Store::ConfigOrigin origin);

signals:
    void restoreRequested(const QString& sha256);
    void versionAdded(const QString& sha256);
    void compared(const QString& oldSha256, const QString& newSha256);
    void productChanged(const QString& productKey);

private:
    void loadVersions();
    void updateButtons();
    QString versionName(const Store::ConfigVersion& version) const;
    const Store::ConfigVersion* find(const QString& sha256) const;

    Store::Workspace* m_workspace;
    QList<Store::ConfigVersion> m_versions;
    QString m_readError; // why the products could not be read, shown instead of the versions
    bool m_alibabaLimits = false;
    QPointer<QDialog> m_editorDialog;

    QComboBox* m_product;
    QTableWidget* m_table;
    QLabel* m_empty;
    QPushButton* m_compare;
    QPushButton* m_restore;
    QPushButton* m_newVersion;
    QSplitter* m_splitter;
    DiffView* m_diffView;
};

} // namespace ConfigDeck::Ui
