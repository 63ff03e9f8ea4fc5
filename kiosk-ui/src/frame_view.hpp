#pragma once
// FrameView: shows a QImage (a camera preview frame or the licence photo from LocalApi),
// centred, scaled to fit (letterboxed) or, with `cover`, to fill the item (cropping the
// overflow, as a passport-photo window does), optionally mirrored (a preview reads like a mirror
// to the citizen). A plain Image cannot bind to a QImage property.

#include <QtQml/qqmlregistration.h>
#include <QImage>
#include <QQuickPaintedItem>

class FrameView : public QQuickPaintedItem {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QImage frame READ frame WRITE setFrame NOTIFY frameChanged)
  Q_PROPERTY(bool mirrored READ mirrored WRITE setMirrored NOTIFY mirroredChanged)
  Q_PROPERTY(bool cover READ cover WRITE setCover NOTIFY coverChanged)
  Q_PROPERTY(bool empty READ empty NOTIFY frameChanged)

 public:
  explicit FrameView(QQuickItem* parent = nullptr);
  QImage frame() const { return frame_; }
  void setFrame(const QImage& frame);
  bool mirrored() const { return mirrored_; }
  void setMirrored(bool mirrored);
  bool cover() const { return cover_; }
  void setCover(bool cover);
  bool empty() const { return frame_.isNull(); }
  void paint(QPainter* painter) override;

 signals:
  void frameChanged();
  void mirroredChanged();
  void coverChanged();

 private:
  QImage frame_;
  bool mirrored_ = false;
  bool cover_ = false;
};
