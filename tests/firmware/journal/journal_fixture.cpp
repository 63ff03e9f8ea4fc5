#include "tests/firmware/journal/journal_fixture.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

namespace kiosk::journal::test {
namespace fs = std::filesystem;

namespace {
protocol::PrivateKey fresh_key() {
  auto k = protocol::PrivateKey::generate_p256();
  REQUIRE(k);
  return *k;
}
std::atomic<int> counter{0};
}  // namespace

Fixture::Fixture(const std::string& name)
    : dir(fs::temp_directory_path() / ("kiosk_journal_" + name + "_" + std::to_string(::getpid()) +
                                       "_" + std::to_string(counter++))),
      key(fresh_key()) {
  fs::remove_all(dir);
  fs::create_directories(dir);
  db = dir / "journal.db";
}

Fixture::~Fixture() {
  std::error_code ec;
  fs::remove_all(dir, ec);
}

JournalOptions Fixture::options() const {
  JournalOptions o;
  o.path = db;
  o.data_key.fill(0x42);
  o.kiosk_id = "k-001";
  o.signing_key_pem = key.to_pem();
  o.clock = clock.fn();
  return o;
}

std::unique_ptr<Journal> Fixture::open() const {
  auto j = Journal::open(options());
  if (!j) FAIL("open failed: " << to_string(j.error().code) << " " << j.error().message);
  return std::move(*j);
}

std::string query_text(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  sqlite3_busy_timeout(h, 5000);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  std::string out;
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}

bool try_exec_sql(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(h);
    return false;
  }
  sqlite3_busy_timeout(h, 5000);
  const int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(h);
  return rc == SQLITE_OK;
}

void exec_sql(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  sqlite3_busy_timeout(h, 5000);
  char* err = nullptr;
  const int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
  const std::string message = err != nullptr ? err : "";
  sqlite3_free(err);
  sqlite3_close(h);
  INFO(message);
  REQUIRE(rc == SQLITE_OK);
}

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

StepRecord make_step(const std::string& name, Phase phase, nlohmann::json personal) {
  StepRecord s;
  s.step = name;
  s.phase = phase;
  s.data = {{"attempt", 1}};
  s.personal = std::move(personal);
  s.idempotency_key = "idem-" + name + "-" + to_string(phase);
  return s;
}

}  // namespace kiosk::journal::test
