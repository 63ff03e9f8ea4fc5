#pragma once
// The transaction engine (ARCHITECTURE.md, "The transaction engine"): runs one citizen session
// at a time as its service's list of journalled steps (services.hpp), publishes the screen
// model, and at start finishes or compensates every unfinished transaction from its journalled
// steps (settle.hpp).
//
// Steps (step.hpp, in order; services skip what they do not need):
//   session_started, identified, consent, face_verified, eligibility, photo_accepted,
//   details_confirmed, old_card_returned (replace_damaged), payment_created, payment_charged
//   (skipped when the fee is 0), issuance_authorised, card_printed (one attempt per blank card;
//   a jam spoils the card and the next one is used), card_taken | card_retained,
//   receipt_printed, elicence_reissued, completed; compensation: refund.
// Every step with a side effect is journalled as `intent` BEFORE it (with the idempotency key
// "<txn>:<step>:<attempt>") and as `done` / `failed` AFTER it. A side effect whose intent
// could not be journalled is never performed, so a journal failure (disk full) is a safe stop.
//
// Invariants: no charge without a card handed out, a retained card or a recorded refund; at
// most one card per issuance authorisation; every blank card taken from stock ends issued,
// spoiled (with reason) or retained.
//
// Where the code is: engine.cpp (this facade), preview.cpp (camera preview, photo under
// review), session_run.* (the session thread: stages, waiting, idle timer, ID-card watch),
// session_end.cpp, step_<group>.cpp (each stage with its journalling and its recovery),
// settle.* (finishing from the journal), screens.* (what each screen shows).
//
// Threading: the public methods are thread-safe. A session runs on its own thread; device
// completions arrive on the device threads and only wake it. The screen-changed callback is
// called on the session thread (or the caller's, for start/cancel), without engine locks
// held; it must not block.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "firmware/engine/maintenance.hpp"
#include "firmware/engine/ports.hpp"
#include "firmware/engine/screen.hpp"
#include "firmware/engine/services.hpp"

