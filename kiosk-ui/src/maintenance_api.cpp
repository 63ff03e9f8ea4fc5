#include "maintenance_api.hpp"

#include <QTimer>
#include <algorithm>
#include <utility>

namespace {

bool isNull(const QVariant& v) {
  return !v.isValid() || v.isNull();
}

// The first present member of `m` among `keys` (older kioskd versions named some differently).
QVariant first(const QVariantMap& m, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const QVariant v = m.value(QLatin1String(key));
    if (!isNull(v)) return v;
  }
  return {};
}

// One self-test result as {device, passed, state, message}.
QVariantMap selfTestResult(const QVariantMap& r) {
  return {{"device", first(r, {"device", "id"}).toString()},
          {"passed", first(r, {"passed", "ok"}).toBool()},
          {"state", r.value("state").toString()},
          {"message", first(r, {"message", "reason"}).toString()}};
}

}  // namespace

MaintenanceApi::MaintenanceApi(QObject* parent) : QObject(parent) {}

MaintenanceApi::~MaintenanceApi() {
  *alive_ = false;
}

void MaintenanceApi::setChannel(KioskdChannel* channel) {
  if (channel == channel_) return;
  if (channel_ != nullptr) disconnect(channel_, nullptr, this, nullptr);
  channel_ = channel;
  if (channel != nullptr) {
    connect(channel, &KioskdChannel::maintenanceChanged, this, &MaintenanceApi::sessionChanged);
    connect(channel, &KioskdChannel::statusChanged, this, &MaintenanceApi::statusChanged);
    connect(channel, &QObject::destroyed, this, [this] {
      channel_ = nullptr;
      emit channelChanged();
      emit sessionChanged();
      emit statusChanged();
    });
  }
  emit channelChanged();
  emit sessionChanged();
  emit statusChanged();
}

bool MaintenanceApi::active() const {
  const KioskdChannel* channel = channel_;
  return channel != nullptr && channel->maintenanceActive();
}

QString MaintenanceApi::user() const {
  const KioskdChannel* channel = channel_;
  return channel != nullptr ? channel->maintenanceUser() : QString();
}

QVariantMap MaintenanceApi::status() const {
  const KioskdChannel* channel = channel_;
  return channel != nullptr ? channel->status().toMap() : QVariantMap();
}

void MaintenanceApi::send(Action action, const QString& device, bool maintenance,
                          const QString& method, const QVariantMap& params, Done done) {
  if (channel_ == nullptr) {
    const QVariantMap error{{"code", 0},
                            {"reason", QStringLiteral("unreachable")},
                            {"message", QStringLiteral("no channel to kioskd")}};
    QTimer::singleShot(0, this,
                       [this, action, device, error] { emit failed(action, device, error); });
    return;
  }
  auto answer = [this, alive = std::weak_ptr<bool>(alive_), action, device, done = std::move(done)](
                    const QVariant& result, const QVariantMap& error) {
    if (alive.expired()) return;  // the page went away before kioskd answered
    if (!error.isEmpty()) {
      emit failed(action, device, error);
    } else {
      done(result);
    }
  };
  KioskdChannel* channel = channel_;
  if (maintenance) {
    channel->maintenanceCall(method, params, std::move(answer));
  } else {
    channel->call(method, params, std::move(answer));
  }
}

void MaintenanceApi::login(const QString& user, const QString& password) {
  if (channel_ == nullptr) {
    send(Login, {}, false, {}, {}, nullptr);  // fails: no channel
    return;
  }
  KioskdChannel* channel = channel_;
  channel->maintenanceLogin(
      user, password,
      [this, alive = std::weak_ptr<bool>(alive_), user](const QVariant&, const QVariantMap& error) {
        if (alive.expired()) return;
        if (error.isEmpty()) {
          emit loggedIn(user);
        } else {
          emit failed(Login, {}, error);
        }
      });
}

void MaintenanceApi::logout() {
  if (KioskdChannel* channel = channel_; channel != nullptr) channel->maintenanceLogout();
}

void MaintenanceApi::listDevices() {
  send(Devices, {}, false, QStringLiteral("devices.list"), {}, [this](const QVariant& result) {
    emit devicesListed(result.toMap().value("devices").toList());
  });
}

