// The kiosk-central commands (central/server/admin.hpp).
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <future>
#include <sstream>
#include <thread>

#include "central/pki/files.hpp"
#include "central/server/admin.hpp"
#include "protocol/crypto/sha256.hpp"
#include "protocol/wire/record.hpp"
#include "tests/central/support/kiosk_client.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kiosk::central;
namespace protocol = kiosk::protocol;
using nlohmann::json;

namespace {

using kiosk::testing::TempDir;

std::vector<store::PreparedRecord> journal(
    const std::string& kiosk, const std::vector<std::pair<std::string, json>>& events) {
  static const auto key = protocol::PrivateKey::generate_p256().value();
  std::vector<store::PreparedRecord> out;
  std::string prev(wire::kGenesisHash);
  std::uint64_t seq = 0;
  for (const auto& [type, payload] : events) {
    auto r =
        wire::make_signed_record(kiosk, ++seq, type, "2026-11-28T09:00:00Z", payload, prev, key);
    store::PreparedRecord p{*r, wire::canonical_bytes(*r).value(), ""};
    p.hash = protocol::sha256_hex(p.canonical);
    prev = p.hash;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

TEST_CASE("kiosk-central dev starts with a dev PKI and a seeded registry in one command",
          "[admin]") {
  TempDir dir;
  std::atomic<bool> stop{false};
  std::promise<int> listening;
  std::ostringstream out;
  std::thread server([&] {
    admin::dev(dir.path, "127.0.0.1:0", &stop, out, [&](int port) { listening.set_value(port); });
  });
  auto port_future = listening.get_future();
  REQUIRE(port_future.wait_for(std::chrono::seconds(60)) == std::future_status::ready);
  const int port = port_future.get();
  const auto pki_dir = dir.path / "pki";
  {  // clients close their keep-alive connections before the server stops
    testing::KioskClient kiosk(
        port, protocol::read_text_file(pki_dir / "ca.pem").value(),
        protocol::read_text_file(pki_dir / "kiosks" / "kiosk-dev-001.pem").value(),
        protocol::read_text_file(pki_dir / "kiosks" / "kiosk-dev-001.key").value());
    CHECK(kiosk.get("/v1/config?have=0").status == 200);
    CHECK(kiosk.get("/v1/events/ack").status == 200);
    std::ostringstream operator_out;  // `out` belongs to the server thread
    REQUIRE(admin::pki_operator(pki_dir, "office", operator_out) == 0);
    testing::KioskClient office_operator(
        port, protocol::read_text_file(pki_dir / "ca.pem").value(),
        protocol::read_text_file(pki_dir / "operators" / "admin.office.pem").value(),
        protocol::read_text_file(pki_dir / "operators" / "admin.office.key").value());
    auto fleet = office_operator.get("/v1/fleet");
    CHECK(fleet.status == 200);
    CHECK(fleet.body.find("kiosk-dev-001") != std::string::npos);
    CHECK(kiosk.get("/v1/fleet").status == 403);
  }
  stop = true;
  server.join();
  CHECK(store::open_store("sqlite:" + (dir.path / "central.db").string())->citizen_count() >= 18);
  CHECK(out.str().find("seeded") != std::string::npos);
}

TEST_CASE("the reconciliation report counts cards per kiosk from uploaded events", "[admin]") {
  auto db = store::open_store("sqlite::memory:");
  db->append_events("k-1",
                    journal("k-1", {{"card.stock_loaded", json{{"count", 100}}},
                                    {"card.issued", json::object()},
                                    {"card.spoiled", json{{"reason", "ribbon"}}}}),
                    1);
  db->append_events("k-2",
                    journal("k-2", {{"card.stock_loaded", json{{"count", 50}}},
                                    {"card.retained", json::object()}}),
                    1);
  std::ostringstream out;
  REQUIRE(admin::reconcile(*db, out) == 0);
  const std::string text = out.str();
  CHECK(text.find("k-1                      100       1        1         0        98") !=
        std::string::npos);
  CHECK(text.find("k-2                       50       0        0         1        49") !=
        std::string::npos);
  CHECK(text.find("TOTAL                    150       1        1         1       147") !=
        std::string::npos);
}

TEST_CASE("kiosks and transactions list what was synced without full ID numbers", "[admin]") {
  auto db = store::open_store("sqlite::memory:");
  db->upsert_kiosk("k-1", "AB", 1);
  db->put_heartbeat("k-1", R"({"software_version":"0.1.0","card_stock":97,"outbox_depth":2})",
                    1795867200);
  db->append_events("k-1", journal("k-1", {{"session.started", json::object()}}), 1);
  db->insert_issuance(store::IssuanceRow{"a-1", "k-1", "110101199001011234", "reserved", "{}", 1});
  std::ostringstream kiosks, transactions;
  admin::list_kiosks(*db, kiosks);
  CHECK(kiosks.str().find("k-1") != std::string::npos);
  CHECK(kiosks.str().find("card_stock=97") != std::string::npos);
  admin::list_transactions(*db, 10, transactions);
  CHECK(transactions.str().find("session.started") != std::string::npos);
  CHECK(transactions.str().find("**************1234") != std::string::npos);
  CHECK(transactions.str().find("110101199001011234") == std::string::npos);
}

TEST_CASE("an enrolment token is printed once and stored only as a salted hash", "[admin]") {
  auto db = store::open_store("sqlite::memory:");
  std::ostringstream out;
  REQUIRE(admin::issue_token(*db, "k-7", 24, out) == 0);
  const std::string token = out.str().substr(0, out.str().size() - 1);
  CHECK(token.size() == 43);
  auto open = db->open_enrolment_tokens("k-7", 0);
  REQUIRE(open.size() == 1);
  CHECK(open[0].hash != token);
  std::ostringstream bad;
  CHECK(admin::issue_token(*db, "bad id", 24, bad) == 2);
}

TEST_CASE("a newer configuration is signed and published, an older one refused", "[admin]") {
  TempDir dir;
  std::ostringstream out;
  REQUIRE(admin::pki_init(dir.path / "pki", out) == 0);
  auto db = store::open_store("sqlite::memory:");
  REQUIRE(admin::seed(*db, admin::SeedOptions{"2026-11-28", dir.path / "pki"}, out) == 0);
  auto v1 = json::parse(json::parse(db->latest_config()->second)["payload"].get<std::string>());
  v1["version"] = 2;
  v1["fees"]["renewal"] = 1500;
  const auto file = dir.path / "v2.json";
  REQUIRE(pki::write_text_file(file, v1.dump(), false).ok());
  CHECK(admin::publish_config(*db, dir.path / "pki", file, out) == 0);
  CHECK(db->latest_config()->first == 2);
  CHECK(admin::publish_config(*db, dir.path / "pki", file, out) == 2);  // not newer
  v1["unknown_field"] = true;
  REQUIRE(pki::write_text_file(file, v1.dump(), false).ok());
  CHECK(admin::publish_config(*db, dir.path / "pki", file, out) == 2);  // strict parsing
}

TEST_CASE("verify-chain re-checks a kiosk's stored journal and names the first break", "[admin]") {
  TempDir dir;
  const std::string url = "sqlite:" + (dir.path / "central.db").string();
  {
    auto db = store::open_store(url);
    db->append_events("k-1",
                      journal("k-1", {{"session.started", json::object()},
                                      {"card.issued", json{{"serial", "C0000001"}}},
                                      {"session.ended", json::object()}}),
                      1);
    std::ostringstream out;
    CHECK(admin::verify_chain(*db, "k-1", out) == 0);
    CHECK_THAT(out.str(), Catch::Contains("intact: 3 records, head seq 3"));
    std::ostringstream unknown;
    CHECK(admin::verify_chain(*db, "k-9", unknown) == 2);
  }
  // Someone with database access edits a stored record: its hash no longer matches.
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open((dir.path / "central.db").c_str(), &raw) == SQLITE_OK);
  REQUIRE(sqlite3_exec(raw,
                       "UPDATE events SET payload = '{\"serial\":\"C0000099\"}' "
                       "WHERE kiosk_id = 'k-1' AND seq = 2",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(raw);
  auto db = store::open_store(url);
  std::ostringstream out;
  CHECK(admin::verify_chain(*db, "k-1", out) == 1);
  CHECK_THAT(out.str(), Catch::Contains("BROKEN at seq 2"));
  CHECK_THAT(out.str(), Catch::Contains("differ from their stored hash"));
}
