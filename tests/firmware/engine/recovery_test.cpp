// Recovery from every step boundary: a session is cut after each journalled step (the journal
// refuses every later write, which is what a crash looks like from the engine: no further
// side effect happens, since each one waits for its intent record), then a new engine over
// the same journal, central and devices recovers, and the invariants hold.
#include "tests/firmware/engine/kiosk_fixture.hpp"

#include "drivers/emu/common/faults.hpp"

namespace kiosk::engine::test {
namespace {

std::uint64_t steps_of_full_run(const std::string& service) {
  Kiosk k;
  REQUIRE(k.engine->start_session(service, "zh").ok());
  REQUIRE(Citizen{}.run(k).screen == "completed");
  return k.journal.steps_recorded();
}

// effect_lost: at the cut, central and the card printer stop too, so the side effect whose
// intent was the last record never happens (crash between intent and effect).
void cut_and_recover(const std::string& service, std::uint64_t cut, bool effect_lost) {
  INFO("service " << service << ", cut after step record " << cut
                  << (effect_lost ? ", effect lost" : ""));
  Kiosk k;
  k.journal.fail_after_steps(cut);
  if (effect_lost) {
    k.journal.on_step([&k, cut](std::uint64_t n, const StepRecord&) {
      if (n != cut) return;
      k.central.set_down("*", Errc::unreachable);
      k.devices.card_emu().faults().inject(emu::Fault::coverOpen);
    });
  }
  auto started = k.engine->start_session(service, "zh");
  if (cut == 0 && !effect_lost) {
    // Not even the transaction could be begun: the session is refused with a clear screen.
    REQUIRE_FALSE(started.ok());
    CHECK(started.error().reason == "journal_unavailable");
    CHECK(k.engine->screen().screen == "unavailable");
    return;
  }
  REQUIRE(started.ok());
  const Screen end = Citizen{}.run(k);
  CHECK((end.screen == "ended" || end.screen == "completed"));
  k.journal.on_step(nullptr);
  k.central.set_down("*", std::nullopt);
  k.devices.card_emu().faults().clear_all();

  k.restart();
  const auto recovered = k.engine->recover();
  for (const auto& r : recovered) CHECK(r.outcome != Outcome::pending);
  check_invariants(k);
  // A second recovery finds nothing to do.
  CHECK(k.engine->recover().empty());
}

}  // namespace

TEST_CASE("a renewal cut after any journalled step is finished or compensated at restart",
          "[engine][recovery]") {
  const std::uint64_t n = steps_of_full_run("renewal");
  REQUIRE(n > 15);
  for (std::uint64_t cut = 0; cut <= n; ++cut) cut_and_recover("renewal", cut, false);
}

TEST_CASE(
    "a renewal cut between an intent and its side effect is finished or compensated at restart",
    "[engine][recovery]") {
  const std::uint64_t n = steps_of_full_run("renewal");
  for (std::uint64_t cut = 1; cut <= n; ++cut) cut_and_recover("renewal", cut, true);
}

TEST_CASE("a replacement of a damaged licence cut after any journalled step is settled at restart",
          "[engine][recovery]") {
  const std::uint64_t n = steps_of_full_run("replace_damaged");
  for (std::uint64_t cut = 0; cut <= n; cut += 2) cut_and_recover("replace_damaged", cut, false);
}

TEST_CASE("paid with no card printed: recovery refunds with the journalled idempotency key",
          "[engine][recovery]") {
  Kiosk k;
  // Cut right after the charge is journalled done.
  k.journal.on_step([&k](std::uint64_t, const StepRecord& s) {
    if (s.step == Step::payment_charged && s.phase == Phase::done) k.journal.set_disk_full(true);
  });
  REQUIRE(k.engine->start_session("renewal", "zh").ok());
  CHECK(Citizen{}.run(k).error->code == "journal_unavailable");
  k.journal.on_step(nullptr);
  REQUIRE(k.central.orders().begin()->second.order.state == "paid");

  k.restart();
  const auto recovered = k.engine->recover();
  REQUIRE(recovered.size() == 1);
  CHECK(recovered[0].outcome == Outcome::refunded);
  const auto steps = k.journal.steps(recovered[0].txn);
  REQUIRE(has_step(steps, Step::refund, Phase::intent));
  for (const auto& s : steps)
    if (s.step == Step::refund) CHECK(s.idempotency_key == recovered[0].txn + ":refund:0");
  CHECK(k.central.orders().begin()->second.refunds == 1);
  check_invariants(k);
}

TEST_CASE(
    "with central down at restart a paid transaction stays pending and is refunded once central is "
    "back",
    "[engine][recovery]") {
  Kiosk k;
  k.journal.on_step([&k](std::uint64_t, const StepRecord& s) {
    if (s.step == Step::issuance_authorised && s.phase == Phase::done)
      k.journal.set_disk_full(true);
  });
  REQUIRE(k.engine->start_session("renewal", "zh").ok());
  Citizen{}.run(k);
  k.journal.on_step(nullptr);
  k.restart();
  k.central.set_down("*", Errc::unreachable);
  auto first = k.engine->recover();
  REQUIRE(first.size() == 1);
  CHECK(first[0].outcome == Outcome::pending);
  CHECK(k.journal.unfinished_transactions().value().size() == 1);
  k.central.set_down("*", std::nullopt);
  auto second = k.engine->recover();
  REQUIRE(second.size() == 1);
  CHECK(second[0].outcome == Outcome::refunded);
  check_invariants(k);
}

TEST_CASE("printed but not taken before the crash: the card is retained at restart",
          "[engine][recovery]") {
  Kiosk k(short_card_take_options());
  k.journal.on_step([&k](std::uint64_t, const StepRecord& s) {
    if (s.step == Step::card_printed && s.phase == Phase::done) k.journal.set_disk_full(true);
  });
  REQUIRE(k.engine->start_session("renewal", "zh").ok());
  citizen_leaving_the_card().run(k);
  k.journal.on_step(nullptr);
  REQUIRE(k.devices.card_emu().card_position() == "in_mouth");
  k.restart();
  auto r = k.engine->recover();
  REQUIRE(r.size() == 1);
  CHECK(r[0].outcome == Outcome::card_retained);
  CHECK(k.journal.stock_counts().value().retained == 1);
  CHECK(k.devices.card_emu().rejected_cards() == 1);
  check_invariants(k);
}

TEST_CASE("an e-licence re-issue left in doubt is retried with the same key at restart",
          "[engine][recovery]") {
  Kiosk k;
  k.central.set_down("reissue_elicence", Errc::timeout);
  REQUIRE(k.engine->start_session("renewal", "zh").ok());
  CHECK(Citizen{}.run(k).screen == "completed");
  const auto txn = k.journal.transaction_ids().at(0);
  CHECK(k.journal.unfinished_transactions().value().size() == 1);
  k.central.set_down("reissue_elicence", std::nullopt);
  auto r = k.engine->recover();
  REQUIRE(r.size() == 1);
  CHECK(r[0].outcome == Outcome::completed);
  CHECK(k.central.reissues() == 1);
  const auto steps = k.journal.steps(txn);
  CHECK(has_step(steps, Step::elicence_reissued, Phase::done));
  check_invariants(k);
}

}  // namespace kiosk::engine::test
