#pragma once
// QrCode: draws `text` as a QR code (libqrencode, error correction M) with the four-module quiet
// zone scanners need, black on white whatever the theme, as large as fits the item.

#include <QtQml/qqmlregistration.h>
#include <QQuickPaintedItem>
#include <QString>

class QrCode : public QQuickPaintedItem {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
  Q_PROPERTY(int modules READ modules NOTIFY textChanged)  // 0 when text cannot be encoded

 public:
  explicit QrCode(QQuickItem* parent = nullptr);
  QString text() const { return text_; }
  void setText(const QString& text);
  int modules() const { return width_modules_; }
  void paint(QPainter* painter) override;

 signals:
  void textChanged();

 private:
  QString text_;
  QByteArray bits_;  // width_modules_² bytes, 1 = dark
  int width_modules_ = 0;
};
