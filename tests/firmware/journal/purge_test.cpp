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

std::string sealed_rows(Fixture& fx, const std::string& txn) {
  return query_text(
      fx.db, "SELECT COUNT(*) FROM steps WHERE txn = '" + txn + "' AND personal IS NOT NULL");
}
}  // namespace

TEST_CASE("finishing a transaction deletes its personal data in the same write",
          "[journal][purge]") {
  Fixture fx("purge_finish");
  auto j = fx.open();
  const auto ended = txn_with_personal(*j);
  const auto open = txn_with_personal(*j);
  REQUIRE(sealed_rows(fx, ended) == "1");
  REQUIRE(j->finish_transaction(ended, "completed"));

  CHECK(sealed_rows(fx, ended) == "0");
  CHECK(j->transaction(ended)->steps[0].personal.is_null());
  CHECK(j->transaction(ended)->summary.personal_data_purged);
  CHECK(j->transaction(ended)->steps[0].data == json{{"attempt", 1}});
  // Only the ended one: a transaction still running keeps what it needs.
  CHECK(j->transaction(open)->steps[0].personal == json{{"name", "P"}});
  CHECK_FALSE(j->transaction(open)->summary.personal_data_purged);
  // A repeated finish (a retry after a crash) is still a no-op.
  CHECK(j->finish_transaction(ended, "completed"));
  // The outbox, signed before the purge, still verifies as it was.
  CHECK(j->check_integrity());
}

TEST_CASE(
    "the retention sweep purges what older builds left: finished, acknowledged, past "
    "retention",
    "[journal][purge]") {
  Fixture fx("purge");
  auto j = fx.open();
  auto finished_kept = [&] {
    // A transaction finished by a build that kept personal data after the end.
    const auto t = txn_with_personal(*j);
    const std::string sealed =
        query_text(fx.db, "SELECT hex(personal) FROM steps WHERE txn = '" + t + "'");
    REQUIRE(j->finish_transaction(t, "completed"));
    exec_sql(fx.db, "UPDATE steps SET personal = X'" + sealed + "' WHERE txn = '" + t + "'");
    exec_sql(fx.db, "UPDATE transactions SET purged = 0 WHERE id = '" + t + "'");
    return t;
  };
  const auto done_acked = finished_kept();
  const auto unfinished = txn_with_personal(*j);
  REQUIRE(j->mark_acknowledged(j->outbox_state().last_seq));
  const auto done_unacked = finished_kept();

  // Too recent: nothing.
  CHECK(*j->purge_personal_data(24h) == 0);
  fx.clock.advance(25h);
  CHECK(*j->purge_personal_data(24h) == 1);
  CHECK(j->transaction(done_acked)->steps[0].personal.is_null());
  CHECK(j->transaction(done_acked)->summary.personal_data_purged);
  CHECK(j->transaction(unfinished)->steps[0].personal == json{{"name", "P"}});
  CHECK(j->transaction(done_unacked)->steps[0].personal == json{{"name", "P"}});
  CHECK(sealed_rows(fx, done_acked) == "0");

  // Acknowledging all but the finish record is not enough.
  REQUIRE(j->mark_acknowledged(j->outbox_state().last_seq - 1));
  CHECK(*j->purge_personal_data(24h) == 0);
  REQUIRE(j->mark_acknowledged(j->outbox_state().last_seq));
  CHECK(*j->purge_personal_data(24h) == 1);
  CHECK(j->transaction(done_unacked)->steps[0].personal.is_null());
  CHECK(*j->purge_personal_data(24h) == 0);  // already purged
  CHECK(j->check_integrity());
}
