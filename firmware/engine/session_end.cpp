// The end of every session, however it ended: personal data wiped, the transaction settled
// from the journal exactly as after a crash, and the end screen with what happened to the
// citizen's card and money.
#include <algorithm>

#include "firmware/engine/engine_log.hpp"
#include "firmware/engine/session_run.hpp"
#include "firmware/engine/settle.hpp"
#include "firmware/engine/wipe.hpp"

namespace kiosk::engine {

void Engine::SessionRun::end_session(bool completed, SessionEnd end) {
  {
    std::lock_guard lock(m_);
    ended_ = true;
  }
  id_armed_ = false;
  wipe_personal();
  const Outcome code = completed ? Outcome::completed : end.code;
  // Compensation and finishing come from the journal, exactly as after a crash. With a broken
  // journal nothing is written, so nothing is done: recover() settles it later.
  SettleResult settled;
  if (!journal_failed_) {
    settled = settle_transaction(
        SettlePorts{e_.journal_, e_.central_, e_.devices_.card_printer, e_.options_.device_timeout},
        txn_, code);
  }
  engine_log()->info("event=session_ended txn={} code={} reason={} outcome={}", txn_,
                     to_string(code), end.reason, to_string(settled.outcome));
  if (settled.card_stuck) {
    // The card may be in the mouth for the next person to take: no one is served until the
    // printer moves it to the bin (recover() retries and lifts this) or a technician acts.
    engine_log()->error("event=card_in_mouth txn={}", txn_);
    if (!e_.state().out_of_service) (void)e_.set_out_of_service(true, kCardInMouth, "engine");
    end.screen = screens::kCallStaff;
  }
  SessionSummary summary;
  summary.txn = txn_;
  summary.outcome = settled.outcome;
  summary.refunded_now = settled.refunded_now;
  summary.money = settled.money.value_or(money_seen());
  summary.receipt_qr = receipt_qr_;
  if (completed) {
    summary.card_serial = card_serial_;
    Screen s = make(screens::kCompleted, {"finish"}, end_screen_data(end.data, summary));
    s.step = Step::completed;
    show(std::move(s), false);
  } else {
    const std::string error_code(to_string(end.code));
    Screen s = make(end.screen.c_str(), {"finish"}, end_screen_data(end.data, summary));
    s.error = ScreenError{error_code, end.reason, "error." + error_code};
    show(std::move(s), false);
  }
}

Money Engine::SessionRun::money_seen() const {
  if (paid_fen_ <= 0) return Money{};
  if (card_out_) return Money{MoneyState::charged, paid_fen_, {}};
  return Money{MoneyState::refund_pending, paid_fen_, order_id_};
}

void Engine::SessionRun::wipe_personal() {
  wipe(card_.name);
  wipe(card_.id_number);
  wipe(card_.address);
  wipe(card_.appended_address);
  wipe(card_.birth_date);
  std::fill(card_.photo_wlt.begin(), card_.photo_wlt.end(), std::uint8_t{0});
  std::fill(card_.fingerprint.begin(), card_.fingerprint.end(), std::uint8_t{0});
  card_ = hal::IdCard{};
  wipe(address_);
  clear_photo();
  decision_ = EligibilityDecision{};
  authorisation_ = IssuanceAuthorisation{};
}

}  // namespace kiosk::engine
