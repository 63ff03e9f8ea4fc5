#include "firmware/engine/engine.hpp"
#include "firmware/engine/service_receipt.hpp"

#include <algorithm>
#include <atomic>
#include <deque>

#include <spdlog/spdlog.h>

#include "firmware/engine/photo_quality.hpp"
#include "firmware/engine/settle.hpp"

namespace kiosk::engine {

std::string_view to_string(Errc code) {
  switch (code) {
    case Errc::unreachable:
      return "unreachable";
    case Errc::timeout:
      return "timeout";
    case Errc::circuit_open:
      return "circuit_open";
    case Errc::rejected:
      return "rejected";
    case Errc::disk_full:
      return "disk_full";
    case Errc::stock_empty:
      return "stock_empty";
    case Errc::storage:
      return "storage";
    case Errc::not_found:
      return "not_found";
    case Errc::invalid_state:
      return "invalid_state";
    case Errc::invalid_argument:
      return "invalid_argument";
    case Errc::out_of_service:
      return "out_of_service";
    case Errc::central_unavailable:
      return "central_unavailable";
    case Errc::busy:
      return "busy";
    case Errc::unauthorised:
      return "unauthorised";
    case Errc::locked_out:
      return "locked_out";
    case Errc::device:
      return "device";
  }
  return "unknown";
}

std::string_view to_string(Phase phase) {
  switch (phase) {
    case Phase::intent:
      return "intent";
    case Phase::done:
      return "done";
    case Phase::failed:
      return "failed";
    case Phase::compensated:
      return "compensated";
  }
  return "unknown";
}

std::string_view to_string(CardOutcome outcome) {
  switch (outcome) {
    case CardOutcome::issued:
      return "issued";
    case CardOutcome::spoiled:
      return "spoiled";
    case CardOutcome::retained:
      return "retained";
  }
  return "unknown";
}

namespace {

std::shared_ptr<spdlog::logger> logger() {
  auto l = spdlog::get("engine");
  if (!l) {
    l = std::make_shared<spdlog::logger>("engine");  // no sink: kioskd registers the real one
    spdlog::register_logger(l);
  }
  return l;
}

// Why a session ends early. Thrown inside the session thread only; caught at its top.
struct SessionEnd {
  std::string code;    // screen error code
  std::string reason;  // finer cause
  std::string screen = screens::kEnded;
  nlohmann::json data = nlohmann::json::object();
};

std::string mask_id(const std::string& id) {
  if (id.size() < 8) return std::string(id.size(), '*');
  return id.substr(0, 4) + std::string(id.size() - 8, '*') + id.substr(id.size() - 4);
}

void wipe(hal::RgbImage& image) {
  std::fill(image.pixels.begin(), image.pixels.end(), std::uint8_t{0});
  image = hal::RgbImage{};
}

void wipe(std::string& s) {
  std::fill(s.begin(), s.end(), '\0');
  s.clear();
}

bool prints_card(Service s) {
  return s != Service::info_query;
}

std::vector<std::string> progress_steps(Service s) {
  if (s == Service::info_query)
    return {"identified", "consent", "face_verified", "eligibility", "completed"};
  std::vector<std::string> v = {"identified",  "consent",        "face_verified",
                                "eligibility", "photo_accepted", "details_confirmed"};
  if (s == Service::replace_damaged) v.emplace_back("old_card_returned");
  for (const char* x :
       {"payment_charged", "issuance_authorised", "card_printed", "card_taken", "completed"})
    v.emplace_back(x);
  return v;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// One session: the step script, run on its own thread.

class Engine::SessionRun {
 public:
  SessionRun(Engine& engine, Service service, std::string txn, std::string session_id)
      : e_(engine), service_(service), txn_(std::move(txn)), session_id_(std::move(session_id)) {}

  void run();

  // From Engine (any thread).
  bool post(const std::string& action, const std::string& value) {
    std::lock_guard lock(m_);
    if (ended_) return false;
    mailbox_.emplace_back(action, value);
    activity_ = true;
    cv_.notify_all();
    return true;
  }
  void request_end(SessionEnd end) {
    std::lock_guard lock(m_);
    if (!stop_) stop_ = std::move(end);
    cv_.notify_all();
  }
  void touch() {
    std::lock_guard lock(m_);
    activity_ = true;
  }
  void note_id_event(hal::EventKind kind) {
    if (!id_armed_) return;
    if (kind == hal::EventKind::cardTaken) id_lifted_ = true;
    if (kind == hal::EventKind::cardPlaced && id_lifted_) id_replaced_ = true;
  }
  const std::string& txn() const { return txn_; }
  // A copy of the licence photo taken (empty when none). Any thread.
  hal::RgbImage photo_copy() {
    std::lock_guard lock(photo_m_);
    return photo_;
  }

 private:
  // ---- plumbing ----
  std::string key(const std::string& step, int attempt = 0) const {
    return idempotency_key(txn_, step, attempt);
  }

  void record(const std::string& step, Phase phase, nlohmann::json data = nlohmann::json::object(),
              nlohmann::json personal = nullptr, int attempt = 0) {
    auto r = e_.journal_.record_step(
        txn_, StepRecord{step, phase, std::move(data), std::move(personal), key(step, attempt)});
    if (!r.ok()) {
      journal_failed_ = true;
      logger()->error("event=journal_write_failed txn={} step={} code={}", txn_, step,
                      to_string(r.error().code));
      throw SessionEnd{"journal_unavailable", std::string(to_string(r.error().code))};
    }
    step_ = step;
  }

  Screen make(const char* name, std::vector<std::string> actions,
              nlohmann::json data = nlohmann::json::object()) {
    Screen s;
    s.session_id = session_id_;
    s.service = std::string(to_string(service_));
    s.step = step_;
    s.screen = name;
    s.prompt = std::string("screen.") + name;
    s.data = std::move(data);
    s.actions = std::move(actions);
    const auto steps = progress_steps(service_);
    s.progress_total = static_cast<int>(steps.size());
    auto it = std::find(steps.begin(), steps.end(), step_);
    s.progress_index = it == steps.end() ? 0 : static_cast<int>(it - steps.begin()) + 1;
    return s;
  }

  void show(Screen s, bool idle_timer) {
    cur_ = std::move(s);
    idle_timer_ = idle_timer;
    if (idle_timer) {
      idle_deadline_ = e_.clock_.steady() + e_.options_.idle_timeout;
      update_idle_fields();
    }
    e_.publish(cur_);
  }

  void update_idle_fields() {
    const auto left = idle_deadline_ - e_.clock_.steady();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(left).count();
    cur_.idle_seconds_left = static_cast<int>(std::max<long long>(0, (ms + 999) / 1000));
    cur_.idle_warning = left <= e_.options_.idle_warning;
  }

  // Runs on every poll slice while the citizen is expected to act: the stop request, the idle
  // timer (with its warning phase) and the ID-card watch.
  void tick(bool citizen) {
    {
      std::lock_guard lock(m_);
      if (stop_) throw *stop_;
      if (activity_ && idle_timer_) idle_deadline_ = e_.clock_.steady() + e_.options_.idle_timeout;
      activity_ = false;
    }
    if (!citizen || !idle_timer_) return;
    if (e_.clock_.steady() >= idle_deadline_) throw SessionEnd{"walked_away", "idle_timeout"};
    const int before = cur_.idle_seconds_left;
    const bool warned = cur_.idle_warning;
    update_idle_fields();
    if (before != cur_.idle_seconds_left || warned != cur_.idle_warning) e_.publish(cur_);
    watch_id_card();
  }

  // The ID card stays on the reader; a lift followed by a new card is checked at once.
  void watch_id_card() {
    if (!id_armed_ || e_.devices_.id_reader == nullptr) return;
    const auto now = e_.clock_.steady();
    if (now - last_watch_ < e_.options_.poll_interval) return;
    last_watch_ = now;
    (void)e_.devices_.id_reader->health_check();  // find-card: raises cardTaken / cardPlaced
    if (id_replaced_) check_id_card();
  }

  void check_id_card() {
    if (!id_replaced_ || e_.devices_.id_reader == nullptr) return;
    hal::ReadIdOptions o;
    o.timeout_ms = 1000;
    auto r = device<hal::IdCard>(
        *e_.devices_.id_reader,
        [&](hal::Completion<hal::IdCard> done) {
          return e_.devices_.id_reader->read_card(o, std::move(done));
        },
        false);
    if (r.ok()) {
      const bool same = r.value().id_number == card_.id_number;
      hal::IdCard other = std::move(r.value());
      wipe(other.id_number);
      wipe(other.name);
      if (!same) throw SessionEnd{"id_card_swapped", "different_card"};
    }
    id_replaced_ = false;
    id_lifted_ = false;
  }

  // Sleeps one poll interval, or less when the session is told to stop.
  void pause() {
    std::unique_lock lock(m_);
    cv_.wait_for(lock, e_.options_.poll_interval, [&] { return stop_.has_value(); });
  }

  std::string language() const {
    std::lock_guard lock(e_.m_);
    return e_.session_language_.empty() ? std::string("zh") : e_.session_language_;
  }

  // Waits for a citizen action allowed on `s`; set_language is handled by Engine::act.
  std::pair<std::string, std::string> wait_action(Screen s) {
    {
      std::lock_guard lock(m_);
      mailbox_.clear();
      activity_ = false;
    }
    show(std::move(s), true);
    for (;;) {
      {
        std::unique_lock lock(m_);
        cv_.wait_for(lock, e_.options_.poll_interval,
                     [&] { return !mailbox_.empty() || stop_.has_value(); });
        if (stop_) throw *stop_;
        if (!mailbox_.empty()) {
          auto a = mailbox_.front();
          mailbox_.pop_front();
          return a;
        }
      }
      tick(true);
    }
  }

  template <typename T, typename Submit>
  hal::Result<T> device(hal::Device& dev, Submit submit, bool citizen) {
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
        if (e_.clock_.steady() > deadline) end = SessionEnd{"device_failure", "device_timeout"};
      } catch (const SessionEnd& s) {
        end = s;
      }
      if (end) {
        dev.cancel(id);
        std::unique_lock lock(w->m);
        w->cv.wait_for(lock, std::chrono::seconds(10), [&] { return w->result.has_value(); });
        throw *end;
      }
    }
  }

