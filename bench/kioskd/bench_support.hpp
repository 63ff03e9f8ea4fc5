#pragma once
// What both kioskd benchmarks count with: elapsed milliseconds and percentiles of samples.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <vector>

namespace kiosk::bench {

using Clock = std::chrono::steady_clock;

inline double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// The nearest-rank percentile `p` (0..1) of `v`; 0 for no samples.
inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace kiosk::bench
