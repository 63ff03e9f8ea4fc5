// A full disk is simulated with the journal's page cap (PRAGMA max_page_count): SQLite
// reports SQLITE_FULL exactly as for ENOSPC.
#include <catch2/catch.hpp>

#include "firmware/journal/journal.hpp"
#include "tests/firmware/journal/journal_fixture.hpp"

using namespace kiosk::journal;
using namespace kiosk::journal::test;
using nlohmann::json;

TEST_CASE("a full disk gives disk_full, writes nothing half-way and the journal stays readable",
          "[journal][disk_full]") {
  Fixture fx("diskfull");
  auto opts = fx.options();
  opts.max_pages = 60;
  auto opened = Journal::open(opts);
  REQUIRE(opened);
  auto& j = **opened;
  auto txn = *j.begin_transaction("renewal");
  auto step = make_step("photo", Phase::done, json{{"photo", std::string(3000, 'p')}});
  step.data = json{{"note", std::string(1500, 'n')}};

  std::optional<Error> failure;
  int written = 0;
  for (int i = 0; i < 1000 && !failure; ++i) {
    auto r = j.record_step(txn, step);
    if (r) {
      ++written;
    } else {
      failure = r.error();
    }
  }
  REQUIRE(failure);
  CHECK(failure->code == Errc::disk_full);
  CHECK(written > 0);
  const auto state = j.outbox_state();

  // Every committed step has exactly its record; the failed one left neither.
  auto detail = j.transaction(txn);
  REQUIRE(detail);
  CHECK(detail->steps.size() == static_cast<std::size_t>(written));
  CHECK(state.last_seq == static_cast<std::uint64_t>(written) + 1);
  auto records = j.outbox_after(0, 10000);
  REQUIRE(records);
  CHECK(records->size() == state.last_seq);
  CHECK(j.check_integrity());

  // Further writes keep failing cleanly; reads keep working.
  auto again = j.record_step(txn, step);
  REQUIRE_FALSE(again);
  CHECK(again.error().code == Errc::disk_full);
  auto audit = j.audit("tech", "x", json{{"pad", std::string(5000, 'a')}});
  REQUIRE_FALSE(audit);
  CHECK(audit.error().code == Errc::disk_full);
  CHECK(*j.verify_audit_chain());
  CHECK(j.outbox_state().last_seq == state.last_seq);
  opened->reset();

  // Once space is back (no cap) the journal continues the same chain.
  auto reopened = fx.open();
  CHECK(reopened->outbox_state().last_seq == state.last_seq);
  auto next = reopened->record_step(txn, step);
  REQUIRE(next);
  CHECK(*next == state.last_seq + 1);
  CHECK(reopened->check_integrity());
}
