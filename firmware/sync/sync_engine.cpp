#include "firmware/sync/sync_engine.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kiosk::sync {
namespace {

std::shared_ptr<spdlog::logger> logger() {
  static auto log = [] {
    auto existing = spdlog::get("sync");
    return existing ? existing : spdlog::default_logger()->clone("sync");
  }();
  return log;
}

// The longest the thread sleeps without looking at the (possibly injected) clock again.
constexpr std::chrono::milliseconds kMaxWait{1000};

bool answered(const SyncError& e) {
  return e.code == Errc::rejected || e.code == Errc::server || e.code == Errc::invalid_response;
}

}  // namespace

nlohmann::json to_json(const SyncStatus& s, std::chrono::steady_clock::time_point now) {
  nlohmann::json j{{"last_acknowledged", s.last_acknowledged},
                   {"last_sequence", s.last_sequence},
                   {"depth", s.depth},
                   {"central_reachable", s.central_reachable},
                   {"circuit", std::string(to_string(s.circuit))},
                   {"consecutive_failures", s.consecutive_failures},
                   {"batches_uploaded", s.batches_uploaded},
                   {"records_uploaded", s.records_uploaded},
                   {"config_version", s.config_version},
                   {"running", s.running}};
  j["last_error"] = nullptr;
  if (s.last_error) {
    j["last_error"] = {{"code", std::string(to_string(s.last_error->code))},
                       {"message", s.last_error->message},
                       {"http_status", s.last_error->http_status},
                       {"api_code", s.last_error->api_code}};
  }
  j["next_attempt_in_ms"] = nullptr;
  if (s.next_attempt) {
    j["next_attempt_in_ms"] = std::max<std::int64_t>(
        0, std::chrono::duration_cast<std::chrono::milliseconds>(*s.next_attempt - now).count());
  }
  j["last_heartbeat_server_time"] =
      s.last_heartbeat_server_time ? nlohmann::json(*s.last_heartbeat_server_time) : nullptr;
  return j;
}

SyncEngine::SyncEngine(CentralClient& client, OutboxSource& outbox, SyncOptions options)
    : client_(client),
      outbox_(outbox),
      options_(std::move(options)),
      backoff_(options_.backoff, options_.random) {
  options_.batch_size = std::clamp<std::size_t>(options_.batch_size, 1, 1000);
  config_version_ = options_.config_version;
}

SyncEngine::~SyncEngine() {
  stop();
}

SyncEngine::TimePoint SyncEngine::now() const {
  return options_.clock ? options_.clock() : std::chrono::steady_clock::now();
}

void SyncEngine::start() {
  std::lock_guard lock(mutex_);
  if (running_) return;
  stopping_ = false;
  running_ = true;
  acked_ = outbox_.last_acknowledged();
  cursor_ = acked_ + 1;  // resume after what the office already holds
  const auto t = now();
  next_upload_ = next_heartbeat_ = next_config_ = t;
  thread_ = std::thread([this] { run(); });
  logger()->info("event=sync_started resume_after={}", acked_);
}

