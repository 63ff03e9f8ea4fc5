// Stage print: a blank card is reserved from stock and printed with the office-signed data and
// the licence photo. Journals `card_printed` per blank card (intent with the serial and the
// ribbon count before the job, done with the printer's counter, failed with the reason). A jam
// spoils the card; the printer clears it (reject) and the next card is used, up to
// max_print_attempts. Any other failure, or a jam that does not clear, takes the kiosk out of
// service. Every reserved card ends issued, spoiled (with reason) or retained.
//
// Recovery (rule 1 of settle.hpp, and the card reserved but never printed): below.
#include "firmware/engine/engine_log.hpp"
#include "firmware/engine/session_run.hpp"
#include "firmware/engine/settle_context.hpp"

namespace kiosk::engine {
namespace {

// The printer's reason for a card stuck in its path. The printer clears it itself once told
// to reject the card, so the next blank card can be tried.
bool jammed(const std::string& reason) {
  return reason == "jam";
}

int eta_seconds(std::chrono::steady_clock::duration left) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(left).count();
  return static_cast<int>(std::max<long long>(0, (ms + 999) / 1000));
}

}  // namespace

void Engine::SessionRun::print_card() {
  hal::CardPrinter& printer = *e_.devices_.card_printer;
  for (int attempt = 0; attempt < e_.options_.max_print_attempts; ++attempt) {
    auto reserved = e_.journal_.reserve_card(txn_);
    if (!reserved.ok()) {
      if (reserved.error().code == Errc::stock_empty) {
        out_of_service("stock_empty");
        throw SessionEnd{Outcome::out_of_service, "stock_empty"};
      }
      journal_failed_ = true;
      throw SessionEnd{Outcome::journal_unavailable, std::string(to_string(reserved.error().code))};
    }
    const std::string serial = reserved.value();
    // The ribbon count before the job tells recovery whether an interrupted job printed at all.
    (void)printer.health_check();
    const auto stats = printer.statistics();
    const auto panels = stats.find("RibbonRemainingPanels");
    nlohmann::json intent = {{"serial", serial},
                             {"attempt", attempt},
                             {"authorisation_id", authorisation_.authorisation_id}};
    if (panels != stats.end()) intent["ribbon_panels_before"] = panels->second;
    record(Step::card_printed, Phase::intent, intent, nullptr, attempt);
    auto job = e_.renderer_.render(CardIssueData{authorisation_, serial, language()}, photo_);
    if (!job.ok()) {
      (void)e_.journal_.record_card_outcome(serial, CardOutcome::spoiled, "render_failed");
      record(Step::card_printed, Phase::failed, {{"serial", serial}, {"reason", "render_failed"}},
             nullptr, attempt);
      throw SessionEnd{Outcome::card_failed, "render_failed"};
    }
    job.value().job_id = txn_ + "-" + std::to_string(attempt);
    Screen printing = make(screens::kPrinting, {}, {{"attempt", attempt + 1}});
    print_until_ = e_.clock_.steady() + e_.options_.print_estimate;
    printing.eta_seconds = eta_seconds(e_.options_.print_estimate);
    show(std::move(printing), false);
    printing_ = true;
    auto printed = device<hal::PrintedCard>(
        printer,
        [&](hal::Completion<hal::PrintedCard> done) {
          return printer.print_card(std::move(job.value()), std::move(done));
        },
        false);
    printing_ = false;
    if (printed.ok()) {
      record(Step::card_printed, Phase::done,
             {{"serial", serial}, {"printer_counter", printed.value().card_counter}}, nullptr,
             attempt);
      card_serial_ = serial;
      return;
    }
    const std::string reason =
        printed.error().reason.empty() ? "print_failed" : printed.error().reason;
    const auto detail = printer.status().detail;
    const auto at = detail.find("card");
    if (at != detail.end() && at->second == "none") {
      // Refused before a card was loaded (ribbon out, cover open, feeder empty): the blank is
      // still in the feeder. The journal has no release, so it is written off as "not_loaded"
      // (reconciliation against the printer counter shows it).
      (void)e_.journal_.record_card_outcome(serial, CardOutcome::spoiled, "not_loaded");
      record(Step::card_printed, Phase::failed,
             {{"serial", serial}, {"reason", reason}, {"card", "not_loaded"}}, nullptr, attempt);
      out_of_service(reason);
      throw SessionEnd{Outcome::out_of_service, reason};
    }
    // A loaded card is lost whatever the cause: spoiled, with reason, then to the reject bin.
    (void)e_.journal_.record_card_outcome(serial, CardOutcome::spoiled, reason);
    record(Step::card_printed, Phase::failed, {{"serial", serial}, {"reason", reason}}, nullptr,
           attempt);
    engine_log()->warn("event=card_spoiled txn={} serial={} reason={}", txn_, serial, reason);
    bool rejected = false;
    const auto until = e_.clock_.steady() + e_.options_.jam_clear_wait;
    do {
      rejected = reject_card_blocking(printer, e_.options_.device_timeout).ok();
      if (!rejected && jammed(reason)) pause();
    } while (!rejected && jammed(reason) && e_.clock_.steady() < until);
    if (jammed(reason) && rejected) continue;  // next blank card
    out_of_service(jammed(reason) ? "card_jam" : reason);
    throw SessionEnd{Outcome::out_of_service, reason};
  }
  out_of_service("card_printer_retry_limit");
  throw SessionEnd{Outcome::out_of_service, "print_retry_limit"};
}

