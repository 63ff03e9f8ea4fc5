#include <catch2/catch.hpp>

#include "firmware/journal/journal.hpp"
#include "tests/firmware/journal/journal_fixture.hpp"

using namespace kiosk::journal;
using namespace kiosk::journal::test;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {
std::string txn_with_personal(Journal& j) {
  auto t = *j.begin_transaction("renewal");
  REQUIRE(j.record_step(t, make_step("identified", Phase::done, json{{"name", "P"}})));
  return t;
}
}  // namespace

TEST_CASE("personal data is purged only when finished, acknowledged and past retention",
          "[journal][purge]") {
  Fixture fx("purge");
  auto j = fx.open();
  const auto done_acked = txn_with_personal(*j);
  REQUIRE(j->finish_transaction(done_acked, "completed"));
  const auto unfinished = txn_with_personal(*j);
  REQUIRE(j->mark_acknowledged(j->outbox_state().last_seq));
  const auto done_unacked = txn_with_personal(*j);
  REQUIRE(j->finish_transaction(done_unacked, "completed"));

  // Too recent: nothing.
  CHECK(*j->purge_personal_data(24h) == 0);
  fx.clock.advance(25h);
  CHECK(*j->purge_personal_data(24h) == 1);
  CHECK(j->transaction(done_acked)->steps[0].personal.is_null());
  CHECK(j->transaction(done_acked)->summary.personal_data_purged);
  CHECK(j->transaction(done_acked)->steps[0].data == json{{"attempt", 1}});
  CHECK(j->transaction(unfinished)->steps[0].personal == json{{"name", "P"}});
  CHECK(j->transaction(done_unacked)->steps[0].personal == json{{"name", "P"}});
  CHECK(query_text(fx.db, "SELECT COUNT(*) FROM steps WHERE txn = '" + done_acked +
                              "' AND personal IS NOT NULL") == "0");

  // Acknowledging all but the finish record is not enough.
  REQUIRE(j->mark_acknowledged(j->outbox_state().last_seq - 1));
  CHECK(*j->purge_personal_data(24h) == 0);
  REQUIRE(j->mark_acknowledged(j->outbox_state().last_seq));
  CHECK(*j->purge_personal_data(24h) == 1);
  CHECK(j->transaction(done_unacked)->steps[0].personal.is_null());
  CHECK(*j->purge_personal_data(24h) == 0);  // already purged
  // The outbox, signed before the purge, still verifies as it was.
  CHECK(j->check_integrity());
}
