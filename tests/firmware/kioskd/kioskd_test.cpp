// kioskd composed for real: journal file, emulated devices, local API on a Unix socket, sync to
// the real kiosk-central on loopback (dev PKI, seeded registry).
#include <catch2/catch.hpp>

#include <thread>

#include "firmware/citizen/citizen.hpp"
#include "firmware/engine/engine.hpp"
#include "firmware/journal/journal.hpp"
#include "firmware/kioskd/kioskd.hpp"
#include "firmware/kioskd/simulated_devices.hpp"
#include "firmware/rpc/client.hpp"
#include "firmware/sync/sync_engine.hpp"
#include "tests/firmware/kioskd/running_kioskd.hpp"

using namespace kiosk;
using nlohmann::json;

namespace {
json call(rpc::Client& c, const std::string& method, json params = json::object()) {
  auto r = c.call(method, std::move(params), std::chrono::seconds(20));
  if (!r) FAIL(method << " failed: " << r.error().message);
  return r.value();
}
std::string reason_of(rpc::Client& c, const std::string& method, json params = json::object()) {
  auto r = c.call(method, std::move(params), std::chrono::seconds(20));
  if (r) return "";
  return r.error().reason();
}
// The dev technician from central's signed configuration (pulled by sync at start).
std::string login_tech(rpc::Client& c) {
  REQUIRE(testing::wait_for_config(c));
  const std::string token = testing::technician_token(c);
  if (token.empty()) FAIL("technician login never succeeded");
  return token;
}
}  // namespace

TEST_CASE(
    "kioskd serves the local API, journals maintenance and its outbox is acknowledged by central",
    "[kioskd][integration]") {
  testing::RunningKioskd k;
  const auto& daemon = k.daemon;
  rpc::Client& c = *k.client;

  const json status = call(c, "kiosk.status");
  CHECK(status["kiosk_id"] == "kiosk-dev-001");
  CHECK(status["simulation"] == true);
  const json devices = call(c, "devices.list");
  CHECK(devices["devices"].size() == 5);
  for (const auto& d : devices["devices"]) CHECK(d["state"] == "online");

  // maintenance methods need a token
  CHECK(reason_of(c, "stock.load", json{{"count", 10}}) == "maintenance_required");
  CHECK(reason_of(c, "maintenance.login", json{{"user", "tech"}, {"password", "wrong"}}) ==
        "bad_credentials");
  const std::string token = login_tech(c);
  const json stock = call(c, "stock.load", testing::blank_cards(token, 10));
  CHECK(stock["remaining"] == 10);
  const json audit = call(c, "audit.list", json{{"token", token}});
  CHECK(audit["chain_ok"] == true);
  CHECK(audit["entries"].size() >= 3);  // credentials, failed login, login, stock.load

  // emulator controls (simulation mode)
  const json citizens = call(c, "emulator.citizens");
  REQUIRE(citizens["citizens"].size() > 0);
  CHECK(call(c, "emulator.place_id_card",
             json{{"id_number", citizens["citizens"][0]["id_number"]}})["ok"] == true);
  CHECK(reason_of(c, "emulator.place_id_card", json{{"id_number", "nobody"}}) == "unknown_citizen");

  // everything journalled reaches central
  call(c, "sync.now", json{{"token", token}});
  const auto last = daemon->journal().outbox_state().last_seq;
  REQUIRE(last >= 3);
  REQUIRE(daemon->sync_engine()->wait_for_ack(last, std::chrono::seconds(20)));
  CHECK(daemon->journal().outbox_state().last_acknowledged == last);
  CHECK(k.central.acknowledged("kiosk-dev-001") == last);
  const json sync = call(c, "sync.status");
  CHECK(sync["central_reachable"] == true);

  call(c, "maintenance.logout", json{{"token", token}});
  CHECK(reason_of(c, "txn.list", json{{"token", token}}) == "maintenance_required");
}

