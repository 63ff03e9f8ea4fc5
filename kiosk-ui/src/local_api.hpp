#pragma once
// LocalApi: kiosk-ui's one client of kioskd's local API (docs/local-api.md), exposed to QML as
// the singleton `LocalApi` of module Kiosk.Ui. It holds no business rule: it mirrors kioskd's
// screen model (docs/screen-model.md) and kiosk status, and forwards the citizen's and the
// technician's actions. If kioskd restarts, the client reconnects, re-subscribes and redraws
// from `session.get`; if the UI restarts, it does the same.
//
// Contract for QML:
//  * `screen` is one ScreenModel object for the life of the client, reloaded in place from
//    every screen model. Without a session its name is "idle" (actions ["start"]); while
//    kioskd cannot be reached it is "no_connection"; when session.start is refused it is
//    "unavailable" with errorCode the reason (out_of_service, central_unavailable, ...).
//  * `status` is the last `kiosk.status` result (a JS object; {} until known).
//  * Every call is asynchronous. `callback(result, error)`: exactly one of them is non-null;
//    `error` is {"code": int, "reason": string, "message": string}; transport failures use
//    code 0 and reason "unreachable", "disconnected" or "timeout". Timeouts: 10 s, 120 s for
//    devices.selftest and devices.test_print.
//  * Lifecycle: setSocketPath connects; on connect: `api.version` (must be 1, else the client
//    stays disconnected and emits callFailed("api.version", unsupported_version)),
//    `events.subscribe`, `session.get`, `kiosk.status`. A lost connection fails every pending
//    call ("disconnected"), shows "no_connection" and reconnects with backoff (250 ms doubling
//    to 2 s), then redraws from `session.get`. It also ends the technician session (kioskd
//    forgets tokens when it restarts).
//  * The maintenance token never reaches QML: maintenanceCall adds it, and a
//    `maintenance_required` answer ends the maintenance session (maintenanceActive false).
//  * Camera frames (`camera.preview`, `session.photo`) arrive as QImage properties shown by the
//    FrameView item; they are personal data and are dropped when the session ends.
//
// Threading: lives on the GUI thread; all I/O is QLocalSocket's event-driven I/O.

#include <QtQml/qqmlregistration.h>
#include <QImage>
#include <QJSValue>
#include <QObject>
#include <QString>
#include <QVariantMap>
#include <functional>

#include "kioskd_channel.hpp"
#include "screen_model.hpp"

class QQmlEngine;
class QJSEngine;

class LocalApi : public KioskdChannel {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON

  Q_PROPERTY(bool connected READ connected NOTIFY connectedChanged)
  Q_PROPERTY(QString socketPath READ socketPath WRITE setSocketPath NOTIFY socketPathChanged)
  Q_PROPERTY(ScreenModel* screen READ screen CONSTANT)
  // status, maintenanceActive, maintenanceUser: KioskdChannel's.
  Q_PROPERTY(bool simulation READ simulation NOTIFY statusChanged)
  // QImage values in a var: qmllint knows no QImage type, FrameView.frame takes them as is.
  Q_PROPERTY(QVariant previewFrame READ previewFrameValue NOTIFY previewFrameChanged)
  Q_PROPERTY(QVariant photo READ photoValue NOTIFY photoChanged)

 public:
  explicit LocalApi(QObject* parent = nullptr);
  ~LocalApi() override;

  // The QML engine's instance (QML_SINGLETON). main() sets the socket path on it before
  // loading Main.qml; the default is $KIOSKD_SOCKET or /run/kioskd/kioskd.sock.
  static LocalApi* create(QQmlEngine* qml, QJSEngine* js);
  static LocalApi* instance();

  bool connected() const;
  QString socketPath() const;
  void setSocketPath(const QString& path);  // (re)connects to the new path
  ScreenModel* screen() const;
  QVariant status() const override;
  bool simulation() const;
  bool maintenanceActive() const override;
  QString maintenanceUser() const override;
  QImage previewFrame() const;
  QImage photo() const;
  QVariant previewFrameValue() const { return previewFrame(); }
  QVariant photoValue() const { return photo(); }

  // ---- citizen session (screen model actions) ----
  // session.start; its screen model is loaded. A refusal (out_of_service, central_unreachable,
  // central_unavailable, stock_empty, journal_unavailable, device_unavailable, any -32002)
  // shows "unavailable";
  // session_active redraws the running session from session.get. "query" is sent as kioskd's
  // engine name "info_query" (then as "query" if kioskd rejects that).
  Q_INVOKABLE void startSession(const QString& service, const QString& language);
  // session.action; action_not_allowed / no_session (or any kioskd refusal) redraws from
  // session.get.
  Q_INVOKABLE void act(const QString& action, const QString& value = {});
  Q_INVOKABLE void cancelSession();
  // session.keep_alive: "I'm still here" on the idle warning. kioskd resets the idle timer and
  // republishes the screen; a refusal (the screen stopped waiting, the session ended) redraws
  // from session.get.
  Q_INVOKABLE void keepAlive();
  // Back from a UI-only screen (unavailable; no_connection once connected again) to idle; on a
  // kioskd screen that allows "finish", sends it.
  Q_INVOKABLE void dismiss();
  // Fetches one camera preview frame (`camera.preview`) into previewFrame; QML calls it on a
  // timer while the face_capture screen is shown.
  Q_INVOKABLE void refreshPreview();
  // Fetches the licence photo under review (`session.photo`) into photo (also done on entering
  // photo_review and on every new attempt). Frame errors are ignored quietly; frames are
  // cleared when the screen leaves face_capture / photo_review or the session changes.
  Q_INVOKABLE void refreshPhoto();

  // ---- generic and technician calls ----
  Q_INVOKABLE void call(const QString& method, const QVariantMap& params = {},
                        const QJSValue& callback = {});
  Q_INVOKABLE void maintenanceLogin(const QString& user, const QString& password,
                                    const QJSValue& callback = {});
  Q_INVOKABLE void maintenanceCall(const QString& method, const QVariantMap& params = {},
                                   const QJSValue& callback = {});
  Q_INVOKABLE void maintenanceLogout() override;

  // ---- C++ callers and tests ----
  // `error` is empty on success; otherwise as for the QML callbacks (KioskdChannel's contract).
  using KioskdChannel::Callback;
  void call(const QString& method, const QVariantMap& params, Callback callback) override;
  void maintenanceLogin(const QString& user, const QString& password, Callback callback) override;
  void maintenanceCall(const QString& method, const QVariantMap& params,
                       Callback callback) override;
  // Timeout of calls without a method-specific one (default 10 000 ms).
  void setDefaultTimeout(int ms);
  int pendingCalls() const;
  static constexpr int kReconnectFirstMs = 250;
  static constexpr int kReconnectMaxMs = 2000;

 signals:
  void connectedChanged();
  void socketPathChanged();
  void previewFrameChanged();
  void photoChanged();
  // A call failed in a way the current screen cannot show (for the log and the tests).
  void callFailed(const QString& method, const QVariantMap& error);

 private:
  struct Impl;
  Impl* d_;
};
