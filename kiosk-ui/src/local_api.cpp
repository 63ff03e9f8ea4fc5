#include "local_api.hpp"

#include <QQmlEngine>

// Skeleton: the implementation lands with the client work of issue 5.
struct LocalApi::Impl {
  QString socket_path;
  ScreenModel screen;
  QVariantMap status;
  QImage preview, photo;
  QString maintenance_user;
  bool maintenance = false;
};

namespace {
LocalApi* g_instance = nullptr;
}

LocalApi::LocalApi(QObject* parent) : QObject(parent), d_(new Impl) {
  g_instance = this;
  d_->screen.load({{"screen", "idle"}, {"actions", QVariantList{"start"}}});
}
LocalApi::~LocalApi() {
  if (g_instance == this) g_instance = nullptr;
  delete d_;
}
LocalApi* LocalApi::create(QQmlEngine* qml, QJSEngine*) {
  auto* api = new LocalApi;
  QQmlEngine::setObjectOwnership(api, QQmlEngine::CppOwnership);
  (void)qml;
  return api;
}
LocalApi* LocalApi::instance() {
  return g_instance;
}
bool LocalApi::connected() const {
  return false;
}
QString LocalApi::socketPath() const {
  return d_->socket_path;
}
void LocalApi::setSocketPath(const QString& path) {
  d_->socket_path = path;
  emit socketPathChanged();
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
void LocalApi::startSession(const QString&, const QString&) {}
void LocalApi::act(const QString&, const QString&) {}
void LocalApi::cancelSession() {}
void LocalApi::dismiss() {}
void LocalApi::refreshPreview() {}
void LocalApi::refreshPhoto() {}
void LocalApi::call(const QString&, const QVariantMap&, const QJSValue&) {}
void LocalApi::maintenanceLogin(const QString&, const QString&, const QJSValue&) {}
void LocalApi::maintenanceCall(const QString&, const QVariantMap&, const QJSValue&) {}
void LocalApi::maintenanceLogout() {}
