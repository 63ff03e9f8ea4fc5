#include "firmware/journal/schema.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "tests/firmware/journal/journal_fixture.hpp"

using namespace kiosk::journal;
using namespace kiosk::journal::test;

TEST_CASE("a new journal is migrated from empty to the current schema", "[journal]") {
  Fixture fx("migrate");
  { auto j = fx.open(); }
  CHECK(query_text(fx.db, "PRAGMA user_version") == std::to_string(current_schema_version()));
  CHECK(query_text(fx.db, "PRAGMA journal_mode") == "wal");
  for (const char* table : {"transactions", "steps", "outbox", "sync_state", "stock_batches",
                            "cards", "audit_log", "settings"}) {
    CHECK(query_text(fx.db, std::string("SELECT COUNT(*) FROM sqlite_master WHERE name = '") +
                                table + "'") == "1");
  }
  struct stat st {};
  REQUIRE(::stat(fx.db.c_str(), &st) == 0);
  CHECK((st.st_mode & 0077) == 0);
}

TEST_CASE("a reopened journal keeps its data and its schema version", "[journal]") {
  Fixture fx("reopen");
  std::string txn;
  {
    auto j = fx.open();
    auto t = j->begin_transaction("renewal");
    REQUIRE(t);
    txn = *t;
    REQUIRE(j->record_step(txn, make_step("identified", Phase::done)));
    REQUIRE(j->set_setting("opening_message", "hello"));
  }
  auto j = fx.open();
  auto d = j->transaction(txn);
  REQUIRE(d);
  CHECK(d->steps.size() == 1);
  CHECK(j->outbox_state().last_seq == 2);
  auto s = j->get_setting("opening_message");
  REQUIRE(s);
  CHECK(*s == std::optional<std::string>("hello"));
  CHECK(query_text(fx.db, "PRAGMA user_version") == std::to_string(current_schema_version()));
}

TEST_CASE("a journal written by newer firmware is refused with newer_schema", "[journal]") {
  Fixture fx("newer");
  { auto j = fx.open(); }
  exec_sql(fx.db, "PRAGMA user_version = " + std::to_string(current_schema_version() + 1));
  auto j = Journal::open(fx.options());
  REQUIRE_FALSE(j);
  CHECK(j.error().code == Errc::newer_schema);
  CHECK(query_text(fx.db, "PRAGMA user_version") == std::to_string(current_schema_version() + 1));
}

TEST_CASE("a failing migration is rolled back and leaves the previous version", "[journal]") {
  Fixture fx("failmig");
  auto db = sql::Db::open(fx.db);
  REQUIRE(db);
  const std::string_view steps[] = {"CREATE TABLE a (x INTEGER);",
                                    "CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1);"};
  auto r = prepare_schema(*db, steps);
  REQUIRE_FALSE(r);
  CHECK(query_text(fx.db, "PRAGMA user_version") == "1");
  CHECK(query_text(fx.db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'a'") == "1");
  CHECK(query_text(fx.db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'") == "0");
}

TEST_CASE("a file that is not a database is refused as corrupt", "[journal]") {
  Fixture fx("notadb");
  {
    std::FILE* f = std::fopen(fx.db.c_str(), "wb");
    REQUIRE(f != nullptr);
    const std::string junk(8192, 'J');
    std::fwrite(junk.data(), 1, junk.size(), f);
    std::fclose(f);
  }
  auto j = Journal::open(fx.options());
  REQUIRE_FALSE(j);
  CHECK(j.error().code == Errc::corrupt);
}

TEST_CASE("a journal cannot be opened for another kiosk or with a bad signing key", "[journal]") {
  Fixture fx("mismatch");
  { auto j = fx.open(); }
  auto o = fx.options();
  o.kiosk_id = "k-002";
  auto other = Journal::open(o);
  REQUIRE_FALSE(other);
  CHECK(other.error().code == Errc::kiosk_mismatch);

  auto bad = fx.options();
  bad.signing_key_pem = "not a key";
  auto b = Journal::open(bad);
  REQUIRE_FALSE(b);
  CHECK(b.error().code == Errc::bad_key);

  auto bad_id = fx.options();
  bad_id.kiosk_id = "bad id!";
  auto c = Journal::open(bad_id);
  REQUIRE_FALSE(c);
  CHECK(c.error().code == Errc::bad_key);
}
