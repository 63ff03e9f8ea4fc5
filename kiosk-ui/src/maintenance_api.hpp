#pragma once
// MaintenanceApi: the technician pages' one API object (QML type MaintenanceApi of Kiosk.Ui).
// One typed method per thing a technician can do, one signal per answer; the JSON-RPC method
// names and the shapes of their results (docs/local-api.md) stay in here. It holds no state of
// its own beyond the channel: pages keep what they show.
//
// Contract for QML:
//  * `channel` is the client of kioskd (LocalApi in the product; a scripted channel in tests).
//    Without one, every request fails at once (reason "unreachable").
//  * Every request answers exactly once, asynchronously or (scripted channels) before it returns:
//    its success signal, or failed(action, device, error) with `device` the device the request
//    was about (empty for the others) and `error` {"code", "reason", "message"} plus extra
//    members kioskd sent (e.g. retry_after for a locked-out login).
//  * Requests marked M need a technician session (login first); the channel adds the token.
//    A `maintenance_required` answer ends the session (active turns false).
//  * Results are normalised to the documented shapes, tolerating the older ones kioskd sent
//    (self-test `devices`/`ok`/`reason`, reconcile `consumed`/`mismatch`).
//
// Threading: GUI thread only.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QVariant>
#include <QVariantList>
#include <QVariantMap>
#include <functional>
#include <memory>

#include "kioskd_channel.hpp"

class MaintenanceApi : public QObject {
  Q_OBJECT
  QML_ELEMENT

  Q_PROPERTY(KioskdChannel* channel READ channel WRITE setChannel NOTIFY channelChanged)
  // The technician session as the channel knows it.
  Q_PROPERTY(bool active READ active NOTIFY sessionChanged)
  Q_PROPERTY(QString user READ user NOTIFY sessionChanged)
  // The last kiosk.status result ({} until known).
  Q_PROPERTY(QVariantMap status READ status NOTIFY statusChanged)

 public:
  enum Action {
    Login,
    Devices,
    SelfTest,
    TestPrint,
    Stock,
    LoadStock,
    Reconcile,
    Transactions,
    SyncStatus,
    SyncNow,
    OutOfService,
    Audit,
  };
  Q_ENUM(Action)

  explicit MaintenanceApi(QObject* parent = nullptr);
  ~MaintenanceApi() override;

  KioskdChannel* channel() const { return channel_; }
  void setChannel(KioskdChannel* channel);
  bool active() const;
  QString user() const;
  QVariantMap status() const;

  // maintenance.login -> loggedIn(user); refusals: bad_credentials, locked_out (retry_after).
  Q_INVOKABLE void login(const QString& user, const QString& password);
  // maintenance.logout (M); the session ends at once whatever kioskd answers.
  Q_INVOKABLE void logout();
  // devices.list -> devicesListed([Device]).
  Q_INVOKABLE void listDevices();
  // devices.selftest (M) of one device, or of all when `device` is empty ->
  // selfTestFinished(device, [{device, passed, state, message}]).
  Q_INVOKABLE void selfTest(const QString& device = {});
  // devices.test_print (M) on card_printer or receipt_printer -> testPrinted(device,
  // cardCounter: the card printer's counter after the job, null for the receipt printer).
  Q_INVOKABLE void testPrint(const QString& device);
  // stock.status -> stockReceived(stock).
  Q_INVOKABLE void stockStatus();
  // stock.load (M) -> stockLoaded(stock): the new stock.status.
  Q_INVOKABLE void loadStock(int count, const QString& firstSerial, const QString& lastSerial);
  // stock.reconcile (M) -> stockReconciled(printerCounter, expected, difference, ok).
  Q_INVOKABLE void reconcileStock();
  // txn.list (M) -> transactionsListed([{id, service, started_at, finished_at, outcome, step}]).
  Q_INVOKABLE void listTransactions(int limit = 20);
  // sync.status -> syncStatusReceived({state, depth, last_acknowledged, ...}).
  Q_INVOKABLE void syncStatus();
  // sync.now (M) -> syncStarted().
  Q_INVOKABLE void syncNow();
  // maintenance.set_out_of_service (M) -> outOfServiceSet(outOfService, reason).
  Q_INVOKABLE void setOutOfService(bool enabled, const QString& reason = {});
  // audit.list (M) -> auditListed(entries newest first, chainOk: bool, or null when unknown).
  Q_INVOKABLE void listAudit(int limit = 50);

 signals:
  void channelChanged();
  void sessionChanged();
  void statusChanged();

  void loggedIn(const QString& user);
  void devicesListed(const QVariantList& devices);
  void selfTestFinished(const QString& device, const QVariantList& results);
  void testPrinted(const QString& device, const QVariant& cardCounter);
  void stockReceived(const QVariantMap& stock);
  void stockLoaded(const QVariantMap& stock);
  void stockReconciled(double printerCounter, double expected, double difference, bool ok);
  void transactionsListed(const QVariantList& transactions);
  void syncStatusReceived(const QVariantMap& status);
  void syncStarted();
  void outOfServiceSet(bool outOfService, const QString& reason);
  void auditListed(const QVariantList& entries, const QVariant& chainOk);
  void failed(MaintenanceApi::Action action, const QString& device, const QVariantMap& error);

 private:
  using Done = std::function<void(const QVariant& result)>;
  // Sends through the channel; on error emits failed(action, device, error), else calls done.
  void send(Action action, const QString& device, bool maintenance, const QString& method,
            const QVariantMap& params, Done done);

  KioskdChannel* channel_ = nullptr;  // not owned; reset when it is destroyed
  // Lives as long as this object: callbacks that outlive it see it expired.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};
