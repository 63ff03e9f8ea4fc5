#include "firmware/sync/circuit_breaker.hpp"

#include <algorithm>

#include "protocol/enum_names.hpp"

namespace kiosk::sync {

constexpr auto kCircuitStateNames = KIOSK_ENUM_NAMES(CircuitState, closed, open, half_open);

std::string_view to_string(CircuitState state) {
  return protocol::name_of(kCircuitStateNames, state, "closed");
}

CircuitBreaker::CircuitBreaker(CircuitBreakerOptions options) : options_(std::move(options)) {
  options_.failure_threshold = std::max(1, options_.failure_threshold);
}

std::chrono::steady_clock::time_point CircuitBreaker::now() const {
  return options_.clock ? options_.clock() : std::chrono::steady_clock::now();
}

bool CircuitBreaker::allow() {
  std::lock_guard lock(mutex_);
  switch (state_) {
    case CircuitState::closed:
      return true;
    case CircuitState::open:
      if (now() < open_until_) return false;
      state_ = CircuitState::half_open;
      trial_in_flight_ = true;
      return true;
    case CircuitState::half_open:
      if (trial_in_flight_) return false;
      trial_in_flight_ = true;
      return true;
  }
  return false;
}

void CircuitBreaker::record_success() {
  std::lock_guard lock(mutex_);
  state_ = CircuitState::closed;
  failures_ = 0;
  trial_in_flight_ = false;
}

void CircuitBreaker::record_failure() {
  std::lock_guard lock(mutex_);
  ++failures_;
  if (state_ == CircuitState::half_open ||
      (state_ == CircuitState::closed && failures_ >= options_.failure_threshold)) {
    open_locked();
  }
}

void CircuitBreaker::abandon() {
  std::lock_guard lock(mutex_);
  trial_in_flight_ = false;
}

void CircuitBreaker::open_locked() {
  state_ = CircuitState::open;
  trial_in_flight_ = false;
  open_until_ = now() + options_.open_duration;
  ++times_opened_;
}

CircuitState CircuitBreaker::state() const {
  std::lock_guard lock(mutex_);
  return state_;
}

int CircuitBreaker::consecutive_failures() const {
  std::lock_guard lock(mutex_);
  return failures_;
}

std::chrono::steady_clock::time_point CircuitBreaker::reopens_at() const {
  std::lock_guard lock(mutex_);
  return open_until_;
}

std::uint64_t CircuitBreaker::times_opened() const {
  std::lock_guard lock(mutex_);
  return times_opened_;
}

}  // namespace kiosk::sync
