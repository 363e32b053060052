#pragma once

#include "alink/AlinkError.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace ConfigDeck::Store {
class Workspace;
}

namespace ConfigDeck::Session {

// A console's hold on one product for the rollout it runs: the workspace's rollout lock of the product,
// taken exclusively, so that no other console nor platform process starts a rollout of it meanwhile. Let go
// when destroyed (and by the database when the console's connection ends, so a console that crashed blocks
// nobody). A workspace file has one console at a time: there the claim is always granted.
class RolloutClaim final : public QObject
{
    Q_OBJECT

public:
    // Refused, saying who runs the product's rollout, when another console or platform processes hold the
    // product. A rollout the workspace still shows running that nobody holds any more (its console went
    // away, or its processes stopped) is ended as abandoned first.
    static Alink::Expected<std::unique_ptr<RolloutClaim>> take(Store::Workspace& workspace,
                                                               const QString& productKey);
    ~RolloutClaim() override;

    QString productKey() const { return m_productKey; }

signals:
    // The database restarted (its locks were forgotten) and another took the product before this console
    // could take it again: its rollout must stop.
    void lost(const QString& message);

private:
    RolloutClaim(Store::Workspace& workspace, QString productKey);
    void renew();

    Store::Workspace& m_workspace;
    QString m_productKey;
    QTimer m_renewal;
};

} // namespace ConfigDeck::Session
