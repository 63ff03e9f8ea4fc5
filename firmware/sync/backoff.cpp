#include "firmware/sync/backoff.hpp"

#include <algorithm>
#include <memory>
#include <random>

namespace kiosk::sync {

Backoff::Backoff(BackoffOptions options, std::function<double()> random)
    : options_(options), random_(std::move(random)) {
  if (options_.initial.count() < 1) options_.initial = std::chrono::milliseconds(1);
  if (options_.max < options_.initial) options_.max = options_.initial;
  if (!random_) {
    auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
    random_ = [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
  }
}

std::chrono::milliseconds Backoff::current_ceiling() const {
  // initial * 2^failures without overflow: stop doubling once at max.
  auto ceiling = options_.initial;
  for (int i = 0; i < failures_ && ceiling < options_.max; ++i) ceiling *= 2;
  return std::min(ceiling, options_.max);
}

std::chrono::milliseconds Backoff::next_delay() {
  const auto ceiling = current_ceiling();
  ++failures_;
  const double r = std::clamp(random_(), 0.0, 1.0);
  const auto ms =
      static_cast<std::chrono::milliseconds::rep>(r * static_cast<double>(ceiling.count()));
  return std::chrono::milliseconds(
      std::clamp<std::chrono::milliseconds::rep>(ms, 0, ceiling.count()));
}

}  // namespace kiosk::sync
