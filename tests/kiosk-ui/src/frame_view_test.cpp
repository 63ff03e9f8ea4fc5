#include "frame_view.hpp"

#include <catch2/catch.hpp>

#include <QImage>
#include <QPainter>

namespace {

// A 200 x 100 frame: red on the left half, blue on the right.
QImage two_halves() {
  QImage frame(200, 100, QImage::Format_RGB32);
  frame.fill(Qt::red);
  QPainter p(&frame);
  p.fillRect(100, 0, 100, 100, Qt::blue);
  return frame;
}

// Paints `view` (100 x 100) onto a white canvas the way the scene graph would.
QImage paint(FrameView& view) {
  QImage canvas(100, 100, QImage::Format_RGB32);
  canvas.fill(Qt::white);
  QPainter p(&canvas);
  view.paint(&p);
  return canvas;
}

}  // namespace

TEST_CASE("a frame is letterboxed to fit, or fills and crops with cover", "[frame_view]") {
  FrameView view;
  view.setSize(QSizeF(100, 100));
  view.setFrame(two_halves());

  const QImage fit = paint(view);
  CHECK(QColor(fit.pixel(50, 5)) == QColor(Qt::white));  // band above the 100 x 50 picture
  CHECK(QColor(fit.pixel(10, 50)) == QColor(Qt::red));
  CHECK(QColor(fit.pixel(90, 50)) == QColor(Qt::blue));

  view.setCover(true);
  const QImage cover = paint(view);
  CHECK(QColor(cover.pixel(50, 5)) != QColor(Qt::white));  // no band: the middle is shown
  CHECK(QColor(cover.pixel(10, 95)) == QColor(Qt::red));
  CHECK(QColor(cover.pixel(90, 5)) == QColor(Qt::blue));
}

TEST_CASE("a mirrored preview swaps left and right", "[frame_view]") {
  FrameView view;
  view.setSize(QSizeF(100, 100));
  view.setFrame(two_halves());
  view.setCover(true);
  view.setMirrored(true);
  const QImage mirrored = paint(view);
  CHECK(QColor(mirrored.pixel(10, 50)) == QColor(Qt::blue));
  CHECK(QColor(mirrored.pixel(90, 50)) == QColor(Qt::red));
}
