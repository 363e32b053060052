#pragma once

#include "store/CsvImport.h"

#include <QDialog>

#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QTableWidget;

namespace ConfigDeck::Cloud {
class CloudFleetImport;
class OpenApiClient;
} // namespace ConfigDeck::Cloud
namespace ConfigDeck::Store {
class Workspace;
}

namespace ConfigDeck::Ui {

class ImportPreviewView;

// Fleet > Import from Alibaba Cloud: reads the account's products and devices (DeviceSecrets only when the
// operator ticks the box; online state) through the OpenAPI with the workspace's account profile, then
// shows the CSV import's preview (ImportPreviewView): new and refreshed devices, every row's error.
// Import is enabled only without errors and imports all or nothing; a refresh keeps every device's state.
class CloudImportDialog final : public QDialog
{
    Q_OBJECT
public:
    CloudImportDialog(Store::Workspace* workspace, QNetworkAccessManager* network, QWidget* parent = nullptr);
    ~CloudImportDialog() override;

    // Starts reading from the platform (the Read button); false, with the reason shown, when it cannot.
    bool fetch();
    bool isFetching() const;

    QCheckBox* secretsBox() const { return m_withSecrets; }
    QPushButton* fetchButton() const { return m_fetch; }
    QPushButton* importButton() const { return m_import; }
    QTableWidget* previewTable() const;
    QTableWidget* errorsTable() const;
    QString summaryText() const;
    QString statusText() const;
    qsizetype importedCount() const { return m_imported; }

signals:
    // The fetch ended and the preview (or the error) is shown.
    void previewReady();
    // The operator asked to edit the account profile (none saved yet, or it was refused).
    void profileRequested();

private:
    void onFetched(const QString& error);
    void commit();
    void setBusy(bool busy);

    Store::Workspace* m_workspace;
    QNetworkAccessManager* m_network;
    std::unique_ptr<Cloud::OpenApiClient> m_client;
    std::unique_ptr<Cloud::CloudFleetImport> m_fleetImport;
    std::optional<Store::CsvImport::Preview> m_current;
    QLabel* m_status;
    QCheckBox* m_withSecrets;
    QCheckBox* m_withOnline;
    QPushButton* m_fetch;
    QPushButton* m_cancel;
    QPushButton* m_profile;
    ImportPreviewView* m_view;
    QPushButton* m_import;
    qsizetype m_imported = 0;
};

} // namespace ConfigDeck::Ui
