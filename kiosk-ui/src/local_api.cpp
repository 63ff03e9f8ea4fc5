#include "local_api.hpp"

#include <QByteArray>
#include <QJSEngine>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <algorithm>
#include <utility>

#include "local_api_connection.hpp"

// Nothing here logs a message's content: screen models and frames are personal data. Warnings
// name the method and kioskd's reason only.

namespace {

LocalApi* g_instance = nullptr;

const QString kIdle = QStringLiteral("idle");
const QString kNoConnection = QStringLiteral("no_connection");
const QString kUnavailable = QStringLiteral("unavailable");
const QString kFaceCapture = QStringLiteral("face_capture");
const QString kPhotoReview = QStringLiteral("photo_review");

QVariantMap idleScreen() {
  return {{"screen", kIdle}, {"actions", QVariantList{"start"}}};
}

QVariantMap noConnectionScreen() {
  return {{"screen", kNoConnection}, {"actions", QVariantList{}}};
}

QVariantMap unavailableScreen(const QString& reason, const QString& language) {
  return {
      {"screen", kUnavailable},
      {"session_id", QString()},
      {"language", language},
      {"prompt", QStringLiteral("screen.unavailable")},
      {"actions", QVariantList{"start"}},
      {"error", QVariantMap{{"code", reason}, {"reason", reason}, {"prompt", "error." + reason}}}};
}

// session.start refusals that the citizen sees as the "unavailable" screen.
bool isStartRefusal(const QVariantMap& error) {
  static const QStringList reasons{"out_of_service", "central_unreachable", "central_unavailable",
                                   "stock_empty",    "journal_unavailable", "device_unavailable"};
  return error.value("code").toInt() == -32002 ||
         reasons.contains(error.value("reason").toString());
}

bool isNull(const QVariant& v) {
  return !v.isValid() || v.isNull();
}

QString reasonOf(const QVariantMap& error) {
  return error.value("reason").toString();
}

}  // namespace

struct LocalApi::Impl {
  explicit Impl(LocalApi* owner) : q(owner) {}

  LocalApi* q;
  QPointer<QJSEngine> js;
  LocalApiConnection conn;
  QString socket_path;
  ScreenModel screen;
  QVariantMap status;
  QImage preview, photo;
  bool connected = false;     // socket up and api.version 1 confirmed
  bool incompatible = false;  // kioskd speaks another API version: no reconnect
  QTimer reconnect;
  int backoff_ms = kReconnectFirstMs;
  bool preview_in_flight = false;
  bool photo_in_flight = false;
  QString frames_session;  // the session the frames belong to
  // Technician session: memory only, never in QML.
  QString token, maintenance_user;
  int expires_in_s = 0;
  bool maintenance = false;
  QTimer maintenance_expiry;

  // ---- frames ----
  // Asks `method` (camera.preview, session.photo) for the session's JPEG while `screen_name`
  // shows; the decoded image goes to `image` and `changed` is emitted. One request at a time
  // (`in_flight`). Errors are quiet: the next refresh asks again.
  void fetchJpeg(const QString& method, const QString& screen_name, bool& in_flight, QImage& image,
                 void (LocalApi::*changed)()) {
    if (!connected || in_flight || screen.name() != screen_name) return;
    in_flight = true;
    const QString session = screen.sessionId();
    conn.call(
        method, {},
        [this, screen_name, session, &in_flight, &image, changed](const QVariant& result,
                                                                  const QVariantMap& error) {
          in_flight = false;
          if (!error.isEmpty() || screen.name() != screen_name || screen.sessionId() != session)
            return;
          const QByteArray jpeg =
              QByteArray::fromBase64(result.toMap().value("jpeg").toString().toLatin1());
          QImage decoded;
          if (!decoded.loadFromData(jpeg, "JPEG")) return;
          image = std::move(decoded);
          emit(q->*changed)();
        });
  }