// While a card prints: progress.eta_seconds counts down from the print estimate.
void Engine::SessionRun::refresh_eta() {
  if (!printing_ || cur_.screen != screens::kPrinting) return;
  const int eta = eta_seconds(print_until_ - e_.clock_.steady());
  if (cur_.eta_seconds == eta) return;
  cur_.eta_seconds = eta;
  e_.publish(cur_);
}

// ---- recovery ---------------------------------------------------------------------------------

// A card_printed intent without done/failed: the print was interrupted. An empty printer means
// either the job never took a card (the ribbon did not move: spoiled "not_loaded") or the card
// was printed and taken before that was journalled (issued "taken_unrecorded"); a card still
// inside goes to the reject bin, spoiled "interrupted".
void settle_interrupted_prints(Settling& s) {
  const SettlePorts& p = s.ports;
  for (const Attempt* a : s.journal.of(Step::card_printed)) {
    if (s.journal_broken) return;
    if (a->phase != Phase::intent) continue;
    const std::string serial = str(a->data, "serial");
    if (printer_card_position(p.card_printer) == "none") {
      const auto before = a->data.find("ribbon_panels_before");
      const auto stats = p.card_printer->statistics();
      const auto now = stats.find("RibbonRemainingPanels");
      const bool printed = before != a->data.end() && before->is_number_unsigned() &&
                           now != stats.end() && now->second < before->get<std::uint64_t>();
      if (printed) {
        if (!s.record(Step::card_printed, Phase::done,
                      {{"serial", serial}, {"reason", "taken_unrecorded"}}, a->key))
          return;
        if (!record_taken_unrecorded(s, serial)) return;
      } else {
        if (!s.record(Step::card_printed, Phase::failed,
                      {{"serial", serial}, {"reason", "not_loaded"}}, a->key))
          return;
        if (!serial.empty())
          (void)p.journal.record_card_outcome(serial, CardOutcome::spoiled, "not_loaded");
        s.actions.emplace_back("card_not_loaded");
      }
      continue;
    }
    if (!s.record(Step::card_printed, Phase::failed,
                  {{"serial", serial}, {"reason", "interrupted"}}, a->key))
      return;
    if (p.card_printer != nullptr) (void)reject_card_blocking(*p.card_printer, p.device_timeout);
    if (!serial.empty())
      (void)p.journal.record_card_outcome(serial, CardOutcome::spoiled, "interrupted");
    s.actions.emplace_back("card_spoiled");
  }
}

// A card reserved just before a crash, before its print intent was journalled, never left the
// feeder: it is accounted for as spoiled "not_printed" so every reserved card has an outcome.
// Runs after the card rules, when no card went out.
void settle_unprinted_reservation(Settling& s) {
  // A printed card that may still be in the mouth is not "not printed": settle_card_in_mouth
  // records its outcome once the printer shows where it went.
  if (s.journal_broken || s.delivered || s.retained || s.card_stuck) return;
  auto orphan = s.ports.journal.reserved_card(s.txn);
  if (orphan.ok() && orphan.value()) {
    (void)s.ports.journal.record_card_outcome(*orphan.value(), CardOutcome::spoiled, "not_printed");
    s.actions.emplace_back("card_not_printed");
  }
}

}  // namespace kiosk::engine