  hal::Result<hal::RgbImage> capture() {
    hal::CaptureOptions o;
    return device<hal::RgbImage>(
        *e_.devices_.camera,
        [&](hal::Completion<hal::RgbImage> done) {
          return e_.devices_.camera->capture_still(o, std::move(done));
        },
        false);
  }

  // Shows face_capture for the positioning period (data.countdown_ms), then again with
  // "capturing": true just before the capture. Cancel (a stop request) ends the wait at once.
  void position_face(nlohmann::json data) {
    const auto period = e_.options_.capture_countdown;
    data["countdown_ms"] = period.count() > 0 ? period.count() : 0;
    data["capturing"] = period.count() <= 0;
    show(make(screens::kFaceCapture, {"cancel"}, data), false);
    if (period.count() <= 0) return;
    const auto until = e_.clock_.steady() + period;
    for (;;) {
      tick(false);
      const auto left = until - e_.clock_.steady();
      if (left <= std::chrono::steady_clock::duration::zero()) break;
      std::unique_lock lock(m_);
      cv_.wait_for(lock,
                   std::min<std::chrono::steady_clock::duration>(left, e_.options_.poll_interval),
                   [&] { return stop_.has_value(); });
    }
    data["countdown_ms"] = 0;
    data["capturing"] = true;
    show(make(screens::kFaceCapture, {"cancel"}, data), false);
  }

