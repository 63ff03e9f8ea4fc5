#include "qr_code.hpp"

#include <qrencode.h>

#include <QPainter>

namespace {
constexpr int kQuietZone = 4;
}

QrCode::QrCode(QQuickItem* parent) : QQuickPaintedItem(parent) {}

void QrCode::setText(const QString& text) {
  if (text == text_) return;
  text_ = text;
  bits_.clear();
  width_modules_ = 0;
  const QByteArray utf8 = text.toUtf8();
  if (QRcode* code = QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M)) {
    width_modules_ = code->width;
    bits_.resize(static_cast<qsizetype>(code->width) * code->width);
    for (qsizetype i = 0; i < bits_.size(); ++i) bits_[i] = static_cast<char>(code->data[i] & 1);
    QRcode_free(code);
  }
  emit textChanged();
  update();
}

void QrCode::paint(QPainter* painter) {
  const qreal side = std::min(width(), height());
  painter->fillRect(QRectF((width() - side) / 2, (height() - side) / 2, side, side), Qt::white);
  if (width_modules_ == 0) return;
  const int total = width_modules_ + 2 * kQuietZone;
  const qreal module = std::floor(side / total);  // whole pixels keep the code sharp
  const qreal origin_x = (width() - module * total) / 2 + module * kQuietZone;
  const qreal origin_y = (height() - module * total) / 2 + module * kQuietZone;
  for (int y = 0; y < width_modules_; ++y)
    for (int x = 0; x < width_modules_; ++x)
      if (bits_[static_cast<qsizetype>(y) * width_modules_ + x])
        painter->fillRect(QRectF(origin_x + x * module, origin_y + y * module, module, module),
                          Qt::black);
}
