// Stage identify: the citizen puts their ID card on the reader, where it stays for the whole
// session (session_run.cpp watches it). Journals `identified` (done) with the card's personal
// fields in the encrypted part; nothing to recover: reading a card changes nothing elsewhere.
#include "firmware/engine/session_run.hpp"

namespace kiosk::engine {
namespace {

// The reader found a card lying there from before (the driver's reason): it must be lifted
// and put back to be read.
bool card_left_on_reader(const hal::DeviceError& error) {
  return error.reason == "card_not_removed";
}

}  // namespace

void Engine::SessionRun::identify() {
  int failures = 0;
  Screen s = make(screens::kInsertIdCard, {"cancel"});
  show(s, true);
  for (;;) {
    hal::ReadIdOptions o;
    o.timeout_ms = static_cast<int>(e_.options_.device_timeout.count());
    auto r = device<hal::IdCard>(
        *e_.devices_.id_reader,
        [&](hal::Completion<hal::IdCard> done) {
          return e_.devices_.id_reader->read_card(o, std::move(done));
        },
        true);
    if (r.ok()) {
      card_ = std::move(r.value());
      break;
    }
    const auto& err = r.error();
    if (err.code == hal::CompletionCode::timeout) continue;
    if (card_left_on_reader(err)) {
      if (!cur_.error) {
        cur_.error = ScreenError{"id_card_not_read", err.reason, "error.id_card_not_read"};
        e_.publish(cur_);
      }
      pause();
      tick(true);
      continue;
    }
    if (++failures >= 3) throw SessionEnd{Outcome::id_card_unreadable, err.reason};
    cur_.error = ScreenError{"id_card_not_read", err.reason, "error.id_card_not_read"};
    e_.publish(cur_);
  }
  // The newer address the police appended after a move is the one the card will print.
  address_ = card_.appended_address.empty() ? card_.address : card_.appended_address;
  record(
      Step::identified, Phase::done,
      {{"card_type", card_.type == hal::IdCardType::resident ? "resident" : "foreign_permanent"}},
      {{"id_number", card_.id_number},
       {"name", card_.name},
       {"address", address_},
       {"birth_date", card_.birth_date}});
  id_lifted_ = false;
  id_replaced_ = false;
  id_armed_ = true;
}

}  // namespace kiosk::engine
