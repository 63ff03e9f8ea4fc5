// MaintenanceApi over LocalApi against a scripted QLocalServer standing in for kioskd: one typed
// method per technician action sends its documented JSON-RPC method and params (with the token
// where a technician session is needed), answers arrive as typed signals in the documented
// shapes (older shapes normalised), refusals name the action, the device and kioskd's reason.
#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QSignalSpy>

#include "local_api.hpp"
#include "maintenance_api.hpp"
#include "qt_wait.hpp"
#include "tests/kiosk-ui/src/scripted_server.hpp"

using kiosk_ui_test::pump;
using kiosk_ui_test::waitFor;

namespace {

// kioskd's answers to the technician's methods, as docs/local-api.md documents them.
bool answerDocumented(ScriptedServer& server, const QJsonObject& r) {
  const QString m = r.value("method").toString();
  const QJsonObject p = r.value("params").toObject();
  const bool token = p.value("token").toString() == "tok-1";
  const QJsonObject stock{{"loaded", 500}, {"issued", 37},  {"spoiled", 2},
                          {"retained", 1}, {"reserved", 0}, {"remaining", 460}};
  if (m == "api.version" || m == "events.subscribe" || m == "session.get" || m == "kiosk.status")
    return false;  // the handshake: the server's own answers
  if (m == "maintenance.login") {
    server.reply(r, QJsonObject{{"token", "tok-1"}, {"expires_in", 600}});
  } else if (m == "devices.list") {
    server.reply(r, QJsonObject{{"devices", QJsonArray{QJsonObject{{"device", "card_printer"},
                                                                   {"state", "online"}}}}});
  } else if (!token && m != "stock.status" && m != "sync.status") {
    server.replyError(r, -32001, "maintenance_required");
  } else if (m == "devices.selftest") {
    server.reply(r, QJsonObject{{"results", QJsonArray{QJsonObject{{"device", "camera"},
                                                                   {"passed", false},
                                                                   {"state", "offline"},
                                                                   {"message", "no_answer"}}}}});
  } else if (m == "devices.test_print") {
    server.reply(
        r, QJsonObject{{"printed", true}, {"device", p.value("device")}, {"card_counter", 1285}});
  } else if (m == "stock.status" || m == "stock.load") {
    server.reply(r, stock);
  } else if (m == "stock.reconcile") {
    server.reply(
        r,
        QJsonObject{{"printer_counter", 42}, {"expected", 41}, {"difference", 1}, {"ok", false}});
  } else if (m == "txn.list") {
    server.reply(r, QJsonObject{{"transactions", QJsonArray{QJsonObject{{"id", "tx-01"}}}}});
  } else if (m == "sync.status") {
    server.reply(r, QJsonObject{{"state", "idle"}, {"depth", 0}, {"circuit", "closed"}});
  } else if (m == "sync.now") {
    server.reply(r, QJsonObject{{"started", true}});
  } else if (m == "maintenance.set_out_of_service") {
    server.reply(
        r, QJsonObject{{"out_of_service", p.value("enabled")}, {"reason", p.value("reason")}});
  } else if (m == "audit.list") {
    server.reply(
        r, QJsonObject{
               {"chain_ok", true},
               {"entries",
                QJsonArray{QJsonObject{{"at", "2026-11-28T10:00:00Z"}, {"action", "stock.load"}},
                           QJsonObject{{"at", "2026-11-28T11:00:00Z"}, {"action", "sync.now"}}}}});
  } else if (m == "maintenance.logout") {
    server.reply(r, QJsonObject{{"logged_out", true}});
  } else {
    return false;
  }
  return true;
}

struct Connected {
  ScriptedServer server;
  LocalApi local;
  MaintenanceApi api;
  Connected() {
    api.setChannel(&local);
    server.handler = [this](const QJsonObject& r) { return answerDocumented(server, r); };
    local.setSocketPath(server.path());
    REQUIRE(waitFor([&] { return local.connected() && server.count("kiosk.status") >= 1; }));
    REQUIRE(waitFor([&] { return !api.status().isEmpty(); }));
  }
  ~Connected() { local.setSocketPath({}); }
  void login() {
    QSignalSpy in(&api, &MaintenanceApi::loggedIn);
    api.login("tech1", "synthetic-password");
    REQUIRE(waitFor([&] { return in.count() == 1; }));
    REQUIRE(api.active());
  }
  QJsonObject params(const QString& method) const {
    return server.last(method).value("params").toObject();
  }
};

}  // namespace

