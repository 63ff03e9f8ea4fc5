#include <catch2/catch.hpp>

#include "firmware/journal/journal.hpp"
#include "tests/firmware/journal/journal_fixture.hpp"

using namespace kiosk::journal;
using namespace kiosk::journal::test;
using nlohmann::json;

TEST_CASE("loaded stock is counted and announced to central", "[journal][stock]") {
  Fixture fx("stockload");
  auto j = fx.open();
  REQUIRE(j->load_stock(5, "C000100", "C000104", "tech-1"));
  auto c = j->stock_counts();
  REQUIRE(c);
  CHECK(c->loaded == 5);
  CHECK(c->remaining == 5);
  auto recs = j->outbox_after(0, 10);
  REQUIRE(recs);
  REQUIRE(recs->size() == 1);
  CHECK(recs->front().type == "card.stock_loaded");
  CHECK(recs->front().payload["count"] == 5);
}

TEST_CASE("a serial range that does not match the count or overlaps is refused",
          "[journal][stock]") {
  Fixture fx("stockbad");
  auto j = fx.open();
  for (auto [count, first, last] :
       {std::tuple{std::uint64_t{3}, "C001", "C005"}, std::tuple{std::uint64_t{0}, "C001", "C001"},
        std::tuple{std::uint64_t{2}, "C002", "C001"}, std::tuple{std::uint64_t{2}, "A001", "B002"},
        std::tuple{std::uint64_t{2}, "C01", "C002"}, std::tuple{std::uint64_t{1}, "ABC", "ABC"}}) {
    auto r = j->load_stock(count, first, last, "tech");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::invalid_argument);
  }
  REQUIRE(j->load_stock(3, "C001", "C003", "tech"));
  auto overlap = j->load_stock(3, "C003", "C005", "tech");
  REQUIRE_FALSE(overlap);
  CHECK(overlap.error().code == Errc::invalid_argument);
  CHECK(j->stock_counts()->loaded == 3);
  CHECK(j->outbox_state().last_seq == 1);
}

TEST_CASE("cards are reserved in serial order, once, and a retry gets the same card",
          "[journal][stock]") {
  Fixture fx("reserve");
  auto j = fx.open();
  REQUIRE(j->load_stock(3, "C001", "C003", "tech"));
  auto t1 = *j->begin_transaction("renewal");
  auto t2 = *j->begin_transaction("renewal");
  auto a = j->reserve_card(t1);
  REQUIRE(a);
  CHECK(*a == "C001");
  CHECK(*j->reserve_card(t1) == "C001");  // still reserved, no outcome: same card
  CHECK(*j->reserve_card(t2) == "C002");
  CHECK(j->stock_counts()->reserved == 2);
  // The schema refuses reserving a reserved card again, whoever writes.
  CHECK_FALSE(try_exec_sql(
      fx.db, "UPDATE cards SET state = 'reserved', txn = '" + t2 + "' WHERE serial = 'C001'"));
}

TEST_CASE("a jammed card is recorded as spoiled and the next card is used", "[journal][stock]") {
  Fixture fx("spoil");
  auto j = fx.open();
  REQUIRE(j->load_stock(3, "C001", "C003", "tech"));
  auto t = *j->begin_transaction("renewal");
  auto first = *j->reserve_card(t);
  REQUIRE(j->record_card_outcome(first, CardOutcome::spoiled, "jam"));
  auto second = *j->reserve_card(t);
  CHECK(second == "C002");
  REQUIRE(j->record_card_outcome(second, CardOutcome::issued, "auth-77"));
  auto c = *j->stock_counts();
  CHECK(c.loaded == 3);
  CHECK(c.spoiled == 1);
  CHECK(c.issued == 1);
  CHECK(c.reserved == 0);
  CHECK(c.remaining == 1);
  auto recs = *j->outbox_after(0, 100);
  CHECK(std::count_if(recs.begin(), recs.end(),
                      [](const auto& r) { return r.type == "card.spoiled"; }) == 1);
  CHECK(std::count_if(recs.begin(), recs.end(),
                      [](const auto& r) { return r.type == "card.issued"; }) == 1);
}