  void set_photo(hal::RgbImage image) {
    std::lock_guard lock(photo_m_);
    wipe(photo_);
    photo_ = std::move(image);
  }
  void clear_photo() {
    std::lock_guard lock(photo_m_);
    wipe(photo_);
  }

  // While a card prints: progress.eta_seconds counts down from the print estimate.
  static int eta_seconds(std::chrono::steady_clock::duration left) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(left).count();
    return static_cast<int>(std::max<long long>(0, (ms + 999) / 1000));
  }
  void refresh_eta() {
    if (!printing_ || cur_.screen != screens::kPrinting) return;
    const int eta = eta_seconds(print_until_ - e_.clock_.steady());
    if (cur_.eta_seconds == eta) return;
    cur_.eta_seconds = eta;
    e_.publish(cur_);
  }

  [[noreturn]] void central_down(const std::string& step, const Error& err, int attempt = 0,
                                 bool record_failed = true) {
    if (record_failed)
      record(step, Phase::failed, {{"reason", std::string(to_string(err.code))}}, nullptr, attempt);
    throw SessionEnd{"central_unavailable", std::string(to_string(err.code))};
  }

  // ---- steps ----
  void identify();
  void consent();
  void verify_face();
  void eligibility();
  void info();
  void photo();
  void details();
  void return_old_card();
  void pay();
  void authorise();
  std::string print_card();
  void take_card(const std::string& serial);
  void receipt(const std::string& serial);
  void elicence();
  void out_of_service(const std::string& reason);
  void wipe_personal();

  Engine& e_;
  const Service service_;
  const std::string txn_;
  const std::string session_id_;
  std::string step_ = "session_started";
  Screen cur_;
  bool idle_timer_ = false;
  std::chrono::steady_clock::time_point idle_deadline_{};
  std::chrono::steady_clock::time_point last_watch_{};
  bool journal_failed_ = false;

  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::pair<std::string, std::string>> mailbox_;
  std::optional<SessionEnd> stop_;
  bool activity_ = false;
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
  std::string order_id_;
  std::int64_t paid_fen_ = 0;
};

void Engine::SessionRun::run() {
  SessionEnd end{"", "", screens::kCompleted, nlohmann::json::object()};
  bool completed = false;
  std::string serial;
  try {
    record("session_started", Phase::done,
           {{"service", std::string(to_string(service_))}, {"kiosk_id", e_.options_.kiosk_id}});
    identify();
    consent();
    verify_face();
    eligibility();
    if (service_ == Service::info_query) {
      info();
    } else {
      photo();
      details();
      if (service_ == Service::replace_damaged) return_old_card();
      if (decision_.fee_fen > 0) pay();
      authorise();
      serial = print_card();
      take_card(serial);
      receipt(serial);
      elicence();
    }
    record("completed", Phase::done);
    completed = true;
  } catch (const SessionEnd& s) {
    end = s;
  }
  {
    std::lock_guard lock(m_);
    ended_ = true;
  }
  id_armed_ = false;
  wipe_personal();
  // Compensation and finishing come from the journal, exactly as after a crash. With a broken
  // journal nothing is written, so nothing is done: recover() settles it later.
  SettleResult settled{"pending", {}};
  if (!journal_failed_) {
    settled = settle_transaction(
        SettlePorts{e_.journal_, e_.central_, e_.devices_.card_printer, e_.options_.device_timeout},
        txn_, completed ? "completed" : end.code);
  }
  logger()->info("event=session_ended txn={} code={} reason={} outcome={}", txn_,
                 completed ? "completed" : end.code, end.reason, settled.outcome);
  nlohmann::json data = end.data;
  data["outcome"] = settled.outcome;
  data["refunded"] =
      std::find(settled.actions.begin(), settled.actions.end(), "refund") != settled.actions.end();
  if (completed) {
    data["card_serial"] = serial;
    Screen s = make(screens::kCompleted, {"finish"}, data);
    s.step = "completed";
    show(std::move(s), false);
  } else {
    Screen s = make(end.screen.c_str(), {"finish"}, data);
    s.error = ScreenError{end.code, end.reason, "error." + end.code};
    show(std::move(s), false);
  }
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
    if (err.reason == "card_not_removed") {
      // A card is lying on the reader from before: ask for it to be lifted and put back.
      if (!cur_.error) {
        cur_.error = ScreenError{"id_card_not_read", "card_not_removed", "error.id_card_not_read"};
        e_.publish(cur_);
      }
      pause();
      tick(true);
      continue;
    }
    if (++failures >= 3) throw SessionEnd{"id_card_unreadable", err.reason};
    cur_.error = ScreenError{"id_card_not_read", err.reason, "error.id_card_not_read"};
    e_.publish(cur_);
  }
  address_ = card_.appended_address.empty() ? card_.address : card_.appended_address;
  record(
      "identified", Phase::done,
      {{"card_type", card_.type == hal::IdCardType::resident ? "resident" : "foreign_permanent"}},
      {{"id_number", card_.id_number},
       {"name", card_.name},
       {"address", address_},
       {"birth_date", card_.birth_date}});
  id_lifted_ = false;
  id_replaced_ = false;
  id_armed_ = true;
}

void Engine::SessionRun::consent() {
  auto [action, value] =
      wait_action(make(screens::kConsent, {"consent", "call_staff", "cancel"},
                       {{"purpose", "face_verification"}, {"alternative", "call_staff"}}));
  if (action == "cancel") throw SessionEnd{"cancelled", "citizen"};
  if (action == "call_staff") {
    record("consent", Phase::failed, {{"face_verification", false}, {"choice", "call_staff"}});
    throw SessionEnd{"call_staff", "face_consent_declined", screens::kCallStaff};
  }
  record("consent", Phase::done, {{"face_verification", true}});
}

