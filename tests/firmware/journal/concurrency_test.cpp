#include <atomic>
#include <catch2/catch.hpp>
#include <set>
#include <thread>

#include "firmware/journal/journal.hpp"
#include "protocol/wire/record.hpp"
#include "tests/firmware/journal/journal_fixture.hpp"

using namespace kiosk::journal;
using namespace kiosk::journal::test;
namespace protocol = kiosk::protocol;
using nlohmann::json;

TEST_CASE("threads sharing one journal get distinct contiguous seqs and distinct cards",
          "[journal][threads]") {
  Fixture fx("threads");
  auto j = fx.open();
  constexpr int kThreads = 4;
  constexpr int kSteps = 15;
  REQUIRE(j->load_stock(kThreads * 2, "C01", "C08", "tech"));
  std::vector<std::thread> threads;
  std::vector<std::vector<std::uint64_t>> seqs(kThreads);
  std::vector<std::string> cards(kThreads * 2);
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto txn = j->begin_transaction("renewal");
      if (!txn) {
        ++failures;
        return;
      }
      for (int i = 0; i < kSteps; ++i) {
        auto s =
            j->record_step(*txn, make_step("s" + std::to_string(i), Phase::done, json{{"n", i}}));
        if (s) {
          seqs[static_cast<std::size_t>(t)].push_back(*s);
        } else {
          ++failures;
        }
      }
      for (int c = 0; c < 2; ++c) {
        auto card = j->reserve_card(*txn);
        if (!card || !j->record_card_outcome(*card, CardOutcome::issued, "")) {
          ++failures;
        } else {
          cards[static_cast<std::size_t>(t * 2 + c)] = *card;
        }
      }
      (void)j->outbox_state();
      (void)j->outbox_after(0, 5);
    });
  }
  for (auto& th : threads) th.join();
  CHECK(failures == 0);
  std::set<std::uint64_t> all;
  for (const auto& v : seqs) all.insert(v.begin(), v.end());
  CHECK(all.size() == kThreads * kSteps);
  CHECK(std::set<std::string>(cards.begin(), cards.end()).size() == kThreads * 2);
  const auto last = j->outbox_state().last_seq;
  auto recs = *j->outbox_after(0, 1000);
  REQUIRE(recs.size() == last);
  for (std::size_t i = 0; i < recs.size(); ++i) CHECK(recs[i].seq == i + 1);
  CHECK(j->stock_counts()->issued == kThreads * 2);
  CHECK(j->check_integrity());
}

TEST_CASE("two journals on one file in one process stay contiguous", "[journal][threads]") {
  Fixture fx("twoconn");
  auto a = fx.open();
  auto b = fx.open();
  std::atomic<int> failures{0};
  std::thread ta([&] {
    for (int i = 0; i < 10; ++i) {
      if (!a->append_event("maintenance.ping", json{{"a", i}})) ++failures;
    }
  });
  std::thread tb([&] {
    for (int i = 0; i < 10; ++i) {
      if (!b->append_event("maintenance.ping", json{{"b", i}})) ++failures;
    }
  });
  ta.join();
  tb.join();
  CHECK(failures == 0);
  auto recs = *a->outbox_after(0, 100);
  REQUIRE(recs.size() == 20);
  auto pub = protocol::PublicKey::from_pem(fx.key.public_key_pem());
  std::string prev(kiosk::protocol::wire::kGenesisHash);
  for (std::size_t i = 0; i < recs.size(); ++i) {
    CHECK(recs[i].seq == i + 1);
    CHECK(recs[i].prev_hash == prev);
    CHECK(kiosk::protocol::wire::verify_record(recs[i], *pub));
    prev = kiosk::protocol::wire::record_hash(recs[i]).value();
  }
}
