#include <catch2/catch.hpp>

#include "firmware/journal/journal.hpp"
#include "protocol/wire/record.hpp"
#include "tests/firmware/journal/journal_fixture.hpp"

using namespace kiosk::journal;
using namespace kiosk::journal::test;
namespace wire = kiosk::protocol::wire;
namespace protocol = kiosk::protocol;
using nlohmann::json;

namespace {

// Every record verifies with the kiosk's public key, seq runs 1..n and prev_hash chains.
void check_chain(const std::vector<wire::Record>& records, const protocol::PublicKey& pub) {
  std::string prev(wire::kGenesisHash);
  std::uint64_t seq = 1;
  for (const auto& r : records) {
    INFO("seq " << r.seq);
    CHECK(r.seq == seq);
    CHECK(r.kiosk_id == "k-001");
    CHECK(r.prev_hash == prev);
    CHECK(wire::verify_record(r, pub));
    auto h = wire::record_hash(r);
    REQUIRE(h);
    prev = *h;
    ++seq;
  }
}

protocol::PublicKey public_of(const Fixture& fx) {
  auto pub = protocol::PublicKey::from_pem(fx.key.public_key_pem());
  REQUIRE(pub);
  return *pub;
}

}  // namespace

TEST_CASE("outbox records are signed and chained so central's verify_record accepts them",
          "[journal][outbox]") {
  Fixture fx("chain");
  auto j = fx.open();
  auto txn = *j->begin_transaction("renewal");
  REQUIRE(j->record_step(txn, make_step("identified", Phase::intent)));
  REQUIRE(j->record_step(txn, make_step("identified", Phase::done, json{{"name", "Secret"}})));
  REQUIRE(j->append_event("device.fault", json{{"device", "printer"}, {"code", 7}}));
  REQUIRE(j->finish_transaction(txn, "completed"));
  auto records = j->outbox_after(0, 100);
  REQUIRE(records);
  REQUIRE(records->size() == 5);
  check_chain(*records, public_of(fx));
  CHECK((*records)[0].type == "txn.started");
  CHECK((*records)[1].type == "txn.step");
  CHECK((*records)[1].payload["phase"] == "intent");
  CHECK((*records)[2].payload["step"] == "identified");
  CHECK((*records)[2].payload["txn"] == txn);
  CHECK((*records)[2].payload["service"] == "renewal");
  CHECK((*records)[2].payload["idempotency_key"] == "idem-identified-done");
  CHECK((*records)[3].type == "device.fault");
  CHECK((*records)[4].type == "txn.finished");
  CHECK((*records)[4].payload["outcome"] == "completed");
  for (const auto& r : *records) CHECK(r.payload.dump().find("Secret") == std::string::npos);
  // The whole batch round-trips through central's strict parser.
  auto parsed = wire::batch_from_body(wire::batch_to_body(*records));
  REQUIRE(parsed);
  CHECK(*parsed == *records);
}

TEST_CASE("the hash chain stays contiguous across a reopen", "[journal][outbox]") {
  Fixture fx("chainreopen");
  {
    auto j = fx.open();
    for (int i = 0; i < 3; ++i) REQUIRE(j->append_event("maintenance.ping", json{{"i", i}}));
  }
  {
    auto j = fx.open();
    CHECK(j->outbox_state().last_seq == 3);
    auto seq = j->append_event("maintenance.ping", json{{"i", 3}});
    REQUIRE(seq);
    CHECK(*seq == 4);
  }
  auto j = fx.open();
  auto records = j->outbox_after(0, 10);
  REQUIRE(records);
  REQUIRE(records->size() == 4);
  check_chain(*records, public_of(fx));
}

TEST_CASE("outbox_after pages through the records in order", "[journal][outbox]") {
  Fixture fx("paging");
  auto j = fx.open();
  for (int i = 0; i < 7; ++i) REQUIRE(j->append_event("maintenance.ping", json{{"i", i}}));
  auto first = j->outbox_after(0, 3);
  REQUIRE(first);
  REQUIRE(first->size() == 3);
  CHECK(first->back().seq == 3);
  auto rest = j->outbox_after(3, 100);
  REQUIRE(rest);
  REQUIRE(rest->size() == 4);
  CHECK(rest->front().seq == 4);
  CHECK(rest->front().prev_hash == wire::record_hash(first->back()).value());
  CHECK(j->outbox_after(7, 10)->empty());
  CHECK(j->outbox_after(0, 0)->empty());
}

TEST_CASE("acknowledgement only moves forward and never past the outbox", "[journal][outbox]") {
  Fixture fx("ack");
  {
    auto j = fx.open();
    for (int i = 0; i < 5; ++i) REQUIRE(j->append_event("maintenance.ping", json{{"i", i}}));
    CHECK(j->last_acknowledged() == 0);
    REQUIRE(j->mark_acknowledged(3));
    CHECK(j->last_acknowledged() == 3);
    REQUIRE(j->mark_acknowledged(2));  // late duplicate ack: no-op
    CHECK(j->last_acknowledged() == 3);
    auto beyond = j->mark_acknowledged(6);
    REQUIRE_FALSE(beyond);
    CHECK(beyond.error().code == Errc::invalid_argument);
    CHECK(j->last_sequence() == 5);
    const auto st = j->outbox_state();
    CHECK(st.last_seq == 5);
    CHECK(st.last_acknowledged == 3);
    CHECK(st.depth == 2);
  }
  auto j = fx.open();
  CHECK(j->last_acknowledged() == 3);
  CHECK(j->outbox_state().depth == 2);
}

TEST_CASE("an event with an invalid type is refused", "[journal][outbox]") {
  Fixture fx("badtype");
  auto j = fx.open();
  for (const char* t : {"", "Upper", "a..b", "trailing.", "sp ace"}) {
    auto r = j->append_event(t, json::object());
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::invalid_argument);
  }
  CHECK(j->outbox_state().last_seq == 0);
}

TEST_CASE("the schema refuses a gap, a broken link or an edit in the outbox", "[journal][outbox]") {
  Fixture fx("triggers");
  {
    auto j = fx.open();
    REQUIRE(j->append_event("maintenance.ping", json::object()));
  }
  const std::string zeros(64, '0');
  CHECK_FALSE(try_exec_sql(
      fx.db, "INSERT INTO outbox VALUES (3, 'k-001', 'x', 't', '{}', '" + zeros + "', 'h', 's')"));
  const std::string last = query_text(fx.db, "SELECT hash FROM outbox WHERE seq = 1");
  CHECK(last.size() == 64);
  CHECK_FALSE(try_exec_sql(
      fx.db, "INSERT INTO outbox VALUES (2, 'k-001', 'x', 't', '{}', '" + zeros + "', 'h', 's')"));
  CHECK_FALSE(try_exec_sql(fx.db, "UPDATE outbox SET payload = '{}' WHERE seq = 1"));
  CHECK_FALSE(try_exec_sql(fx.db, "DELETE FROM outbox"));
}