void MaintenanceApi::selfTest(const QString& device) {
  QVariantMap params;
  if (!device.isEmpty()) params.insert("device", device);
  send(SelfTest, device, true, QStringLiteral("devices.selftest"), params,
       [this, device](const QVariant& result) {
         const QVariantMap m = result.toMap();
         QVariantList results;
         for (const QVariant& r : first(m, {"results", "devices"}).toList())
           results.append(selfTestResult(r.toMap()));
         emit selfTestFinished(device, results);
       });
}

void MaintenanceApi::testPrint(const QString& device) {
  send(TestPrint, device, true, QStringLiteral("devices.test_print"), {{"device", device}},
       [this, device](const QVariant& result) {
         const QVariant counter = result.toMap().value("card_counter");
         emit testPrinted(device, isNull(counter) ? QVariant::fromValue(nullptr) : counter);
       });
}

void MaintenanceApi::stockStatus() {
  send(Stock, {}, false, QStringLiteral("stock.status"), {},
       [this](const QVariant& result) { emit stockReceived(result.toMap()); });
}

void MaintenanceApi::loadStock(int count, const QString& firstSerial, const QString& lastSerial) {
  send(LoadStock, {}, true, QStringLiteral("stock.load"),
       {{"count", count}, {"first_serial", firstSerial}, {"last_serial", lastSerial}},
       [this](const QVariant& result) {
         emit stockLoaded(result.toMap());
         emit stockReceived(result.toMap());
       });
}

void MaintenanceApi::reconcileStock() {
  send(Reconcile, {}, true, QStringLiteral("stock.reconcile"), {}, [this](const QVariant& result) {
    const QVariantMap m = result.toMap();
    const QVariant ok = m.value("ok");
    const bool reconciled = isNull(ok) ? !m.value("mismatch").toBool() : ok.toBool();
    emit stockReconciled(m.value("printer_counter").toDouble(),
                         first(m, {"expected", "consumed"}).toDouble(),
                         m.value("difference").toDouble(), reconciled);
    if (m.contains("counts")) emit stockReceived(m.value("counts").toMap());
  });
}

void MaintenanceApi::listTransactions(int limit) {
  send(Transactions, {}, true, QStringLiteral("txn.list"), {{"limit", limit}},
       [this](const QVariant& result) {
         emit transactionsListed(result.toMap().value("transactions").toList());
       });
}

void MaintenanceApi::syncStatus() {
  send(SyncStatus, {}, false, QStringLiteral("sync.status"), {},
       [this](const QVariant& result) { emit syncStatusReceived(result.toMap()); });
}

void MaintenanceApi::syncNow() {
  send(SyncNow, {}, true, QStringLiteral("sync.now"), {},
       [this](const QVariant&) { emit syncStarted(); });
}

void MaintenanceApi::setOutOfService(bool enabled, const QString& reason) {
  QVariantMap params{{"enabled", enabled}};
  if (!reason.isEmpty()) params.insert("reason", reason);
  send(OutOfService, {}, true, QStringLiteral("maintenance.set_out_of_service"), params,
       [this, enabled, reason](const QVariant& result) {
         const QVariantMap m = result.toMap();
         const QVariant answered = m.value("out_of_service");
         const bool out = isNull(answered) ? enabled : answered.toBool();
         const QVariant why = m.value("reason");
         emit outOfServiceSet(out, out ? (isNull(why) ? reason : why.toString()) : QString());
       });
}

void MaintenanceApi::listAudit(int limit) {
  send(Audit, {}, true, QStringLiteral("audit.list"), {{"limit", limit}},
       [this](const QVariant& result) {
         const QVariantMap m = result.toMap();
         QVariantList entries = m.value("entries").toList();
         // ISO 8601 UTC times sort as text.
         std::stable_sort(entries.begin(), entries.end(), [](const QVariant& a, const QVariant& b) {
           return a.toMap().value("at").toString() > b.toMap().value("at").toString();
         });
         const QVariant chain = m.value("chain_ok");
         emit auditListed(entries, isNull(chain) ? QVariant::fromValue(nullptr) : chain);
       });
}
