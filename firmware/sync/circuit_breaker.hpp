#pragma once
// A circuit breaker shared by every online call to the central office (thread-safe).
//
//   closed     calls pass; `failure_threshold` consecutive failures open it.
//   open       calls are refused at once (allow() == false) until `open_duration` has passed
//              on the injected clock; then the next allow() moves it to half_open.
//   half_open  exactly one trial call passes (others are refused while it runs); its success
//              closes the breaker, its failure opens it again for another `open_duration`.
//
// A "failure" is the office not answering usefully (unreachable, timeout, tls, 5xx, garbage);
// a 4xx decision answer proves the office is up and counts as a success (CentralClient decides).
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string_view>

namespace kiosk::sync {

enum class CircuitState { closed, open, half_open };
std::string_view to_string(CircuitState state);

struct CircuitBreakerOptions {
  int failure_threshold = 5;
  std::chrono::milliseconds open_duration{30'000};
  std::function<std::chrono::steady_clock::time_point()> clock;  // null = steady_clock::now
};

class CircuitBreaker {
 public:
  explicit CircuitBreaker(CircuitBreakerOptions options = {});

  // May a call go out now? In half_open only the first caller gets true (the trial).
  bool allow();
  void record_success();
  void record_failure();
  // The call that allow() let through ended without a verdict (cancelled locally): a
  // half-open trial slot is freed, the state does not change.
  void abandon();

  CircuitState state() const;
  int consecutive_failures() const;
  // When an open breaker lets a trial through (meaningful while open).
  std::chrono::steady_clock::time_point reopens_at() const;
  std::uint64_t times_opened() const;

 private:
  std::chrono::steady_clock::time_point now() const;
  void open_locked();

  CircuitBreakerOptions options_;
  mutable std::mutex mutex_;
  CircuitState state_ = CircuitState::closed;
  int failures_ = 0;
  bool trial_in_flight_ = false;
  std::chrono::steady_clock::time_point open_until_{};
  std::uint64_t times_opened_ = 0;
};

}  // namespace kiosk::sync
