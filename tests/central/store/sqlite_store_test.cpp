#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

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

namespace {
std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary | std::ios::ate);
  if (!in) return {};
  std::string bytes(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

// The database file and its WAL, as a disk image would show them.
bool on_disk(const std::filesystem::path& db, const std::string& value) {
  for (const auto& p : {db, std::filesystem::path(db.string() + "-wal")}) {
    if (file_bytes(p).find(value) != std::string::npos) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("purged personal data is gone from the SQLite file and its WAL, not just the rows",
          "[store][sqlite][retention]") {
  TempDir dir;
  const auto file = dir.path / "db";
  auto s = store::open_store("sqlite:" + file.string());
  testing::store_personal_records(*s);
  // The search finds what is there: before the purge both citizens are on disk.
  REQUIRE(on_disk(file, testing::kOldIdNumber));
  REQUIRE(on_disk(file, testing::kOldName));

  CHECK(s->purge_personal_data(500000).total() > 0);
  CHECK_FALSE(on_disk(file, testing::kOldIdNumber));
  CHECK_FALSE(on_disk(file, testing::kOldName));
  CHECK(on_disk(file, testing::kNewIdNumber));
  CHECK(on_disk(file, testing::kNewName));
}
