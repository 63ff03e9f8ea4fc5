#pragma once
// ScriptedChannel: a KioskdChannel for tests of the technician pages, without a socket. It
// records every call and answers at once (before the call returns) from `answers`:
// method -> {"result": ...} or {"error": {"code", "reason", "message", ...}}; a method without an
// answer gets the result {}. maintenanceLogin answers from `loginAnswer` and, on success, opens
// the technician session (maintenanceActive, maintenanceUser). QML name (registered by the test
// runners): KioskTest.ScriptedChannel. It models kioskd's answers, so method names live here.
#include <QVariant>
#include <QVariantList>
#include <QVariantMap>

#include "kioskd_channel.hpp"

namespace kiosk::ui_test {

class ScriptedChannel : public KioskdChannel {
  Q_OBJECT
  Q_PROPERTY(QVariant status READ status WRITE setStatus NOTIFY statusChanged)
  Q_PROPERTY(bool maintenanceActive READ maintenanceActive WRITE setMaintenanceActive NOTIFY
                 maintenanceChanged)
  Q_PROPERTY(QVariantMap answers MEMBER answers_ NOTIFY answersChanged)
  Q_PROPERTY(QVariantMap loginAnswer MEMBER login_answer_ NOTIFY answersChanged)
  Q_PROPERTY(QVariantList calls READ calls NOTIFY callsChanged)
  Q_PROPERTY(int logouts READ logouts NOTIFY maintenanceChanged)

 public:
  explicit ScriptedChannel(QObject* parent = nullptr);

  QVariant status() const override { return status_; }
  void setStatus(const QVariant& status);
  bool maintenanceActive() const override { return active_; }
  void setMaintenanceActive(bool active);
  QString maintenanceUser() const override { return user_; }
  QVariantList calls() const { return calls_; }
  int logouts() const { return logouts_; }

  // The calls of `method`, oldest first: [{method, params, maintenance: bool}].
  Q_INVOKABLE QVariantList callsOf(const QString& method) const;

  void call(const QString& method, const QVariantMap& params, Callback callback) override;
  void maintenanceLogin(const QString& user, const QString& password, Callback callback) override;
  void maintenanceCall(const QString& method, const QVariantMap& params,
                       Callback callback) override;
  void maintenanceLogout() override;

 signals:
  void answersChanged();
  void callsChanged();

 private:
  void record(const QString& method, const QVariantMap& params, bool maintenance);
  void answer(const QVariantMap& scripted, const Callback& callback) const;

  QVariant status_;
  bool active_ = false;
  QString user_;
  QVariantMap answers_;
  QVariantMap login_answer_;
  QVariantList calls_;
  int logouts_ = 0;
};

// Registers ScriptedChannel as KioskTest.ScriptedChannel 1.0 (once per process).
void register_scripted_channel();

}  // namespace kiosk::ui_test
