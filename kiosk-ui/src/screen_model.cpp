#include "screen_model.hpp"

ScreenModel::ScreenModel(QObject* parent) : QObject(parent) {}

void ScreenModel::load(const QVariantMap& model) {
  raw_ = model;
  name_ = model.value("screen").toString();
  session_id_ = model.value("session_id").toString();
  service_ = model.value("service").toString();
  step_ = model.value("step").toString();
  language_ = model.value("language").toString();
  prompt_ = model.value("prompt").toString();
  if (prompt_.isEmpty() && !name_.isEmpty()) prompt_ = "screen." + name_;
  data_ = model.value("data").toMap();
  actions_ = model.value("actions").toStringList();
  const QVariantMap error = model.value("error").toMap();
  error_code_ = error.value("code").toString();
  error_reason_ = error.value("reason").toString();
  const QVariantMap progress = model.value("progress").toMap();
  progress_index_ = progress.value("index", 0).toInt();
  progress_total_ = progress.value("total", 0).toInt();
  eta_seconds_ = progress.contains("eta_seconds") ? progress.value("eta_seconds").toInt() : -1;
  const QVariantMap idle = model.value("idle").toMap();
  idle_seconds_left_ = idle.contains("seconds_left") ? idle.value("seconds_left").toInt() : -1;
  idle_warning_ = idle.value("warning").toBool();
  ++revision_;
  emit changed();
}

bool ScreenModel::allows(const QString& action) const {
  return actions_.contains(action);
}
