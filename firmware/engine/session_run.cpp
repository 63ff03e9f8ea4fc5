#include "firmware/engine/session_run.hpp"

#include <algorithm>

#include "firmware/engine/engine_log.hpp"
#include "firmware/engine/wipe.hpp"

namespace kiosk::engine {

void Engine::SessionRun::run() {
  bool completed = false;
  SessionEnd end;
  try {
    record(Step::session_started, Phase::done,
           {{"service", std::string(to_string(service_))}, {"kiosk_id", e_.options_.kiosk_id}});
    for (Stage stage : stages(service_)) run_stage(stage);
    record(Step::completed, Phase::done);
    completed = true;
  } catch (const SessionEnd& s) {
    end = s;
  }
  end_session(completed, std::move(end));
}

void Engine::SessionRun::run_stage(Stage stage) {
  switch (stage) {
    case Stage::identify:
      return identify();
    case Stage::consent:
      return consent();
    case Stage::face:
      return verify_face();
    case Stage::eligibility:
      return eligibility();
    case Stage::licence_info:
      return licence_info();
    case Stage::photo:
      return photo();
    case Stage::confirm:
      return confirm_details();
    case Stage::old_card:
      return return_old_card();
    case Stage::payment:
      return pay();
    case Stage::issuance:
      return authorise();
    case Stage::print:
      return print_card();
    case Stage::take:
      return take_card();
    case Stage::receipt:
      return receipt();
    case Stage::elicence:
      return elicence();
  }
}

// ---- from Engine --------------------------------------------------------------------------

bool Engine::SessionRun::post(const std::string& action, const std::string& value) {
  std::lock_guard lock(m_);
  if (ended_) return false;
  mailbox_.emplace_back(action, value);
  activity_ = true;
  cv_.notify_all();
  return true;
}

void Engine::SessionRun::request_end(SessionEnd end) {
  std::lock_guard lock(m_);
  if (!stop_) stop_ = std::move(end);
  cv_.notify_all();
}

void Engine::SessionRun::touch() {
  std::lock_guard lock(m_);
  activity_ = true;
}

std::uint64_t Engine::SessionRun::keep_alive() {
  std::lock_guard lock(m_);
  activity_ = true;
  cv_.notify_all();
  return ++keep_alive_asked_;
}

bool Engine::SessionRun::kept_alive(std::uint64_t ticket) {
  std::lock_guard lock(m_);
  return keep_alive_done_ >= ticket;
}

void Engine::SessionRun::refuse(const std::string& screen, ScreenError error) {
  std::lock_guard lock(m_);
  refusal_.emplace(screen, std::move(error));
  activity_ = true;
  cv_.notify_all();
}

void Engine::SessionRun::note_id_event(hal::EventKind kind) {
  if (!id_armed_) return;
  if (kind == hal::EventKind::cardTaken) id_lifted_ = true;
  if (kind == hal::EventKind::cardPlaced && id_lifted_) id_replaced_ = true;
}

hal::RgbImage Engine::SessionRun::photo_copy() {
  std::lock_guard lock(photo_m_);
  return photo_;
}

// ---- journal and screens --------------------------------------------------------------------

void Engine::SessionRun::record(Step step, Phase phase, nlohmann::json data,
                                nlohmann::json personal, int attempt) {
  auto r = e_.journal_.record_step(
      txn_, StepRecord{step, phase, std::move(data), std::move(personal), key(step, attempt)});
  if (!r.ok()) {
    journal_failed_ = true;
    engine_log()->error("event=journal_write_failed txn={} step={} code={}", txn_, to_string(step),
                        to_string(r.error().code));
    throw SessionEnd{Outcome::journal_unavailable, std::string(to_string(r.error().code))};
  }
  step_ = step;
}

Screen Engine::SessionRun::make(const char* name, std::vector<std::string> actions,
                                nlohmann::json data) const {
  return session_screen(session_id_, service_, step_, name, std::move(actions), std::move(data));
}

void Engine::SessionRun::show(Screen s, bool idle_timer) {
  cur_ = std::move(s);
  idle_timer_ = idle_timer;
  if (idle_timer) {
    idle_deadline_ = e_.clock_.steady() + e_.options_.idle_timeout;
    update_idle_fields();
  }
  e_.publish(cur_);
}

void Engine::SessionRun::update_idle_fields() {
  const auto left = idle_deadline_ - e_.clock_.steady();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(left).count();
  cur_.idle_seconds_left = static_cast<int>(std::max<long long>(0, (ms + 999) / 1000));
  cur_.idle_warning = left <= e_.options_.idle_warning;
}

// ---- waiting ----------------------------------------------------------------------------------

void Engine::SessionRun::tick(bool citizen) {
  std::uint64_t kept = 0;  // the keep-alive ticket this tick answers, if any
  std::optional<std::pair<std::string, ScreenError>> refusal;
  {
    std::lock_guard lock(m_);
    if (stop_) throw *stop_;
    if (activity_ && idle_timer_) idle_deadline_ = e_.clock_.steady() + e_.options_.idle_timeout;
    activity_ = false;
    if (keep_alive_asked_ != keep_alive_done_) kept = keep_alive_asked_;
    refusal = std::exchange(refusal_, std::nullopt);
  }
  bool refresh = kept != 0;
  // A refused action leaves its screen with the reason, until the citizen acts again.
  if (refusal && refusal->first == cur_.screen) {
    cur_.error = std::move(refusal->second);
    refresh = true;
  }
  if (citizen && idle_timer_ && e_.clock_.steady() >= idle_deadline_)
    throw SessionEnd{Outcome::walked_away, "idle_timeout"};
  const int before = cur_.idle_seconds_left;
  const bool warned = cur_.idle_warning;
  // The idle fields follow the clock only while the citizen is the one expected to act.
  if (idle_timer_ && (citizen || refresh)) update_idle_fields();
  if (refresh || before != cur_.idle_seconds_left || warned != cur_.idle_warning) e_.publish(cur_);
  if (kept != 0) {
    // Engine::keep_alive answers once the republished screen is out.
    {
      std::lock_guard lock(m_);
      keep_alive_done_ = kept;
    }
    std::lock_guard lock(e_.m_);
    e_.cv_.notify_all();
  }
  if (citizen && idle_timer_) watch_id_card();
}

void Engine::SessionRun::watch_id_card() {
  if (!id_armed_ || e_.devices_.id_reader == nullptr) return;
  const auto now = e_.clock_.steady();
  if (now - last_watch_ < e_.options_.poll_interval) return;
  last_watch_ = now;
  (void)e_.devices_.id_reader->health_check();  // find-card: raises cardTaken / cardPlaced
  if (id_replaced_) check_id_card();
}

void Engine::SessionRun::check_id_card() {
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
    if (!same) throw SessionEnd{Outcome::id_card_swapped, "different_card"};
  }
  id_replaced_ = false;
  id_lifted_ = false;
}