void SyncEngine::stop() {
  {
    std::lock_guard lock(mutex_);
    if (!running_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  {
    std::lock_guard lock(mutex_);
    running_ = false;
  }
  progress_.notify_all();
  logger()->info("event=sync_stopped");
}

void SyncEngine::sync_now() {
  {
    std::lock_guard lock(mutex_);
    sync_requested_ = true;
  }
  wake_.notify_all();
}

SyncStatus SyncEngine::status() const {
  SyncStatus s;
  s.last_sequence = outbox_.last_sequence();
  s.last_acknowledged = outbox_.last_acknowledged();
  s.depth = s.last_sequence > s.last_acknowledged ? s.last_sequence - s.last_acknowledged : 0;
  s.circuit = client_.breaker().state();
  std::lock_guard lock(mutex_);
  s.last_error = last_error_;
  s.central_reachable = reachable_;
  if (backing_off_) s.next_attempt = next_upload_;
  s.consecutive_failures = failures_;
  s.batches_uploaded = batches_;
  s.records_uploaded = records_;
  s.config_version = config_version_;
  s.last_heartbeat_server_time = server_time_;
  s.running = running_;
  return s;
}

bool SyncEngine::wait_for_ack(std::uint64_t seq, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  progress_.wait_for(lock, timeout, [&] { return acked_ >= seq || !running_ || stopping_; });
  return acked_ >= seq;
}

void SyncEngine::probe_if_open() {
  if (client_.breaker().state() != CircuitState::open || now() < next_probe_) return;
  next_probe_ = now() + options_.probe_interval;
  if (!client_.probe(&stopping_)) return;
  std::lock_guard lock(mutex_);
  backoff_.reset();
  next_upload_ = now();  // the outbox goes now
}

void SyncEngine::run() {
  while (!stopping_) {
    bool forced = false;
    {
      std::lock_guard lock(mutex_);
      forced = sync_requested_;
      sync_requested_ = false;
    }
    probe_if_open();
    if (forced || now() >= next_upload_) upload_round();
    if (stopping_) break;
    if (options_.heartbeat_provider && now() >= next_heartbeat_) heartbeat_once();
    if (stopping_) break;
    if (options_.config_handler && now() >= next_config_) config_once();
    progress_.notify_all();

    std::unique_lock lock(mutex_);
    if (stopping_ || sync_requested_) continue;
    auto wake_at = next_upload_;
    if (options_.heartbeat_provider) wake_at = std::min(wake_at, next_heartbeat_);
    if (options_.config_handler) wake_at = std::min(wake_at, next_config_);
    if (client_.breaker().state() == CircuitState::open) wake_at = std::min(wake_at, next_probe_);
    const auto delta = std::chrono::duration_cast<std::chrono::milliseconds>(wake_at - now());
    if (delta.count() <= 0) continue;
    wake_.wait_for(lock, std::min(delta, kMaxWait),
                   [&] { return stopping_.load() || sync_requested_; });
  }
}

void SyncEngine::note_result(const SyncError* error) {
  std::lock_guard lock(mutex_);
  if (!error) {
    backoff_.reset();
    failures_ = 0;
    backing_off_ = false;
    last_error_.reset();
    reachable_ = true;
    return;
  }
  last_error_ = *error;
  reachable_ = answered(*error);
  ++failures_;
  backing_off_ = true;
  auto next = now() + backoff_.next_delay();
  if (client_.breaker().state() == CircuitState::open) {
    next = std::max(next, client_.breaker().reopens_at());  // no use knocking before then
  }
  next_upload_ = next;
  const auto retry_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(next_upload_ - now()).count();
  logger()->warn("event=upload_failed error={} status={} api_code={} failures={} retry_in_ms={}",
                 to_string(error->code), error->http_status,
                 error->api_code.empty() ? "-" : error->api_code, failures_, retry_ms);
}

void SyncEngine::upload_round() {
  int rewinds = 0;
  while (!stopping_) {
    std::uint64_t cursor = 0;
    {
      std::lock_guard lock(mutex_);
      cursor = cursor_;
    }
    auto batch = outbox_.outbox_after(cursor - 1, options_.batch_size);
    if (!batch) {
      SyncError e = batch.error();
      e.code = Errc::outbox;
      note_result(&e);
      return;
    }
    if (batch->empty()) {
      note_result(nullptr);
      std::lock_guard lock(mutex_);
      next_upload_ = now() + options_.upload_interval;
      return;
    }
    bool consecutive = batch->front().seq == cursor;
    for (std::size_t i = 1; consecutive && i < batch->size(); ++i) {
      consecutive = (*batch)[i].seq == (*batch)[i - 1].seq + 1;
    }
    if (!consecutive || batch->size() > options_.batch_size) {
      const SyncError e = make_error(Errc::outbox, "the outbox returned records out of sequence");
      note_result(&e);
      return;
    }

    auto ack = client_.upload_events(*batch, &stopping_);
    if (!ack) {
      const SyncError& e = ack.error();
      if (e.code == Errc::cancelled) return;
      if (e.code == Errc::rejected && e.api_code == "sequence_gap" && e.expected_sequence &&
          *e.expected_sequence >= 1 && rewinds < 3) {
        ++rewinds;
        const std::uint64_t expected = *e.expected_sequence;
        const std::uint64_t held = expected - 1;  // the office holds 1..held
        if (held > outbox_.last_acknowledged()) {
          if (held > outbox_.last_sequence()) {
            SyncError worse = e;
            worse.message += " (the office holds more records than this kiosk's outbox)";
            note_result(&worse);
            return;
          }
          if (auto marked = outbox_.mark_acknowledged(held); !marked) {
            SyncError oe = marked.error();
            oe.code = Errc::outbox;
            note_result(&oe);
            return;
          }
        }
        logger()->warn("event=sequence_gap expected={} was_sending={}", expected, cursor);
        std::lock_guard lock(mutex_);
        acked_ = std::max(acked_, held);
        cursor_ = expected;
        continue;
      }
      note_result(&e);
      return;
    }

    const std::uint64_t last = batch->back().seq;
    if (ack->acknowledged_seq < last) {
      const SyncError e =
          make_error(Errc::invalid_response, "the office acknowledged less than the batch");
      note_result(&e);
      return;
    }
    // A re-sent batch comes back with an acknowledgement at or below ours: harmless.
    if (last > outbox_.last_acknowledged()) {
      if (auto marked = outbox_.mark_acknowledged(last); !marked) {
        SyncError oe = marked.error();
        oe.code = Errc::outbox;
        note_result(&oe);
        return;
      }
    }
    logger()->info("event=batch_acknowledged first={} last={} stored={} acked={}",
                   batch->front().seq, last, ack->stored, ack->acknowledged_seq);
    {
      std::lock_guard lock(mutex_);
      cursor_ = last + 1;
      acked_ = std::max(acked_, last);
      ++batches_;
      records_ += ack->stored;
    }
    note_result(nullptr);
    progress_.notify_all();
    if (batch->size() < options_.batch_size) {
      std::lock_guard lock(mutex_);
      next_upload_ = now() + options_.upload_interval;
      return;
    }
  }
}

void SyncEngine::heartbeat_once() {
  nlohmann::json hb = options_.heartbeat_provider();
  if (!hb.is_object()) hb = nlohmann::json::object();
  if (!hb.contains("outbox_depth")) {
    const auto last = outbox_.last_sequence(), acked = outbox_.last_acknowledged();
    hb["outbox_depth"] = last > acked ? last - acked : 0;
  }
  auto answer = client_.heartbeat(hb, &stopping_);
  std::lock_guard lock(mutex_);
  next_heartbeat_ = now() + options_.heartbeat_interval;
  if (answer) {
    server_time_ = *answer;
    reachable_ = true;
  } else if (answer.error().code != Errc::cancelled) {
    reachable_ = answered(answer.error());
    logger()->warn("event=heartbeat_failed error={}", to_string(answer.error().code));
  }
}

void SyncEngine::config_once() {
  std::int64_t have = 0;
  {
    std::lock_guard lock(mutex_);
    have = config_version_;
  }
  auto update = client_.fetch_config(have, &stopping_);
  bool applied = false;
  std::int64_t version = 0;
  if (update && *update) {
    version = (*update)->document.version;
    applied = options_.config_handler(**update);
    logger()->info("event=config_received version={} applied={}", version, applied);
  } else if (!update && update.error().code != Errc::cancelled &&
             !(update.error().code == Errc::rejected && update.error().http_status == 404)) {
    logger()->warn("event=config_pull_failed error={}", to_string(update.error().code));
  }
  std::lock_guard lock(mutex_);
  next_config_ = now() + options_.config_interval;
  if (applied) config_version_ = std::max(config_version_, version);
}

}  // namespace kiosk::sync
