#include "drivers/emu/common/time_scale.hpp"

#include <atomic>
#include <cstdlib>
#include <thread>

namespace kiosk::drivers::emu {
namespace {

double initial_scale() {
  const char* env = std::getenv("KIOSK_EMU_TIME_SCALE");
  if (env == nullptr || *env == '\0') return 1.0;
  char* end = nullptr;
  const double v = std::strtod(env, &end);
  if (end == env || v < 0) return 1.0;
  return v;
}

std::atomic<double>& scale_ref() {
  static std::atomic<double> scale{initial_scale()};
  return scale;
}

}  // namespace

double time_scale() {
  return scale_ref().load();
}

void set_time_scale(double scale) {
  scale_ref().store(scale < 0 ? 0.0 : scale);
}

std::chrono::milliseconds scaled(std::chrono::milliseconds real) {
  return std::chrono::milliseconds(
      static_cast<long long>(static_cast<double>(real.count()) * time_scale()));
}

bool device_delay(std::chrono::milliseconds real, const bool* interrupted) {
  const auto total = scaled(real);
  const auto step = std::chrono::milliseconds(5);
  auto left = total;
  while (left.count() > 0) {
    if (interrupted != nullptr && *interrupted) return false;
    const auto d = left < step ? left : step;
    std::this_thread::sleep_for(d);
    left -= d;
  }
  return true;
}

}  // namespace kiosk::drivers::emu