  // ---- screen ----
  void setScreen(const QVariantMap& model) {
    const QString previous = screen.name();
    const QVariant previous_attempt = screen.data().toMap().value("attempt");
    screen.load(model);
    const QString name = screen.name();
    if (screen.sessionId() != frames_session) {
      clearPreview();
      clearPhoto();
      frames_session = screen.sessionId();
    }
    if (name != kFaceCapture) clearPreview();
    if (name != kPhotoReview) clearPhoto();
    // A new photo under review (first entry or a retake): fetch it for the FrameView.
    if (name == kPhotoReview &&
        (previous != kPhotoReview || screen.data().toMap().value("attempt") != previous_attempt))
      q->refreshPhoto();
  }
  void loadSessionResult(const QVariant& result) {
    const QVariantMap m = result.toMap();
    if (isNull(result) || m.value("screen").toString().isEmpty()) {
      setScreen(idleScreen());
    } else {
      setScreen(m);
    }
  }
  void refreshSession() {
    conn.call("session.get", {}, [this](const QVariant& result, const QVariantMap& error) {
      if (error.isEmpty()) {
        loadSessionResult(result);
      } else {
        failed("session.get", error);
      }
    });
  }
  void refreshStatus() {
    conn.call("kiosk.status", {}, [this](const QVariant& result, const QVariantMap& error) {
      if (!error.isEmpty()) {
        failed("kiosk.status", error);
        return;
      }
      status = result.toMap();
      emit q->statusChanged();
    });
  }
  void clearPreview() {
    if (preview.isNull()) return;
    preview = QImage();
    emit q->previewFrameChanged();
  }
  void clearPhoto() {
    if (photo.isNull()) return;
    photo = QImage();
    emit q->photoChanged();
  }
  void failed(const QString& method, const QVariantMap& error) {
    if (error.value("code").toInt() != 0)  // transport failures are logged by the connection
      qWarning("local api: %s failed: %s", qPrintable(method), qPrintable(reasonOf(error)));
    emit q->callFailed(method, error);
  }

  // ---- connection lifecycle ----
  void onConnected() {
    conn.call("api.version", {}, [this](const QVariant& result, const QVariantMap& error) {
      if (!error.isEmpty()) {
        failed("api.version", error);
        conn.close();
        return;
      }
      const int version = result.toMap().value("version").toInt();
      if (version != 1) {
        incompatible = true;
        qWarning("local api: kioskd speaks API version %d, not 1; staying disconnected", version);
        emit q->callFailed("api.version",
                           {{"code", 0},
                            {"reason", QStringLiteral("unsupported_version")},
                            {"message", QStringLiteral("kioskd API version %1").arg(version)}});
        conn.close();
        return;
      }
      backoff_ms = kReconnectFirstMs;
      connected = true;
      emit q->connectedChanged();
      conn.call("events.subscribe", {}, [this](const QVariant&, const QVariantMap& e) {
        if (!e.isEmpty()) failed("events.subscribe", e);
      });
      refreshSession();
      refreshStatus();
    });
  }
  void onClosed() {
    preview_in_flight = false;
    photo_in_flight = false;
    if (connected) {
      connected = false;
      emit q->connectedChanged();
    }
    if (screen.name() != kNoConnection) setScreen(noConnectionScreen());
    // A kioskd restart forgets every technician token; a lost connection almost always means
    // one. Ending the technician session here beats a dashboard that fails on its next call.
    clearMaintenance();
    if (incompatible || socket_path.isEmpty()) return;
    reconnect.start(backoff_ms);
    backoff_ms = std::min(backoff_ms * 2, kReconnectMaxMs);
  }
  void onNotification(const QString& method, const QJsonValue& params) {
    if (method == QLatin1String("session.changed")) {
      loadSessionResult(params.toVariant());
    } else if (method == QLatin1String("kiosk.changed")) {
      const QVariantMap m = params.toVariant().toMap();
      if (m.isEmpty()) {
        refreshStatus();  // kioskd may announce a change without the new status
      } else {
        status = m;
        emit q->statusChanged();
      }
    }
  }

  // ---- citizen session ----
  void start(const QString& service, const QString& language, const QString& fallback) {
    conn.call("session.start", {{"service", service}, {"language", language}},
              [this, language, fallback](const QVariant& result, const QVariantMap& error) {
                if (error.isEmpty()) {
                  loadSessionResult(result);
                } else if (reasonOf(error) == QLatin1String("session_active")) {
                  refreshSession();  // another client started one: show it
                } else if (isStartRefusal(error)) {
                  qWarning("local api: session.start refused: %s", qPrintable(reasonOf(error)));
                  setScreen(unavailableScreen(reasonOf(error), language));
                } else if (error.value("code").toInt() == -32602 && !fallback.isEmpty()) {
                  start(fallback, language, {});
                } else {
                  failed("session.start", error);
                }
              });
  }

  // ---- maintenance ----
  void clearMaintenance() {
    maintenance_expiry.stop();
    const bool was = maintenance || !token.isEmpty();
    token.clear();
    maintenance_user.clear();
    maintenance = false;
    if (was) emit q->maintenanceChanged();
  }
  void touchMaintenance() {
    if (!maintenance) return;
    const qint64 ms = std::clamp<qint64>(qint64{expires_in_s} * 1000, 1, 24 * 3600 * 1000);
    maintenance_expiry.start(static_cast<int>(ms));
  }