TEST_CASE("a technician logs in through the typed API and the session follows the channel",
          "[maintenance_api]") {
  Connected c;
  QSignalSpy session(&c.api, &MaintenanceApi::sessionChanged);
  CHECK_FALSE(c.api.active());
  CHECK(c.api.status().value("kiosk_id").toString() == "K-TEST");
  c.login();
  CHECK(c.api.user() == "tech1");
  CHECK(session.count() >= 1);
  CHECK(c.params("maintenance.login").value("user").toString() == "tech1");
  c.api.logout();
  CHECK_FALSE(c.api.active());
  REQUIRE(waitFor([&] { return c.server.count("maintenance.logout") == 1; }));
  CHECK(c.params("maintenance.logout").value("token").toString() == "tok-1");
}

TEST_CASE("each technician action sends its documented method and params, with the token",
          "[maintenance_api]") {
  Connected c;
  c.login();

  QSignalSpy devices(&c.api, &MaintenanceApi::devicesListed);
  c.api.listDevices();
  REQUIRE(waitFor([&] { return devices.count() == 1; }));
  CHECK(devices.at(0).at(0).toList().size() == 1);

  QSignalSpy selftest(&c.api, &MaintenanceApi::selfTestFinished);
  c.api.selfTest("camera");
  REQUIRE(waitFor([&] { return selftest.count() == 1; }));
  CHECK(c.params("devices.selftest").value("device").toString() == "camera");
  CHECK(c.params("devices.selftest").value("token").toString() == "tok-1");
  const QVariantMap result = selftest.at(0).at(1).toList().value(0).toMap();
  CHECK(selftest.at(0).at(0).toString() == "camera");
  CHECK(result.value("device").toString() == "camera");
  CHECK_FALSE(result.value("passed").toBool());
  CHECK(result.value("message").toString() == "no_answer");
  c.api.selfTest();
  REQUIRE(waitFor([&] { return selftest.count() == 2; }));
  CHECK_FALSE(c.params("devices.selftest").contains("device"));

  QSignalSpy printed(&c.api, &MaintenanceApi::testPrinted);
  c.api.testPrint("card_printer");
  REQUIRE(waitFor([&] { return printed.count() == 1; }));
  CHECK(c.params("devices.test_print").value("device").toString() == "card_printer");
  CHECK(printed.at(0).at(0).toString() == "card_printer");
  CHECK(printed.at(0).at(1).toInt() == 1285);

  QSignalSpy stock(&c.api, &MaintenanceApi::stockReceived);
  QSignalSpy loaded(&c.api, &MaintenanceApi::stockLoaded);
  c.api.stockStatus();
  REQUIRE(waitFor([&] { return stock.count() == 1; }));
  CHECK_FALSE(c.params("stock.status").contains("token"));  // not a technician method
  c.api.loadStock(500, "C00000001", "C00000500");
  REQUIRE(waitFor([&] { return loaded.count() == 1; }));
  const QJsonObject load = c.params("stock.load");
  CHECK(load.value("count").isDouble());
  CHECK(load.value("count").toInt() == 500);
  CHECK(load.value("first_serial").toString() == "C00000001");
  CHECK(load.value("last_serial").toString() == "C00000500");
  CHECK(loaded.at(0).at(0).toMap().value("remaining").toInt() == 460);

  QSignalSpy reconciled(&c.api, &MaintenanceApi::stockReconciled);
  c.api.reconcileStock();
  REQUIRE(waitFor([&] { return reconciled.count() == 1; }));
  CHECK(reconciled.at(0).at(0).toDouble() == 42);
  CHECK(reconciled.at(0).at(1).toDouble() == 41);
  CHECK(reconciled.at(0).at(2).toDouble() == 1);
  CHECK_FALSE(reconciled.at(0).at(3).toBool());

  QSignalSpy transactions(&c.api, &MaintenanceApi::transactionsListed);
  c.api.listTransactions(20);
  REQUIRE(waitFor([&] { return transactions.count() == 1; }));
  CHECK(c.params("txn.list").value("limit").toInt() == 20);

  QSignalSpy sync(&c.api, &MaintenanceApi::syncStatusReceived);
  QSignalSpy started(&c.api, &MaintenanceApi::syncStarted);
  c.api.syncStatus();
  c.api.syncNow();
  REQUIRE(waitFor([&] { return sync.count() == 1 && started.count() == 1; }));
  CHECK(sync.at(0).at(0).toMap().value("circuit").toString() == "closed");

  QSignalSpy service(&c.api, &MaintenanceApi::outOfServiceSet);
  c.api.setOutOfService(true, "ribbon change");
  REQUIRE(waitFor([&] { return service.count() == 1; }));
  CHECK(c.params("maintenance.set_out_of_service").value("enabled").toBool());
  CHECK(c.params("maintenance.set_out_of_service").value("reason").toString() == "ribbon change");
  CHECK(service.at(0).at(0).toBool());
  CHECK(service.at(0).at(1).toString() == "ribbon change");
  c.api.setOutOfService(false);
  REQUIRE(waitFor([&] { return service.count() == 2; }));
  CHECK_FALSE(c.params("maintenance.set_out_of_service").contains("reason"));
  CHECK_FALSE(service.at(1).at(0).toBool());

  QSignalSpy audit(&c.api, &MaintenanceApi::auditListed);
  c.api.listAudit(50);
  REQUIRE(waitFor([&] { return audit.count() == 1; }));
  CHECK(c.params("audit.list").value("limit").toInt() == 50);
  const QVariantList entries = audit.at(0).at(0).toList();
  REQUIRE(entries.size() == 2);
  CHECK(entries.at(0).toMap().value("action").toString() == "sync.now");  // newest first
  CHECK(audit.at(0).at(1).toBool());

  for (const char* m : {"devices.selftest", "devices.test_print", "stock.load", "stock.reconcile",
                        "txn.list", "sync.now", "maintenance.set_out_of_service", "audit.list"})
    CHECK(c.params(m).value("token").toString() == "tok-1");
}