TEST_CASE("an outcome is recorded once per card", "[journal][stock]") {
  Fixture fx("outcome");
  auto j = fx.open();
  REQUIRE(j->load_stock(2, "C001", "C002", "tech"));
  auto t = *j->begin_transaction("renewal");
  auto serial = *j->reserve_card(t);
  REQUIRE(j->record_card_outcome(serial, CardOutcome::retained, "not taken"));
  const auto seq = j->outbox_state().last_seq;
  REQUIRE(j->record_card_outcome(serial, CardOutcome::retained, "not taken"));  // retry: no-op
  CHECK(j->outbox_state().last_seq == seq);
  auto other = j->record_card_outcome(serial, CardOutcome::issued, "");
  REQUIRE_FALSE(other);
  CHECK(other.error().code == Errc::card_state);
  auto never = j->record_card_outcome("C002", CardOutcome::issued, "");
  REQUIRE_FALSE(never);
  CHECK(never.error().code == Errc::card_state);
  auto unknown = j->record_card_outcome("Z999", CardOutcome::issued, "");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == Errc::not_found);
  CHECK_FALSE(
      try_exec_sql(fx.db, "UPDATE cards SET state = 'issued' WHERE serial = '" + serial + "'"));
}

TEST_CASE("an empty stock is reported as stock_empty", "[journal][stock]") {
  Fixture fx("empty");
  auto j = fx.open();
  auto t = *j->begin_transaction("renewal");
  auto none = j->reserve_card(t);
  REQUIRE_FALSE(none);
  CHECK(none.error().code == Errc::stock_empty);
  REQUIRE(j->load_stock(1, "C9", "C9", "tech"));
  auto one = *j->reserve_card(t);
  REQUIRE(j->record_card_outcome(one, CardOutcome::issued, ""));
  auto t2 = *j->begin_transaction("renewal");
  auto again = j->reserve_card(t2);
  REQUIRE_FALSE(again);
  CHECK(again.error().code == Errc::stock_empty);
}

TEST_CASE("reconciliation flags a printer counter that disagrees with the journal",
          "[journal][stock]") {
  Fixture fx("reconcile");
  auto j = fx.open();
  REQUIRE(j->load_stock(10, "C01", "C10", "tech"));
  REQUIRE(j->set_setting("stock.printer_counter_base", "100"));
  auto t = *j->begin_transaction("renewal");
  REQUIRE(j->record_card_outcome(*j->reserve_card(t), CardOutcome::spoiled, "jam"));
  REQUIRE(j->record_card_outcome(*j->reserve_card(t), CardOutcome::issued, ""));
  auto t2 = *j->begin_transaction("renewal");
  REQUIRE(j->reserve_card(t2));  // in flight: the printer may or may not have picked it

  auto exact = j->reconcile(102);
  REQUIRE(exact);
  CHECK_FALSE(exact->mismatch);
  CHECK(exact->consumed == 2);
  CHECK(exact->difference == 0);
  CHECK_FALSE(j->reconcile(103)->mismatch);  // the reserved card already picked

  auto extra = j->reconcile(104);
  REQUIRE(extra);
  CHECK(extra->mismatch);
  CHECK(extra->difference == 2);
  auto missing = j->reconcile(101);
  REQUIRE(missing);
  CHECK(missing->mismatch);
  CHECK(missing->difference == -1);
  auto recs = *j->outbox_after(0, 100);
  CHECK(recs.back().type == "stock.reconciled");
  CHECK(recs.back().payload["mismatch"] == true);
}

TEST_CASE("a card cannot be reserved for a finished or unknown transaction", "[journal][stock]") {
  Fixture fx("reservefinished");
  auto j = fx.open();
  REQUIRE(j->load_stock(1, "C1", "C1", "tech"));
  auto t = *j->begin_transaction("renewal");
  REQUIRE(j->finish_transaction(t, "cancelled"));
  auto r = j->reserve_card(t);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::already_finished);
  auto u = j->reserve_card("tx-nope");
  REQUIRE_FALSE(u);
  CHECK(u.error().code == Errc::not_found);
  CHECK(j->stock_counts()->remaining == 1);
}

TEST_CASE("the card a transaction holds reserved can be read without reserving one",
          "[journal][stock]") {
  Fixture fx("reserved-card");
  auto j = fx.open();
  REQUIRE(j->load_stock(2, "C001", "C002", "tech"));
  auto t = *j->begin_transaction("renewal");
  auto none = j->reserved_card(t);
  REQUIRE(none);
  CHECK_FALSE(none->has_value());
  CHECK(j->stock_counts()->reserved == 0);  // reading reserved nothing
  REQUIRE(j->reserve_card(t));
  auto held = j->reserved_card(t);
  REQUIRE(held);
  REQUIRE(held->has_value());
  CHECK(**held == "C001");
  REQUIRE(j->record_card_outcome("C001", CardOutcome::spoiled, "not_printed"));
  CHECK_FALSE(j->reserved_card(t)->has_value());
}
