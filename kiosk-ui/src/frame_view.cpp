#include "frame_view.hpp"

#include <QPainter>

FrameView::FrameView(QQuickItem* parent) : QQuickPaintedItem(parent) {}

void FrameView::setFrame(const QImage& frame) {
  frame_ = frame;
  emit frameChanged();
  update();
}

void FrameView::setMirrored(bool mirrored) {
  if (mirrored_ == mirrored) return;
  mirrored_ = mirrored;
  emit mirroredChanged();
  update();
}

void FrameView::paint(QPainter* painter) {
  if (frame_.isNull()) return;
  const QSizeF scaled = QSizeF(frame_.size()).scaled(size(), Qt::KeepAspectRatio);
  const QRectF target((width() - scaled.width()) / 2, (height() - scaled.height()) / 2,
                      scaled.width(), scaled.height());
  painter->setRenderHint(QPainter::SmoothPixmapTransform);
  painter->drawImage(target, mirrored_ ? frame_.mirrored(true, false) : frame_);
}