TEST_CASE("a refusal names the action, the device and kioskd's reason", "[maintenance_api]") {
  Connected c;
  c.login();
  c.server.handler = [&](const QJsonObject& r) {
    if (r.value("method") != "devices.test_print") return answerDocumented(c.server, r);
    c.server.send(ScriptedServer::line(
        {{"jsonrpc", "2.0"},
         {"id", r.value("id")},
         {"error", QJsonObject{{"code", -32003},
                               {"message", "paper out"},
                               {"data", QJsonObject{{"reason", "device_error"},
                                                    {"device_reason", "paper_out"}}}}}}));
    return true;
  };
  QSignalSpy failed(&c.api, &MaintenanceApi::failed);
  QSignalSpy printed(&c.api, &MaintenanceApi::testPrinted);
  c.api.testPrint("receipt_printer");
  REQUIRE(waitFor([&] { return failed.count() == 1; }));
  CHECK(printed.count() == 0);
  CHECK(failed.at(0).at(0).value<MaintenanceApi::Action>() == MaintenanceApi::TestPrint);
  CHECK(failed.at(0).at(1).toString() == "receipt_printer");
  const QVariantMap error = failed.at(0).at(2).toMap();
  CHECK(error.value("code").toInt() == -32003);
  CHECK(error.value("reason").toString() == "device_error");
  CHECK(error.value("device_reason").toString() == "paper_out");
}

