// The engine's facade: sessions started, acted on, kept alive, cancelled and dismissed from any
// thread; the kiosk's state; recovery at start. The session itself runs in session_run.cpp.
#include "firmware/engine/engine.hpp"

#include "firmware/engine/service_devices.hpp"

#include "firmware/engine/address.hpp"
#include "firmware/engine/engine_log.hpp"
#include "firmware/engine/session_run.hpp"
#include "firmware/engine/settle.hpp"

namespace kiosk::engine {

Engine::Engine(JournalPort& journal, CentralPort& central, Devices devices, CardRenderer& renderer,
               const Clock& clock, EngineOptions options)
    : journal_(journal),
      central_(central),
      devices_(devices),
      renderer_(renderer),
      clock_(clock),
      options_(std::move(options)),
      maintenance_(journal, clock),
      screen_(idle_screen()) {
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
  if (run) run->request_end(SessionEnd{Outcome::shutdown, "engine_stopped"});
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
  engine_log()->warn("event=out_of_service enabled={} reason={} actor={}", enabled, reason, actor);
  return Done{};
}

std::vector<RecoveredTransaction> Engine::recover() {
  std::vector<RecoveredTransaction> out;
  std::lock_guard start(start_m_);  // also guards unsettled_since_
  {
    std::lock_guard lock(m_);
    if (running_) return out;  // the next pass, between sessions
  }
  auto list = journal_.unfinished_transactions();
  if (!list.ok()) return out;
  for (const auto& t : list.value()) {
    auto r = settle_transaction(
        SettlePorts{journal_, central_, devices_.card_printer, options_.device_timeout}, t.id,
        Outcome::interrupted);
    const bool owes =
        r.outcome == Outcome::pending && r.money && r.money->state == MoneyState::refund_pending;
    // Still pending is the usual answer of a periodic pass while central is away: not news.
    engine_log()->log(r.outcome == Outcome::pending ? spdlog::level::debug : spdlog::level::info,
                      "event=recovered txn={} outcome={}", t.id, to_string(r.outcome));
    out.push_back(RecoveredTransaction{t.id, r.outcome, r.actions, owes, r.card_stuck});
  }
  watch_unsettled(out);
  return out;
}

void Engine::watch_unsettled(const std::vector<RecoveredTransaction>& settled) {
  constexpr const char* kUnsettled = "unsettled_payment";
  const auto now = clock_.steady();
  bool overdue = false;
  bool stuck = false;
  std::map<std::string, std::chrono::steady_clock::time_point> still;
  for (const auto& t : settled) {
    stuck = stuck || t.card_stuck;
    if (!t.owes_refund) continue;
    auto it = unsettled_since_.find(t.txn);
    const auto since = it == unsettled_since_.end() ? now : it->second;
    still[t.txn] = since;
    if (now - since >= options_.unsettled_payment_limit) overdue = true;
  }
  unsettled_since_ = std::move(still);
  const KioskState s = state();
  // The engine lifts only what it set itself; a technician's out of service stays.
  const bool engine_set = s.reason == kUnsettled || s.reason == kCardInMouth;
  if (stuck) {
    if (!s.out_of_service || s.reason == kUnsettled) {
      engine_log()->error("event=card_in_mouth");
      (void)set_out_of_service(true, kCardInMouth, "engine");
    }
  } else if (overdue) {
    if (!s.out_of_service || s.reason == kCardInMouth) {
      engine_log()->error("event=unsettled_payment transactions={}", unsettled_since_.size());
      (void)set_out_of_service(true, kUnsettled, "engine");
    }
  } else if (s.out_of_service && engine_set) {
    (void)set_out_of_service(false, s.reason, "engine");
  }
}

Result<Screen> Engine::start_session(const std::string& service_name, const std::string& language) {
  auto refuse = [&](Errc code, const std::string& reason) -> Result<Screen> {
    publish(unavailable_screen(reason, language));
    engine_log()->info("event=session_refused reason={}", reason);
    return make_error(code, reason);
  };
  const auto service = service_from_string(service_name);
  if (!service) return make_error(Errc::invalid_argument, "unknown_service");
  if (language != "zh" && language != "en")
    return make_error(Errc::invalid_argument, "unknown_language");
  std::lock_guard start(start_m_);
  {
    std::lock_guard lock(m_);
    if (running_) return make_error(Errc::busy, "session_running");
  }
  if (thread_.joinable()) thread_.join();
  if (state().out_of_service) return refuse(Errc::out_of_service, "out_of_service");
  if (!central_.available()) return refuse(Errc::central_unavailable, "central_unavailable");
  if (auto missing = missing_device(*service, devices_)) {
    engine_log()->warn("event=session_refused_device device={}", *missing);
    return refuse(Errc::out_of_service, "device_unavailable");
  }
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
  engine_log()->info("event=session_started txn={} service={}", txn.value(), service_name);
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
  // finish on an end screen returns to idle; on licence_info it is the citizen's answer.
  if (action == "finish" && current.allows("finish") &&
      (!running || current.screen != screens::kLicenceInfo)) {
    dismiss();
    return Done{};
  }
  if (!current.allows(action)) return make_error(Errc::invalid_state, "action_not_allowed");
  if (action == "cancel") return cancel();
  if (!run) return make_error(Errc::invalid_state, "no_session");
  std::string input = value;
  if (action == "change_address") {
    // Validated here so the caller learns why; the session only ever sees a good address.
    auto address = address_from_value(value);
    if (!address.ok()) {
      run->refuse(current.screen,
                  ScreenError{"invalid_address", address.error().reason, "error.invalid_address"});
      return address.error();
    }
    input = std::move(address.value());
  }
  if (!run->post(action, input)) return make_error(Errc::invalid_state, "no_session");
  return Done{};
}

Result<Done> Engine::keep_alive() {
  std::shared_ptr<SessionRun> run;
  {
    std::lock_guard lock(m_);
    if (!running_ || !run_) return make_error(Errc::invalid_state, "no_session");
    if (screen_.idle_seconds_left < 0) return make_error(Errc::invalid_state, "action_not_allowed");
    run = run_;
  }
  const std::uint64_t ticket = run->keep_alive();
  // The session thread applies it at its next poll slice; answer after it did, so the caller
  // sees the timer restarted. (Lock order: m_, then the session's.)
  std::unique_lock lock(m_);
  cv_.wait_for(lock, std::chrono::seconds(1), [&] { return !running_ || run->kept_alive(ticket); });
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
  run->request_end(SessionEnd{Outcome::cancelled, "citizen"});
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
  publish(idle_screen());
}

}  // namespace kiosk::engine