  Callback wrap(const QJSValue& fn) {
    if (!fn.isCallable()) return nullptr;
    return [this, fn](const QVariant& result, const QVariantMap& error) {
      QJSEngine* engine = js != nullptr ? js.data() : qjsEngine(q);
      if (engine == nullptr) return;
      const QJSValue r =
          isNull(result) ? QJSValue(QJSValue::NullValue) : engine->toScriptValue(result);
      const QJSValue e =
          error.isEmpty() ? QJSValue(QJSValue::NullValue) : engine->toScriptValue(error);
      const QJSValue out = fn.call({r, e});
      if (out.isError()) qWarning("local api: a QML callback threw an exception");
    };
  }
};

LocalApi::LocalApi(QObject* parent) : KioskdChannel(parent), d_(new Impl(this)) {
  g_instance = this;
  d_->setScreen(idleScreen());
  d_->reconnect.setSingleShot(true);
  connect(&d_->reconnect, &QTimer::timeout, this, [this] {
    if (!d_->socket_path.isEmpty()) d_->conn.connectTo(d_->socket_path);
  });
  d_->maintenance_expiry.setSingleShot(true);
  connect(&d_->maintenance_expiry, &QTimer::timeout, this, [this] {
    qWarning("local api: technician session expired (idle)");
    d_->clearMaintenance();
  });
  connect(&d_->conn, &LocalApiConnection::connected, this, [this] { d_->onConnected(); });
  connect(&d_->conn, &LocalApiConnection::closed, this, [this](bool) { d_->onClosed(); });
  connect(&d_->conn, &LocalApiConnection::notification, this,
          [this](const QString& method, const QJsonValue& params) {
            d_->onNotification(method, params);
          });
  connect(&d_->conn, &LocalApiConnection::protocolError, this, [this](const QString& reason) {
    emit callFailed(QString(), {{"code", 0}, {"reason", reason}, {"message", reason}});
  });
}

LocalApi::~LocalApi() {
  if (g_instance == this) g_instance = nullptr;
  delete d_;
}

LocalApi* LocalApi::create(QQmlEngine* qml, QJSEngine* js) {
  auto* api = new LocalApi;
  QQmlEngine::setObjectOwnership(api, QQmlEngine::CppOwnership);
  api->d_->js = js != nullptr ? js : qml;
  return api;
}

LocalApi* LocalApi::instance() {
  return g_instance;
}

bool LocalApi::connected() const {
  return d_->connected;
}

QString LocalApi::socketPath() const {
  return d_->socket_path;
}

void LocalApi::setSocketPath(const QString& path) {
  const bool changed = path != d_->socket_path;
  d_->socket_path = path;
  d_->incompatible = false;
  d_->backoff_ms = kReconnectFirstMs;
  d_->conn.close();  // may schedule a reconnect: cancelled just below
  d_->reconnect.stop();
  if (changed) emit socketPathChanged();
  if (!path.isEmpty()) d_->conn.connectTo(path);
}

ScreenModel* LocalApi::screen() const {
  return &d_->screen;
}

QVariant LocalApi::status() const {
  return d_->status;
}

bool LocalApi::simulation() const {
  return d_->status.value("simulation").toBool();
}

bool LocalApi::maintenanceActive() const {
  return d_->maintenance;
}

QString LocalApi::maintenanceUser() const {
  return d_->maintenance_user;
}

QImage LocalApi::previewFrame() const {
  return d_->preview;
}

QImage LocalApi::photo() const {
  return d_->photo;
}

void LocalApi::setDefaultTimeout(int ms) {
  d_->conn.setDefaultTimeout(ms);
}

int LocalApi::pendingCalls() const {
  return d_->conn.pendingCount();
}

// ---- citizen session ----

void LocalApi::startSession(const QString& service, const QString& language) {
  // The UI names the information query "query" (docs/local-api.md); kioskd's engine calls it
  // "info_query". Send the engine's name, and the documented one if kioskd rejects it.
  if (service == QLatin1String("query")) {
    d_->start(QStringLiteral("info_query"), language, service);
  } else {
    d_->start(service, language, {});
  }
}

void LocalApi::act(const QString& action, const QString& value) {
  QVariantMap params{{"action", action}};
  if (!value.isEmpty()) params.insert("value", value);
  d_->conn.call("session.action", params, [this](const QVariant& result, const QVariantMap& error) {
    if (error.isEmpty()) {
      d_->loadSessionResult(result);
      return;
    }
    d_->failed("session.action", error);
    // The screen was stale (the session moved on or ended): redraw from kioskd's truth.
    if (error.value("code").toInt() != 0) d_->refreshSession();
  });
}