void Engine::SessionRun::pause() {
  std::unique_lock lock(m_);
  cv_.wait_for(lock, e_.options_.poll_interval, [&] { return stop_.has_value(); });
}

std::string Engine::SessionRun::language() const {
  std::lock_guard lock(e_.m_);
  return e_.session_language_.empty() ? std::string("zh") : e_.session_language_;
}

std::pair<std::string, std::string> Engine::SessionRun::wait_action(Screen s) {
  {
    std::lock_guard lock(m_);
    mailbox_.clear();
    activity_ = false;
  }
  show(std::move(s), true);
  for (;;) {
    {
      std::unique_lock lock(m_);
      cv_.wait_for(lock, e_.options_.poll_interval, [&] {
        return !mailbox_.empty() || stop_.has_value() || keep_alive_asked_ != keep_alive_done_ ||
               refusal_.has_value();
      });
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

void Engine::SessionRun::central_down(Step step, const Error& err, int attempt,
                                      bool record_failed) {
  if (record_failed)
    record(step, Phase::failed, {{"reason", std::string(to_string(err.code))}}, nullptr, attempt);
  throw SessionEnd{Outcome::central_unavailable, std::string(to_string(err.code))};
}

void Engine::SessionRun::out_of_service(const std::string& reason) {
  (void)e_.set_out_of_service(true, reason, "engine");
}

}  // namespace kiosk::engine
