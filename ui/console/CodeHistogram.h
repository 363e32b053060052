#pragma once

#include "alink/ReplyCodeCatalog.h"

#include <QTimer>
#include <QWidget>

namespace ConfigDeck::Store {
class FleetModel;
}

namespace ConfigDeck::Ui {

// The fleet's last reply codes as bars, grouped by category (success, device errors, platform errors,
// transient, unknown) and "no reply yet". Painted with QPainter; a tooltip gives each code's name and
// meaning; a click on a bar asks to filter the table to those devices. Recounts at most a few times a second.
class CodeHistogram final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kNoReply = -1;
    explicit CodeHistogram(Store::FleetModel* fleet, QWidget* parent = nullptr);

    // The rectangle of the bar of `code` (kNoReply for "no reply yet"); empty when the fleet has none.
    QRect barRect(int code) const;
    int countOf(int code) const;
    QList<int> codes() const;
    void recount();
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void codeClicked(int code);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Bar
    {
        int code = 0;
        Alink::ReplySource source = Alink::ReplySource::Device;
        Alink::ReplyCategory category = Alink::ReplyCategory::Unknown;
        int count = 0;
        QRect rect;
    };
    void layoutBars();
    int barAt(const QPoint& position) const;
    QRect plotRect() const;

    Store::FleetModel* m_fleet;
    QList<Bar> m_bars;
    QTimer m_recount;
    int m_hovered = -1;
    int m_total = 0;
};

} // namespace ConfigDeck::Ui
