#include "tests/kiosk-ui/support/scripted_channel.hpp"

#include <QQmlEngine>

namespace kiosk::ui_test {

ScriptedChannel::ScriptedChannel(QObject* parent)
    : KioskdChannel(parent),
      status_(QVariantMap{{"kiosk_id", "K-TEST"}, {"state", "ready"}, {"out_of_service", false}}),
      login_answer_{{"result", QVariantMap{{"expires_in", 300}}}} {}

void ScriptedChannel::setStatus(const QVariant& status) {
  status_ = status;
  emit statusChanged();
}

void ScriptedChannel::setMaintenanceActive(bool active) {
  if (active == active_) return;
  active_ = active;
  if (!active) user_.clear();
  emit maintenanceChanged();
}

QVariantList ScriptedChannel::callsOf(const QString& method) const {
  QVariantList out;
  for (const QVariant& c : calls_)
    if (c.toMap().value("method").toString() == method) out.append(c);
  return out;
}

void ScriptedChannel::record(const QString& method, const QVariantMap& params, bool maintenance) {
  calls_.append(QVariantMap{{"method", method}, {"params", params}, {"maintenance", maintenance}});
  emit callsChanged();
}

void ScriptedChannel::answer(const QVariantMap& scripted, const Callback& callback) const {
  if (!callback) return;
  if (scripted.contains("error")) {
    callback(QVariant(), scripted.value("error").toMap());
  } else {
    const QVariant result = scripted.value("result");
    callback(result.isValid() ? result : QVariant(QVariantMap()), {});
  }
}

void ScriptedChannel::call(const QString& method, const QVariantMap& params, Callback callback) {
  record(method, params, false);
  answer(answers_.value(method).toMap(), callback);
}

void ScriptedChannel::maintenanceLogin(const QString& user, const QString&, Callback callback) {
  record(QStringLiteral("maintenance.login"), {{"user", user}}, false);  // never the password
  if (!login_answer_.contains("error")) {
    active_ = true;
    user_ = user;
    emit maintenanceChanged();
  }
  answer(login_answer_, callback);
}

void ScriptedChannel::maintenanceCall(const QString& method, const QVariantMap& params,
                                      Callback callback) {
  record(method, params, true);
  if (!active_) {
    if (callback)
      callback(QVariant(), {{"code", -32001},
                            {"reason", QStringLiteral("maintenance_required")},
                            {"message", QStringLiteral("no technician session")}});
    return;
  }
  const QVariantMap scripted = answers_.value(method).toMap();
  if (scripted.value("error").toMap().value("code").toInt() == -32001) setMaintenanceActive(false);
  answer(scripted, callback);
}

void ScriptedChannel::maintenanceLogout() {
  ++logouts_;
  active_ = false;
  user_.clear();
  emit maintenanceChanged();
}

void register_scripted_channel() {
  static const bool registered =
      qmlRegisterType<ScriptedChannel>("KioskTest", 1, 0, "ScriptedChannel") >= 0;
  Q_UNUSED(registered);
}

}  // namespace kiosk::ui_test
