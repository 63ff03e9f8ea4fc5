#include <catch2/catch.hpp>

#include <libpq-fe.h>

#include <cstdlib>
#include <iostream>

#include "tests/central/store/store_suite.hpp"
#include "tests/central/support/pg_cluster.hpp"

using namespace kiosk::central;

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
  a->put_heartbeat("k-1", "{}", 1);
  CHECK(b->fleet().size() == 1);
}
