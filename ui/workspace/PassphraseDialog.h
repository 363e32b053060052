#pragma once

#include "store/StoreTypes.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;

namespace ConfigDeck::Ui {

// Asks for a workspace's passphrase. OK tries it (the attempt function opens or unlocks the workspace); a
// wrong passphrase is said so, the field is cleared and the dialog stays open for another try. Nothing is
// changed by a failed attempt.
class PassphraseDialog final : public QDialog
{
    Q_OBJECT
public:
    using Attempt = std::function<Store::Status(const QString& passphrase)>;

    PassphraseDialog(const QString& workspaceName, Attempt attempt, QWidget* parent = nullptr);

    QLineEdit* passphraseEdit() const { return m_passphrase; }
    QString errorText() const;
    int failedAttempts() const { return m_failed; }

    void accept() override;

private:
    Attempt m_attempt;
    QLineEdit* m_passphrase;
    QLabel* m_error;
    int m_failed = 0;
};

} // namespace ConfigDeck::Ui