TEST_CASE("kioskd refuses to start without its signing key, or in simulation without one built",
          "[kioskd]") {
  testing::TempDir dir;
  auto config = testing::kioskd_config(dir.path, nullptr);
  std::string error;
  CHECK_FALSE(kioskd::Kioskd::create(config, &error, kioskd::simulation()));  // no signing key file
  CHECK_THAT(error, Catch::Contains("signing key"));
  // A release build hands in no simulation: asking for it is a clear start-up error.
  CHECK_FALSE(kioskd::Kioskd::create(config, &error));
  CHECK_THAT(error, Catch::Contains("no simulation"));
}

TEST_CASE(
    "a licence is renewed end to end: scripted citizen, real central, journal, emulated devices",
    "[kioskd][integration][renewal]") {
  testing::RunningKioskd k;
  const auto& config = k.config;
  const auto& daemon = k.daemon;
  rpc::Client& c = *k.client;
  const std::string token = login_tech(c);
  call(c, "stock.load", testing::blank_cards(token, 5));

  citizen::CitizenOptions co;
  co.socket = config.socket_path;
  co.timeout = std::chrono::seconds(60);
  std::vector<std::string> lines;
  co.log = [&lines](const std::string& l) { lines.push_back(l); };
  const auto report = citizen::run_citizen(co);
  std::string transcript;
  for (const auto& l : lines) transcript += l + "\n";
  INFO(transcript);
  REQUIRE(report.completed);
  REQUIRE(report.card_images.size() == 2);  // front and back
  for (const auto& p : report.card_images) CHECK(std::filesystem::exists(p));
  CHECK(std::filesystem::exists(report.receipt_image));

  // the journal: one finished renewal, card issued
  auto txns = daemon->journal().recent_transactions(5);
  REQUIRE(txns.ok());
  REQUIRE(txns.value().size() == 1);
  CHECK(txns.value()[0].service == "renewal");
  CHECK(txns.value()[0].outcome == std::optional<std::string>("completed"));
  auto stock = daemon->journal().stock_counts();
  REQUIRE(stock.ok());
  CHECK(stock.value().issued == 1);
  CHECK(stock.value().reserved == 0);

  // the outbox reaches central, contiguous
  const auto last = daemon->journal().outbox_state().last_seq;
  daemon->sync_engine()->sync_now();
  REQUIRE(daemon->sync_engine()->wait_for_ack(last, std::chrono::seconds(20)));
  CHECK(k.central.acknowledged("kiosk-dev-001") >= last);
}

TEST_CASE("personal data of an acknowledged renewal is purged once the retention has passed",
          "[kioskd][integration][retention]") {
  testing::RunningKioskd k([](kioskd::KioskdConfig& config) {
    config.retention = std::chrono::hours(0);
    config.purge_interval = std::chrono::seconds(1);
  });
  const auto& config = k.config;
  const auto& daemon = k.daemon;
  {
    const std::string token = login_tech(*k.client);
    call(*k.client, "stock.load", testing::blank_cards(token, 2));
    k.client.reset();
  }
  citizen::CitizenOptions co;
  co.socket = config.socket_path;
  co.timeout = std::chrono::seconds(60);
  REQUIRE(citizen::run_citizen(co).completed);
  const auto last = daemon->journal().outbox_state().last_seq;
  daemon->sync_engine()->sync_now();
  REQUIRE(daemon->sync_engine()->wait_for_ack(last, std::chrono::seconds(20)));

  // The housekeeping pass runs every second: wait for it to purge (bounded), then check.
  bool purged = false;
  for (int i = 0; i < 100 && !purged; ++i) {
    auto txns = daemon->journal().recent_transactions(1);
    REQUIRE(txns.ok());
    REQUIRE(txns.value().size() == 1);
    purged = txns.value()[0].personal_data_purged;
    if (!purged) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  CHECK(purged);
  auto txns = daemon->journal().recent_transactions(1);
  auto detail = daemon->journal().transaction(txns.value()[0].id);
  REQUIRE(detail.ok());
  for (const auto& step : detail.value().steps) CHECK(step.personal.is_null());
}
