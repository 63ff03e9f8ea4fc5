#pragma once
// SyncEngine: the background thread that drains the outbox to the office, sends heartbeats
// and pulls the signed configuration.
//
// Contract
// * Upload: records are sent in ascending batches (<= batch_size) starting after the
//   source's last_acknowledged() (so a restart resumes there). A batch counts only once the
//   office answers 200; then mark_acknowledged(min(acked_seq, last seq of the batch)). Nothing
//   is skipped or reordered; a failure retries the same records.
// * 409 sequence_gap (expected_sequence E): the office holds 1..E-1. If E-1 is ahead of the
//   local acknowledgement (the kiosk crashed between upload and mark), it is marked; the
//   upload then continues from E (also when E is behind: the office lost records and they
//   are sent again). An acknowledgement below the local one (a re-sent batch) is ignored.
// * Failures back off exponentially with full jitter (Backoff); rejected uploads that cannot
//   heal by themselves (conflict, broken_chain, bad_signature, ...) also back off and stay in
//   status().last_error for the operator. A success resets the backoff.
// * When the outbox is empty the engine polls it every `upload_interval` (or at sync_now()).
// * Heartbeat every heartbeat_interval with heartbeat_provider()'s JSON ("outbox_depth" is
//   filled in when the provider leaves it out); none when the provider is null.
// * Config pull every config_interval; config_handler is called only with a verified
//   document newer than the running version; when it returns true that version becomes the
//   running one. None when the handler is null.
// * stop() is prompt: it wakes the thread and aborts a transfer in flight. Idempotent; the
//   destructor stops. start() after stop() is allowed.
// * All calls go through the CentralClient's circuit breaker.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include <nlohmann/json.hpp>

#include "firmware/sync/backoff.hpp"
#include "firmware/sync/central_client.hpp"
#include "firmware/sync/circuit_breaker.hpp"
#include "firmware/sync/errors.hpp"
#include "firmware/sync/outbox_source.hpp"

namespace kiosk::sync {

struct SyncOptions {
  std::size_t batch_size = 100;                      // 1..1000 records per upload
  std::chrono::milliseconds upload_interval{5'000};  // outbox poll when idle
  std::chrono::milliseconds probe_interval{2'000};   // asking an office behind an open breaker
  BackoffOptions backoff{};
  std::chrono::milliseconds heartbeat_interval{60'000};
  std::function<nlohmann::json()> heartbeat_provider;  // device status, supplies, stock, version
  std::chrono::milliseconds config_interval{300'000};
  std::int64_t config_version = 0;                               // the version the kiosk runs
  std::function<bool(const ConfigUpdate&)> config_handler;       // true: applied
  std::function<std::chrono::steady_clock::time_point()> clock;  // null: steady_clock::now
  std::function<double()> random;                                // [0,1); null: mt19937_64
};

struct SyncStatus {
  std::uint64_t last_acknowledged = 0;
  std::uint64_t last_sequence = 0;
  std::uint64_t depth = 0;              // records not yet acknowledged by the office
  std::optional<SyncError> last_error;  // cleared by the next successful upload round
  bool central_reachable = false;       // the last call got an answer from the office
  CircuitState circuit = CircuitState::closed;
  std::optional<std::chrono::steady_clock::time_point> next_attempt;  // set while backing off
  int consecutive_failures = 0;
  std::uint64_t batches_uploaded = 0;
  std::uint64_t records_uploaded = 0;  // new to the office (its "stored")
  std::int64_t config_version = 0;
  std::optional<std::string> last_heartbeat_server_time;
  bool running = false;
};

// JSON for the local API's sync.status: {"last_acknowledged", "last_sequence", "depth",
// "last_error": null | {"code", "message", "http_status", "api_code"}, "central_reachable",
// "circuit": "closed"|"open"|"half_open", "next_attempt_in_ms": null | n,
// "consecutive_failures", "batches_uploaded", "records_uploaded", "config_version",
// "last_heartbeat_server_time": null | "...", "running"}. `now` turns next_attempt into a delay.
nlohmann::json to_json(const SyncStatus& status, std::chrono::steady_clock::time_point now =
                                                     std::chrono::steady_clock::now());

class SyncEngine {
 public:
  SyncEngine(CentralClient& client, OutboxSource& outbox, SyncOptions options = {});
  ~SyncEngine();
  SyncEngine(const SyncEngine&) = delete;
  SyncEngine& operator=(const SyncEngine&) = delete;

  void start();
  void stop();
  // Upload now (also cuts a backoff wait short), then heartbeat/config when due. Returns
  // at once.
  void sync_now();
  SyncStatus status() const;
  // Blocks until the office has acknowledged `seq` (true), or the timeout passes / the
  // engine stops (false). For shutdown paths and tests.
  bool wait_for_ack(std::uint64_t seq, std::chrono::milliseconds timeout);

 private:
  using TimePoint = std::chrono::steady_clock::time_point;
  void run();
  void upload_round();
  void probe_if_open();  // an open breaker: ask the office every probe_interval
  void heartbeat_once();
  void config_once();
  void note_result(const SyncError* error);
  TimePoint now() const;

  CentralClient& client_;
  OutboxSource& outbox_;
  SyncOptions options_;
  Backoff backoff_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable progress_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  bool running_ = false;
  bool sync_requested_ = false;

  // Engine-thread state (guarded by mutex_ when read by status()).
  std::uint64_t cursor_ = 1;  // next sequence to send
  std::uint64_t acked_ = 0;   // highest sequence known acknowledged (for wait_for_ack)
  int failures_ = 0;
  TimePoint next_upload_{};
  TimePoint next_probe_{};
  TimePoint next_heartbeat_{};
  TimePoint next_config_{};
  bool backing_off_ = false;
  std::optional<SyncError> last_error_;
  bool reachable_ = false;
  std::uint64_t batches_ = 0, records_ = 0;
  std::int64_t config_version_ = 0;
  std::optional<std::string> server_time_;
};

}  // namespace kiosk::sync
