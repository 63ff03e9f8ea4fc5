#pragma once
// KioskdChannel: what a typed API object of kiosk-ui (MaintenanceApi) needs from a client of
// kioskd's local API (docs/local-api.md): generic and technician calls, the technician session
// and the kiosk status. LocalApi is the product's channel; tests substitute a scripted one
// (tests/kiosk-ui/support/scripted_channel) so that pages run without a socket.
//
// Contract for implementations:
//  * Every call completes exactly once through its callback, on the GUI thread; `error` is
//    empty on success, else {"code": int, "reason": string, "message": string} plus the
//    method's extra error members (e.g. retry_after). Transport failures use code 0.
//  * maintenanceCall adds the technician's token (never visible to QML); without a session it
//    fails with -32001 `maintenance_required`.
//  * maintenanceChanged() whenever maintenanceActive or maintenanceUser change;
//    statusChanged() whenever status (the last kiosk.status result) changes.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QVariant>
#include <QVariantMap>
#include <functional>

class KioskdChannel : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("an interface: LocalApi, or a test's scripted channel")

  Q_PROPERTY(QVariant status READ status NOTIFY statusChanged)
  Q_PROPERTY(bool maintenanceActive READ maintenanceActive NOTIFY maintenanceChanged)
  Q_PROPERTY(QString maintenanceUser READ maintenanceUser NOTIFY maintenanceChanged)

 public:
  using QObject::QObject;
  ~KioskdChannel() override = default;

  using Callback = std::function<void(const QVariant& result, const QVariantMap& error)>;

  virtual QVariant status() const = 0;
  virtual bool maintenanceActive() const = 0;
  virtual QString maintenanceUser() const = 0;

  virtual void call(const QString& method, const QVariantMap& params, Callback callback) = 0;
  virtual void maintenanceLogin(const QString& user, const QString& password,
                                Callback callback) = 0;
  virtual void maintenanceCall(const QString& method, const QVariantMap& params,
                               Callback callback) = 0;
  virtual void maintenanceLogout() = 0;

 signals:
  void statusChanged();
  void maintenanceChanged();
};
