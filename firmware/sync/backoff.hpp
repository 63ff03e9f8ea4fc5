#pragma once
// Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And
// Jitter"): the n-th consecutive failure waits uniform[0, min(max, initial * 2^n)].
// Full jitter spreads a fleet of kiosks that lost the office at the same moment.
// Not thread-safe (one per retry loop). The random source is injected: [0, 1).
#include <chrono>
#include <functional>

namespace kiosk::sync {

struct BackoffOptions {
  std::chrono::milliseconds initial{500};
  std::chrono::milliseconds max{60'000};
};

class Backoff {
 public:
  // `random` null: a std::mt19937_64 seeded from std::random_device.
  explicit Backoff(BackoffOptions options = {}, std::function<double()> random = nullptr);

  // The delay before the next attempt after one more failure.
  std::chrono::milliseconds next_delay();
  // The ceiling the next next_delay() draws under (for status and tests).
  std::chrono::milliseconds current_ceiling() const;
  void reset() { failures_ = 0; }
  int failures() const { return failures_; }

 private:
  BackoffOptions options_;
  std::function<double()> random_;
  int failures_ = 0;
};

}  // namespace kiosk::sync
