#pragma once
// A kiosk for engine tests: the engine over the fake journal and central, with the five
// emulated devices behind their real drivers; a citizen autopilot that drives whatever screen
// the engine shows; and the invariants of ARCHITECTURE.md checked from the journal fake, the
// central fake and the card printer emulator.

#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include "drivers/emu/camera/face_scene.hpp"
#include "drivers/emu/common/faults.hpp"
#include "drivers/emu/id_reader/synthetic_citizens.hpp"
#include "drivers/emu/payment_scanner/payment_scanner_emulator.hpp"
#include "firmware/engine/engine.hpp"
#include "tests/support/emulated_devices.hpp"
#include "tests/support/fake_central.hpp"
#include "tests/support/fake_journal.hpp"
#include "tests/support/plain_card_renderer.hpp"

namespace kiosk::engine::test {

using namespace std::chrono_literals;
namespace emu = drivers::emu;

inline EngineOptions fast_options() {
  EngineOptions o;
  o.idle_timeout = 20s;  // long enough never to fire in a test that does not want it
  o.idle_warning = 5s;
  o.card_take_timeout = 20s;
  o.device_timeout = 30s;
  o.poll_interval = 10ms;
  o.payment_status_interval = 5ms;
  o.jam_clear_wait = 10s;
  o.kiosk_id = "kiosk-test";
  return o;
}

inline EngineOptions walk_away_options() {
  EngineOptions o = fast_options();
  o.idle_timeout = 400ms;
  o.idle_warning = 200ms;
  o.card_take_timeout = 400ms;
  return o;
}

// Options under which a printed card left in the printer is retained after 300 ms.
inline EngineOptions short_card_take_options() {
  EngineOptions o = fast_options();
  o.card_take_timeout = 300ms;
  return o;
}

struct Kiosk {
  explicit Kiosk(EngineOptions options = fast_options()) : options_(std::move(options)) {
    journal.load_stock(20);
    start_engine();
  }
  ~Kiosk() { engine.reset(); }

  void start_engine() {
    engine =
        std::make_unique<Engine>(journal, central, devices.devices(), renderer, clock, options_);
  }
  // What a restart after a crash does: a new engine over the same journal, central and devices.
  void restart() {
    engine.reset();
    journal.clear_faults();
    start_engine();
  }

  bool wait_screen(const std::string& name, std::chrono::milliseconds timeout = 20s) {
    return engine->wait_for([&](const Screen& s) { return s.screen == name; }, timeout);
  }
  bool wait_end(std::chrono::milliseconds timeout = 30s) {
    const bool ended = engine->wait_for(
        [&](const Screen& s) {
          return !s.session_id.empty() &&
                 (s.screen == screens::kCompleted || s.screen == screens::kEnded ||
                  s.screen == screens::kCallStaff);
        },
        timeout);
    engine->join_session();
    return ended;
  }

  EngineOptions options_;
  testing::FakeJournal journal;
  testing::FakeCentral central;
  testing::EmulatedDevices devices;
  testing::PlainCardRenderer renderer;
  SystemClock clock;
  std::unique_ptr<Engine> engine;
};

// What the citizen does on each screen; a screen missing from `stop_at` is answered with the
// usual happy action. Returns the final screen.
struct Citizen {
  std::string id_number;          // "" = the first synthetic citizen
  std::set<std::string> stop_at;  // walk away (do nothing) when this screen shows
  bool take_card = true;
  int payment_seed = 1;

  Screen run(Kiosk& k, std::chrono::milliseconds timeout = 60s) {
    bool placed = false;
    std::string acted;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      Screen s = k.engine->screen();
      if (s.screen == screens::kCompleted || s.screen == screens::kEnded ||
          s.screen == screens::kCallStaff || s.screen == screens::kUnavailable) {
        k.engine->join_session();
        return k.engine->screen();
      }
      const std::string tag =
          s.screen + "#" + s.data.dump() + "#" + (s.error ? s.error->reason : "");
      if (tag == acted || stop_at.count(s.screen) != 0) {
        k.engine->wait_for(
            [&](const Screen& n) { return n.screen != s.screen || n.data != s.data; }, 20ms);
        continue;
      }
      acted = tag;
      if (s.screen == screens::kInsertIdCard && !placed) {
        k.devices.place_citizen(id_number);
        placed = true;
      } else if (s.screen == screens::kConsent) {
        (void)k.engine->act("consent");
      } else if (s.screen == screens::kPhotoReview) {
        (void)k.engine->act(s.allows("accept") ? "accept" : "retake");
      } else if (s.screen == screens::kConfirmDetails) {
        (void)k.engine->act("confirm");
      } else if (s.screen == screens::kReturnOldCard) {
        (void)k.engine->act("old_card_returned");
      } else if (s.screen == screens::kLicenceInfo) {
        (void)k.engine->act("finish");
      } else if (s.screen == screens::kPaymentDeclined) {
        (void)k.engine->act("retry");
      } else if (s.screen == screens::kPayment) {
        k.devices.scanner_emu().present_code(
            emu::synthetic_payment_code(hal::Wallet::wechat, payment_seed++));
      } else if (s.screen == screens::kTakeCard && take_card) {
        k.devices.card_emu().take_card();
      } else {
        acted.clear();  // a screen without citizen action: look again when it changes
        k.engine->wait_for(
            [&](const Screen& n) { return n.screen != s.screen || n.data != s.data; }, 20ms);
      }
    }
    FAIL("the citizen autopilot timed out on screen " << k.engine->screen().screen);
    return k.engine->screen();
  }
};

