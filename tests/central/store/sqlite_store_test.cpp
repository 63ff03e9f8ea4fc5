#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "tests/central/store/store_suite.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kiosk::central;

using kiosk::testing::TempDir;

TEST_CASE("the SQLite backend passes the store conformance suite", "[store][sqlite]") {
  TempDir dir;
  int n = 0;
  testing::run_store_suite([&] {
    return store::open_store("sqlite:" + (dir.path / ("db" + std::to_string(++n))).string());
  });
}

TEST_CASE("a SQLite database from a newer server is refused", "[store][sqlite]") {
  TempDir dir;
  const auto file = (dir.path / "db").string();
  store::open_store("sqlite:" + file).reset();
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  try {
    store::open_store("sqlite:" + file);
    FAIL("a newer schema was accepted");
  } catch (const store::StoreError& e) {
    CHECK(e.kind() == store::StoreError::Kind::schema_too_new);
  }
}

TEST_CASE("a SQLite store keeps its data across reopening and runs WAL", "[store][sqlite]") {
  TempDir dir;
  const auto url = "sqlite:" + (dir.path / "db").string();
  {
    auto s = store::open_store(url);
    s->put_heartbeat("k-1", "{}", 1);
    CHECK(s->backend() == "sqlite");
  }
  auto s = store::open_store(url);
  CHECK(s->fleet().size() == 1);
  CHECK(std::filesystem::exists(dir.path / "db-wal"));
}

TEST_CASE("an unknown database URL is refused", "[store]") {
  CHECK_THROWS_AS(store::open_store("mysql://x"), store::StoreError);
  CHECK_THROWS_AS(store::open_store("sqlite:"), store::StoreError);
}