void LocalApi::cancelSession() {
  d_->conn.call("session.cancel", {}, [this](const QVariant& result, const QVariantMap& error) {
    if (!error.isEmpty()) {
      d_->failed("session.cancel", error);
      if (error.value("code").toInt() != 0) d_->refreshSession();
      return;
    }
    if (result.toMap().value("screen").toString().isEmpty()) {
      d_->refreshSession();
    } else {
      d_->loadSessionResult(result);
    }
  });
}

void LocalApi::keepAlive() {
  if (d_->screen.sessionId().isEmpty()) return;
  d_->conn.call("session.keep_alive", {}, [this](const QVariant&, const QVariantMap& error) {
    if (error.isEmpty()) return;  // kioskd republishes the screen (session.changed)
    d_->failed("session.keep_alive", error);
    if (error.value("code").toInt() != 0) d_->refreshSession();
  });
}

void LocalApi::dismiss() {
  const QString name = d_->screen.name();
  if (name == kUnavailable || (name == kNoConnection && d_->connected)) {
    d_->setScreen(idleScreen());
  } else if (name != kNoConnection && d_->screen.allows("finish")) {
    act("finish");
  }
}

void LocalApi::refreshPreview() {
  d_->fetchJpeg("camera.preview", kFaceCapture, d_->preview_in_flight, d_->preview,
                &LocalApi::previewFrameChanged);
}

void LocalApi::refreshPhoto() {
  d_->fetchJpeg("session.photo", kPhotoReview, d_->photo_in_flight, d_->photo,
                &LocalApi::photoChanged);
}

// ---- generic and technician calls ----

void LocalApi::call(const QString& method, const QVariantMap& params, const QJSValue& callback) {
  call(method, params, d_->wrap(callback));
}

void LocalApi::call(const QString& method, const QVariantMap& params, Callback callback) {
  d_->conn.call(
      method, params,
      [this, method, cb = std::move(callback)](const QVariant& result, const QVariantMap& error) {
        if (!error.isEmpty()) d_->failed(method, error);
        if (cb) cb(result, error);
      });
}

void LocalApi::maintenanceLogin(const QString& user, const QString& password,
                                const QJSValue& callback) {
  maintenanceLogin(user, password, d_->wrap(callback));
}

void LocalApi::maintenanceLogin(const QString& user, const QString& password, Callback callback) {
  d_->conn.call(
      "maintenance.login", {{"user", user}, {"password", password}},
      [this, user, cb = std::move(callback)](const QVariant& result, const QVariantMap& error) {
        if (!error.isEmpty()) {
          d_->failed("maintenance.login", error);
          if (cb) cb(QVariant(), error);
          return;
        }
        QVariantMap answer = result.toMap();
        d_->clearMaintenance();
        d_->token = answer.take("token").toString();
        d_->expires_in_s = answer.value("expires_in", 600).toInt();
        d_->maintenance_user = user;
        d_->maintenance = !d_->token.isEmpty();
        d_->touchMaintenance();
        emit maintenanceChanged();
        answer.insert("user", user);
        if (cb) cb(answer, {});  // without the token: it stays here
      });
}

void LocalApi::maintenanceCall(const QString& method, const QVariantMap& params,
                               const QJSValue& callback) {
  maintenanceCall(method, params, d_->wrap(callback));
}

void LocalApi::maintenanceCall(const QString& method, const QVariantMap& params,
                               Callback callback) {
  if (d_->token.isEmpty()) {
    const QVariantMap error{{"code", -32001},
                            {"reason", QStringLiteral("maintenance_required")},
                            {"message", QStringLiteral("no technician session")}};
    QTimer::singleShot(0, this, [cb = std::move(callback), error] {
      if (cb) cb(QVariant(), error);
    });
    return;
  }
  QVariantMap with_token = params;
  with_token.insert("token", d_->token);
  const QString token = d_->token;
  d_->conn.call(method, with_token,
                [this, method, token, cb = std::move(callback)](const QVariant& result,
                                                                const QVariantMap& error) {
                  if (token == d_->token) {  // else: an answer for an older session
                    if (error.isEmpty()) {
                      d_->touchMaintenance();  // kioskd restarted its idle timer too
                    } else if (error.value("code").toInt() == -32001) {
                      d_->clearMaintenance();
                    }
                  }
                  if (!error.isEmpty()) d_->failed(method, error);
                  if (cb) cb(result, error);
                });
}

void LocalApi::maintenanceLogout() {
  if (d_->token.isEmpty()) {
    d_->clearMaintenance();
    return;
  }
  d_->conn.call("maintenance.logout", {{"token", d_->token}}, nullptr);
  d_->clearMaintenance();
}