namespace kiosk::engine {

struct EngineOptions {
  std::chrono::milliseconds idle_timeout{90'000};  // no citizen input on a waiting screen
  std::chrono::milliseconds idle_warning{20'000};  // the last part of it shows a warning
  std::chrono::milliseconds card_take_timeout{60'000};
  std::chrono::milliseconds device_timeout{120'000};  // longest wait for any device command
  std::chrono::milliseconds poll_interval{200};       // ID-card watch and card-mouth polling
  int max_photo_attempts = 4;                         // one capture + three retakes
  int max_print_attempts = 3;                         // blank cards per authorisation (jams)
  int max_payment_attempts = 3;
  int payment_status_queries = 5;  // resolving an unknown charge outcome
  std::chrono::milliseconds payment_status_interval{1000};
  std::chrono::milliseconds jam_clear_wait{10'000};  // how long reject_card is retried after a jam
  // Face positioning: before each capture (face verification, licence photo) face_capture is
  // shown with data.countdown_ms for this long, so the citizen can look at the live preview
  // (camera_preview) and the UI can count down; cancel is allowed during it. 0 = capture at once.
  std::chrono::milliseconds capture_countdown{0};
  // Expected duration of one card print job: the printing screen's progress.eta_seconds counts
  // down from it (republished whenever the whole-second value changes; 0 = overdue).
  std::chrono::milliseconds print_estimate{18'000};
  // Licence-photo quality: mean luminance range and minimum contrast (standard deviation).
  double photo_min_mean = 40, photo_max_mean = 235, photo_min_stddev = 12;
  std::string kiosk_id = "kiosk";
  // A citizen's payment that recover() still cannot settle (refund owed, central away) this
  // long after it was first seen puts the kiosk out of service ("unsettled_payment") until
  // it is settled: a kiosk that cannot give money back should not take more.
  std::chrono::milliseconds unsettled_payment_limit{15 * 60'000};
};

// Outcome of recover() for one transaction.
struct RecoveredTransaction {
  std::string txn;
  Outcome outcome = Outcome::pending;  // the finish outcome, or pending (central down)
  std::vector<std::string> actions;    // "refund", "card_spoiled", "card_retained", "elicence", ...
  bool owes_refund = false;            // still pending with the citizen's money to give back
  bool card_stuck = false;             // a printed card may still be in the mouth (reject failed)
};

struct KioskState {
  bool out_of_service = false;
  std::string reason;  // "ribbon_out", "technician", ...
  bool session_active = false;
};

class Engine {
 public:
  Engine(JournalPort& journal, CentralPort& central, Devices devices, CardRenderer& renderer,
         const Clock& clock, EngineOptions options = {});
  ~Engine();  // aborts a running session (as a walk-away) and joins its thread
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Finishes or compensates every unfinished transaction. Call at start before the first
  // session, then periodically (kioskd does) for the ones left "pending" while central was
  // away. Runs only between sessions (a pass while a session runs is skipped: it returns
  // nothing) and holds session starts off while it runs, so that it never shares the card
  // printer or a transaction with a session.
  std::vector<RecoveredTransaction> recover();

  // Starts a session ("renewal" | "replace_lost" | "replace_damaged" | "info_query", "zh" |
  // "en"). Refused with a clear screen: out_of_service, central_unavailable (circuit open),
  // stock_empty (printing services), busy, disk_full / storage (journal), invalid_argument.
  Result<Screen> start_session(const std::string& service, const std::string& language);
  // A citizen action allowed on the current screen (Screen::actions); value as the screen
  // documents (e.g. change_address's new address, set_language's "zh"/"en").
  // Errors: invalid_state ("no_session", "action_not_allowed"); invalid_argument
  // ("unknown_language"; change_address: the address.hpp reasons, and the screen stays with
  // error {"invalid_address", <reason>}).
  Result<Done> act(const std::string& action, const std::string& value = {});
  // "I'm still here": restarts the idle timer of a screen that waits for the citizen
  // (idle_seconds_left >= 0), clears its warning and republishes it; returns once the session
  // has done so (or after a second). Errors: invalid_state ("no_session",
  // "action_not_allowed" on a screen without idle timer).
  Result<Done> keep_alive();
  // The citizen pressed cancel (allowed on most screens; payment compensation applies).
  Result<Done> cancel();
  // Back to the idle screen after an ended session (same as act("finish")).
  void dismiss();

  Screen screen() const;
  nlohmann::json screen_json() const { return to_json(screen()); }
  void on_screen_changed(std::function<void(const Screen&)> callback);

  // A fresh camera frame for the citizen's live preview. Allowed only while a session shows
  // face_capture (invalid_state: "no_session" / "action_not_allowed"); one preview at a time
  // (device "device_busy"); the camera driver queues it behind an engine capture in progress,
  // never in place of it. Errors: device ("device_error", "device_offline", "device_busy").
  // Personal data: the caller encodes it, never logs it, and wipes it.
  Result<hal::RgbImage> camera_preview();
  // A copy of the licence photo under review. Allowed only on photo_review (invalid_state
  // "no_session" / "action_not_allowed"). Personal data: as camera_preview.
  Result<hal::RgbImage> photo_under_review() const;

  KioskState state() const;
  // Maintenance switch (also set by the engine on ribbon out). Persisted as settings
  // "out_of_service" / "out_of_service_reason"; audited with `actor`.
  Result<Done> set_out_of_service(bool enabled, const std::string& reason,
                                  const std::string& actor);

  Maintenance& maintenance() { return maintenance_; }

  // For tests and the scripted citizen: waits until `pred(screen())` holds or `timeout` passes.
  bool wait_for(const std::function<bool(const Screen&)>& pred,
                std::chrono::milliseconds timeout) const;
  // Waits for the running session thread to end (after its final screen). For tests.
  void join_session();

  class SessionRun;  // one session's stages (session_run.hpp)

 private:
  friend class SessionRun;
  struct Shared;
  void publish(Screen screen);
  void load_settings();
  // The out-of-service reason while a printed card may still be in the mouth.
  static constexpr const char* kCardInMouth = "card_in_mouth";
  // Out of service while a card may be in the mouth ("card_in_mouth", at once) or a refund is
  // owed past unsettled_payment_limit ("unsettled_payment"); lifted when that is settled.
  void watch_unsettled(const std::vector<RecoveredTransaction>& pending);

  JournalPort& journal_;
  CentralPort& central_;
  Devices devices_;
  CardRenderer& renderer_;
  const Clock& clock_;
  const EngineOptions options_;
  Maintenance maintenance_;

  mutable std::mutex m_;
  mutable std::condition_variable cv_;
  Screen screen_;
  std::function<void(const Screen&)> callback_;
  bool out_of_service_ = false;
  std::string out_of_service_reason_;
  std::shared_ptr<SessionRun> run_;
  std::thread thread_;
  bool running_ = false;  // the session thread has not ended yet
  std::string session_language_;
  std::uint64_t screen_version_ = 0;
  std::mutex preview_m_;  // one camera preview at a time
  // Held by start_session from its check to the session thread's start, and by recover():
  // two concurrent starts or a start during recovery would otherwise race on thread_ and
  // on the transaction being begun.
  std::mutex start_m_;
  // Unfinished transactions that owe a citizen money, and since when (recover(), under start_m_).
  std::map<std::string, std::chrono::steady_clock::time_point> unsettled_since_;
};

}  // namespace kiosk::engine
