#pragma once
// Engine-internal: one citizen session, run on its own thread as its service's list of stages
// (services.hpp). The plumbing every stage shares — journalling, publishing screens, waiting
// for the citizen or a device with the idle timer and the ID-card watch running — is in
// session_run.cpp; the end of a session (settle, the end screen, wiping) in session_end.cpp;
// each group of stages in its step_<group>.cpp.
//
// Threading: run() and every private member run on the session thread only. The public
// members below run() are called by Engine from any thread and touch only what m_ guards (and
// the atomics / photo_m_).

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "firmware/engine/engine.hpp"
#include "firmware/engine/money.hpp"
#include "firmware/engine/screens.hpp"
#include "firmware/engine/settle.hpp"

namespace kiosk::engine {

// Why a session ends early. Thrown inside the session thread only; caught at its top.
struct SessionEnd {
  Outcome code = Outcome::aborted;  // the end screen's error.code and settle's hint
  std::string reason;               // finer cause (error.reason)
  std::string screen = screens::kEnded;
  nlohmann::json data = nlohmann::json::object();
};

class Engine::SessionRun {
 public:
  SessionRun(Engine& engine, Service service, std::string txn, std::string session_id)
      : e_(engine), service_(service), txn_(std::move(txn)), session_id_(std::move(session_id)) {}

  // The session: every stage of the service, then the end screen. Session thread.
  void run();

  // ---- from Engine (any thread) ----
  // Queues a citizen action for the stage waiting for it; false once the session has ended.
  bool post(const std::string& action, const std::string& value);
  // Ends the session at its next wait (cancel, shutdown); the first request wins.
  void request_end(SessionEnd end);
  // Citizen input: restarts the idle timer at the next tick.
  void touch();
  // session.keep_alive: restarts the idle timer and republishes the screen (warning cleared)
  // at the next tick. Returns a ticket for kept_alive().
  std::uint64_t keep_alive();
  // Whether the keep-alive `ticket` has been applied and its screen published.
  bool kept_alive(std::uint64_t ticket);
  // A refused action: the screen `screen` (if still shown) is republished with `error`.
  void refuse(const std::string& screen, ScreenError error);
  void note_id_event(hal::EventKind kind);
  const std::string& txn() const { return txn_; }
  // A copy of the licence photo taken (empty when none).
  hal::RgbImage photo_copy();

 private:
  // ---- plumbing (session_run.cpp) ----
  void run_stage(Stage stage);
  std::string key(Step step, int attempt = 0) const { return idempotency_key(txn_, step, attempt); }
  // Journals a step record; a refused write ends the session (journal_unavailable).
  void record(Step step, Phase phase, nlohmann::json data = nlohmann::json::object(),
              nlohmann::json personal = nullptr, int attempt = 0);
  Screen make(const char* name, std::vector<std::string> actions,
              nlohmann::json data = nlohmann::json::object()) const;
  // Publishes `s`; with `idle_timer` the citizen has idle_timeout to act on it.
  void show(Screen s, bool idle_timer);
  void update_idle_fields();
  // Runs on every poll slice while the session waits: the stop request, the idle timer (with
  // its warning phase), refusals and keep-alives, and (when the citizen is the one expected to
  // act) the ID-card watch.
  void tick(bool citizen);
  void watch_id_card();
  // A lifted and replaced ID card must be the same person's (id_card_swapped otherwise).
  void check_id_card();
  // Sleeps one poll interval, or less when the session is told to stop.
  void pause();
  std::string language() const;
  // Shows `s` and waits for a citizen action allowed on it; set_language is Engine::act's.
  std::pair<std::string, std::string> wait_action(Screen s);
  // Submits a device command and waits for its completion while ticking; cancels it and ends
  // the session on a stop request, the idle timeout (`citizen`) or device_timeout.
  template <typename T, typename Submit>
  hal::Result<T> device(hal::Device& dev, Submit submit, bool citizen);
  [[noreturn]] void central_down(Step step, const Error& err, int attempt = 0,
                                 bool record_failed = true);
  void out_of_service(const std::string& reason);

  // ---- end of session (session_end.cpp) ----
  void end_session(bool completed, SessionEnd end);
  // The money outcome when settle could not read the journal: from what this session saw.
  Money money_seen() const;
  void wipe_personal();