TEST_CASE("a refused login keeps kioskd's retry_after", "[maintenance_api]") {
  Connected c;
  c.server.handler = [&](const QJsonObject& r) {
    if (r.value("method") != "maintenance.login") return false;
    c.server.send(ScriptedServer::line(
        {{"jsonrpc", "2.0"},
         {"id", r.value("id")},
         {"error",
          QJsonObject{{"code", -32001},
                      {"message", "locked out"},
                      {"data", QJsonObject{{"reason", "locked_out"}, {"retry_after", 90}}}}}}));
    return true;
  };
  QSignalSpy failed(&c.api, &MaintenanceApi::failed);
  c.api.login("tech1", "wrong");
  REQUIRE(waitFor([&] { return failed.count() == 1; }));
  CHECK(failed.at(0).at(0).value<MaintenanceApi::Action>() == MaintenanceApi::Login);
  CHECK(failed.at(0).at(2).toMap().value("reason").toString() == "locked_out");
  CHECK(failed.at(0).at(2).toMap().value("retry_after").toInt() == 90);
  CHECK_FALSE(c.api.active());
}

TEST_CASE("a maintenance_required answer ends the technician session", "[maintenance_api]") {
  Connected c;
  c.login();
  c.server.handler = [&](const QJsonObject& r) {
    if (r.value("method") != "txn.list") return answerDocumented(c.server, r);
    c.server.replyError(r, -32001, "maintenance_required");
    return true;
  };
  QSignalSpy session(&c.api, &MaintenanceApi::sessionChanged);
  QSignalSpy failed(&c.api, &MaintenanceApi::failed);
  c.api.listTransactions();
  REQUIRE(waitFor([&] { return failed.count() == 1; }));
  CHECK(failed.at(0).at(0).value<MaintenanceApi::Action>() == MaintenanceApi::Transactions);
  CHECK_FALSE(c.api.active());
  CHECK(session.count() >= 1);
}

TEST_CASE("older result shapes of kioskd are normalised to the documented ones",
          "[maintenance_api]") {
  Connected c;
  c.login();
  c.server.handler = [&](const QJsonObject& r) {
    const QString m = r.value("method").toString();
    if (m == "devices.selftest") {
      c.server.reply(
          r, QJsonObject{{"devices", QJsonArray{QJsonObject{
                                         {"id", "camera"}, {"ok", true}, {"reason", ""}}}}});
    } else if (m == "stock.reconcile") {
      c.server.reply(
          r,
          QJsonObject{
              {"printer_counter", 40}, {"consumed", 40}, {"difference", 0}, {"mismatch", false}});
    } else {
      return answerDocumented(c.server, r);
    }
    return true;
  };
  QSignalSpy selftest(&c.api, &MaintenanceApi::selfTestFinished);
  QSignalSpy reconciled(&c.api, &MaintenanceApi::stockReconciled);
  c.api.selfTest();
  c.api.reconcileStock();
  REQUIRE(waitFor([&] { return selftest.count() == 1 && reconciled.count() == 1; }));
  const QVariantMap result = selftest.at(0).at(1).toList().value(0).toMap();
  CHECK(result.value("device").toString() == "camera");
  CHECK(result.value("passed").toBool());
  CHECK(reconciled.at(0).at(1).toDouble() == 40);
  CHECK(reconciled.at(0).at(3).toBool());
}

TEST_CASE("without a channel every request fails with unreachable, never re-entrantly",
          "[maintenance_api]") {
  MaintenanceApi api;
  QSignalSpy failed(&api, &MaintenanceApi::failed);
  api.listDevices();
  CHECK(failed.count() == 0);
  REQUIRE(waitFor([&] { return failed.count() == 1; }));
  CHECK(failed.at(0).at(2).toMap().value("reason").toString() == "unreachable");
  CHECK_FALSE(api.active());
  pump(10);
}
