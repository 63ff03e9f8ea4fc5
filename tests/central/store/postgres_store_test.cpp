#include <catch2/catch.hpp>

#include <libpq-fe.h>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "protocol/crypto/sha256.hpp"
#include "protocol/wire/record.hpp"
#include "tests/central/store/store_suite.hpp"
#include "tests/central/support/pg_cluster.hpp"

using namespace kiosk::central;
namespace protocol = kiosk::protocol;

namespace {

testing::PgCluster& cluster() {
  std::string why;
  auto* c = testing::PgCluster::instance(&why);
  if (c == nullptr) {
    std::cerr << "SKIPPED: " << why << '\n';
    std::exit(testing::kSkipReturnCode);  // ctest: SKIP_RETURN_CODE
  }
  return *c;
}

}  // namespace

TEST_CASE("the PostgreSQL backend passes the store conformance suite", "[store][postgresql]") {
  auto& pg = cluster();
  testing::run_store_suite([&] { return store::open_store(pg.create_database()); });
}

TEST_CASE("a PostgreSQL database from a newer server is refused", "[store][postgresql]") {
  const auto url = cluster().create_database();
  CHECK(store::open_store(url)->backend() == "postgresql");
  PGconn* conn = PQconnectdb(url.c_str());
  PQclear(PQexec(conn, "INSERT INTO schema_version (version) VALUES (99)"));
  PQfinish(conn);
  try {
    store::open_store(url);
    FAIL("a newer schema was accepted");
  } catch (const store::StoreError& e) {
    CHECK(e.kind() == store::StoreError::Kind::schema_too_new);
  }
}

TEST_CASE("two PostgreSQL stores on one database keep a kiosk's sequence contiguous",
          "[store][postgresql]") {
  const auto url = cluster().create_database();
  auto a = store::open_store(url);
  auto b = store::open_store(url);  // a second server instance: migration is a no-op
  CHECK(b->schema_version() == store::latest_schema_version());

  // Both instances receive the same kiosk's batches at once (a kiosk retrying on another
  // instance): every record is stored exactly once and the chain stays contiguous.
  const auto key = protocol::PrivateKey::generate_p256().value();
  std::vector<store::PreparedRecord> chain;
  std::string prev(wire::kGenesisHash);
  for (std::uint64_t s = 1; s <= 200; ++s) {
    auto r = wire::make_signed_record("k-1", s, "session.step", "2026-11-28T09:00:00Z",
                                      nlohmann::json{{"n", s}}, prev, key);
    store::PreparedRecord p{*r, wire::canonical_bytes(*r).value(), ""};
    p.hash = protocol::sha256_hex(p.canonical);
    prev = p.hash;
    chain.push_back(std::move(p));
  }
  std::atomic<int> stored{0}, failures{0};
  auto uploader = [&](store::Store& s) {
    for (std::size_t b0 = 0; b0 < chain.size(); b0 += 20) {
      std::vector<store::PreparedRecord> batch(chain.begin() + static_cast<long>(b0),
                                               chain.begin() + static_cast<long>(b0 + 20));
      for (int attempt = 0;; ++attempt) {
        auto r = s.append_events("k-1", batch, 1);
        if (r.status == store::AppendOutcome::Status::stored) {
          stored += static_cast<int>(r.stored);
          break;
        }
        if (r.status != store::AppendOutcome::Status::sequence_gap || attempt > 1000) {
          ++failures;
          break;
        }
        std::this_thread::yield();
      }
    }
  };
  std::thread ta([&] { uploader(*a); });
  std::thread tb([&] { uploader(*b); });
  ta.join();
  tb.join();
  CHECK(failures == 0);
  CHECK(stored == 200);
  CHECK(a->event_count() == 200);
  CHECK(b->head("k-1").seq == 200);
  CHECK(b->head("k-1").hash == chain.back().hash);
}

namespace {
// Every row of the tables that hold what kiosks sent or were answered, as text.
std::string stored_rows(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  std::string all;
  for (const char* table :
       {"idempotency", "issuances", "elicence_reissues", "payments", "events"}) {
    PGresult* r = PQexec(conn, (std::string("SELECT t::text FROM ") + table + " t").c_str());
    REQUIRE(PQresultStatus(r) == PGRES_TUPLES_OK);
    for (int i = 0; i < PQntuples(r); ++i) all += std::string(PQgetvalue(r, i, 0)) + '\n';
    PQclear(r);
  }
  PQfinish(conn);
  return all;
}
}  // namespace

TEST_CASE("purged personal data is gone from the PostgreSQL rows",
          "[store][postgresql][retention]") {
  const auto url = cluster().create_database();
  auto s = store::open_store(url);
  testing::store_personal_records(*s);
  REQUIRE(stored_rows(url).find(testing::kOldIdNumber) != std::string::npos);
  REQUIRE(stored_rows(url).find(testing::kOldName) != std::string::npos);

  CHECK(s->purge_personal_data(500000).total() > 0);
  const auto rows = stored_rows(url);
  CHECK(rows.find(testing::kOldIdNumber) == std::string::npos);
  CHECK(rows.find(testing::kOldName) == std::string::npos);
  CHECK(rows.find(testing::kNewIdNumber) != std::string::npos);
}

TEST_CASE("a PostgreSQL constraint error names the constraint, never the row's values",
          "[store][postgresql]") {
  const auto url = cluster().create_database();
  auto s = store::open_store(url);
  const std::string authorisation = "a-310104198101011228";  // a key that carries a value
  s->insert_issuance({authorisation, "k-1", testing::kNewIdNumber, "reserved", "{}", 1});
  try {
    s->insert_issuance({authorisation, "k-1", testing::kNewIdNumber, "reserved", "{}", 2});
    FAIL("a duplicate authorisation was stored");
  } catch (const store::StoreError& e) {
    const std::string message = e.what();
    CHECK(message.find("issuances_pkey") != std::string::npos);
    CHECK(message.find("23505") != std::string::npos);
    CHECK(message.find("310104198101011228") == std::string::npos);
    CHECK(message.find("DETAIL") == std::string::npos);
  }
}
