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

void FrameView::setCover(bool cover) {
  if (cover_ == cover) return;
  cover_ = cover;
  emit coverChanged();
  update();
}

void FrameView::paint(QPainter* painter) {
  if (frame_.isNull()) return;
  const QSizeF scaled =
      QSizeF(frame_.size())
          .scaled(size(), cover_ ? Qt::KeepAspectRatioByExpanding : Qt::KeepAspectRatio);
  painter->setClipRect(QRectF(0, 0, width(), height()));
  const QRectF target((width() - scaled.width()) / 2, (height() - scaled.height()) / 2,
                      scaled.width(), scaled.height());
  painter->setRenderHint(QPainter::SmoothPixmapTransform);
  painter->drawImage(target, mirrored_ ? frame_.mirrored(true, false) : frame_);
}