void Engine::SessionRun::verify_face() {
  position_face(nlohmann::json::object());
  check_id_card();
  auto img = capture();
  if (!img.ok()) throw SessionEnd{"device_failure", "camera_" + img.error().reason};
  record("face_verified", Phase::intent);
  auto r = e_.central_.face_match(FaceMatchRequest{card_.id_number, std::move(img.value())},
                                  key("face_verified"));
  if (!r.ok()) {
    if (is_transient(r.error())) central_down("face_verified", r.error());
    record("face_verified", Phase::failed, {{"reason", r.error().reason}});
    throw SessionEnd{"face_check_failed", r.error().reason};
  }
  if (!r.value().match) {
    record("face_verified", Phase::failed,
           {{"match", false}, {"score_permille", r.value().score_permille}});
    throw SessionEnd{"face_mismatch", "no_match"};
  }
  record("face_verified", Phase::done,
         {{"match", true}, {"score_permille", r.value().score_permille}});
}

void Engine::SessionRun::eligibility() {
  show(make(screens::kChecking, {}), false);
  record("eligibility", Phase::intent);
  auto r = e_.central_.eligibility(
      EligibilityRequest{card_.id_number, std::string(to_string(service_))}, key("eligibility"));
  if (!r.ok()) {
    if (is_transient(r.error())) central_down("eligibility", r.error());
    record("eligibility", Phase::failed, {{"reason", r.error().reason}});
    throw SessionEnd{"not_eligible",
                     r.error().reason.empty() ? "no_record" : r.error().reason,
                     screens::kEnded,
                     {{"reasons", {r.error().reason}}}};
  }
  decision_ = std::move(r.value());
  nlohmann::json data = {{"eligible", decision_.eligible},
                         {"reasons", decision_.reasons},
                         {"fee_fen", decision_.fee_fen},
                         {"requires_card_return", decision_.requires_card_return}};
  if (!decision_.eligible) {
    record("eligibility", Phase::done, data);
    const std::string first =
        decision_.reasons.empty() ? "not_eligible" : decision_.reasons.front();
    throw SessionEnd{"not_eligible", first, screens::kEnded, {{"reasons", decision_.reasons}}};
  }
  data["new_valid_from"] = decision_.new_valid_from;
  data["new_valid_to"] = decision_.new_valid_to;
  record("eligibility", Phase::done, data,
         {{"holder_name", decision_.licence.holder_name},
          {"file_number", decision_.licence.file_number}});
}

void Engine::SessionRun::info() {
  const auto& l = decision_.licence;
  auto [action, value] = wait_action(make(screens::kLicenceInfo, {"finish", "cancel"},
                                          {{"name", l.holder_name},
                                           {"file_number", l.file_number},
                                           {"classes", l.classes},
                                           {"valid_from", l.valid_from},
                                           {"valid_to", l.valid_to},
                                           {"state", l.state},
                                           {"points", l.points}}));
  (void)value;
  if (action == "cancel") throw SessionEnd{"cancelled", "citizen"};
}

void Engine::SessionRun::photo() {
  PhotoQualityRules rules{e_.options_.photo_min_mean, e_.options_.photo_max_mean,
                          e_.options_.photo_min_stddev};
  for (int attempt = 0;; ++attempt) {
    if (attempt >= e_.options_.max_photo_attempts) throw SessionEnd{"photo_failed", "retake_limit"};
    position_face({{"purpose", "licence_photo"}});
    auto img = capture();
    if (!img.ok()) throw SessionEnd{"device_failure", "camera_" + img.error().reason};
    const PhotoQuality q = check_photo(img.value(), rules);
    const int retakes_left = e_.options_.max_photo_attempts - attempt - 1;
    Screen s =
        make(screens::kPhotoReview,
             q.ok ? std::vector<std::string>{"accept", "retake", "cancel"}
                  : std::vector<std::string>{"retake", "cancel"},
             {{"attempt", attempt + 1}, {"retakes_left", retakes_left}, {"quality_ok", q.ok}});
    if (!q.ok) s.error = ScreenError{"photo_quality", q.reason, "error.photo_quality"};
    if (!q.ok && retakes_left == 0) {
      wipe(img.value());
      throw SessionEnd{"photo_failed", q.reason};
    }
    set_photo(std::move(img.value()));
    auto [action, value] = wait_action(std::move(s));
    (void)value;
    if (action == "cancel") throw SessionEnd{"cancelled", "citizen"};
    if (action == "accept") {
      record("photo_accepted", Phase::done,
             {{"attempts", attempt + 1}, {"quality_mean", static_cast<int>(q.mean)}});
      return;
    }
    clear_photo();
  }
}

void Engine::SessionRun::details() {
  for (;;) {
    nlohmann::json data = {{"name", card_.name},
                           {"id_number", mask_id(card_.id_number)},
                           {"address", address_},
                           {"classes", decision_.licence.classes},
                           {"valid_from", decision_.new_valid_from},
                           {"valid_to", decision_.new_valid_to},
                           {"fee_fen", decision_.fee_fen}};
    Screen s = make(screens::kConfirmDetails, {"confirm", "change_address", "cancel"}, data);
    auto [action, value] = wait_action(std::move(s));
    if (action == "cancel") throw SessionEnd{"cancelled", "citizen"};
    if (action == "change_address") {
      if (!value.empty() && value.size() <= 300) {
        address_ = value;
        address_changed_ = true;
      }
      continue;
    }
    record("details_confirmed", Phase::done, {{"address_changed", address_changed_}},
           {{"address", address_}});
    return;
  }
}

void Engine::SessionRun::return_old_card() {
  auto [action, value] =
      wait_action(make(screens::kReturnOldCard, {"old_card_returned", "cancel"}));
  (void)value;
  if (action == "cancel") throw SessionEnd{"cancelled", "citizen"};
  record("old_card_returned", Phase::done, {{"slot", "recovery"}});
}