  // ---- stages (step_*.cpp) ----
  void identify();     // step_identify.cpp
  void consent();      // step_face.cpp
  void verify_face();  // step_face.cpp
  void position_face(nlohmann::json data);
  hal::Result<hal::RgbImage> capture();
  void eligibility();   // step_eligibility.cpp
  void licence_info();  // step_eligibility.cpp
  void photo();         // step_photo.cpp
  void set_photo(hal::RgbImage image);
  void clear_photo();
  void confirm_details();  // step_details.cpp
  void return_old_card();  // step_details.cpp
  void pay();              // step_payment.cpp
  void authorise();        // step_issuance.cpp
  void print_card();       // step_print.cpp
  void refresh_eta();
  void take_card();  // step_handout.cpp
  void receipt();    // step_handout.cpp
  void elicence();   // step_handout.cpp

  Engine& e_;
  const Service service_;
  const std::string txn_;
  const std::string session_id_;
  std::optional<Step> step_;  // the last step journalled
  Screen cur_;
  bool idle_timer_ = false;
  std::chrono::steady_clock::time_point idle_deadline_{};
  std::chrono::steady_clock::time_point last_watch_{};
  bool journal_failed_ = false;

  std::mutex m_;  // guards the members up to ended_
  std::condition_variable cv_;
  std::deque<std::pair<std::string, std::string>> mailbox_;
  std::optional<SessionEnd> stop_;
  bool activity_ = false;
  std::uint64_t keep_alive_asked_ = 0;  // keep_alive tickets handed out
  std::uint64_t keep_alive_done_ = 0;   // ... and applied (screen republished)
  std::optional<std::pair<std::string, ScreenError>> refusal_;
  bool ended_ = false;

  bool printing_ = false;  // the printing screen's eta counts down
  std::chrono::steady_clock::time_point print_until_{};

  std::atomic<bool> id_armed_{false};
  std::atomic<bool> id_lifted_{false};
  std::atomic<bool> id_replaced_{false};

  // Personal data of this session: wiped at the end whatever happens.
  hal::IdCard card_;
  std::string address_;
  bool address_changed_ = false;
  EligibilityDecision decision_;
  mutable std::mutex photo_m_;  // photo_ is written on the session thread, copied by session.photo
  hal::RgbImage photo_;
  IssuanceAuthorisation authorisation_;

  // What the session did, for the end screen (not personal).
  std::string order_id_;       // the paid order
  std::int64_t paid_fen_ = 0;  // set as soon as central approves the charge
  std::string card_serial_;    // the printed card
  bool card_out_ = false;      // the card left the printer: taken, or retained for the office
  std::string receipt_qr_;     // the QR the receipt printed, when it printed
};

template <typename T, typename Submit>
hal::Result<T> Engine::SessionRun::device(hal::Device& dev, Submit submit, bool citizen) {
  struct Wait {
    std::mutex m;
    std::condition_variable cv;
    std::optional<hal::Result<T>> result;
  };
  auto w = std::make_shared<Wait>();
  const hal::RequestId id = submit([w](hal::RequestId, hal::Result<T> r) {
    std::lock_guard lock(w->m);
    w->result.emplace(std::move(r));
    w->cv.notify_all();
  });
  const auto deadline = e_.clock_.steady() + e_.options_.device_timeout;
  for (;;) {
    {
      std::unique_lock lock(w->m);
      if (w->cv.wait_for(lock, e_.options_.poll_interval, [&] { return w->result.has_value(); }))
        return std::move(*w->result);
    }
    std::optional<SessionEnd> end;
    try {
      tick(citizen);
      refresh_eta();
      if (e_.clock_.steady() > deadline)
        end = SessionEnd{Outcome::device_failure, "device_timeout"};
    } catch (const SessionEnd& s) {
      end = s;
    }
    if (end) {
      // The completion still arrives (cancelled): wait for it so the device is free again.
      dev.cancel(id);
      std::unique_lock lock(w->m);
      w->cv.wait_for(lock, std::chrono::seconds(10), [&] { return w->result.has_value(); });
      throw *end;
    }
  }
}

}  // namespace kiosk::engine
