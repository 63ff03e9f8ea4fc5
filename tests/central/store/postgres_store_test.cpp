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