void Engine::SessionRun::pay() {
  for (int attempt = 0; attempt < e_.options_.max_payment_attempts; ++attempt) {
    check_id_card();
    record("payment_created", Phase::intent,
           {{"amount_fen", decision_.fee_fen}, {"attempt", attempt}}, nullptr, attempt);
    auto order = e_.central_.create_payment(
        CreatePaymentRequest{decision_.fee_fen, std::string(to_string(service_))},
        key("payment_created", attempt));
    if (!order.ok()) {
      if (is_transient(order.error())) central_down("payment_created", order.error(), attempt);
      record("payment_created", Phase::failed, {{"reason", order.error().reason}}, nullptr,
             attempt);
      throw SessionEnd{"payment_failed", order.error().reason};
    }
    const PaymentOrder o = order.value();
    record("payment_created", Phase::done, {{"order_id", o.order_id}, {"amount_fen", o.amount_fen}},
           nullptr, attempt);

    show(make(screens::kPayment, {"cancel"}, {{"amount_fen", o.amount_fen}, {"qr", o.qr}}), true);
    hal::Result<hal::PaymentCode> code = hal::make_error(hal::CompletionCode::timeout, "no_code");
    for (;;) {
      code = device<hal::PaymentCode>(
          *e_.devices_.payment_terminal,
          [&](hal::Completion<hal::PaymentCode> done) {
            return e_.devices_.payment_terminal->read_code(
                static_cast<int>(e_.options_.device_timeout.count()), std::move(done));
          },
          true);
      if (code.ok()) break;
      if (code.error().code != hal::CompletionCode::timeout)
        throw SessionEnd{"device_failure", "payment_terminal_" + code.error().reason};
    }

    show(make(screens::kChecking, {}), false);
    const nlohmann::json charge_data = {
        {"order_id", o.order_id},
        {"attempt", attempt},
        {"wallet", std::string(hal::to_string(code.value().wallet))}};
    record("payment_charged", Phase::intent, charge_data, nullptr, attempt);
    auto charged =
        e_.central_.charge_payment(o.order_id, code.value().code, key("payment_charged", attempt));
    wipe(code.value().code);
    std::string outcome;
    std::string decline_reason;
    const bool charge_unanswered = !charged.ok() && is_transient(charged.error());
    if (charged.ok()) {
      outcome = charged.value().outcome == ChargeOutcome::approved   ? "approved"
                : charged.value().outcome == ChargeOutcome::declined ? "declined"
                                                                     : "unknown";
      decline_reason = charged.value().order.decline_reason;
    } else if (is_transient(charged.error())) {
      outcome = "unknown";
    } else {
      outcome = "declined";
      decline_reason = charged.error().reason;
    }
    // An unknown outcome is resolved through payment_status (the intent stays in doubt until then).
    for (int q = 0; outcome == "unknown" && q < e_.options_.payment_status_queries; ++q) {
      auto st = e_.central_.payment_status(o.order_id);
      if (st.ok() && st.value().state == "paid") outcome = "approved";
      if (st.ok() && (st.value().state == "declined" || st.value().state == "created" ||
                      st.value().state == "cancelled")) {
        outcome = "declined";
        decline_reason =
            st.value().decline_reason.empty() ? "not_charged" : st.value().decline_reason;
      }
      if (outcome == "unknown") {
        std::unique_lock lock(m_);
        cv_.wait_for(lock, e_.options_.payment_status_interval, [&] { return stop_.has_value(); });
      }
    }
    if (outcome == "unknown") throw SessionEnd{"payment_unresolved", "status_unknown"};
    if (charge_unanswered && outcome == "declined" && decline_reason == "not_charged") {
      // The charge never reached the acquirer: central is the problem, not the citizen's wallet.
      record("payment_charged", Phase::failed,
             {{"order_id", o.order_id}, {"outcome", "not_charged"}}, nullptr, attempt);
      throw SessionEnd{"central_unavailable", std::string(to_string(charged.error().code))};
    }
    if (outcome == "approved") {
      record("payment_charged", Phase::done, {{"order_id", o.order_id}, {"outcome", "approved"}},
             nullptr, attempt);
      order_id_ = o.order_id;
      paid_fen_ = o.amount_fen;
      return;
    }
    record("payment_charged", Phase::failed,
           {{"order_id", o.order_id}, {"outcome", "declined"}, {"reason", decline_reason}}, nullptr,
           attempt);
    if (attempt + 1 >= e_.options_.max_payment_attempts) break;
    Screen s = make(screens::kPaymentDeclined, {"retry", "cancel"}, {{"amount_fen", o.amount_fen}});
    s.error = ScreenError{"payment_declined", decline_reason, "error.payment_declined"};
    auto [action, value] = wait_action(std::move(s));
    (void)value;
    if (action == "cancel") throw SessionEnd{"cancelled", "citizen"};
  }
  throw SessionEnd{"payment_declined", "attempts_exhausted"};
}

void Engine::SessionRun::authorise() {
  show(make(screens::kChecking, {}), false);
  check_id_card();
  record("issuance_authorised", Phase::intent, {{"order_id", order_id_}});
  auto r = e_.central_.authorise_issuance(
      IssuanceRequest{card_.id_number, std::string(to_string(service_)), order_id_},
      key("issuance_authorised"));
  if (!r.ok()) {
    // Transient: central may have authorised; the intent stays in doubt and settle refunds.
    if (is_transient(r.error()))
      throw SessionEnd{"central_unavailable", std::string(to_string(r.error().code))};
    record("issuance_authorised", Phase::failed, {{"reason", r.error().reason}});
    throw SessionEnd{"issuance_refused", r.error().reason};
  }
  authorisation_ = std::move(r.value());
  record("issuance_authorised", Phase::done,
         {{"authorisation_id", authorisation_.authorisation_id}});
}

