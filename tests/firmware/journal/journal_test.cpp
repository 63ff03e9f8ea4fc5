#include "firmware/journal/journal.hpp"

#include <catch2/catch.hpp>

#include "tests/firmware/journal/journal_fixture.hpp"

using namespace kiosk::journal;
using namespace kiosk::journal::test;
using nlohmann::json;

TEST_CASE("transaction ids have the tx- prefix and 32 hex digits", "[journal]") {
  Fixture fx("ids");
  auto j = fx.open();
  auto a = j->begin_transaction("renewal");
  auto b = j->begin_transaction("renewal");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->size() == 35);
  CHECK(a->rfind("tx-", 0) == 0);
  CHECK(a->find_first_not_of("0123456789abcdef", 3) == std::string::npos);
  CHECK(*a != *b);
}

TEST_CASE("steps are read back in order with personal data decrypted", "[journal]") {
  Fixture fx("steps");
  auto j = fx.open();
  auto txn = j->begin_transaction("renewal");
  REQUIRE(txn);
  const json person{{"name", "Zhang Xiaoming"}, {"id_number", "110101199001011234"}};
  auto s1 = j->record_step(*txn, make_step("identified", Phase::intent));
  auto s2 = j->record_step(*txn, make_step("identified", Phase::done, person));
  REQUIRE(s1);
  REQUIRE(s2);
  CHECK(*s2 == *s1 + 1);
  auto d = j->transaction(*txn);
  REQUIRE(d);
  REQUIRE(d->steps.size() == 2);
  CHECK(d->steps[0].phase == Phase::intent);
  CHECK(d->steps[0].personal.is_null());
  CHECK(d->steps[1].personal == person);
  CHECK(d->steps[1].data == json{{"attempt", 1}});
  CHECK(d->steps[1].outbox_seq == *s2);
  CHECK(d->summary.last_step == std::optional<std::string>("identified"));
  CHECK(d->summary.last_phase == std::optional<Phase>(Phase::done));
  CHECK(d->summary.step_count == 2);
}

TEST_CASE("personal data never appears in plaintext in the database or its WAL", "[journal]") {
  Fixture fx("plaintext");
  const std::string name = "Synthetic Citizen Qwertyuiop";
  const std::string id_number = "990101190001019999";
  {
    auto j = fx.open();
    auto txn = j->begin_transaction("renewal");
    REQUIRE(txn);
    for (int i = 0; i < 5; ++i) {
      REQUIRE(j->record_step(*txn, make_step("identified" + std::to_string(i), Phase::done,
                                             json{{"name", name}, {"id", id_number}})));
    }
    auto back = j->transaction(*txn);
    REQUIRE(back);
    CHECK(back->steps[4].personal["name"] == name);
    // While open, the data is in the -wal file; check both.
    const std::string bytes = read_bytes(fx.db) + read_bytes(fx.db.string() + "-wal");
    CHECK(bytes.size() > 1000);
    CHECK(bytes.find(name) == std::string::npos);
    CHECK(bytes.find(id_number) == std::string::npos);
    CHECK(bytes.find("Qwertyuiop") == std::string::npos);
  }
  const std::string after = read_bytes(fx.db) + read_bytes(fx.db.string() + "-wal");
  CHECK(after.find(name) == std::string::npos);
  CHECK(after.find(id_number) == std::string::npos);
}

TEST_CASE("a step's sealed personal data moved to another row fails to open", "[journal]") {
  Fixture fx("moved");
  std::string txn;
  {
    auto j = fx.open();
    txn = *j->begin_transaction("renewal");
    REQUIRE(j->record_step(txn, make_step("identified", Phase::done, json{{"name", "A"}})));
    REQUIRE(j->record_step(txn, make_step("photo", Phase::done, json{{"name", "B"}})));
  }
  exec_sql(fx.db,
           "UPDATE steps SET personal = (SELECT personal FROM steps WHERE step = 'identified')"
           " WHERE step = 'photo'");
  auto j = fx.open();
  auto d = j->transaction(txn);
  REQUIRE_FALSE(d);
  CHECK(d.error().code == Errc::crypto);
}

