// The journal's outbox as kiosk-central receives it: the strict batch parser, signature
// verification with the kiosk's key, and the central store's chain rules and stock report.
#include <catch2/catch.hpp>

#include "central/store/store.hpp"
#include "firmware/journal/journal.hpp"
#include "protocol/wire/record.hpp"
#include "tests/firmware/journal/journal_fixture.hpp"

using namespace kiosk::journal;
using namespace kiosk::journal::test;
namespace wire = kiosk::protocol::wire;
namespace protocol = kiosk::protocol;
namespace store = kiosk::central::store;
using nlohmann::json;

namespace {

std::vector<store::PreparedRecord> as_central_sees_it(const std::vector<wire::Record>& records,
                                                      const protocol::PublicKey& pub) {
  auto parsed = wire::batch_from_body(wire::batch_to_body(records));
  REQUIRE(parsed);
  std::vector<store::PreparedRecord> out;
  for (auto& r : *parsed) {
    REQUIRE(wire::verify_record(r, pub));
    auto bytes = wire::canonical_bytes(r);
    auto hash = wire::record_hash(r);
    REQUIRE(bytes);
    REQUIRE(hash);
    out.push_back(store::PreparedRecord{r, *bytes, *hash});
  }
  return out;
}

}  // namespace

TEST_CASE("central stores the journal's outbox and its stock report matches the journal",
          "[journal][central]") {
  Fixture fx("interop");
  auto j = fx.open();
  REQUIRE(j->load_stock(6, "C01", "C06", "tech-1"));
  REQUIRE(j->audit("tech-1", "stock.load", json{{"count", 6}}));
  for (auto outcome : {CardOutcome::issued, CardOutcome::spoiled, CardOutcome::retained}) {
    auto txn = *j->begin_transaction("renewal");
    REQUIRE(j->record_step(txn, make_step("identified", Phase::done, json{{"name", "N"}})));
    REQUIRE(j->record_card_outcome(*j->reserve_card(txn), outcome, "r"));
    REQUIRE(j->finish_transaction(txn, "completed"));
  }
  auto pub = protocol::PublicKey::from_pem(fx.key.public_key_pem());
  REQUIRE(pub);
  auto central = store::open_store("sqlite::memory:");

  // Uploaded in two batches, as sync would page through the outbox.
  auto first = *j->outbox_after(0, 5);
  auto r1 = central->append_events("k-001", as_central_sees_it(first, *pub), 1);
  CHECK(r1.status == store::AppendOutcome::Status::stored);
  CHECK(r1.acked_seq == 5);
  REQUIRE(j->mark_acknowledged(r1.acked_seq));
  auto rest = *j->outbox_after(j->last_acknowledged(), 1000);
  auto r2 = central->append_events("k-001", as_central_sees_it(rest, *pub), 2);
  CHECK(r2.status == store::AppendOutcome::Status::stored);
  CHECK(r2.acked_seq == j->last_sequence());
  REQUIRE(j->mark_acknowledged(r2.acked_seq));
  CHECK(j->outbox_state().depth == 0);

  // A retry of the same batch after a lost answer stores nothing new.
  auto again = central->append_events("k-001", as_central_sees_it(rest, *pub), 3);
  CHECK(again.status == store::AppendOutcome::Status::stored);
  CHECK(again.stored == 0);

  CHECK(central->head("k-001").hash == wire::record_hash(rest.back()).value());
  const auto counts = *j->stock_counts();
  auto rows = central->card_stock();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].loaded == static_cast<std::int64_t>(counts.loaded));
  CHECK(rows[0].issued == static_cast<std::int64_t>(counts.issued));
  CHECK(rows[0].spoiled == static_cast<std::int64_t>(counts.spoiled));
  CHECK(rows[0].retained == static_cast<std::int64_t>(counts.retained));
  CHECK(rows[0].expected_stock() == static_cast<std::int64_t>(counts.remaining));
}