void Engine::SessionRun::out_of_service(const std::string& reason) {
  (void)e_.set_out_of_service(true, reason, "engine");
}

std::string Engine::SessionRun::print_card() {
  hal::CardPrinter& printer = *e_.devices_.card_printer;
  for (int attempt = 0; attempt < e_.options_.max_print_attempts; ++attempt) {
    auto reserved = e_.journal_.reserve_card(txn_);
    if (!reserved.ok()) {
      if (reserved.error().code == Errc::stock_empty) {
        out_of_service("stock_empty");
        throw SessionEnd{"out_of_service", "stock_empty"};
      }
      journal_failed_ = true;
      throw SessionEnd{"journal_unavailable", std::string(to_string(reserved.error().code))};
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
    record("card_printed", Phase::intent, intent, nullptr, attempt);
    auto job = e_.renderer_.render(CardIssueData{authorisation_, serial, language()}, photo_);
    if (!job.ok()) {
      (void)e_.journal_.record_card_outcome(serial, CardOutcome::spoiled, "render_failed");
      record("card_printed", Phase::failed, {{"serial", serial}, {"reason", "render_failed"}},
             nullptr, attempt);
      throw SessionEnd{"card_failed", "render_failed"};
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
      record("card_printed", Phase::done,
             {{"serial", serial}, {"printer_counter", printed.value().card_counter}}, nullptr,
             attempt);
      return serial;
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
      record("card_printed", Phase::failed,
             {{"serial", serial}, {"reason", reason}, {"card", "not_loaded"}}, nullptr, attempt);
      out_of_service(reason);
      throw SessionEnd{"out_of_service", reason};
    }
    // A loaded card is lost whatever the cause: spoiled, with reason, then to the reject bin.
    (void)e_.journal_.record_card_outcome(serial, CardOutcome::spoiled, reason);
    record("card_printed", Phase::failed, {{"serial", serial}, {"reason", reason}}, nullptr,
           attempt);
    logger()->warn("event=card_spoiled txn={} serial={} reason={}", txn_, serial, reason);
    bool rejected = false;
    const auto until = e_.clock_.steady() + e_.options_.jam_clear_wait;
    do {
      rejected = reject_card_blocking(printer, e_.options_.device_timeout).ok();
      if (!rejected && reason == "jam") pause();
    } while (!rejected && reason == "jam" && e_.clock_.steady() < until);
    if (reason == "jam" && rejected) continue;  // next blank card
    out_of_service(reason == "jam" ? "card_jam" : reason);
    throw SessionEnd{"out_of_service", reason};
  }
  out_of_service("card_printer_retry_limit");
  throw SessionEnd{"out_of_service", "print_retry_limit"};
}

void Engine::SessionRun::take_card(const std::string& serial) {
  hal::CardPrinter& printer = *e_.devices_.card_printer;
  show(make(screens::kTakeCard, {}), false);
  const auto deadline = e_.clock_.steady() + e_.options_.card_take_timeout;
  for (;;) {
    auto st = printer.health_check();
    if (st.ok()) {
      auto it = st.value().detail.find("card");
      if (it != st.value().detail.end() && it->second == "none") break;
    }
    if (e_.clock_.steady() >= deadline) {
      // Not taken: the card goes to the reject bin and is kept for the citizen at the office.
      record("card_retained", Phase::intent, {{"serial", serial}});
      (void)reject_card_blocking(printer, e_.options_.device_timeout);
      (void)e_.journal_.record_card_outcome(serial, CardOutcome::retained, "not_taken");
      record("card_retained", Phase::done, {{"serial", serial}, {"reason", "not_taken"}});
      throw SessionEnd{"card_retained", "not_taken"};
    }
    pause();
  }
  auto issued = e_.journal_.record_card_outcome(serial, CardOutcome::issued, "");
  if (!issued.ok()) {
    journal_failed_ = true;
    throw SessionEnd{"journal_unavailable", std::string(to_string(issued.error().code))};
  }
  record("card_taken", Phase::done, {{"serial", serial}});
}

void Engine::SessionRun::receipt(const std::string& serial) {
  if (e_.devices_.receipt_printer == nullptr) return;
  record("receipt_printed", Phase::intent);
  ServiceReceiptData data;
  data.service = std::string(to_string(service_));
  data.kiosk_id = e_.options_.kiosk_id;
  data.txn_id = txn_;
  data.at = e_.clock_.now();
  data.card_serial = serial;
  data.authorisation_id = authorisation_.authorisation_id;
  // The office's card data carries the new validity as "validity": {"valid_to": ...}.
  const auto& card = authorisation_.card;
  if (card.contains("validity") && card["validity"].is_object() &&
      card["validity"].contains("valid_to") && card["validity"]["valid_to"].is_string()) {
    data.valid_to = card["validity"]["valid_to"].get<std::string>();
  }
  data.paid_fen = paid_fen_;
  data.order_id = order_id_;
  hal::Receipt r = make_service_receipt(data);
  auto done = device<hal::Done>(
      *e_.devices_.receipt_printer,
      [&](hal::Completion<hal::Done> d) {
        return e_.devices_.receipt_printer->print(std::move(r), std::move(d));
      },
      false);
  if (done.ok()) {
    record("receipt_printed", Phase::done);
  } else {
    // No receipt is not a reason to fail a renewal: it is journalled (and on the kiosk's status).
    record("receipt_printed", Phase::failed, {{"reason", done.error().reason}});
  }
}

void Engine::SessionRun::elicence() {
  record("elicence_reissued", Phase::intent,
         {{"authorisation_id", authorisation_.authorisation_id}});
  auto r = e_.central_.reissue_elicence(authorisation_.authorisation_id, key("elicence_reissued"));
  if (r.ok()) {
    record("elicence_reissued", Phase::done, {{"reissue_id", r.value().reissue_id}});
  } else if (!is_transient(r.error())) {
    record("elicence_reissued", Phase::failed, {{"reason", r.error().reason}});
  }
  // Transient: the intent stays; settle / recover() retries with the same key.
}

// ---------------------------------------------------------------------------------------

Engine::Engine(JournalPort& journal, CentralPort& central, Devices devices, CardRenderer& renderer,
               const Clock& clock, EngineOptions options)
    : journal_(journal),
      central_(central),
      devices_(devices),
      renderer_(renderer),
      clock_(clock),
      options_(std::move(options)),
      maintenance_(journal, clock) {
  screen_.screen = screens::kIdle;
  screen_.prompt = "screen.idle";
  screen_.actions = {"start"};
  load_settings();
  if (devices_.id_reader != nullptr) {
    devices_.id_reader->set_event_handler([this](const hal::DeviceEvent& ev) {
      std::shared_ptr<SessionRun> run;
      {
        std::lock_guard lock(m_);
        run = run_;
      }
      if (run) run->note_id_event(ev.kind);
    });
  }
}

Engine::~Engine() {
  if (devices_.id_reader != nullptr) devices_.id_reader->set_event_handler(nullptr);
  std::shared_ptr<SessionRun> run;
  {
    std::lock_guard lock(m_);
    run = run_;
  }
  if (run) run->request_end(SessionEnd{"shutdown", "engine_stopped"});
  if (thread_.joinable()) thread_.join();
}

void Engine::load_settings() {
  auto oos = journal_.get_setting("out_of_service");
  if (oos.ok() && oos.value() && *oos.value() == "1") {
    out_of_service_ = true;
    auto reason = journal_.get_setting("out_of_service_reason");
    if (reason.ok() && reason.value()) out_of_service_reason_ = *reason.value();
  }
}

void Engine::publish(Screen s) {
  std::function<void(const Screen&)> cb;
  {
    std::lock_guard lock(m_);
    if (!s.session_id.empty() && !session_language_.empty()) s.language = session_language_;
    screen_ = s;
    ++screen_version_;
    cb = callback_;
  }
  cv_.notify_all();
  if (cb) cb(s);
}

Screen Engine::screen() const {
  std::lock_guard lock(m_);
  return screen_;
}

void Engine::on_screen_changed(std::function<void(const Screen&)> callback) {
  std::lock_guard lock(m_);
  callback_ = std::move(callback);
}

bool Engine::wait_for(const std::function<bool(const Screen&)>& pred,
                      std::chrono::milliseconds timeout) const {
  std::unique_lock lock(m_);
  return cv_.wait_for(lock, timeout, [&] { return pred(screen_); });
}

void Engine::join_session() {
  if (thread_.joinable()) thread_.join();
}

Result<hal::RgbImage> Engine::camera_preview() {
  auto allowed = [this]() -> std::optional<Error> {
    std::lock_guard lock(m_);
    if (!running_ || !run_) return make_error(Errc::invalid_state, "no_session");
    if (screen_.screen != screens::kFaceCapture)
      return make_error(Errc::invalid_state, "action_not_allowed");
    return std::nullopt;
  };
  if (auto refused = allowed()) return *refused;
  if (devices_.camera == nullptr) return make_error(Errc::device, "device_offline", "no camera");
  std::unique_lock preview(preview_m_, std::try_to_lock);
  if (!preview.owns_lock())
    return make_error(Errc::device, "device_busy", "a preview is already being taken");
  struct Wait {
    std::mutex m;
    std::condition_variable cv;
    std::optional<hal::Result<hal::RgbImage>> result;
  };
  auto w = std::make_shared<Wait>();
  hal::CaptureOptions o;
  o.warmup_frames = 0;  // the stream restarts per capture; a preview need not settle exposure
  const hal::RequestId id =
      devices_.camera->capture_still(o, [w](hal::RequestId, hal::Result<hal::RgbImage> r) {
        std::lock_guard lock(w->m);
        w->result.emplace(std::move(r));
        w->cv.notify_all();
      });
  {
    std::unique_lock lock(w->m);
    // The camera serialises commands: an engine capture in progress finishes first.
    if (!w->cv.wait_for(lock, options_.device_timeout, [&] { return w->result.has_value(); })) {
      lock.unlock();
      devices_.camera->cancel(id);
      return make_error(Errc::device, "device_busy", "no preview frame in time");
    }
  }
  hal::Result<hal::RgbImage> frame = std::move(*w->result);
  if (!frame.ok()) {
    const auto code = frame.error().code;
    const bool offline = code == hal::CompletionCode::deviceNotReady;
    return make_error(Errc::device, offline ? "device_offline" : "device_error",
                      "camera: " + frame.error().reason);
  }
  // The session may have moved on (or ended) while the frame was taken.
  if (auto refused = allowed()) {
    wipe(frame.value());
    return *refused;
  }
  return std::move(frame.value());
}

Result<hal::RgbImage> Engine::photo_under_review() const {
  std::shared_ptr<SessionRun> run;
  {
    std::lock_guard lock(m_);
    if (!running_ || !run_) return make_error(Errc::invalid_state, "no_session");
    if (screen_.screen != screens::kPhotoReview)
      return make_error(Errc::invalid_state, "action_not_allowed");
    run = run_;
  }
  hal::RgbImage photo = run->photo_copy();
  if (photo.pixels.empty()) return make_error(Errc::invalid_state, "action_not_allowed");
  return photo;
}

KioskState Engine::state() const {
  std::lock_guard lock(m_);
  return KioskState{out_of_service_, out_of_service_reason_, running_};
}

Result<Done> Engine::set_out_of_service(bool enabled, const std::string& reason,
                                        const std::string& actor) {
  auto a = journal_.set_setting("out_of_service", enabled ? "1" : "0");
  if (!a.ok()) return a.error();
  (void)journal_.set_setting("out_of_service_reason", enabled ? reason : "");
  (void)journal_.append_event("kiosk.out_of_service",
                              {{"enabled", enabled}, {"reason", reason}, {"actor", actor}});
  if (actor != "engine")
    (void)journal_.audit(actor, "maintenance.set_out_of_service",
                         {{"enabled", enabled}, {"reason", reason}});
  {
    std::lock_guard lock(m_);
    out_of_service_ = enabled;
    out_of_service_reason_ = enabled ? reason : "";
  }
  logger()->warn("event=out_of_service enabled={} reason={} actor={}", enabled, reason, actor);
  return Done{};
}

std::vector<RecoveredTransaction> Engine::recover() {
  std::vector<RecoveredTransaction> out;
  auto list = journal_.unfinished_transactions();
  if (!list.ok()) return out;
  std::string active;
  {
    std::lock_guard lock(m_);
    if (running_ && run_) active = run_->txn();
  }
  for (const auto& t : list.value()) {
    if (t.id == active) continue;
    auto r = settle_transaction(
        SettlePorts{journal_, central_, devices_.card_printer, options_.device_timeout}, t.id,
        "interrupted");
    logger()->info("event=recovered txn={} outcome={}", t.id, r.outcome);
    out.push_back(RecoveredTransaction{t.id, r.outcome, r.actions});
  }
  return out;
}

Result<Screen> Engine::start_session(const std::string& service_name, const std::string& language) {
  auto refuse = [&](Errc code, const std::string& reason) -> Result<Screen> {
    Screen s;
    s.screen = screens::kUnavailable;
    s.prompt = "screen.unavailable";
    s.language = (language == "en") ? "en" : "zh";
    s.actions = {"start"};
    s.error = ScreenError{reason, reason, "error." + reason};
    publish(s);
    logger()->info("event=session_refused reason={}", reason);
    return make_error(code, reason);
  };
  const auto service = service_from_string(service_name);
  if (!service) return make_error(Errc::invalid_argument, "unknown_service");
  if (language != "zh" && language != "en")
    return make_error(Errc::invalid_argument, "unknown_language");
  {
    std::lock_guard lock(m_);
    if (running_) return make_error(Errc::busy, "session_running");
  }
  if (thread_.joinable()) thread_.join();
  if (state().out_of_service) return refuse(Errc::out_of_service, "out_of_service");
  if (!central_.available()) return refuse(Errc::central_unavailable, "central_unavailable");
  if (prints_card(*service)) {
    auto stock = journal_.stock_counts();
    if (stock.ok() && stock.value().remaining == 0)
      return refuse(Errc::out_of_service, "stock_empty");
  }
  auto txn = journal_.begin_transaction(std::string(to_string(*service)));
  if (!txn.ok()) return refuse(txn.error().code, "journal_unavailable");
  const std::string session_id =
      "s-" + txn.value().substr(txn.value().size() > 12 ? txn.value().size() - 12 : 0);
  auto run = std::make_shared<SessionRun>(*this, *service, txn.value(), session_id);
  {
    std::lock_guard lock(m_);
    run_ = run;
    running_ = true;
    session_language_ = language;
  }
  logger()->info("event=session_started txn={} service={}", txn.value(), service_name);
  thread_ = std::thread([this, run] {
    run->run();
    std::lock_guard lock(m_);
    running_ = false;
    cv_.notify_all();
  });
  wait_for([&](const Screen& s) { return s.session_id == session_id; }, std::chrono::seconds(5));
  return screen();
}

Result<Done> Engine::act(const std::string& action, const std::string& value) {
  std::shared_ptr<SessionRun> run;
  Screen current;
  bool running = false;
  {
    std::lock_guard lock(m_);
    running = running_;
    current = screen_;
    if (action == "set_language" && running_ && run_) {
      if (value != "zh" && value != "en")
        return make_error(Errc::invalid_argument, "unknown_language");
      session_language_ = value;
      screen_.language = value;
      run_->touch();
      current = screen_;
      run = nullptr;
    } else {
      run = running_ ? run_ : nullptr;
    }
  }
  if (action == "set_language") {
    if (current.session_id.empty()) return make_error(Errc::invalid_state, "no_session");
    publish(current);
    return Done{};
  }
  if (action == "finish" && current.allows("finish") &&
      (!running || current.screen != screens::kLicenceInfo)) {
    dismiss();
    return Done{};
  }
  if (!current.allows(action)) return make_error(Errc::invalid_state, "action_not_allowed");
  if (action == "cancel") return cancel();
  if (!run || !run->post(action, value)) return make_error(Errc::invalid_state, "no_session");
  return Done{};
}

Result<Done> Engine::cancel() {
  std::shared_ptr<SessionRun> run;
  {
    std::lock_guard lock(m_);
    if (!running_ || !run_) return make_error(Errc::invalid_state, "no_session");
    if (!screen_.allows("cancel")) return make_error(Errc::invalid_state, "action_not_allowed");
    run = run_;
  }
  run->request_end(SessionEnd{"cancelled", "citizen"});
  return Done{};
}

void Engine::dismiss() {
  {
    std::unique_lock lock(m_);
    // The session thread publishes its end screen just before it ends: let it finish.
    if (!cv_.wait_for(lock, std::chrono::seconds(5),
                      [&] { return !running_ || !screen_.allows("finish"); }))
      return;
    if (running_) return;
    run_.reset();
    session_language_.clear();
  }
  if (thread_.joinable()) thread_.join();
  Screen s;
  s.screen = screens::kIdle;
  s.prompt = "screen.idle";
  s.actions = {"start"};
  publish(s);
}

}  // namespace kiosk::engine