TEST_CASE("the wrong data key cannot read personal data", "[journal]") {
  Fixture fx("wrongkey");
  std::string txn;
  {
    auto j = fx.open();
    txn = *j->begin_transaction("renewal");
    REQUIRE(j->record_step(txn, make_step("identified", Phase::done, json{{"name", "A"}})));
  }
  auto o = fx.options();
  o.data_key.fill(0x43);
  auto j = Journal::open(o);
  REQUIRE(j);
  auto d = (*j)->transaction(txn);
  REQUIRE_FALSE(d);
  CHECK(d.error().code == Errc::crypto);
}

TEST_CASE("finishing is recorded once and steps after it are refused", "[journal]") {
  Fixture fx("finish");
  auto j = fx.open();
  auto txn = *j->begin_transaction("renewal");
  REQUIRE(j->record_step(txn, make_step("identified", Phase::done)));
  REQUIRE(j->finish_transaction(txn, "completed"));
  const auto seq = j->outbox_state().last_seq;
  REQUIRE(j->finish_transaction(txn, "completed"));  // safe retry: no new record
  CHECK(j->outbox_state().last_seq == seq);
  auto other = j->finish_transaction(txn, "cancelled");
  REQUIRE_FALSE(other);
  CHECK(other.error().code == Errc::already_finished);
  auto late = j->record_step(txn, make_step("extra", Phase::intent));
  REQUIRE_FALSE(late);
  CHECK(late.error().code == Errc::already_finished);
  auto unknown =
      j->record_step("tx-00000000000000000000000000000000", make_step("x", Phase::intent));
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == Errc::not_found);
}

TEST_CASE("unfinished and recent transactions are listed for recovery and display", "[journal]") {
  Fixture fx("lists");
  auto j = fx.open();
  auto a = *j->begin_transaction("renewal");
  auto b = *j->begin_transaction("replacement");
  auto c = *j->begin_transaction("query");
  REQUIRE(j->record_step(b, make_step("paid", Phase::intent)));
  REQUIRE(j->finish_transaction(c, "completed"));
  auto open = j->unfinished_transactions();
  REQUIRE(open);
  REQUIRE(open->size() == 2);
  CHECK((*open)[0].id == a);
  CHECK((*open)[1].id == b);
  CHECK((*open)[1].last_step == std::optional<std::string>("paid"));
  CHECK((*open)[1].last_phase == std::optional<Phase>(Phase::intent));
  auto recent = j->recent_transactions(2);
  REQUIRE(recent);
  REQUIRE(recent->size() == 2);
  CHECK((*recent)[0].id == c);
  CHECK((*recent)[0].outcome == std::optional<std::string>("completed"));
  CHECK((*recent)[1].id == b);
}

TEST_CASE("step data with a float is refused and nothing is written", "[journal]") {
  Fixture fx("float");
  auto j = fx.open();
  auto txn = *j->begin_transaction("renewal");
  const auto before = j->outbox_state();
  auto s = make_step("paid", Phase::done);
  s.data = json{{"amount", 12.5}};
  auto r = j->record_step(txn, s);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::invalid_argument);
  CHECK(j->outbox_state().last_seq == before.last_seq);
  CHECK(j->transaction(txn)->steps.empty());
}

TEST_CASE("settings are stored, replaced and missing ones are empty", "[journal]") {
  Fixture fx("settings");
  auto j = fx.open();
  auto missing = j->get_setting("nope");
  REQUIRE(missing);
  CHECK_FALSE(missing->has_value());
  REQUIRE(j->set_setting("config.version", "3"));
  REQUIRE(j->set_setting("config.version", "4"));
  CHECK(**j->get_setting("config.version") == "4");
}

TEST_CASE("the journal passes its integrity check after normal use", "[journal]") {
  Fixture fx("integrity");
  auto j = fx.open();
  auto txn = *j->begin_transaction("renewal");
  REQUIRE(j->record_step(txn, make_step("identified", Phase::done, json{{"n", "x"}})));
  CHECK(j->check_integrity());
}