// A citizen who leaves the printed card in the printer.
inline Citizen citizen_leaving_the_card() {
  Citizen c;
  c.take_card = false;
  return c;
}

// Starts `service` in Chinese and lets the citizen autopilot run it to its end screen.
inline Screen run_service(Kiosk& k, const std::string& service, Citizen c = {}) {
  REQUIRE(k.engine->start_session(service, "zh").ok());
  return c.run(k);
}

// Runs `service` to completion (checked); the last `name` screen it showed on the way.
inline Screen screen_on_the_way(Kiosk& k, const std::string& service, const std::string& name) {
  std::optional<Screen> seen;
  k.engine->on_screen_changed([&seen, &name](const Screen& s) {
    if (s.screen == name) seen = s;
  });
  CHECK(run_service(k, service).screen == "completed");
  k.engine->on_screen_changed(nullptr);
  REQUIRE(seen.has_value());
  return *seen;
}

// Starts a renewal and goes to confirm_details with the usual answers.
inline void reach_confirm_details(Kiosk& k) {
  REQUIRE(k.engine->start_session("renewal", "zh").ok());
  k.devices.place_citizen();
  REQUIRE(k.wait_screen("consent"));
  REQUIRE(k.engine->act("consent").ok());
  REQUIRE(k.wait_screen("photo_review"));
  REQUIRE(k.engine->act("accept").ok());
  REQUIRE(k.wait_screen("confirm_details"));
}

// A renewal the citizen cancels on the payment screen, before anything is charged.
inline Screen cancel_on_payment(Kiosk& k) {
  REQUIRE(k.engine->start_session("renewal", "zh").ok());
  Citizen c;
  c.stop_at = {"payment"};
  std::thread canceller([&k] {
    k.wait_screen("payment");
    (void)k.engine->cancel();
  });
  const Screen end = c.run(k);
  canceller.join();
  return end;
}

inline std::vector<std::string> step_names(const std::vector<StepRecord>& steps, Phase phase) {
  std::vector<std::string> out;
  for (const auto& s : steps)
    if (s.phase == phase) out.emplace_back(to_string(s.step));
  return out;
}

inline bool has_step(const std::vector<StepRecord>& steps, Step step, Phase phase) {
  for (const auto& s : steps)
    if (s.step == step && s.phase == phase) return true;
  return false;
}

// The error code an end screen shows ("" when none).
inline std::string error_code(const Screen& s) {
  return s.error ? s.error->code : std::string{};
}

// ARCHITECTURE.md's rules, checked once every transaction is settled.
inline void check_invariants(Kiosk& k) {
  auto unfinished = k.journal.unfinished_transactions();
  REQUIRE(unfinished.ok());
  CHECK(unfinished.value().empty());
  const auto cards = k.journal.cards();
  const auto orders = k.central.orders();
  std::uint64_t spoiled = 0;
  std::uint64_t retained = 0;
  for (const auto& [serial, card] : cards) {
    INFO("card " << serial);
    REQUIRE(card.outcome.has_value());  // every blank card consumed is accounted for
    if (*card.outcome == CardOutcome::spoiled) {
      if (card.reason != "not_loaded") ++spoiled;  // not_loaded: the blank never left the feeder
      CHECK_FALSE(card.reason.empty());
    }
    if (*card.outcome == CardOutcome::retained) ++retained;
  }
  for (const auto& txn : k.journal.transaction_ids()) {
    INFO("txn " << txn);
    const auto steps = k.journal.steps(txn);
    int issued_or_retained = 0;
    for (const auto& [serial, card] : cards)
      if (card.txn == txn && card.outcome && *card.outcome != CardOutcome::spoiled)
        ++issued_or_retained;
    CHECK(issued_or_retained <= 1);  // one card per authorisation
    for (const auto& s : steps) {
      if (s.step != Step::payment_created || s.phase != Phase::done) continue;
      const auto order = s.data.value("order_id", std::string{});
      auto it = orders.find(order);
      REQUIRE(it != orders.end());
      // No charge without a card (issued or retained) or a recorded refund.
      if (it->second.order.state == "paid") CHECK(issued_or_retained == 1);
      if (it->second.order.state == "refunded") {
        CHECK(it->second.refunds == 1);
        CHECK(has_step(steps, Step::refund, Phase::done));
        CHECK(issued_or_retained == 0);
      }
      CHECK(it->second.order.state != "unknown");
    }
  }
  // Every spoiled or retained card went to the reject bin; nothing is left in the printer.
  CHECK(k.devices.card_emu().rejected_cards() == spoiled + retained);
  const auto pos = k.devices.card_emu().card_position();
  CHECK((pos == "none"));
}

}  // namespace kiosk::engine::test
